"""The HTML edition: a static site (document pages, index, registers, conventions, search).

Runs xslt/html.xsl once per page with the stylesheet compiled once, renders every
page in memory first and writes only when all succeeded, so a bad document leaves
no half-updated site behind. The site's own pages are made from the documents'
summaries (tei_edition.render.summaries), never from one tree of every full text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from copy import deepcopy
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from tei_edition.config import Edition
from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport, summaries
from tei_edition.render.corpus import Corpus, Document, front_matter_path, in_date_order
from tei_edition.validate.guidelines import render_guidelines
from tei_edition.xmlio import TEI_NS, parse_xml, write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node

FORMAT = "html"
STYLESHEET = XSLT_DIR / "html.xsl"
ASSETS = XSLT_DIR / "html" / "assets"

#: The site's own pages, made from the corpus: page name -> file.
#: The largest (search, with every document's words) comes first: while it is made, no
#: other page's output is held in memory yet.
SITE_PAGES = {
    "search": "search.html",
    "index": "index.html",
    "persons": "persons.html",
    "places": "places.html",
    "organisations": "organisations.html",
    "conventions": "conventions.html",
}


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
    params = site_params(corpus)
    files = render_document_pages(corpus.documents, params)
    files.update(render_site_pages(corpus, params))
    return files


def site_params(corpus: Corpus) -> dict[str, ParamValue]:
    """The stylesheet's parameters: the edition, registers, front matter, and the corpus
    of the documents' summaries (the site's pages; a document's page is given its neighbours instead)."""
    params = edition_params(corpus.edition)
    found = [(document.path, summaries.summarise(document.tree, params, document.path)) for document in corpus.documents]
    return params | _register_params(corpus.registers, corpus.front) | {"corpus": summaries.summary_corpus(found)}


def render_document_pages(documents: Iterable[Document], params: Mapping[str, ParamValue]) -> dict[str, bytes]:
    """The page and the TEI copy of each document, each page given only its neighbours in
    date order as its corpus (prev/next), so that the work grows with the edition, not its square."""
    ordered = in_date_order(documents)
    files: dict[str, bytes] = {}
    for index, document in enumerate(ordered):
        window = neighbour_corpus(ordered[max(index - 1, 0):index + 2])
        files.update(_document_files(document, document_node(document.tree), {**params, "corpus": window}))
    return files


def render_document_page(document: Document, params: Mapping[str, ParamValue], edition: Edition) -> tuple[dict[str, bytes], Path]:
    """A document's page and TEI copy, and the file its summary for the site's pages is
    kept in, made from the same node (`tei-edition build`'s workers)."""
    node = document_node(document.tree)
    files = _document_files(document, node, params)
    return files, summaries.store(edition, document, edition_params(edition), node)


def _document_files(document: Document, node: PyXdmNode, params: Mapping[str, ParamValue]) -> dict[str, bytes]:
    page = Stylesheet.load(STYLESHEET).transform(node, params, source=document.path, parsed=document.tree)
    return {f"{document.id}.html": page.encode("utf-8"), f"tei/{document.id}.xml": document.path.read_bytes()}


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


def neighbour_corpus(documents: Iterable[Document]) -> PyXdmNode:
    """A document's page's corpus: it and its neighbours in date order, their headers only (prev/next)."""
    root = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    for document in documents:
        tei = document.tree.getroot()
        copy = etree.SubElement(root, tei.tag, dict(tei.attrib))
        copy.extend(deepcopy(header) for header in tei.iterchildren(f"{{{TEI_NS}}}teiHeader"))
    return document_node(root)


def _site_pages(edition: Edition, params: Mapping[str, ParamValue], examples: list[Path]) -> dict[str, bytes]:
    sheet = Stylesheet.load(STYLESHEET)
    corpus_node = params["corpus"]
    files: dict[str, bytes] = {}
    for page, name in SITE_PAGES.items():
        files[name] = sheet.transform(corpus_node, {**params, "page": page}, source=name).encode("utf-8")
    # The schema's own guidelines, linked from the conventions page.
    files["guidelines.html"] = render_guidelines(edition.title, examples).encode("utf-8")
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            files[f"assets/{asset.name}"] = asset.read_bytes()
    return files


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
    site_params.__name__,
    edition_params.__name__,
    render_document_pages.__name__,
    render_document_page.__name__,
    render_site_pages.__name__,
    render_edition_site.__name__,
    neighbour_corpus.__name__,
]
