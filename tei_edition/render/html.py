"""The HTML edition: a static site (document pages, index, registers, conventions, search).

Runs xslt/html.xsl once per document page, and once for all the site's own pages,
with the stylesheet compiled once; renders every page first and writes only when all
succeeded, so a bad document leaves no half-updated site behind. The site's own pages
are made from the documents' summaries (tei_edition.render.summaries), never from one
tree of every full text.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from tei_edition.config import Edition
from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport, summaries
from tei_edition.render.corpus import Corpus, Document, front_matter_path, in_date_order, neighbours
from tei_edition.validate.guidelines import render_guidelines
from tei_edition.xmlio import parse_xml, write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node

FORMAT = "html"
STYLESHEET = XSLT_DIR / "html.xsl"
ASSETS = XSLT_DIR / "html" / "assets"

#: The site's own pages, made from the corpus in one transformation (xslt/html/site.xsl).
SITE_PAGES = ("search.html", "index.html", "persons.html", "places.html", "organisations.html", "conventions.html")


def write(corpus: Corpus, options: RenderOptions) -> RenderReport:
    """Render every page and asset of the site into `options.out`."""
    files = render_site(corpus)
    report = RenderReport(FORMAT, options.out, [document.id for document in corpus.documents])
    for relative, payload in sorted(files.items()):
        write_atomic(options.out / relative, payload)
        report.files.append(options.out / relative)
    return report


def render_site(corpus: Corpus) -> dict[str, bytes]:
    """Every file of the site, by path relative to the site's folder."""
    params = page_params(corpus)
    files, found = render_document_pages(corpus.documents, params)
    files.update(render_site_pages(corpus, {**params, "corpus": summaries.summary_corpus(found)}))
    return files


def page_params(corpus: Corpus) -> dict[str, ParamValue]:
    """The stylesheet's parameters every page is made with: the edition, registers and
    front matter (the site's pages add the corpus of the documents' summaries; a
    document's page its neighbours)."""
    return edition_params(corpus.edition) | _register_params(corpus.registers, corpus.front)


def render_document_pages(documents: Iterable[Document], params: Mapping[str, ParamValue]) -> tuple[dict[str, bytes], list[tuple[Path, bytes]]]:
    """The page and the TEI copy of each document, and its summary for the site's pages
    (document's file, summary), each page given only its neighbours in date order
    (prev/next), so that the work grows with the edition, not its square. Each document
    becomes a Saxon node once, kept while it is a neighbour."""
    ordered = in_date_order(documents)
    files: dict[str, bytes] = {}
    found: list[tuple[Path, bytes]] = []
    nodes: dict[int, PyXdmNode] = {}
    for index, document in enumerate(ordered):
        around = neighbours(range(len(ordered)), index)
        nodes = {at: nodes[at] if at in nodes else document_node(ordered[at].tree) for at in sorted([*around, index])}
        source = document.path.read_bytes()
        page, summary = page_and_summary(document, nodes[index], [nodes[at] for at in around], params)
        files.update(_document_files(document, source, page))
        found.append((document.path, summary))
    return files, found


def render_document_page(
    document: Document, source: bytes, node: PyXdmNode, neighbours: Sequence[PyXdmNode], params: Mapping[str, ParamValue], edition: Edition
) -> tuple[dict[str, bytes], Path]:
    """A document's page and TEI copy, and the file its summary for the site's pages is
    kept in (`tei-edition build`'s workers): from its bytes and its Saxon node, and the
    nodes of the documents just before and after it in date order, which the worker has
    read once for every stage and page that needs them (tei_edition.render.recent)."""
    page, summary = page_and_summary(document, node, neighbours, params)
    return _document_files(document, source, page), summaries.keep(edition, source, summary)


def page_and_summary(document: Document, node: PyXdmNode, neighbours: Sequence[PyXdmNode], params: Mapping[str, ParamValue]) -> tuple[bytes, bytes]:
    """A document's page and its summary for the site's pages: one transformation, which
    makes the views of its text once for both."""
    sheet = Stylesheet.load(STYLESHEET)
    outputs = {**params, "page": "document-and-summary", "neighbours": list(neighbours)}
    page, made = sheet.transform_with_documents(node, outputs, source=document.path, parsed=document.tree)
    return page.encode("utf-8"), made["summary.xml"].encode("utf-8")


def _document_files(document: Document, source: bytes, page: bytes) -> dict[str, bytes]:
    return {f"{document.id}.html": page, f"tei/{document.id}.xml": source}


def render_site_pages(corpus: Corpus, params: Mapping[str, ParamValue]) -> dict[str, bytes]:
    """The pages made from the whole corpus (index, registers, conventions, search, guidelines) and the assets."""
    examples = [document.path for document in corpus.documents] + [Path(tree.docinfo.URL) for tree in corpus.registers]
    return _site_pages(corpus.edition, params, examples)


def render_edition_site(edition: Edition) -> dict[str, bytes]:
    """The site's own pages of the edition in its folders, from the kept summaries (`tei-edition build`).

    Only the registers and the documents without a kept summary are parsed.
    """
    params = edition_params(edition)
    found, registers = summaries.edition_summaries(edition, params)
    front = front_matter_path(edition)
    params |= _register_params(registers, parse_xml(front) if front.is_file() else None)
    params["corpus"] = summaries.summary_corpus((path, kept.read_bytes()) for path, kept in found)
    return _site_pages(edition, params, [path for path, _ in found] + [Path(tree.docinfo.URL) for tree in registers])


def _site_pages(edition: Edition, params: Mapping[str, ParamValue], examples: list[Path]) -> dict[str, bytes]:
    files = _corpus_pages(params)
    # The schema's own guidelines, linked from the conventions page.
    files["guidelines.html"] = render_guidelines(edition.title, examples).encode("utf-8")
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            files[f"assets/{asset.name}"] = asset.read_bytes()
    return files


def _corpus_pages(params: Mapping[str, ParamValue]) -> dict[str, bytes]:
    """The pages made from the corpus (`params["corpus"]`), by one transformation: what
    several pages need of every document is made once. Saxon writes each page into a
    temporary folder as it makes it, so no page is ever a string in Saxon or Python too."""
    with tempfile.TemporaryDirectory(prefix="tei-edition-site-") as folder:
        site = Path(folder)
        Stylesheet.load(STYLESHEET).transform(params["corpus"], {**params, "site-folder": site.as_uri()}, source="the site's pages")
        return {name: (site / name).read_bytes() for name in SITE_PAGES}


def _register_params(registers: Sequence[etree._ElementTree], front: etree._ElementTree | None) -> dict[str, ParamValue]:
    params: dict[str, ParamValue] = {"registers": [document_node(tree) for tree in registers]}
    if front is not None:
        params["front"] = document_node(front)
    return params


def edition_params(edition: Edition) -> dict[str, ParamValue]:
    """The stylesheet's edition parameters, from edition.toml (all a summary is made with)."""
    return {
        "edition-title": edition.title,
        "edition-subtitle": edition.subtitle,
        "edition-editors": list(edition.editors),
        "edition-publisher": edition.publisher,
        "edition-date": edition.date,
        "edition-licence": edition.licence,
        "edition-licence-url": edition.licence_url,
        "base-url": str(edition.raw.get("edition", {}).get("base_url", "")),
    }


__all__ = [
    "FORMAT",
    write.__name__,
    render_site.__name__,
    page_params.__name__,
    edition_params.__name__,
    render_document_pages.__name__,
    render_document_page.__name__,
    render_site_pages.__name__,
    render_edition_site.__name__,
    page_and_summary.__name__,
]
