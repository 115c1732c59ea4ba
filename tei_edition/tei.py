"""Build TEI elements: the one small builder every reader and builder uses.

Readers never concatenate markup as strings; they call `el()` and `append()`,
which keep mixed content (text between elements) right.

>>> p = el("p", None, "Filippov ", el("supplied", {"reason": "identification"}, "Stalin"))
>>> tei = el("TEI", None, el("text", None, p))  # the root declares the TEI namespace
>>> from lxml import etree
>>> etree.tostring(p).decode().replace(' xmlns="http://www.tei-c.org/ns/1.0"', '')
'<p>Filippov <supplied reason="identification">Stalin</supplied></p>'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Union

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

Inline = Union[str, etree._Element]


@functools.cache
def qname(tag: str) -> str:
    """The Clark name of a TEI element, or of `xml:` attributes (cached: every element built asks)."""
    if tag.startswith("xml:"):
        return f"{{{XML_NS}}}{tag[4:]}"
    return f"{{{TEI_NS}}}{tag}"


def el(tag: str, attrib: dict[str, str] | None = None, *children: Inline | Iterable[Inline] | None) -> etree._Element:
    """A TEI element with attributes (`xml:id`, `xml:lang` allowed) and mixed content."""
    element = etree.Element(qname(tag), nsmap={None: TEI_NS} if tag == "TEI" else None)
    for key, value in (attrib or {}).items():
        if value is not None and value != "":
            element.set(qname(key) if key.startswith("xml:") else key, value)
    for child in children:
        append(element, child)
    return element


def append(parent: etree._Element, items: Inline | Iterable[Inline] | None) -> etree._Element:
    """Append text and elements to `parent`, merging adjacent text."""
    if items is None:
        return parent
    if isinstance(items, (str, etree._Element)):
        items = [items]
    for item in items:
        if item is None:
            continue
        if isinstance(item, str):
            if not item:
                continue
            if len(parent):
                last = parent[-1]
                last.tail = (last.tail or "") + item
            else:
                parent.text = (parent.text or "") + item
        else:
            parent.append(item)
    return parent


#: Elements whose content is only other elements: indenting them changes no text.
STRUCTURAL = frozenset(
    """TEI teiHeader fileDesc titleStmt publicationStmt sourceDesc msDesc msIdentifier altIdentifier
    msContents msItem physDesc handDesc profileDesc correspDesc correspAction langUsage textClass
    keywords revisionDesc encodingDesc editorialDecl availability respStmt bibl abstract text body floatingText
    front back div opener closer postscript list listPerson listPlace listOrg person place org listWit""".split()
)


_STRUCTURAL_TAGS = frozenset(map(qname, STRUCTURAL))


def indent_structure(root: etree._Element, level: int = 0) -> None:
    """Indent the element-only parts of a TEI tree, so files read and diff line by line.

    Mixed content (a paragraph, a name with a `choice` in it) is left exactly as
    it is: whitespace there would be text.
    """
    if root.tag not in _STRUCTURAL_TAGS or (root.text and root.text.strip()):
        return
    if any(child.tail and child.tail.strip() for child in root):
        return
    inner = "\n" + "  " * (level + 1)
    if len(root):
        root.text = inner
        for child in root:
            child.tail = inner
            indent_structure(child, level + 1)
        root[-1].tail = "\n" + "  " * level


__all__ = ["Inline", "STRUCTURAL", indent_structure.__name__, qname.__name__, el.__name__, append.__name__]
