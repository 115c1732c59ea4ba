"""The `tei-edition` command line: one typer app; each command lives in `commands/`."""

from __future__ import annotations

import typer

from tei_edition import __version__
from tei_edition.cliutil import run_interruptible
from tei_edition.commands import register_all

app = typer.Typer(
    name="tei-edition",
    help="Produce TEI-XML scholarly editions: convert sources, validate, render, hand over.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"tei-edition {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Produce TEI-XML scholarly editions: convert sources, validate, render, hand over."""


register_all(app)


def main() -> None:
    """Entry point of the console script (SIGINT and SIGTERM end it cleanly)."""
    run_interruptible(app)


__all__ = ["app", main.__name__]
