"""What the site's own pages took of each document, kept between builds in one file.

The site's pages list every document, and a rebuild after one changed source changes
one or two of them. So what the pages hold is kept: each document's place in the
pages' orders and facts (tei_edition.render.siteorder), the templates the pages were
joined from and the pages' stamps, and each file of the edition with its stamps (size,
modification time), as git keeps a file's stamps. A document is taken again while its
stamps are unchanged; any other is read, or made, again: taken out of the orders as
the file of its pieces then says (kept until the pages no longer hold them) and put in
as its pieces now say, so the work grows with the documents changed. After a register
changed, every document's pieces are read again (those naming it show it otherwise).
What is true is still decided by content: a stamp only says a file was not written since.
"""

from __future__ import annotations

import contextlib
import gc
import json
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from tei_edition.config import Edition
from tei_edition.errors import XmlInputError
from tei_edition.render import sitejoin, summaries
from tei_edition.render.corpus import edition_file_names
from tei_edition.render.siteorder import Held, InFile, Order, read
from tei_edition.xmlio import write_atomic
from tei_edition.xslt import ParamValue

#: The file the site's pages' state is kept in, inside the build folder.
ENTRIES = Path(".cache") / "html-site-entries.marshal"
#: Bump when what is kept changes: a file of another version (or Python's, whose marshal format
#: may differ) counts as none.
VERSION = (4, *sys.version_info[:2])
#: Past this share of changed documents, the orders are made again from every document's pieces
#: rather than changed one document at a time (after a forced build, every TEI file's stamps).
_REMAKE = 0.25

Stamp = tuple[int, int]


class _File(NamedTuple):
    """What is kept of one file of the edition."""

    stamp: Stamp
    pieces: str
    """The name of the file of its pieces ("": not a document)."""
    elements: int
    """The TEI elements the document uses (its place in `Site.element_sets`)."""
    id: str


class Site:
    """The site's pages' state: every document's place in the orders, the templates and the pages written last."""

    def __init__(self, kept: dict[str, Any] | None) -> None:
        kept = kept or {}
        self.files: dict[str, _File] = {key: _File(*item) for key, item in kept.get("files", {}).items()}
        self.element_sets: list[tuple[str, ...]] = kept.get("elements", [])
        self.registers: str = kept.get("registers", "")
        self.order = Order(kept.get("order"))
        self.facts: bytes = kept.get("facts", b"")
        """The facts and inputs (sitejoin.templates) the templates were made from."""
        self.templates: dict[str, bytes] = kept.get("templates", {})
        self.pages: dict[str, Stamp] = kept.get("pages", {})
        """The stamps of the pages as written last (from `templates` and the orders)."""
        self.examples: list[Path] = []
        """The documents that first use some TEI element, in file order: the guidelines' examples are
        first occurrences of elements in the edition's files, so these (then the registers) hold every one."""
        self._element_index: dict[tuple[str, ...], int] = {}
        self.changed = False
        """Whether any document was taken out or put in (what is kept must be written again)."""

    def elements(self, used: tuple[str, ...]) -> int:
        """The place of a set of TEI elements in `element_sets` (most documents use one of a few)."""
        if not self._element_index:
            self._element_index = {elements: at for at, elements in enumerate(self.element_sets)}
        if used not in self._element_index:
            self._element_index[used] = len(self.element_sets)
            self.element_sets.append(used)
        return self._element_index[used]

    def kept(self) -> dict[str, Any]:
        """What is kept between builds, once the pages are written (the orders note their pieces' sizes then)."""
        self.order.settle()
        return {"files": {key: tuple(item) for key, item in self.files.items()}, "elements": self.element_sets, "registers": self.registers,
                "order": self.order.kept(), "facts": self.facts, "templates": self.templates, "pages": self.pages}


def edition_site(edition: Edition, params: Callable[[], dict[str, ParamValue]], again: bool = False) -> Site:
    """The site's pages' state with every document of the edition as it is now, the kept state
    changed document by document (`again`: made from every document's pieces). An XmlInputError
    when two documents have one id. `params`: the page parameters (summaries.register_files), asked
    for only if some document has no kept pieces. The pieces no document has any more are deleted."""
    current = summaries.Current(edition)
    site = Site(None if again else _load(edition.build / ENTRIES))
    paths = [(path, stamp(path)) for path in edition_file_names(edition)]
    stale = [(key, stamped) for key, stamped in paths if key not in site.files or site.files[key].stamp != stamped]
    gone = set(site.files) - {key for key, _ in paths}
    if not site.pages or site.registers != current.registers or len(stale) + len(gone) > _REMAKE * max(len(paths), 1):
        site = Site(None)  # after a register changed, the pieces of the documents naming it show it otherwise
        stale = paths
    folder = edition.build / summaries.SUMMARY_CACHE
    replaced = []
    for key in [*gone, *(key for key, _ in stale)]:
        item = site.files.pop(key, None)
        if item is not None and item.pieces:
            site.order.remove(_held(folder / item.pieces, current))
            replaced.append(item.pieces)
            site.changed = True
    for key, stamped in stale:
        site.files[key] = _read(edition, params, key, stamped, current, site, by_file=not site.pages)
    site.registers = current.registers
    _examples(site, [key for key, _ in paths])
    if site.changed:  # made afresh, any pieces left by an earlier build are deleted too
        summaries.remove_stale(edition, {item.pieces for item in site.files.values() if item.pieces}, replaced if site.pages else None)
    return site


def save(edition: Edition, site: Site) -> None:
    """Keep the state once its pages are written (`site.pages`: their stamps)."""
    write_atomic(edition.build / ENTRIES, marshal.dumps((VERSION, summaries.stylesheets_digest(), site.kept())))


def _held(pieces: Path, current: summaries.Current) -> Held:
    """What the orders hold of a document, from the file of its pieces as they were put in (kept until
    the site's pages no longer hold them: `edition_site` deletes them after); LookupError: gone."""
    kept = current.kept(pieces)
    if kept is None:
        raise LookupError(f"{pieces} is gone")
    return sitejoin.entry_of(kept[1], b"").held


def _read(edition: Edition, params: Callable[[], dict[str, ParamValue]], key: str, stamped: Stamp, current: summaries.Current, site: Site,
          by_file: bool) -> _File:
    """A file's item, its pieces put in the orders (`by_file`: each search entry read from its file as its page is written)."""
    kept = summaries.document_pieces(edition, params, Path(key), current)
    if kept is None:
        return _File(stamped, "", -1, "")
    elements = site.elements(tuple(json.loads(kept.header)["elements"]))
    search = InFile(str(kept.file), kept.search, kept.size - kept.search)
    entry = sitejoin.entry_of(kept.data, search if by_file else read(search))
    sitejoin.add(site.order, entry)
    site.changed = True
    return _File(stamped, kept.file.name, elements, entry.held.id)


def _examples(site: Site, keys: list[str]) -> None:
    """Note the documents that first use some element (in file order); an XmlInputError when two documents have one id."""
    seen: dict[str, str] = {}
    used: set[str] = set()
    covered: set[int] = set()
    for key in keys:
        item = site.files[key]
        if not item.id:
            continue
        if item.id in seen:
            raise XmlInputError(Path(key), 1, 1, f"xml:id {item.id!r} is already the id of {seen[item.id]}")
        seen[item.id] = key
        if item.elements not in covered:
            covered.add(item.elements)
            elements = site.element_sets[item.elements]
            if not used.issuperset(elements):
                used.update(elements)
                site.examples.append(Path(key))


def _load(target: Path) -> dict[str, Any] | None:
    """The state kept by the last build, if made by this version with the stylesheets as they are.

    Marshal, not pickle: plain tuples of strings and bytes load in half the time and are
    written in a quarter."""
    try:
        with _collector_paused():
            version, stylesheets, kept = marshal.loads(target.read_bytes())  # not load(file): it reads object by object
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return kept if version == VERSION and stylesheets == summaries.stylesheets_digest() else None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the kept state is loaded, and none of it looked at by it
    after (gc.freeze): it holds no cycles (its memory is still freed when it goes), and the collector
    went through the objects made so far again and again, then through all of them once more at its
    next run (loading took four times as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def stamp(path: Path | str | int) -> Stamp:
    """A file's size and modification time."""
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


__all__ = ["ENTRIES", "Stamp", Site.__name__, edition_site.__name__, save.__name__, stamp.__name__]
