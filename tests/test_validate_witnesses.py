"""The apparatus rules (schema/rules/witnesses.sch): every @wit names a declared witness,
and every place of variation has a reading of every witness of its text, on the
fixtures made for them, on the collated documents of the edition, and on variations of
the 1 October telegram (four witnesses)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tei_edition.validate import collect_files, validate_files

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "validate"
TELEGRAM = ROOT / "tests" / "html" / "edition" / "xml" / "1950-10-01_stalin_mao-zedong.xml"
RULES = ("app-wit-declared", "app-witness-complete")


def _issues(folder: Path, rule: str) -> list:
    return [issue for issue in validate_files(collect_files([folder])).issues if issue.rule == rule]


@pytest.mark.parametrize("rule", RULES)
def test_the_rule_names_the_witness_and_what_to_do(tmp_path: Path, rule: str) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURES / "valid", edition)
    for broken in (FIXTURES / "rules" / rule).iterdir():
        shutil.copy(broken, edition / broken.name)
    [issue] = _issues(edition, rule)
    assert issue.severity == "error" and issue.line > 0
    if rule == "app-wit-declared":
        assert "#wit-Z" in issue.message and "listWit" in issue.message
    else:
        assert "#wit-A" in issue.message and 'source="#wit-A #wit-B"' in issue.message


@pytest.mark.parametrize(
    ("old", "new", "rule", "named"),
    [
        pytest.param('<rdg wit="#wit-C" type="substantive">оторван</rdg>', '<rdg wit="#wit-E" type="substantive">оторван</rdg>',
                     "app-witness-complete", "#wit-C", id="reading-of-c-given-to-an-unknown-witness"),
        pytest.param('<rdg wit="#wit-C" type="substantive">оторван</rdg>', '<rdg wit="#wit-E" type="substantive">оторван</rdg>',
                     "app-wit-declared", "#wit-E", id="unknown-witness"),
        pytest.param('<lem wit="#wit-A">front line</lem>', '<lem wit="#wit-B">front line</lem>',
                     "app-witness-complete", "#wit-A", id="witness-of-another-text"),
    ],
)
def test_a_broken_apparatus_of_the_telegram_is_found(tmp_path: Path, old: str, new: str, rule: str, named: str) -> None:
    text = TELEGRAM.read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "d1950-10-01_stalin_mao-zedong.xml").write_text(text.replace(old, new), encoding="utf-8")
    issues = _issues(tmp_path, rule)
    assert len(issues) == 1 and named in issues[0].message


@pytest.mark.parametrize("rule", RULES)
def test_the_collated_documents_keep_the_rules(tmp_path: Path, rule: str) -> None:
    shutil.copy(TELEGRAM, tmp_path / "d1950-10-01_stalin_mao-zedong.xml")
    edition_xml = ROOT / "xml"
    for document in edition_xml.glob("d*.xml"):
        if "<app" in document.read_text(encoding="utf-8"):
            shutil.copy(document, tmp_path / f"edition-{document.name}")
    assert _issues(tmp_path, rule) == []
