"""`tei-edition unconvert`: a TEI document back as a source text in the edition's conventions."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tei_edition.cliutil import CONFIG_OPTION, EXIT_ERRORS, edition_or_exit, fail
from tei_edition.conventions import compile_conventions, default_table
from tei_edition.errors import TeiEditionError
from tei_edition.registers import Registers
from tei_edition.unconvert import SourceWriter
from tei_edition.xmlio import parse_xml, write_atomic


def unconvert(
    document: Path = typer.Argument(..., help="A TEI document of the edition."),
    out: Path = typer.Option(None, "--out", "-o", help="Write the source text here (default: standard output)."),
    config: Path = CONFIG_OPTION,
) -> None:
    """Write a TEI document back as a source text; converting it gives the same TEI."""
    edition = edition_or_exit(config)
    try:
        root = parse_xml(document).getroot()
        writer = SourceWriter(compile_conventions(default_table(), edition.raw.get("conventions")), Registers.load(edition.registers))
        text = writer.write(root)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_ERRORS)
    except ValueError as exc:
        fail(f"{document}: {exc}", EXIT_ERRORS)
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomic(out, text)


def register(app: typer.Typer) -> None:
    """Add `unconvert` to the CLI."""
    app.command("unconvert")(unconvert)


__all__ = [unconvert.__name__, register.__name__]
