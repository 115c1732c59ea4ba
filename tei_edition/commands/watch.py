"""`tei-edition watch`: rebuild and validate the edition whenever one of its files changes."""

from __future__ import annotations

import signal
from pathlib import Path

import typer

from tei_edition.build.tasks import FORMATS
from tei_edition.cliutil import (
    CONFIG_OPTION,
    EXIT_OK,
    EXIT_USAGE,
    edition_or_exit,
    fail,
)
from tei_edition.errors import Interrupted

TO_OPTION = typer.Option("html", "--to", "-t", help=f"Output formats to keep up to date, comma-separated, of: {', '.join(FORMATS)}.")
JOBS_OPTION = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: one per CPU).")


def formats_or_exit(to: str) -> tuple[str, ...]:
    """The formats `--to` names, or exit 2 naming the unknown ones."""
    formats = tuple(f.strip() for f in to.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        fail(f"--to {to}: formats are {', '.join(FORMATS)}", EXIT_USAGE)
    return formats


def watch(to: str = TO_OPTION, jobs: int = JOBS_OPTION, config: Path = CONFIG_OPTION) -> None:
    """Build the edition, then rebuild what each change touches until Ctrl-C.

    Watches the sources, the TEI and registers, the stylesheets, the schema and
    rules, the front matter and edition.toml; prints the errors of what changed
    as `file:line:column: error [rule] message`. Ctrl-C stops it (exit 0).
    """
    from tei_edition.serve import EditorLoop, Rebuilder

    edition_or_exit(config)
    rebuilder = Rebuilder(config, formats_or_exit(to), jobs)
    try:
        loop = EditorLoop(config, rebuilder, lambda outcome: None)
        loop.build()
        typer.echo("watching for changes (Ctrl-C stops)", err=True)
        loop.watch()
    except Interrupted as exc:
        if exc.signum != signal.SIGINT:
            raise
        typer.echo("stopped", err=True)  # Ctrl-C is how an editor ends the loop: not a failure
    finally:
        rebuilder.close()
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    """Add `watch` to the CLI."""
    app.command("watch")(watch)


__all__ = ["TO_OPTION", "JOBS_OPTION", formats_or_exit.__name__, watch.__name__, register.__name__]
