"""`tei-edition export`: hand the edition over in a format other projects take in."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

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
from tei_edition.export import EXPORTERS, ExportOptions, UnknownExporter, get_exporter
from tei_edition.render.corpus import load_corpus


def export(
    to: str = typer.Option("tei", "--to", "-t", help=f"Format: {', '.join(EXPORTERS)}."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output folder, replaced as a whole (default: the edition's build/export/FORMAT)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="URL the export will be published at (default: \\[export] base_url in edition.toml; none: relative links)."),
    config: Path = CONFIG_OPTION,
    output_format: TextOrJson = FORMAT_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Export the edition: TEI files, one teiCorpus, CMIF, a static DTS tree, a BagIt bag, or a JSON/CSV table.

    The output folder is built aside and replaced only when the export succeeds;
    a folder that is neither empty nor an earlier export is never replaced.
    Exit 0 on success, 1 when the edition cannot be exported, 2 on usage errors.
    """
    edition = edition_or_exit(config)
    try:
        exporter = get_exporter(to)
    except UnknownExporter as exc:
        fail(str(exc), EXIT_USAGE)
    url = base_url if base_url is not None else str(edition.raw.get("export", {}).get("base_url", ""))
    if url and not url.endswith("/"):
        url += "/"
    out_dir = out if out is not None else edition.build / "export" / to
    try:
        report = exporter.export(load_corpus(edition), ExportOptions(out=out_dir, base_url=url))
    except TeiEditionError as exc:
        fail(str(exc))
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if output_format is TextOrJson.json:
        print_json(report.as_json())
    elif not quiet:
        typer.echo(f"{to}: {len(report.documents)} document(s), {len(report.files)} file(s) in {out_dir}")


def register(app: typer.Typer) -> None:
    """Add `export` to the CLI."""
    app.command("export")(export)


__all__ = [export.__name__, register.__name__]
