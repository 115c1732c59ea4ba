"""A benchmark corpus: N cables made from the example edition's own source texts.

Each generated source is one of the edition's sources (in turn) with its dates
moved (day and year, every date of the text alike, so the text stays coherent),
its long numbers (cable and archive numbers) changed, and a few pairs of
neighbouring words swapped, all from a seeded random generator: the same N and
seed give the same bytes. Brackets, signs and layout are untouched, so every
editorial phenomenon of the sources is in the corpus in the same proportion.
Each variant of a template has its own year (and, past 126 variants, its own day
shift), and archive numbers change too, so generated cables are not witnesses of
one document (which the converter would merge) and rarely share an id.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from tei_edition.dates import find_dates
from tei_edition.readers import detect_form, get_reader
from tei_edition.conventions import compile_conventions, default_table
from tei_edition.sourcetext import read_source

#: The days a date can move to (every month has them).
DAYS = 28
#: The years dates move to (the edition's rules accept 1900 to today), and how far apart templates start.
FIRST_YEAR, YEARS = 1900, 126
YEARS_PER_TEMPLATE = 25

_NUMBER = re.compile(r"\d{4,}")
#: Fond, opis and delo numbers: changed so that no two cables are the same archive file.
_ARCHIVE_NUMBER = re.compile(r"(?i)(\b(?:fond|f\.|opis|op\.|delo|d\.)\s*)(\d{1,3})\b")
_WORD_PAIR = re.compile(r"\b([a-z]{3,}) ([a-z]{3,})\b")


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
    year = FIRST_YEAR + (template * YEARS_PER_TEMPLATE + variant) % YEARS
    shift = (variant // YEARS) % DAYS
    lines = []
    for line in text.split("\n"):
        line = _move_dates(line, shift, year)
        line = _change_numbers(line, rng)
        line = _ARCHIVE_NUMBER.sub(lambda m: m.group(1) + str(rng.randrange(1, 10 ** len(m.group(2)))), line)
        if "[" not in line and not any(c.isdigit() for c in line) and rng.random() < 0.3:
            line = _WORD_PAIR.sub(lambda m: f"{m.group(2)} {m.group(1)}", line, count=1)
        lines.append(line)
    return "\n".join(lines)


def _move_dates(line: str, shift: int, year: int) -> str:
    for match in reversed(find_dates(line, 1950)):
        found = re.match(r"(\d{4})-(\d{2})-(\d{2})", match.when)
        if not found:
            continue
        old_year, month, day = (int(g) for g in found.groups())
        new_day = (day - 1 + shift) % DAYS + 1
        written = re.sub(r"\d+", lambda t: _token(t.group(), old_year, month, day, new_day, year), match.text)
        line = line[: match.start] + written + line[match.end :]
    return line


def _token(token: str, old_year: int, month: int, day: int, new_day: int, year: int) -> str:
    value = int(token)
    if len(token) == 4 and value == old_year:
        return str(year)
    if len(token) == 2 and value == old_year % 100 and value != day:
        return f"{year % 100:02d}"
    if value == day and value != month and len(token) <= 2:
        return str(new_day).zfill(len(token))
    return token


def _change_numbers(line: str, rng: random.Random) -> str:
    def change(match: re.Match[str]) -> str:
        token = match.group()
        if re.fullmatch(r"1[89]\d\d|20\d\d", token):
            return token
        return str(rng.randrange(10 ** (len(token) - 1), 10 ** len(token)))

    return _NUMBER.sub(change, line)


__all__ = ["DAYS", "FIRST_YEAR", "YEARS", "YEARS_PER_TEMPLATE", documents_per_source.__name__, generate_corpus.__name__, vary.__name__]
