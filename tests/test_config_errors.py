"""A broken edition.toml, an output folder that cannot be written, a disk that fills: a clear error, exit 1, no half file.

The unwritable folder is a path below a regular file (`--out a-file/sub`),
which fails even for root, who ignores permission bits. The full disk is a
file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so that a write past it
fails with EFBIG as on a full disk) set in the command's own process.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from fixtures.hostile.harness import DOCUMENT, files_under, make_edition, tei_edition
from lxml import etree

READING_COMMANDS = {
    "validate": ("validate",),
    "render": ("render", "--to", "text", "--out", "out"),
    "export": ("export", "--to", "tei", "--out", "out"),
    "build": ("build", "--jobs", "1"),
    "convert": ("convert", "sources", "--out", "out"),
}


def one_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 1 and exactly one `error:` line holding every fragment; no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]


@pytest.mark.parametrize("command", list(READING_COMMANDS))
def test_missing_configuration(tmp_path: Path, command: str) -> None:
    (tmp_path / "sources").mkdir()
    one_error(tei_edition(*READING_COMMANDS[command], cwd=tmp_path), "edition.toml", "no edition configuration")
    assert files_under(tmp_path / "out") == []


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b'[edition\ntitle = "x"\n', ("edition.toml:1:9:", "not valid TOML")),
        (b'[edition]\ntitle = "x"\ntitle = "y"\n', ("edition.toml:3:", "not valid TOML")),
        (b'# an edition\n[edition]\nname = "x"\n', ("edition.toml:2:", "needs the key 'title'")),
        ('# an edition\n[edition]\ntitle = "Édition"\n'.encode("latin-1"), ("edition.toml:3:", "not UTF-8")),
    ],
    ids=["syntax", "duplicate-key", "no-title", "not-utf-8"],
)
def test_malformed_configuration(tmp_path: Path, content: bytes, fragments: tuple[str, ...]) -> None:
    edition = make_edition(tmp_path / "edition")
    (edition / "edition.toml").write_bytes(content)
    for command in ("validate", "render", "export"):
        one_error(tei_edition(*READING_COMMANDS[command], cwd=edition), *fragments)
    assert files_under(edition / "out") == []


@pytest.mark.parametrize("key", ["xml", "registers"])
def test_configuration_naming_a_folder_that_does_not_exist(tmp_path: Path, key: str) -> None:
    edition = make_edition(tmp_path / "edition")
    config = edition / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(f'\n{key} = "xml"', f'\n{key} = "no-such-folder"'), encoding="utf-8")
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "no-such-folder" in text)
    for command in ("validate", "render", "export", "build"):
        one_error(tei_edition(*READING_COMMANDS[command], cwd=edition), f"edition.toml:{line}:", "no-such-folder", "not a folder")
    assert files_under(edition / "out") == [] and files_under(edition / "build") == []


def test_sources_folder_that_does_not_exist(tmp_path: Path) -> None:
    """Only the commands that read sources need them: build says which folder is missing."""
    edition = make_edition(tmp_path / "edition")
    config = edition / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('sources = "sources"', 'sources = "no-such-sources"'), encoding="utf-8")
    result = tei_edition("build", "--jobs", "1", "--quiet", cwd=edition)
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr
    assert "no-such-sources" in result.stderr
    assert files_under(edition / "build") == []


WRITING_COMMANDS = {
    "render-html": ("render", f"xml/{DOCUMENT}", "--to", "html", "--out", "a-file/sub"),
    "render-pdf": ("render", f"xml/{DOCUMENT}", "--to", "pdf", "--out", "a-file/sub"),
    "render-text": ("render", f"xml/{DOCUMENT}", "--to", "text", "--out", "a-file/sub"),
    "export-tei": ("export", "--to", "tei", "--out", "a-file/sub"),
    "export-bag": ("export", "--to", "bag", "--out", "a-file/sub"),
    "convert": ("convert", "sources/1950-09-20_gromyko-to-soviet-ambassador-peking.txt", "--out", "a-file/sub"),
    "validate-report": ("validate", f"xml/{DOCUMENT}", "--format", "sarif", "--output", "a-file/sub/report.sarif"),
}


@pytest.mark.parametrize("command", list(WRITING_COMMANDS))
def test_output_folder_that_cannot_be_written(tmp_path: Path, command: str) -> None:
    edition = make_edition(tmp_path / "edition", sources=True)
    (edition / "a-file").write_text("not a folder\n", encoding="utf-8")
    one_error(tei_edition(*WRITING_COMMANDS[command], cwd=edition), "a-file/sub")
    assert (edition / "a-file").read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_outputs_have_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    """Outputs are written to a temporary and renamed, yet readable as any new file would be
    (a web server serving the built site must read it), not private to the builder."""
    edition = make_edition(tmp_path / "edition")
    previous = os.umask(umask)
    try:
        result = tei_edition("render", f"xml/{DOCUMENT}", "--to", "html", "--out", "out", cwd=edition)
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stdout + result.stderr
    outputs = files_under(edition / "out")
    assert any(p.suffix == ".html" for p in outputs)
    assert {oct(p.stat().st_mode & 0o777) for p in outputs} == {oct(0o666 & ~umask)}


FULL_DISK_COMMANDS = {
    "render-html": ("render", f"xml/{DOCUMENT}", "--to", "html", "--out", "out"),
    "render-pdf": ("render", f"xml/{DOCUMENT}", "--to", "pdf", "--out", "out"),
    "render-text": ("render", f"xml/{DOCUMENT}", "--to", "text", "--out", "out"),
    "export-tei": ("export", "--to", "tei", "--out", "out"),
    "export-corpus": ("export", "--to", "corpus", "--out", "out"),
    "convert": ("convert", "sources/1950-09-20_gromyko-to-soviet-ambassador-peking.txt", "--out", "out"),
    "build": ("build", "--jobs", "1", "--quiet"),
}


#: The "disk": larger than the smallest outputs, smaller than a document's TEI, page or PDF.
LIMIT = 8 * 1024


@pytest.mark.parametrize("command", list(FULL_DISK_COMMANDS))
def test_disk_that_fills(tmp_path: Path, command: str) -> None:
    """Every file written is complete or absent; the error names the file that did not fit."""
    edition = make_edition(tmp_path / "edition", sources=True)
    before = {path: path.read_bytes() for path in files_under(edition)}
    result = tei_edition(*FULL_DISK_COMMANDS[command], cwd=edition, file_size=LIMIT)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert "disk is full" in result.stderr or "File too large" in result.stderr, result.stderr
    after = files_under(edition)
    assert [p for p in after if p.name.endswith(".tmp")] == [], "a failed write left its temporary"
    for path in (p for p in after if before.get(p) != p.read_bytes()):
        assert path.stat().st_size != LIMIT, f"{path} stops at the size limit: written around write_atomic and cut short"
        if path.suffix == ".html":
            assert path.read_bytes().rstrip().endswith(b"</html>"), f"{path} is cut short"
        if path.suffix == ".xml":
            etree.parse(str(path))
