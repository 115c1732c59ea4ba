"""Conversion never fails but with the toolkit's own error, naming a line: hypothesis over texts made of the sources' signs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_edition.config import load_edition
from tei_edition.convert import Converter
from tei_edition.errors import SourceError

ROOT = Path(__file__).resolve().parents[1]

FRAGMENTS = [
    "[handwritten: 20 September 1950]", "[inserted by hand: like the Party]", "[crossed out: reject]", "[deleted: old]",
    "[Translator's note: a draft follows]", "[Ed. note: see]", "[cable to Shtykov - AM]", "7 September [sic-October]",
    "[sic]", "Filippov [Stalin]", "Chemulp'o [Inchon]", "M[inistry of]", "CC CPC [Central Committee of the Communist Party of China]",
    "[instantsiya]", "[the possibility]", "1 [First]", "5.7.50 [5 July 1950]", "[...]", "[illegible]", "[number is illegible]",
    "[signature]", "G O L O V K O", "- 2 -", "$1. \\ \\mbox{To}$", "N^{ϱ}", "Kim II Sung", "andKorea", "[stamp: 3/X]",
    "Top Secret", "Priority", "Cable Nº 75511", "Sent by wire on 10/09/50 at 7:05 a.m.", "Distribution list - 3 copies: Stalin - 2, Molotov -1",
    "Copy N^{ϱ} 1 - to Cde. Vasilevsky;", "First.", "a)", "1.", "Comrade STALIN I.V.:", "GROMYKO", "12 October 1950", "“", "”", '"',
    "[", "]", "[[", "]]", "Москва", "毛泽东", "We agree", "with the", ",", ".", "\t", "  ", "Document 7: Telegram, Stalin to Mao, 5 July 1950",
    "Citation:", "Contents:", "Translation - English", "[Source: APRF, fond 45, opis 1, delo 331, list 79]", "USS \"Missouri\"",
]

texts = st.lists(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=12)), min_size=1, max_size=8).map(" ".join),
    min_size=1,
    max_size=12,
).map("\n".join)


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter(load_edition(ROOT / "edition.toml"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_conversion_never_crashes(converter: Converter, tmp_path: Path, text: str) -> None:
    source = tmp_path / "fuzz.txt"
    source.write_text(text, encoding="utf-8")
    try:
        converter.convert_source(source)
    except SourceError as error:
        assert error.line >= 1 and str(source) in str(error)
