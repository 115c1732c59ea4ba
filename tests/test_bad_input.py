"""Bad source texts through the real `tei-edition convert`: one error line naming file and line, exit 1, no output.

tests/test_conventions.py checks the converter's own errors in-process; here
every case goes through the command an editor types, including the ones that
are about size (a 50 MB file, a 1 MB line) and the page that holds no document:
a text whose every line is page chrome, or a record page with its title and
fields but no transcription (nothing to encode: the download was cut short, or
the record has no text yet).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.hostile.harness import (
    ROOT,
    assert_one_error_line,
    files_under,
    make_edition,
    tei_edition,
)

RUSSIAN = "Москва предупреждала корейских товарищей о возможности высадки противника.\n"
RECORD = (ROOT / "sources" / "1950-10-12_8th-directorate-to-shtykov-vasilyev.txt").read_text(encoding="utf-8")


def record_without_text() -> bytes:
    """The Wilson Center record page cut after its Contents field: title, citation, summary, no transcription."""
    lines = RECORD.splitlines(keepends=True)
    contents = next(i for i, line in enumerate(lines) if line.startswith("Contents"))
    return "".join(lines[: contents + 3]).encode("utf-8")


def line_of(content: bytes, needle: str) -> int:
    return content.decode("utf-8").splitlines().index(needle) + 1 if needle else 1


CASES = {
    # id: (content, words in the error, line the error names)
    "empty": (b"", "empty", 1),
    "only-whitespace": (b"  \n\t\n \n", "only whitespace", 1),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", 3),  # the first NUL stands on line 3
    "windows-1251": (("We agree.\n\n" + RUSSIAN).encode("cp1251"), "windows-1251", 3),
    "koi8-r": (("We agree.\n\n" + RUSSIAN).encode("koi8_r"), "koi8-r", 3),
    "latin-1": ("We agree.\nSent from Genève to Zürich, 3 October 1950.\n".encode("latin-1"), "latin-1", 2),
    "bracket-never-closed": (b"We agree.\n\n[handwritten: a second copy\n\nGROMYKO\n", "never closed", 3),
    "nested-bracket-never-closed": (b"We agree.\n\n[handwritten: a second copy [opis'] sent\n", "never closed", 3),
    "nested-brackets-inner-never-closed": (b"We agree.\n[handwritten: a second copy [opis' sent]\n", "never closed", 2),
    "50-mb-file": ((b"We agree to the plan and send the divisions north. " * 20 + b"\n") * 50_000, "larger than", 1),
    "1-mb-line": (b"We agree.\n\n" + b"word " * 200_000 + b"\n", "characters long", 3),
    "only-page-chrome": (b"Main page\nsend message\nShare with your friends:\nDownload 1.2 Mb\n", "no document", 1),
    "record-without-text": (record_without_text(), "no document text", None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_source_text(tmp_path: Path, case: str) -> None:
    content, words, line = CASES[case]
    edition = make_edition(tmp_path / "edition", documents=())
    source = edition / "cable.txt"
    source.write_bytes(content)
    if line is None:
        line = len(content.decode("utf-8").rstrip().splitlines())

    result = tei_edition("convert", "cable.txt", "--out", "out", cwd=edition)

    error = assert_one_error_line(result, words, "cable.txt")
    assert f"cable.txt:{line}:" in error, error
    assert files_under(edition / "out") == [], "a refused source left output"


def test_a_bad_source_among_good_ones_fails_the_run_and_names_itself(tmp_path: Path) -> None:
    """The good sources are converted, the run still ends with 1 and the bad one's line."""
    edition = make_edition(tmp_path / "edition", documents=())
    (edition / "in").mkdir()
    (edition / "in" / "good.txt").write_text("We agree.\n\nGROMYKO\n\n12 October 1950\n", encoding="utf-8")
    (edition / "in" / "bad.txt").write_text("We agree.\n\n[handwritten: a second copy\n", encoding="utf-8")
    result = tei_edition("convert", "in", "--out", "out", cwd=edition)
    assert_one_error_line(result, "never closed", "bad.txt")
    assert [p.name for p in files_under(edition / "out")] == ["d1950-10-12_gromyko_unknown.xml", "sourcemap.json"]


@pytest.mark.parametrize(
    ("content", "options"),
    [
        ("\ufeffWe agree.\r\n\r\nGROMYKO\r\n\r\n12 October 1950\r\n".encode("utf-8"), ()),
        (b"We agree.\r\rGROMYKO\r\r12 October 1950\r", ()),
        (("We agree.\n\n" + RUSSIAN + "\nGROMYKO\n\n12 October 1950\n").encode("cp1251"), ("--encoding", "windows-1251")),
        (("We agree.\n\n" + RUSSIAN + "\nGROMYKO\n\n12 October 1950\n").encode("koi8_r"), ("--encoding", "koi8-r")),
    ],
    ids=["utf-8-bom-crlf", "cr-only", "windows-1251-named", "koi8-r-named"],
)
def test_accepted_variants_of_a_source_text(tmp_path: Path, content: bytes, options: tuple[str, ...]) -> None:
    edition = make_edition(tmp_path / "edition", documents=())
    (edition / "cable.txt").write_bytes(content)
    result = tei_edition("convert", "cable.txt", "--out", "out", *options, cwd=edition)
    assert result.returncode == 0, result.stderr
    documents = [p for p in files_under(edition / "out") if p.suffix == ".xml"]
    assert len(documents) == 1
    text = documents[0].read_text(encoding="utf-8")
    assert "We agree." in text and "\r" not in text and "\ufeff" not in text
    if options:
        assert "предупреждала корейских товарищей" in text


def test_unknown_encoding_is_named(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "edition", documents=())
    (edition / "cable.txt").write_text("We agree.\n", encoding="utf-8")
    result = tei_edition("convert", "cable.txt", "--out", "out", "--encoding", "no-such-codec", cwd=edition)
    assert "Traceback" not in result.stderr and result.returncode in (1, 2), result.stderr
    assert "no-such-codec" in result.stderr
    assert files_under(edition / "out") == []
