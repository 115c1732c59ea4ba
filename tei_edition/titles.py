"""Read who wrote to whom, when and what, from a document's title as publishers write it.

"Ciphered Telegram, Filippov (Stalin) to Soviet Ambassador in Beijing (N.V. Roshchin)
with message for Zhou Enlai, 5 July 1950": the kind, the senders (a cover name
identified in brackets counts as its bearer), the recipients (an office
identified by its holder counts as the holder), intermediaries (`via`), the
place of sending and the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_edition.dates import find_dates
from tei_edition.registers import Entry, Registers


@dataclass(frozen=True)
class Party:
    """A sender or recipient: the register entry, and the form the title uses."""

    entry: Entry
    form: str


@dataclass
class TitleFacts:
    """What a title tells: kind, parties, place, date."""

    kind: str = ""
    senders: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    via: list[Party] = field(default_factory=list)
    sent_place: Entry | None = None
    date: str = ""
    date_text: str = ""
    embedded: TitleFacts | None = None  # "... conveying 2 October 1950 message from Mao to Stalin"


_IDENTIFIED = re.compile(r"\s*[(\[](?P<who>[^)\]]+)[)\]]")
_VIA = re.compile(r"\(\s*via\s+(?P<who>[^)]+)\)", re.I)
_FOR = re.compile(r"\bwith (?:a )?message (?:for|to)\s+(?P<who>.+)$", re.I)
# A message the document carries: "conveying 2 October 1950 message from Mao to Stalin".
_CARRIED = re.compile(r",?\s*(?:conveying|quoting|enclosing|transmitting)\s+(?:an?\s+|the\s+)?(?P<what>.*?\b(?:message|letter|telegram|cable)\b.*)$", re.I)
# What follows the recipient and names no recipient: "... to Shtykov Approved by the Politburo".
_TRAILING = re.compile(r"\s+(?:approved by|attaching|conveying|enclosing|regarding|concerning)\b.*$", re.I)


def read_title(title: str, kinds: tuple[str, ...], registers: Registers, context_year: int | None = None) -> TitleFacts:
    """The facts a title states; parts it does not state stay empty."""
    facts = TitleFacts()
    text = " ".join(title.split())
    carried = _CARRIED.search(text)
    if carried:
        facts.embedded = _carried(carried.group("what"), registers, context_year)
        text = text[: carried.start()]
    for kind in kinds:
        if text.lower().startswith(kind.lower()):
            facts.kind = text[: len(kind)]
            text = text[len(kind):].lstrip(" ,")
            break
    dates = find_dates(text, context_year)
    head = text
    if dates:
        first = dates[0]
        facts.date, facts.date_text = first.when, first.text
        head = text[: first.start].rstrip(" ,")
    head = re.sub(r"^(?i:from)\s+", "", head)
    split = re.search(r"\s+(?i:to)\s+", head)
    if split is None:
        return facts
    sender_text, recipient_text = head[: split.start()], head[split.end():]
    place = re.search(r"\s+in\s+(?P<place>[\w'’ -]+)$", sender_text)
    if place:
        entry = registers.lookup(place.group("place"))
        if entry is not None and entry.register == "places":
            facts.sent_place = entry
            sender_text = sender_text[: place.start()]
    for via in _VIA.finditer(recipient_text):
        facts.via.extend(_parties(via.group("who"), registers))
    recipient_text = _TRAILING.sub("", _VIA.sub("", recipient_text))
    message_for = _FOR.search(recipient_text)
    extra: list[Party] = []
    if message_for:
        extra = _parties(message_for.group("who"), registers)
        recipient_text = recipient_text[: message_for.start()]
    facts.senders = _parties(sender_text, registers)
    facts.recipients = unique_parties(_parties(recipient_text, registers) + extra)
    return facts


def _carried(text: str, registers: Registers, context_year: int | None) -> TitleFacts:
    """Who sent the carried message to whom, and when."""
    carried = TitleFacts()
    dates = find_dates(text, context_year)
    if dates:
        carried.date, carried.date_text = dates[0].when, dates[0].text
    parties = re.search(r"\bfrom\s+(?P<sender>.+?)(?:\s+to\s+(?P<recipient>.+))?$", text)
    if parties:
        carried.senders = _parties(parties.group("sender"), registers)
        carried.recipients = _parties(parties.group("recipient") or "", registers)
    return carried


def _parties(text: str, registers: Registers) -> list[Party]:
    """The persons and organisations named in a phrase; an identification replaces what it identifies."""
    parties: list[Party] = []
    matches = [m for m in registers.find_names(text) if m.entry.register in {"persons", "organisations"}]
    skip_until = -1
    for match in matches:
        if match.start < skip_until:
            continue
        identified = _IDENTIFIED.match(text, match.end)
        if identified:
            entry = registers.lookup(identified.group("who"))
            if entry is not None and entry.register in {"persons", "organisations"}:
                parties.append(Party(entry, match.form))
                skip_until = identified.end()
                continue
        parties.append(Party(match.entry, match.form))
    return unique_parties(parties)


def unique_parties(parties: list[Party]) -> list[Party]:
    """Each register entry once, in the order first named."""
    seen: set[str] = set()
    unique = []
    for party in parties:
        if party.entry.ref not in seen:
            seen.add(party.entry.ref)
            unique.append(party)
    return unique


__all__ = [Party.__name__, TitleFacts.__name__, read_title.__name__, unique_parties.__name__]
