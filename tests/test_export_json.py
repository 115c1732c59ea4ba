"""`export --to json`: the documents' metadata as JSON and CSV, read back by their own parsers."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from test_export import FIXTURE, export_edition
from tei_edition.export.table import CSV_COLUMNS


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("json") / "json"
    export_edition("json", out)
    return out


def test_json_rows_hold_the_facts_of_each_document(exported: Path) -> None:
    data = json.loads((exported / "documents.json").read_text(encoding="utf-8"))
    assert data["edition"] == "Export test edition"
    rows = {row["id"]: row for row in data["documents"]}
    assert sorted(rows) == ["d1950-09-30_gromyko_stalin", "d1950-10-12_eighth-directorate_shtykov"]
    cable = rows["d1950-10-12_eighth-directorate_shtykov"]
    assert cable["date"] == "1950-10-12"
    assert [s["id"] for s in cable["senders"]] == ["eighth-directorate"]
    assert [r["id"] for r in cable["recipients"]] == ["shtykov", "vasilyev"]
    assert {"pyongyang", "korea", "manchuria"} <= {p["id"] for p in cable["places_mentioned"]}
    assert cable["archive_references"][0]["fond"] == "558"
    assert cable["archive_references"][0]["as_written"] == "RGASPI. F. 558, op. 11. d. 334, pp. 142-44"
    assert cable["languages"] == ["en", "ru-Latn"] and cable["original_language"] == "ru"
    letter = rows["d1950-09-30_gromyko_stalin"]
    assert [r["authorities"] for r in letter["recipients"]] == [["http://www.wikidata.org/entity/Q855"]]


def test_word_count_is_the_reading_text_without_notes_or_as_written_forms(exported: Path) -> None:
    cable = {row["id"]: row for row in json.loads((exported / "documents.json").read_text(encoding="utf-8"))["documents"]}[
        "d1950-10-12_eighth-directorate_shtykov"]
    source = (FIXTURE / "xml" / "d1950-10-12_eighth-directorate_shtykov.xml").read_text(encoding="utf-8")
    assert "<orig>Kim II Sung</orig><reg>Kim Il Sung</reg>" in source  # counted once, as read
    assert 400 < cable["words"] < 520
    assert cable["words"] == sum(cable["words_by_version"].values())


def test_csv_parses_with_one_row_per_document_matching_the_json(exported: Path) -> None:
    with (exported / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    documents = json.loads((exported / "documents.json").read_text(encoding="utf-8"))["documents"]
    assert [row["id"] for row in rows] == [document["id"] for document in documents]
    for row, document in zip(rows, documents):
        assert int(row["words"]) == document["words"]
        assert row["recipient_ids"].split("; ") == [r["id"] for r in document["recipients"]]
        assert row["date"] == document["date"]
