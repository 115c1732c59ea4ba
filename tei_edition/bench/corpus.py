"""A benchmark corpus: N cables made from the example edition's own source texts.

Each generated source is one of the edition's sources (in turn) with its dates
moved, its long numbers (cable and archive numbers) changed, and a few pairs of
neighbouring words swapped, all from a seeded random generator: the same N and
seed give the same bytes. Brackets, signs and layout are untouched, so every
editorial phenomenon of the sources is in the corpus in the same proportion.
Each variant of a template has its own year (and, past 100 variants, its days
moved within their months), and archive numbers change too, so generated cables
are not witnesses of one document (which the converter would merge) and rarely
share an id. Dates keep their order and their times (a cable is sent, received
and deciphered in the order its source says), so a generated corpus is as valid
as its templates: a benchmark's builds measure the work, not the error paths.
"""

from __future__ import annotations

import calendar
import itertools
import random
import re
from pathlib import Path
from typing import NamedTuple

from tei_edition.dates import DateMatch, find_dates
from tei_edition.readers import detect_form, get_reader
from tei_edition.conventions import compile_conventions, default_table
from tei_edition.sourcetext import read_source

#: The years dates move to, and how far apart templates start: the twentieth century, where a year
#: written with two digits (10/09/50) is read as written (tei_edition.dates reads 19yy).
FIRST_YEAR, YEARS = 1900, 100
YEARS_PER_TEMPLATE = 25
#: The year of the templates' dates written without one; a template's dates move as this year moves to the variant's.
CONTEXT_YEAR = 1950

_NUMBER = re.compile(r"\d{4,}")
#: Fond, opis and delo numbers: changed so that no two cables are the same archive file.
_ARCHIVE_NUMBER = re.compile(r"(?i)(\b(?:fond|f\.|opis|op\.|delo|d\.)\s*)(\d{1,3})\b")
_WORD_PAIR = re.compile(r"\b([a-z]{3,}) ([a-z]{3,})\b")
_DIGITS = re.compile(r"\d+")
#: A date's @when value: a day, or a day and time.
_WHEN = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:T(?P<hour>\d{2}):(?P<minute>\d{2}))?")


def documents_per_source(paths: list[Path]) -> dict[Path, int]:
    """How many documents each template source holds (its reader says)."""
    conventions = compile_conventions(default_table(), None)
    counts = {}
    for path in paths:
        lines = read_source(path, None)
        counts[path] = len(get_reader(detect_form(lines)).read(path, lines, conventions).documents)
    return counts


def generate_corpus(templates: list[Path], n: int, out: Path, seed: int = 1950) -> list[Path]:
    """Write generated source texts holding `n` cables in all into `out`; their paths, in order."""
    out.mkdir(parents=True, exist_ok=True)
    counts = documents_per_source(templates)
    single = [t for t in templates if counts[t] == 1] or templates
    written: list[Path] = []
    variants = {template: 0 for template in templates}
    cables, index = 0, 0
    while cables < n:
        cycle = templates if n - cables >= sum(counts.values()) else single
        template = cycle[index % len(cycle)]
        variant = variants[template]
        variants[template] += 1
        rng = random.Random(seed * 1_000_003 + index)
        text = vary(template.read_text(encoding="utf-8"), templates.index(template), variant, rng)
        path = out / f"{index:06d}_{template.name}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        cables += counts[template]
        index += 1
    return written


def vary(text: str, template: int, variant: int, rng: random.Random) -> str:
    """One variant of a source text: dates moved, numbers changed, some word pairs swapped."""
    lines = text.split("\n")
    found = [[_Date.of(match) for match in find_dates(line, CONTEXT_YEAR)] for line in lines]
    years = FIRST_YEAR + (template * YEARS_PER_TEMPLATE + variant) % YEARS - CONTEXT_YEAR
    shifts = _day_shifts([date for dates in found for date in dates if date is not None], years, variant // YEARS)
    varied = []
    for line, dates in zip(lines, found):
        for date in reversed(dates):
            if date is not None:
                line = line[: date.match.start] + date.moved(years, shifts[date.month_of(years)]) + line[date.match.end :]
        line = _change_numbers(line, rng)
        line = _ARCHIVE_NUMBER.sub(lambda m: m.group(1) + str(rng.randrange(1, 10 ** len(m.group(2)))), line)
        if "[" not in line and not any(c.isdigit() for c in line) and rng.random() < 0.3:
            line = _WORD_PAIR.sub(lambda m: f"{m.group(2)} {m.group(1)}", line, count=1)
        varied.append(line)
    return "\n".join(varied)


class _Date(NamedTuple):
    """A date found in a source line, with the digits of its text that are its day and year (not its time's)."""

    match: DateMatch
    year: int
    month: int
    day: int
    days: tuple[tuple[int, int], ...]
    """Where the day is written in the match's text (start, end), each place."""
    years: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, match: DateMatch) -> _Date | None:
        """The date of a match, if it has a day (a time alone has none)."""
        found = _WHEN.match(match.when)
        if found is None:
            return None
        year, month, day = (int(found.group(name)) for name in ("year", "month", "day"))
        clock = _clock(match.text, found)
        tokens = [t for t in _DIGITS.finditer(match.text) if t.start() not in clock]
        days = tuple(t.span() for t in tokens if len(t.group()) <= 2 and int(t.group()) == day != month)
        years = tuple(t.span() for t in tokens if (len(t.group()) == 4 and int(t.group()) == year)
                      or (len(t.group()) == 2 and int(t.group()) == year % 100 != day))
        return cls(match, year, month, day, days, years)

    def month_of(self, years: int) -> tuple[int, int]:
        """The year (moved) and month: a month's dates move by the same number of days."""
        return self.year + years, self.month

    def moved(self, years: int, days: int) -> str:
        """The match's text with the year moved by `years` and the day by `days`, written as before (09, 9)."""
        text = self.match.text
        for start, end in sorted(self.days + self.years, reverse=True):
            if (start, end) in self.days:
                value = str(self.day + days).zfill(end - start if text[start] == "0" else 1)
            else:
                value = str(self.year + years) if end - start == 4 else f"{(self.year + years) % 100:02d}"
            text = text[:start] + value + text[end:]
        return text


def _clock(text: str, when: re.Match[str]) -> set[int]:
    """Where the hour and minute of a date's time start in its text (an hour and its minutes written
    next to each other, 12.50, 3:00, 3ч.00м.): they are not its day or year, whatever their value."""
    if when.group("hour") is None:
        return set()
    hour, minute = int(when.group("hour")), int(when.group("minute"))
    tokens = list(_DIGITS.finditer(text))
    for first, second in itertools.pairwise(tokens):
        gap = text[first.end() : second.start()]
        if len(gap) <= 2 and not gap.isspace() and int(first.group()) % 12 == hour % 12 and int(second.group()) == minute:
            return {first.start(), second.start()}
    return set()


def _day_shifts(dates: list[_Date], years: int, step: int) -> dict[tuple[int, int], int]:
    """How many days each month's dates move in a variant (the `step`-th of its year): every date of a
    month alike, each within its month, so dates keep their order (a cable is not deciphered before it
    is received) and stay real days. A month moves `step` days on, or wraps round to back: across the
    days its dates leave free before the first and after the last. A month with a date whose day is
    not written apart from its month (10.10) does not move."""
    months: dict[tuple[int, int], list[_Date]] = {}
    for date in dates:
        months.setdefault(date.month_of(years), []).append(date)
    shifts = {}
    for (year, month), held in months.items():
        if not all(date.days for date in held):
            shifts[year, month] = 0
            continue
        back = min(date.day for date in held) - 1
        on = calendar.monthrange(year, month)[1] - max(date.day for date in held)
        shifts[year, month] = (step + back) % (back + on + 1) - back
    return shifts


def _change_numbers(line: str, rng: random.Random) -> str:
    def change(match: re.Match[str]) -> str:
        token = match.group()
        if re.fullmatch(r"1[89]\d\d|20\d\d", token):
            return token
        return str(rng.randrange(10 ** (len(token) - 1), 10 ** len(token)))

    return _NUMBER.sub(change, line)


__all__ = ["CONTEXT_YEAR", "FIRST_YEAR", "YEARS", "YEARS_PER_TEMPLATE", documents_per_source.__name__, generate_corpus.__name__, vary.__name__]
