"""The editorial rules (schema/rules/*.sch): each fires on its fixture, none fires on valid files.

Fixtures: tests/fixtures/validate/valid/ is a small valid edition; each
tests/fixtures/validate/rules/<rule-id>/ holds one of its files broken so that
exactly that rule must fire (see the README there).
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from tei_edition.validate import Report, collect_files, validate_files
from tei_edition.validate.catalogue import rule_catalogue
from tei_edition.validate.functions import in_order, is_date, temporal_key

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
VALID = FIXTURES / "valid"
RULE_FIXTURES = FIXTURES / "rules"
EDITION_XML = Path(__file__).resolve().parents[1] / "xml"
GRAMMAR_RULES = ("schema", "well-formed")


def edition_with(tmp_path: Path, rule: str | None = None) -> Path:
    """A copy of the valid fixture edition, with the files of rules/<rule>/ laid over it."""
    target = tmp_path / "edition"
    shutil.copytree(VALID, target)
    if rule is not None:
        for broken in (RULE_FIXTURES / rule).iterdir():
            shutil.copy(broken, target / broken.name)
    return target


def rule_ids() -> list[str]:
    """Every rule id the Schematron modules declare, plus the grammar's own."""
    return [info.id for info in rule_catalogue()] + list(GRAMMAR_RULES)


def test_valid_fixture_edition_has_no_issues(tmp_path: Path) -> None:
    report = validate_files(collect_files([edition_with(tmp_path)]))
    assert report.issues == []


@pytest.mark.parametrize("rule", sorted(p.name for p in RULE_FIXTURES.iterdir()))
def test_rule_fires_on_its_fixture_in_the_broken_file(tmp_path: Path, rule: str) -> None:
    edition = edition_with(tmp_path, rule)
    broken_files = {p.name for p in (RULE_FIXTURES / rule).iterdir()}
    report = validate_files(collect_files([edition]))
    fired = [issue for issue in report.issues if issue.rule == rule]
    assert fired, f"{rule} did not fire; found {[i.as_text() for i in report.issues]}"
    assert any(Path(issue.path).name in broken_files for issue in fired)
    assert all(issue.line > 0 and issue.column > 0 and issue.message for issue in fired)


#: Pointers of the fixture's second document broken, by line: (what it names, what it is made to name).
BROKEN_POINTERS = {
    9: ("persons.xml#goldberg", "#missing-local"),
    72: ("places.xml#moscow", "#"),
    76: ("persons.xml#shtykov", "#missing-local"),
    77: ("places.xml#pyongyang", "places.xml"),
    103: ("persons.xml#shtykov", "nofile.xml#x"),
    104: ("persons.xml#kim-il-sung", "persons.xml#nobody"),
}


def test_edition_rules_report_each_place_of_a_value_and_the_file_a_pointer_names(tmp_path: Path) -> None:
    """The index keeps the lines of its values beside its tree: each issue still names its file,
    line and column, a pointer named twice is reported at both lines, and the file a pointer names
    is its part before #, or its own file when that is empty (a pointer to a whole file resolves)."""
    edition = edition_with(tmp_path)
    document = edition / "d1950-10-12_eighth-directorate_shtykov.xml"
    lines = document.read_text(encoding="utf-8").split("\n")
    for number, (before, after) in BROKEN_POINTERS.items():
        assert f'"{before}"' in lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(f'"{before}"', f'"{after}"')
    document.write_text("\n".join(lines), encoding="utf-8")
    found = [(Path(i.path).name, i.line, i.column, i.rule, i.message.split(". ")[0].rstrip(".")) for i in validate_files(collect_files([edition])).issues]
    name = document.name
    assert found == [
        (name, 9, 11, "pointer-resolves", f'@ref="#missing-local" points at nothing: no element has that xml:id in {name}'),
        (name, 76, 11, "pointer-resolves", f'@ref="#missing-local" points at nothing: no element has that xml:id in {name}'),
        (name, 103, 37, "pointer-resolves", '@ref="nofile.xml#x" points at nothing: no element has that xml:id in nofile.xml'),
        (name, 104, 34, "pointer-resolves", '@ref="persons.xml#nobody" points at nothing: no element has that xml:id in persons.xml'),
        ("persons.xml", 35, 9, "register-entry-used",
         'No document points at the person "kim-il-sung": remove the entry, or link the documents that name it with ref="persons.xml#kim-il-sung"'),
        ("persons.xml", 40, 9, "register-entry-used",
         'No document points at the person "goldberg": remove the entry, or link the documents that name it with ref="persons.xml#goldberg"'),
    ]


def test_every_rule_id_has_a_fixture_and_every_fixture_a_rule() -> None:
    fixtures = {p.name for p in RULE_FIXTURES.iterdir()}
    assert set(rule_ids()) == fixtures


def test_rule_ids_are_unique_and_roles_from_the_vocabulary() -> None:
    ids = [info.id for info in rule_catalogue()]
    assert len(ids) == len(set(ids)), "an assert id is used twice"
    assert all(info.id for info in rule_catalogue()), "an assert has no id"
    assert {info.role for info in rule_catalogue()} <= {"error", "warning", "info"}


def test_driver_includes_every_pattern_of_every_module_and_only_composes() -> None:
    from lxml import etree

    sch = "{http://purl.oclc.org/dsdl/schematron}"
    rules_dir = FIXTURES.parents[2] / "schema" / "rules"
    driver = etree.parse(str(rules_dir / "edition.sch")).getroot()
    assert driver.find(f"{sch}pattern") is None, "the driver declares a pattern of its own"
    included = {i.get("href") for i in driver.iter(f"{sch}include")}
    active = {a.get("pattern") for a in driver.iter(f"{sch}active")}
    for module in rules_dir.glob("*.sch"):
        if module.name == "edition.sch":
            continue
        for pattern in etree.parse(str(module)).getroot().iter(f"{sch}pattern"):
            assert f"{module.name}#{pattern.get('id')}" in included
            assert pattern.get("id") in active


@lru_cache(maxsize=1)
def edition_report() -> Report:
    """The edition's validation report, made once for all the tests that read it."""
    return validate_files(collect_files([EDITION_XML]), jobs=2)


@pytest.mark.skipif(not any(EDITION_XML.glob("*.xml")), reason="the edition's xml/ has not been converted yet")
@pytest.mark.parametrize("rule", rule_ids())
def test_rule_is_silent_on_the_edition(rule: str) -> None:
    report = edition_report()
    fired = [issue.as_text() for issue in report.issues if issue.rule == rule and issue.severity == "error"]
    assert fired == []


# ed: functions, directly


@pytest.mark.parametrize(
    ("value", "real"),
    [("1950-10-12", True), ("1950-02-29", False), ("1952-02-29", True), ("1950-10", True), ("1950", True),
     ("1950-10-09T07:05:00", True), ("1950-10-09T25:05:00", False), ("1950-13", False), ("03:00:00", False), ("", False)],
)
def test_is_date(value: str, real: bool) -> None:
    assert is_date(None, value) is real


def test_in_order_compares_at_common_precision_and_every_pair() -> None:
    assert in_order(None, "1950-10-01", "1950-10-01T00:10:00")
    assert in_order(None, "1950-10-01T07:00:00", "1950-10-01")
    assert not in_order(None, "1950-10-02", "1950-10-01T23:00:00")
    assert not in_order(None, ["1950-10-01", "1950-10-03"], ["1950-10-02"])
    assert in_order(None, "not a date", "1950-10-01")
    assert temporal_key("1950-10-09T07:05:00") == (1950, 10, 9, 7, 5, 0)
