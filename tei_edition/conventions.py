"""Load the conventions table (`conventions.toml`): the signs of the sources as data.

Readers never hard-code a sign: they ask this module for the compiled table,
so an edition can add its own signs in `edition.toml` without touching code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from re import _constants as _sre  # the patterns as the engine parses them: see marks
from re import _parser as _sre_parser
from typing import Any, Final

_TABLE = Path(__file__).with_name("conventions.toml")


@dataclass(frozen=True)
class BracketSign:
    """One bracketed sign: its name, the pattern of its content, and the TEI it makes."""

    name: str
    pattern: re.Pattern[str]
    element: str
    attributes: dict[str, str]
    write: str


@dataclass(frozen=True)
class LineRule:
    """A whole-line rule: the kind of block (or event) a matching line is."""

    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Conventions:
    """The compiled conventions table."""

    brackets: tuple[BracketSign, ...]
    blocks: tuple[LineRule, ...]
    transmissions: tuple[LineRule, ...]
    addresses: tuple[re.Pattern[str], ...]
    opening_salute: re.Pattern[str]
    closing_salute: re.Pattern[str]
    signature_marks: re.Pattern[str]
    tex_math: re.Pattern[str]
    tex_superscript: re.Pattern[str]
    letterspaced: re.Pattern[str]
    ship: re.Pattern[str]
    function_words: frozenset[str]
    english_zipf_threshold: float
    kinds: tuple[str, ...]
    honorifics: tuple[str, ...]
    chrome: tuple[re.Pattern[str], ...]
    cable_number_lead: re.Pattern[str]
    ordinals: dict[str, int]
    numbered_item: re.Pattern[str]
    lettered_item: re.Pattern[str]
    bullet: re.Pattern[str]

    @cached_property
    def blocks_by_kind(self) -> dict[str, re.Pattern[str]]:
        """The first pattern of each block kind (made once: every unit asks for the page-break rule)."""
        found: dict[str, re.Pattern[str]] = {}
        for rule in self.blocks:
            found.setdefault(rule.kind, rule.pattern)
        return found

    @cached_property
    def any_chrome(self) -> re.Pattern[str] | None:
        """The chrome patterns as one (every line of every page is tried against them), or None.

        Patterns with groups are left apart (a back-reference would point at another
        pattern's group), as are any that do not compile side by side.
        """
        if not self.chrome or any(pattern.groups for pattern in self.chrome):
            return None
        try:
            return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in self.chrome))
        except re.error:
            return None


def _bracket(row: dict[str, Any]) -> BracketSign:
    attributes = {k: str(v) for k, v in row.items() if k not in {"name", "pattern", "element", "write"}}
    return BracketSign(row["name"], re.compile(row["pattern"]), row["element"], attributes, row.get("write", ""))


def compile_conventions(data: dict[str, Any], extra: dict[str, Any] | None = None) -> Conventions:
    """Compile a conventions table; `extra` (from edition.toml) adds signs tried first."""
    extra = extra or {}
    brackets = [*extra.get("bracket", []), *data["bracket"]]
    blocks = [*extra.get("block", []), *data["block"]]
    inline = data["inline"]
    documents = data["documents"]
    return Conventions(
        brackets=tuple(_bracket(row) for row in brackets),
        blocks=tuple(LineRule(row["kind"], re.compile(row["pattern"])) for row in blocks),
        transmissions=tuple(LineRule(row["event"], re.compile(row["pattern"])) for row in data["transmission"]),
        addresses=tuple(re.compile(row["pattern"]) for row in data["address"]),
        opening_salute=re.compile(data["salute"]["opening"]),
        closing_salute=re.compile(data["salute"]["closing"]),
        signature_marks=re.compile(data["signature"]["marks"]),
        tex_math=re.compile(inline["tex_math"]),
        tex_superscript=re.compile(inline["tex_superscript"]),
        letterspaced=re.compile(inline["letterspaced"]),
        ship=re.compile(inline["ship"]),
        function_words=frozenset(inline["function_words"]),
        english_zipf_threshold=float(inline["english_zipf_threshold"]),
        kinds=tuple(sorted(documents["kinds"], key=len, reverse=True)),
        honorifics=tuple(sorted(documents["honorifics"], key=len, reverse=True)),
        chrome=tuple(re.compile(p) for p in documents["chrome"]),
        cable_number_lead=re.compile(documents["cable_number_lead"]),
        ordinals={str(k): int(v) for k, v in data["sections"]["ordinals"].items()},
        numbered_item=re.compile(data["items"]["numbered"]),
        lettered_item=re.compile(data["items"]["lettered"]),
        bullet=re.compile(data["items"]["bullet"]),
    )


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when `text` holds none of the characters every match of `pattern` holds.

    A search that scans a whole text costs the engine a try at every character;
    most texts lack the one sign a pattern needs ("$", "^", a quotation mark),
    and finding that out is one quick scan for a character.
    """
    needed, run = _tests(pattern)
    if needed and (needed not in text if len(needed) == 1 else not any(mark in text for mark in needed)):
        return False
    return run is None or run.search(text) is not None


@lru_cache(maxsize=256)
def _tests(pattern: re.Pattern[str]) -> tuple[str, re.Pattern[str] | None]:
    """What may_match checks for a pattern, asked for once per call (it runs for every text)."""
    return marks(pattern), separated_run(pattern)


@lru_cache(maxsize=256)
def marks(pattern: re.Pattern[str]) -> str:
    """Characters one of which every match of `pattern` holds ("" when the pattern names none).

    Read from the parsed pattern, so an edition's own patterns get theirs: the
    first literal character, or class of literal characters, that every match
    must pass through (not inside an alternative, an optional part, a look-around
    or case-insensitive matching).
    """
    if pattern.flags & re.IGNORECASE:
        return ""
    try:
        return _marks(_sre_parser.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError, AttributeError):
        return ""


@lru_cache(maxsize=256)
def separated_run(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A quick pattern found in every text `pattern` matches in, or None: from a repeat of a character and a separator.

    Letter-spaced words (a letter and a space, three times or more, then a
    letter) hold " L L " (space, letter, space, letter, space): a search for
    that starts at the spaces only, where the pattern's own search tries every
    character, so a text without it is skipped at a fraction of the cost.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        source = _run(_sre_parser.parse(pattern.pattern, pattern.flags))
        return re.compile(source, pattern.flags) if source else None
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def _run(items: Any) -> str | None:
    """The run of the first repeat, done twice or more, that every match passes through."""
    for op, value in items:
        found = None
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 2:
            found = _separated(list(value[2]), value[0])
        elif op is _sre.SUBPATTERN and not value[1] & re.IGNORECASE:
            found = _run(value[3])
        elif op is _sre.ATOMIC_GROUP:
            found = _run(value)
        if found:
            return found
    return None


def _separated(body: list[Any], times: int) -> str | None:
    """`(?:Xc){n}` or `(?:cX){n}` (X one character, c a literal) holds c X c ... X c, n - 1 times X."""
    if len(body) == 1 and body[0][0] is _sre.SUBPATTERN and not body[0][1][1] & re.IGNORECASE:
        body = list(body[0][1][3])
    if len(body) != 2:
        return None
    (first_op, first), (second_op, second) = body
    if second_op is _sre.LITERAL:
        one, separator = _one_character(first_op, first), second
    elif first_op is _sre.LITERAL:
        one, separator = _one_character(second_op, second), first
    else:
        return None
    if one is None:
        return None
    between = re.escape(chr(separator))
    return between + (one + between) * (times - 1)


_CATEGORIES: Final = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}


def _one_character(op: Any, value: Any) -> str | None:
    """A literal or a class as pattern source again, or None for anything else."""
    if op is _sre.LITERAL:
        return re.escape(chr(value))
    if op is not _sre.IN:
        return None
    parts = []
    for member_op, member in value:
        if member_op is _sre.NEGATE and not parts:
            parts.append("^")
        elif member_op is _sre.LITERAL:
            parts.append(re.escape(chr(member)))
        elif member_op is _sre.RANGE:
            parts.append(f"{re.escape(chr(member[0]))}-{re.escape(chr(member[1]))}")
        elif member_op is _sre.CATEGORY and member in _CATEGORIES:
            parts.append(_CATEGORIES[member])
        else:
            return None
    return f"[{''.join(parts)}]"


def _marks(items: Any) -> str:
    for op, value in items:
        if op is _sre.LITERAL:
            return chr(value)
        found = ""
        if op is _sre.IN and all(member_op is _sre.LITERAL for member_op, _ in value):
            found = "".join(chr(member) for _, member in value)
        elif op is _sre.SUBPATTERN and not value[1] & re.IGNORECASE:
            found = _marks(value[3])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _marks(value[2])
        elif op is _sre.ATOMIC_GROUP:
            found = _marks(value)
        if found:
            return found
    return ""


@lru_cache(maxsize=1)
def default_table() -> dict[str, Any]:
    """The toolkit's own table, read once per process."""
    return tomllib.loads(_TABLE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_conventions() -> Conventions:
    """The toolkit's own conventions, compiled once per process."""
    return compile_conventions(default_table())


__all__ = [
    BracketSign.__name__,
    LineRule.__name__,
    Conventions.__name__,
    compile_conventions.__name__,
    default_table.__name__,
    default_conventions.__name__,
    may_match.__name__,
    marks.__name__,
    separated_run.__name__,
]
