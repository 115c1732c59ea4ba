"""The HTML edition: a static site (document pages, index, registers, conventions, search).

Runs xslt/html.xsl once per page with the stylesheet compiled once, renders every
page in memory first and writes only when all succeeded, so a bad document leaves
no half-updated site behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport
from tei_edition.render.corpus import Corpus, Document, corpus_tree
from tei_edition.validate.guidelines import render_guidelines
from tei_edition.xmlio import write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node

FORMAT = "html"
STYLESHEET = XSLT_DIR / "html.xsl"
ASSETS = XSLT_DIR / "html" / "assets"

#: The site's own pages, made from the corpus: page name -> file.
SITE_PAGES = {
    "index": "index.html",
    "persons": "persons.html",
    "places": "places.html",
    "organisations": "organisations.html",
    "conventions": "conventions.html",
    "search": "search.html",
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
    """The stylesheet's parameters: the edition, the corpus (for prev/next and lists), registers, front matter."""
    params = _edition_params(corpus) | {
        "corpus": document_node(corpus_tree(corpus.documents)),
        "registers": [document_node(tree) for tree in corpus.registers],
    }
    if corpus.front is not None:
        params["front"] = document_node(corpus.front)
    return params


def render_document_pages(documents: Iterable[Document], params: Mapping[str, ParamValue]) -> dict[str, bytes]:
    """The page and the TEI copy of each document (`tei-edition build` renders a few at a time)."""
    sheet = Stylesheet.load(STYLESHEET)
    files: dict[str, bytes] = {}
    for document in documents:
        html = sheet.transform(document.tree, params, source=document.path)
        files[f"{document.id}.html"] = html.encode("utf-8")
        files[f"tei/{document.id}.xml"] = document.path.read_bytes()
    return files


def render_site_pages(corpus: Corpus, params: Mapping[str, ParamValue]) -> dict[str, bytes]:
    """The pages made from the whole corpus (index, registers, conventions, search, guidelines) and the assets."""
    sheet = Stylesheet.load(STYLESHEET)
    corpus_node = params["corpus"]
    files: dict[str, bytes] = {}
    for page, name in SITE_PAGES.items():
        files[name] = sheet.transform(corpus_node, {**params, "page": page}, source=name).encode("utf-8")
    # The schema's own guidelines, linked from the conventions page.
    examples = [document.path for document in corpus.documents] + [Path(tree.docinfo.URL) for tree in corpus.registers]
    files["guidelines.html"] = render_guidelines(corpus.edition.title, examples).encode("utf-8")
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            files[f"assets/{asset.name}"] = asset.read_bytes()
    return files


def _edition_params(corpus: Corpus) -> dict[str, ParamValue]:
    """The stylesheet's edition parameters, from edition.toml."""
    edition = corpus.edition
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
    render_document_pages.__name__,
    render_site_pages.__name__,
]
