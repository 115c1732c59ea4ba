"""The plain-text edition: xslt/text.xsl makes UTF-8 reStructuredText, wrapped at 78 columns.

One file per document (`ID.txt`, the name the HTML edition links to) and one for
the whole edition (`edition.txt`). Every file is valid reStructuredText, so docutils'
own writers turn it into other formats; the tests parse each file and allow no
system message at all.
"""

from __future__ import annotations

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
        params["registers"] = [document_node(tree) for tree in corpus.registers]
    return params


__all__ = [
    "FORMAT",
    "EDITION_FILE",
    write.__name__,
    render_edition.__name__,
    render_document.__name__,
    edition_params.__name__,
]
