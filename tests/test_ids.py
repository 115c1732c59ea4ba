"""Renaming a document renames its id, the ids derived from it and pointers to them, and nothing
that merely contains the old id (tei_edition/ids.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_edition.ids import rename_document, renamed_id
from tei_edition.xmlio import parse_xml, serialize

XML = Path(__file__).resolve().parent.parent / "xml"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: A document `d1` whose ids, pointers and texts hold ids that contain `d1` or are contained in it.
_DOCUMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1">
<teiHeader><publicationStmt><idno type="document">d1</idno></publicationStmt>
<profileDesc>
<correspDesc type="embedded" corresp="#d1-q1"/>
<correspDesc type="embedded" corresp="#d10-q1"/>
<respStmt xml:id="copy1-d1-en" resp="#hand-1"/>
<ref target="d1.xml#d1-ru2 d10.xml#d10-en  #d1-2-en persons.xml#d1 d1.xml #d1"/>
<ref target="#d1-2  #d1-q1x #d1-Q1 #d1--en #xd1-en" n="d1-en"/>
</profileDesc></teiHeader>
<text><body>
<div xml:id="d1-en" corresp="#d1-ru2"><floatingText xml:id="d1-q1"/><p>d1-en</p></div>
<div xml:id="d1-ru2" corresp="#d1-en"/>
<div xml:id="d1-3-en" corresp="#d10-en"/>
</body></text>
</TEI>"""
#: `_DOCUMENT` renamed to `{new}`. A value of pointers renamed is written with single spaces, one left alone as it was.
_RENAMED = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{new}">
<teiHeader><publicationStmt><idno type="document">{new}</idno></publicationStmt>
<profileDesc>
<correspDesc type="embedded" corresp="#{new}-q1"/>
<correspDesc type="embedded" corresp="#d10-q1"/>
<respStmt xml:id="copy1-d1-en" resp="#hand-1"/>
<ref target="{new}.xml#{new}-ru2 d10.xml#d10-en #d1-2-en persons.xml#d1 d1.xml #{new}"/>
<ref target="#d1-2  #d1-q1x #d1-Q1 #d1--en #xd1-en" n="d1-en"/>
</profileDesc></teiHeader>
<text><body>
<div xml:id="{new}-en" corresp="#{new}-ru2"><floatingText xml:id="{new}-q1"/><p>d1-en</p></div>
<div xml:id="{new}-ru2" corresp="#{new}-en"/>
<div xml:id="d1-3-en" corresp="#d10-en"/>
</body></text>
</TEI>"""


@pytest.mark.parametrize("new", ["d10", "d1-2", "x"])
def test_only_the_id_its_parts_and_pointers_to_them_are_renamed(new: str) -> None:
    """Its id, `-en`, `-ru2`, `-q1` and `#`, `file#` pointers to them; not `d10-en` (containing `d1`),
    `d1-2-en`, `d1-3-en` (another document's parts), a copy's `copy1-d1-en`, a register's `persons.xml#d1`, a
    file without an id, text, a value that is no pointer, `-q1x`, `-Q1`, `--en` (no part)."""
    root = etree.fromstring(_DOCUMENT)
    rename_document(root, "d1", new)
    assert etree.tostring(root, encoding="unicode") == etree.tostring(etree.fromstring(_RENAMED.replace("{new}", new)), encoding="unicode")


def test_a_document_renamed_to_its_own_id_is_unchanged() -> None:
    """As a merged document that keeps its id is (convert.py): not even the spaces of its pointers change."""
    root = etree.fromstring(_DOCUMENT)
    rename_document(root, "d1", "d1")
    assert etree.tostring(root, encoding="unicode") == etree.tostring(etree.fromstring(_DOCUMENT), encoding="unicode")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("d1", "d3"), ("d1-en", "d3-en"), ("d1-ru12", "d3-ru12"), ("d1-q1", "d3-q1"), ("d10", "d10"), ("d10-en", "d10-en"),
     ("d1-2", "d1-2"), ("d1-2-en", "d1-2-en"), ("xd1-en", "xd1-en"), ("d1-", "d1-"), ("d1-1", "d1-1"), ("d1-en-q1", "d1-en-q1")],
)
def test_renamed_id(value: str, expected: str) -> None:
    assert renamed_id(value, "d1", "d3") == expected


@pytest.mark.parametrize("path", sorted(XML.glob("d*.xml")), ids=lambda p: p.stem)
def test_every_id_the_converter_derives_is_renamed_and_renamed_back(path: Path) -> None:
    """On the example edition's documents (versions, embedded texts, witnesses): after a rename to an
    id that contains the old one nothing starts with the old id any more, and renaming back gives the
    same bytes."""
    original = path.read_bytes()
    root = parse_xml(path).getroot()
    old = root.get(_XML_ID)
    new = f"{old}-2"
    rename_document(root, old, new)
    values = [value for element in root.iter(etree.Element) for value in element.values()]
    tokens = [token.rpartition("#")[2] for value in values for token in value.split()]
    assert not [token for token in tokens if token == old or (token.startswith(f"{old}-") and not token.startswith(new))]
    assert sum(token.startswith(new) for token in tokens) >= 2  # the document and its version at least
    rename_document(root, new, old)
    assert serialize(root.getroottree()) == original
