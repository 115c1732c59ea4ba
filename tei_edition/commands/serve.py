"""`tei-edition serve`: preview the HTML edition on 127.0.0.1, rebuilt and reloaded on every change."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tei_edition.cliutil import (
    CONFIG_OPTION,
    EXIT_OK,
    EXIT_USAGE,
    edition_or_exit,
    fail,
)
from tei_edition.commands.watch import JOBS_OPTION, TO_OPTION, formats_or_exit
from tei_edition.errors import Interrupted

if TYPE_CHECKING:
    from tei_edition.serve import PreviewServer


def serve(
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port)."),
    to: str = TO_OPTION,
    jobs: int = JOBS_OPTION,
    config: Path = CONFIG_OPTION,
) -> None:
    """Build the edition and serve build/html on 127.0.0.1; rebuild and reload the page on every change.

    Watches what `tei-edition watch` watches. A page whose TEI file does not
    validate shows its errors (file, line, rule) instead of the page until the
    file is corrected; the terminal prints them too. Only this machine can
    connect. Ctrl-C stops it (exit 0).
    """
    from tei_edition.serve import EditorLoop, LiveState, PreviewServer, Rebuilder

    edition = edition_or_exit(config)
    formats = formats_or_exit(to)
    if "html" not in formats:
        fail("--to must include html: serve shows the HTML edition", EXIT_USAGE)
    state = LiveState()
    rebuilder = Rebuilder(config, formats, jobs)
    server: PreviewServer | None = None
    try:
        loop = EditorLoop(config, rebuilder, lambda outcome: state.publish(outcome.problems))
        loop.build()
        try:
            server = PreviewServer(edition.build / "html", port, state)
        except OSError as exc:
            fail(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}", EXIT_USAGE)
        server.start()
        typer.echo(f"serving {edition.build / 'html'} at {server.url} (Ctrl-C stops)", err=True)
        loop.watch()
    except Interrupted as exc:
        if exc.signum != signal.SIGINT:
            raise
        typer.echo("stopped", err=True)  # Ctrl-C is how an editor ends the loop: not a failure
    finally:
        if server is not None:
            server.stop()
        rebuilder.close()
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    """Add `serve` to the CLI."""
    app.command("serve")(serve)


__all__ = [serve.__name__, register.__name__]
