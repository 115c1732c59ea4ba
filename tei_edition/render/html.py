"""The HTML edition: a static site (document pages, index, registers, conventions, search).

Runs xslt/html.xsl once per document page, and once for all the site's own pages,
with the stylesheet compiled once; renders every page first and writes only when all
succeeded, so a bad document leaves no half-updated site behind. The site's own pages
are joined from the pieces each document's page leaves (tei_edition.render.summaries,
tei_edition.render.sitejoin), never made from one tree of every document.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import mmap
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from lxml import etree
from saxonche import PyXdmNode

from tei_edition.config import Edition
from tei_edition.render import XSLT_DIR, RenderOptions, RenderReport, sitecache, sitejoin, summaries
from tei_edition.render.corpus import Corpus, Document, front_matter_path, in_date_order, neighbours
from tei_edition.validate.guidelines import render_guidelines
from tei_edition.xmlio import parse_xml, write_atomic
from tei_edition.xslt import ParamValue, Stylesheet, document_node

FORMAT = "html"
STYLESHEET = XSLT_DIR / "html.xsl"
ASSETS = XSLT_DIR / "html" / "assets"
SITE_PAGES = sitejoin.SITE_PAGES


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
    files.update(render_site_pages(corpus, params, found))
    return files


def page_params(corpus: Corpus) -> dict[str, ParamValue]:
    """The stylesheet's parameters every page is made with: the edition, registers and
    front matter (a document's page adds its neighbours)."""
    return edition_params(corpus.edition) | _register_params(corpus.registers, corpus.front)


def render_document_pages(documents: Iterable[Document], params: Mapping[str, ParamValue]) -> tuple[dict[str, bytes], list[summaries.Pieces]]:
    """The page and the TEI copy of each document, and its pieces of the site's pages,
    each page given only its neighbours in date order (prev/next), so that the work
    grows with the edition, not its square. Each document becomes a Saxon node once,
    kept while it is a neighbour."""
    ordered = in_date_order(documents)
    files: dict[str, bytes] = {}
    found: list[summaries.Pieces] = []
    nodes: dict[int, PyXdmNode] = {}
    for index, document in enumerate(ordered):
        around = neighbours(range(len(ordered)), index)
        nodes = {at: nodes[at] if at in nodes else document_node(ordered[at].tree) for at in sorted([*around, index])}
        source = document.path.read_bytes()
        page, summary = page_and_summary(document, nodes[index], [nodes[at] for at in around], params)
        files.update(_document_files(document, source, page))
        found.append(summaries.parsed(document.path, summary))
    return files, found


def render_document_page(
    document: Document, source: bytes, node: PyXdmNode, neighbours: Sequence[PyXdmNode], params: Mapping[str, ParamValue], edition: Edition
) -> tuple[dict[str, bytes], summaries.KeptFile]:
    """A document's page and TEI copy, and the file its pieces of the site's pages are
    kept in (`tei-edition build`'s workers): from its bytes and its Saxon node, and the
    nodes of the documents just before and after it in date order, which the worker has
    read once for every stage and page that needs them (tei_edition.render.recent); the
    kept file's digest is what the build's key of the site's pages takes of the document."""
    page, summary = page_and_summary(document, node, neighbours, params)
    return _document_files(document, source, page), summaries.keep(edition, source, document.tree, summary)


def page_and_summary(document: Document, node: PyXdmNode, neighbours: Sequence[PyXdmNode], params: Mapping[str, ParamValue]) -> tuple[bytes, bytes]:
    """A document's page and its pieces of the site's pages: one transformation, which
    makes the views of its text once for both."""
    sheet = Stylesheet.load(STYLESHEET)
    outputs = {**params, "page": "document-and-summary", "neighbours": list(neighbours)}
    page, made = sheet.transform_with_documents(node, outputs, source=document.path, parsed=document.tree)
    return page.encode("utf-8"), made["summary.txt"].encode("utf-8")


def _document_files(document: Document, source: bytes, page: bytes) -> dict[str, bytes]:
    return {f"{document.id}.html": page, f"tei/{document.id}.xml": source}


def render_site_pages(corpus: Corpus, params: Mapping[str, ParamValue], found: list[summaries.Pieces]) -> dict[str, bytes]:
    """The pages made from every document's pieces (index, registers, conventions, search), the guidelines and the assets."""
    examples = [document.path for document in corpus.documents] + [Path(tree.docinfo.URL) for tree in corpus.registers]
    entries = (sitejoin.entry_of(pieces.data, pieces.search) for pieces in found)
    files = sitejoin.site_pages(Stylesheet.load(STYLESHEET), params, entries)
    return files | {name: b"".join(made()) for name, made in _other_files(corpus.edition, examples).items()}


class WrittenSite(NamedTuple):
    """The files of the site's own pages, and the documents the guidelines' examples were looked for in."""

    files: list[Path]
    examples: list[Path]
    """The documents that first use some element: the pages change with the pieces of every
    document and the bytes of these (the build keys them so)."""


def write_edition_site(edition: Edition, out: Path) -> WrittenSite:
    """Write the site's own pages of the edition in its folders into `out` (`tei-edition build`),
    from the state kept of them (tei_edition.render.sitecache): only the documents written since
    the last time are read, and their pieces taken out of the pages written last and put in again;
    the registers are parsed only if some document has no kept pieces or the pages' facts changed.

    Pages kept otherwise than as written (or gone) make every page again from every document's
    kept pieces, each written as it is joined, unless its file holds the same bytes already.
    """
    front = front_matter_path(edition)
    registers = summaries.register_files(edition)
    params = functools.cache(lambda: page_params(Corpus(edition, (), tuple(parse_xml(path) for path in registers),
                                                        parse_xml(front) if front.is_file() else None)))
    inputs = _inputs(edition, [*registers, front])
    try:
        site = sitecache.edition_site(edition, params)
        _write_site_pages(edition, site, params, inputs, out)
    except LookupError:  # a page is not as it was written: every document's pieces read again
        site = sitecache.edition_site(edition, params, again=True)
        _write_site_pages(edition, site, params, inputs, out)
    files = _other_files(edition, site.examples + registers)
    for name, made in files.items():
        _write_changed(out / name, made)
    return WrittenSite([out / name for name in (*SITE_PAGES, *files)], site.examples)


def _write_site_pages(edition: Edition, site: sitecache.Site, params: Callable[[], dict[str, ParamValue]], inputs: bytes, out: Path) -> None:
    """Write the pages that changed, from the state's orders, and keep the state (if anything changed).

    The templates are made again only when the facts or what else they show (`inputs`)
    changed; a page is joined from its template and the runs of pieces that stand on the
    page written last, copied from it (mapped into memory, not read), and the changed pieces."""
    facts = etree.tostring(site.order.facts()) + b"\0" + inputs
    made = site.templates if facts == site.facts else sitejoin.templates(Stylesheet.load(STYLESHEET), params(), site.order)
    if not site.pages:
        for name, template in made.items():
            _write_changed(out / name, functools.partial(sitejoin.joined, template, site.order, None))
    else:
        layout = sitejoin.Layout({name: _mapped(out / name, site.pages.get(name)) for name in site.templates}, site.templates, site.order.totals)
        changed = {name: list(sitejoin.joined(template, site.order, layout))  # every piece found before any page is written
                   for name, template in made.items() if sitejoin.changed(template, site.order, layout, site.templates.get(name, b""))}
        if not changed and not site.changed and made is site.templates:
            return
        for name, chunks in changed.items():
            write_atomic(out / name, chunks)
    site.facts, site.templates = facts, made
    site.pages = {name: sitecache.stamp(out / name) for name in made}
    sitecache.save(edition, site)


def _mapped(path: Path, written: sitecache.Stamp | None) -> memoryview:
    """A page as written last (`written`: its stamps then), mapped into memory (LookupError: written since, or gone)."""
    try:
        with open(path, "rb") as handle:
            if sitecache.stamp(handle.fileno()) != written:
                raise LookupError(f"{path} was written since the site's pages were")
            return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError) as exc:
        raise LookupError(f"{path} cannot be read") from exc


def _inputs(edition: Edition, paths: list[Path]) -> bytes:
    """What the site's pages show besides the facts over the documents: the edition's parameters, registers and front matter."""
    state = hashlib.blake2b(repr(sorted(edition_params(edition).items())).encode("utf-8"), digest_size=16)
    for path in paths:
        state.update(path.read_bytes() if path.is_file() else b"-")
    return state.digest()


def _other_files(edition: Edition, examples: list[Path]) -> dict[str, Callable[[], Iterable[bytes]]]:
    """The guidelines (their examples from the files `examples`) and the assets."""
    # The schema's own guidelines, linked from the conventions page.
    guidelines = render_guidelines(edition.title, examples).encode("utf-8")
    files: dict[str, Callable[[], Iterable[bytes]]] = {"guidelines.html": lambda: [guidelines]}
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            files[f"assets/{asset.name}"] = functools.partial(_read, asset)
    return files


def _read(path: Path) -> list[bytes]:
    return [path.read_bytes()]


def _write_changed(target: Path, made: Callable[[], Iterable[bytes]]) -> None:
    """Write a file unless it holds these bytes already, compared as they are made (a page
    is never whole in memory). A forced rebuild makes the site's pages again the same, and
    writing one again costs a new file and a rename; making one twice costs more than
    reading it (the search page reads every document's entry from its own file), so a page
    that differs is written on from where it first differs, its start copied from the old file."""
    chunks = iter(made())
    same, first = 0, b""
    try:
        with open(target, "rb") as handle:
            for chunk in chunks:
                if handle.read(len(chunk)) != chunk:
                    first = chunk
                    break
                same += len(chunk)
            else:
                if not handle.read(1):
                    return
            handle.seek(0)
            start = handle.read(same)
    except OSError:  # none yet, or unreadable: written (or the error named) below, made again from the start
        write_atomic(target, made())
        return
    write_atomic(target, itertools.chain((start, first), chunks))


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
    WrittenSite.__name__,
    write_edition_site.__name__,
    page_and_summary.__name__,
]
