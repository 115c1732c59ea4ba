"""`export --to bag`: the whole edition as a BagIt bag that `bagit` validates (RFC 8493)."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit
import pytest

from test_export import FIXTURE, export_edition, run_cli
from tei_edition.validate.schema import DEFAULT_XSD


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    """A copy of the fixture edition with rendered outputs and an earlier export under build/."""
    root = tmp_path / "edition"
    shutil.copytree(FIXTURE, root)
    (root / "build" / "html").mkdir(parents=True)
    (root / "build" / "html" / "index.html").write_text("<!DOCTYPE html><title>Export test edition</title>", encoding="utf-8")
    (root / "build" / "export" / "json").mkdir(parents=True)
    (root / "build" / "export" / "json" / "documents.csv").write_text("id\n", encoding="utf-8")
    return root


def test_bag_validates_and_holds_the_whole_edition(edition: Path, tmp_path: Path) -> None:
    export_edition("bag", tmp_path / "bag", config=edition / "edition.toml")
    bag = bagit.Bag(str(tmp_path / "bag"))
    bag.validate()
    assert set(bag.algorithms) == {"sha256", "sha512"}
    payload = sorted(bag.payload_files())
    assert "data/edition.toml" in payload
    assert "data/sources/1950-10-12_8th-directorate-to-shtykov-vasilyev.txt" in payload
    assert "data/xml/d1950-09-30_gromyko_stalin.xml" in payload and "data/xml/persons.xml" in payload
    assert "data/schema/tei_edition.xsd" in payload and "data/schema/rules/edition.sch" in payload
    assert "data/build/html/index.html" in payload
    assert not any(path.startswith("data/build/export/") for path in payload)
    assert (tmp_path / "bag" / "data" / "schema" / "tei_edition.xsd").read_bytes() == DEFAULT_XSD.read_bytes()
    top = {path.name for path in (tmp_path / "bag").iterdir() if path.is_file() and not path.name.startswith("tagmanifest-")}
    listed = {line.split()[1] for line in (tmp_path / "bag" / "tagmanifest-sha256.txt").read_text(encoding="utf-8").splitlines()}
    assert listed == top  # every tag file, the export's marker included, is checked
    info = bag.info
    assert info["Bagging-Date"] == "2026-11-22"
    assert info["Source-Organization"] == "tei-edition tests"
    assert info["External-Description"] == "Export test edition. Two cables of 1950"


def test_a_changed_payload_file_fails_validation(edition: Path, tmp_path: Path) -> None:
    export_edition("bag", tmp_path / "bag", config=edition / "edition.toml")
    target = tmp_path / "bag" / "data" / "xml" / "persons.xml"
    target.write_bytes(target.read_bytes().replace(b"Stalin", b"Stalyn", 1))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(tmp_path / "bag")).validate()


def test_bagging_date_follows_source_date_epoch(edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    export_edition("bag", tmp_path / "bag", config=edition / "edition.toml")
    assert bagit.Bag(str(tmp_path / "bag")).info["Bagging-Date"] == "2023-11-14"


def test_bag_in_the_default_place_leaves_itself_out(edition: Path) -> None:
    for _ in range(2):
        result = run_cli("export", "--to", "bag", "--config", str(edition / "edition.toml"), "--quiet")
        assert result.returncode == 0, result.stderr
    bag = bagit.Bag(str(edition / "build" / "export" / "bag"))
    bag.validate()
    assert not any("export" in path for path in bag.payload_files())
    assert sorted(p.name for p in (edition / "build" / "export").iterdir()) == ["bag", "json"]
