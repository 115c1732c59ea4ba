"""`tei-edition build`: convert, validate and render the whole edition, remaking only what changed."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from tei_edition.build.tasks import FORMATS
from tei_edition.cliutil import (
    CONFIG_OPTION,
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    FORMAT_OPTION,
    QUIET_OPTION,
    TextOrJson,
    edition_or_exit,
    fail,
    print_json,
)
from tei_edition.errors import TeiEditionError

if TYPE_CHECKING:
    from tei_edition.build import BuildReport


class ExecutorName(str, Enum):
    """Where the per-document tasks run."""

    local = "local"
    dask = "dask"


class View(str, Enum):
    """Which view of the text the one-view formats (text, PDF) show."""

    reading = "reading"
    diplomatic = "diplomatic"


def build(
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: one per CPU; 1: no workers)."),
    force: bool = typer.Option(False, "--force", help="Remake every output, even those up to date."),
    to: str = typer.Option(",".join(FORMATS), "--to", "-t", help=f"Output formats, comma-separated, of: {', '.join(FORMATS)}."),
    view: View = typer.Option(View.reading, "--view", help="View of the text in the text and PDF editions."),
    executor: ExecutorName = typer.Option(ExecutorName.local, "--executor", help="Run tasks here (local) or on a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="The Dask scheduler's address, tcp://HOST:PORT (with --executor dask)."),
    config: Path = CONFIG_OPTION,
    output_format: TextOrJson = FORMAT_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Build the edition: sources to TEI (xml/), validation, HTML, text and PDF (build/).

    Only outputs whose inputs changed since the last build are remade (the
    manifest is build/manifest.json); pages that list every document are remade
    when any document changes. Exit 0 when everything was made and validation
    found no error, 1 otherwise, 2 on usage errors.
    """
    from tei_edition.build import BuildOptions, DaskExecutor, ExecutorError, build_edition, local_executor
    from tei_edition.build.progress import BarProgress

    edition = edition_or_exit(config)
    formats = tuple(f.strip() for f in to.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        fail(f"--to {','.join(unknown)}: no such format; formats: {', '.join(FORMATS)}", EXIT_USAGE)
    if executor is ExecutorName.dask and not scheduler:
        fail("--executor dask needs --scheduler tcp://HOST:PORT", EXIT_USAGE)
    try:
        runner = DaskExecutor(scheduler) if executor is ExecutorName.dask else local_executor(jobs)
    except ExecutorError as exc:
        fail(str(exc), EXIT_USAGE)
    progress = BarProgress() if not quiet and output_format is TextOrJson.text else None
    try:
        report = build_edition(edition, BuildOptions(formats, force, view.value), runner, progress)
    except TeiEditionError as exc:
        fail(str(exc))
    finally:
        if progress is not None:
            progress.close()
        runner.close()
    if output_format is TextOrJson.json:
        print_json(report.as_json())
    else:
        _print_text(report, quiet)
    raise typer.Exit(EXIT_ERRORS if report.failed else EXIT_OK)


def _print_text(report: BuildReport, quiet: bool) -> None:
    for message in report.errors:
        typer.echo(f"error: {message}", err=True)
    if not quiet:
        for message in report.warnings:
            typer.echo(f"warning: {message}", err=True)
    for issue in report.issues:
        if issue.severity == "error" or not quiet:
            typer.echo(issue.as_text(), err=True)
    if quiet:
        return
    made = ", ".join(f"{stage} {count}" for stage, count in sorted(report.made.items())) or "nothing"
    fresh = sum(report.up_to_date.values())
    errors = sum(1 for issue in report.issues if issue.severity == "error") + len(report.errors)
    warnings = sum(1 for issue in report.issues if issue.severity == "warning") + len(report.warnings)
    typer.echo(
        f"{report.sources} sources, {report.documents} documents: made {made}; {fresh} up to date; "
        f"{report.removed} removed; {errors} errors, {warnings} warnings ({report.seconds:.2f} s)",
        err=True,
    )


def register(app: typer.Typer) -> None:
    """Add `build` to the CLI."""
    app.command("build")(build)


__all__ = [ExecutorName.__name__, View.__name__, build.__name__, register.__name__]
