"""The plain-text edition: xslt/text.xsl makes UTF-8 reStructuredText, wrapped at 78 columns.

One file per document (`ID.txt`, the name the HTML edition links to) and one for
the whole edition (`edition.txt`). Every file is valid reStructuredText, so docutils'
own writers turn it into other formats; the tests parse each file and allow no
system message at all.

The edition's file is made here from one tree of every document; the build makes
the same bytes from parts instead (`render_document_and_facts`, `places`, `render_part`,
`render_head`; tei_edition/build/textedition.py joins them), one document at a
time, so that its memory does not grow with the edition and a changed document
remakes only its own part.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from lxml import etree
from saxonche import PyXdmNode

from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport
from tei_edition.render.corpus import Corpus, Document, corpus_tree
from tei_edition.xmlio import write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node

FORMAT = "text"
STYLESHEET = XSLT_DIR / "text.xsl"
#: The whole edition's file name in the output folder.
EDITION_FILE = "edition.txt"


def write(corpus: Corpus, options: RenderOptions) -> RenderReport:
    """Write one text file per document and one for the whole edition into `options.out`.

    Every file is made in memory first, so a failure leaves no file behind.
    """
    files = {f"{document.id}.txt": render_document(corpus, document, options.view) for document in corpus.documents}
    files[EDITION_FILE] = render_edition(corpus, options.view)
    report = RenderReport(FORMAT, options.out, [document.id for document in corpus.documents])
    for name, text in sorted(files.items()):
        write_atomic(options.out / name, text.encode("utf-8"))
        report.files.append(options.out / name)
    return report


def render_edition(corpus: Corpus, view: str = "reading") -> str:
    """The whole edition as one text: conventions, then the documents by date."""
    sheet = Stylesheet.load(STYLESHEET)
    corpus_node = document_node(corpus_tree(corpus.documents))
    return sheet.transform(corpus_node, edition_params(corpus) | {"view": view}, source=corpus.edition.xml)


def render_document(corpus: Corpus, document: Document, view: str = "reading") -> str:
    """One document as a text of its own."""
    sheet = Stylesheet.load(STYLESHEET)
    return sheet.transform(document.tree, edition_params(corpus) | {"view": view}, source=document.path)


class DocumentFacts(NamedTuple):
    """What the edition's file needs to know of a document before it places it."""

    sort_key: str
    """Its place among the documents (pdf:sort-key: date of sending, then id)."""
    notes: tuple[int, int]
    """Its lettered and numbered notes, which the labels of the documents after it count on from."""


class PartPlace(NamedTuple):
    """Where a document's part stands in the edition's file: its number and the notes before it."""

    number: int
    offsets: tuple[int, int]


def render_document_and_facts(corpus: Corpus, document: Document, view: str = "reading") -> tuple[str, DocumentFacts]:
    """One document as a text of its own (`render_document`), and its sort key and note counts
    in `view` as the stylesheet counts them: one transformation, the view made once for both."""
    sort_key, lettered, numbered, text = _transform(corpus, document, view, {"part": "facts"}).split("\n", 3)
    return text, DocumentFacts(sort_key, (int(lettered), int(numbered)))


def places(facts: dict[str, DocumentFacts]) -> dict[str, PartPlace]:
    """Each document's place in the edition's file, by id: documents by sort key, notes counted on."""
    found: dict[str, PartPlace] = {}
    lettered = numbered = 0
    for number, identifier in enumerate(sorted(facts, key=lambda i: facts[i].sort_key), start=1):
        found[identifier] = PartPlace(number, (lettered, numbered))
        lettered, numbered = lettered + facts[identifier].notes[0], numbered + facts[identifier].notes[1]
    return found


def render_part(corpus: Corpus, document: Document, place: PartPlace, view: str = "reading") -> str:
    """The document's section of the edition's file, at `place`."""
    return _transform(corpus, document, view, {"part": "part", "number": place.number, "lettered-before": place.offsets[0], "numbered-before": place.offsets[1]})


def render_head(corpus: Corpus, documents: int, view: str = "reading") -> str:
    """The beginning of the edition's file (title, imprint, conventions) for `documents` documents."""
    sheet = Stylesheet.load(STYLESHEET)
    params = edition_params(corpus) | {"view": view, "part": "head", "document-count": documents}
    return sheet.transform(document_node(corpus_tree(())), params, source=corpus.edition.xml)


def _transform(corpus: Corpus, document: Document, view: str, params: dict[str, ParamValue]) -> str:
    sheet = Stylesheet.load(STYLESHEET)
    return sheet.transform(document.tree, edition_params(corpus) | {"view": view} | params, source=document.path)


def edition_params(corpus: Corpus) -> dict[str, ParamValue]:
    """The parameters the printed and the text editions share: edition.toml and the registers."""
    edition = corpus.edition
    params: dict[str, ParamValue] = {
        "edition-title": edition.title,
        "edition-subtitle": edition.subtitle,
        "edition-editors": list(edition.editors),
        "edition-publisher": edition.publisher,
        "edition-date": edition.date,
        "edition-licence": edition.licence,
        "edition-licence-url": edition.licence_url,
    }
    if corpus.registers:
        params["registers"] = _register_nodes(corpus.registers)
    return params


@functools.lru_cache(maxsize=4)
def _register_nodes(registers: tuple[etree._ElementTree, ...]) -> list[PyXdmNode]:
    """The registers as Saxon nodes, made once per corpus: every document is rendered with them,
    and serialising and parsing them again took more time than the document's own text."""
    return [document_node(tree) for tree in registers]


__all__ = [
    "FORMAT",
    "EDITION_FILE",
    write.__name__,
    render_edition.__name__,
    render_document.__name__,
    DocumentFacts.__name__,
    PartPlace.__name__,
    render_document_and_facts.__name__,
    places.__name__,
    render_part.__name__,
    render_head.__name__,
    edition_params.__name__,
]
