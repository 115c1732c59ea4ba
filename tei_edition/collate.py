"""Collate the witnesses of one text word by word into a critical apparatus (parallel segmentation).

The alignment is our own, not CollateX: CollateX is GPLv3 and this toolkit is
MIT-licensed, and the editions it serves collate a handful of closely related
witnesses of one cable, for which a longest-common-subsequence alignment
(difflib's) of each witness against the base text is exact enough and has no
dependency to carry. How it works:

- each text block (paragraph, item, signature...) of a witness is aligned to a
  block of the base text by its opening words;
- within aligned blocks, the content is cut into tokens: words, punctuation
  marks, and inline elements (a name, a date, a note) as wholes; whitespace and
  line breaks are no tokens, so they are never variants;
- each witness is aligned to the base by its tokens; where any witness differs,
  the overlapping differences of all witnesses become one `app`, with a `lem`
  (the base reading and every witness that agrees) and one `rdg` per other
  reading, classed `punctuation` or `case` when that is all that differs.

Every witness's text can be read back from the apparatus (`witness_text`).
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from tei_edition.tei import el
from tei_edition.xmlio import TEI_NS

#: Elements that hold a run of text: the units blocks are aligned by.
LEAVES = frozenset({"p", "ab", "head", "item", "salute", "signed", "dateline", "trailer", "label"})
#: Elements that mark a place, not text: never variants.
MARKERS = frozenset({"lb", "pb", "cb", "milestone"})

_TOKEN = re.compile(r"[\w'’]+(?:[-‑][\w'’]+)*|[^\w\s]")


@dataclass
class Token:
    """A word, a punctuation mark, or an inline element; `key` is what is compared."""

    key: str
    item: str | etree._Element  # the word with the whitespace after it, or an element (tail cleared)
    space: str = ""  # whitespace after an element token

    @property
    def is_marker(self) -> bool:
        return not isinstance(self.item, str) and etree.QName(self.item).localname in MARKERS


# ---------------------------------------------------------------- tokens


def tokens_of(element: etree._Element) -> list[Token]:
    """The tokens of an element's content, in order."""
    tokens: list[Token] = []
    _text_tokens(element.text or "", tokens)
    for child in element:
        if isinstance(child, etree._Comment | etree._ProcessingInstruction):
            continue
        item = copy.deepcopy(child)
        tail = item.tail or ""
        item.tail = None
        key = etree.QName(child).localname + ":" + " ".join("".join(child.itertext()).split())
        leading = re.match(r"\s*", tail).group(0)
        tokens.append(Token(key, item, leading))
        _text_tokens(tail[len(leading):], tokens)
    return tokens


def _text_tokens(text: str, tokens: list[Token]) -> None:
    leading = re.match(r"\s*", text).group(0)
    if leading and tokens:
        _add_space(tokens[-1], leading)
    elif leading:
        tokens.append(Token("", leading))  # whitespace opening the content: kept, never compared
    for match in _TOKEN.finditer(text):
        end = match.end()
        space = re.match(r"\s*", text[end:]).group(0)
        tokens.append(Token(match.group(0), match.group(0) + space))


def _add_space(token: Token, space: str) -> None:
    if isinstance(token.item, str):
        token.item += space
    else:
        token.space += space


def _compared(tokens: list[Token]) -> list[int]:
    """Indexes of the tokens that take part in the comparison (not markers, not bare whitespace)."""
    return [i for i, t in enumerate(tokens) if t.key and not t.is_marker]


# ---------------------------------------------------------------- alignment


@dataclass(frozen=True)
class Witness:
    """A witness of a text: its id (without '#') and its version div."""

    wit: str
    div: etree._Element


def collate(base: Witness, others: list[Witness]) -> etree._Element:
    """One div: the base witness's text with an apparatus of every other witness's readings."""
    result = copy.deepcopy(base.div)
    result.set("source", " ".join(f"#{w.wit}" for w in [base, *others]))
    for page_break in result.iter(f"{{{TEI_NS}}}pb"):
        page_break.set("ed", f"#{base.wit}")  # a page of one witness is not a page of the others
    base_leaves = list(_leaves(result))
    alignments = []
    for witness in others:
        witness_div = copy.deepcopy(witness.div)
        witness_leaves = list(_leaves(witness_div))
        matched, extra = _align_blocks(base_leaves, witness_leaves)
        alignments.append((witness, matched, extra))
        _carry_page_breaks(witness, witness_div, witness_leaves, matched, base_leaves, result)
    for index, leaf in enumerate(base_leaves):
        readings = [(witness, matched.get(index), extra.get(index, [])) for witness, matched, extra in alignments]
        _collate_leaf(leaf, base.wit, readings)
    return result


def _carry_page_breaks(
    witness: Witness,
    div: etree._Element,
    leaves: list[etree._Element],
    matched: dict[int, etree._Element],
    base_leaves: list[etree._Element],
    result: etree._Element,
) -> None:
    """A witness's page breaks between blocks go into the collated text, marked as that witness's (`@ed`)."""
    base_of = {id(block): index for index, block in matched.items()}
    leaf_index = {id(leaf): n for n, leaf in enumerate(leaves)}
    previous: int | None = None
    for element in div.iter(f"{{{TEI_NS}}}*"):
        if id(element) in leaf_index:
            previous = leaf_index[id(element)]
            continue
        if etree.QName(element).localname != "pb" or any(id(a) in leaf_index for a in element.iterancestors()):
            continue
        page_break = el("pb", {"n": element.get("n"), "ed": f"#{witness.wit}"})
        anchor = next((base_of[id(leaves[k])] for k in range(previous, -1, -1) if id(leaves[k]) in base_of), None) if previous is not None else None
        if anchor is None:
            result.insert(0, page_break)
        else:
            page_break.tail = base_leaves[anchor].tail
            base_leaves[anchor].addnext(page_break)


def _leaves(div: etree._Element) -> Iterator[etree._Element]:
    for element in div.iter(f"{{{TEI_NS}}}*"):
        name = etree.QName(element).localname
        if name in LEAVES and not any(etree.QName(a).localname in LEAVES for a in element.iterancestors(f"{{{TEI_NS}}}*")):
            yield element


def _signature(leaf: etree._Element) -> str:
    words = _TOKEN.findall(" ".join("".join(leaf.itertext()).split()).lower())
    return etree.QName(leaf).localname + ":" + " ".join(w for w in words if w[0].isalnum())[:60]


def _align_blocks(base: list[etree._Element], witness: list[etree._Element]) -> tuple[dict[int, etree._Element], dict[int, list[etree._Element]]]:
    """Match witness blocks to base blocks; blocks only the witness has go after the base block before them."""
    matcher = difflib.SequenceMatcher(None, [_signature(b) for b in base], [_signature(w) for w in witness], autojunk=False)
    matched: dict[int, etree._Element] = {}
    extra: dict[int, list[etree._Element]] = {}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in {"equal", "replace"}:
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                matched[i1 + k] = witness[j1 + k]
            leftover = witness[j1 + pairs:j2]
            if leftover:
                extra.setdefault(max(i1 + pairs - 1, 0), []).extend(leftover)
        elif op == "insert":
            extra.setdefault(max(i1 - 1, 0), []).extend(witness[j1:j2])
    return matched, extra


def _collate_leaf(leaf: etree._Element, base_wit: str, readings: list[tuple[Witness, etree._Element | None, list[etree._Element]]]) -> None:
    base_tokens = tokens_of(leaf)
    compared = _compared(base_tokens)
    base_keys = [base_tokens[i].key for i in compared]
    spans: list[tuple[int, int, dict[str, list[Token]]]] = []  # base compared-index range -> witness tokens
    per_witness: list[tuple[str, list[Token], list[int], list[tuple[str, int, int, int, int]]]] = []
    for witness, block, extra_blocks in readings:
        tokens = tokens_of(block) if block is not None else []
        for extra in extra_blocks:
            tokens.append(Token("", el("lb")))
            tokens.extend(tokens_of(extra))
        witness_compared = _compared(tokens)
        keys = [tokens[j].key for j in witness_compared]
        opcodes = difflib.SequenceMatcher(None, base_keys, keys, autojunk=False).get_opcodes()
        per_witness.append((witness.wit, tokens, witness_compared, opcodes))
    intervals = sorted(
        (i1, i2) for _wit, _tokens, _compared, opcodes in per_witness for op, i1, i2, _j1, _j2 in opcodes if op != "equal"
    )
    clusters = _merge(intervals)
    for start, end in clusters:
        readings_here: dict[str, list[Token]] = {}
        for wit, tokens, witness_compared, opcodes in per_witness:
            j1, j2 = _map(opcodes, start, first=True), _map(opcodes, end, first=False)
            readings_here[wit] = _span(tokens, witness_compared, j1, j2)
            if start == end and readings_here[wit]:  # an addition keeps the space its witness had before it
                readings_here[wit].insert(0, Token("", _space_before(tokens, witness_compared[j1])))
        lemma = base_keys[start:end]
        if all(_spacing_only(lemma, [t.key for t in r]) for r in readings_here.values()):
            continue  # "1950 г." / "1950г.": the witnesses differ in spacing alone
        spans.append((start, end, readings_here))
    if not spans:
        return
    _rebuild(leaf, base_tokens, compared, base_wit, spans)


def _span(tokens: list[Token], compared: list[int], start: int, end: int) -> list[Token]:
    """The tokens from the `start`th compared token to the `end`th, line breaks between them included."""
    return tokens[compared[start]:compared[end - 1] + 1] if end > start else []


def _space_before(tokens: list[Token], index: int) -> str:
    """The whitespace that ends the token before `index` (where a witness's addition begins)."""
    if index == 0:
        return ""
    before = tokens[index - 1]
    if isinstance(before.item, str):
        return before.item[len(before.item.rstrip()):]
    return before.space


def _spacing_only(lemma: list[str], reading: list[str]) -> bool:
    """Readings that differ only where spaces fall, and not in how words divide ("front line" / "frontline")."""
    if lemma == reading:
        return True
    joined = _joined(lemma)
    return joined == _joined(reading) and not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", joined)


def _joined(keys: list[str]) -> str:
    """A reading with all spacing taken out: what must differ for a variant."""
    return "".join("".join(k.split(":", 1)[-1].split()) for k in keys)


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching differences of all witnesses become one place of variation."""
    merged: list[list[int]] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _map(opcodes: list[tuple[str, int, int, int, int]], index: int, first: bool) -> int:
    """The witness position of a base position (the start of a place of variation, or its end)."""
    candidates = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal" and i1 <= index <= i2:
            candidates.append(j1 + (index - i1))
            continue
        if index == i1:
            candidates.append(j1)
        if index == i2:
            candidates.append(j2)
    return min(candidates) if first else max(candidates)


def _rebuild(leaf: etree._Element, base_tokens: list[Token], compared: list[int], base_wit: str, spans: list[tuple[int, int, dict[str, list[Token]]]]) -> None:
    """Write the leaf's content again: base tokens, with an `app` at each place of variation."""
    for child in list(leaf):
        leaf.remove(child)
    leaf.text = None
    position = {c: n for n, c in enumerate(compared)}  # token index -> compared index
    span_at = {start: (start, end, readings) for start, end, readings in spans}
    inserts_at_end = [s for s in spans if s[0] == len(compared)]
    out: list[str | etree._Element] = []
    index = 0
    while index < len(base_tokens):
        token = base_tokens[index]
        n = position.get(index)
        if n is not None and n in span_at:
            start, end, readings = span_at.pop(n)
            lemma_tokens = _span(base_tokens, compared, start, end)
            if end == start:
                _space_additions(readings, out)
            out.append(_app(base_wit, lemma_tokens, readings))
            index = compared[end - 1] + 1 if end > start else index
            if end == start:  # an addition before this token: the token itself follows
                out.extend(_items(token))
                index += 1
            continue
        out.extend(_items(token))
        index += 1
    for start, _end, readings in inserts_at_end:
        if start in span_at:
            _space_additions(readings, out)
            out.append(_app(base_wit, [], readings))
    for item in out:
        if isinstance(item, str):
            if len(leaf):
                leaf[-1].tail = (leaf[-1].tail or "") + item
            else:
                leaf.text = (leaf.text or "") + item
        else:
            leaf.append(item)


def _space_additions(readings: dict[str, list[Token]], out: list[str | etree._Element]) -> None:
    """An addition opens with its witness's space only where the base text has none before it.

    "1 October 1950" in the base, "1 October 1950 at 3:00 a.m." in a witness: the
    reading is " at 3:00 a.m.", so the witness's text does not run together.
    """
    spaced = not out or (isinstance(out[-1], str) and out[-1][-1:].isspace())
    for tokens in readings.values():
        if tokens and not tokens[0].key and (spaced or not tokens[0].item):
            del tokens[0]


def _items(token: Token) -> list[str | etree._Element]:
    if isinstance(token.item, str):
        return [token.item]
    element = copy.deepcopy(token.item)
    return [element, token.space] if token.space else [element]


def _app(base_wit: str, lemma: list[Token], readings: dict[str, list[Token]]) -> etree._Element:
    lemma_keys = _keys(lemma)
    agreeing = [base_wit] + [wit for wit, tokens in readings.items() if _keys(tokens) == lemma_keys]
    groups: dict[tuple[str, ...], list[str]] = {}
    for wit, tokens in readings.items():
        keys = tuple(_keys(tokens))
        if list(keys) != lemma_keys:
            groups.setdefault(keys, []).append(wit)
    trailing = _trailing_space(lemma)
    app = el("app")
    lem = el("lem", {"wit": " ".join(f"#{w}" for w in agreeing)})
    _fill(lem, lemma)
    app.append(lem)
    kinds = []
    for keys, wits in groups.items():
        kind = variant_kind(lemma_keys, list(keys))
        kinds.append(kind)
        rdg = el("rdg", {"wit": " ".join(f"#{w}" for w in wits), "type": kind})
        _fill(rdg, readings[wits[0]], strip=bool(lemma))
        app.append(rdg)
    app.set("type", "substantive" if "substantive" in kinds or not kinds else kinds[0])
    app.tail = trailing
    return app


def _keys(tokens: list[Token]) -> list[str]:
    """What is compared of a reading: its words, marks and elements, not its line breaks."""
    return [t.key for t in tokens if t.key and not t.is_marker]


def _trailing_space(tokens: list[Token]) -> str:
    """The whitespace after the last token of a reading belongs after the `app`."""
    if not tokens:
        return ""
    last = tokens[-1]
    if isinstance(last.item, str):
        stripped = last.item.rstrip()
        space = last.item[len(stripped):]
        last.item = stripped
        return space
    space, last.space = last.space, ""
    return space


def _fill(parent: etree._Element, tokens: list[Token], strip: bool = True) -> None:
    """Put a reading's tokens into `lem` or `rdg`; its final space stays outside unless it is an addition."""
    items: list[str | etree._Element] = []
    for token in tokens:
        items.extend(_items(token))
    if strip and items and isinstance(items[-1], str):
        items[-1] = items[-1].rstrip()
    for item in items:
        if isinstance(item, str):
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + item
            else:
                parent.text = (parent.text or "") + item
        else:
            parent.append(item)


def variant_kind(lemma: list[str], reading: list[str]) -> str:
    """The class of a variant, so that readers can hide the minor ones.

    `word-division` when only the division into words differs ("front line" /
    "frontline"), `punctuation` when only punctuation, `case` when only letter
    case, else `substantive`.
    """
    def words(keys: list[str]) -> list[str]:
        return re.findall(r"\w+", " ".join(k.split(":", 1)[-1] for k in keys))

    if _joined(lemma) == _joined(reading):
        return "word-division"
    if words(lemma) == words(reading):
        return "punctuation"
    if [k.casefold() for k in lemma] == [k.casefold() for k in reading]:
        return "case"
    return "substantive"


# ---------------------------------------------------------------- reading back


def witness_text(element: etree._Element, wit: str) -> str:
    """The text of one witness as the apparatus records it (its readings, the lemma elsewhere)."""
    parts: list[str] = []
    _witness_parts(element, f"#{wit}", parts)
    return "".join(parts)


def _witness_parts(element: etree._Element, wit: str, parts: list[str]) -> None:
    name = etree.QName(element).localname
    if name == "app":
        chosen = next((r for r in element if wit in (r.get("wit") or "").split()), None)
        if chosen is not None:
            _witness_parts(chosen, wit, parts)
        parts.append(element.tail or "")
        return
    if name == "pb" and element.get("ed") and wit not in element.get("ed", "").split():
        parts.append(element.tail or "")
        return
    parts.append(element.text or "")
    for child in element:
        if isinstance(child, etree._Comment | etree._ProcessingInstruction):
            parts.append(child.tail or "")
            continue
        _witness_parts(child, wit, parts)
    if name in LEAVES or (name == "lb" and element.get("break") != "no"):  # a line break parts words too
        parts.append("\n")
    parts.append(element.tail or "")


def witness_div(div: etree._Element, wit: str) -> etree._Element:
    """One witness's text as a div of its own: its readings in place of each `app`, its pages only."""
    text = copy.deepcopy(div)
    for app in list(text.iter(f"{{{TEI_NS}}}app")):
        chosen = next((r for r in app if f"#{wit}" in (r.get("wit") or "").split()), None)
        _unwrap(app, chosen)
    for page_break in list(text.iter(f"{{{TEI_NS}}}pb")):
        editions = page_break.get("ed", "").split()
        if editions and f"#{wit}" not in editions:
            _unwrap(page_break, None)
        else:
            page_break.attrib.pop("ed", None)
    text.set("source", f"#{wit}")
    return text


def _unwrap(element: etree._Element, replacement: etree._Element | None) -> None:
    """Put the content of `replacement` (or nothing) where `element` stands, keeping the text around it."""
    parent = element.getparent()
    index = parent.index(element)
    pieces: list[str | etree._Element] = []
    if replacement is not None:
        pieces.append(replacement.text or "")
        pieces.extend(child for child in list(replacement))
    pieces.append(element.tail or "")
    parent.remove(element)
    for piece in pieces:
        if isinstance(piece, str):
            if index == 0:
                parent.text = (parent.text or "") + piece
            else:
                previous = parent[index - 1]
                previous.tail = (previous.tail or "") + piece
        else:
            parent.insert(index, piece)
            index += 1


__all__ = [
    Token.__name__,
    Witness.__name__,
    tokens_of.__name__,
    collate.__name__,
    variant_kind.__name__,
    witness_text.__name__,
    witness_div.__name__,
    "LEAVES",
    "MARKERS",
]
