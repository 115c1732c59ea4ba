"""The edition index: what the cross-file rules need to know about every file, as one XML document.

Rules about more than one file (identifiers unique in the edition, pointers into
registers and sibling documents, register entries used) run on this index rather
than on the TEI files. Each file is parsed once, in whichever process checks it,
which writes the file's part of the index there (`collect_facts`, a map step);
the process that runs the edition rules only joins the parts (`EditionIndex`):

    <ix:edition xmlns:ix="urn:tei-edition:index">
      <ix:file path="/abs/x.xml" name="x.xml" kind="document" checked="true" id="x">
        <ix:id value="x-en" scope="edition"/>
        <ix:entry value="stalin" kind="person"/>  (registers)
        <ix:ptr attr="ref" value="persons.xml#stalin" target="/abs/persons.xml#stalin"/>
      </ix:file>
      <ix:used target="/abs/persons.xml#stalin"/>  (once per target any pointer names)
    </ix:edition>

A pointer element stands for each distinct (attribute, value) of a file once, so the
index stays small when a text names the same person fifty times.

The index holds only what the rules read: at 10,000 documents it is one lxml tree in
one process, where every attribute costs some 250 bytes whatever its value (a node, its
text node, the string). An id's target is its file's path, # and its value (the rules'
key says so); the lines of the values, and the path reports show, are kept beside the
tree (`FileFacts.lines`), and read only for the elements a rule fired on.

ix:used lists each pointer target once, so that the rules can ask whether an entry is
used through a key whose values are unique: libxslt builds a key whose value many
nodes share in quadratic time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.registers import FILE_NAMES, REGISTERS
from tei_edition.xmlio import TEI_NS, XML_NS

INDEX_NS: Final = "urn:tei-edition:index"

#: Attributes whose values are pointers (one or more URIs separated by spaces).
POINTER_ATTRIBUTES: Final = ("ref", "hand", "resp", "corresp", "target", "wit", "who", "scheme", "scribeRef")

#: Register entries, by element name; what kind of entry each is.
REGISTER_ENTRIES: Final = {"person": "person", "place": "place", "org": "organisation"}

_ABSOLUTE_URI: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_REGISTER_LISTS: Final = tuple(f"{{{TEI_NS}}}{list_name}" for list_name, _entry in REGISTERS.values())


@dataclass(frozen=True)
class Located:
    """A value found in a file: the attribute that holds it and the line of its element.

    Columns and source lines are worked out only for the few values a rule reports
    (`positions.locate_attribute`), not for every value of the edition.
    """

    value: str
    line: int
    attribute: str


@dataclass(frozen=True)
class FileFacts:
    """What one file contributes to the edition index (plain data, so it pickles between processes).

    `fragment` is the file's ix:file element as text, made where the file was parsed
    (a worker), so that the edition index is only joined, never rebuilt, in the one
    process that runs the edition rules. `targets` are the distinct `file#id` its
    pointers name, for ix:used and for finding the files a run must read besides its own.
    `lines` are the lines of what the fragment stands for, which the rules never read
    (so a change that only moves lines leaves the fragment as it was): the line of the
    file's id, then of each child of ix:file in order, separated by LINES_SEPARATOR (a
    pointer's, one per occurrence, by spaces).
    """

    path: str
    shown: str
    fragment: str
    targets: tuple[str, ...]
    lines: str


_ATTRIBUTES: Final = etree.XPath("//@*")
_IDS_IN_TEXT: Final = etree.XPath("//tei:text//@xml:id", namespaces={"tei": TEI_NS})
_XML_ID: Final = f"{{{XML_NS}}}id"
_POINTER_NAMES: Final = frozenset(POINTER_ATTRIBUTES)
#: Between the lines of two index elements in FileFacts.lines.
LINES_SEPARATOR: Final = ";"


def collect_facts(tree: etree._ElementTree, path: Path, shown: str, checked: bool = True) -> FileFacts:
    """The ids, register entries and pointers of one TEI file, as its ix:file element.

    `checked` is false for a file the run reads only to resolve pointers (a register
    beside a single document): its values count, but no rule reports on it. One walk
    over the attributes finds both ids and pointers.
    """
    root = tree.getroot()
    absolute = os.path.abspath(path)
    folder = os.path.dirname(absolute)
    # by its list, or before its first entry (no list yet) by its name
    is_register = next(root.iter(*_REGISTER_LISTS), None) is not None or os.path.basename(absolute) in FILE_NAMES
    in_text = {value.getparent() for value in _IDS_IN_TEXT(tree)}  # the set keeps lxml's proxies, so `in` finds them
    root_id, root_line = "", "1"
    parts: list[str] = []
    lines: list[str] = []
    places: dict[tuple[str, str], list[str]] = {}
    for value in _ATTRIBUTES(tree):
        name = value.attrname
        if name in _POINTER_NAMES:
            line = str(value.getparent().sourceline or 1)
            for token in value.split():
                places.setdefault((name, token), []).append(line)
        elif name == _XML_ID:
            element = value.getparent()
            quoted, line = quoteattr(str(value)), str(element.sourceline or 1)
            if element is root:
                root_id, root_line = f" id={quoted}", line
            scope = "edition" if (element is root or element in in_text) and not is_register else "document"
            parts.append(f'<ix:id value={quoted} scope="{scope}"/>')
            lines.append(line)
            kind = REGISTER_ENTRIES.get(etree.QName(element).localname) if is_register else None
            if kind:
                parts.append(f'<ix:entry value={quoted} kind="{kind}"/>')
                lines.append(line)
    targets: dict[str, None] = {}
    for (attribute, token), occurrences in places.items():
        target = _resolve(token, folder, absolute)
        if target is None:
            continue
        targets[target] = None
        parts.append(f'<ix:ptr attr="{attribute}" value={quoteattr(token)} target={quoteattr(target)}/>')
        lines.append(" ".join(occurrences))
    opening = (
        f"<ix:file path={quoteattr(absolute)} name={quoteattr(os.path.basename(absolute))}"
        f' kind="{"register" if is_register else "document"}" checked="{"true" if checked else "false"}"{root_id}>'
    )
    return FileFacts(str(path), shown, opening + "".join(parts) + "</ix:file>", tuple(targets), LINES_SEPARATOR.join([root_line, *lines]))


def resolve_pointer(token: str, path: Path) -> str | None:
    """The absolute `file#id` a relative pointer in `path` names; None for an absolute URI (not checked)."""
    absolute = os.path.abspath(path)
    return _resolve(token, os.path.dirname(absolute), absolute)


def _resolve(token: str, folder: str, absolute: str) -> str | None:
    if _ABSOLUTE_URI.match(token):
        return None
    file_part, _, fragment = token.partition("#")
    target_file = os.path.normpath(os.path.join(folder, file_part)) if file_part else absolute
    return f"{target_file}#{fragment}" if fragment else target_file


Place = tuple[str, str, Located]
"""A file's path, its path as reports show it, and a value located in it."""


_ATTRIBUTE_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\t": "&#9;"})
_NEEDS_ESCAPE: Final = re.compile('[&<>"\n\t]')


def quoteattr(value: str) -> str:
    """`value` as a double-quoted XML attribute value (most need no escape, and are not translated)."""
    return '"' + (value.translate(_ATTRIBUTE_ESCAPES) if _NEEDS_ESCAPE.search(value) else value) + '"'


_FILE: Final = f"{{{INDEX_NS}}}file"
_PTR: Final = f"{{{INDEX_NS}}}ptr"
#: The index elements that stand for values in a file, which a rule may fire on.
_LOCATED: Final = frozenset({_FILE, _PTR, f"{{{INDEX_NS}}}id", f"{{{INDEX_NS}}}entry"})


class EditionIndex:
    """The index document, parsed part by part as the files' facts arrive.

    A run adds each file's fragment as its worker sends it (the parser works while
    the workers still check files), then `finish` adds ix:used and parses the end.
    Each ix:file carries the file's path, and the index keeps each file's shown path
    and lines by it, so `places_of` turns an element a rule fired on back into places
    in the files.
    """

    def __init__(self) -> None:
        self._parser = etree.XMLParser(huge_tree=True)
        self._parser.feed(f'<ix:edition xmlns:ix="{INDEX_NS}">'.encode())
        self._files: dict[str, tuple[str, str]] = {}
        """Each file's shown path and lines (FileFacts.lines), by its absolute path."""
        self._targets: set[str] = set()

    def add(self, facts: FileFacts) -> None:
        """Add one file's part of the index."""
        self._parser.feed(facts.fragment.encode("utf-8"))
        self._files[os.path.abspath(facts.path)] = (facts.shown, facts.lines)
        self._targets.update(facts.targets)

    def unread_files(self) -> list[Path]:
        """Files the pointers added so far name that are not in the index (registers, siblings)."""
        return [Path(path) for path in sorted({target.partition("#")[0] for target in self._targets} - self._files.keys())]

    def finish(self) -> etree._ElementTree:
        """The whole index: what was added, and ix:used once per target any pointer names."""
        self._parser.feed("".join(f"<ix:used target={quoteattr(target)}/>" for target in sorted(self._targets)).encode("utf-8"))
        self._parser.feed(b"</ix:edition>")
        return self._parser.close().getroottree()

    def places_of(self, element: etree._Element | None) -> list[Place]:
        """The places in the files an index element stands for (none for other nodes)."""
        if element is None or element.tag not in _LOCATED:
            return []
        where = element if element.tag == _FILE else element.getparent()
        path = where.get("path", "")
        shown, lines = self._files[path]
        line = lines.split(LINES_SEPARATOR)[0 if where is element else where.index(element) + 1]
        if element.tag == _FILE:
            found = [Located(element.get("id", ""), int(line), "xml:id")]
        elif element.tag == _PTR:
            found = [Located(element.get("value", ""), int(number), element.get("attr", "")) for number in line.split()]
        else:
            found = [Located(element.get("value", ""), int(line), "xml:id")]
        return [(path, shown, located) for located in found]


__all__ = [
    "INDEX_NS",
    "POINTER_ATTRIBUTES",
    "LINES_SEPARATOR",
    "REGISTER_ENTRIES",
    Located.__name__,
    "Place",
    FileFacts.__name__,
    collect_facts.__name__,
    resolve_pointer.__name__,
    quoteattr.__name__,
    EditionIndex.__name__,
]
