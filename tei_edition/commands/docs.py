"""`tei-edition docs`: documentation generated from the edition's own files."""

from __future__ import annotations

from pathlib import Path

import typer

from tei_edition.cliutil import CONFIG_OPTION, QUIET_OPTION, edition_or_exit
from tei_edition.xmlio import write_atomic

docs_app = typer.Typer(help="Generate documentation from the edition's schema and files.", no_args_is_help=True)


@docs_app.command("schema")
def schema(
    out: Path = typer.Option(Path("build/html/guidelines.html"), "--out", "-o", help="The HTML page to write."),
    config: Path = CONFIG_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Write the encoding guidelines page: the schema's annotations with an example from the edition for each element."""
    from tei_edition.validate.guidelines import render_guidelines

    edition = edition_or_exit(config)
    files = sorted(edition.xml.glob("*.xml"))
    write_atomic(out, render_guidelines(edition.title, files))
    if not quiet:
        typer.echo(f"wrote {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add `docs` (with `docs schema`) to the CLI."""
    app.add_typer(docs_app, name="docs")


__all__ = [schema.__name__, register.__name__]
