"""The site's own pages joined from every document's pieces (tei_edition.render.summaries).

The pages' markup is the stylesheet's: each document's pieces come as the markup
they are on the pages, and the pages themselves from one transformation over the
few facts gathered here (xslt/html/site.xsl, mode te:site-page): how many documents
and quoted messages, the senders and recipients the filters offer, years, kinds, the
name forms the texts use and which register entries any document names. That
transformation leaves a processing instruction where the documents' pieces go (the
index's rows, the search entries, each register entry's lines); here they are put
in their order and joined in. Nothing holds the documents together, so the memory
is that of the pages written, and the work a sort and a join.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from tei_edition.render.summaries import Pieces, search_entry
from tei_edition.xslt import ParamValue, Stylesheet, document_node

TE_NS = "https://tei-edition.example/ns"
#: The site's own pages, made by one transformation (xslt/html/site.xsl), the largest first.
SITE_PAGES = ("search.html", "index.html", "persons.html", "places.html", "organisations.html", "conventions.html")
#: Where a page's pieces go: `<?te-rows >`, `<?te-search >`, `<?te-mentions ENTRY-ID>`
#: (the HTML output method ends a processing instruction with ">"; no text of a
#: document can make one: the serialiser escapes "<" in text and attributes' "&").
_SLOT = re.compile(rb"<\?te-(rows|search|mentions) ?([^>]*)>")


def site_pages(stylesheet: Stylesheet, params: Mapping[str, ParamValue], pieces: Iterable[Pieces]) -> dict[str, bytes]:
    """Every site page made from the documents' pieces (any order), by name."""
    ordered = sorted(pieces, key=lambda p: (p.data["date"], p.data["id"]))  # te:in-date-order
    gathered = _Gathered(ordered)
    with tempfile.TemporaryDirectory(prefix="tei-edition-site-") as folder:
        site = Path(folder)
        stylesheet.transform(document_node(gathered.facts()), {**params, "site-folder": site.as_uri()}, source="the site's pages")
        return {name: b"".join(_joined((site / name).read_bytes(), gathered, ordered)) for name in SITE_PAGES}


def _joined(page: bytes, gathered: _Gathered, ordered: list[Pieces]) -> Iterator[bytes]:
    """The page with the pieces in place of each processing instruction."""
    at = 0
    for slot in _SLOT.finditer(page):
        yield page[at:slot.start()]
        kind, entry = slot.group(1), slot.group(2).decode("utf-8")
        if kind == b"rows":
            yield from (row.encode("utf-8") for row in gathered.rows)
        elif kind == b"search":
            yield b",".join(search_entry(p) for p in ordered)
        else:
            yield from (line.encode("utf-8") for line in gathered.lines.get(entry, ()))
        at = slot.end()
    yield page[at:]


class _Gathered:
    """What the pages need of every document, from their pieces in date order."""

    def __init__(self, ordered: list[Pieces]) -> None:
        # The index lists the documents, then the messages they quote (te:index-entry), by date,
        # document and message (a stable sort: te:in-index-order).
        own = [(p.data["id"], p.data["rows"][0]) for p in ordered]
        quoted = [(p.data["id"], row) for p in ordered for row in p.data["rows"][1:]]
        entries = own + quoted
        self.documents, self.quoted = len(own), len(quoted)
        self.rows = [row["html"] for _, row in sorted(entries, key=lambda e: (e[1]["date"], e[0], e[1]["corresp"]))]
        self.parties = {kind: _first_of_each(party for _, row in entries for party in row[kind]) for kind in ("sent", "received")}
        self.years = list(dict.fromkeys(row["year"] for _, row in entries))
        self.kinds = list(dict.fromkeys(row["kind"] for _, row in entries))
        # Each register entry's lines (documents in date order) and name forms (each once, as first found).
        self.lines: dict[str, list[str]] = {}
        self.forms: dict[str, dict[str, str]] = {}
        for p in ordered:
            for entry, line, forms in p.data["mentions"]:
                self.lines.setdefault(entry, []).append(line)
                found = self.forms.setdefault(entry, {})
                for form, lang in forms:
                    found.setdefault(form, lang)

    def facts(self) -> etree._ElementTree:
        """The facts the pages are made from (te:site), as XML."""
        root = etree.Element(f"{{{TE_NS}}}site", nsmap={None: TE_NS}, documents=str(self.documents), embedded=str(self.quoted))
        for kind, parties in self.parties.items():
            for identifier, name in parties.items():
                etree.SubElement(root, f"{{{TE_NS}}}party", type=kind, id=identifier, name=name)
        for tag, values in (("year", self.years), ("kind", self.kinds)):
            for value in values:
                etree.SubElement(root, f"{{{TE_NS}}}{tag}").text = value
        for entry, forms in self.forms.items():
            for form, lang in forms.items():
                etree.SubElement(root, f"{{{TE_NS}}}form", entry=entry, lang=lang).text = form
        for entry in self.lines:
            etree.SubElement(root, f"{{{TE_NS}}}mentioned", entry=entry)
        return root.getroottree()


def _first_of_each(parties: Iterable[Any]) -> dict[str, str]:
    """Each register id once, with the name it is first shown under (the filters' options)."""
    found: dict[str, str] = {}
    for identifier, name in parties:
        found.setdefault(identifier, name)
    return found


__all__ = ["SITE_PAGES", site_pages.__name__]
