"""What every command shares: the common options and the way results are printed."""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from tei_edition.config import DEFAULT_CONFIG, Edition, load_edition
from tei_edition.errors import Interrupted, TeiEditionError


class TextOrJson(str, Enum):
    """Report formats every command offers: for people, or for programs."""

    text = "text"
    json = "json"


CONFIG_OPTION = typer.Option(DEFAULT_CONFIG, "--config", "-c", help="The edition's configuration file.")
QUIET_OPTION = typer.Option(False, "--quiet", "-q", help="Print nothing but errors.")
FORMAT_OPTION = typer.Option(TextOrJson.text, "--format", "-f", help="Report format.")

#: Exit codes, as typer and the README promise them.
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def edition_or_exit(config: Path) -> Edition:
    """Load the edition configuration, or exit 1 with its error (a broken edition.toml is bad input)."""
    try:
        return load_edition(config)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_ERRORS)
        raise  # unreachable: fail() exits


def fail(message: str, code: int = EXIT_ERRORS) -> None:
    """Print one error line on stderr and exit with `code`."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def run_interruptible(app: typer.Typer) -> None:
    """Run the CLI so that SIGINT and SIGTERM stop it cleanly, with a message and 128 + the signal's number.

    The signal becomes an `Interrupted` exception in the main process, so every
    `finally` runs (worker pools finish their current task, temporaries are
    removed) and every output is either complete and old or complete and new.
    Forked workers ignore SIGINT (a Ctrl-C reaches the whole process group: the
    main process decides), keep the default SIGTERM, and get it when the main
    process dies (even by `kill -9`), so that no orphan goes on working. Once the
    command has returned, a late signal has nothing left to stop: the default
    handlers come back for the interpreter's shutdown.
    """

    def interrupt(signum: int, _frame: object) -> None:
        for each in _STOP_SIGNALS:  # a second Ctrl-C must not break the clean-up of the first
            signal.signal(each, signal.SIG_IGN)
        raise Interrupted(signum, signal.Signals(signum).name)

    for signum in _STOP_SIGNALS:
        signal.signal(signum, interrupt)
    os.register_at_fork(after_in_child=_worker_signals)
    try:
        app()
    except Interrupted as exc:
        typer.echo(
            f"error: interrupted by {exc.name}: every file written so far is complete; run the command again to finish",
            err=True,
        )
        sys.exit(128 + exc.signum)
    finally:
        for signum in _STOP_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _worker_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def print_json(data: Any) -> None:
    """Print a machine-readable report (stable key order, UTF-8)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


__all__ = [
    TextOrJson.__name__,
    "CONFIG_OPTION",
    "QUIET_OPTION",
    "FORMAT_OPTION",
    "EXIT_OK",
    "EXIT_ERRORS",
    "EXIT_USAGE",
    edition_or_exit.__name__,
    fail.__name__,
    run_interruptible.__name__,
    print_json.__name__,
]
