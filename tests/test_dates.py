"""Tests for tei_edition.dates: rules firing and not, the forms and non-dates of the sources."""

from __future__ import annotations

import doctest
import itertools
import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_edition import dates
from tei_edition.dates import RULES, find_dates, is_real_date, parse_date

REPOSITORY = Path(__file__).resolve().parent.parent
SOURCES = REPOSITORY / "sources"
SEEDS = Path(__file__).resolve().parent / "seeds.json"


def written(text: str, context_year: int | None = 1950) -> list[tuple[str, str]]:
    """What `find_dates` finds, as (text as written, @when) pairs."""
    return [(match.text, match.when) for match in find_dates(text, context_year)]


# one case per rule


class RuleCase(NamedTuple):
    """A rule firing on ``positive`` and not on ``negative``.

    ``expected`` is what `find_dates` finds in ``positive`` (text and ``when``);
    ``reading`` is the rule's own part of it when that is less (a time joins its date).
    """

    positive: str
    expected: tuple[str, str]
    negative: str
    reading: str | None = None


# Negatives are sentences of the sources (sources/) in which the rule must not fire.
RULE_CASES: dict[str, RuleCase] = {
    "D Month YYYY": RuleCase(
        "[handwritten: 20 September 1950]",
        ("20 September 1950", "1950-09-20"),
        "2. We consider it correct to concentrate immediately 9 Chinese divisions",
    ),
    "D [D] Month YYYY": RuleCase(
        "Document 13: Letter, Fyn Si [Stalin] to Kim Il Sung (via Shtykov), 8 [7] October 1950",
        ("8 [7] October 1950", "1950-10-07"),
        "However, the 1 [First] and 2 [Second] Army Groups' Commands failed",
    ),
    "D Month [sic-Month]": RuleCase(
        "I received letter from Mao on 7 September [sic-October], in which he expresses",
        ("7 September [sic-October]", "1950-10-07"),
        "Typ[ed in] 10 copies [copies no.] 9-10 -(to file)",
    ),
    "Month D, YYYY": RuleCase(
        "October 12, 1950 Cable, 8th Directorate of the USSR Armed Forces General Staff",
        ("October 12, 1950", "1950-10-12"),
        "Ciphered Telegram # 600382/sh",
    ),
    "D Month": RuleCase(
        "Москва еще 16 сентября предупреждала корейских товарищев",
        ("16 сентября", "1950-09-16"),
        "Distribution list - 11 copies: Stalin - 2,",
    ),
    "Month D": RuleCase(
        "Stalin, Mao, Kim, and China's Decision to Enter the Korean War, Sept. 16-",
        ("Sept. 16", "1950-09-16"),
        "Document 16: Ciphered Telegram, Kim Il Sung to Stalin",
    ),
    "D.M.YY": RuleCase("5.7.50 [", ("5.7.50", "1950-07-05"), "Download 240.78 Kb."),
    "D.ROMAN.YY": RuleCase("1.X..50 г.", ("1.X..50 г.", "1950-10-01"), "Comrade STALIN I.V.:"),
    "D.M": RuleCase("No. 2270 3.10", ("3.10", "1950-10-03"), "Size240.78 Kb."),
    "M/D/YY": RuleCase(
        "Received in Moscow on 10/09/50", ("10/09/50", "1950-10-09"), "Nº 4/8737 Fyn Si"
    ),
    "H:MM a.m.": RuleCase(
        "Typed by Stepanova at 0:55 a.m. on 07/06/50",
        ("0:55 a.m. on 07/06/50", "1950-07-06T00:55:00"),
        "Document 7: Ciphered Telegram",
        reading="0:55 a.m.",
    ),
    "H:MM": RuleCase(
        "From BEIJING Received 12:15 3.10.1950",
        ("12:15 3.10.1950", "1950-10-03T12:15:00"),
        "# P78/118",
        reading="12:15",
    ),
    "Hч.MMм.": RuleCase(
        "1.X.50г. в 3ч.00м.",
        ("1.X.50г. в 3ч.00м.", "1950-10-01T03:00:00"),
        "командование 1 и 2 армейских групп",
        reading="3ч.00м.",
    ),
}


def test_every_rule_has_a_case() -> None:
    assert set(RULE_CASES) == {rule.name for rule in RULES}


def readings_of(rule_name: str, text: str) -> list[str]:
    """Where one rule alone reads a date or time in a text (standing alone or not)."""
    (rule,) = (rule for rule in RULES if rule.name == rule_name)
    return [match[0] for match in rule.regex.finditer(text) if rule.read(match, 1950) is not None]


@pytest.mark.parametrize("rule_name", list(RULE_CASES))
def test_rule_fires_on_its_form(rule_name: str) -> None:
    case = RULE_CASES[rule_name]
    assert readings_of(rule_name, case.positive) == [case.reading or case.expected[0]]
    (match,) = find_dates(case.positive, 1950)
    assert (match.text, match.when) == case.expected
    assert rule_name in match.pattern.split(" + ")


@pytest.mark.parametrize("rule_name", list(RULE_CASES))
def test_rule_does_not_fire_on_a_non_date(rule_name: str) -> None:
    negative = RULE_CASES[rule_name].negative
    assert readings_of(rule_name, negative) == []
    assert find_dates(negative, 1950) == []


# every form the sources write


FORMS: list[tuple[str, list[tuple[str, str]]]] = [
    ("20 September 1950", [("20 September 1950", "1950-09-20")]),
    ("12 October 1950", [("12 October 1950", "1950-10-12")]),
    ("1 October 1950", [("1 October 1950", "1950-10-01")]),
    ("Decision dated 30 September 1950", [("30 September 1950", "1950-09-30")]),
    ("October 12, 1950", [("October 12, 1950", "1950-10-12")]),
    ("October 01, 1950", [("October 01, 1950", "1950-10-01")]),
    ("Decision dated October 5, 1950", [("October 5, 1950", "1950-10-05")]),
    ("5 July 1950", [("5 July 1950", "1950-07-05")]),
    (
        "Sept. 16-Oct. 15, 1950: New Evidence",
        [("Sept. 16", "1950-09-16"), ("Oct. 15, 1950", "1950-10-15")],
    ),
    (
        "supplied from October 5 to October 20.",
        [("October 5", "1950-10-05"), ("October 20", "1950-10-20")],
    ),
    ("1 октября 1950 г.", [("1 октября 1950 г.", "1950-10-01")]),
    ("1 октября 1950г.", [("1 октября 1950г.", "1950-10-01")]),
    ("Москва еще 16 сентября предупреждала", [("16 сентября", "1950-09-16")]),
    ("5.7.50 [5 July 1950]", [("5.7.50", "1950-07-05"), ("5 July 1950", "1950-07-05")]),
    (
        "I received your telegram of 1.10.50 [1 October 1950].",
        [("1.10.50", "1950-10-01"), ("1 October 1950", "1950-10-01")],
    ),
    ('MAO ZEDONG 2.10.50"', [("2.10.50", "1950-10-02")]),
    ("On 1.X.50 [1 October 1950]", [("1.X.50", "1950-10-01"), ("1 October 1950", "1950-10-01")]),
    ("1.X..50 г.", [("1.X..50 г.", "1950-10-01")]),
    ("No. 2270 3.10", [("3.10", "1950-10-03")]),
    ("Submitted at 23:45 p.m. on 07/05/50", [("23:45 p.m. on 07/05/50", "1950-07-05T23:45:00")]),
    (
        "Typed by Stepanova at 0:55 a.m. on 07/06/50",
        [("0:55 a.m. on 07/06/50", "1950-07-06T00:55:00")],
    ),
    (
        "Sent by wire on 10/09/50 at 7:05 a.m.",
        [("10/09/50 at 7:05 a.m.", "1950-10-09T07:05:00")],
    ),
    (
        "[Handwritten: This letter was delivered to Comrade Bulganin "
        "on October 7, 1950 at 22:15 pm.]",
        [("October 7, 1950 at 22:15 pm", "1950-10-07T22:15:00")],
    ),
    ("From BEIJING Received 12:15 3.10.1950", [("12:15 3.10.1950", "1950-10-03T12:15:00")]),
    (
        "Dec[iphered by] Araushkin 12.50 3.10 [12.50 p.m. 3 October]",
        [("12.50 3.10", "1950-10-03T12:50:00"), ("12.50 p.m. 3 October", "1950-10-03T12:50:00")],
    ),
    (
        "Typ[ed by] Doronchenkova 13.20 3.10 [1.20 p.m. 3 October]",
        [("13.20 3.10", "1950-10-03T13:20:00"), ("1.20 p.m. 3 October", "1950-10-03T13:20:00")],
    ),
    ("1.X.50г. в 3ч.00м.", [("1.X.50г. в 3ч.00м.", "1950-10-01T03:00:00")]),
    (
        "On 1.X.50 [1 October 1950] at 3:00 a.m.",
        [("1.X.50 [1 October 1950] at 3:00 a.m.", "1950-10-01T03:00:00")],
    ),
    (
        "as of 8:00 a.m., 13 October, the following U.S. battleships",
        [("8:00 a.m., 13 October", "1950-10-13T08:00:00")],
    ),
    ("8 [7] October 1950", [("8 [7] October 1950", "1950-10-07")]),
    ("Передано 3.10.50 в 15.30", [("3.10.50 в 15.30", "1950-10-03T15:30:00")]),
    ("Received 3.10.50 15.30", [("3.10.50", "1950-10-03")]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[text for text, _ in FORMS])
def test_forms_of_the_sources(text: str, expected: list[tuple[str, str]]) -> None:
    assert written(text) == expected


TIMES = [
    ("7:05 a.m.", "H:MM a.m.", time(7, 5)),
    ("0:55 a.m.", "H:MM a.m.", time(0, 55)),
    ("23:45 p.m.", "H:MM a.m.", time(23, 45)),  # a 24-hour clock with a redundant p.m.
    ("3:00 a.m.", "H:MM a.m.", time(3, 0)),
    ("22:15 pm", "H:MM a.m.", time(22, 15)),
    ("12.50 p.m.", "H:MM a.m.", time(12, 50)),
    ("1.20 p.m.", "H:MM a.m.", time(13, 20)),
    ("12:15", "H:MM", time(12, 15)),
    ("12.50", "H:MM", time(12, 50)),
    ("13.20", "H:MM", time(13, 20)),
    ("3ч.00м.", "Hч.MMм.", time(3, 0)),
]


@pytest.mark.parametrize(("text", "rule_name", "expected"), TIMES, ids=[t for t, _, _ in TIMES])
def test_times_read_on_a_24_hour_clock(text: str, rule_name: str, expected: time) -> None:
    (rule,) = (rule for rule in RULES if rule.name == rule_name)
    match = rule.regex.fullmatch(text)
    assert match is not None
    reading = rule.read(match, None)
    assert reading is not None
    assert reading.value == expected


@pytest.mark.parametrize("text", ["at 22:15 pm", "at 12:15", "в 3ч.00м.", "at 12.50 p.m."])
def test_a_time_without_its_date_is_no_calendar_date(text: str) -> None:
    assert find_dates(text, 1950) == []


def test_the_corrected_day_is_the_date_and_the_written_day_is_kept() -> None:
    (match,) = find_dates(
        "Letter, Fyn Si [Stalin] to Kim Il Sung (via Shtykov), 8 [7] October 1950"
    )
    assert match.when == "1950-10-07"
    assert match.text.startswith("8 ")


def test_the_written_time_and_its_normalisation_agree() -> None:
    written_form, normalisation = find_dates("13.20 3.10 [1.20 p.m. 3 October]", 1950)
    assert written_form.when == normalisation.when == "1950-10-03T13:20:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 мая 1950 г.", "1950-05-15"),
        ("3 марта", "1950-03-03"),
        ("9 августа 1950 года", "1950-08-09"),
        ("30 декабря 1950г.", "1950-12-30"),
        ("16 СЕНТЯБРЯ", "1950-09-16"),
        ("1 Октября 1950", "1950-10-01"),
        ("1 окт. 1950 г.", "1950-10-01"),
        ("5 Sept. 1950", "1950-09-05"),
        ("5 OCTOBER 1950", "1950-10-05"),
        ("5th October 1950", "1950-10-05"),
        ("1.Х.50", "1950-10-01"),  # a Cyrillic Х typed for the Roman ten
        ("3.10", "1950-10-03"),
    ],
)
def test_other_writings_of_the_same_forms(text: str, expected: str) -> None:
    assert parse_date(text, 1950) == expected


# non-dates


NON_DATES = [
    "2. We consider it correct to concentrate immediately 9 Chinese divisions on the "
    "Chinese-Korean border for volunteers' actions in North Korea in the event of the "
    "enemy's crossing the 38th parallel.",
    "The attached draft of the reply to Comrade Matveyev regarding his telegram # 1298 "
    "has been approved.",
    "RE: # 1298",
    "RGASPI. F. 558, op. 11. d. 334, pp. 142-44. Translated by Gary Goldberg.",
    "APRF, fond 45, opis 1, delo 334, listy 99-103 and RGASPI f. 558, Op. 11, D. 334, pp. 97-98.",
    "No. 2270",
    "2. To permit the training of 1,000 tankists, 2,000 pilots, 500 radio operators, and "
    "500 engineering officers from among Soviet Koreans residing in the Soviet Union.",
    "1. To permit the training of 200-300 pilots from among Korean students "
    "studying in the Soviet Union.",
    "Nº 4/8737 Fyn Si",
    "1304/sh. We agree with your proposals concerning the temporary evacuation "
    "of some Soviet specialists",
    "Re Your ciphered telegrams ## 1112-1126",
    "# P78/118",
    "Extract Minutes from Protocol #78 of the Meeting of the Politburo of the CC VKP(b)",
    "Download 240.78 Kb.",
    "Distribution list - 11 copies: Stalin - 2,",
    "In connection with Comrade Shtykov's telegram #1405/sh dated",
    "While raising before You the question of dispatching troops to Korea, I considered "
    "5-6 divisions a minimum, not a maximum",
    "обеспечить 38-параллель.Но командование 1 и 2 армейских групп не выполнили приказ",
    "- 2 -",
    "Copy N^{ϱ} 1 - to Cde. Vasilevsky; Copy N^{ϱ} 2 - to Cde. Stalin; "
    "Copy N^{ϱ} 3 - to the file of the 8th Directorate",
    "- $1. \\ \\mbox{To}$ immediately begin the evacuation of Pyongyang",
    "[Source: APRF, fond 45, opis 1, delo 331, list 79]",
    "_ 373/sh",
    "# 182-sh",
    "No. 201-gi",
    "No. 244cc",
    "Cable Nº 75511",
    "Document 7: Ciphered Telegram, Filippov (Stalin) to Soviet Ambassador in Beijing "
    "(N.V. Roshchin)",
]


@pytest.mark.parametrize("sentence", NON_DATES)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, 1950) == []


@pytest.mark.parametrize(
    "text",
    [
        "31 September 1950",
        "29 February 1950",
        "13/01/50",
        "30.2.50",
        "1.XIII.50",
        "32 October 1950",
        "25:00",
        "24:00",
        "13:00 a.m.",
        "0:30 p.m.",
        "12.50",  # a dotted time counts only before a date
        "increased by 5.5 million",
    ],
)
def test_no_invalid_date_or_time_is_returned(text: str) -> None:
    assert find_dates(text, 1950) == []


def test_a_leap_day_exists_in_a_leap_year() -> None:
    assert parse_date("29 February 1952") == "1952-02-29"


def test_without_a_context_year_a_date_without_a_year_is_not_found() -> None:
    assert written("Sept. 16", None) == []
    assert written("12.50 3.10", None) == []
    assert parse_date("16 сентября") is None
    assert written("Sept. 16-Oct. 15, 1950", None) == [("Oct. 15, 1950", "1950-10-15")]


def test_every_date_the_sources_write_is_a_real_1950_date() -> None:
    found = [
        match
        for source in sorted(SOURCES.glob("*.txt"))
        for line in source.read_text(encoding="utf-8").splitlines()
        for match in find_dates(line, 1950)
    ]
    assert len(found) > 60
    assert all(is_real_date(match.when) and match.when.startswith("1950-") for match in found)


# parse_date and is_real_date


@pytest.mark.parametrize(
    "text",
    [
        "Sent by wire on 10/09/50",
        "Received 12:15 3.10.1950",
        "12.50",
        "9 Chinese divisions",
        "",
        "5.7.50 [5 July 1950]",
    ],
)
def test_parse_date_needs_the_whole_text_to_be_one_date(text: str) -> None:
    assert parse_date(text, 1950) is None


def test_parse_date_ignores_spaces_and_a_closing_full_stop() -> None:
    assert parse_date("  8 October 1950. ") == "1950-10-08"


@pytest.mark.parametrize(
    ("iso", "real"),
    [
        ("1950-10-09", True),
        ("1950-10-09T07:05:00", True),
        ("1950-10-09T07:05", True),
        ("1952-02-29", True),
        ("--09-16", False),
        ("07:05:00", False),
        ("1950-02-30", False),
        ("1950-13-01", False),
        ("1950-09-31", False),
        ("1950-10-09T24:00:00", False),
        ("1950-10-9", False),
        ("10/09/50", False),
        ("", False),
    ],
)
def test_is_real_date(iso: str, real: bool) -> None:
    assert is_real_date(iso) is real


def test_docstring_examples_run() -> None:
    result = doctest.testmod(dates)
    assert result.attempted > 0
    assert result.failed == 0


# the transmission times of a cable (tests/seeds.json)


def source_named(original_name: str) -> Path:
    """The file in sources/ that sources/README.md lists under the original file name."""
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    (here,) = re.findall(
        rf"^\| `([^`]+)` \| `{re.escape(original_name)}` \|", readme, re.MULTILINE
    )
    return SOURCES / str(here)


def test_transmission_times_of_document_16() -> None:
    seeds = json.loads(SEEDS.read_text(encoding="utf-8"))["sources"]
    ((original_name, source),) = [
        (name, source)
        for name, source in seeds.items()
        if any(document.get("n") == 16 for document in source["documents"])
    ]
    (document,) = [document for document in source["documents"] if document.get("n") == 16]
    expected = document["phenomena"]["transmission times in MM/DD/YY"]
    text = source_named(original_name).read_text(encoding="utf-8")
    section = text[text.index("Document 16:") : text.index("Document 17:")]
    lines = section.splitlines()
    for event, when in expected.items():
        (line,) = [line for line in lines if line.startswith(event.capitalize() + " ")]
        (match,) = find_dates(line, 1950)
        assert datetime.fromisoformat(match.when) == datetime.fromisoformat(when), line


# round trip: every written form of a random real date or time reads back as itself

ENGLISH_MONTHS = [
    ("January", "Jan."),
    ("February", "Feb."),
    ("March", "Mar."),
    ("April", "Apr."),
    ("May", "May"),
    ("June", "Jun."),
    ("July", "Jul."),
    ("August", "Aug."),
    ("September", "Sept."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
]
RUSSIAN_GENITIVE = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)
ROMAN = "I II III IV V VI VII VIII IX X XI XII".split()

Draw = Callable[[st.SearchStrategy[str]], str]

real_dates = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))
twentieth_century = st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31))
minutes = st.times().map(lambda clock: clock.replace(second=0, microsecond=0))


def english_month(draw: Draw, day: date) -> str:
    full, abbreviated = ENGLISH_MONTHS[day.month - 1]
    return draw(st.sampled_from([full, abbreviated, full.upper()]))


def any_month(draw: Draw, day: date) -> str:
    return draw(st.sampled_from([english_month(draw, day), RUSSIAN_GENITIVE[day.month - 1]]))


def short_or_full_year(draw: Draw, day: date) -> str:
    return draw(st.sampled_from([f"{day.year % 100:02d}", str(day.year)]))


def other_month(draw: Draw, day: date) -> str:
    """A month word other than the date's, as a [sic] would correct it."""
    wrong = date(2000, day.month % 12 + 1, 1)
    return any_month(draw, wrong)


Writer = Callable[[Draw, date], str]

#: How each date rule's form writes a date (two-digit years only in the twentieth century).
DATE_WRITERS: dict[str, Writer] = {
    "D Month YYYY": lambda draw, day: f"{day.day} {any_month(draw, day)} {day.year}",
    "D [D] Month YYYY": lambda draw, day: (
        f"{day.day % 28 + 1} [{day.day}] {any_month(draw, day)} {day.year}"
    ),
    "D Month [sic-Month]": lambda draw, day: (
        f"{day.day} {other_month(draw, day)} [sic-{any_month(draw, day)}] {day.year}"
    ),
    "Month D, YYYY": lambda draw, day: f"{english_month(draw, day)} {day.day:02d}, {day.year}",
    "D Month": lambda draw, day: f"{day.day} {any_month(draw, day)}",
    "Month D": lambda draw, day: f"{english_month(draw, day)} {day.day}",
    "D.M.YY": lambda draw, day: f"{day.day}.{day.month}.{short_or_full_year(draw, day)}",
    "D.ROMAN.YY": lambda draw, day: (
        f"{day.day}.{ROMAN[day.month - 1]}.{short_or_full_year(draw, day)}"
    ),
    "D.M": lambda draw, day: f"{day.day:02d}.{day.month:02d}",
    "M/D/YY": lambda draw, day: f"{day.month:02d}/{day.day:02d}/{short_or_full_year(draw, day)}",
}
YEARLESS_RULES = {"D Month", "Month D", "D.M"}


def twelve_hour(clock: time) -> str:
    hour = clock.hour % 12 or 12
    return f"{hour}:{clock.minute:02d} {'a.m.' if clock.hour < 12 else 'p.m.'}"


#: How each time rule's form writes a time.
TIME_WRITERS: dict[str, Callable[[time], str]] = {
    "H:MM a.m.": twelve_hour,
    "H:MM": lambda clock: f"{clock.hour}:{clock.minute:02d}",
    "Hч.MMм.": lambda clock: f"{clock.hour}ч.{clock.minute:02d}м.",
}


def test_every_rule_has_a_writer() -> None:
    assert set(DATE_WRITERS) | set(TIME_WRITERS) == {rule.name for rule in RULES}


@given(st.data(), st.sampled_from(sorted(DATE_WRITERS)))
def test_each_written_date_reads_back_as_its_date(data: st.DataObject, rule_name: str) -> None:
    day = data.draw(
        twentieth_century if rule_name in ("D.M.YY", "D.ROMAN.YY", "M/D/YY") else real_dates
    )
    text = DATE_WRITERS[rule_name](data.draw, day)
    context_year = day.year if rule_name in YEARLESS_RULES else None
    (match,) = find_dates(text, context_year)
    assert (match.text, match.when, match.pattern) == (text, day.isoformat(), rule_name)
    assert parse_date(text, context_year) == day.isoformat()


@given(twentieth_century, minutes, st.sampled_from(sorted(TIME_WRITERS)))
def test_each_written_time_joins_its_date(day: date, clock: time, rule_name: str) -> None:
    moment = datetime.combine(day, clock).isoformat()
    written_time = TIME_WRITERS[rule_name](clock)
    dotted_date = f"{day.day}.{day.month}.{day.year}"
    slashed_date = f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}"
    texts = {
        f"{dotted_date} at {written_time}": f"D.M.YY + {rule_name}",
        f"{dotted_date} {written_time}": f"D.M.YY + {rule_name}",
        f"{dotted_date} в {written_time}": f"D.M.YY + {rule_name}",
        f"{written_time} on {slashed_date}": f"{rule_name} + M/D/YY",
    }
    for text, pattern in texts.items():
        (match,) = find_dates(text)
        assert (match.text, match.when, match.pattern) == (text, moment, pattern)


@given(twentieth_century, minutes)
def test_a_dotted_time_joins_a_date_after_it_or_after_at(day: date, clock: time) -> None:
    dotted_time = f"{clock.hour}.{clock.minute:02d}"
    dotted_date = f"{day.day}.{day.month}.{day.year}"
    moment = datetime.combine(day, clock).isoformat()
    for text, pattern in {
        f"{dotted_time} {dotted_date}": "H:MM + D.M.YY",
        f"{dotted_date} at {dotted_time}": "D.M.YY + H:MM",
        f"{dotted_date} в {dotted_time}": "D.M.YY + H:MM",
    }.items():
        (match,) = find_dates(text)
        assert (match.text, match.when, match.pattern) == (text, moment, pattern)


@given(
    st.text(alphabet=st.sampled_from("0123456789 .:/,-[]aApPmMгчмXVIОктOctSeptsic"), max_size=60),
    st.none() | st.integers(min_value=1000, max_value=2999),
)
def test_any_text_gives_real_apart_matches_in_order(text: str, context_year: int | None) -> None:
    matches = find_dates(text, context_year)
    assert all(match.text == text[match.start : match.end] for match in matches)
    assert all(is_real_date(match.when) for match in matches)
    assert all(left.end <= right.start for left, right in itertools.pairwise(matches))
