"""The toolkit's exceptions: one base class, subclasses that carry their data."""

from __future__ import annotations

from pathlib import Path


class TeiEditionError(Exception):
    """Raised for every failure the toolkit reports to its user (never a traceback)."""


class SourceError(TeiEditionError):
    """Raised when a source text cannot be read or converted; names file and line."""

    def __init__(self, path: Path | str, line: int, message: str, column: int = 1) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(f"{path}:{line}:{column}: {message}")


class ConfigError(TeiEditionError):
    """Raised when edition.toml is missing, malformed or names paths that do not exist."""


class XmlInputError(TeiEditionError):
    """Raised when an XML input is unreadable, not well-formed or hostile."""

    def __init__(self, path: Path | str, line: int, column: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(f"{path}:{line}:{column}: {message}")


class OutputError(TeiEditionError):
    """Raised when an output file cannot be written (folder not writable, disk full); names the file."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


class Interrupted(BaseException):
    """Raised in the main process by SIGINT or SIGTERM, so that every `finally` runs and no half file stays.

    A BaseException, like KeyboardInterrupt, so that no `except TeiEditionError`
    or `except Exception` swallows it on its way out.
    """

    def __init__(self, signum: int, name: str) -> None:
        self.signum = signum
        self.name = name
        super().__init__(name)


__all__ = [
    TeiEditionError.__name__,
    SourceError.__name__,
    ConfigError.__name__,
    XmlInputError.__name__,
    OutputError.__name__,
    Interrupted.__name__,
]
