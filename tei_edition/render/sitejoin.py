"""The site's own pages joined from every document's pieces (tei_edition.render.summaries).

The pages' markup is the stylesheet's: each document's pieces come as the markup
they are on the pages, and the pages themselves from one transformation over the
few facts gathered (tei_edition.render.siteorder; xslt/html/site.xsl, mode te:site-page):
how many documents and quoted messages, the senders and recipients the filters offer,
years, kinds, the name forms the texts use and which register entries any document
names. That transformation leaves a processing instruction where the documents'
pieces go (the index's rows, the search entries, each register entry's lines), its
slot; here each slot's pieces are joined in, in their order.

After a change to a few documents most pieces are those the pages written last hold:
they are copied from those pages (`Layout`) as runs of bytes, and the transformation
runs again only when the facts changed, so the work grows with the change, not with
the edition.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from tei_edition.render.siteorder import Held, InFile, Order, key
from tei_edition.xslt import ParamValue, Stylesheet, document_node

#: The site's own pages, made by one transformation (xslt/html/site.xsl), the largest first.
SITE_PAGES = ("search.html", "index.html", "persons.html", "places.html", "organisations.html", "conventions.html")
#: Where a page's pieces go: `<?te-rows >`, `<?te-search >`, `<?te-mentions ENTRY-ID>`
#: (the HTML output method ends a processing instruction with ">"). Text cannot make
#: one (the serialiser escapes "<" in text); an attribute value (the HTML method leaves
#: "<" there) would have to be one of these markers word for word, a kind or a register
#: id that no edition has.
_SLOT = re.compile(rb"<\?te-(rows|search|mentions) ?([^>]*)>")


class Entry(NamedTuple):
    """What the pages take of one document's pieces (`entry_of`): what the orders and facts
    hold of it, and the markup of its rows, search entry and lines."""

    held: Held
    rows: list[bytes]
    search: bytes | InFile
    lines: list[bytes]


def entry_of(data: dict[str, Any], search: bytes | InFile) -> Entry:
    """A document's entry, from its pieces (Pieces.data) and its search entry (or where it is kept).
    Of the places a document names a sender or recipient, or uses a name form, it holds the first:
    the pages show where each is first named, which is one document's first."""
    date, identifier = data["date"], data["id"]
    keys, rows = [], []
    parties: dict[tuple[str, str], str] = {}
    for at, row in enumerate(data["rows"]):
        quoted = int(at > 0)
        keys.append(key(row["date"], identifier, row["corresp"], quoted, at))
        rows.append(row["html"].encode("utf-8"))
        for kind in ("sent", "received"):
            for position, (party, name) in enumerate(row[kind]):
                parties.setdefault((kind, party), key(quoted, date, identifier, at, position, name))  # places in order: the first stays
    entries, lines = [], []
    forms: dict[tuple[str, str], str] = {}
    for entry, line, names in data["mentions"]:
        entries.append(entry)
        lines.append(line.encode("utf-8"))
        for at, (form, lang) in enumerate(names):
            forms.setdefault((entry, form), key(date, identifier, at, lang))
    held = Held(date, identifier, keys, [row["year"] for row in data["rows"]], [row["kind"] for row in data["rows"]],
                [(kind, party, first) for (kind, party), first in parties.items()], entries,
                [(entry, form, first) for (entry, form), first in forms.items()])
    return Entry(held, rows, search, lines)


def add(order: Order, entry: Entry) -> None:
    """Put a document's pieces in the orders."""
    order.add(entry.held, entry.rows, entry.search, entry.lines)


def templates(stylesheet: Stylesheet, params: Mapping[str, ParamValue], order: Order) -> dict[str, bytes]:
    """Every site page with a slot where the documents' pieces go, by name, from the facts of `order`."""
    with tempfile.TemporaryDirectory(prefix="tei-edition-site-") as folder:
        site = Path(folder)
        stylesheet.transform(document_node(order.facts()), {**params, "site-folder": site.as_uri()}, source="the site's pages")
        return {name: (site / name).read_bytes() for name in SITE_PAGES}


class Layout:
    """Where each slot's pieces stand on the pages written last: each page as it is (`pages`:
    its bytes, or a view of them) and the template it was joined from, and the slots' sizes then."""

    def __init__(self, pages: Mapping[str, memoryview], made_from: Mapping[str, bytes], totals: Mapping[str, tuple[int, int]]) -> None:
        self._regions: dict[str, memoryview] = {}
        for name, template in made_from.items():
            page, moved = pages[name], 0
            for slot in _SLOT.finditer(template):
                start, held = slot.start() + moved, _slot_name(slot)
                size = totals.get(held, (0, 0))[1]
                self._regions[held] = page[start:start + size]
                moved += size - (slot.end() - slot.start())
            if len(page) != len(template) + moved:
                raise LookupError(f"{name} is not as it was joined")

    def region(self, slot: str) -> memoryview | None:
        """A slot's markup on the page written last (None: no page had it)."""
        return self._regions.get(slot)


def joined(template: bytes, order: Order, layout: Layout | None) -> Iterator[bytes | memoryview]:
    """A page: its template with each slot's pieces in place of its processing instruction."""
    at = 0
    for slot in _SLOT.finditer(template):
        yield template[at:slot.start()]
        name = _slot_name(slot)
        yield from order.slot(name).chunks(layout.region(name) if layout is not None else None)
        at = slot.end()
    yield template[at:]


def changed(template: bytes, order: Order, layout: Layout, kept: bytes) -> bool:
    """Whether a page joined from `template` differs from the one written last (joined from `kept`)."""
    if template != kept:
        return True
    return any(order.slots.taken(name) and order.slot(name).changed(layout.region(name)) for name in map(_slot_name, _SLOT.finditer(template)))


def site_pages(stylesheet: Stylesheet, params: Mapping[str, ParamValue], entries: Iterable[Entry]) -> dict[str, bytes]:
    """Every site page made from the documents' entries (any order), by name."""
    order = Order()
    for entry in entries:
        add(order, entry)
    made = templates(stylesheet, params, order)
    return {name: b"".join(joined(template, order, None)) for name, template in made.items()}


def _slot_name(slot: re.Match[bytes]) -> str:
    kind, entry = slot.group(1).decode("ascii"), slot.group(2).decode("utf-8")
    return f"{kind} {entry}" if kind == "mentions" else kind


__all__ = ["SITE_PAGES", Entry.__name__, entry_of.__name__, add.__name__, templates.__name__, Layout.__name__, joined.__name__,
           changed.__name__, site_pages.__name__]
