"""`tei-edition validate --changed-since REF` in a scratch git repository holding a copy of the
example edition: which files it checks (the JUnit report names one test case per file), that
a register change brings in the documents pointing into it, that an untracked new file is
included, and that a bad revision or a folder outside git is a usage error.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TEI_EDITION = Path(sys.executable).with_name("tei-edition")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    shutil.copy2(ROOT / "edition.toml", tmp_path / "edition.toml")
    shutil.copytree(ROOT / "xml", tmp_path / "xml")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "edition")
    return tmp_path


def checked(repo: Path, *args: str) -> tuple[int, set[str], str]:
    """Run validate --changed-since; the exit code, the files the JUnit report names, stderr."""
    done = subprocess.run(
        [str(TEI_EDITION), "validate", "--format", "junit", *args], cwd=repo, capture_output=True, text=True, timeout=300, check=False
    )
    if not done.stdout.strip():
        return done.returncode, set(), done.stderr
    cases = etree.fromstring(done.stdout.encode("utf-8")).iter("testcase")
    return done.returncode, {case.get("file") for case in cases}, done.stderr


def pointing_into(repo: Path, register: str) -> set[str]:
    """Documents whose text names `register#…` in an attribute (read here as plain text, not as the code does)."""
    return {f"xml/{p.name}" for p in (repo / "xml").glob("*.xml") if f'"{register}#' in p.read_text(encoding="utf-8") and p.name != register}


def test_nothing_changed_checks_nothing_and_succeeds(repo: Path) -> None:
    code, files, stderr = checked(repo, "--changed-since", "HEAD")
    assert (code, files) == (0, set())
    assert "no XML file changed since HEAD" in stderr


def test_a_document_changed(repo: Path) -> None:
    document = min((repo / "xml").glob("d*.xml"))
    document.write_text(document.read_text(encoding="utf-8").replace("</TEI>", "</TEI>\n"), encoding="utf-8")
    _, files, _ = checked(repo, "--changed-since", "HEAD")
    assert files == {f"xml/{document.name}"}


def test_a_register_change_brings_the_documents_pointing_into_it(repo: Path) -> None:
    register = repo / "xml" / "places.xml"
    register.write_text(register.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    expected = {"xml/places.xml"} | pointing_into(repo, "places.xml")
    assert len(expected) > 1, "the example edition's documents point at places"
    assert len(expected) < len(list((repo / "xml").glob("*.xml"))), "some files do not point at places"
    _, files, _ = checked(repo, "--changed-since", "HEAD")
    assert files == expected


def test_a_committed_change_since_an_older_revision_and_an_untracked_file(repo: Path) -> None:
    document = max((repo / "xml").glob("d*.xml"))
    document.write_text(document.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-am", "edit")
    new = repo / "xml" / "new-document.xml"
    shutil.copy2(min((repo / "xml").glob("d*.xml")), new)
    _, files, _ = checked(repo, "--changed-since", "HEAD~1")
    assert files == {f"xml/{document.name}", "xml/new-document.xml"}
    _, only_new, _ = checked(repo, "--changed-since", "HEAD")
    assert only_new == {"xml/new-document.xml"}


def test_errors_in_a_changed_file_fail_the_run(repo: Path) -> None:
    document = min((repo / "xml").glob("d*.xml"))
    document.write_text(document.read_text(encoding="utf-8").replace("</teiHeader>", "</teiHeadr>", 1), encoding="utf-8")
    code, files, _ = checked(repo, "--changed-since", "HEAD")
    assert code == 1 and files == {f"xml/{document.name}"}


def test_usage_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    code, _, stderr = checked(repo, "--changed-since", "no-such-revision")
    assert code == 2 and "no-such-revision" in stderr
    code, _, stderr = checked(repo, "--changed-since", "--output=x")
    assert code == 2
    outside = tmp_path_factory.mktemp("not-a-repository")
    shutil.copy2(ROOT / "edition.toml", outside / "edition.toml")
    (outside / "xml").mkdir()
    code, _, stderr = checked(outside, "--changed-since", "HEAD")
    assert code == 2 and "error:" in stderr
