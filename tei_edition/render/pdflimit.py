"""How large a whole edition's PDF may be: past `[pdf] edition_limit` documents it is not made.

WeasyPrint lays the whole edition out in one piece, twice (the registers' page
numbers come from the first layout), and holds every page of it until it is
written: its memory grows with the documents (see config.DEFAULT_PDF_EDITION_LIMIT),
and 10,000 documents took 16 GB within ten minutes, unfinished. Each document's own
PDF takes what one document takes, so those are made at any size, and an edition
past the limit is printed in volumes, a selection of documents at a time. Kept apart
from the PDF writer, which imports WeasyPrint: the build plans with this in its
main process.
"""

from __future__ import annotations

from pathlib import Path

from tei_edition.config import Edition

#: The whole edition's file name in the output folder.
EDITION_FILE = "edition.pdf"


def edition_pdf_refused(edition: Edition, documents: int, target: Path) -> str | None:
    """Why `target`, the PDF of `documents` documents of the edition, is not made; None when it is."""
    limit = edition.pdf_edition_limit
    if documents <= limit:
        return None
    return (f"{target}: not made: {documents} documents are more than [pdf] edition_limit = {limit} (edition.toml) lets "
            "WeasyPrint lay out as one PDF, all in memory at once; print the edition in volumes of at most "
            f"{limit} documents, each with tei-edition render --to pdf FILES-OR-FOLDERS --out FOLDER "
            "(e.g. xml/d1950-*.xml --out build/pdf/1950), or raise the limit")


__all__ = ["EDITION_FILE", edition_pdf_refused.__name__]
