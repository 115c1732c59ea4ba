"""A whole edition's PDF past `[pdf] edition_limit` documents is not made: the build warns once and makes each
document's PDF; `render` refuses it before laying out anything, and prints a selection within the limit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fixtures.hostile.harness import DOCUMENT, ROOT, files_under, make_edition, tei_edition

from tei_edition.config import DEFAULT_PDF_EDITION_LIMIT, load_edition
from tei_edition.errors import ConfigError

#: Two sources of one document each, and the documents they convert to (a small edition that builds fast).
SOURCES = ("1950-09-20_gromyko-to-soviet-ambassador-peking.txt", "1950-10-12_8th-directorate-to-shtykov-vasilyev.txt")
DOCUMENTS = (DOCUMENT, "d1950-10-12_eighth-directorate_shtykov.xml")


def with_limit(folder: Path, limit: object) -> Path:
    """Set `[pdf] edition_limit` in the edition's configuration (appended: the example's has no [pdf] table)."""
    config = folder / "edition.toml"
    text = (ROOT / "edition.toml").read_text(encoding="utf-8")
    config.write_text(f"{text}\n[pdf]\nedition_limit = {json.dumps(limit)}\n", encoding="utf-8")
    return folder


def small_edition(folder: Path, limit: int) -> Path:
    make_edition(folder, documents=())
    (folder / "sources").mkdir()
    for name in SOURCES:
        shutil.copy(ROOT / "sources" / name, folder / "sources" / name)
    return with_limit(folder, limit)


def test_the_limit_is_read_from_the_configuration(tmp_path: Path) -> None:
    folder = make_edition(tmp_path / "edition")
    assert load_edition(folder / "edition.toml").pdf_edition_limit == DEFAULT_PDF_EDITION_LIMIT
    assert load_edition(with_limit(folder, 3) / "edition.toml").pdf_edition_limit == 3


@pytest.mark.parametrize("limit", [0, -5, "many", 2.5, True])
def test_a_limit_that_is_not_a_number_of_documents_names_its_line(tmp_path: Path, limit: object) -> None:
    folder = with_limit(make_edition(tmp_path / "edition"), limit)
    line = len((ROOT / "edition.toml").read_text(encoding="utf-8").splitlines()) + 3
    with pytest.raises(ConfigError, match=rf"edition.toml:{line}: \[pdf\] edition_limit = .* must be a whole number"):
        load_edition(folder / "edition.toml")
    result = tei_edition("build", "--jobs", "1", cwd=folder)
    assert result.returncode == 1 and f"edition.toml:{line}:" in result.stderr and "Traceback" not in result.stderr


def test_build_past_the_limit_warns_once_makes_each_documents_pdf_and_removes_the_old_edition_pdf(tmp_path: Path) -> None:
    folder = small_edition(tmp_path / "edition", limit=2)
    pdf = folder / "build" / "pdf"
    within = tei_edition("build", "--jobs", "1", "--to", "pdf", cwd=folder)
    assert within.returncode == 0, within.stderr
    assert "warning: " not in within.stderr
    assert sorted(path.name for path in pdf.glob("*.pdf")) == sorted(["edition.pdf", *(Path(name).stem + ".pdf" for name in DOCUMENTS)])

    with_limit(folder, 1)
    past = tei_edition("build", "--jobs", "1", "--to", "pdf", "--format", "json", cwd=folder)
    assert past.returncode == 0, past.stderr  # not a failure: the edition asked for it
    report = json.loads(past.stdout)
    (warning,) = report["warnings"]
    assert warning.startswith(f"{pdf / 'edition.pdf'}: not made: 2 documents are more than [pdf] edition_limit = 1 (edition.toml)")
    assert "tei-edition render --to pdf" in warning and "each document's PDF is made" in warning
    assert report["errors"] == [] and report["removed"] == 1
    assert sorted(path.name for path in pdf.glob("*.pdf")) == sorted(Path(name).stem + ".pdf" for name in DOCUMENTS)

    again = tei_edition("build", "--jobs", "1", "--to", "pdf", cwd=folder)
    assert again.returncode == 0, again.stderr
    assert [line for line in again.stderr.splitlines() if line.startswith("warning: ")] == [f"warning: {warning}"]
    assert "made nothing" in again.stderr and not (pdf / "edition.pdf").exists()


def test_render_refuses_an_edition_past_the_limit_before_laying_out_anything(tmp_path: Path) -> None:
    folder = with_limit(make_edition(tmp_path / "edition", documents=DOCUMENTS), 1)
    refused = tei_edition("render", "--to", "pdf", "--per-document", "--out", "out", cwd=folder)
    errors = [line for line in refused.stderr.splitlines() if line.startswith("error:")]
    assert refused.returncode == 1 and len(errors) == 1, refused.stderr
    assert "out/edition.pdf: not made: 2 documents are more than [pdf] edition_limit = 1" in errors[0]
    assert files_under(folder / "out") == []

    volume = tei_edition("render", "--to", "pdf", f"xml/{DOCUMENT}", "--out", "volume", cwd=folder)
    assert volume.returncode == 0, volume.stderr
    assert (folder / "volume" / "edition.pdf").read_bytes().startswith(b"%PDF-")
