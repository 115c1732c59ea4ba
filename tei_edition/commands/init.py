"""`tei-edition init DIR`: start a new edition for someone else's documents.

The new edition gets what the example edition has, made for it: edition.toml
(with commented examples of the archive-specific signs it can declare), an
empty sources/, xml/ with the three registers (no entries yet), a Makefile with
`make edition` and `make test`, and a README explaining the workflow. The files
are templates (tei_edition/templates/) filled with `@name@` values.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Final, Optional
from xml.sax.saxutils import escape

import typer

from tei_edition.cliutil import EXIT_USAGE, QUIET_OPTION, fail
from tei_edition.errors import TeiEditionError
from tei_edition.render import writers
from tei_edition.xmlio import parse_xml_bytes, write_atomic

TEMPLATES: Final = Path(__file__).resolve().parents[1] / "templates"

#: The checkout tei-edition runs from: the new edition's Makefile installs it from there.
CHECKOUT: Final = Path(__file__).resolve().parents[2]

#: Register file -> (list element, entry element, name element, what an entry is, plural).
REGISTERS: Final[dict[str, tuple[str, str, str, str, str]]] = {
    "persons.xml": ("listPerson", "person", "persName", "person", "persons"),
    "places.xml": ("listPlace", "place", "placeName", "place", "places"),
    "organisations.xml": ("listOrg", "org", "orgName", "organisation", "organisations"),
}

_PLACEHOLDER: Final = re.compile(r"@([a-z_]+)@")


class InitError(TeiEditionError):
    """Raised when a new edition cannot be started where asked."""


def init(
    directory: Path = typer.Argument(..., help="The folder of the new edition (created; must be empty if it exists)."),
    title: Optional[str] = typer.Option(None, "--title", help="The edition's title (default: the folder's name)."),
    editor: Optional[list[str]] = typer.Option(None, "--editor", help="An editor of the edition (repeat for several)."),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="Who publishes it (default: the editors)."),
    language: str = typer.Option("en", "--language", help="Language of the edition's own texts (BCP 47)."),
    quiet: bool = QUIET_OPTION,
) -> None:
    """Start a new edition: edition.toml, sources/, xml/ with empty registers, Makefile, README.

    Exit 0 when the edition is written, 1 when the folder is not empty or cannot be written,
    2 on usage errors.
    """
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
        fail(f"--language {language!r} is not a BCP 47 language tag", EXIT_USAGE)
    editors = editor or []
    values = {
        "title": title or directory.resolve().name,
        "editors": ", ".join(editors),
        "publisher": publisher or ", ".join(editors),
        "language": language,
        "date": str(datetime.date.today().year),
        "source": str(CHECKOUT),
        "formats": " ".join(sorted(writers())),
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    }
    values |= {f"{key}_toml": json.dumps(values[key], ensure_ascii=False) for key in ("title", "publisher", "language", "date")}
    values["editors_toml"] = json.dumps(editors, ensure_ascii=False)
    try:
        written = start_edition(directory, values)
    except (TeiEditionError, OSError) as exc:
        fail(str(exc))
    if not quiet:
        typer.echo(f"started the edition {values['title']!r} in {directory}: {len(written)} file(s); next: see {directory / 'README.md'}")


def start_edition(directory: Path, values: dict[str, str]) -> list[Path]:
    """Write the new edition's files from the templates; the folder must be absent or empty."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InitError(f"{directory}: exists and is not an empty folder; tei-edition init starts editions in new folders")
    files = {
        "edition.toml": fill("edition.toml", values),
        "Makefile": fill("Makefile", values),
        "README.md": fill("README.md", values),
        "sources/README.md": "Source texts of the edition, one plain-text transcription per file, as received.\n",
    }
    for file_name, (list_name, entry, name, kind, plural) in REGISTERS.items():
        register = fill("register.xml", {key: escape(value, {'"': "&quot;"}) for key, value in values.items()} | {"list": list_name, "entry": entry, "name": name, "kind": kind,
                                                    "kind_plural": plural, "file": file_name})
        parse_xml_bytes(register.encode("utf-8"), TEMPLATES / "register.xml")  # well-formed, or a named error
        files[f"xml/{file_name}"] = register
    written = []
    for relative, text in files.items():
        write_atomic(directory / relative, text)
        written.append(directory / relative)
    return written


def fill(template: str, values: dict[str, str]) -> str:
    """A template with every @name@ replaced; a name without a value is an error, not a gap."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")

    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise InitError(f"{TEMPLATES / template}: no value for @{match[1]}@")
        return values[match[1]]

    return _PLACEHOLDER.sub(value, text)


def register(app: typer.Typer) -> None:
    """Add `init` to the CLI."""
    app.command("init")(init)


__all__ = ["TEMPLATES", "CHECKOUT", InitError.__name__, init.__name__, start_edition.__name__, fill.__name__, register.__name__]
