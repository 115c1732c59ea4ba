"""Build a document's `teiHeader` from what its reader and its body told.

The header states only what the source states: the title as published (or,
for a bare cable, one the edition supplies and marks so), the archival
references as written and parsed, the translator and the publication, the
correspondents through the registers, transmission times, languages, hands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from tei_edition import __version__
from tei_edition.archival import ArchivalReference
from tei_edition.body import BodyFacts
from tei_edition.config import Edition
from tei_edition.inline import NAME_ELEMENT, Hands
from tei_edition.model import Publication, SourceDocument
from tei_edition.registers import Entry, Registers
from tei_edition.titles import Party, TitleFacts
from tei_edition.tei import el

#: Names of the languages the edition's texts are in (BCP 47 tag -> English name).
LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Russian",
    "ru-Latn": "Russian in Latin transliteration",
    "zh": "Chinese",
    "ko": "Korean",
    "de": "German",
    "fr": "French",
}

_NO_NAME = "not named in the source"


@dataclass
class HeaderFacts:
    """Everything the header states about one document, gathered by the converter."""

    doc_id: str
    title: str
    title_content: list  # the title read inline: names, identifications, dates marked up
    title_supplied: bool
    date: str
    date_text: str
    senders: list[Party]
    recipients: list[Party]
    via: list[Party]
    sent_place: Entry | None
    received_place: Entry | None
    kind: str
    references: list[ArchivalReference]
    translators: list[str]
    languages: list[str]
    source_path: str
    hands: Hands
    uses_translator_note: bool
    carried: TitleFacts | None = None


def build_header(doc: SourceDocument, body: BodyFacts, facts: HeaderFacts, edition: Edition, registers: Registers) -> etree._Element:
    """The whole `teiHeader` of one document."""
    return el(
        "teiHeader",
        None,
        el(
            "fileDesc",
            None,
            _title_stmt(doc, facts, edition, registers),
            _publication_stmt(facts, edition),
            _source_desc(doc, body, facts),
        ),
        el("encodingDesc", None, el("editorialDecl", None, el("p", None, "The signs of the source text are encoded as the edition's encoding conventions describe (docs/encoding.md of tei-edition)."))),
        _profile_desc(doc, body, facts),
        el(
            "revisionDesc",
            None,
            el("change", {"who": "#encoder"}, f"Converted from {facts.source_path}, lines {doc.first_line}–{doc.last_line}, by tei-edition {__version__}."),
        ),
    )


# ---------------------------------------------------------------- fileDesc


def _title_stmt(doc: SourceDocument, facts: HeaderFacts, edition: Edition, registers: Registers) -> etree._Element:
    title = el("title", {"type": "supplied" if facts.title_supplied else "main"}, facts.title_content or facts.title)
    stmt = el("titleStmt", None, title)
    if facts.translators or facts.uses_translator_note:
        names = [_person(name, registers) for name in facts.translators] or [el("name", None, _NO_NAME)]
        stmt.append(el("respStmt", {"xml:id": "translator"}, el("resp", None, "translated by"), names))
    stmt.append(el("respStmt", {"xml:id": "source-editor"}, el("resp", None, "edited and published the source text"), _source_editor(doc, registers)))
    encoders = [el("name", None, f"tei-edition {__version__}")] + [el("name", None, editor) for editor in edition.editors]
    stmt.append(el("respStmt", {"xml:id": "encoder"}, el("resp", None, "encoded in TEI"), encoders))
    return stmt


def _person(name: str, registers: Registers) -> etree._Element:
    entry = registers.lookup(name)
    return el("persName", {"ref": entry.ref if entry else None}, name)


def _source_editor(doc: SourceDocument, registers: Registers) -> etree._Element:
    publication = doc.publication
    if publication is None:
        return el("name", None, _NO_NAME)
    if publication.editor:
        return _person(publication.editor, registers)
    entry = registers.lookup(publication.container)
    return el("orgName", {"ref": entry.ref if entry else None}, publication.container or _NO_NAME)


def _publication_stmt(facts: HeaderFacts, edition: Edition) -> etree._Element:
    return el(
        "publicationStmt",
        None,
        el("publisher", None, edition.publisher or edition.title),
        el("idno", {"type": "document"}, facts.doc_id),
        el("availability", None, el("licence", {"target": edition.licence_url}, f"The encoding is licensed under {edition.licence}.")),
    )


def _source_desc(doc: SourceDocument, body: BodyFacts, facts: HeaderFacts) -> etree._Element:
    source_desc = el("sourceDesc")
    publication = doc.publication
    if publication is not None:
        source_desc.append(_publication_bibl(publication, doc.notes))
        if publication.citation:
            source_desc.append(el("bibl", {"type": "citation"}, publication.citation))
    references = facts.references or [None]
    for index, reference in enumerate(references):
        ms_desc = el("msDesc", None, _ms_identifier(reference, body.cable_numbers if index == 0 else []))
        contents = el("msContents")
        if index == 0 and doc.original_language:
            contents.append(el("textLang", {"mainLang": _language_tag(doc.original_language)}, doc.original_language))
        if reference is not None and reference.folios:
            item = el("msItem")
            for folio in reference.folios:
                item.append(el("locus", {"from": folio.start, "to": folio.end}, f"{folio.start}–{folio.end}" if folio.start != folio.end else folio.start))
            item.append(el("title", None, facts.title))
            contents.append(item)
        if len(contents):
            ms_desc.append(contents)
        if index == 0:
            ms_desc.append(el("physDesc", None, _hand_desc(facts.hands)))
        source_desc.append(ms_desc)
    return source_desc


def _publication_bibl(publication: Publication, notes: list[tuple[str, str]]) -> etree._Element:
    bibl = el("bibl", {"type": "publication"})
    if publication.editor:
        bibl.append(el("editor", None, publication.editor))
    if publication.title:
        bibl.append(el("title", {"level": "a"}, publication.title))
    if publication.container:
        bibl.append(el("title", {"level": "m"}, publication.container))
    if publication.number:
        bibl.append(el("biblScope", {"unit": "document", "n": publication.number}, f"Document {publication.number}"))
    if publication.url:
        bibl.append(el("ref", {"target": publication.url}, publication.url))
    for label, text in notes:
        bibl.append(el("note", {"type": "field", "subtype": re.sub(r"\W+", "-", label.lower()).strip("-")}, text))
    return bibl


def _ms_identifier(reference: ArchivalReference | None, cable_numbers: list[str]) -> etree._Element:
    if reference is None:
        identifier = el("msIdentifier", None, el("msName", {"type": "no-reference"}, "The source text gives no archival reference."))
    else:
        identifier = el("msIdentifier", None, el("repository", {"ref": f"organisations.xml#{reference.archive.id}"}, reference.archive.name))
        for part in ("fond", "opis", "delo"):
            if part in reference.parts:
                identifier.append(el("idno", {"type": part}, reference.parts[part]))
        identifier.append(el("altIdentifier", {"type": "as-written"}, el("idno", {"type": "reference"}, reference.text)))
    for number in dict.fromkeys(cable_numbers):
        identifier.append(el("altIdentifier", {"type": "cable"}, el("idno", {"type": "cable"}, number)))
    return identifier


def _hand_desc(hands: Hands) -> etree._Element:
    notes = [el("handNote", {"xml:id": "hand-main", "scope": "major"}, "the hand or typewriter of the text as transmitted")]
    for hand_id in hands.used.values():
        notes.append(el("handNote", {"xml:id": hand_id, "scope": "minor"}, "an unidentified hand"))
    return el("handDesc", {"hands": str(len(notes))}, notes)


def _language_tag(name: str) -> str:
    for tag, language in LANGUAGE_NAMES.items():
        if language.lower() == name.strip().lower():
            return tag
    return "und"


# ---------------------------------------------------------------- profileDesc


def _profile_desc(doc: SourceDocument, body: BodyFacts, facts: HeaderFacts) -> etree._Element:
    profile = el("profileDesc")
    if doc.summary:
        profile.append(el("abstract", None, el("p", None, doc.summary)))
    profile.append(_corresp_desc(body, facts))
    for desc in _embedded_corresp(body, facts):
        profile.append(desc)
    profile.append(el("langUsage", None, [el("language", {"ident": tag}, LANGUAGE_NAMES.get(tag, tag)) for tag in facts.languages]))
    terms = [("kind", facts.kind)] + [("classification", c) for c in dict.fromkeys(body.classification)] + [("priority", p) for p in dict.fromkeys(body.priority)]
    terms = [(kind, text) for kind, text in terms if text]
    if terms:
        profile.append(el("textClass", None, el("keywords", None, [el("term", {"type": kind}, text) for kind, text in terms])))
    return profile


def _corresp_desc(body: BodyFacts, facts: HeaderFacts) -> etree._Element:
    sent = el("correspAction", {"type": "sent"}, [_party(p.entry) for p in facts.senders])
    if facts.sent_place is not None:
        sent.append(_party(facts.sent_place))
    if facts.date:
        sent.append(el("date", {"when": facts.date}, facts.date_text or None))
    received = el("correspAction", {"type": "received"}, [_party(p.entry) for p in facts.recipients])
    if facts.received_place is not None:
        received.append(_party(facts.received_place))
    desc = el("correspDesc", None, [action for action in (sent, received) if len(action)])  # TEI: no empty action
    if facts.via:
        desc.append(el("correspAction", {"type": "transmitted"}, [_party(p.entry) for p in facts.via]))
    _transmission_actions(body, desc)
    if not len(desc):
        desc.append(el("p", None, "The source text names neither sender, recipient nor date."))
    return desc


def _embedded_corresp(body: BodyFacts, facts: HeaderFacts) -> list[etree._Element]:
    """One `correspDesc` per text the document carries, pointing at it."""
    descs = []
    for index, embedded in enumerate(body.embedded):
        stated = facts.carried if index == 0 and facts.carried is not None else None
        senders = list(embedded.signers) or ([p.entry for p in stated.senders] if stated else [])
        recipients = [p.entry for p in stated.recipients] if stated else []
        date = embedded.date or (stated.date if stated else "")
        desc = el("correspDesc", {"corresp": f"#{facts.doc_id}{embedded.suffix}", "type": "embedded"})
        if senders or date:
            sent = el("correspAction", {"type": "sent"}, [_party(e) for e in dict.fromkeys(senders)])
            if date:
                sent.append(el("date", {"when": date}))
            desc.append(sent)
        if recipients:
            desc.append(el("correspAction", {"type": "received"}, [_party(e) for e in recipients]))
        if not len(desc):
            desc.append(el("p", None, "The source states neither sender, recipient nor date of this embedded text."))
        descs.append(desc)
    return descs


def _transmission_actions(body: BodyFacts, desc: etree._Element) -> None:
    for event in body.transmissions:
        action = el("correspAction", {"type": "transmitted", "subtype": event.event}, [_party(e) for e in event.persons])
        if event.when:
            action.append(el("date", {"when": event.when}))
        action.append(el("note", {"xml:lang": event.lang if event.lang != "en" else None}, event.text))
        desc.append(action)


def _party(entry: Entry) -> etree._Element:
    return el(NAME_ELEMENT[entry.register], {"ref": entry.ref}, entry.preferred)


__all__ = [HeaderFacts.__name__, build_header.__name__, "LANGUAGE_NAMES"]
