"""Export `json`: the documents' metadata as a table, in JSON and CSV, for people who want one.

One row per document: id, file, title, date, senders, recipients, places
(sent from, received at, mentioned), archive references, languages, and word
count (reading view: notes, deletions and the as-written side of choices left
out). JSON keeps the structure (register ids, authority URLs, per version word
counts); CSV flattens each list into one cell joined by "; ".
"""

from __future__ import annotations

import csv
import io
from typing import Any, Final

from tei_edition.export.base import ExportOptions, ExportReport, FolderWriter, staged_folder
from tei_edition.export.metadata import DocumentFacts, Entity, RegisterIndex, document_facts
from tei_edition.render.corpus import Corpus

FORMAT: Final = "json"

#: The CSV columns, in order.
CSV_COLUMNS: Final[tuple[str, ...]] = (
    "id", "file", "title", "date", "senders", "sender_ids", "recipients", "recipient_ids",
    "places_sent", "places_received", "places_mentioned", "archive_references",
    "languages", "original_language", "words",
)

_JOIN: Final = "; "


def export(corpus: Corpus, options: ExportOptions) -> ExportReport:
    """Write documents.json and documents.csv."""
    report = ExportReport(FORMAT, options.out)
    registers = RegisterIndex(corpus.registers)
    facts = [document_facts(document, registers) for document in corpus.documents]
    with staged_folder(options.out, FORMAT) as root:
        writer = FolderWriter(root, report)
        writer.write_json("documents.json", {
            "edition": corpus.edition.title,
            "licence": corpus.edition.licence_url,
            "documents": [as_json(fact) for fact in facts],
        })
        writer.write_bytes("documents.csv", as_csv(facts))
        report.documents.extend(fact.id for fact in facts)
    return report


def as_json(facts: DocumentFacts) -> dict[str, Any]:
    """One document's row, with its structure."""
    return {
        "id": facts.id,
        "file": facts.file,
        "title": facts.title,
        "date": facts.date,
        "senders": [entity.as_json() for entity in facts.senders],
        "recipients": [entity.as_json() for entity in facts.recipients],
        "places_sent": [entity.as_json() for entity in facts.places_sent],
        "places_received": [entity.as_json() for entity in facts.places_received],
        "places_mentioned": [entity.as_json() for entity in facts.places_mentioned],
        "archive_references": [reference.as_json() for reference in facts.archive_references],
        "languages": list(facts.languages),
        "original_language": facts.original_language,
        "words": facts.words,
        "words_by_version": facts.words_by_version,
    }


def as_csv(all_facts: list[DocumentFacts]) -> str:
    """The table as CSV (RFC 4180: CRLF line ends, a header row)."""
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(CSV_COLUMNS)
    for facts in all_facts:
        table.writerow([
            facts.id, facts.file, facts.title, facts.date,
            _names(facts.senders), _ids(facts.senders), _names(facts.recipients), _ids(facts.recipients),
            _names(facts.places_sent), _names(facts.places_received), _names(facts.places_mentioned),
            _JOIN.join(str(reference) for reference in facts.archive_references),
            _JOIN.join(facts.languages), facts.original_language, facts.words,
        ])
    return buffer.getvalue()


def _names(entities: tuple[Entity, ...]) -> str:
    return _JOIN.join(entity.name for entity in entities)


def _ids(entities: tuple[Entity, ...]) -> str:
    return _JOIN.join(entity.id for entity in entities)


__all__ = ["FORMAT", "CSV_COLUMNS", export.__name__, as_json.__name__, as_csv.__name__]
