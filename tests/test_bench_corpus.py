"""The bench's generated corpus is as valid as its templates: dates moved keep their order and their times.

A benchmark whose cables fail validation times the build's error paths and
exits 1; these tests convert generated cables and run the real validator on them.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tei_edition.bench.corpus import CONTEXT_YEAR, FIRST_YEAR, YEARS, YEARS_PER_TEMPLATE, generate_corpus, vary
from tei_edition.config import load_edition
from tei_edition.convert import convert_paths
from tei_edition.dates import find_dates
from tei_edition.validate.runner import collect_files, validate_files

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "sources").glob("*.txt"))
REGISTERS = ("persons.xml", "places.xml", "organisations.xml")
#: Variants of a template: the first year, later years, and past YEARS, where days move within their months.
VARIANTS = (0, 3, 57, YEARS + 1, 2 * YEARS + 5, 5 * YEARS + 17)


def edition_with(folder: Path, sources: list[Path]) -> Path:
    """An edition of the example's registers and configuration with these sources, converted into xml/."""
    (folder / "xml").mkdir(parents=True)
    for name in REGISTERS:
        shutil.copy(ROOT / "xml" / name, folder / "xml" / name)
    shutil.copy(ROOT / "edition.toml", folder / "edition.toml")
    edition = load_edition(folder / "edition.toml")
    reports = convert_paths(sources, edition.xml, edition)
    assert not [error for report in reports for error in report.errors]
    return folder / "xml"


def errors_of(xml: Path) -> list[str]:
    report = validate_files(collect_files([xml]))
    return [issue.as_text() for issue in report.issues if issue.severity == "error"]


def whens(text: str, year: int = CONTEXT_YEAR) -> list[str]:
    """The dates of a text, those written without a year in `year` (the converter reads them in the document's)."""
    return [match.when for line in text.split("\n") for match in find_dates(line, year) if "-" in match.when]


def test_a_generated_corpus_of_some_hundreds_validates_without_errors(tmp_path: Path) -> None:
    sources = generate_corpus(TEMPLATES, 300, tmp_path / "sources")
    xml = edition_with(tmp_path / "edition", sources)
    assert len([p for p in xml.glob("*.xml") if p.name not in REGISTERS]) == 300
    assert errors_of(xml) == []


def test_variants_past_the_years_validate_without_errors(tmp_path: Path) -> None:
    """Variants far past YEARS move their days within their months (a corpus of tens of thousands has them)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for number, template in enumerate(TEMPLATES):
        for variant in VARIANTS[3:]:
            text = vary(template.read_text(encoding="utf-8"), number, variant, random.Random(variant))
            (sources / f"{variant:04d}_{template.name}").write_text(text, encoding="utf-8")
    assert errors_of(edition_with(tmp_path / "edition", sorted(sources.glob("*.txt")))) == []


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name[:24])
def test_moved_dates_keep_their_order(template: Path, variant: int) -> None:
    """Every pair of dates of a text compares as it did (sent before received before deciphered), and each is a real day."""
    text = template.read_text(encoding="utf-8")
    before = whens(text)
    number = TEMPLATES.index(template)
    after = whens(vary(text, number, variant, random.Random(1)), FIRST_YEAR + (number * YEARS_PER_TEMPLATE + variant) % YEARS)
    assert len(after) == len(before)
    for i in range(len(before)):
        for j in range(len(before)):
            assert (before[i] < before[j]) == (after[i] < after[j]), (before[i], before[j], after[i], after[j])
    if variant >= YEARS:
        assert [when[4:] for when in after] != [when[4:] for when in before], "days should move past YEARS variants"


def test_a_time_beside_a_date_is_not_moved() -> None:
    """The minutes of 12.50 are not a two-digit year, nor the day of 3.10."""
    line = "Received 12:15 3.10.1950\nDec[iphered by] Araushkin 12.50 3.10 [12.50 p.m. 3 October]\nTyp[ed by] Doronchenkova 12.03 3.10"
    for variant in (3, 53, YEARS + 2):
        varied = vary(line, 0, variant, random.Random(0))
        assert [m.when[11:] for row in varied.split("\n") for m in find_dates(row, CONTEXT_YEAR)] == ["12:15:00", "12:50:00", "12:50:00", "12:03:00"]
