"""What every command shares: the common options and the way results are printed."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from tei_edition.config import DEFAULT_CONFIG, Edition, load_edition
from tei_edition.errors import TeiEditionError


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
    """Load the edition configuration, or exit 2 with its error."""
    try:
        return load_edition(config)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_USAGE)
        raise  # unreachable: fail() exits


def fail(message: str, code: int = EXIT_ERRORS) -> None:
    """Print one error line on stderr and exit with `code`."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


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
    print_json.__name__,
]
