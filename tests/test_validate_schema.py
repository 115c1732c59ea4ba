"""The edition's XML Schema (schema/tei_edition.xsd): documented, strict, XSD 1.0, and within TEI P5."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from test_validate_rules import EDITION_XML, VALID
from tei_edition.validate.schema import DEFAULT_XSD, SchemaChecker
from tei_edition.xmlio import parse_xml

XS = "{http://www.w3.org/2001/XMLSchema}"
REPOSITORY = Path(__file__).resolve().parents[1]
TEI_ALL = REPOSITORY.parent / "shared" / "tei" / "tei_all.rng"


def jing_errors(files: list[Path]) -> str:
    """jing's complaints about `files` against tei_all.rng ('' when all are valid TEI P5)."""
    result = subprocess.run(["jing", str(TEI_ALL), *map(str, files)], capture_output=True, text=True, timeout=300)
    return "\n".join(line for line in (result.stdout + result.stderr).splitlines() if not line.startswith("[warning]"))


needs_jing = pytest.mark.skipif(
    not TEI_ALL.is_file() or shutil.which("jing") is None, reason="tei_all.rng or jing is absent: TEI conformance not checked"
)


def test_every_element_declaration_says_when_to_use_it() -> None:
    schema = etree.parse(str(DEFAULT_XSD)).getroot()
    declarations = schema.findall(f"{XS}element")
    assert len(declarations) > 60
    undocumented = [
        d.get("name") for d in declarations if not "".join(d.findtext(f"{XS}annotation/{XS}documentation") or "").strip()
    ]
    assert undocumented == []


def test_schema_is_xsd_1_0() -> None:
    schema = xmlschema.XMLSchema10(str(DEFAULT_XSD))
    assert schema.XSD_VERSION == "1.0"
    text = DEFAULT_XSD.read_text(encoding="utf-8")
    assert "xs:assert" not in text and "vc:minVersion" not in text


@pytest.mark.parametrize("path", sorted(VALID.glob("*.xml")), ids=lambda p: p.name)
def test_valid_fixtures_are_schema_valid(path: Path) -> None:
    tree = parse_xml(path)
    assert SchemaChecker().check(tree, path, path.name, path.read_text(encoding="utf-8").splitlines()) == []


@pytest.mark.parametrize("name", ["persons.xml", "places.xml", "organisations.xml"])
def test_edition_registers_are_schema_valid(name: str) -> None:
    path = EDITION_XML / name
    if not path.is_file():
        pytest.skip(f"{name} not written yet")
    assert SchemaChecker().check(parse_xml(path), path, name, path.read_text(encoding="utf-8").splitlines()) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("<label>First.</label>", "<seg>First.</seg>", "seg"),
        ('<gap reason="omitted"/>', '<gap reason="lost"/>', "lost"),
        ('<note type="editorial"', '<note type="comment"', "comment"),
        ('<hi rend="letterspaced">', '<hi rend="bold">', "bold"),
    ],
)
def test_schema_is_strict_about_elements_and_values(tmp_path: Path, old: str, new: str, expected: str) -> None:
    source = (VALID / "d1950-07-05_stalin_shtykov.xml").read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "doc.xml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    issues = SchemaChecker().check(parse_xml(path), path, path.name, path.read_text(encoding="utf-8").splitlines())
    assert issues and any(expected in issue.message for issue in issues)
    assert all(issue.line > 1 for issue in issues)


@needs_jing
def test_valid_fixtures_are_valid_tei_p5() -> None:
    assert jing_errors(sorted(VALID.glob("*.xml"))) == ""


@needs_jing
def test_schema_valid_edition_files_are_valid_tei_p5() -> None:
    files = sorted(EDITION_XML.glob("*.xml"))
    if not files:
        pytest.skip("the edition's xml/ is empty")
    checker = SchemaChecker()
    valid = [p for p in files if not checker.check(parse_xml(p), p, p.name, p.read_text(encoding="utf-8").splitlines())]
    assert valid, "no file of the edition is schema-valid"
    assert jing_errors(valid) == ""
