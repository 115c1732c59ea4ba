"""Where an element is: its line and column in the TEI file, and the source line it came from.

lxml knows an element's line but not its column; the column is found by looking
for the element's start tag on that line. The source position comes from the
side file `sourcemap.json` that `tei-edition convert` writes beside the TEI
files: {"FILE.xml": {"source": "sources/FILE.txt", "elements": {PATH: LINE}}}, where
PATH is the element's lxml path (`tree.getpath(element)`, such as `/*/*[2]/*/*[1]/*[3]`)
and LINE the source line its block starts on. An element without an entry takes the
position of its nearest ancestor that has one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.errors import XmlInputError
from tei_edition.xmlio import XML_NS, parse_xml_bytes


SOURCEMAP_NAME: Final = "sourcemap.json"


def element_column(element: etree._Element, lines: list[str]) -> int:
    """The 1-based column of `element`'s start tag on its line (1 when it cannot be found)."""
    line_number = element.sourceline or 0
    if not 0 < line_number <= len(lines):
        return 1
    text = lines[line_number - 1]
    name = etree.QName(element).localname
    same_line_before = 0
    for other in element.itersiblings(preceding=True):
        if other.sourceline == line_number and isinstance(other.tag, str) and etree.QName(other).localname == name:
            same_line_before += 1
    parent = element.getparent()
    if parent is not None and parent.sourceline == line_number and etree.QName(parent).localname == name:
        same_line_before += 1
    start = -1
    for _ in range(same_line_before + 1):
        start = _find_start_tag(text, name, start + 1)
        if start < 0:
            return 1
    return start + 1


def _find_start_tag(text: str, name: str, begin: int) -> int:
    """Index of the next `<name` (with or without prefix) followed by a delimiter, or -1."""
    index = begin
    while True:
        index = text.find("<", index)
        if index < 0:
            return -1
        rest = text[index + 1 :]
        tag = rest.split(None, 1)[0] if rest else ""
        tag = tag.split(">", 1)[0].split("/", 1)[0]
        if tag == name or tag.endswith(":" + name):
            return index
        index += 1


@lru_cache(maxsize=64)
def load_sourcemap(directory: Path) -> dict[str, dict[str, str]]:
    """The source map of a directory, or an empty one when it has none or it is unreadable."""
    path = directory / SOURCEMAP_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def source_position(path: Path, element: etree._Element | None) -> str | None:
    """The source line `element` of the TEI file `path` was converted from, if recorded."""
    if element is None:
        return None
    entry = load_sourcemap(path.parent).get(path.name)
    if not isinstance(entry, dict):
        return None
    lines, source = entry.get("elements") or {}, entry.get("source")
    if not source or not isinstance(lines, dict):
        return None
    tree = element.getroottree()
    node: etree._Element | None = element
    while node is not None:
        line = lines.get(tree.getpath(node))
        if line is not None:
            return f"{source}:{line}"
        node = node.getparent()
    return None


@lru_cache(maxsize=16)
def _parsed(path: Path) -> tuple[etree._ElementTree, list[str]] | None:
    """A file's tree and lines, read again to locate the few values a rule reports."""
    try:
        data = path.read_bytes()
        return parse_xml_bytes(data, path), data.decode("utf-8", errors="replace").splitlines()
    except (OSError, XmlInputError):
        return None


def locate_attribute(path: Path, line: int, attribute: str, value: str) -> tuple[int, str | None]:
    """Column and source line of the element on `line` of `path` whose `attribute` holds `value`."""
    parsed = _parsed(path)
    if parsed is None:
        return 1, None
    tree, lines = parsed
    name = f"{{{XML_NS}}}id" if attribute == "xml:id" else attribute
    for element in tree.iter(etree.Element):
        if element.sourceline == line and value in (element.get(name) or "").split():
            return element_column(element, lines), source_position(path, element)
    return 1, None


__all__ = [
    "SOURCEMAP_NAME",
    element_column.__name__,
    load_sourcemap.__name__,
    locate_attribute.__name__,
    source_position.__name__,
]
