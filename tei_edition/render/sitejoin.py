"""The site's own pages joined from every document's pieces (tei_edition.render.summaries).

The pages' markup is the stylesheet's: each document's pieces come as the markup
they are on the pages, and the pages themselves from one transformation over the
few facts gathered here (xslt/html/site.xsl, mode te:site-page): how many documents
and quoted messages, the senders and recipients the filters offer, years, kinds, the
name forms the texts use and which register entries any document names. That
transformation leaves a processing instruction where the documents' pieces go (the
index's rows, the search entries, each register entry's lines); here they are put
in their order and joined in.

The pieces are read one document at a time and only the markup the pages show is
kept (as UTF-8), each with the place it takes; the search entries are read again as
their page is written. So the memory is about that of the index and register pages,
and the work a sort and a join.
"""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree

from tei_edition.xslt import ParamValue, Stylesheet, document_node

TE_NS = "https://tei-edition.example/ns"
#: The site's own pages, made by one transformation (xslt/html/site.xsl), the largest first.
SITE_PAGES = ("search.html", "index.html", "persons.html", "places.html", "organisations.html", "conventions.html")
#: Where a page's pieces go: `<?te-rows >`, `<?te-search >`, `<?te-mentions ENTRY-ID>`
#: (the HTML output method ends a processing instruction with ">"). Text cannot make
#: one (the serialiser escapes "<" in text); an attribute value (the HTML method leaves
#: "<" there) would have to be one of these markers word for word, a kind or a register
#: id that no edition has.
_SLOT = re.compile(rb"<\?te-(rows|search|mentions) ?([^>]*)>")

#: Where a sender or recipient is first named: in a document's own row (0) or a quoted
#: message's (1), the document's date and id, the row's place in the document, the name's in the row.
Place = tuple[int, str, str, int, int]


def site_pages(stylesheet: Stylesheet, params: Mapping[str, ParamValue], entries: Iterable[Entry]) -> dict[str, Callable[[], Iterator[bytes]]]:
    """Every site page made from the documents' entries (any order), by name, each as what
    gives its bytes one after the other, as often as asked (the search entries are read
    as they are written: the page is never whole in memory)."""
    gathered = _Gathered()
    for each in entries:
        gathered.add(each)
    with tempfile.TemporaryDirectory(prefix="tei-edition-site-") as folder:
        site = Path(folder)
        stylesheet.transform(document_node(gathered.facts()), {**params, "site-folder": site.as_uri()}, source="the site's pages")
        made = {name: (site / name).read_bytes() for name in SITE_PAGES}
    return {name: functools.partial(gathered.joined, page) for name, page in made.items()}


class Entry(NamedTuple):
    """What the pages take of one document's pieces, ready to be added up (`entry_of`): what
    the site's own pages keep of a document between builds (tei_edition.render.sitecache)."""

    date: str
    id: str
    search: bytes | tuple[str, int]
    """Its search entry, or the file that holds it from that offset on (read when the page is written)."""
    rows: list[tuple[tuple[str, str, str, int, int], bytes]]
    """Its index rows, each with its place in the index (see _Gathered.rows)."""
    years: list[str]
    kinds: list[str]
    parties: list[tuple[tuple[str, str], Place, str]]
    """Each sender's or recipient's (kind, register id), where it is named and under which name."""
    lines: list[tuple[str, bytes]]
    """Its line in each register entry's list (the entry's id, the markup)."""
    forms: list[tuple[str, str, tuple[str, str, int], str]]
    """Each name form the texts use: register entry, form, where, language."""


def entry_of(data: dict[str, Any], search: bytes | tuple[str, int]) -> Entry:
    """A document's entry, from its pieces (Pieces.data) and its search entry (or its file and offset)."""
    date, identifier = data["date"], data["id"]
    rows, parties = [], []
    for at, row in enumerate(data["rows"]):
        quoted = int(at > 0)
        rows.append(((row["date"], identifier, row["corresp"], quoted, at), row["html"].encode("utf-8")))
        for kind in ("sent", "received"):
            for position, (party, name) in enumerate(row[kind]):
                parties.append(((kind, party), (quoted, date, identifier, at, position), name))
    lines, forms = [], []
    for entry, line, names in data["mentions"]:
        lines.append((entry, line.encode("utf-8")))
        forms.extend((entry, form, (date, identifier, at), lang) for at, (form, lang) in enumerate(names))
    return Entry(date, identifier, search, rows, [row["year"] for row in data["rows"]], [row["kind"] for row in data["rows"]], parties, lines, forms)


class _Gathered:
    """What the pages need of every document: added in any order, put in order when the pages are joined."""

    def __init__(self) -> None:
        self.documents: list[tuple[str, str, bytes | tuple[str, int]]] = []
        """Each document's date, id and search entry (te:in-date-order)."""
        self.rows: list[tuple[tuple[str, str, str, int, int], bytes]] = []
        """Each index row by te:in-index-order (date, document, message), then as the index lists
        them: the documents' own first, then the messages they quote, in date order."""
        self.parties: dict[tuple[str, str], tuple[Place, str]] = {}
        """Each sender's or recipient's register id, with the name it is first shown under and where."""
        self.years: set[str] = set()
        self.kinds: set[str] = set()
        self.quoted = 0
        self.lines: dict[str, list[tuple[tuple[str, str], bytes]]] = {}
        """Each register entry's lines, with their document's date and id."""
        self.forms: dict[str, dict[str, tuple[tuple[str, str, int], str]]] = {}
        """Each register entry's name forms in the texts, with the language and place of the first."""

    def add(self, entry: Entry) -> None:
        self.documents.append((entry.date, entry.id, entry.search))
        self.rows.extend(entry.rows)
        self.quoted += max(len(entry.rows) - 1, 0)  # the rows after a document's own are its quoted messages'
        self.years.update(entry.years)
        self.kinds.update(entry.kinds)
        for key, place, name in entry.parties:
            first = self.parties.get(key)
            if first is None or place < first[0]:
                self.parties[key] = (place, name)
        at = (entry.date, entry.id)
        for register_entry, line in entry.lines:
            self.lines.setdefault(register_entry, []).append((at, line))
        for register_entry, form, place, lang in entry.forms:
            found = self.forms.setdefault(register_entry, {})
            if form not in found or place < found[form][0]:
                found[form] = (place, lang)

    def facts(self) -> etree._ElementTree:
        """The facts the pages are made from (te:site), as XML, in the order the pages take them."""
        root = etree.Element(f"{{{TE_NS}}}site", nsmap={None: TE_NS}, documents=str(len(self.documents)), embedded=str(self.quoted))
        for (kind, party), (_, name) in sorted(self.parties.items(), key=lambda item: item[1][0]):
            etree.SubElement(root, f"{{{TE_NS}}}party", type=kind, id=party, name=name)
        for tag, values in (("year", self.years), ("kind", self.kinds)):
            for value in sorted(values):
                etree.SubElement(root, f"{{{TE_NS}}}{tag}").text = value
        for entry in sorted(self.forms):
            for form, (_, lang) in sorted(self.forms[entry].items(), key=lambda item: item[1][0]):
                etree.SubElement(root, f"{{{TE_NS}}}form", entry=entry, lang=lang).text = form
        for entry in sorted(self.lines):
            etree.SubElement(root, f"{{{TE_NS}}}mentioned", entry=entry)
        return root.getroottree()

    def joined(self, page: bytes) -> Iterator[bytes]:
        """The page with the pieces in place of each processing instruction."""
        at = 0
        for slot in _SLOT.finditer(page):
            yield page[at:slot.start()]
            kind, entry = slot.group(1), slot.group(2).decode("utf-8")
            if kind == b"rows":
                yield from (row for _, row in sorted(self.rows, key=lambda row: row[0]))
            elif kind == b"search":
                yield from self._search()
            else:
                yield from (line for _, line in sorted(self.lines.get(entry, ()), key=lambda line: line[0]))
            at = slot.end()
        yield page[at:]

    def _search(self) -> Iterator[bytes]:
        """The documents' search entries in date order, separated by commas."""
        for at, (_, _, search) in enumerate(sorted(self.documents, key=lambda document: document[:2])):
            yield (b"," if at else b"") + (search if isinstance(search, bytes) else _read_from(*search))


def _read_from(path: str, offset: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read()


__all__ = ["SITE_PAGES", "Place", site_pages.__name__, Entry.__name__, entry_of.__name__]
