"""Read archival references as the sources write them ("APRF, fond 45, opis 1, delo 334, listy 97-98").

Which abbreviations name which archive is data: the organisations register
marks archives with `org[@type='archive']` and lists every form of their names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tei_edition.xmlio import NSMAP, parse_xml

_PARTS = {
    "fond": re.compile(r"\b(?:fond|f)\.?\s*(?P<v>[\w-]+)", re.I),
    "opis": re.compile(r"\b(?:opis'?|op)\.?\s*(?P<v>[\w-]+)", re.I),
    "delo": re.compile(r"\b(?:delo|d)\.?\s*(?P<v>[\w-]+)", re.I),
}
_FOLIOS = re.compile(r"\b(?P<unit>listy|list|ll|l|pp|p)\.?\s*(?P<v>\d[\d\s,\-–]*\d|\d)", re.I)


@dataclass(frozen=True)
class Archive:
    """An archive of the organisations register."""

    id: str
    name: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Folio:
    """One leaf or range of leaves: `from`/`to` as numbers are written."""

    start: str
    end: str


@dataclass(frozen=True)
class ArchivalReference:
    """One archival reference: archive, fond/opis/delo, leaves, and the text as written."""

    archive: Archive
    parts: dict[str, str]
    folios: tuple[Folio, ...]
    folio_text: str
    text: str


def load_archives(registers: Path) -> list[Archive]:
    """The archives the organisations register declares (`org[@type='archive']`)."""
    path = Path(registers) / "organisations.xml"
    if not path.is_file():
        return []
    tree = parse_xml(path)
    archives = []
    for org in tree.iterfind(".//tei:org[@type='archive']", NSMAP):
        names = [" ".join("".join(n.itertext()).split()) for n in org.iterfind("tei:orgName", NSMAP)]
        preferred = org.find("tei:orgName[@type='preferred']", NSMAP)
        name = " ".join("".join(preferred.itertext()).split()) if preferred is not None else names[0]
        archives.append(Archive(org.get("{http://www.w3.org/XML/1998/namespace}id", ""), name, tuple(names)))
    return archives


def archive_pattern(archives: list[Archive]) -> re.Pattern[str] | None:
    """One regex finding any archive's name form, longest first, on word boundaries."""
    forms = sorted({f for a in archives for f in a.forms}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


def find_references(text: str, archives: list[Archive]) -> list[ArchivalReference]:
    """Every archival reference in a citation or source line, in order."""
    pattern = archive_pattern(archives)
    if pattern is None:
        return []
    by_form = {f: a for a in archives for f in a.forms}
    starts = list(pattern.finditer(text))
    references = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        chunk = text[match.start():end]
        chunk = re.split(r"(?:;|\.\s+(?=[A-Z][a-z])|\s+and\s+(?=[A-Z])|\bTranslated by\b|\btranslation by\b|https?://)", chunk)[0]
        chunk = re.sub(r"(?:[\s,.;]+and)?[\s,.;]*$", "", chunk)
        body = chunk[len(match.group(0)):]
        parts = {}
        for name, part in _PARTS.items():
            found = part.search(body)
            if found:
                parts[name] = found.group("v")
        folio_match = _FOLIOS.search(body)
        folios: tuple[Folio, ...] = ()
        folio_text = ""
        if folio_match:
            folio_text = folio_match.group(0).strip()
            folios = tuple(_folios(folio_match.group("v")))
        if parts or folios:
            references.append(ArchivalReference(by_form[match.group(0)], parts, folios, folio_text, chunk))
    return references


def _folios(text: str) -> list[Folio]:
    folios = []
    for piece in re.split(r"\s*,\s*", text.strip()):
        if not piece:
            continue
        bounds = re.split(r"\s*[-–]\s*", piece)
        start = bounds[0]
        end = bounds[-1]
        if len(end) < len(start) and end.isdigit() and start.isdigit() and not start.startswith("0"):
            end = start[: len(start) - len(end)] + end  # "142-44" means 142 to 144
        folios.append(Folio(start, end))
    return folios


__all__ = [
    Archive.__name__,
    Folio.__name__,
    ArchivalReference.__name__,
    load_archives.__name__,
    archive_pattern.__name__,
    find_references.__name__,
]
