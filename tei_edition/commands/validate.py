"""`tei-edition validate`: check TEI files against the edition's schema and editorial rules."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from tei_edition.cliutil import CONFIG_OPTION, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, QUIET_OPTION, edition_or_exit, fail
from tei_edition.errors import TeiEditionError
from tei_edition.xmlio import write_atomic


class ReportFormat(str, Enum):
    """How the report is written: for people, programs, or CI systems."""

    text = "text"
    json = "json"
    junit = "junit"
    github = "github"
    sarif = "sarif"


#: Below this many files a progress line is noise.
_PROGRESS_FROM = 50


def validate(
    paths: Optional[list[Path]] = typer.Argument(None, help="TEI files or directories (default: the edition's xml/)."),
    report_format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Report format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file (junit, sarif: the file CI reads)."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail the run too (exit 1)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Parallel processes (0: one per CPU)."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF", help="Only files changed since this git revision (and new files in xml/), and the files pointing to them."),
    config: Path = CONFIG_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Check TEI files against the schema and the editorial rules; report every problem.

    Each problem is reported as `file:line:column: error|warning \\[rule-id] message`,
    with the source line it came from when the converter recorded it. Exit 0 when
    there are no errors (warnings allowed unless --strict), 1 when there are, 2 on
    usage errors or unreadable input.
    """
    from tei_edition.validate import FORMATTERS, UnreadableInput, collect_files, validate_files
    from tei_edition.validate.runner import print_progress

    if changed_since is not None:
        from tei_edition.changed import changed_paths_or_exit  # git is needed by this option only

        paths = changed_paths_or_exit(changed_since, paths or [], config, quiet)
    if not paths:
        paths = [edition_or_exit(config).xml]
    try:
        files = collect_files(paths)
    except UnreadableInput as exc:
        fail(str(exc), EXIT_USAGE)
    if not files:
        fail(f"no XML files in {', '.join(str(p) for p in paths)}", EXIT_USAGE)
    workers = jobs or os.cpu_count() or 1
    progress = print_progress if not quiet and len(files) >= _PROGRESS_FROM else None
    try:
        report = validate_files(files, workers, progress)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_USAGE)
    rendered = FORMATTERS[report_format.value](report)
    if output is not None:
        try:
            write_atomic(output, rendered)
        except TeiEditionError as exc:
            fail(str(exc), EXIT_ERRORS)
    else:
        typer.echo(rendered, nl=False)
    errors, warnings = report.count("error"), report.count("warning")
    if not quiet:
        typer.echo(
            f"{len(report.files)} files: {errors} errors, {warnings} warnings ({report.seconds:.2f} s)",
            err=True,
        )
    failed = errors > 0 or (strict and warnings > 0)
    raise typer.Exit(EXIT_ERRORS if failed else EXIT_OK)


def register(app: typer.Typer) -> None:
    """Add `validate` to the CLI."""
    app.command("validate")(validate)


__all__ = [ReportFormat.__name__, validate.__name__, register.__name__]
