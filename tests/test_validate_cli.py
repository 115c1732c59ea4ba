"""`tei-edition validate` as editors and CI run it: exit codes, located messages, every report format."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from test_validate_rules import FIXTURES, VALID, edition_with

TEXT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) \[(?P<rule>[a-z-]+)\] (?P<message>.+)$")
GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::.+$")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "tei_edition", "validate", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_valid_directory_exits_0_with_no_output(tmp_path: Path) -> None:
    result = run_cli(str(edition_with(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_invalid_document_among_valid_ones_exits_1_naming_exactly_that_file_and_line(tmp_path: Path) -> None:
    edition = edition_with(tmp_path)
    broken = edition / "d1950-07-05_stalin_shtykov.xml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if '<ab type="cable-number">' in line)
    lines[number - 1] = lines[number - 1].replace('type="cable-number"', 'type="cable-no"')
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(str(edition))
    assert result.returncode == 1
    reported = [TEXT_LINE.match(line) for line in result.stdout.splitlines()]
    assert all(reported), result.stdout
    assert {(Path(m["path"]).name, int(m["line"]), m["rule"]) for m in reported} == {(broken.name, number, "schema")}
    assert "cable-no" in reported[0]["message"]


def test_not_well_formed_is_an_error_with_its_line_not_a_crash(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "well-formed")
    result = run_cli(str(edition))
    assert result.returncode == 1
    match = TEXT_LINE.match(result.stdout.splitlines()[0])
    assert match and match["rule"] == "well-formed" and int(match["line"]) > 1
    assert "Traceback" not in result.stderr


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "note-unclassified")
    assert run_cli(str(edition)).returncode == 0
    assert run_cli("--strict", str(edition)).returncode == 1


def test_missing_path_and_bad_option_exit_2(tmp_path: Path) -> None:
    assert run_cli(str(tmp_path / "nothing-here")).returncode == 2
    assert run_cli("--format", "yaml", str(VALID)).returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli(str(empty)).returncode == 2


def test_default_path_is_the_editions_xml(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "date-range")
    (tmp_path / "edition.toml").write_text('[edition]\ntitle = "Test"\n[paths]\nxml = "edition"\n', encoding="utf-8")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 1
    assert "[date-range]" in result.stdout


def test_parallel_jobs_report_the_same_issues(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "pointer-resolves")
    serial, parallel = run_cli(str(edition)), run_cli("--jobs", "2", str(edition))
    assert serial.stdout == parallel.stdout and serial.returncode == parallel.returncode == 1


def test_progress_is_shown_on_long_runs_unless_quiet(tmp_path: Path) -> None:
    edition = edition_with(tmp_path)
    document = edition / "d1950-07-05_stalin_shtykov.xml"
    for n in range(60):
        text = document.read_text(encoding="utf-8").replace("d1950-07-05_stalin_shtykov", f"d1950-07-05_stalin_shtykov-{n}")
        (edition / f"d1950-07-05_stalin_shtykov-{n}.xml").write_text(text, encoding="utf-8")
    shown = run_cli("--jobs", "2", str(edition))
    assert shown.returncode == 0, shown.stdout
    assert "validated 65/65 files" in shown.stderr
    assert run_cli("--quiet", str(edition)).stderr == ""


# formats


@pytest.fixture(scope="module")
def broken_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An edition with an error and a warning in different files."""
    base = tmp_path_factory.mktemp("formats")
    edition = edition_with(base, "date-header-dateline")
    shutil.copy(FIXTURES / "rules" / "register-entry-used" / "persons.xml", edition / "persons.xml")
    return edition


def test_json_format(broken_edition: Path) -> None:
    result = run_cli("--format", "json", str(broken_edition))
    data = json.loads(result.stdout)
    assert data["errors"] == 1 and data["warnings"] == 1 and data["files"] == 5
    rules = {issue["rule"]: issue for issue in data["issues"]}
    assert rules["date-header-dateline"]["severity"] == "error"
    assert rules["register-entry-used"]["path"].endswith("persons.xml")


def test_github_format(broken_edition: Path) -> None:
    lines = run_cli("--format", "github", str(broken_edition)).stdout.splitlines()
    assert len(lines) == 2 and all(GITHUB_LINE.match(line) for line in lines), lines
    assert any(line.startswith("::error ") and "title=date-header-dateline" in line for line in lines)


def test_junit_format_is_valid_junit_xml(broken_edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "junit.xml"
    result = run_cli("--format", "junit", "--output", str(out), str(broken_edition))
    assert result.returncode == 1 and result.stdout == ""
    tree = etree.parse(str(out))
    schema = etree.XMLSchema(etree.parse(str(FIXTURES / "junit.xsd")))
    assert schema.validate(tree), schema.error_log
    cases = tree.findall(".//testcase")
    assert len(cases) == 5
    failed = [case.get("name") for case in cases if case.find("failure") is not None]
    assert len(failed) == 1 and failed[0].endswith("d1950-07-05_stalin_shtykov.xml")
    assert tree.getroot().get("failures") == "1"


def test_sarif_format_is_valid_sarif_2_1_0(broken_edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    run_cli("--format", "sarif", "--output", str(out), str(broken_edition))
    sarif = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((FIXTURES / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    results = sarif["runs"][0]["results"]
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert {r["level"] for r in results} == {"error", "warning"}
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_text_format_names_the_source_line_from_the_sourcemap(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "chars-stray-bracket")
    from tei_edition.xmlio import parse_xml

    tree = parse_xml(edition / "d1950-07-05_stalin_shtykov.xml")
    paragraph = next(p for p in tree.iter("{http://www.tei-c.org/ns/1.0}p") if "[unresolved]" in (p.text or ""))
    sourcemap = {"d1950-07-05_stalin_shtykov.xml": {"source": "sources/cable.txt", "elements": {tree.getpath(paragraph): 17}}}
    (edition / "sourcemap.json").write_text(json.dumps(sourcemap), encoding="utf-8")
    result = run_cli(str(edition))
    line = next(line for line in result.stdout.splitlines() if "[chars-stray-bracket]" in line)
    assert line.endswith("(source: sources/cable.txt:17)")
