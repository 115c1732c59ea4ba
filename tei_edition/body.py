"""Build the TEI body of one version of a document from its source lines.

Lines become units (a paragraph, or a line of a cable's header), each unit is
classified by the conventions table (classification, cable number,
transmission data, address, salutation, list item, signature, date line...),
and the units are assembled into the structure TEI asks for: the text's
blocks, a `closer` from the signature on, a `postscript` for what follows the
signature, nested `div`s for a letter that opens after a cable's header lines
and for attachments. The facts the header needs (cable numbers, transmission
times, addressees, signers, archival references) are collected on the way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from tei_edition.inline import InlineContext, detex, read_inline
from tei_edition.linekinds import LineKinds, expanded as expanded_text
from tei_edition.model import Line, Version
from tei_edition.registers import Entry
from tei_edition.tei import Inline, el

# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class Transmission:
    """One transmission event of a cable: sent, received, deciphered, typed..."""

    event: str
    when: str
    persons: tuple[Entry, ...]
    text: str
    lang: str  # the language the line is written in


@dataclass(frozen=True)
class Embedded:
    """A text quoted whole inside the document (a message conveyed, a letter cited)."""

    suffix: str  # appended to the document's id for the floatingText's xml:id
    signers: tuple[Entry, ...]
    date: str
    lang: str
    line: int


@dataclass
class BodyFacts:
    """What the header needs to know from a document's body."""

    cable_numbers: list[str] = field(default_factory=list)
    transmissions: list[Transmission] = field(default_factory=list)
    addressees: list[Entry] = field(default_factory=list)
    address_places: list[Entry] = field(default_factory=list)
    saluted: list[Entry] = field(default_factory=list)  # whom the first salutation names ("Comrade STALIN I.V.")
    signers: list[tuple[Entry, str]] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    classification: list[str] = field(default_factory=list)
    priority: list[str] = field(default_factory=list)
    sources: list[Line] = field(default_factory=list)  # archival source lines, read into the header
    embedded: list[Embedded] = field(default_factory=list)
    positions: dict[etree._Element, int] = field(default_factory=dict)  # block -> source line


# ---------------------------------------------------------------- units


@dataclass
class Unit:
    """A paragraph or a header line of the source: one or more joined lines."""

    lines: list[Line]
    text: str
    blank_before: int
    kind: str = "p"
    match: re.Match[str] | None = None
    edge: str = ""  # "top" or "bottom" for the first and last unit of a version
    inner: list[Unit] = field(default_factory=list)  # the units of an embedded text

    @property
    def line(self) -> int:
        return self.lines[0].number


_TERMINAL = tuple('.!?:;"”»)')


def make_units(lines: list[Line]) -> list[Unit]:
    """Group non-blank lines into units; a line that starts in lowercase continues an unfinished one."""
    units: list[Unit] = []
    blanks = 0
    for line in lines:
        text = line.text.strip()
        if not text:
            blanks += 1
            continue
        previous = units[-1] if units else None
        if previous and text[0].islower() and not previous.text.endswith(_TERMINAL) and not text.startswith(("a)", "b)")):
            previous.lines.append(line)
            previous.text = f"{previous.text} {text}"
        else:
            units.append(Unit([line], text, blanks))
        blanks = 0
    return units


# ---------------------------------------------------------------- classifying


class BodyBuilder:
    """Builds the body `div` of each version of one document."""

    def __init__(self, ctx: InlineContext, facts: BodyFacts, kinds: LineKinds) -> None:
        self.ctx = ctx
        self.conv = ctx.conventions
        self.facts = facts
        self.kinds = kinds

    # -- classify

    def classify(self, unit: Unit, previous: Unit | None = None) -> None:
        """Set the unit's kind, and the match that decided it: the first line rule that claims it (linekinds)."""
        pagebreak = self.conv.blocks_by_kind["pagebreak"].match(unit.text)
        text = self.conv.bullet.sub("", unit.text) if self.conv.bullet.match(unit.text) and not pagebreak else unit.text
        if text != unit.text:
            self.ctx.ledger.consume(unit.text[: len(unit.text) - len(text)])
            unit.text = text
        after_transmission = previous is not None and previous.kind.startswith("transmission:")
        unit.kind, unit.match = self.kinds.kind(text, after_transmission, self.ctx.context_year)

    # -- build

    def build_version(self, version: Version, number: int | None, doc_id: str) -> etree._Element:
        """The `div` of one version: its blocks, and nested divs for a letter and attachments."""
        units = make_units(version.lines)
        for index, unit in enumerate(units):
            self.classify(unit, units[index - 1] if index else None)
        units = _join_continuations(units)
        if units:
            units[0].edge, units[-1].edge = "top", "bottom"
        sources = [u for u in units if u.kind == "source"]
        for unit in sources:
            self.facts.sources.extend(unit.lines)
        units = [u for u in units if u.kind != "source"]
        suffix = version.lang + (str(number) if number else "")
        self.lang = version.lang
        div = el("div", {"type": version.kind, "xml:lang": version.lang, "xml:id": f"{doc_id}-{suffix}", "n": str(number) if number else None})
        parts = self._split_parts(units)
        if len(parts) == 1:
            self._append_all(div, self._build_part(parts[0]))
        else:
            for index, part in enumerate(parts):
                kind = "main" if index == 0 else "attachment"
                child = el("div", {"type": kind})
                if part and part[0].kind == "attachment":
                    head = part.pop(0)
                    self.ctx.line = head.line
                    heading = el("head", None, self._inline(head.text.strip("[]"), head) if not head.text.startswith("[") else el("supplied", {"reason": "editorial", "resp": "#source-editor"}, self._inline(head.text[1:-1], head)))
                    self._position(heading, head)
                    child.append(heading)
                self._append_all(child, self._build_part(part))
                div.append(child)
        return div

    def _split_parts(self, units: list[Unit]) -> list[list[Unit]]:
        """Split at attachment headings, and at a wide gap after the text has closed."""
        parts: list[list[Unit]] = [[]]
        closing = False
        for unit in units:
            if unit.kind == "attachment" or (closing and unit.blank_before >= 2 and unit.kind in {"p", "reference", "section", "salute"}):
                if parts[-1]:
                    parts.append([])
                closing = False
            parts[-1].append(unit)
            if unit.kind in {"signature"} or (unit.kind == "dateline" and any(u.kind in _TEXT for u in parts[-1])):
                closing = True
        return [p for p in parts if p]

    def _build_part(self, units: list[Unit]) -> list[etree._Element]:
        """A part: header lines, then (from an opening salutation on) the letter, then its closer."""
        units = _embedded_runs(units)
        salute = next((i for i, u in enumerate(units) if u.kind == "salute"), None)
        if salute is None:
            return self._flow(units, top=True)
        if all(u.kind == "dateline" for u in units[:salute]):
            return self._flow(units, top=True)
        letter = el("div", {"type": "letter"})
        self._append_all(letter, self._flow(units[salute:], top=True))
        return [*self._blocks(units[:salute]), letter]

    def _flow(self, units: list[Unit], top: bool) -> list[etree._Element]:
        """Blocks, an opener at the top, a closer from the signature on, a postscript after it."""
        out: list[etree._Element] = []
        start = 0
        if top:
            opening = 0
            while opening < len(units) and units[opening].kind in {"salute", "dateline"}:
                opening += 1
            if opening:
                opener = el("opener")
                for unit in units[:opening]:
                    opener.append(self._wrapper_part(unit))
                out.append(opener)
                start = opening
        closer_at = self._closer_start(units, start, top)
        out.extend(self._blocks(units[start:closer_at]))
        if closer_at < len(units):
            end = closer_at
            closer = el("closer")
            while end < len(units) and units[end].kind in {"signature", "dateline", "closing"}:
                closer.append(self._wrapper_part(units[end]))
                end += 1
            out.append(closer)
            if end < len(units):
                rest = self._flow(units[end:], top=False)
                if all(_is_global(e) for e in rest):
                    out.extend(rest)  # notes and page breaks may follow a closer as they are
                else:  # a postscript after this one's closer follows it (P.P.S.), never inside it
                    later = [e for e in rest if etree.QName(e).localname == "postscript"]
                    postscript = el("postscript")
                    self._append_all(postscript, [e for e in rest if e not in later])
                    out.extend([postscript, *later])
        return out

    def _closer_start(self, units: list[Unit], start: int, top: bool) -> int:
        seen_text = not top
        for index in range(start, len(units)):
            kind = units[index].kind
            if kind == "signature" or (kind == "dateline" and seen_text):
                if index > start and units[index - 1].kind == "closing":
                    return index - 1
                return index
            if kind in _TEXT:
                seen_text = True
        return len(units)

    def _blocks(self, units: list[Unit]) -> list[etree._Element]:
        """Main-flow blocks: lists gathered, distribution lines joined, each unit its element."""
        out: list[etree._Element] = []
        for unit in units:
            self.ctx.line = unit.line
            last = out[-1] if out else None
            if unit.kind in {"numbered", "lettered"}:
                item = self._item(unit)
                if last is not None and last.tag.endswith("}list") and last.get("type") == unit.kind and item.get("n") not in {"1", "a", "а"}:
                    last.append(item)
                else:
                    out.append(el("list", {"type": unit.kind}, item))
                continue
            if last is not None and last.get("type") == "distribution" and _COUNTED_NAMES.fullmatch(unit.text):
                for item in self._distribution_items(unit.text, unit):
                    last.append(item)
                continue
            if unit.kind in {"salute", "dateline", "signature", "closing"}:
                out.append(self._position(el("ab", {"type": _WRAPPER_AB[unit.kind]}, self._inline(unit.text, unit)), unit))
                continue
            if unit.kind == "embedded":
                out.append(self._embedded(unit))
                continue
            out.append(self._block(unit))
        return out

    def _embedded(self, unit: Unit) -> etree._Element:
        """A quoted text: its own body (opener, paragraphs, closer) in a `floatingText`."""
        self.ctx.ledger.count("embedded text")
        suffix = f"-q{len(self.facts.embedded) + 1}"
        body = el("body")
        self._append_all(body, self._flow(unit.inner, top=True))
        signers = tuple(e for e in (self._entry_of(n) for n in body.iterfind(".//{*}signed//{*}persName")) if e is not None)
        dates = [d.get("when", "") for d in body.iterfind(".//{*}closer//{*}date")]
        self.facts.embedded.append(Embedded(suffix, signers, next((d for d in dates if d), ""), self.lang, unit.line))
        return self._position(el("floatingText", {"type": "embedded", "xml:id": suffix}, body), unit)

    def _block(self, unit: Unit) -> etree._Element:
        kind = unit.kind
        if kind == "pagebreak":
            self.ctx.ledger.consume(unit.text)
            self.ctx.ledger.count("page break")
            return self._position(el("pb", {"n": unit.match.group("n")}), unit)
        if kind == "separator":
            return self._position(el("milestone", {"unit": "section", "rend": "asterisks"}), unit)
        if kind == "section":
            self.ctx.ledger.count("numbered section")
            match = unit.match
            return self._position(
                el(
                    "p",
                    {"n": str(self.conv.ordinals[match.group("word")])},
                    unit.text[: match.start("label")],
                    el("label", None, match.group("label")),
                    self._inline(unit.text[match.end("label"):], unit),
                ),
                unit,
            )
        if kind == "distribution":
            return self._position(self._distribution(unit), unit)
        if kind == "copies":
            return self._position(self._copies(unit), unit)
        if kind in {"cable-number", "protocol", "reference"}:
            return self._position(self._numbered_line(unit), unit)
        if kind.startswith("transmission:"):
            return self._position(self._transmission(unit, kind.split(":", 1)[1]), unit)
        if kind == "address":
            ab = el("ab", {"type": "address"}, self._inline(unit.text, unit))
            self._collect_addressees(ab)
            return self._position(ab, unit)
        if kind in {"classification", "priority"}:
            getattr(self.facts, kind).append(unit.text.rstrip("."))
            self.ctx.ledger.count("classification" if kind == "classification" else "priority marking")
            return self._position(el("ab", {"type": kind}, self._inline(unit.text, unit)), unit)
        if kind == "attachment":
            return self._position(el("ab", {"type": "heading"}, self._inline(unit.text, unit)), unit)
        return self._paragraph(unit)

    def _paragraph(self, unit: Unit) -> etree._Element:
        lead = self.conv.cable_number_lead.match(unit.text)
        if lead:
            self.facts.cable_numbers.append(lead.group("number"))
            self.ctx.ledger.count("cable number")
            rest = self._inline(unit.text[lead.end("number"):], unit)
            return self._position(el("p", None, el("idno", {"type": "cable"}, lead.group("number")), rest), unit)
        content = self._inline(unit.text, unit)
        if len(content) == 1 and isinstance(content[0], etree._Element) and content[0].tag.endswith("}note"):
            return self._position(content[0], unit)
        if all(isinstance(c, etree._Element) and c.tag.endswith(("}add", "}gap")) for c in content if not (isinstance(c, str) and not c.strip())):
            for element in content:
                if isinstance(element, etree._Element) and element.tag.endswith("}add"):
                    element.set("place", self._standalone_place(unit))
            return self._position(el("ab", {"type": "annotation"}, content), unit)
        return self._position(el("p", None, content), unit)

    @staticmethod
    def _standalone_place(unit: Unit) -> str:
        """Where a handwritten line stands: at the top or foot of the text, else in the margin."""
        return unit.edge or "margin"

    def _wrapper_part(self, unit: Unit) -> etree._Element:
        """A salutation, date line or signature inside an opener or closer."""
        self.ctx.line = unit.line
        if unit.kind == "salute" or unit.kind == "closing":
            salute = el("salute", None, self._inline(unit.text, unit))
            if unit.kind == "salute" and not self.facts.saluted:
                self.facts.saluted = [e for e in map(self._entry_of, salute.iter("{*}persName", "{*}orgName")) if e is not None]
            return self._position(salute, unit)
        if unit.kind == "dateline":
            self.ctx.ledger.count("date line")
            element = el("dateline", None, self._inline(unit.text, unit))
            for date in element.iter("{*}date"):
                self.facts.datelines.append(date.get("when", ""))
            return self._position(element, unit)
        self.ctx.ledger.count("signature")
        signed = el("signed", None, self._number_then_inline(unit.text, unit))
        for name in signed.iter("{*}persName"):
            entry = self._entry_of(name)
            if entry is not None:
                self.facts.signers.append((entry, " ".join("".join(t for t in name.itertext()).split())))
        return self._position(signed, unit)

    def _entry_of(self, name: etree._Element) -> Entry | None:
        return self.ctx.entries_seen.get(name.get("ref", ""))

    def _item(self, unit: Unit) -> etree._Element:
        self.ctx.line = unit.line
        if unit.match is None:  # the label is inside OCR debris
            label = re.match(r"\s*(\w+)", detex(self.conv.tex_math.match(unit.text).group(0)))
            return self._position(el("item", {"n": label.group(1)}, self._inline(unit.text, unit)), unit)
        match = unit.match
        return self._position(el("item", {"n": match.group("n")}, el("label", None, match.group("label")), " ", self._inline(unit.text[match.end():], unit)), unit)

    def _distribution(self, unit: Unit) -> etree._Element:
        self.ctx.ledger.count("distribution list")
        head_text, _colon, items = unit.text.partition(":")
        element = el("list", {"type": "distribution"}, el("head", None, self._inline(head_text + _colon, unit)))
        for item in self._distribution_items(items, unit):
            element.append(item)
        return element

    def _distribution_items(self, text: str, unit: Unit) -> Iterable[etree._Element]:
        counted = re.search(r"\d", text) is not None  # "Stalin - 2, Molotov - 1", or names alone
        for piece in re.split(r"(?<=\d),\s*|(?<=\d)\.\s*$" if counted else r",\s*", text.strip()):
            if piece.strip():
                yield el("item", None, self._inline(piece.strip(), unit))

    def _copies(self, unit: Unit) -> etree._Element:
        self.ctx.ledger.count("distribution of copies")
        element = el("list", {"type": "copies"})
        for piece in re.split(r"(?<=;)\s*", unit.text):
            if piece.strip():
                number = re.search(r"(\d+)", self.conv.tex_superscript.sub("", piece))
                element.append(el("item", {"n": number.group(1) if number else None}, self._inline(piece.strip(), unit)))
        return element

    def _numbered_line(self, unit: Unit) -> etree._Element:
        kind = unit.kind
        ab = el("ab", {"type": kind}, self._number_then_inline(unit.text, unit, idno_type={"cable-number": "cable", "protocol": "protocol", "reference": "reference"}[kind]))
        return ab

    def _number_then_inline(self, text: str, unit: Unit, idno_type: str = "cable") -> list[Inline]:
        """A line that starts with (or is) a document number: the number as `idno`, the rest read inline."""
        expanded = expanded_text(text)
        match = _DOCUMENT_NUMBER.match(expanded)
        if match is None or expanded != text and not text.startswith(expanded[: match.end()]):
            return self._inline(text, unit)
        number = match.group("number")
        if idno_type == "cable":
            self.facts.cable_numbers.append(number)
            self.ctx.ledger.count("cable number")
        return [*self._inline(text[: match.start("number")], unit), el("idno", {"type": idno_type}, number), *self._inline(text[match.end("number"):], unit)]

    def _transmission(self, unit: Unit, event: str) -> etree._Element:
        self.ctx.ledger.count("transmission data")
        ab = el("ab", {"type": "transmission", "subtype": event}, self._inline(unit.text, unit))
        dates = [d.get("when", "") for d in ab.iter("{*}date")]
        persons = tuple(e for e in (self._entry_of(n) for n in ab.iter("{*}persName")) if e is not None)
        if dates:
            self.facts.transmissions.append(Transmission(event, max(dates, key=len), persons, " ".join(unit.text.split()), self.lang))
        elif persons:
            self.facts.transmissions.append(Transmission(event, "", persons, " ".join(unit.text.split()), self.lang))
        return ab

    def _collect_addressees(self, ab: etree._Element) -> None:
        for name in ab.iter("{*}persName", "{*}orgName", "{*}placeName"):
            entry = self._entry_of(name)
            if entry is None:
                continue
            target = self.facts.address_places if entry.register == "places" else self.facts.addressees
            if entry not in target:
                target.append(entry)

    # -- helpers

    def _inline(self, text: str, unit: Unit) -> list[Inline]:
        """Inline TEI of a unit's text; the line breaks of joined lines become `lb`."""
        out: list[Inline] = []
        for index, (line, piece) in enumerate(zip(unit.lines, text.split("\n"))):
            self.ctx.line = line.number if len(unit.lines) > 1 else unit.line
            if index:
                out.append(el("lb"))
            out.extend(read_inline(piece, self.ctx))
        return out

    def _position(self, element: etree._Element, unit: Unit) -> etree._Element:
        self.facts.positions[element] = unit.line
        return element

    @staticmethod
    def _append_all(parent: etree._Element, children: Iterable[etree._Element]) -> None:
        for child in children:
            parent.append(child)


def _join_continuations(units: list[Unit]) -> list[Unit]:
    """Join a transmission line's date line to it; the line break is kept."""
    joined: list[Unit] = []
    for unit in units:
        if unit.kind == "continuation" and joined:
            joined[-1].lines.extend(unit.lines)
            joined[-1].text = f"{joined[-1].text}\n{unit.text}"
        else:
            joined.append(unit)
    return joined


def _embedded_runs(units: list[Unit]) -> list[Unit]:
    """Runs of units from an opening quotation mark to its closing one become one embedded unit.

    A run needs two units or more; a quotation never closed is no embedded text.
    """
    out: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.text[:1] in '"“«' and unit.kind in _TEXT | {"salute"}:
            end = next((k for k in range(index + 1, len(units)) if units[k].text.rstrip()[-1:] in '"”»'), None)
            opened_again = end is not None and any(u.text[:1] in '"“«' for u in units[index + 1:end + 1])
            if end is not None and not opened_again:
                run = units[index:end + 1]
                out.append(Unit([line for u in run for line in u.lines], unit.text, unit.blank_before, "embedded", inner=run))
                index = end + 1
                continue
        out.append(unit)
        index += 1
    return out


_TEXT = {"p", "section", "numbered", "lettered"}
_GLOBAL = {"note", "pb", "milestone", "gap", "lb"}


def _is_global(element: etree._Element) -> bool:
    """Elements TEI allows anywhere between blocks (its model.global)."""
    return etree.QName(element).localname in _GLOBAL
_WRAPPER_AB = {"salute": "salute", "dateline": "dateline", "signature": "signature", "closing": "salute"}


# The builders' own patterns, compiled once.
_COUNTED_NAMES = re.compile(r"(?:[^\W\d_][\w'’. ]*\s*-\s*\d+[,.]?\s*)+")
_DOCUMENT_NUMBER = re.compile(
    r"^(?P<label>(?i:(?:ciphered |coded )?(?:cable|telegram|re)\s*:?\s*)?(?:N[º°o]\.?|No\.|#|_)?\s*)(?P<number>(?:P\s*)?\d[\d/-]*[-/]?[A-Za-z]{0,3}\b)"
)


__all__ = [Transmission.__name__, BodyFacts.__name__, Unit.__name__, make_units.__name__, BodyBuilder.__name__]
