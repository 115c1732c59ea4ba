"""The printed edition: xslt/pdf.xsl makes print HTML, WeasyPrint lays it out as a PDF.

One PDF for the whole edition (`edition.pdf`: title page, contents, conventions,
the documents by date, registers with page numbers), of at most `[pdf]
edition_limit` documents (render/pdflimit.py), and one PDF per document
(`ID.pdf`, the names the HTML edition links to). Notes stand at the foot of the
page in three series: textual notes, explanatory notes, then the critical apparatus
(tei_edition/render/pdf_footnotes.py lays it last). The PDFs are
tagged (PDF/UA-1), carry title, authors and language, embed subsets of the Noto
fonts, and are the same bytes for the same input: they have no date unless
SOURCE_DATE_EPOCH gives one.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.document import Document as LaidOutDocument
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from tei_edition.errors import TeiEditionError
from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport, pdf_footnotes
from tei_edition.render.corpus import Corpus, Document, corpus_tree
from tei_edition.render.pdflimit import EDITION_FILE, edition_pdf_refused
from tei_edition.render.text import edition_params
from tei_edition.xmlio import write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node

FORMAT = "pdf"
STYLESHEET = XSLT_DIR / "pdf.xsl"
PRINT_CSS = XSLT_DIR / "pdf" / "print.css"

#: WeasyPrint's options: tagged PDF/UA-1 (structure tree, language, title shown).
PDF_OPTIONS: Mapping[str, object] = {"pdf_variant": "pdf/ua-1"}

#: The anchors of the mentions of names in the text (xslt/pdf/text.xsl, pdf:occurrence-id).
_MENTION_PREFIX = "mention-"

# The critical apparatus after the other notes of each page. Installed once, under the
# import lock, before any layout (threads of a build lay out PDFs side by side).
pdf_footnotes.install()


class _PrintStyle(threading.local):
    """The print stylesheet, parsed, and the fonts configuration it lays out with: made once per thread.

    Made anew for each PDF (WeasyPrint's default) they kept about 0.3 MB a PDF in the
    process (120 documents' PDFs in one process: 31 MB more, against 5 MB with these
    kept), so a build's worker making 5,000 documents' PDFs grew by some 1.5 GB. The
    PDFs are the same bytes either way. One per thread: Pango's font map is not shared
    between threads (a Dask worker may run several).
    """

    def __init__(self) -> None:
        self.fonts = FontConfiguration()
        self.css = CSS(string=PRINT_CSS.read_text(encoding="utf-8"), font_config=self.fonts)


_STYLE = _PrintStyle()


class PdfError(TeiEditionError):
    """Raised when WeasyPrint cannot lay out or write a PDF; names the document."""


def write(corpus: Corpus, options: RenderOptions) -> RenderReport:
    """Write the edition's PDF (and, unless told not to, one PDF per document) into `options.out`.

    Every PDF is made in memory first, so a failure leaves no file behind; an edition
    too large for one PDF is refused before any is made.
    """
    _check_size(corpus, options.out / EDITION_FILE)
    if options.per_document:
        files = {f"{document.id}.pdf": render_document(corpus, document, options.view) for document in corpus.documents}
    else:
        for document in corpus.documents:
            print_html(corpus, document, options.view)  # each document's errors named with its file and line
        files = {}
    files[EDITION_FILE] = render_edition(corpus, options.view)
    report = RenderReport(FORMAT, options.out, [document.id for document in corpus.documents])
    for name, payload in sorted(files.items()):
        write_atomic(options.out / name, payload)
        report.files.append(options.out / name)
    return report


def render_edition(corpus: Corpus, view: str = "reading") -> bytes:
    """The whole edition as one PDF.

    Laid out twice: the first layout measures the page of every mention of a name,
    the second prints the registers with each page once.
    """
    _check_size(corpus, corpus.edition.build / FORMAT / EDITION_FILE)
    sheet = Stylesheet.load(STYLESHEET)
    corpus_node = document_node(corpus_tree(corpus.documents))
    params = print_params(corpus) | {"view": view}
    first = _layout(sheet.transform(corpus_node, params, source=corpus.edition.xml), "the edition")
    pages = mention_pages(first)
    html = sheet.transform(corpus_node, params | {"occurrence-pages": _as_param(pages)}, source=corpus.edition.xml)
    return _pdf_bytes(_layout(html, "the edition"), "the edition")


def _check_size(corpus: Corpus, target: Path) -> None:
    """A PdfError when the corpus is too large to be laid out as one PDF (render/pdflimit.py)."""
    refused = edition_pdf_refused(corpus.edition, len(corpus.documents), target)
    if refused is not None:
        raise PdfError(refused)


def render_document(corpus: Corpus, document: Document, view: str = "reading") -> bytes:
    """One document as a PDF of its own."""
    html = print_html(corpus, document, view)
    return _pdf_bytes(_layout(html, str(document.path)), str(document.path))


def print_html(corpus: Corpus, document: Document, view: str = "reading") -> str:
    """One document as print HTML: the stylesheet's part of its PDF, which names any error's file and line."""
    return Stylesheet.load(STYLESHEET).transform(document.tree, print_params(corpus) | {"view": view}, source=document.path)


def print_params(corpus: Corpus) -> dict[str, ParamValue]:
    """The edition's parameters (as the text edition has them), its language and build date."""
    return edition_params(corpus) | {"edition-language": corpus.edition.language, "created": build_date()}


def build_date() -> str:
    """SOURCE_DATE_EPOCH as a W3C date-time, or '' (no date) when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return ""
    try:
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError) as exc:
        raise PdfError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from exc
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def mention_pages(document: LaidOutDocument) -> dict[str, int]:
    """The page number (from 1) of every mention of a name in a laid-out PDF."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith(_MENTION_PREFIX):
                pages.setdefault(anchor, number)
    return pages


def _as_param(pages: Mapping[str, int]) -> str:
    """The mention pages as the stylesheet reads them: "id page id page …"."""
    return " ".join(f"{anchor} {page}" for anchor, page in sorted(pages.items()))


def _layout(html: str, what: str) -> LaidOutDocument:
    """Lay out print HTML with the print stylesheet; nothing is fetched from outside."""
    with _weasyprint_errors(what):
        return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=set())).render(
            stylesheets=[_STYLE.css], font_config=_STYLE.fonts, **PDF_OPTIONS
        )


def _pdf_bytes(document: LaidOutDocument, what: str) -> bytes:
    with _weasyprint_errors(what):
        payload = document.write_pdf(**PDF_OPTIONS)
    if not payload:
        raise PdfError(f"{what}: WeasyPrint wrote an empty PDF")
    return payload


@contextmanager
def _weasyprint_errors(what: str) -> Iterator[None]:
    """WeasyPrint's failures as PdfError naming the document."""
    try:
        yield
    except (OSError, ValueError, RuntimeError) as exc:
        raise PdfError(f"{what}: the PDF could not be made: {exc}") from exc


__all__ = [
    "FORMAT",
    "EDITION_FILE",
    PdfError.__name__,
    write.__name__,
    render_edition.__name__,
    render_document.__name__,
    print_params.__name__,
    build_date.__name__,
    mention_pages.__name__,
]
