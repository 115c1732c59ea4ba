"""The readers: one per source form, each turning a source text into documents.

A registry, not a switch: `READERS` maps a form's name to its reader module;
`detect_form` asks each reader whether a text is of its form, most specific
first, and the bare-cable reader takes whatever no other reader claims.
"""

from __future__ import annotations

from types import ModuleType

from tei_edition.errors import TeiEditionError
from tei_edition.model import Line
from tei_edition.readers import bare, cwihp, wilson

#: Form name -> reader module (each has `claims(lines)` and `read(path, lines, options)`).
READERS: dict[str, ModuleType] = {
    "wilson-record": wilson,
    "cwihp-compilation": cwihp,
    "bare-cable": bare,
}


class UnknownReader(TeiEditionError):
    """Raised when a form is asked for that no reader reads."""


def get_reader(name: str) -> ModuleType:
    """The reader of a form, by name."""
    try:
        return READERS[name]
    except KeyError:
        raise UnknownReader(f"no reader for the form {name!r}; forms: {', '.join(READERS)}") from None


def detect_form(lines: list[Line]) -> str:
    """The form of a source text: the first reader that claims it."""
    for name, reader in READERS.items():
        if reader.claims(lines):
            return name
    return "bare-cable"


__all__ = ["READERS", UnknownReader.__name__, get_reader.__name__, detect_form.__name__]
