"""What the site's own pages took of each document, kept between builds in one file.

The site's pages list every document, and a rebuild after one changed source changes
one or two of them. Reading and hashing every document to find its kept pieces, and
reading and decoding every piece again, cost 2.4 s of CPU at 10,000 documents. So the
entries the pages take of each document (sitejoin.Entry) are kept in one file, each
with the stamps (size, modification time) of the document's file and of the file of
its pieces, as git keeps a file's stamps: an entry is taken again while both are
unchanged, made with the same stylesheets, and its pieces still show the register
entries as they are (their header); any other is read, or made, again. What is true
is still decided by content: a stamp only says a file was not written since.
"""

from __future__ import annotations

import contextlib
import gc
import json
import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from tei_edition.config import Edition
from tei_edition.errors import XmlInputError
from tei_edition.render import summaries
from tei_edition.render.corpus import edition_files
from tei_edition.render.sitejoin import Entry, entry_of
from tei_edition.xmlio import write_atomic
from tei_edition.xslt import ParamValue

#: The file the entries are kept in, inside the build folder.
ENTRIES = Path(".cache") / "html-site-entries.marshal"
#: Bump when what is kept changes: a file of another version (or Python's, whose marshal format
#: may differ) counts as none.
VERSION = (1, *sys.version_info[:2])

Stamp = tuple[int, int]


class _Item(NamedTuple):
    """What is kept of one file of the edition: its stamp, and for a document its pieces' file, stamp, header and entry."""

    stamp: Stamp
    pieces: str
    pieces_stamp: Stamp
    header: bytes
    elements: list[str]
    """The TEI elements the document uses."""
    entry: Entry | None
    """None: the file is not a document (a register)."""


class Gathered(NamedTuple):
    """Every document's entry, and the documents that first use some TEI element, in file order."""

    entries: list[Entry]
    examples: list[Path]
    """The guidelines' examples are first occurrences of elements in the edition's files, so
    these documents (then the registers) hold every one: the others need not be read."""


def edition_entries(edition: Edition, params: dict[str, ParamValue]) -> Gathered:
    """Every document's entry, in file order (an XmlInputError when two documents have one id),
    the entries kept again; and the documents that first use an element. `params`: the page
    parameters (summaries.register_files). The pieces no document has any more are deleted."""
    target = edition.build / ENTRIES
    kept = _load(target)
    current = summaries.Current(edition)
    folder = str(edition.build / summaries.SUMMARY_CACHE)
    items: dict[str, _Item] = {}
    entries: list[Entry] = []
    examples: list[Path] = []
    used: set[str] = set()
    seen: dict[str, Path] = {}
    changed = False
    for path in edition_files(edition):
        key = str(path)
        item = _reused(kept.get(key), key, folder, current)
        if item is None:
            item = _read(edition, params, path, current)
            changed = True
        items[key] = item
        if item.entry is None:
            continue
        if item.entry.id in seen:
            raise XmlInputError(path, 1, 1, f"xml:id {item.entry.id!r} is already the id of {seen[item.entry.id]}")
        seen[item.entry.id] = path
        entries.append(item.entry)
        if not used.issuperset(item.elements):
            used.update(item.elements)
            examples.append(path)
    if changed or len(items) != len(kept):  # every item is one of `kept` otherwise
        summaries.remove_stale(edition, {item.pieces for item in items.values() if item.entry is not None})
        plain = {key: (*item[:5], None if item.entry is None else tuple(item.entry)) for key, item in items.items()}
        write_atomic(target, marshal.dumps((VERSION, summaries.stylesheets_digest(), plain)))
    return Gathered(entries, examples)


def _load(target: Path) -> dict[str, _Item]:
    """The items kept by the last build, if made by this version with the stylesheets as they are.

    Marshal, not pickle: plain tuples of strings and bytes, two million objects at 10,000
    documents, load in half the time and are written in a quarter (an incremental
    build writes them again)."""
    try:
        with _collector_paused():
            version, stylesheets, plain = marshal.loads(target.read_bytes())  # not load(file): it reads object by object
        if version != VERSION or stylesheets != summaries.stylesheets_digest():
            return {}
        return {key: _Item(*item[:5], None if item[5] is None else Entry._make(item[5])) for key, item in plain.items()}
    except (OSError, ValueError, EOFError, TypeError):
        return {}


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the kept items are loaded, and none of them looked
    at by it after (gc.freeze): they hold no cycles (their memory is still freed when they go),
    and the collector went through the objects made so far again and again, then through all
    of them once more at its next run (loading took four times as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _reused(item: _Item | None, path: str, folder: str, current: summaries.Current) -> _Item | None:
    """The kept item of a file, if neither the file nor its pieces (in `folder`) were written since and the pieces are current."""
    if item is None or item.stamp != _stamp(path):
        return None
    if item.entry is None:
        return item
    try:
        pieces_stamp = _stamp(os.path.join(folder, item.pieces))
    except OSError:
        return None
    return item if pieces_stamp == item.pieces_stamp and current.shows(item.header) else None


def _read(edition: Edition, params: dict[str, ParamValue], path: Path, current: summaries.Current) -> _Item:
    stamp = _stamp(path)
    kept = summaries.document_pieces(edition, params, path, current)
    if kept is None:
        return _Item(stamp, "", (0, 0), b"", [], None)
    elements = json.loads(kept.header)["elements"]
    return _Item(stamp, kept.file.name, _stamp(kept.file), kept.header, elements, entry_of(kept.data, (str(kept.file), kept.search)))


def _stamp(path: Path | str) -> Stamp:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


__all__ = ["ENTRIES", Gathered.__name__, edition_entries.__name__]
