"""`tei-edition convert`: source texts in, one TEI file per document out, and a report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tei_edition.cliutil import (
    CONFIG_OPTION,
    EXIT_ERRORS,
    EXIT_USAGE,
    FORMAT_OPTION,
    QUIET_OPTION,
    TextOrJson,
    edition_or_exit,
    fail,
    print_json,
)
from tei_edition.errors import OutputError, TeiEditionError
from tei_edition.readers import READERS

if TYPE_CHECKING:
    from tei_edition.convert import SourceReport


def convert(
    sources: list[Path] = typer.Argument(..., help="Source texts, or directories of them (*.txt)."),
    out: Path = typer.Option(None, "--out", "-o", help="Where to write the TEI files (default: the edition's xml/)."),
    form: str = typer.Option(None, "--form", help=f"Read every source as this form: {', '.join(READERS)}."),
    encoding: str = typer.Option(None, "--encoding", help="The sources' encoding, when not UTF-8 (e.g. windows-1251)."),
    config: Path = CONFIG_OPTION,
    output_format: TextOrJson = FORMAT_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Convert source texts into TEI P5, one file per document, and report what was found."""
    from tei_edition.convert import ConvertOptions, convert_paths

    edition = edition_or_exit(config)
    if form is not None and form not in READERS:
        fail(f"--form {form!r}: no such reader; forms: {', '.join(READERS)}", EXIT_USAGE)
    out_dir = out if out is not None else edition.xml
    show_progress = not quiet and output_format is TextOrJson.text
    try:
        reports = convert_paths(
            sources,
            out_dir,
            edition,
            ConvertOptions(form=form, encoding=encoding),
            progress=(lambda p: typer.echo(f"converting {p}", err=True)) if show_progress else None,
        )
    except OutputError as exc:  # bad input or a full disk, not a usage error
        fail(str(exc), EXIT_ERRORS)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_USAGE)
    if output_format is TextOrJson.json:
        print_json({"sources": [r.as_dict() for r in reports], "out": str(out_dir)})
    else:
        for report in reports:
            _print_text(report, quiet)
    if any(r.errors for r in reports):
        raise typer.Exit(EXIT_ERRORS)


def _print_text(report: SourceReport, quiet: bool) -> None:
    for error in report.errors:
        typer.echo(f"{report.source}:{error['line']}:{error['column']}: error: {error['message']}", err=True)
    if quiet:
        return
    if report.errors:
        typer.echo(f"{report.source}: not converted")
        return
    typer.echo(f"{report.source}: {report.form}, {len(report.documents)} document(s)")
    for doc in report.documents:
        typer.echo(f"  {doc['file']}  {doc['date']}  {doc['title']}")
    if report.phenomena:
        typer.echo("  phenomena: " + ", ".join(f"{k} {v}" for k, v in sorted(report.phenomena.items())))
    for warning in report.warnings:
        typer.echo(f"  {report.source}:{warning['line']}: warning [{warning['kind']}] {warning['message']}")
    for line in report.dropped:
        typer.echo(f"  {report.source}:{line['line']}: dropped page chrome: {line['text'].strip()}")


def register(app: typer.Typer) -> None:
    """Add `convert` to the CLI."""
    app.command("convert")(convert)


__all__ = [convert.__name__, register.__name__]
