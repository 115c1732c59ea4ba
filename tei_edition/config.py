"""Load an edition's `edition.toml`: what the edition is and where its files live."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tei_edition.errors import ConfigError

DEFAULT_CONFIG = Path("edition.toml")
#: The most documents the whole edition's PDF (edition.pdf) is made of unless `[pdf] edition_limit` says
#: otherwise. WeasyPrint lays the book out in one piece, twice: about 4.7 MB of memory and 0.35 s per
#: document (measured on the bench's cables), so 500 documents take some 2.5 GB and three minutes, and
#: 10,000 would take some 47 GB. Past the limit the build makes each document's PDF and says how to
#: print the edition in volumes.
DEFAULT_PDF_EDITION_LIMIT = 500


@dataclass(frozen=True)
class Edition:
    """An edition as `edition.toml` describes it; paths are absolute."""

    root: Path
    title: str
    subtitle: str
    editors: tuple[str, ...]
    publisher: str
    licence: str
    licence_url: str
    language: str
    date: str
    sources: Path
    xml: Path
    registers: Path
    build: Path
    pdf_edition_limit: int = DEFAULT_PDF_EDITION_LIMIT
    """`[pdf] edition_limit`: the most documents edition.pdf is made of (more: it is not made)."""
    raw: dict = field(repr=False, default_factory=dict)


def load_edition(path: Path = DEFAULT_CONFIG) -> Edition:
    """Read and check `edition.toml`; every problem is a ConfigError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no edition configuration here (tei-edition init DIR starts one, --config names another)")
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8: save it as UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_POSITION.search(str(exc))
        position = f"{where['line']}:{where['column']}" if where else "1"
        raise ConfigError(f"{path}:{position}: not valid TOML: {_TOML_POSITION.sub('', str(exc))}") from exc
    edition = data.get("edition", {})
    paths = data.get("paths", {})
    if not isinstance(edition, dict) or not isinstance(paths, dict):
        raise ConfigError(f"{path}:1: [edition] and [paths] must be tables")
    root = path.resolve().parent
    for key in _FOLDERS_READ:
        if key in paths and not (root / str(paths[key])).is_dir():
            raise ConfigError(
                f"{path}:{_line_of_key(text, key)}: [paths] {key} = {paths[key]!r} names {root / str(paths[key])}, "
                "which is not a folder"
            )
    try:
        return Edition(
            root=root,
            title=str(edition["title"]),
            subtitle=str(edition.get("subtitle", "")),
            editors=tuple(str(e) for e in edition.get("editors", [])),
            publisher=str(edition.get("publisher", "")),
            licence=str(edition.get("licence", "CC BY 4.0")),
            licence_url=str(edition.get("licence_url", "https://creativecommons.org/licenses/by/4.0/")),
            language=str(edition.get("language", "en")),
            date=str(edition.get("date", "")),
            sources=root / paths.get("sources", "sources"),
            xml=root / paths.get("xml", "xml"),
            registers=root / paths.get("registers", paths.get("xml", "xml")),
            build=root / paths.get("build", "build"),
            pdf_edition_limit=_pdf_edition_limit(path, text, data.get("pdf", {})),
            raw=data,
        )
    except KeyError as exc:
        raise ConfigError(f"{path}:{_line_of_key(text, '[edition]')}: [edition] needs the key {exc.args[0]!r}") from exc


#: The folders every command reads from: a path to them that leads nowhere is a mistake in the file.
_FOLDERS_READ = ("xml", "registers")
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)")


def _pdf_edition_limit(path: Path, text: str, table: object) -> int:
    """`[pdf] edition_limit`, a whole number of documents from 1 (DEFAULT_PDF_EDITION_LIMIT when not given)."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:{_line_of_key(text, 'pdf')}: pdf must be a table ([pdf])")
    limit = table.get("edition_limit", DEFAULT_PDF_EDITION_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ConfigError(f"{path}:{_line_of_key(text, 'edition_limit')}: [pdf] edition_limit = {limit!r} must be a whole number "
                          "of documents, 1 or more (the most documents edition.pdf is made of)")
    return limit


def _line_of_key(text: str, key: str) -> int:
    """The line where `key` (a key, or a [table] header) is written, or 1."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*(=|$)" if not key.startswith("[") else rf"^\s*{re.escape(key)}\s*$")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


__all__ = [Edition.__name__, load_edition.__name__, "DEFAULT_CONFIG", "DEFAULT_PDF_EDITION_LIMIT"]
