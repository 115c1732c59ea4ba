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

from collections.abc import Iterable
from typing import Union

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

Inline = Union[str, etree._Element]


_Element = etree.Element
_PIECE = (str, etree._Element)
_TEI_NSMAP = {None: TEI_NS}
#: The Clark names already made: `el` reads them without a call, as it runs for every element of every document.
_QNAMES: dict[str, str] = {}


def qname(tag: str) -> str:
    """The Clark name of a TEI element, or of `xml:` attributes (kept: every element built asks)."""
    name = _QNAMES.get(tag)
    if name is None:
        name = _QNAMES[tag] = f"{{{XML_NS}}}{tag[4:]}" if tag.startswith("xml:") else f"{{{TEI_NS}}}{tag}"
    return name


def el(tag: str, attrib: dict[str, str] | None = None, *children: Inline | Iterable[Inline] | None) -> etree._Element:
    """A TEI element with attributes (`xml:id`, `xml:lang` allowed) and mixed content."""
    element = _Element(qname(tag), nsmap=_TEI_NSMAP) if tag == "TEI" else _Element(_QNAMES.get(tag) or qname(tag))
    if attrib:
        for key, value in attrib.items():
            if value is not None and value != "":
                element.set(_QNAMES.get(key) or qname(key) if key.startswith("xml:") else key, value)
    if len(children) == 1 and isinstance(children[0], str):  # the commonest case: text alone
        if children[0]:
            element.text = children[0]
    elif children:
        _extend(element, children)
    return element


def append(parent: etree._Element, items: Inline | Iterable[Inline] | None) -> etree._Element:
    """Append text and elements to `parent`, merging adjacent text."""
    _extend(parent, (items,))
    return parent


def _extend(parent: etree._Element, children: Iterable[Inline | Iterable[Inline] | None]) -> None:
    """Append children in order (a child may be a list of pieces); a run of text is joined, then added once.

    Every element of a document is built here, so text is set once per run
    rather than read back and extended from the tree piece by piece.
    """
    text = ""
    for child in children:
        if child is None:
            continue
        for item in (child,) if isinstance(child, _PIECE) else child:
            if item is None:
                continue
            if isinstance(item, str):
                text += item
                continue
            if text:
                _add_text(parent, text)
                text = ""
            parent.append(item)
    if text:
        _add_text(parent, text)


def _add_text(parent: etree._Element, text: str) -> None:
    """Text after the last child (its tail), or the parent's own text when it has no child yet."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


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
    children = list(root)
    for child in children:
        tail = child.tail
        if tail and tail.strip():
            return
    if children:
        inner = "\n" + "  " * (level + 1)
        root.text = inner
        for child in children:
            child.tail = inner
            if child.tag in _STRUCTURAL_TAGS:  # the others are left as they are: no call for each
                indent_structure(child, level + 1)
        children[-1].tail = "\n" + "  " * level


__all__ = ["Inline", "STRUCTURAL", indent_structure.__name__, qname.__name__, el.__name__, append.__name__]
