"""What the HTML site's own pages need of each document: summaries, made once per content.

The index, the registers and the search page list every document. Made from one tree
of every full text, they grew with the square of the edition and held it all in
memory. Instead each document is summarised alone (xslt/html/summary.xsl: its header
and the facts of its text the site shows), the build's workers do it where they make
the document's page, and the site's pages are made from the merged summaries.

A summary is kept in the build folder under the digest of the document's bytes and of
the stylesheets, so it is made again only when one of them changes; the site makes a
missing one itself, so its pages are right whichever ran first. Summaries do not
depend on the registers: the site resolves names when it merges them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from tei_edition.config import Edition
from tei_edition.errors import XmlInputError
from tei_edition.render import XSLT_DIR
from tei_edition.render.corpus import document_of, edition_files, role
from tei_edition.xmlio import TEI_NS, parse_xml, write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, wrapped_node

#: Where summaries are kept, inside the build folder.
SUMMARY_CACHE = Path(".cache") / "html-site"
STYLESHEET = XSLT_DIR / "html.xsl"
#: The stylesheets a summary is made with: a change to any of them makes every summary again.
_STYLESHEETS = ("html.xsl", "html/*.xsl", "common/*.xsl")


def summarise(tree: etree._ElementTree, params: dict[str, ParamValue], source: Path) -> bytes:
    """A document's summary (XML), from its tree (an error names its line) and the
    edition's parameters, for a document whose page is not being made (a document's page
    and summary are made together: tei_edition.render.html.page_and_summary)."""
    sheet = Stylesheet.load(STYLESHEET)
    return sheet.transform(tree, {**params, "page": "summary"}, source=source).encode("utf-8")


def keep(edition: Edition, source: bytes, summary: bytes) -> Path:
    """Keep the summary of a document's bytes in the build folder (unless kept already); its file."""
    target = _cached(edition, source)
    if not target.is_file():
        write_atomic(target, summary)
    return target


def edition_summaries(edition: Edition, params: dict[str, ParamValue]) -> tuple[list[tuple[Path, Path]], list[etree._ElementTree]]:
    """Every document's file and the file its summary is kept in, in file order, and the registers' trees.

    A document without a kept summary is parsed and summarised, and its summary kept.
    Summaries no document has any more are deleted.
    """
    summaries: list[tuple[Path, Path]] = []
    registers: list[etree._ElementTree] = []
    used: set[Path] = set()
    for path in edition_files(edition):
        target = _cached(edition, path.read_bytes())
        used.add(target)
        if target.is_file():
            summaries.append((path, target))
            continue
        tree = parse_xml(path)
        kind = role(tree)
        if kind == "register":
            registers.append(tree)
        elif kind == "document":
            write_atomic(target, summarise(tree, params, document_of(tree).path))
            summaries.append((path, target))
    for stale in sorted((edition.build / SUMMARY_CACHE).glob("*.xml")):
        if stale not in used:
            stale.unlink(missing_ok=True)
    return summaries, registers


def summary_corpus(summaries: Iterable[tuple[Path, bytes]]) -> PyXdmNode:
    """The summaries (document's file, summary) under one teiCorpus, the site's pages'
    corpus; each xml:id once.

    The summaries go to Saxon one by one as the text they are, never as one tree or
    string in Python too (at 10,000 documents those took a gigabyte).
    """
    return wrapped_node(f'teiCorpus xmlns="{TEI_NS}"', _checked(summaries))


def _checked(summaries: Iterable[tuple[Path, bytes]]) -> Iterator[bytes]:
    """The summaries, each once it is known to be one and of a document whose id is new."""
    seen: dict[str, Path] = {}
    for path, summary in summaries:
        found = _SUMMARY_ID.match(summary)
        if found is None:
            raise XmlInputError(path, 1, 1, "not a document summary this toolkit made (delete the build folder's .cache)")
        identifier = found.group(1).decode("utf-8")
        if identifier in seen:
            raise XmlInputError(path, 1, 1, f"xml:id {identifier!r} is already the id of {seen[identifier]}")
        seen[identifier] = path
        yield summary


#: A summary's start: the TEI element (no XML declaration, no DOCTYPE) and its xml:id.
_SUMMARY_ID = re.compile(rb'<TEI\b[^>]*?\sxml:id="([^"]*)"')


def _cached(edition: Edition, source: bytes) -> Path:
    """The file a summary of these bytes is kept in."""
    digest = hashlib.sha256(_stylesheets_digest())
    digest.update(source)
    return edition.build / SUMMARY_CACHE / f"{digest.hexdigest()}.xml"


@functools.cache
def _stylesheets_digest() -> bytes:
    """The digest of the stylesheets summaries are made with (read once per process)."""
    digest = hashlib.sha256()
    for path in sorted(p for pattern in _STYLESHEETS for p in XSLT_DIR.glob(pattern)):
        digest.update(path.relative_to(XSLT_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


__all__ = ["SUMMARY_CACHE", summarise.__name__, keep.__name__, edition_summaries.__name__, summary_corpus.__name__]
