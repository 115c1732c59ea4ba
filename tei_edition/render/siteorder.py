"""The site's own pages' pieces in their order and the facts over them, changed a document at a time.

The index, the search page and the registers list every document's pieces in an order
(rows by date, search entries by date, each register entry's lines by date), and their
facts are firsts and sets over every document (who is first named under which name,
years, kinds, name forms). Adding up and sorting 10,000 documents' pieces again after
one changed took 0.45 s; here each order is kept sorted with each piece's size, and each
fact with every occurrence in order, so that a changed document's pieces are taken out
and put in by bisection and the first occurrence is still known when one goes.

The pieces' markup is not kept: it stands in the pages written last, where the sizes
place it (`Slot.chunks`). Between builds an order is kept as one marshal blob, decoded
only when a changed document has pieces in it (tei_edition.render.sitecache).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import marshal
from collections.abc import Callable, Hashable, Iterator
from typing import Any, Generic, NamedTuple, TypeVar

from lxml import etree

TE_NS = "https://tei-edition.example/ns"


def key(*parts: str | int) -> str:
    """What orders pieces and occurrences: their parts as one string, each separated by NUL (which XML
    text never holds, and which sorts first), each number as nine digits, so that strings sort as the
    parts' tuples would. Kept between builds, a string is one object to load where a tuple of five was six
    (the orders hold hundreds of thousands at 10,000 documents)."""
    return "\0".join(part if isinstance(part, str) else f"{part:09d}" for part in parts)


def last(occurrence: str) -> str:
    """What an occurrence (`key`) names after its place: a name, a language."""
    return occurrence.rpartition("\0")[2]


class InFile(NamedTuple):
    """A piece kept in a file from an offset to its end (a document's search entry), read as its page is written."""

    path: str
    offset: int
    size: int


#: Where a piece's markup is: its place among its slot's pieces on the pages written last,
#: the markup, or the file it is kept in.
Source = int | bytes | InFile


class Held(NamedTuple):
    """What the orders and facts hold of one document (its pieces without their markup): what
    taking it out again needs."""

    date: str
    id: str
    rows: list[str]
    """Each index row's place (`key`): its date, its document's id, the message it quotes, whether it
    is a quoted message's, its place in the document."""
    years: list[str]
    kinds: list[str]
    parties: list[tuple[str, str, str]]
    """Each sender's or recipient's kind (sent, received), register id, and where it is first named and
    under which name (`key`: in a quoted message's row or not, the document's date and id, the row's
    place in the document, the name's in the row, the name)."""
    lines: list[str]
    """The register entries it has a line in."""
    forms: list[tuple[str, str, str]]
    """Each name form the texts use: register entry, form, where first and its language (`key`: the
    document's date and id, the form's place among its names, the language)."""


class Slot:
    """The pieces one place of the pages takes (`name`: "rows", "search", "mentions ENTRY-ID"),
    by their keys, each with its size and where its markup is (`Source`).

    Made from the keys and sizes kept, every piece's markup is on the pages written last,
    in this order; a piece taken out and put in again the same stays there (see `chunks`)."""

    __slots__ = ("_added", "_kept_keys", "_kept_sizes", "_kept_starts", "keys", "separator", "sizes", "sources")

    def __init__(self, separator: bytes, keys: list[str], sizes: list[int]) -> None:
        self.separator = separator
        self._kept_keys, self._kept_sizes = keys, sizes
        self._kept_starts: list[int] | None = None
        self.keys, self.sizes = list(keys), list(sizes)
        self.sources: list[Source] = list(range(len(keys)))
        self._added: list[str] = []

    def add(self, place: str, source: bytes | InFile) -> None:
        """Put in a piece (its `key`)."""
        at = bisect.bisect_left(self.keys, place)
        self._added.append(place)
        self.keys.insert(at, place)
        self.sizes.insert(at, len(source) if isinstance(source, bytes) else source.size)
        self.sources.insert(at, source)

    def remove(self, place: str) -> None:
        """Take out the piece with this `key`."""
        at = bisect.bisect_left(self.keys, place)
        if at == len(self.keys) or self.keys[at] != place:
            raise KeyError(place)
        del self.keys[at], self.sizes[at], self.sources[at]

    def total(self) -> int:
        """The size of the slot's markup as the page holds it (the pieces and their separators)."""
        return sum(self.sizes) + len(self.separator) * max(len(self.sizes) - 1, 0)

    def kept(self) -> tuple[list[str], list[int]]:
        """The keys and sizes to keep (the pieces as the pages written with `chunks` hold them)."""
        return self.keys, self.sizes

    def changed(self, old: memoryview | None) -> bool:
        """Whether the pieces differ from those the pages written last hold (`old`: this slot's markup there)."""
        self._settle(old)
        return self.sources != list(range(len(self._kept_keys)))

    def chunks(self, old: memoryview | None) -> Iterator[bytes | memoryview]:
        """The slot's markup, each run of pieces that stood together on the page written last
        (`old`: this slot's markup there) as one slice of it."""
        self._settle(old)
        starts = self._starts()
        sources, count = self.sources, len(self.sources)
        at = 0
        while at < count:
            if at:
                yield self.separator
            source = sources[at]
            if isinstance(source, int):
                if old is None:
                    raise LookupError("a kept piece's page is not there")
                end = at + 1
                while end < count and sources[end] == source + (end - at):
                    end += 1
                last = source + (end - at) - 1
                yield old[starts[source]:starts[last] + self._kept_sizes[last]]
                at = end
            else:
                yield source if isinstance(source, bytes) else read(source)
                at += 1

    def _settle(self, old: memoryview | None) -> None:
        """A piece put in where one with its key and markup was taken out is that one again."""
        if old is None:
            return
        starts = self._starts()
        for place in sorted(self._added):  # from the first: a run of pieces put in again settles piece by piece
            at = bisect.bisect_left(self.keys, place)
            source = self.sources[at] if at < len(self.keys) and self.keys[at] == place else 0
            if isinstance(source, int):  # taken out again, or settled
                continue
            before = self.sources[at - 1] if at else -1
            was = before + 1 if isinstance(before, int) else -1
            if 0 <= was < len(self._kept_keys) and self._kept_keys[was] == self.keys[at] and self.sizes[at] == self._kept_sizes[was]:
                markup = source if isinstance(source, bytes) else read(source)
                if old[starts[was]:starts[was] + self.sizes[at]] == markup:
                    self.sources[at] = was
        self._added.clear()

    def _starts(self) -> list[int]:
        """Where each kept piece starts in the slot's markup on the page written last."""
        if self._kept_starts is None:
            step = len(self.separator)
            self._kept_starts = [0, *itertools.accumulate(size + step for size in self._kept_sizes)][:len(self._kept_sizes)]
        return self._kept_starts


def read(source: InFile) -> bytes:
    """A piece kept in a file."""
    with open(source.path, "rb") as handle:
        handle.seek(source.offset)
        return handle.read()


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Blobs(Generic[K, V]):
    """Values kept between builds as marshal blobs, each decoded (`make`) when first asked for
    and kept again as it came unless it was."""

    def __init__(self, blobs: dict[K, bytes], make: Callable[[Any], V], plain: Callable[[V], Any]) -> None:
        self._blobs, self._make, self._plain = blobs, make, plain
        self._values: dict[K, V] = {}

    def get(self, key: K, default: Callable[[], V]) -> V:
        """The value of `key`, made by `default` (and kept) if there is none."""
        value = self._values.get(key)
        if value is None:
            blob = self._blobs.get(key)
            value = default() if blob is None else self._make(marshal.loads(blob))
            self._values[key] = value
        return value

    def taken(self, key: K) -> bool:
        """Whether the value of `key` was asked for (it may differ from the one kept)."""
        return key in self._values

    def taken_keys(self) -> list[K]:
        return list(self._values)

    def drop(self, key: K) -> None:
        self._values.pop(key, None)
        self._blobs.pop(key, None)

    def kept(self) -> dict[K, bytes]:
        """Every value as it is kept between builds."""
        return self._blobs | {name: marshal.dumps(self._plain(value)) for name, value in self._values.items()}


class Order:
    """Every document's pieces in their orders and the facts the pages are made from (te:site),
    as kept between builds (`kept`; none: an empty edition)."""

    def __init__(self, kept: tuple[Any, ...] | None = None) -> None:
        documents, quoted, years, kinds, slots, totals, parties, firsts, forms, first_forms = kept or (0, 0, {}, {}, {}, {}, {}, {}, {}, {})
        self.documents: int = documents
        self.quoted: int = quoted
        """How many messages the documents quote (the index's rows after a document's own)."""
        self._years: dict[str, int] = years
        self._kinds: dict[str, int] = kinds
        self.slots: _Blobs[str, Slot] = _Blobs(slots, lambda plain: _slot(plain[0], plain[1], plain[2]), _slot_plain)
        self.totals: dict[str, tuple[int, int]] = totals
        """Each slot's number of pieces and size on the pages written last."""
        self._parties: _Blobs[tuple[str, str], list[str]] = _Blobs(parties, list, list)
        self._firsts: dict[tuple[str, str], str] = firsts
        self._forms: _Blobs[tuple[str, str], list[str]] = _Blobs(forms, list, list)
        self._first_forms: dict[tuple[str, str], str] = first_forms

    def slot(self, name: str) -> Slot:
        """A slot's pieces (empty if it has none)."""
        return self.slots.get(name, functools.partial(Slot, b"," if name == "search" else b"", [], []))

    def add(self, held: Held, rows: list[bytes], search: bytes | InFile, lines: list[bytes]) -> None:
        """Put in a document's pieces (`rows`, `lines`: the markup of `held.rows`, `held.lines`)."""
        self.documents += 1
        self.quoted += max(len(held.rows) - 1, 0)
        _count(self._years, held.years, 1)
        _count(self._kinds, held.kinds, 1)
        for place, row in zip(held.rows, rows):
            self.slot("rows").add(place, row)
        self.slot("search").add(key(held.date, held.id), search)
        for entry, line in zip(held.lines, lines):
            self.slot(f"mentions {entry}").add(key(held.date, held.id), line)
        for kind, party, occurrence in held.parties:
            _put(self._parties, self._firsts, (kind, party), occurrence)
        for entry, form, occurrence in held.forms:
            _put(self._forms, self._first_forms, (entry, form), occurrence)

    def remove(self, held: Held) -> None:
        """Take out a document's pieces, as `add` put them in."""
        self.documents -= 1
        self.quoted -= max(len(held.rows) - 1, 0)
        _count(self._years, held.years, -1)
        _count(self._kinds, held.kinds, -1)
        for place in held.rows:
            self.slot("rows").remove(place)
        self.slot("search").remove(key(held.date, held.id))
        for entry in held.lines:
            self.slot(f"mentions {entry}").remove(key(held.date, held.id))
        for kind, party, occurrence in held.parties:
            _take(self._parties, self._firsts, (kind, party), occurrence)
        for entry, form, occurrence in held.forms:
            _take(self._forms, self._first_forms, (entry, form), occurrence)

    def facts(self) -> etree._ElementTree:
        """The facts the pages are made from (te:site), as XML, in the order the pages take them."""
        root = etree.Element(f"{{{TE_NS}}}site", nsmap={None: TE_NS}, documents=str(self.documents), embedded=str(self.quoted))
        for (kind, party), first in sorted(self._firsts.items(), key=lambda item: item[1]):
            etree.SubElement(root, f"{{{TE_NS}}}party", type=kind, id=party, name=last(first))
        for tag, values in (("year", self._years), ("kind", self._kinds)):
            for value in sorted(values):
                etree.SubElement(root, f"{{{TE_NS}}}{tag}").text = value
        forms: dict[str, list[tuple[str, str]]] = {}
        for (entry, form), first in self._first_forms.items():
            forms.setdefault(entry, []).append((first, form))
        for entry in sorted(forms):
            for first, form in sorted(forms[entry]):
                etree.SubElement(root, f"{{{TE_NS}}}form", entry=entry, lang=last(first)).text = form
        for name in sorted({*self.totals, *self.slots.taken_keys()}):
            kind, _, entry = name.partition(" ")
            if kind == "mentions" and self.count(name):
                etree.SubElement(root, f"{{{TE_NS}}}mentioned", entry=entry)
        return root.getroottree()

    def count(self, name: str) -> int:
        """How many pieces a slot has."""
        return len(self.slot(name).keys) if self.slots.taken(name) else self.totals.get(name, (0, 0))[0]

    def settle(self) -> None:
        """Note each slot's number of pieces and size once the pages were written from them (`Slot.chunks`)."""
        for name in self.slots.taken_keys():
            slot = self.slot(name)
            if slot.keys:
                self.totals[name] = (len(slot.keys), slot.total())
            else:
                self.totals.pop(name, None)
                self.slots.drop(name)

    def kept(self) -> tuple[Any, ...]:
        """What is kept between builds (`Order(kept)` gives it back), once the pages were written (`settle`)."""
        return (self.documents, self.quoted, self._years, self._kinds, self.slots.kept(), self.totals,
                self._parties.kept(), self._firsts, self._forms.kept(), self._first_forms)


def _slot(separator: bytes, keys: list[Any], sizes: list[int]) -> Slot:
    return Slot(separator, keys, sizes)


def _slot_plain(slot: Slot) -> tuple[bytes, list[Any], list[int]]:
    return (slot.separator, *slot.kept())


def _count(counts: dict[str, int], values: list[str], step: int) -> None:
    for value in values:
        counts[value] = counts.get(value, 0) + step
        if not counts[value]:
            del counts[value]


def _put(occurrences: _Blobs[K, list[str]], firsts: dict[K, str], name: K, occurrence: str) -> None:
    found = occurrences.get(name, list)
    bisect.insort(found, occurrence)
    firsts[name] = found[0]


def _take(occurrences: _Blobs[K, list[str]], firsts: dict[K, str], name: K, occurrence: str) -> None:
    found = occurrences.get(name, list)
    at = bisect.bisect_left(found, occurrence)
    if at == len(found) or found[at] != occurrence:
        raise KeyError(name)
    del found[at]
    if found:
        firsts[name] = found[0]
    else:
        del firsts[name]
        occurrences.drop(name)


__all__ = [key.__name__, last.__name__, InFile.__name__, "Source", Held.__name__, Slot.__name__, Order.__name__, read.__name__]
