"""The edition index: what the cross-file rules need to know about every file, as one XML document.

Rules about more than one file (identifiers unique in the edition, pointers into
registers and sibling documents, register entries used) run on this index rather
than on the TEI files. Each file is parsed once, in whichever process checks it,
which writes the file's part of the index there (`collect_facts`, a map step);
the process that runs the edition rules only joins the parts (`EditionIndex`):

    <ix:edition xmlns:ix="urn:tei-edition:index">
      <ix:file path="/abs/x.xml" name="x.xml" shown="xml/x.xml" kind="document" checked="true" id="x" line="2">
        <ix:id value="x-en" scope="edition" target="/abs/x.xml#x-en" line="9"/>
        <ix:entry value="stalin" kind="person" target="/abs/persons.xml#stalin" line="7"/>  (registers)
        <ix:ptr attr="ref" value="persons.xml#stalin" target="/abs/persons.xml#stalin" file="persons.xml" lines="12 40"/>
      </ix:file>
      <ix:used target="/abs/persons.xml#stalin"/>  (once per target any pointer names)
    </ix:edition>

A pointer element stands for each distinct (attribute, value) of a file once, with
the lines of all its occurrences, so the index stays small when a text names the
same person fifty times.

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
    """

    path: str
    shown: str
    fragment: str
    targets: tuple[str, ...]


_ATTRIBUTES: Final = etree.XPath("//@*")
_IDS_IN_TEXT: Final = etree.XPath("//tei:text//@xml:id", namespaces={"tei": TEI_NS})
_XML_ID: Final = f"{{{XML_NS}}}id"
_POINTER_NAMES: Final = frozenset(POINTER_ATTRIBUTES)
#: The lines an index element records, its last attribute (values are quoteattr'ed: no ">" in them).
_LINES: Final = re.compile(r' lines?="[0-9 ]*"(?=/?>)')


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
    root_id = ""
    parts: list[str] = []
    places: dict[tuple[str, str], list[str]] = {}
    for value in _ATTRIBUTES(tree):
        name = value.attrname
        if name in _POINTER_NAMES:
            line = str(value.getparent().sourceline or 1)
            for token in value.split():
                places.setdefault((name, token), []).append(line)
        elif name == _XML_ID:
            element = value.getparent()
            quoted, line_number = quoteattr(str(value)), element.sourceline or 1
            if element is root:
                root_id = f' id={quoted} line="{line_number}"'
            scope = "edition" if (element is root or element in in_text) and not is_register else "document"
            target = quoteattr(f"{absolute}#{value}")
            parts.append(f'<ix:id value={quoted} scope="{scope}" target={target} line="{line_number}"/>')
            kind = REGISTER_ENTRIES.get(etree.QName(element).localname) if is_register else None
            if kind:
                parts.append(f'<ix:entry value={quoted} kind="{kind}" target={target} line="{line_number}"/>')
    targets: dict[str, None] = {}
    for (attribute, token), lines in places.items():
        target = _resolve(token, folder, absolute)
        if target is None:
            continue
        targets[target] = None
        file_part = token.partition("#")[0] or os.path.basename(absolute)
        parts.append(
            f'<ix:ptr attr="{attribute}" value={quoteattr(token)} target={quoteattr(target)}'
            f' file={quoteattr(file_part)} lines="{" ".join(lines)}"/>'
        )
    opening = (
        f"<ix:file path={quoteattr(absolute)} name={quoteattr(os.path.basename(absolute))} shown={quoteattr(shown)}"
        f' kind="{"register" if is_register else "document"}" checked="{"true" if checked else "false"}"{root_id}>'
    )
    return FileFacts(str(path), shown, opening + "".join(parts) + "</ix:file>", tuple(targets))


def without_lines(fragment: str) -> str:
    """A file's part of the index without the lines of its values: what the edition rules decide by.

    The rules never look at lines; an issue only reports them, of its own file. So a
    change that moves a file's lines and nothing else changes no finding, only the
    lines of the issues in that file (which a build finds by that file's content)."""
    return _LINES.sub("", fragment)


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
_VALUES: Final = frozenset({f"{{{INDEX_NS}}}id", f"{{{INDEX_NS}}}entry"})


class EditionIndex:
    """The index document, parsed part by part as the files' facts arrive.

    A run adds each file's fragment as its worker sends it (the parser works while
    the workers still check files), then `finish` adds ix:used and parses the end.
    Every element that stands for values in a file carries their lines, and its
    ix:file the file's path, so `places_of` turns an element a rule fired on back
    into places in the files.
    """

    def __init__(self) -> None:
        self._parser = etree.XMLParser(huge_tree=True)
        self._parser.feed(f'<ix:edition xmlns:ix="{INDEX_NS}">'.encode())
        self._files: set[str] = set()
        self._targets: set[str] = set()

    def add(self, facts: FileFacts) -> None:
        """Add one file's part of the index."""
        self._parser.feed(facts.fragment.encode("utf-8"))
        self._files.add(os.path.abspath(facts.path))
        self._targets.update(facts.targets)

    def unread_files(self) -> list[Path]:
        """Files the pointers added so far name that are not in the index (registers, siblings)."""
        return [Path(path) for path in sorted({target.partition("#")[0] for target in self._targets} - self._files)]

    def finish(self) -> etree._ElementTree:
        """The whole index: what was added, and ix:used once per target any pointer names."""
        self._parser.feed("".join(f"<ix:used target={quoteattr(target)}/>" for target in sorted(self._targets)).encode("utf-8"))
        self._parser.feed(b"</ix:edition>")
        return self._parser.close().getroottree()

    @staticmethod
    def places_of(element: etree._Element | None) -> list[Place]:
        """The places in the files an index element stands for (none for other nodes)."""
        if element is None:
            return []
        if element.tag == _FILE:
            where = element
            found = [Located(element.get("id", ""), int(element.get("line", "1")), "xml:id")]
        elif element.tag in _VALUES:
            where = element.getparent()
            found = [Located(element.get("value", ""), int(element.get("line", "1")), "xml:id")]
        elif element.tag == _PTR:
            where = element.getparent()
            found = [Located(element.get("value", ""), int(line), element.get("attr", "")) for line in element.get("lines", "1").split()]
        else:
            return []
        return [(where.get("path", ""), where.get("shown", ""), located) for located in found]


__all__ = [
    "INDEX_NS",
    "POINTER_ATTRIBUTES",
    "REGISTER_ENTRIES",
    Located.__name__,
    "Place",
    FileFacts.__name__,
    collect_facts.__name__,
    without_lines.__name__,
    resolve_pointer.__name__,
    quoteattr.__name__,
    EditionIndex.__name__,
]
