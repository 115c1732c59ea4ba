"""The HTML edition: a static site (document pages, index, registers, conventions, search).

Runs xslt/html.xsl once per page with the stylesheet compiled once, renders every
page in memory first and writes only when all succeeded, so a bad document leaves
no half-updated site behind.
"""

from __future__ import annotations

from pathlib import Path

from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport
from tei_edition.render.corpus import Corpus, corpus_tree
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
    sheet = Stylesheet.load(STYLESHEET)
    corpus_node = document_node(corpus_tree(corpus.documents))
    params = _edition_params(corpus) | {
        "corpus": corpus_node,
        "registers": [document_node(tree) for tree in corpus.registers],
    }
    if corpus.front is not None:
        params["front"] = document_node(corpus.front)
    files: dict[str, bytes] = {}
    for document in corpus.documents:
        html = sheet.transform(document.tree, params, source=document.path)
        files[f"{document.id}.html"] = html.encode("utf-8")
        files[f"tei/{document.id}.xml"] = document.path.read_bytes()
    for page, name in SITE_PAGES.items():
        files[name] = sheet.transform(corpus_node, params | {"page": page}, source=name).encode("utf-8")
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


__all__ = ["FORMAT", write.__name__, render_site.__name__]
