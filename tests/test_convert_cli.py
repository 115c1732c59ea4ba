"""The convert command as users run it: output, reports, exit codes, determinism, drift, TEI validity."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tei_edition", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("converted")
    result = run("convert", "sources/", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_convert_twice_gives_identical_bytes(converted: Path, tmp_path: Path) -> None:
    result = run("convert", "sources/", "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    first = sorted(p.name for p in converted.iterdir())
    assert first == sorted(p.name for p in tmp_path.iterdir())
    for name in first:
        assert (converted / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_xml_in_the_repository_is_what_convert_writes(converted: Path) -> None:
    """The drift check: xml/ holds exactly what `tei-edition convert sources/` writes (plus the registers and front matter)."""
    for path in converted.iterdir():
        committed = ROOT / "xml" / path.name
        assert committed.is_file(), f"xml/{path.name} is missing: run `tei-edition convert sources/`"
        assert committed.read_bytes() == path.read_bytes(), f"xml/{path.name} differs from what convert writes"
    written = {p.name for p in converted.iterdir()}
    documents = {p.name for p in (ROOT / "xml").glob("d1*.xml")}
    assert documents <= written, f"xml/ holds documents convert no longer writes: {sorted(documents - written)}"


def test_every_document_is_valid_tei(converted: Path) -> None:
    if not TEI_ALL.is_file():
        pytest.skip(f"skipped only because ../shared is absent here: {TEI_ALL} not found")
    jing = shutil.which("jing")
    assert jing, "jing is not installed (Debian package jing; `make test` installs it)"
    files = sorted(str(p) for p in (ROOT / "xml").glob("*.xml"))
    result = subprocess.run([jing, str(TEI_ALL), *files], capture_output=True, text=True, timeout=600)
    errors = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if ": error:" in line]
    assert not errors, "\n".join(errors[:20])


def test_json_report(tmp_path: Path) -> None:
    result = run("convert", "sources/1950-07-05_to_1950-10-13_cwihp-mansourov-documents-7-17.txt", "--out", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    source = report["sources"][0]
    assert source["form"] == "cwihp-compilation"
    assert len(source["documents"]) == 11
    assert {"line": 272, "text": "send message"} in source["dropped"]
    assert source["phenomena"]["transliterated Russian term"] == 3


def test_text_report_names_documents_and_dropped_lines(tmp_path: Path) -> None:
    result = run("convert", "sources/", "--out", str(tmp_path))
    assert result.returncode == 0
    assert "d1950-10-13_golovko_stalin.xml" in result.stdout
    assert "dropped page chrome: Main page" in result.stdout


def test_bad_source_exits_1_names_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "broken.txt"
    source.write_text("We agree.\n\n[handwritten: never closed\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", str(source), "--out", str(out))
    assert result.returncode == 1
    assert f"{source}:3:1: error:" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("convert").returncode == 2
    assert run("convert", "sources/", "--form", "no-such-form", "--out", str(tmp_path)).returncode == 2
    assert run("convert", str(tmp_path / "missing.txt"), "--out", str(tmp_path)).returncode == 2


def test_forced_form(tmp_path: Path) -> None:
    result = run("convert", "sources/1950-09-20_gromyko-to-soviet-ambassador-peking.txt", "--form", "bare-cable", "--out", str(tmp_path), "--format", "json")
    assert json.loads(result.stdout)["sources"][0]["form"] == "bare-cable"


def test_help_on_every_command() -> None:
    import typer

    from tei_edition.cli import app

    assert run("--help").returncode == 0
    commands = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert "convert" in commands
    for command in commands:
        result = run(command, "--help")
        assert result.returncode == 0, command
        assert "Usage:" in result.stdout


def test_sourcemap_names_the_source_line_of_each_block(converted: Path) -> None:
    from lxml import etree

    sourcemap = json.loads((converted / "sourcemap.json").read_text(encoding="utf-8"))
    assert all(entry["elements"] for entry in sourcemap.values()), "every document maps its blocks to source lines"
    entry = sourcemap["d1950-10-13_golovko_stalin.xml"]
    tree = etree.parse(str(converted / "d1950-10-13_golovko_stalin.xml"))
    source_lines = (ROOT / entry["source"]).read_text(encoding="utf-8").splitlines()
    for path, line in entry["elements"].items():
        (element,) = tree.xpath(path)
        words = "".join(element.itertext()).split()
        if words:
            assert words[0].strip('"“[') in source_lines[line - 1].replace(" ", ""), (path, line)
