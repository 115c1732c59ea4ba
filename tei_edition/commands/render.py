"""`tei-edition render`: the edition's TEI into HTML (and every other writer's format)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from tei_edition.cliutil import (
    CONFIG_OPTION,
    EXIT_USAGE,
    FORMAT_OPTION,
    QUIET_OPTION,
    TextOrJson,
    edition_or_exit,
    fail,
    print_json,
)
from tei_edition.errors import TeiEditionError
from tei_edition.render import RenderOptions, UnknownWriter, get_writer, writer_formats
from tei_edition.render.corpus import load_corpus


class View(str, Enum):
    """Which view of the text a single-view format shows."""

    reading = "reading"
    diplomatic = "diplomatic"


def render(
    paths: list[Path] = typer.Argument(None, help="TEI documents or folders of them (default: the edition's xml/)."),
    to: str = typer.Option("html", "--to", "-t", help="Output format (a writer in tei_edition/render/)."),
    out: Path = typer.Option(None, "--out", "-o", help="Output folder (default: the edition's build/FORMAT)."),
    view: View = typer.Option(View.reading, "--view", help="View of the text for one-view formats; HTML shows both."),
    per_document: bool = typer.Option(False, "--per-document", help="PDF: one file per document as well as the whole edition's."),
    config: Path = CONFIG_OPTION,
    output_format: TextOrJson = FORMAT_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Render TEI documents with the edition's XSLT stylesheets (HTML site, PDF, plain text)."""
    edition = edition_or_exit(config)
    try:
        writer = get_writer(to)
    except UnknownWriter as exc:
        fail(str(exc), EXIT_USAGE)
    out_dir = out if out is not None else edition.build / to
    try:
        corpus = load_corpus(edition, paths or [])
        report = writer.write(corpus, RenderOptions(out=out_dir, view=view.value, per_document=per_document))
    except TeiEditionError as exc:
        fail(str(exc))
    if output_format is TextOrJson.json:
        print_json(report.as_json())
    elif not quiet:
        typer.echo(f"{to}: {len(report.documents)} document(s), {len(report.files)} file(s) in {out_dir}")


def register(app: typer.Typer) -> None:
    """Add `render` to the CLI."""
    app.command("render", help=f"Render TEI documents ({', '.join(writer_formats())}).")(render)


__all__ = [View.__name__, render.__name__, register.__name__]
