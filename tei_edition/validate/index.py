"""The edition index: what the cross-file rules need to know about every file, as one XML document.

Rules about more than one file (identifiers unique in the edition, pointers into
registers and sibling documents, register entries used) run on this index rather
than on the TEI files, so each file is parsed once, in whichever process checks it,
and only its small `FileFacts` travel back. `build_index` turns the facts of all
files into the XML the phase "edition" of schema/rules/edition.sch reads:

    <ix:edition xmlns:ix="urn:tei-edition:index">
      <ix:file path="/abs/x.xml" name="x.xml" kind="document" id="x" checked="true">
        <ix:id value="x-en" scope="edition" target="/abs/x.xml#x-en" line="9" column="7"/>
        <ix:entry value="stalin" kind="person" target="/abs/persons.xml#stalin" .../>  (registers)
        <ix:ptr attr="ref" value="persons.xml#stalin" target="/abs/persons.xml#stalin" file="persons.xml" .../>
      </ix:file>
      <ix:used target="/abs/persons.xml#stalin"/>  (once per target any pointer names)
    </ix:edition>

ix:used lists each pointer target once, so that the rules can ask whether an entry is
used through a key whose values are unique: libxslt builds a key whose value many
nodes share in quadratic time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

INDEX_NS: Final = "urn:tei-edition:index"

#: Attributes whose values are pointers (one or more URIs separated by spaces).
POINTER_ATTRIBUTES: Final = ("ref", "hand", "resp", "corresp", "target", "wit", "who", "scheme", "scribeRef")

#: Register entries, by element name; what kind of entry each is.
REGISTER_ENTRIES: Final = {"person": "person", "place": "place", "org": "organisation"}

_ABSOLUTE_URI: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_XML_ID: Final = f"{{{XML_NS}}}id"
_TEXT: Final = f"{{{TEI_NS}}}text"


@dataclass(frozen=True)
class Located:
    """A value found in a file: the attribute that holds it and the line of its element.

    Columns and source lines are worked out only for the few values a rule reports
    (`positions.locate_attribute`), not for every value of the edition.
    """

    value: str
    line: int
    attribute: str


@dataclass
class FileFacts:
    """What one file contributes to the edition index (plain data, so it pickles between processes).

    `pointers` holds each distinct (attribute, value) of the file once, with every place
    it occurs, so the index stays small when a text names the same person fifty times.
    """

    path: str
    shown: str
    kind: str
    checked: bool = True
    doc_id: Located | None = None
    ids: list[tuple[Located, str]] = field(default_factory=list)
    entries: list[tuple[Located, str]] = field(default_factory=list)
    pointers: list[tuple[list[Located], str, str, str]] = field(default_factory=list)


_IDS: Final = etree.XPath("//@xml:id")
_POINTERS: Final = etree.XPath(" | ".join(f"//@{name}" for name in POINTER_ATTRIBUTES))


def collect_facts(tree: etree._ElementTree, path: Path, shown: str) -> FileFacts:
    """The ids, register entries and pointers of one TEI file."""
    root = tree.getroot()
    is_register = next(root.iter(*(f"{{{TEI_NS}}}{name}" for name in REGISTER_ENTRIES)), None) is not None
    facts = FileFacts(str(path), shown, "register" if is_register else "document")
    for identifier in _IDS(tree):
        element = identifier.getparent()
        located = Located(str(identifier), element.sourceline or 1, "xml:id")
        if element is root:
            facts.doc_id = located
        in_text = any(a.tag == _TEXT for a in element.iterancestors())
        scope = "edition" if (element is root or in_text) and not is_register else "document"
        facts.ids.append((located, scope))
        kind = REGISTER_ENTRIES.get(etree.QName(element).localname)
        if is_register and kind:
            facts.entries.append((located, kind))
    places: dict[tuple[str, str], list[Located]] = {}
    for value in _POINTERS(tree):
        attribute, line = value.attrname, value.getparent().sourceline or 1
        for token in value.split():
            known = places.get((attribute, token))
            if known is not None:
                known.append(Located(token, line, attribute))
                continue
            target = resolve_pointer(token, path)
            places[(attribute, token)] = located = [Located(token, line, attribute)]
            if target is not None:
                facts.pointers.append((located, attribute, target, _target_file(token, path)))
    return facts


def resolve_pointer(token: str, path: Path) -> str | None:
    """The absolute `file#id` a relative pointer in `path` names; None for an absolute URI (not checked)."""
    if _ABSOLUTE_URI.match(token):
        return None
    file_part, _, fragment = token.partition("#")
    target_file = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), file_part)) if file_part else os.path.abspath(path)
    return f"{target_file}#{fragment}" if fragment else target_file


def _target_file(token: str, path: Path) -> str:
    file_part = token.partition("#")[0]
    return file_part or Path(path).name


def pointed_files(all_facts: list[FileFacts]) -> list[Path]:
    """Files the pointers of `all_facts` name that are not among them (registers, siblings)."""
    known = {os.path.abspath(facts.path) for facts in all_facts}
    named = {target.partition("#")[0] for facts in all_facts for _, _, target, _ in facts.pointers}
    return [Path(path) for path in sorted(named - known)]


Place = tuple[str, str, Located]
"""A file's path, its path as reports show it, and a value located in it."""


_ATTRIBUTE_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


def quoteattr(value: str) -> str:
    """`value` as a double-quoted XML attribute value."""
    return '"' + value.translate(_ATTRIBUTE_ESCAPES) + '"'


class EditionIndex:
    """The index document, built as text and parsed once (much faster than node by node).

    Every element that stands for places in the files carries `n`, its number in
    `places`; `places_of` turns an element a rule fired on back into those places.
    """

    def __init__(self, all_facts: list[FileFacts]) -> None:
        self.places: list[list[Place]] = []
        parts: list[str] = [f'<ix:edition xmlns:ix="{INDEX_NS}">']
        for facts in all_facts:
            absolute = os.path.abspath(facts.path)
            identifier = f" id={quoteattr(facts.doc_id.value)}" if facts.doc_id is not None else ""
            parts.append(
                f"<ix:file n=\"{self._add([(facts.path, facts.shown, facts.doc_id or Located('', 1, 'xml:id'))])}\""
                f" path={quoteattr(absolute)} name={quoteattr(os.path.basename(absolute))} kind=\"{facts.kind}\""
                f" checked=\"{'true' if facts.checked else 'false'}\"{identifier}>"
            )
            for located, scope in facts.ids:
                parts.append(self._element("id", facts, [located], scope=scope, target=f"{absolute}#{located.value}"))
            for located, kind in facts.entries:
                parts.append(self._element("entry", facts, [located], kind=kind, target=f"{absolute}#{located.value}"))
            for occurrences, attribute, target, target_file in facts.pointers:
                parts.append(self._element("ptr", facts, occurrences, attr=attribute, target=target, file=target_file))
            parts.append("</ix:file>")
        for target in sorted({target for facts in all_facts for _, _, target, _ in facts.pointers}):
            parts.append(f"<ix:used target={quoteattr(target)}/>")
        parts.append("</ix:edition>")
        self.tree: etree._ElementTree = etree.fromstring("".join(parts).encode("utf-8"), etree.XMLParser(huge_tree=True)).getroottree()

    def _add(self, where: list[Place]) -> int:
        self.places.append(where)
        return len(self.places) - 1

    def _element(self, name: str, facts: FileFacts, occurrences: list[Located], **attributes: str) -> str:
        number = self._add([(facts.path, facts.shown, located) for located in occurrences])
        rest = "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
        return f'<ix:{name} n="{number}" value={quoteattr(occurrences[0].value)}{rest}/>'

    def places_of(self, element: etree._Element | None) -> list[Place]:
        """The places in the files an index element stands for (none for other nodes)."""
        number = element.get("n") if element is not None else None
        return self.places[int(number)] if number is not None else []


__all__ = [
    "INDEX_NS",
    "POINTER_ATTRIBUTES",
    "REGISTER_ENTRIES",
    Located.__name__,
    "Place",
    FileFacts.__name__,
    collect_facts.__name__,
    resolve_pointer.__name__,
    pointed_files.__name__,
    EditionIndex.__name__,
]
