"""The facts about each document that other projects ask for, read once from its TEI.

CMIF, DTS and the JSON/CSV table all describe documents by the same facts:
who sent it to whom, from where, when, what archive holds it, in which
languages, how long it is. They are read here from the teiHeader
(docs/encoding.md says where each fact lives) and from the registers, whose
`idno` elements are the only source of authority identifiers: an entry
without one gets none, never a guessed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.export.citation import iter_units
from tei_edition.render.corpus import Document
from tei_edition.xmlio import NSMAP, TEI_NS, XML_NS

# tables

#: Authority files a register idno may name (idno/@type), and how its value becomes a URL.
AUTHORITY_URLS: Final[dict[str, str]] = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "viaf": "https://viaf.org/viaf/{}",
    "geonames": "https://sws.geonames.org/{}/",
    "gnd": "https://d-nb.info/gnd/{}",
}

#: Register entry elements and what kind of thing each is.
ENTRY_KINDS: Final[dict[str, str]] = {"person": "person", "place": "place", "org": "organisation"}

#: Elements whose words are not the document's text in the reading view.
_NOT_READ: Final[str] = "self::tei:note or self::tei:del or self::tei:orig[parent::tei:choice] or " \
    "self::tei:sic[parent::tei:choice] or self::tei:abbr[parent::tei:choice]"

_WORD: Final = re.compile(r"\w+(?:['’-]\w+)*")


# data


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation as a document names it, resolved through the registers."""

    id: str
    """The register entry's xml:id ('' when the name points at no entry)."""
    kind: str
    """'person', 'place' or 'organisation'."""
    name: str
    """The register's preferred name, else the name as written."""
    authorities: tuple[str, ...]
    """Authority URLs from the entry's idno elements (Wikidata, VIAF, GeoNames, GND)."""

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "name": self.name, "authorities": list(self.authorities)}


@dataclass(frozen=True)
class ArchiveReference:
    """Where the original is kept: repository, fond/opis/delo, folios, and the reference as written."""

    repository: str
    fond: str
    opis: str
    delo: str
    folios: str
    as_written: str

    def as_json(self) -> dict[str, str]:
        return {
            "repository": self.repository,
            "fond": self.fond,
            "opis": self.opis,
            "delo": self.delo,
            "folios": self.folios,
            "as_written": self.as_written,
        }

    def __str__(self) -> str:
        if self.as_written:
            return self.as_written
        parts = [self.repository] + [f"{label} {value}" for label, value in
                                     (("f.", self.fond), ("op.", self.opis), ("d.", self.delo), ("ll.", self.folios)) if value]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class DocumentFacts:
    """One document's metadata, as every export describes it."""

    id: str
    file: str
    title: str
    date: str
    """The sending date as the header gives it (@when, else @from/@notBefore), ISO 8601."""
    senders: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    places_sent: tuple[Entity, ...]
    places_received: tuple[Entity, ...]
    places_mentioned: tuple[Entity, ...]
    archive_references: tuple[ArchiveReference, ...]
    languages: tuple[str, ...]
    """The languages of the text (langUsage), BCP 47."""
    original_language: str
    words: int
    words_by_version: dict[str, int]


# registers


class RegisterIndex:
    """The register entries by pointer (`persons.xml#stalin`), with their authority URLs."""

    def __init__(self, registers: Iterable[etree._ElementTree]) -> None:
        self._entries: dict[str, Entity] = {}
        for tree in registers:
            file_name = Path(tree.docinfo.URL or "").name
            for element in tree.getroot().iter(*(f"{{{TEI_NS}}}{name}" for name in ENTRY_KINDS)):
                entity = _entry(element)
                if entity.id:
                    self._entries[f"{file_name}#{entity.id}"] = entity

    def resolve(self, element: etree._Element) -> Entity:
        """The entity a name element stands for: its register entry, or the name as written."""
        written = _text(element)
        kind = {"persName": "person", "placeName": "place", "orgName": "organisation"}.get(
            etree.QName(element).localname, "person")
        for token in element.get("ref", "").split():
            pointer = token.rsplit("/", 1)[-1]
            if pointer in self._entries:
                return self._entries[pointer]
        return Entity("", kind, written, ())


def _entry(element: etree._Element) -> Entity:
    kind = ENTRY_KINDS[etree.QName(element).localname]
    names = [child for child in element if isinstance(child.tag, str) and etree.QName(child).localname.endswith("Name")]
    preferred = next((name for name in names if name.get("type") == "preferred"), names[0] if names else None)
    authorities = tuple(
        _authority_url(idno.get("type", ""), _text(idno))
        for idno in element.findall("tei:idno", NSMAP)
        if idno.get("type") in AUTHORITY_URLS and _text(idno)
    )
    return Entity(element.get(f"{{{XML_NS}}}id", ""), kind, _text(preferred) if preferred is not None else "", authorities)


def _authority_url(kind: str, value: str) -> str:
    return value if value.startswith(("http://", "https://")) else AUTHORITY_URLS[kind].format(value)


# documents


def document_facts(document: Document, registers: RegisterIndex) -> DocumentFacts:
    """Read the facts of one document from its header and body."""
    root = document.tree.getroot()
    header = root.find("tei:teiHeader", NSMAP)
    by_version = {unit.ref: _count_words(unit.element) for unit in iter_units(document.tree, document.path)
                  if unit.unit == "version"}
    body = root.find("tei:text/tei:body", NSMAP)
    return DocumentFacts(
        id=document.id,
        file=document.path.name,
        title=_text(header.find("tei:fileDesc/tei:titleStmt/tei:title", NSMAP)),
        date=_sent_date(header),
        senders=_parties(header, "sent", registers),
        recipients=_parties(header, "received", registers),
        places_sent=_places(header, "sent", registers),
        places_received=_places(header, "received", registers),
        places_mentioned=_unique(registers.resolve(name) for name in body.iter(f"{{{TEI_NS}}}placeName")),
        archive_references=tuple(_archive_reference(ms) for ms in header.iterfind(".//tei:sourceDesc/tei:msDesc/tei:msIdentifier", NSMAP)
                                 if ms.find("tei:msName[@type='no-reference']", NSMAP) is None),
        languages=tuple(language.get("ident", "") for language in header.iterfind("tei:profileDesc/tei:langUsage/tei:language", NSMAP)),
        original_language=next((lang.get("mainLang", "") for lang in header.iterfind(".//tei:msContents/tei:textLang", NSMAP)), ""),
        words=_count_words(body),
        words_by_version=by_version,
    )


def _action(header: etree._Element, kind: str) -> list[etree._Element]:
    return header.findall(f"tei:profileDesc/tei:correspDesc/tei:correspAction[@type='{kind}']", NSMAP)


def _parties(header: etree._Element, kind: str, registers: RegisterIndex) -> tuple[Entity, ...]:
    return _unique(registers.resolve(name) for action in _action(header, kind)
                   for name in action if isinstance(name.tag, str) and etree.QName(name).localname in ("persName", "orgName"))


def _places(header: etree._Element, kind: str, registers: RegisterIndex) -> tuple[Entity, ...]:
    return _unique(registers.resolve(name) for action in _action(header, kind)
                   for name in action.iterfind("tei:placeName", NSMAP))


def _sent_date(header: etree._Element) -> str:
    for action in _action(header, "sent"):
        for date in action.iterfind("tei:date", NSMAP):
            for attribute in ("when", "from", "notBefore", "notAfter", "to"):
                if date.get(attribute):
                    return date.get(attribute, "")
    return ""


def _archive_reference(identifier: etree._Element) -> ArchiveReference:
    def idno(kind: str) -> str:
        return _text(identifier.find(f"tei:idno[@type='{kind}']", NSMAP))

    locus = identifier.getparent().find("tei:msContents/tei:msItem/tei:locus", NSMAP)
    return ArchiveReference(
        repository=_text(identifier.find("tei:repository", NSMAP)),
        fond=idno("fond"),
        opis=idno("opis"),
        delo=idno("delo"),
        folios=_text(locus),
        as_written=_text(identifier.find("tei:altIdentifier[@type='as-written']/tei:idno", NSMAP)),
    )


def _count_words(element: etree._Element) -> int:
    """Words of the reading view: notes, deletions and the as-written side of choices left out."""
    texts = element.xpath(f".//text()[not(ancestor::*[{_NOT_READ}])]", namespaces=NSMAP)
    return len(_WORD.findall("".join(texts)))


def _unique(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    seen: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        seen.setdefault((entity.id, entity.name), entity)
    return tuple(seen.values())


def _text(element: etree._Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


__all__ = [
    "AUTHORITY_URLS",
    Entity.__name__,
    ArchiveReference.__name__,
    DocumentFacts.__name__,
    RegisterIndex.__name__,
    document_facts.__name__,
]
