"""The citation structure of a document: which parts can be cited, and by which reference.

Receiving projects (DTS servers, TEI publishers) cite passages as `en.3` (third
block of the English version) or `en.attachment.2`; TEI says how in
`encodingDesc/refsDecl/citeStructure` (TEI P5 "Citation structures"). This
module computes both from one walk over the body, so the declaration a file
carries and the passages the DTS export serves can never disagree:

- each `div` of the body is a *version* (docs/encoding.md), cited by
  `@xml:lang` + `@n` (`en`, `ru1`);
- a `div` inside it is a *section*, cited by `@type` + `@n` (`main`, `attachment`);
- every other child of a body or div (p, ab, list, opener, closer, ...) is a
  *block*, cited by its position among the blocks; milestones (pb, lb, ...)
  are not passages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.export.base import ExportError
from tei_edition.xmlio import TEI_NS, XML_NS

# constants

#: Between the references of two levels: `en.main.3`.
DELIMITER: Final = "."

#: Children of a div that mark a point in the text rather than hold a passage.
MILESTONES: Final[tuple[str, ...]] = ("pb", "lb", "cb", "gb", "milestone", "anchor", "fw")

#: The citation units, with the XPath (relative to the unit) that gives each one's reference.
UNIT_USE: Final[dict[str, str]] = {
    "version": "concat(@xml:lang, @n)",
    "section": "concat(@type, @n)",
    "block": "position()",
}

_BLOCK_MATCH: Final = "*[not(" + " or ".join(f"self::{name}" for name in ("div",) + MILESTONES) + ")]"


# data


@dataclass(frozen=True)
class CiteLevel:
    """One citeStructure: a kind of unit, where it is found, and the kinds found inside it."""

    unit: str
    match: str
    children: tuple[CiteLevel, ...]

    @property
    def use(self) -> str:
        return UNIT_USE[self.unit]


@dataclass(frozen=True)
class CitableUnit:
    """One passage: its full reference, depth (1 = top), parent reference and element."""

    ref: str
    level: int
    parent: str | None
    unit: str
    element: etree._Element


# functions


def iter_units(tree: etree._ElementTree, path: Path) -> Iterator[CitableUnit]:
    """Every citable passage of a document, in document order (pre-order, depth first)."""
    body = tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    if body is None:
        raise ExportError(f"{path}:{tree.getroot().sourceline or 1}:1: no text/body to cite")
    yield from _units_in(body, None, 1, path)


def cite_levels(tree: etree._ElementTree, path: Path, root_path: str = "/TEI") -> tuple[CiteLevel, ...]:
    """The document's citation structure: every path of unit kinds its body really has."""
    shape: dict = {}
    for unit in iter_units(tree, path):
        node = shape
        for kind in _kinds_down_to(unit):
            node = node.setdefault(kind, {})
    return _levels(shape, f"{root_path}/text/body/")


def refs_decl(levels: tuple[CiteLevel, ...]) -> etree._Element:
    """The `refsDecl` element declaring `levels` as nested citeStructure elements."""
    element = etree.Element(f"{{{TEI_NS}}}refsDecl")
    for level in levels:
        element.append(_cite_structure(level, outer=True))
    return element


def with_refs_decl(tree: etree._ElementTree, path: Path, root_path: str = "/TEI") -> etree._ElementTree:
    """A copy of the document whose encodingDesc declares its citation structure."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(tree.getroot())))
    header = copy.getroot().find(f"{{{TEI_NS}}}teiHeader")
    if header is None:
        raise ExportError(f"{path}:{tree.getroot().sourceline or 1}:1: no teiHeader")
    encoding = header.find(f"{{{TEI_NS}}}encodingDesc")
    if encoding is None:
        encoding = etree.Element(f"{{{TEI_NS}}}encodingDesc")
        header.find(f"{{{TEI_NS}}}fileDesc").addnext(encoding)
    for old in encoding.findall(f"{{{TEI_NS}}}refsDecl"):
        encoding.remove(old)
    _append_indented(encoding, refs_decl(cite_levels(copy, path, root_path)))
    return copy


# the walk


def _units_in(container: etree._Element, parent: str | None, level: int, path: Path) -> Iterator[CitableUnit]:
    kind_of_div = "version" if _local(container) == "body" else "section"
    seen: dict[str, etree._Element] = {}
    blocks = 0
    for child in container:
        name = _local(child)
        if not name or name in MILESTONES:
            continue
        if name == "div":
            unit, own = kind_of_div, _div_reference(child, kind_of_div)
        else:
            blocks += 1
            unit, own = "block", str(blocks)
        if not own:
            raise ExportError(f"{path}:{child.sourceline or 1}:1: this {name} cannot be cited: a {unit} needs "
                              f"{'xml:lang' if unit == 'version' else '@type'}")
        if own in seen:
            raise ExportError(f"{path}:{child.sourceline or 1}:1: two {unit}s cite as {own!r} "
                              f"(the other is on line {seen[own].sourceline}); give them distinct @n")
        seen[own] = child
        ref = f"{parent}{DELIMITER}{own}" if parent else own
        yield CitableUnit(ref, level, parent, unit, child)
        if name == "div":
            yield from _units_in(child, ref, level + 1, path)


def _div_reference(div: etree._Element, unit: str) -> str:
    first = div.get(f"{{{XML_NS}}}lang", "") if unit == "version" else div.get("type", "")
    return first + div.get("n", "") if first else ""


def _kinds_down_to(unit: CitableUnit) -> list[str]:
    kinds = [unit.unit]
    element = unit.element.getparent()
    while element is not None and _local(element) == "div":
        kinds.append("version" if _local(element.getparent()) == "body" else "section")
        element = element.getparent()
    return list(reversed(kinds))


def _levels(shape: dict, prefix: str) -> tuple[CiteLevel, ...]:
    order = ("version", "section", "block")
    return tuple(
        CiteLevel(kind, prefix + ("div" if kind != "block" else _BLOCK_MATCH), _levels(shape[kind], ""))
        for kind in order
        if kind in shape
    )


def _cite_structure(level: CiteLevel, outer: bool) -> etree._Element:
    element = etree.Element(f"{{{TEI_NS}}}citeStructure", unit=level.unit, match=level.match, use=level.use)
    if not outer:
        element.set("delim", DELIMITER)
    for child in level.children:
        element.append(_cite_structure(child, outer=False))
    return element


def _append_indented(parent: etree._Element, child: etree._Element) -> None:
    """Append `child` with the indentation of the file around it (two spaces a level)."""
    depth = sum(1 for _ in parent.iterancestors())
    etree.indent(child, space="  ", level=depth + 1)
    if len(parent):
        parent[-1].tail = "\n" + "  " * (depth + 1)
    else:
        parent.text = "\n" + "  " * (depth + 1)
    child.tail = "\n" + "  " * depth
    parent.append(child)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


__all__ = [
    "DELIMITER",
    "MILESTONES",
    "UNIT_USE",
    CiteLevel.__name__,
    CitableUnit.__name__,
    iter_units.__name__,
    cite_levels.__name__,
    refs_decl.__name__,
    with_refs_decl.__name__,
]
