"""Read the inline signs of a line of source text into TEI phrase-level content.

Brackets are read first (with nesting), each classified by the conventions
table and by what stands before it (`M[inistry of]` is an expansion,
`Filippov [Stalin]` an identification, `5.7.50 [5 July 1950]` a normalised
date); the plain text between them is then searched for names, dates, OCR
debris, letter-spacing and words run together. Nothing is ever dropped: what
cannot be classified is kept whole in a `note type="unclassified"` and warned of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from tei_edition.conventions import BracketSign, Conventions, may_match
from tei_edition.dates import DateMatch, find_dates, parse_date
from tei_edition.errors import SourceError
from tei_edition.registers import Entry, NameMatch, Registers
from tei_edition.tei import Inline, el, qname

NAME_ELEMENT = {"persons": "persName", "places": "placeName", "organisations": "orgName"}


# ---------------------------------------------------------------- context


@dataclass
class Ledger:
    """What conversion of one source consumed as signs, counted, and warned of."""

    path: Path
    sign_text: list[str] = field(default_factory=list)
    phenomena: dict[str, int] = field(default_factory=dict)
    warnings: list[dict[str, object]] = field(default_factory=list)

    def consume(self, text: str) -> None:
        """Record source text that became markup rather than TEI text (a sign's label)."""
        if text:
            self.sign_text.append(text)

    def count(self, kind: str) -> None:
        """Count one editorial phenomenon of the source."""
        self.phenomena[kind] = self.phenomena.get(kind, 0) + 1

    def warn(self, line: int, kind: str, message: str) -> None:
        """Record a warning for the report, with its source line."""
        self.warnings.append({"line": line, "kind": kind, "message": message})


@dataclass
class Hands:
    """The hands one document uses: the scribe's, and each handwritten one met."""

    used: dict[str, str] = field(default_factory=dict)  # hand key -> xml:id

    def id_for(self, key: str) -> str:
        """The xml:id of the hand named by `key`, declaring it on first use."""
        if key not in self.used:
            self.used[key] = f"hand-{len(self.used) + 1}"
        return self.used[key]


@dataclass
class InlineContext:
    """Everything inline reading needs, for one document."""

    conventions: Conventions
    registers: Registers
    ledger: Ledger
    hands: Hands
    plain: PlainFinder
    """What plain text holds, kept per converter."""
    context_year: int | None = None
    line: int = 1
    entries_seen: dict[str, Entry] = field(default_factory=dict)
    """The register entries the document's names were read as, by their @ref (the body reads a name's entry back)."""


# ---------------------------------------------------------------- brackets


class _Bracket(NamedTuple):
    """A top-level bracket of a line: what it holds, and the column it opens at."""

    content: str
    column: int


#: A bracket, opening or closing.
_BRACKET_SIGNS = re.compile(r"[\[\]]")


def split_brackets(text: str, path: Path, line: int) -> list[str | _Bracket]:
    """Split a line into plain strings and top-level brackets (nested ones stay in content)."""
    if "[" not in text:  # most lines: no bracket to look for character by character
        return [text] if text else []
    parts: list[str | _Bracket] = []
    depth = 0
    start = 0
    opened_at = 0
    for sign in _BRACKET_SIGNS.finditer(text):  # the engine finds the brackets: the other characters need no step each
        index = sign.start()
        if text[index] == "[":
            if depth == 0:
                if index > start:
                    parts.append(text[start:index])
                opened_at = index
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                parts.append(_Bracket(text[opened_at + 1:index], opened_at + 1))
                start = index + 1
    if depth:
        raise SourceError(path, line, f"bracket opened at column {opened_at + 1} is never closed: {text[opened_at:opened_at + 40]!r}", opened_at + 1)
    if start < len(text):
        parts.append(text[start:])
    return parts


def read_inline(text: str, ctx: InlineContext) -> list[Inline]:
    """The TEI phrase-level content of a piece of source text."""
    out: list[Inline] = []
    pending = ""
    bracketed = False
    for part in split_brackets(text, ctx.ledger.path, ctx.line):
        if isinstance(part, str):
            pending += part
            continue
        absorbed, built = _read_bracket(part, pending, ctx)
        out.extend(read_plain(pending[: len(pending) - absorbed], ctx))
        out.extend(built)
        pending = ""
        bracketed = True
    out.extend(read_plain(pending, ctx))
    return _substitutions(out, ctx) if bracketed else out  # deletions and additions come from brackets only


def _substitutions(items: list[Inline], ctx: InlineContext) -> list[Inline]:
    """A deletion followed by an addition (only spaces between) is one substitution: `subst`."""
    out: list[Inline] = []
    index = 0
    while index < len(items):
        item = items[index]
        if _is(item, "del"):
            gap = 1 if index + 1 < len(items) and isinstance(items[index + 1], str) and not items[index + 1].strip() else 0
            following = items[index + 1 + gap] if index + 1 + gap < len(items) else None
            if following is not None and _is(following, "add"):
                ctx.ledger.count("substitution")
                if gap:
                    item.tail = items[index + 1]  # the space stays between the two readings
                out.append(el("subst", None, item, following))
                index += 2 + gap
                continue
        out.append(item)
        index += 1
    return out


def _is(item: Inline, name: str) -> bool:
    return not isinstance(item, str) and item.tag == qname(name)


#: What reading a bracket gives: how many characters before it the sign takes in, and its TEI.
_Result = tuple[int, list[Inline]] | None


def _read_bracket(bracket: _Bracket, before: str, ctx: InlineContext) -> tuple[int, list[Inline]]:
    """Classify one bracket; return how many characters of `before` it takes in, and its TEI."""
    content = bracket.content
    stripped = content.strip()
    for sign in ctx.conventions.brackets:
        match = sign.pattern.match(stripped)
        if match is None:
            continue
        result = _SIGN_BUILDERS[sign.element](sign, match, before, content, ctx)
        if result is not None:
            ctx.ledger.count(sign.name)
            return result
    for reader in _CONTEXT_READERS:
        result = reader(content, before, ctx)
        if result is not None:
            return result
    ctx.ledger.count("unclassified bracket")
    ctx.ledger.warn(ctx.line, "unclassified bracket", f"kept as note type=\"unclassified\": [{content}]")
    return 0, [el("note", {"type": "unclassified"}, read_inline(content, ctx))]


def _labelled(match: re.Match[str], content: str, ctx: InlineContext) -> str:
    """The text group of a labelled sign; the label around it is consumed as a sign."""
    text = match.groupdict().get("text") or ""
    ctx.ledger.consume(content.replace(text, " ", 1) if text else content)
    return text


def _build_add(sign: BracketSign, match: re.Match[str], before: str, content: str, ctx: InlineContext) -> _Result:
    text = _labelled(match, content, ctx)
    attributes = {"hand": "#" + ctx.hands.id_for(sign.attributes.get("hand", "handwritten"))}
    attributes["place"] = sign.attributes.get("place") or ("inline" if before.strip() else "margin")
    return 0, [el("add", attributes, read_inline(text, ctx))]


def _build_del(sign: BracketSign, match: re.Match[str], before: str, content: str, ctx: InlineContext) -> _Result:
    text = _labelled(match, content, ctx)
    attributes = {"rend": sign.attributes.get("rend", "strikethrough")}
    if "hand" in sign.attributes:
        attributes["hand"] = "#" + ctx.hands.id_for(sign.attributes["hand"])
    return 0, [el("del", attributes, read_inline(text, ctx))]


def _build_note(sign: BracketSign, match: re.Match[str], before: str, content: str, ctx: InlineContext) -> _Result:
    groups = match.groupdict()
    resp = sign.attributes.get("resp", "")
    if groups.get("initials"):
        person = ctx.registers.lookup(groups["initials"])
        if person is None or person.register != "persons":
            return None
        resp = person.ref
        ctx.ledger.consume(groups["initials"])
        text = groups["text"]
    else:
        text = _labelled(match, content, ctx)
    return 0, [el("note", {"type": sign.attributes["type"], "resp": resp}, read_inline(text, ctx))]


def _build_sic_corr(sign: BracketSign, match: re.Match[str], before: str, content: str, ctx: InlineContext) -> _Result:
    word = re.search(r"(\S+)(\s*)$", before)
    if word is None:
        return None
    correction = _labelled(match, content, ctx)
    absorbed = len(word.group(0))
    return absorbed, [el("choice", None, el("sic", None, word.group(1)), el("corr", {"resp": "#source-editor"}, read_inline(correction, ctx)))]


def _build_sic(sign: BracketSign, match: re.Match[str], before: str, content: str, ctx: InlineContext) -> _Result:
    word = re.search(r"(\S+)(\s*)$", before)
    if word is None:
        return None
    ctx.ledger.consume(content)
    return len(word.group(0)), [el("sic", None, word.group(1))]


def _build_gap(sign: BracketSign, match: re.Match[str], before: str, content: str, ctx: InlineContext) -> _Result:
    reason = sign.attributes["reason"]
    desc = match.groupdict().get("desc")
    if desc and desc.strip().lower() != reason:
        return 0, [el("gap", {"reason": reason}, el("desc", None, desc))]
    ctx.ledger.consume(content)
    return 0, [el("gap", {"reason": reason})]


_SIGN_BUILDERS: dict[str, Callable[[BracketSign, re.Match[str], str, str, InlineContext], _Result]] = {
    "add": _build_add,
    "del": _build_del,
    "note": _build_note,
    "sic-corr": _build_sic_corr,
    "sic": _build_sic,
    "gap": _build_gap,
}


# Brackets with no label: what they are depends on what stands before them.


def _expansion(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`M[inistry of]`: the bracket continues a word, so it expands an abbreviation."""
    stem = re.search(r"(\w+)$", before)
    if stem is None or not re.fullmatch(r"[^\W\d_][^\d\[\]:]*", content):
        return None
    ctx.ledger.count("expansion")
    return len(stem.group(1)), [el("expan", None, stem.group(1), el("ex", None, content))]


def _date_normalisation(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`5.7.50 [5 July 1950]`: an editor's reading of the date written before it."""
    normalised = parse_date(content.strip(), ctx.context_year)
    if normalised is None:
        return None
    stripped = before.rstrip()
    written = [d for d in find_dates(stripped, ctx.context_year) if d.end == len(stripped)]
    if not written:
        return None
    date = written[-1]
    when = _more_precise(normalised, date.when)
    ctx.ledger.count("date normalised by the editor")
    return len(before) - date.start, [
        el("date", {"when": when}, date.text, before[date.end:], el("supplied", {"reason": "normalisation", "resp": "#source-editor"}, content)),
    ]


def _more_precise(first: str, second: str) -> str:
    return first if len(first) >= len(second) else second


def _identification(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`Filippov [Stalin]`: the bracket names the register entry of the name before it."""
    entry = ctx.registers.lookup(content)
    if entry is None:
        return None
    ctx.ledger.count("identification")
    supplied = el("supplied", {"reason": "identification", "resp": "#source-editor"}, content)
    ctx.entries_seen[entry.ref] = entry
    name = _trailing_name(before, ctx)
    if name is None:
        return 0, [el(NAME_ELEMENT[entry.register], {"ref": entry.ref}, supplied)]
    return len(before) - name, [el(NAME_ELEMENT[entry.register], {"ref": entry.ref}, read_plain(before[name:], ctx, names=False), supplied)]


def _trailing_name(before: str, ctx: InlineContext) -> int | None:
    """Where the name that ends `before` starts (a register form, letter-spacing, or capitalised words)."""
    stripped = before.rstrip()
    if not stripped:
        return None
    matches = [m for m in ctx.registers.find_names(stripped) if m.end == len(stripped)]
    if matches:
        return matches[-1].start
    spaced = [m for m in ctx.conventions.letterspaced.finditer(stripped) if m.end() == len(stripped)]
    if spaced:
        return spaced[-1].start()
    capitalised = re.search(r"(?:[A-ZА-ЯЁ][\w'’.-]*\s+){0,2}[A-ZА-ЯЁ][\w'’-]*$", stripped)
    return capitalised.start() if capitalised else None


def _acronym(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`CC CPC [Central Committee of ...]`: the bracket spells out the capitals before it."""
    found = re.search(r"((?:[A-Z]{2,}\s+)*[A-Z]{2,})(\s*)$", before)
    if found is None:
        return None
    letters = found.group(1).replace(" ", "")
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’]*", content))
    if initials.upper() != letters.upper():
        return None
    ctx.ledger.count("acronym expanded")
    return len(found.group(0)), [el("choice", None, el("abbr", None, found.group(1)), el("expan", None, content))]


def _number_correction(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`8 [7]`: a number corrected by the editor."""
    found = re.search(r"(\d+)(\s*)$", before)
    if found is None or not re.fullmatch(r"\d+", content.strip()):
        return None
    ctx.ledger.count("sic with correction")
    return len(found.group(0)), [el("choice", None, el("sic", None, found.group(1)), el("corr", {"resp": "#source-editor"}, content))]


def _gloss(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`1 [First]`: words the editor gives for a number before them."""
    if not re.search(r"\d\s*$", before) or not re.fullmatch(r"[^\W\d_][\w'’ -]*", content):
        return None
    ctx.ledger.count("gloss")
    return 0, [el("supplied", {"reason": "gloss", "resp": "#source-editor"}, content)]


def _transliteration(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`[instantsiya]`: lowercase Latin words none of which is English are transliterated Russian."""
    if not re.fullmatch(r"[a-z][a-z'’ -]*", content.strip()):
        return None
    words = [w for w in re.split(r"[\s-]+", content.strip()) if len(w) >= 3]
    if not words or any(_is_english(w, ctx.conventions.english_zipf_threshold) for w in words):
        return None
    ctx.ledger.count("transliterated Russian term")
    return 0, [el("foreign", {"xml:lang": "ru-Latn"}, content)]


@lru_cache(maxsize=65536)
def _is_english(word: str, threshold: float) -> bool:
    return zipf_frequency(word.replace("’", "'"), "en") >= threshold


def _supplied(content: str, before: str, ctx: InlineContext) -> tuple[int, list[Inline]] | None:
    """`[the possibility]`: a few words the translator or editor supplied for the sense."""
    words = content.split()
    if not words or len(words) > 8 or not re.fullmatch(r"[^\W\d_][\w'’.,\- ]*", content.strip()):
        return None
    ctx.ledger.count("supplied words")
    return 0, [el("supplied", {"reason": "omitted", "resp": "#source-editor"}, read_plain(content, ctx))]


_CONTEXT_READERS = (
    _expansion,
    _date_normalisation,
    _acronym,
    _identification,
    _number_correction,
    _gloss,
    _transliteration,
    _supplied,
)


# ---------------------------------------------------------------- plain text


class _Span(NamedTuple):
    """A stretch of plain text one finder claims, and what builds its TEI from `data` (a tuple: spans are many).

    Spans are data only, so the spans of a text are kept for the next time it is
    read (PlainFinder); building counts and notes what the document holds.
    """

    start: int
    end: int
    build: Callable[[Any, InlineContext], list[Inline]]
    data: Any


class PlainFinder:
    """What the finders claim in plain text, kept for texts read again; one per converter.

    A finder's spans depend on the text and the converter's conventions and
    registers, and the dates' on the context year too: a cable's recurring lines
    and pieces ("Top Secret", "No. ", a signature, the words between two
    brackets) are searched by the other finders once, not each time, and the
    spans they keep are settled against each other once: what is left to do for
    a text met again is its dates, and only when it has some.
    """

    def __init__(self, conventions: Conventions, registers: Registers) -> None:
        self.conventions = conventions
        self.registers = registers
        self.plain_words: set[str] = set()
        """The words met so far that are not run together (see _run_together)."""
        self._found = lru_cache(maxsize=_KEPT_TEXTS)(self._find)

    def spans(self, text: str, context_year: int | None, names: bool) -> tuple[_Span, ...] | list[_Span]:
        """The spans of a text, in text order; where spans overlap, the earlier finder's is kept."""
        kept = self._found(text, names)
        dates = _dates(text, self, context_year)
        if not dates:
            return kept.alone
        spans = list(kept.before)
        _keep(spans, dates)
        _keep(spans, kept.after)
        spans.sort(key=_start)
        return spans

    def _find(self, text: str, names: bool) -> _Kept:
        """What the finders that do not read the context year claim (kept: see the class)."""
        before: list[_Span] = []
        for finder in _BEFORE_DATES if names else _BEFORE_DATES_IN_A_NAME:
            _keep(before, finder(text, self, None))
        after = tuple(span for finder in _AFTER_DATES for span in finder(text, self, None))
        alone = list(before)
        _keep(alone, after)
        alone.sort(key=_start)
        return _Kept(tuple(before), after, tuple(alone))


class _Kept(NamedTuple):
    """The spans of a text that do not depend on the context year, as PlainFinder keeps them."""

    before: tuple[_Span, ...]
    """What the finders before the dates' keep, in the order kept (an earlier finder's span wins)."""
    after: tuple[_Span, ...]
    """Every span of the finders after the dates', to be kept where no date or earlier span is."""
    alone: tuple[_Span, ...]
    """The text's spans when it holds no date, in text order."""


def _keep(spans: list[_Span], found: Iterable[_Span]) -> None:
    """Add each span found that overlaps none of `spans` (those of an earlier finder, or found before it)."""
    for span in found:
        if not spans or all(span.end <= s.start or span.start >= s.end for s in spans):
            spans.append(span)


#: How many texts a PlainFinder keeps the spans of.
_KEPT_TEXTS = 1 << 12


def read_plain(text: str, ctx: InlineContext, names: bool = True) -> list[Inline]:
    """Plain text (no brackets) as TEI: OCR debris, letter-spacing, names, dates, run-together words."""
    if not text:
        return []
    spans = ctx.plain.spans(text, ctx.context_year, names)
    if not spans:
        return [text]
    out: list[Inline] = []
    position = 0
    for span in spans:  # the text between spans, where there is some (the builders make elements only)
        if span.start > position:
            out.append(text[position:span.start])
        out.extend(span.build(span.data, ctx))
        position = span.end
    if position < len(text):
        out.append(text[position:])
    return out


def _start(span: _Span) -> int:
    return span.start


def _tex_debris(text: str, finder: PlainFinder, context_year: int | None) -> list[_Span]:
    spans = []
    conventions = finder.conventions
    for match in conventions.tex_math.finditer(text) if may_match(conventions.tex_math, text) else ():
        regular = detex(match.group(0))
        spans.append(_Span(match.start(), match.end(), _build_choice, (match.group(0), regular, "OCR debris")))
    for match in conventions.tex_superscript.finditer(text) if may_match(conventions.tex_superscript, text) else ():
        regular = superscript_regular(match)
        spans.append(_Span(match.start(), match.end(), _build_choice, (match.group(0), regular, "OCR debris")))
    return spans


def superscript_regular(match: re.Match[str]) -> str:
    """`N^{ϱ}`: a superscript o after a letter is the numero sign's; other superscripts are kept."""
    sup = match.group("sup")
    return match.group("base") + ("º" if sup in {"o", "ϱ", "°", "0", "ο"} else sup)


def regularise_debris(text: str, conventions: Conventions) -> str:
    """The text as the page's reader saw it, every piece of OCR debris regularised."""
    if may_match(conventions.tex_math, text):
        text = conventions.tex_math.sub(lambda m: detex(m.group(0)), text)
    return conventions.tex_superscript.sub(superscript_regular, text) if may_match(conventions.tex_superscript, text) else text


def detex(tex: str) -> str:
    """What a reader of the page saw where TeX leaked: commands and their braces removed."""
    text = tex.strip("$")
    text = re.sub(r"\\[a-zA-Z]+\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\\\s|\\\\|\\[a-zA-Z]+", " ", text)
    return " ".join(text.replace("{", "").replace("}", "").split())


def _build_choice(data: tuple[str, str, str], ctx: InlineContext) -> list[Inline]:
    """`choice` of the text as written and as regularised; `data` is both and the phenomenon counted."""
    orig, regular, kind = data
    ctx.ledger.count(kind)
    return [el("choice", None, el("orig", None, orig), el("reg", None, regular))]


def _ships(text: str, finder: PlainFinder, context_year: int | None) -> list[_Span]:
    """`USS "Missouri"`: a ship's name, prefix and quotation marks included."""
    if not may_match(finder.conventions.ship, text):
        return []
    return [_Span(match.start(), match.end(), _build_ship, match.group(0)) for match in finder.conventions.ship.finditer(text)]


def _build_ship(name: str, ctx: InlineContext) -> list[Inline]:
    ctx.ledger.count("ship name")
    return [el("name", {"type": "ship"}, name)]


def _letterspacing_only(text: str, finder: PlainFinder, context_year: int | None) -> list[_Span]:
    """Letter-spaced words inside a name the caller marks up itself."""
    return _letterspacing(text, finder, context_year, wrap_names=False)


def _letterspacing(text: str, finder: PlainFinder, context_year: int | None, wrap_names: bool = True) -> list[_Span]:
    letterspaced = finder.conventions.letterspaced
    if not may_match(letterspaced, text):
        return []
    return [_Span(match.start(), match.end(), _build_letterspaced, (match.group(0).replace(" ", ""), wrap_names))
            for match in letterspaced.finditer(text)]


def _build_letterspaced(data: tuple[str, bool], ctx: InlineContext) -> list[Inline]:
    word, wrap_names = data
    ctx.ledger.count("letter-spaced word")
    hi = el("hi", {"rend": "letterspaced"}, word)
    entry = ctx.registers.lookup(word) if wrap_names else None
    if entry is None:
        return [hi]
    ctx.entries_seen[entry.ref] = entry
    return [el(NAME_ELEMENT[entry.register], {"ref": entry.ref}, hi)]


def _names(text: str, finder: PlainFinder, context_year: int | None) -> list[_Span]:
    return [_Span(match.start, match.end, _build_name, match) for match in finder.registers.find_names(text)]


def _build_name(match: NameMatch, ctx: InlineContext) -> list[Inline]:
    ctx.entries_seen[match.entry.ref] = match.entry
    element = NAME_ELEMENT[match.entry.register]
    if match.kind == "misreading":
        ctx.ledger.count("OCR misreading of a name")
        content: Inline = el("choice", None, el("orig", None, match.form), el("reg", None, match.regular))
    else:
        content = match.form
    return [el(element, {"ref": match.entry.ref}, content)]


def _dates(text: str, finder: PlainFinder, context_year: int | None) -> list[_Span]:
    return [_Span(match.start, match.end, _build_date, match) for match in find_dates(text, context_year)]


def _build_date(match: DateMatch, ctx: InlineContext) -> list[Inline]:
    return [el("date", {"when": match.when}, match.text)]


def _run_together(text: str, finder: PlainFinder, context_year: int | None) -> list[_Span]:
    """`andKorea`, `Seoulthe`: a function word run into a name, a space lost in transmission.

    Most words were met before: the text's words less those known not to be run
    together (a set difference, in C) are the few to look at.
    """
    spans: list[_Span] = []
    small = finder.conventions.function_words
    plain = finder.plain_words
    unknown = set(_NOT_ASCII_LOWER_WORD.findall(text)).difference(plain)
    if not unknown:
        return spans  # the usual text: no word is run together, and no word needs its place
    found = False
    for word in unknown:
        if len(word) < 3 or word == word.lower() or _split_run_together(word, small, finder.registers) is None:
            plain.add(word)
        else:
            found = True
    if len(plain) > _PLAIN_WORDS_KEPT:
        plain.clear()
    if not found:
        return spans
    for match in _NOT_ASCII_LOWER_WORD.finditer(text):
        word = match.group(0)
        if len(word) < 3 or word == word.lower():  # both ways of running together need a capital: skip the usual word fast
            continue
        split = _split_run_together(word, small, finder.registers)
        if split is None:
            continue
        regular = f"{word[:split]} {word[split:]}"
        spans.append(_Span(match.start(), match.end(), _build_choice, (word, regular, "words run together")))
    return spans


#: How many words PlainFinder.plain_words holds before it is emptied.
_PLAIN_WORDS_KEPT = 200_000


#: A word of letters only with a letter other than a-z in it: the words of three letters or more that could have
#: a capital (`[^\W\d_]{3,}` between word boundaries), found by the engine, not one by one (most words are a-z only).
#: Possessive (`*+`): a run of letters not followed as the rule needs is not tried again shorter (never a match).
_NOT_ASCII_LOWER_WORD = re.compile(r"\b[a-z]*+[^\W\d_a-z][^\W\d_]*+\b")


#: What read_plain looks for, in order of precedence: the finders before the dates (whose spans depend on the
#: context year: a date written without its year), the dates, the finders after them; inside a name the caller
#: marks up, no names.
_BEFORE_DATES = (_tex_debris, _ships, _letterspacing, _names)
_BEFORE_DATES_IN_A_NAME = (_tex_debris, _ships, _letterspacing_only)
_AFTER_DATES = (_run_together,)


@lru_cache(maxsize=65536)
def _split_run_together(word: str, small: frozenset[str], registers: Registers) -> int | None:
    """Where a function word meets the name it ran into, trying the places nearest the start first.

    Every capitalised word of every text passes here, most of them many times
    ("Korea", "Soviet"), so the answers are kept; and only the places a function
    word could end or begin at are tried.
    """
    size = len(word)
    lengths = _lengths(small)
    for split in sorted({n for n in lengths if n < size} | {size - n for n in lengths if 0 < size - n}):
        head, tail = word[:split], word[split:]
        if head in small and tail[0].isupper() and tail[1:].islower() and registers.lookup(tail):
            return split
        if tail in small and head[0].isupper() and head[1:].islower() and registers.lookup(head):
            return split
    return None


@lru_cache(maxsize=16)
def _lengths(words: frozenset[str]) -> frozenset[int]:
    """The lengths of the (non-empty) function words."""
    return frozenset(len(word) for word in words if word)


__all__ = [
    Ledger.__name__,
    Hands.__name__,
    InlineContext.__name__,
    PlainFinder.__name__,
    split_brackets.__name__,
    read_inline.__name__,
    read_plain.__name__,
    detex.__name__,
    superscript_regular.__name__,
    regularise_debris.__name__,
    "NAME_ELEMENT",
]
