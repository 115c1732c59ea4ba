"""Export `cmif`: the Correspondence Metadata Interchange Format file aggregators harvest.

CMIF (TEI Correspondence SIG, https://github.com/TEI-Correspondence-SIG/CMIF,
doc/documentation-en.md and schema/cmi-customization.rng) is one TEI file with
one `correspDesc` per letter: `correspAction type="sent"` and `"received"`
holding only persName/orgName, placeName and date, names as plain text with
`@ref` the authority URL (VIAF, GND, Wikidata, GeoNames) when there is one,
dates as YYYY, YYYY-MM or YYYY-MM-DD. The header names the file's editor,
publisher, URL (`idno type="url"`), timestamp and licence (CC BY 4.0 or CC0),
and a `bibl` (`type` online, `xml:id` a UUID) that every correspDesc points at
with `@source`.
"""

from __future__ import annotations

import re
import uuid
from typing import Final

from lxml import etree

from tei_edition.export.base import ExportOptions, ExportReport, FolderWriter, export_timestamp, staged_folder
from tei_edition.export.metadata import DocumentFacts, Entity, RegisterIndex, document_facts
from tei_edition.render.corpus import Corpus
from tei_edition.xmlio import NSMAP, TEI_NS

FORMAT: Final = "cmif"

#: The CMIF file's name inside the export folder.
CMIF_FILE: Final = "cmif.xml"

#: The licences CMIF accepts, by URL, with the statement the CMIF documentation asks for.
LICENCES: Final[dict[str, str]] = {
    "https://creativecommons.org/licenses/by/4.0/":
        "This file is licensed under the terms of the Creative Commons License CC-BY 4.0",
    "https://creativecommons.org/publicdomain/zero/1.0/":
        "This file is licensed under the terms of the Creative Commons License CC0 1.0",
}

#: Dates CMIF accepts (documentation-en.md: YYYY-MM-DD, YYYY-MM, YYYY).
_CMIF_DATE: Final = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

#: Dating attributes CMIF supports on date.
_DATE_ATTRIBUTES: Final = ("when", "from", "to", "notBefore", "notAfter")


def export(corpus: Corpus, options: ExportOptions) -> ExportReport:
    """Write cmif.xml for the edition's documents."""
    report = ExportReport(FORMAT, options.out)
    licence = corpus.edition.licence_url
    if licence not in LICENCES:
        report.warnings.append(f"the edition's licence {licence} is not one CMIF aggregators accept "
                               f"({', '.join(LICENCES)}); the CMIF file says CC-BY 4.0 only if the edition is")
    with staged_folder(options.out, FORMAT) as root:
        FolderWriter(root, report).write_xml(CMIF_FILE, cmif_document(corpus, options))
        report.documents.extend(document.id for document in corpus.documents)
    return report


def cmif_document(corpus: Corpus, options: ExportOptions) -> etree._Element:
    """The CMIF TEI file: header about the index, one correspDesc per document."""
    edition = corpus.edition
    registers = RegisterIndex(corpus.registers)
    bibl_id = f"edition-{uuid.uuid5(uuid.NAMESPACE_URL, options.base_url or edition.title)}"
    tei = etree.Element(_tei("TEI"), nsmap={None: TEI_NS})
    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", f"{edition.title}: correspondence metadata")
    for editor in edition.editors or (edition.publisher,):
        _sub(title_stmt, "editor", editor)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", edition.publisher or ", ".join(edition.editors))
    _sub(publication, "idno", options.base_url + CMIF_FILE, type="url")
    _sub(publication, "date", when=export_timestamp(edition))
    availability = _sub(publication, "availability")
    licence_url = edition.licence_url if edition.licence_url in LICENCES else next(iter(LICENCES))
    _sub(availability, "licence", LICENCES[licence_url], target=licence_url)
    source_desc = _sub(file_desc, "sourceDesc")
    bibl = _sub(source_desc, "bibl", _bibliography(corpus), type="online")
    bibl.set("{http://www.w3.org/XML/1998/namespace}id", bibl_id)
    profile = _sub(header, "profileDesc")
    site = str(edition.raw.get("edition", {}).get("base_url", ""))
    for document in corpus.documents:
        facts = document_facts(document, registers)
        profile.append(_corresp_desc(facts, document.tree, registers, bibl_id, site))
    body = _sub(_sub(tei, "text"), "body")
    _sub(body, "p")
    etree.indent(tei, space="  ")
    return tei


def _bibliography(corpus: Corpus) -> str:
    edition = corpus.edition
    parts = [edition.title, edition.subtitle, f"Edited by {', '.join(edition.editors)}" if edition.editors else "",
             edition.publisher, edition.date]
    return ". ".join(part for part in parts if part) + "."


def _corresp_desc(facts: DocumentFacts, tree: etree._ElementTree, registers: RegisterIndex,
                  bibl_id: str, site: str) -> etree._Element:
    corresp = etree.Element(_tei("correspDesc"), key=facts.id, source=f"#{bibl_id}")
    if site:
        corresp.set("ref", f"{site.rstrip('/')}/{facts.id}.html")
    header = tree.getroot().find("tei:teiHeader", NSMAP)
    for kind, parties, places in (("sent", facts.senders, facts.places_sent),
                                  ("received", facts.recipients, facts.places_received)):
        action = _sub(corresp, "correspAction", type=kind)
        for party in parties or (Entity("", "person", "Unknown", ()),):
            _name(action, "orgName" if party.kind == "organisation" else "persName", party)
        for place in places:
            _name(action, "placeName", place)
        date = _cmif_date(header, kind)
        if date is not None:
            action.append(date)
    return corresp


def _name(action: etree._Element, element: str, entity: Entity) -> None:
    name = _sub(action, element, entity.name)
    if entity.authorities:
        name.set("ref", " ".join(entity.authorities))


def _cmif_date(header: etree._Element, kind: str) -> etree._Element | None:
    """The action's date with CMIF's attributes only, each cut to YYYY-MM-DD (times dropped)."""
    for date in header.iterfind(f"tei:profileDesc/tei:correspDesc/tei:correspAction[@type='{kind}']/tei:date", NSMAP):
        attributes = {name: date.get(name, "")[:10] for name in _DATE_ATTRIBUTES if date.get(name)}
        if attributes and all(_CMIF_DATE.fullmatch(value) for value in attributes.values()):
            return etree.Element(_tei("date"), **attributes)
    return None


def _sub(parent: etree._Element, name: str, text: str = "", **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _tei(name), **attributes)
    if text:
        element.text = text
    return element


def _tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


__all__ = ["FORMAT", "CMIF_FILE", "LICENCES", export.__name__, cmif_document.__name__]
