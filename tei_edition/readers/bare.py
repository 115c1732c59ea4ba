"""Reader of a bare cable text: no page around it, the whole text is one document."""

from __future__ import annotations

from pathlib import Path

from tei_edition.conventions import Conventions
from tei_edition.model import Line, ReaderResult, SourceDocument
from tei_edition.readers.chrome import drop_chrome
from tei_edition.readers.versions import split_versions


def claims(lines: list[Line]) -> bool:
    """Every text is a bare cable if no other reader claims it."""
    return True


def read(path: Path, lines: list[Line], conventions: Conventions) -> ReaderResult:
    """One document, its versions split by script."""
    kept, dropped = drop_chrome(lines, conventions)
    document = SourceDocument(source=path, form="bare-cable")
    document.versions = split_versions(kept, [], translated=False)
    return ReaderResult([document] if document.versions else [], dropped)


__all__ = [claims.__name__, read.__name__]
