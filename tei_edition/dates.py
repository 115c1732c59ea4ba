"""Read the dates and times the cables write, as they write them, into W3C values for ``@when``.

The archives write a date in many forms: ``20 September 1950``, ``October 12,
1950``, ``Sept. 16``, Russian ``1 октября 1950 г.``, dotted day-first
``5.7.50`` and ``1.X..50 г.``, American ``10/09/50``; and a time as ``7:05
a.m.``, ``23:45 p.m.``, ``12.50`` or ``3ч.00м.``; an editor's correction
inside a date (``8 [7] October 1950``, ``7 September [sic-October]``) gives
the date, the written form stays the text. Each form is one row of
`RULES`: a name, a compiled regular expression and a function that reads a
match. `find_dates` runs every row over a text, joins a time to the date next
to it ("on 10/09/50 at 7:05 a.m." is one dateTime), and keeps the longest
readings that do not overlap. Nothing here knows a particular document: a
form the archives use is added as a row, never as a case.

The values go into ``<date when="...">``, so they are XML Schema lexical
forms that TEI and the edition's schema accept: ``1950-10-09`` or
``1950-10-09T07:05:00`` (xs:dateTime requires the seconds; ``T07:05`` does not
validate against tei_all). A time is found only with its date, and a date
written without a year only with a context year: alone, neither is a calendar
date, and the edition's ``@when`` takes nothing less.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from typing import Final, NamedTuple

# constants: month names and numerals


#: English month names, each with the abbreviations the translations use.
ENGLISH_MONTH_NAMES: Final[tuple[tuple[str, ...], ...]] = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)

_SOFT_ENDINGS: Final = ("ь", "я", "е", "ю", "ем", "ём")
_HARD_ENDINGS: Final = ("", "а", "е", "у", "ом")
_MAI_ENDINGS: Final = ("й", "я", "е", "ю", "ем")

#: Russian month stems, the case endings they take, and their abbreviations.
RUSSIAN_MONTH_STEMS: Final[tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = (
    ("январ", _SOFT_ENDINGS, ("янв",)),
    ("феврал", _SOFT_ENDINGS, ("фев", "февр")),
    ("март", _HARD_ENDINGS, ("мар",)),
    ("апрел", _SOFT_ENDINGS, ("апр",)),
    ("ма", _MAI_ENDINGS, ()),
    ("июн", _SOFT_ENDINGS, ("июн",)),
    ("июл", _SOFT_ENDINGS, ("июл",)),
    ("август", _HARD_ENDINGS, ("авг",)),
    ("сентябр", _SOFT_ENDINGS, ("сен", "сент")),
    ("октябр", _SOFT_ENDINGS, ("окт",)),
    ("ноябр", _SOFT_ENDINGS, ("ноя", "нояб")),
    ("декабр", _SOFT_ENDINGS, ("дек",)),
)

#: Roman month numerals of Russian dates (``1.X.50``).
ROMAN_MONTHS: Final[tuple[str, ...]] = tuple("I II III IV V VI VII VIII IX X XI XII".split())


def _month_numbers() -> dict[str, int]:
    """Every written month word (in the cases the texts use) -> its number.

    English names count in title case and capitals only, so that the verb
    "may" or the noun "march" is never read as a month; Russian writes month
    names in lower case, so those count in all three cases.
    """
    numbers: dict[str, int] = {}
    for number, words in enumerate(ENGLISH_MONTH_NAMES, start=1):
        for word in words:
            numbers[word] = numbers[word.upper()] = number
    for number, (stem, endings, abbreviations) in enumerate(RUSSIAN_MONTH_STEMS, start=1):
        for word in (*(stem + ending for ending in endings), *abbreviations):
            for variant in (word, word.capitalize(), word.upper()):
                numbers[variant] = number
    return numbers


_MONTH_NUMBERS: Final = _month_numbers()


def _abbreviation_dot() -> str:
    """The full stop after an abbreviated month ("16 Sept."), which belongs to the date.

    After a full name ("16 September.") the stop ends the sentence and stays out.
    Python's look-behind needs one width per group, hence a group per length.
    """
    abbreviations = {
        variant
        for words in ENGLISH_MONTH_NAMES
        for word in words[1:]
        for variant in (word, word.upper())
    } | {
        variant
        for _, _, words in RUSSIAN_MONTH_STEMS
        for word in words
        for variant in (word, word.capitalize(), word.upper())
    }
    by_length: dict[int, list[str]] = {}
    for word in sorted(abbreviations):
        by_length.setdefault(len(word), []).append(word)
    after_abbreviation = "|".join(f"(?<={'|'.join(words)})" for words in by_length.values())
    return rf"(?:(?:{after_abbreviation})\.)"


# Cyrillic Х is typed for the Roman ten in Russian texts; it reads as Latin X.
_ROMAN_NUMBERS: Final = {numeral: n for n, numeral in enumerate(ROMAN_MONTHS, start=1)}
_CYRILLIC_TO_LATIN: Final = str.maketrans("Х", "X")

# constants: regular-expression pieces

_LETTER: Final = r"[^\W\d_]"


def _number(group: str, not_after: str) -> str:
    """A one- or two-digit number that does not continue what stands before it.

    The check comes after the first digit, not before it, so that every
    pattern starts with a character class and the regex engine can skip
    straight to the digits: `find_dates` runs on every paragraph.
    """
    return rf"(?P<{group}>\d(?<!{not_after}\d)\d?)"


# What may not stand right before a number of each kind: "1,000", "240.78", "4/8737".
_BEFORE_DAY: Final = r"[\w.,/:]"
_BEFORE_DOTTED_DAY: Final = r"[\d.]"
_BEFORE_SLASHED_MONTH: Final = r"[\w/.]"
_BEFORE_HOUR: Final = r"[\d.:/]"

_MONTH_WORD: Final = rf"(?P<month>{_LETTER}{{3,9}})(?!{_LETTER})"
# Month-first forms are English, which capitalises month names; the check on
# the letter before comes after the capital for the same reason as in `_number`.
_CAPITALISED_MONTH_WORD: Final = (
    rf"(?P<month>[A-ZА-ЯЁ](?<!{_LETTER}.){_LETTER}{{2,8}})(?!{_LETTER})"
)
_DAY: Final = rf"{_number('day', _BEFORE_DAY)}(?:st|nd|rd|th|-?го)?"
_DOTTED_DAY: Final = _number("day", _BEFORE_DOTTED_DAY)
_FULL_YEAR: Final = r"(?P<year>[12]\d{3})(?!\d)"
_SHORT_OR_FULL_YEAR: Final = r"(?P<year>\d{4}|\d{2})(?!\d|\.\d)"
# Russian writes "1950 г.", "1950г.", "1950 года" after a year; the mark belongs to the date.
_YEAR_MARK: Final = rf"(?:\s?г(?:ода|оду|\.|(?!{_LETTER})))?"
_ROMAN: Final = r"XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"
_ROMAN_MONTH: Final = rf"(?P<month>{_ROMAN.replace('X', '[XХ]')})"
_MERIDIEM: Final = rf"[aApP](?:\.\s?[mM]\.?|[mM](?!{_LETTER}))"
_CLOCK: Final = rf"{_number('hour', _BEFORE_HOUR)}(?P<separator>[:.])(?P<minute>\d{{2}})"

#: What may stand between a time and the date after it:
#: "7:05 a.m. on 07/06/50", "12:15 3.10.1950".
_TIME_THEN_DATE: Final = re.compile(r",?\s+(?:on\s+)?")
#: What may stand between a date and the time after it:
#: "10/09/50 at 7:05 a.m.", "1.X.50г. в 3ч.00м.".
_DATE_THEN_TIME: Final = re.compile(r",?\s+(?:(?P<at>at|в)\s+)?")
#: A date, an editor's bracket that normalises it, then its time:
#: "1.X.50 [1 October 1950] at 3:00 a.m.".
_DATE_NORMALISATION_THEN_TIME: Final = re.compile(
    rf"\s*\[(?P<normalisation>[^\[\]]+)\]{_DATE_THEN_TIME.pattern}"
)
#: Every form has a digit: a text without one is skipped at once.
_DIGIT: Final = re.compile(r"\d")
#: Where a bare day.month stands alone as a date: at a line's end or before an editor's bracket.
_DATE_LINE_END: Final = re.compile(r"[ \t]*(?:$|\n|\[)")


# readings


class Day(NamedTuple):
    """A calendar day as read; ``year`` is None when the text gives none and no context does."""

    year: int | None
    month: int
    day: int


class Reading(NamedTuple):
    """What one rule read from one match.

    ``alone`` is False for a form that is a date or time only beside the other
    half (the dotted ``12.50`` before ``3.10``); such a reading is kept only
    when it joins a date or time.
    """

    value: Day | time
    alone: bool = True


def _read_day(year: int | None, month: int, day: int, context_year: int | None) -> Reading | None:
    """The day if it exists in the calendar (no 31 September), with the context year if needed."""
    year = context_year if year is None else year
    try:
        date(2000 if year is None else year, month, day)  # 2000 is a leap year: --02-29 exists
    except ValueError:
        return None
    return Reading(Day(year, month, day))


def _year_of(match: re.Match[str]) -> int:
    """The year as written; two digits are 19yy, the century of the archives."""
    written = match["year"]
    return 1900 + int(written) if len(written) == 2 else int(written)


def _month_named(match: re.Match[str]) -> int | None:
    """The number of the month word in the match, or None when the word names no month."""
    return _MONTH_NUMBERS.get(match["month"])


def _read_day_month_year(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``20 September 1950``, ``1 октября 1950 г.``."""
    month = _month_named(match)
    return None if month is None else _read_day(_year_of(match), month, int(match["day"]), None)


def _read_corrected_day_month_year(
    match: re.Match[str], context_year: int | None
) -> Reading | None:
    """``8 [7] October 1950``: the editor's corrected day is the date."""
    month = _month_named(match)
    if month is None:
        return None
    return _read_day(_year_of(match), month, int(match["corrected_day"]), None)


def _read_month_corrected(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``7 September [sic-October]``: the editor's corrected month is the date."""
    month = _MONTH_NUMBERS.get(match["corrected_month"])
    if month is None or _month_named(match) is None:
        return None
    year = _year_of(match) if match["year"] else None
    return _read_day(year, month, int(match["day"]), context_year)


def _read_day_month(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``16 сентября``, ``Sept. 16``: the year comes from the context."""
    month = _month_named(match)
    return None if month is None else _read_day(None, month, int(match["day"]), context_year)


def _read_dotted(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``5.7.50``, ``3.10.1950``: Russian usage, day first."""
    return _read_day(_year_of(match), int(match["month"]), int(match["day"]), None)


def _read_dotted_roman(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``1.X.50``, ``1.X..50 г.``: day first, the month in Roman numerals."""
    month = _ROMAN_NUMBERS[match["month"].translate(_CYRILLIC_TO_LATIN)]
    return _read_day(_year_of(match), month, int(match["day"]), None)


def _read_dotted_day_month(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``3.10``: a date alone only where cables put one (line end, before a bracket)."""
    reading = _read_day(None, int(match["month"]), int(match["day"]), context_year)
    if reading is None:
        return None
    return reading._replace(alone=_DATE_LINE_END.match(match.string, match.end()) is not None)


def _read_slashed(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``10/09/50``: the English translations write American month/day/year."""
    return _read_day(_year_of(match), int(match["month"]), int(match["day"]), None)


def _read_clock(hour: int, minute: int, meridiem: str | None = None) -> time | None:
    """The time on a 24-hour clock; a.m./p.m. move 1-12 o'clock, and are redundant after 12.

    "23:45 p.m." is 23:45; "0:55 a.m." is 00:55; "13:00 a.m." and "0:30 p.m."
    contradict themselves and are not times.
    """
    if meridiem is not None:
        afternoon = meridiem[0] in "pP"
        if hour == 0 and afternoon or hour > 12 and not afternoon:
            return None
        if 1 <= hour <= 12:
            hour = hour % 12 + (12 if afternoon else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _read_meridiem_time(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``7:05 a.m.``, ``12.50 p.m.``, ``22:15 pm``."""
    clock = _read_clock(int(match["hour"]), int(match["minute"]), match["meridiem"])
    return None if clock is None else Reading(clock)


def _read_24_hour_time(match: re.Match[str], context_year: int | None) -> Reading | None:
    """``12:15``, ``3ч.00м.``; dotted ``12.50`` counts only before a date."""
    clock = _read_clock(int(match["hour"]), int(match["minute"]))
    if clock is None:
        return None
    return Reading(clock, alone=match.groupdict().get("separator") != ".")


# rules

#: How a rule reads a match, given the context year: a reading, or None for no real date or time.
Reader = Callable[[re.Match[str], int | None], Reading | None]


class DateRule(NamedTuple):
    """One written form of a date or a time."""

    name: str
    """The form, as a name for reports and tests: ``D Month YYYY``, ``M/D/YY``."""
    regex: re.Pattern[str]
    """Where the form is written; the named groups feed `read`."""
    read: Reader
    """The value of a match (given the context year), or None when it is no real date or time."""
    marks: str = ""
    """Characters one of which every match holds: a text with none is not searched (speed)."""
    reads_year: bool = False
    """Whether `read` may give the context year to a date (one written without its year): the dates of a
    text none of whose matches are of such a rule are the same in every year (find_dates keeps them once)."""


def _rule(name: str, pattern: str, read: Reader, marks: str = "", reads_year: bool = False) -> DateRule:
    """A rule with its pattern compiled once, at import."""
    return DateRule(name, re.compile(pattern), read, marks, reads_year)


def _dotted_pattern(month: str) -> str:
    """Day, month, year between dots; a doubled dot before the year is a known typo."""
    return rf"{_DOTTED_DAY}\.{month}\.{{1,2}}\s?{_SHORT_OR_FULL_YEAR}{_YEAR_MARK}"


_DAY_MONTH: Final = rf"{_DAY}\s+{_MONTH_WORD}{_abbreviation_dot()}?"
_MONTH_DAY: Final = rf"{_CAPITALISED_MONTH_WORD}\.?\s+{_DAY}"

#: Every form, dates first; `find_dates` keeps the longest reading where forms overlap.
RULES: Final[tuple[DateRule, ...]] = (
    _rule("D Month YYYY", rf"{_DAY_MONTH},?\s+{_FULL_YEAR}{_YEAR_MARK}", _read_day_month_year),
    _rule(
        "D [D] Month YYYY",
        rf"{_number('day', _BEFORE_DAY)}\s*\[(?P<corrected_day>\d{{1,2}})\]\s+"
        rf"{_MONTH_WORD}\.?,?\s+{_FULL_YEAR}{_YEAR_MARK}",
        _read_corrected_day_month_year,
        "[",
    ),
    _rule(
        "D Month [sic-Month]",
        rf"{_DAY_MONTH}\s*\[sic[-–:]\s*(?P<corrected_month>{_LETTER}{{3,9}})\.?\]"
        rf"(?:,?\s+{_FULL_YEAR}{_YEAR_MARK})?",
        _read_month_corrected,
        "[",
        reads_year=True,
    ),
    _rule("Month D, YYYY", rf"{_MONTH_DAY},?\s+{_FULL_YEAR}", _read_day_month_year),
    _rule("D Month", _DAY_MONTH, _read_day_month, reads_year=True),
    _rule("Month D", rf"{_MONTH_DAY}(?![\d:/]|[.,]\d)", _read_day_month, reads_year=True),
    _rule("D.M.YY", _dotted_pattern(r"(?P<month>\d{1,2})"), _read_dotted, "."),
    _rule("D.ROMAN.YY", _dotted_pattern(_ROMAN_MONTH), _read_dotted_roman, "IVXХ"),
    _rule("D.M", rf"{_DOTTED_DAY}\.(?P<month>\d{{1,2}})(?!\.?\d)", _read_dotted_day_month, ".", reads_year=True),
    _rule(
        "M/D/YY",
        rf"{_number('month', _BEFORE_SLASHED_MONTH)}/(?P<day>\d{{1,2}})/"
        r"(?P<year>\d{4}|\d{2})(?![\w/]|\.\d)",
        _read_slashed,
        "/",
    ),
    _rule(
        "H:MM a.m.",
        rf"{_CLOCK}\s?(?P<meridiem>{_MERIDIEM})",
        _read_meridiem_time,
        ":.",
    ),
    _rule(
        "H:MM",
        rf"{_CLOCK}(?![\d:]|[.,]\d|\s?{_MERIDIEM})",
        _read_24_hour_time,
        ":.",
    ),
    _rule(
        "Hч.MMм.",
        rf"{_number('hour', _BEFORE_HOUR)}\s?ч(?:ас(?:а|ов)?)?(?:\.|(?!{_LETTER}))\s?"
        rf"(?P<minute>\d{{1,2}})\s?м(?:ин(?:ут[аы]?)?)?(?:\.|(?!{_LETTER}))",
        _read_24_hour_time,
        "ч",
    ),
)


# matches


@dataclass(frozen=True)
class DateMatch:
    """A date or time found in a text: where it is, as written, and its ``@when`` value."""

    start: int
    end: int
    text: str
    """The expression exactly as written (``text[start:end]``)."""
    when: str
    """The value for ``@when``: a date ``1950-10-09`` or a dateTime ``1950-10-09T07:05:00``."""
    pattern: str
    """The rule that read it; joined expressions name their parts: ``M/D/YY + H:MM a.m.``."""


class _Found(NamedTuple):
    """A reading at a place in the text, before overlaps are settled."""

    start: int
    end: int
    pattern: str
    value: Day | time | datetime
    alone: bool


def _calendar_value(value: Day | time | datetime) -> str | None:
    """The ``@when`` value of a reading that is a calendar date or dateTime, else None."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, Day) and value.year is not None:
        return date(value.year, value.month, value.day).isoformat()
    return None


def _readings(text: str, context_year: int | None) -> list[_Found]:
    """Every reading of every rule, overlapping ones included."""
    found = []
    for name, read, match in _matches(text).matches:
        reading = read(match, context_year)
        if reading is not None:
            found.append(_Found(match.start(), match.end(), name, *reading))
    return found


class _Searched(NamedTuple):
    """The matches of every rule in a text (with the rule's name and reader), and whether the context year may change what they read."""

    matches: tuple[tuple[str, Reader, re.Match[str]], ...]
    reads_year: bool


@lru_cache(maxsize=1 << 12)
def _matches(text: str) -> _Searched:
    """Every match of every rule in a text.

    Searching is most of the cost of finding dates, and does not depend on the
    context year, which only reading does: a text met again in a document of
    another year is not searched again. The year matters to a match of a rule
    that reads it, and to an editor's bracket after a date (read as a date of
    that year to join the date to its time, _normalises).
    """
    found = []
    reads_year = "[" in text
    for name, regex, read, marks, rule_reads_year in RULES:  # unpacked: this loop runs for every text with a digit
        if marks and (marks not in text if len(marks) == 1 else not any(mark in text for mark in marks)):
            continue
        before = len(found)
        found.extend((name, read, match) for match in regex.finditer(text))
        reads_year = reads_year or (rule_reads_year and len(found) > before)
    return _Searched(tuple(found), reads_year)


def _moment(day: Day, clock: time) -> datetime | None:
    """Day and time as one dateTime; a day without a year cannot carry a time."""
    if day.year is None:
        return None
    return datetime(day.year, day.month, day.day, clock.hour, clock.minute)


def _normalises(bracketed: str, day: Day, context_year: int | None) -> bool:
    """Whether an editor's bracket is wholly the same day written another way."""
    written = _calendar_value(day)
    return written is not None and parse_date(bracketed, context_year) == written


def _join(text: str, first: _Found, second: _Found, context_year: int | None) -> _Found | None:
    """The dateTime of a time and a date written next to each other, if they are.

    A time before its date joins across ``,``/``on``; a date before its time
    across ``at``/``в``, and across the editor's bracket that normalises the
    date. A dotted ``12.50`` is a time before a date, or after one when ``at``
    or ``в`` says so; at least one of the two must be a date or time on its own.
    """
    if not (first.alone or second.alone):
        return None
    gap = text[first.end : second.start]
    separator = " + "
    if isinstance(first.value, time) and isinstance(second.value, Day):
        day, clock = second.value, first.value
        connected = _TIME_THEN_DATE.fullmatch(gap) is not None
    elif isinstance(first.value, Day) and isinstance(second.value, time):
        day, clock = first.value, second.value
        connector = _DATE_THEN_TIME.fullmatch(gap)
        if connector is None:
            connector = _DATE_NORMALISATION_THEN_TIME.fullmatch(gap)
            if connector is not None and not _normalises(
                connector["normalisation"], day, context_year
            ):
                connector = None
            separator = " + [normalisation] + "
        connected = connector is not None and (second.alone or connector["at"] is not None)
    else:
        return None
    moment = _moment(day, clock) if connected else None
    if moment is None:
        return None
    return _Found(
        first.start, second.end, f"{first.pattern}{separator}{second.pattern}", moment, True
    )


def _joined(text: str, found: list[_Found], context_year: int | None) -> list[_Found]:
    """Every time-and-date pair written next to each other, as one reading."""
    ordered = sorted(found, key=lambda reading: reading.start)
    pairs = []
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.start - first.end > 40:
                break
            if second.start >= first.end:
                pair = _join(text, first, second, context_year)
                if pair is not None:
                    pairs.append(pair)
    return pairs


def _longest_apart(found: list[tuple[_Found, str]]) -> list[tuple[_Found, str]]:
    """The longest readings that do not overlap, in text order."""
    kept: list[tuple[_Found, str]] = []
    for reading, when in sorted(
        found, key=lambda pair: (pair[0].start - pair[0].end, pair[0].start)
    ):
        if all(reading.end <= other.start or other.end <= reading.start for other, _ in kept):
            kept.append((reading, when))
    return sorted(kept, key=lambda pair: pair[0].start)


# functions


def find_dates(text: str, context_year: int | None = None) -> list[DateMatch]:
    """Every date and time expression in running text, in text order.

    Where readings overlap the longest wins; a time next to its date joins it
    into one dateTime, and a time without a date is none. ``context_year`` is
    the year of a date written without one (the document's year); without it
    such a date is not found.

    :param text: a paragraph or line, as the source writes it.
    :param context_year: the year for dates written without a year.

    >>> [(m.text, m.when) for m in find_dates("Sent by wire on 10/09/50 at 7:05 a.m.")]
    [('10/09/50 at 7:05 a.m.', '1950-10-09T07:05:00')]
    >>> [(m.text, m.when) for m in find_dates("Dec[iphered by] Araushkin 12.50 3.10", 1950)]
    [('12.50 3.10', '1950-10-03T12:50:00')]
    >>> find_dates("concentrate immediately 9 Chinese divisions north of the 38th parallel")
    []
    """
    if _DIGIT.search(text) is None:
        return []
    return list(_dates_in(text, context_year if _matches(text).reads_year else None))


@lru_cache(maxsize=1 << 12)
def _dates_in(text: str, context_year: int | None) -> tuple[DateMatch, ...]:
    """`find_dates` of a text with a digit; kept, as a line is read again and again (classified,
    then read inline; a date line parsed, then read), and every rule runs over it each time."""
    found = _readings(text, context_year)
    found += _joined(text, found, context_year)
    calendar = [
        (reading, when)
        for reading in found
        if reading.alone and (when := _calendar_value(reading.value)) is not None
    ]
    return tuple(
        DateMatch(r.start, r.end, text[r.start : r.end], when, r.pattern)
        for r, when in _longest_apart(calendar)
    )


def parse_date(text: str, context_year: int | None = None) -> str | None:
    """The ``@when`` value of a text that is wholly one date or date and time, else None.

    Surrounding spaces and a closing full stop do not count.

    >>> parse_date("8 [7] October 1950")
    '1950-10-07'
    >>> parse_date("1.X.50г. в 3ч.00м.")
    '1950-10-01T03:00:00'
    >>> parse_date("16 сентября", context_year=1950)
    '1950-09-16'
    >>> parse_date("31 September 1950") is None
    True
    """
    written = text.strip()
    matches = find_dates(written, context_year)
    if len(matches) != 1 or matches[0].start != 0:
        return None
    rest = written[matches[0].end :]
    return matches[0].when if rest in ("", ".") else None


_ISO_DATE_TIME: Final = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)


def is_real_date(iso: str) -> bool:
    """True when ``iso`` is a real calendar date or dateTime (1950-02-30 is not).

    >>> is_real_date("1950-10-09T07:05:00"), is_real_date("1950-10-09T07:05")
    (True, True)
    >>> is_real_date("1950-02-30"), is_real_date("1950-13-01"), is_real_date("1950-10-09T24:00")
    (False, False, False)
    """
    match = _ISO_DATE_TIME.fullmatch(iso)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(part) for part in match.groups(default="0"))
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


__all__ = [
    DateMatch.__name__,
    DateRule.__name__,
    Day.__name__,
    Reading.__name__,
    "Reader",
    "ENGLISH_MONTH_NAMES",
    "RUSSIAN_MONTH_STEMS",
    "ROMAN_MONTHS",
    "RULES",
    find_dates.__name__,
    parse_date.__name__,
    is_real_date.__name__,
]
