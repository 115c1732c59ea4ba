"""The plain-text edition: xslt/text.xsl makes UTF-8 reStructuredText, wrapped at 78 columns.

One file per document (`ID.txt`, the name the HTML edition links to) and one for
the whole edition (`edition.txt`). Every file is valid reStructuredText, so docutils'
own writers turn it into other formats; the tests parse each file and allow no
system message at all.

The edition's file is made here from one tree of every document; the build makes
the same bytes from parts instead (`render_document_and_facts`, `places`, `render_part`,
`render_head`; tei_edition/build/textedition.py joins them), one document at a
time, so that its memory does not grow with the edition and a changed document
remakes only its own part. A document is transformed once: the stylesheet marks its
blocks for layout (tei_edition/render/rst.py), and its part of the edition's file,
whose number and note labels depend on the documents before it, is laid out from
the same marked text once its place is known.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from lxml import etree
from saxonche import PyXdmNode, PyXdmValue

from tei_edition.errors import TeiEditionError
from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport
from tei_edition.render.corpus import Corpus, Document, corpus_tree
from tei_edition.render.rst import WIDTH, lay_out_fixed, layout
from tei_edition.xmlio import write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node, plain_source, xdm_parameters

FORMAT = "text"
STYLESHEET = XSLT_DIR / "text.xsl"
#: The whole edition's file name in the output folder.
EDITION_FILE = "edition.txt"
#: Between the pieces of a transformed document: its file's head, its part's head, the rest ($txt:separator).
SEPARATOR = "\ufdd9"


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
    for document in corpus.documents:
        _check_unmarked(document)
    corpus_node = document_node(corpus_tree(corpus.documents))
    return layout(sheet.transform(corpus_node, _params(corpus, view), source=corpus.edition.xml))


def render_document(corpus: Corpus, document: Document, view: str = "reading") -> str:
    """One document as a text of its own."""
    return render_document_and_facts(corpus, document, view).text


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


class DocumentText(NamedTuple):
    """What one transformation of a document gives."""

    text: str
    """Its own file."""
    facts: DocumentFacts
    part: str
    """Its part of the edition's file as marked blocks, to be laid out at its place (`render_part`);
    the blocks that read the same at every place laid out already (rst.lay_out_fixed)."""


def render_document_and_facts(
    corpus: Corpus, document: Document, view: str = "reading", node: PyXdmNode | None = None, source: bytes | None = None
) -> DocumentText:
    """One document as a text of its own (`render_document`), its sort key and note counts in
    `view` as the stylesheet counts them, and its part: one transformation, the view made once.
    `node`: the document's tree as a Saxon node, and `source`: the bytes it was parsed from,
    if the caller has them (a build's worker reads each document once for every output of it)."""
    _check_unmarked(document, source)
    sheet = Stylesheet.load(STYLESHEET)
    given = node if node is not None else document.tree
    made = sheet.transform(given, _document_params(corpus, view), source=document.path, parsed=document.tree)
    sort_key, lettered, numbered, pieces = made.split("\n", 3)
    own_head, part_head, body = pieces.split(SEPARATOR)
    body = lay_out_fixed(body)  # what the file and the part share, laid out once for both
    return DocumentText(layout(_blocks(own_head, body)) + "\n", DocumentFacts(sort_key, (int(lettered), int(numbered))),
                        _blocks(part_head, body))


def _blocks(head: str, body: str) -> str:
    """A document's head and the rest, a blank line between (a document without text has none)."""
    return f"{head}\n\n{body}" if body else head


def places(facts: dict[str, DocumentFacts]) -> dict[str, PartPlace]:
    """Each document's place in the edition's file, by id: documents by sort key, notes counted on."""
    found: dict[str, PartPlace] = {}
    lettered = numbered = 0
    for number, identifier in enumerate(sorted(facts, key=lambda i: facts[i].sort_key), start=1):
        found[identifier] = PartPlace(number, (lettered, numbered))
        lettered, numbered = lettered + facts[identifier].notes[0], numbered + facts[identifier].notes[1]
    return found


def render_part(part: str, place: PartPlace) -> str:
    """The document's section of the edition's file at `place`, from its marked part (`DocumentText.part`)."""
    return layout(part, place.number, place.offsets, level=1)


def render_head(corpus: Corpus, documents: int, view: str = "reading") -> str:
    """The beginning of the edition's file (title, imprint, conventions) for `documents` documents."""
    sheet = Stylesheet.load(STYLESHEET)
    params = _params(corpus, view) | {"part": "head", "document-count": documents}
    return layout(sheet.transform(document_node(corpus_tree(())), params, source=corpus.edition.xml))


#: The layout's marks (Unicode noncharacters, U+FDD0 to U+FDEF; tei_edition/render/rst.py), in text and in UTF-8.
_MARKS, _MARKS_UTF8 = re.compile("[\ufdd0-\ufdef]"), re.compile(rb"\xef\xb7[\x90-\xaf]")


def _check_unmarked(document: Document, source: bytes | None = None) -> None:
    """Refuse a document that holds one of the layout's marks: its words would be laid out as marks.

    Searched in the document's bytes (one regular expression, in C), not node by node in the
    stylesheet (which took a tenth of the transformation); node by node only to name the line.
    The bytes it was parsed from (`source`) serve when they are UTF-8 (xslt.plain_source) without a
    character reference: every character of the tree stands in them as it is (entities are
    refused), and the tree need not be serialised again; else the tree's are searched.
    """
    if source is not None and plain_source(source) and b"&#" not in source and not _MARKS_UTF8.search(source):
        return
    if _MARKS_UTF8.search(etree.tostring(document.tree, encoding="utf-8")):
        line = next((node.sourceline for node in document.tree.iter() if _MARKS.search(_words(node))), None)
        raise TeiEditionError(f"{document.path}:{line or 1}: a Unicode noncharacter (U+FDD0 to U+FDEF), which the text "
                              "edition uses to mark its layout: remove it")


def _words(node: etree._Element) -> str:
    """A node's text and tail and, of an element, its attributes' values."""
    attributes = list(node.attrib.values()) if isinstance(node.tag, str) else []
    return "".join([node.text or "", node.tail or "", *attributes])


#: The last corpus's documents' parameters as Saxon values, by its identity and the view (see `_document_params`).
_DOCUMENT_PARAMS: dict[tuple[int, str], tuple[Corpus, dict[str, PyXdmValue]]] = {}


def _document_params(corpus: Corpus, view: str) -> dict[str, PyXdmValue]:
    """`_params` made Saxon values once per corpus and view: a build's worker renders every document
    with one corpus, and making them values again took a document's text some 20 us. The corpus is
    kept with them: while it lives, no other corpus can have its identity."""
    kept = _DOCUMENT_PARAMS.get((id(corpus), view))
    if kept is None:
        _DOCUMENT_PARAMS.clear()
        kept = _DOCUMENT_PARAMS[(id(corpus), view)] = (corpus, xdm_parameters(_params(corpus, view)))
    return kept[1]


def _params(corpus: Corpus, view: str) -> dict[str, ParamValue]:
    """The text edition's parameters: the edition's, the view, and the column the layout wraps at."""
    return edition_params(corpus) | {"view": view, "{https://tei-edition.example/ns/rst}width": WIDTH}


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
    DocumentText.__name__,
    render_document_and_facts.__name__,
    places.__name__,
    render_part.__name__,
    render_head.__name__,
    edition_params.__name__,
]
