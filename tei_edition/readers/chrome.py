"""Web-page chrome: lines of a page that belong to no document, dropped and reported."""

from __future__ import annotations

from tei_edition.conventions import Conventions
from tei_edition.model import Line


def is_chrome(text: str, conventions: Conventions) -> bool:
    """True for a line the conventions table lists as page chrome."""
    stripped = text.strip()
    if not stripped:
        return False
    joined = conventions.any_chrome
    if joined is not None:
        return joined.match(stripped) is not None
    return any(p.match(stripped) for p in conventions.chrome)


def drop_chrome(lines: list[Line], conventions: Conventions) -> tuple[list[Line], list[Line]]:
    """The lines kept, and the chrome lines dropped."""
    kept: list[Line] = []
    dropped: list[Line] = []
    for line in lines:
        (dropped if is_chrome(line.text, conventions) else kept).append(line)
    return kept, dropped


__all__ = [is_chrome.__name__, drop_chrome.__name__]
