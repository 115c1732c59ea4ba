"""Conversion never fails but with the toolkit's own error, naming a line: hypothesis over texts made of the sources' signs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_edition.config import load_edition
from tei_edition.convert import _WORD, Converter, _word_counts
from tei_edition.errors import SourceError
from tei_edition.inline import Ledger
from tei_edition.sourcetext import read_source

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


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=80), st.text(alphabet=" \t\n\u00a0\u2003_-'’.,()[]aZ9éЖ٣²", max_size=80), texts))
def test_words_are_counted_as_the_word_pattern_finds_them(text: str) -> None:
    """The check that nothing is lost counts the words of pieces between spaces: the same words, as often."""
    assert _word_counts(text) == Counter(_WORD.findall(text))


LOSING = """PEKING, TO THE SOVIET AMBASSADOR

Tell Zhou Enlai that the friends in Korea (not "the_enemy") will be informed.

The situation in Korea is serious, and the command must act."""


def _converted(converter: Converter, tmp_path: Path) -> tuple[Path, list, list]:
    source = tmp_path / "losing.txt"
    source.write_text(LOSING, encoding="utf-8")
    converted, _report = converter.convert_source(source)
    return source, read_source(source), converted


def _remove(converted: list, word: str, times: int) -> None:
    """Take `word` out of the TEI's text `times` times (its first places in document order)."""
    for item in converted:
        for element in item.tree.getroot().iter():
            for attribute in ("text", "tail"):
                value = getattr(element, attribute)
                while times and value and word in value:
                    value = value.replace(word, "", 1)
                    setattr(element, attribute, value)
                    times -= 1


def test_converted_as_is_loses_nothing(converter: Converter, tmp_path: Path) -> None:
    source, lines, converted = _converted(converter, tmp_path)
    converter._check_nothing_lost(source, lines, converted, Ledger(source))


@pytest.mark.parametrize(("word", "times", "line"), [
    ("Enlai", 99, 3),  # lost: named with its line
    ("Korea", 1, 5),  # held fewer times than the source writes it: named at its last line
    ("the_enemy", 99, 3),  # a word inside signs
])
def test_a_word_the_tei_lost_is_named_with_its_line(converter: Converter, tmp_path: Path, word: str, times: int, line: int) -> None:
    source, lines, converted = _converted(converter, tmp_path)
    _remove(converted, word, times)
    with pytest.raises(SourceError, match=f"'{word}'") as error:
        converter._check_nothing_lost(source, lines, converted, Ledger(source))
    assert error.value.line == line
