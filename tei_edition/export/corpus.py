"""Export `corpus`: every document in one `teiCorpus` file, for tools that want one file.

The corpus header describes the edition (edition.toml); each document follows
whole, with its own header. Identifiers that are only unique inside one
document (`translator`, `hand-1`) are prefixed with the document's id, and the
document's pointers to them follow, so the file has no duplicate xml:id. The
registers go beside the corpus, where the documents' `persons.xml#...`
pointers look for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.config import Edition
from tei_edition.export.base import ExportError, ExportOptions, ExportReport, FolderWriter, export_date, staged_folder
from tei_edition.export.citation import with_refs_decl
from tei_edition.render.corpus import Corpus, Document
from tei_edition.xmlio import TEI_NS, XML_NS

FORMAT: Final = "corpus"

#: The corpus file's name inside the export folder.
CORPUS_FILE: Final = "corpus.xml"


def export(corpus: Corpus, options: ExportOptions) -> ExportReport:
    """Write corpus.xml (teiCorpus) and the registers beside it."""
    report = ExportReport(FORMAT, options.out)
    if not corpus.documents:
        raise ExportError(f"{corpus.edition.xml}: no documents yet, and a teiCorpus holds at least one TEI document")
    with staged_folder(options.out, FORMAT) as root:
        writer = FolderWriter(root, report)
        writer.write_xml(CORPUS_FILE, corpus_document(corpus))
        report.documents.extend(document.id for document in corpus.documents)
        for register in corpus.registers:
            path = Path(register.docinfo.URL)
            writer.copy(path.name, path)
    return report


def corpus_document(corpus: Corpus) -> etree._Element:
    """The teiCorpus element: the edition's header, then every document with unique ids."""
    root = etree.Element(_tei("teiCorpus"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", corpus.edition.language)
    header = corpus_header(corpus.edition, len(corpus.documents))
    etree.indent(header, space="  ", level=1)
    members = [header] + [_member(document) for document in corpus.documents]
    root.text = "\n  "
    for member in members:
        member.tail = "\n  "
        root.append(member)
    members[-1].tail = "\n"
    return root


def corpus_header(edition: Edition, count: int) -> etree._Element:
    """The teiHeader of the whole edition, from edition.toml."""
    header = _sub(None, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", edition.title, type="main")
    if edition.subtitle:
        _sub(title_stmt, "title", edition.subtitle, type="sub")
    for editor in edition.editors:
        _sub(title_stmt, "editor", editor)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", edition.publisher or ", ".join(edition.editors))
    _sub(publication, "date", edition.date, when=edition.date or export_date(edition))
    availability = _sub(publication, "availability")
    _sub(availability, "licence", edition.licence, target=edition.licence_url)
    source = _sub(file_desc, "sourceDesc")
    _sub(source, "p", f"The {count} documents of the edition, each with its own header naming its source.")
    return header


def _member(document: Document) -> etree._Element:
    """The document, its local ids prefixed with its own id and its pointers to them following."""
    root_path = f"/teiCorpus/TEI[@xml:id='{document.id}']"
    tei = with_refs_decl(document.tree, document.path, root_path).getroot()
    renamed: dict[str, str] = {}
    for element in tei.iter():
        local_id = element.get(f"{{{XML_NS}}}id")
        if local_id and element is not tei and not local_id.startswith(document.id):
            renamed[local_id] = f"{document.id}.{local_id}"
            element.set(f"{{{XML_NS}}}id", renamed[local_id])
    for element in tei.iter():
        for name, value in element.attrib.items():
            tokens = value.split()
            if any(token.startswith("#") and token[1:] in renamed for token in tokens):
                element.set(name, " ".join("#" + renamed[token[1:]] if token.startswith("#") and token[1:] in renamed
                                           else token for token in tokens))
    return tei


def _sub(parent: etree._Element | None, name: str, text: str = "", **attributes: str) -> etree._Element:
    element = etree.Element(_tei(name), **attributes) if parent is None else etree.SubElement(parent, _tei(name), **attributes)
    if text:
        element.text = text
    return element


def _tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


__all__ = ["FORMAT", "CORPUS_FILE", export.__name__, corpus_document.__name__, corpus_header.__name__]
