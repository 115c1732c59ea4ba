"""The kind of each unit of a document's text (a paragraph, a line of a cable's header): the line rules.

A unit is classified by the conventions table (classification, cable number,
transmission data, address, salutation, list item, signature, date line...):
the first line rule that claims its text decides. What a rule decides depends
on the text, on whether the unit before is a transmission line (a date line
continues one), and on the context year when the text has a digit (a date
written without its year); given those, the answer is the same every time, so a
converter keeps it for the lines its cables repeat ("Top Secret", "Coded, only
by wire", a signature).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tei_edition.conventions import Conventions, may_match
from tei_edition.dates import find_dates, parse_date
from tei_edition.inline import detex, regularise_debris
from tei_edition.registers import Entry, Registers


#: What a rule decides: the unit's kind, and the match that decided it (a rule's groups are read when building).
Kind = tuple[str, "re.Match[str] | None"]


class _Line(NamedTuple):
    """A unit's text as the line rules see it: as written, as read, whether a transmission line is before it, the year."""

    text: str
    expanded: str
    after_transmission: bool
    context_year: int | None


class LineKinds:
    """The line rules of one converter (its conventions, registers and archives), with the kinds of lines met kept."""

    def __init__(self, conventions: Conventions, registers: Registers, archives: re.Pattern[str] | None) -> None:
        self.conv = conventions
        self.registers = registers
        self.archives = archives  # any archive's name: a bracketed line starting with one is a source line
        self._kinds = lru_cache(maxsize=_KEPT_LINES)(self._kind)

    def kind(self, text: str, after_transmission: bool, context_year: int | None) -> Kind:
        """The kind of a unit's text: the first line rule's that claims it, else a paragraph."""
        return self._kinds(text, after_transmission, context_year if _DIGIT.search(text) else None)

    def _kind(self, text: str, after_transmission: bool, context_year: int | None) -> Kind:
        line = _Line(text, regularise_debris(expanded(text), self.conv), after_transmission, context_year)
        for rule in _LINE_RULES:
            found = rule(self, line)
            if found is not None:
                return found
        return "p", None

    # Line rules: each returns (kind, match) for a line it claims, else None. Tried in order.

    def _source_line(self, line: _Line) -> Kind | None:
        """`[Source: APRF, ...]`, `[APRF, ...]`: the archival reference, read into the header."""
        standalone = _STANDALONE_BRACKET.fullmatch(line.text)
        if standalone is None:
            return None
        content = standalone.group("content")
        if _SOURCE_LABEL.match(content) or (self.archives and self.archives.match(content)):
            return "source", None
        return None

    def _table_block(self, line: _Line) -> Kind | None:
        """The block rules of the conventions table (classification, cable number, distribution...)."""
        for rule in self.conv.blocks:
            match = rule.pattern.match(line.expanded)
            if match:
                return rule.kind, match
        return None

    def _transmission(self, line: _Line) -> Kind | None:
        """Sent, received, deciphered, typed... lines; a date line after one continues it."""
        for rule in self.conv.transmissions:
            if rule.pattern.match(line.expanded):
                return f"transmission:{rule.kind}", None
        if line.after_transmission and _starts_with_date(line.expanded, line.context_year):
            return "continuation", None
        return None

    def _address(self, line: _Line) -> Kind | None:
        """`PEKING, TO THE SOVIET AMBASSADOR`, `To Cdes. ...`: an address naming a person or office."""
        for pattern in self.conv.addresses:
            match = pattern.match(line.text)
            if match and self._names_in(line.text, ("persons", "organisations")):
                return "address", match
        return None

    def _salutation(self, line: _Line) -> Kind | None:
        if self.conv.opening_salute.match(line.text) and len(line.text) < 80:
            return "salute", None
        if self.conv.closing_salute.match(line.text):
            return "closing", None
        return None

    def _signature(self, line: _Line) -> Kind | None:
        return ("signature", None) if self._is_signature(line.text, line.context_year) else None

    def _dateline(self, line: _Line) -> Kind | None:
        """A short line that is a date, the editor's bracketed reading aside."""
        if len(line.text) < 60 and parse_date(_SPACED_BRACKET.sub("", line.text).rstrip("."), line.context_year):
            return "dateline", None
        return None

    def _section(self, line: _Line) -> Kind | None:
        """`First. ...`: a paragraph numbered by an ordinal word."""
        section = _SECTION_LABEL.match(line.text)
        if section and section.group("word") in self.conv.ordinals:
            return "section", section
        return None

    def _list_item(self, line: _Line) -> Kind | None:
        """`1. ...`, `a) ...`; a label inside OCR debris (`$1. \\mbox{To}$`) counts too."""
        for kind, pattern in (("numbered", self.conv.numbered_item), ("lettered", self.conv.lettered_item)):
            match = pattern.match(line.text)
            if match:
                return kind, match
            debris = self.conv.tex_math.match(line.text)
            if debris and pattern.match(detex(debris.group(0))):
                return kind, None
        return None

    def _names_in(self, text: str, registers: tuple[str, ...]) -> list[Entry]:
        return [m.entry for m in self.registers.find_names(text) if m.entry.register in registers]

    def _is_signature(self, text: str, context_year: int | None) -> bool:
        if self.conv.signature_marks.match(text):
            return True
        text = text.strip(_QUOTES)
        if any(q in text for q in _QUOTES) or len(text) > 100:
            return False
        bare = _BRACKET.sub(" ", text)
        bare = _NUMBER_LEAD.sub("", bare)
        if may_match(self.conv.letterspaced, bare):
            bare = self.conv.letterspaced.sub(lambda m: m.group(0).replace(" ", ""), bare)
        names = [m for m in self.registers.find_names(bare) if m.entry.register == "persons"]
        if not names:
            return False
        rest = bare
        for match in reversed(names):
            rest = rest[: match.start] + " " + rest[match.end:]
        rest = _INITIAL.sub(" ", rest)
        rest = _BETWEEN_NAMES.sub("", rest)
        if not rest:
            return True
        last = names[-1]
        tail = bare[last.end:].strip(" .")
        if tail and parse_date(tail, context_year):
            tail = ""  # "MAO ZEDONG 2.10.50": a signature dated
        return not tail and last.form.isupper() and len(last.form.replace(" ", "")) >= 4


_LINE_RULES = (LineKinds._source_line, LineKinds._table_block, LineKinds._transmission, LineKinds._address, LineKinds._salutation,
               LineKinds._signature, LineKinds._dateline, LineKinds._section, LineKinds._list_item)
#: How many lines' kinds a LineKinds keeps.
_KEPT_LINES = 1 << 12


def expanded(text: str) -> str:
    """The text with attached expansions read (`Dec[iphered by]` -> `Deciphered by`), for classifying."""
    return _ATTACHED_EXPANSION.sub(r"\1\2", text) if "[" in text else text


def _starts_with_date(text: str, context_year: int | None) -> bool:
    """True when a line opens with a date ("On 1.X.50 [1 October 1950]", "1.X..50 г.")."""
    dates = find_dates(text, context_year)
    return bool(dates) and len(text[: dates[0].start].split()) <= 1


_QUOTES = '"“”«»'
#: A digit: a text without one reads no date, so its kind does not depend on the context year
#: (regularising OCR debris takes digits away, never adds one).
_DIGIT = re.compile(r"\d")

# The line rules' own patterns, compiled once: every unit of every document is tried against them.
_ATTACHED_EXPANSION = re.compile(r"(\w)\[([^\]\[:]+)\]")
_STANDALONE_BRACKET = re.compile(r"\[(?P<content>[^\[\]]*)\]")
_SOURCE_LABEL = re.compile(r"(?i:source)\s*:\s*")
_SPACED_BRACKET = re.compile(r"\s*\[[^\]]*\]")
_SECTION_LABEL = re.compile(r"[\"“«]?(?P<label>(?P<word>[^\W\d_]+)\.)\s+")
_BRACKET = re.compile(r"\[[^\]]*\]")
_NUMBER_LEAD = re.compile(r"^(?:N[º°o]\.?|No\.|#)\s*\S+\s+")
_INITIAL = re.compile(r"\b[A-ZА-Я]\.\s*")
_BETWEEN_NAMES = re.compile(r"[\s(),.;]|\band\b|\bи\b")


__all__ = ["Kind", LineKinds.__name__, expanded.__name__]
