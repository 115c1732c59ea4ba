"""tei_edition.xslt: a file's Saxon node is the node of its safe-parsed tree, however it is made.

`source_node` hands Saxon a file's bytes as they are when Saxon reads in them what lxml
read, and the tree otherwise; each case here is a real document of the example edition,
and the node made must serialise as the tree's does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_edition.xmlio import parse_xml_bytes
from tei_edition.xslt import document_node, source_node

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "xml" / "d1950-10-07_stalin_kim-il-sung.xml"


def assert_same_node(data: bytes, name: Path) -> None:
    tree = parse_xml_bytes(data, name)
    assert str(source_node(data, tree)) == str(document_node(tree))


@pytest.mark.parametrize("path", sorted((ROOT / "xml").glob("*.xml")), ids=lambda path: path.name)
def test_every_file_of_the_edition_gives_its_trees_node(path: Path) -> None:
    assert_same_node(path.read_bytes(), path)


def real_document() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


def with_declaration(declaration: str) -> str:
    """The real document with another XML declaration (its first line)."""
    return declaration + "\n" + real_document().split("\n", 1)[1]


def with_text(text: str) -> str:
    """The real document with `text` at the start of its first paragraph."""
    return real_document().replace("<p>", "<p>" + text, 1)


#: Files whose bytes Saxon would read otherwise than lxml (made in a folder): each must go to Saxon as its tree.
CASES = {
    # Saxon would load the DTD and give the element the attribute it declares.
    "external-dtd": lambda folder: with_declaration(f"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE TEI SYSTEM \"{(folder / 'tei.dtd').as_uri()}\">").encode(),
    # The bytes are not UTF-8: decoded as such they are not the text.
    "latin-1": lambda folder: with_text("café").replace("encoding='UTF-8'", "encoding='ISO-8859-1'").encode("latin-1", "xmlcharrefreplace"),
    "utf-16": lambda folder: real_document().replace("encoding='UTF-8'", "encoding='UTF-16'").encode("utf-16"),
    # The byte order mark decoded is a character before the root.
    "utf-8-bom": lambda folder: b"\xef\xbb\xbf" + real_document().encode(),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_saxon_would_read_otherwise_gives_its_trees_node(tmp_path: Path, case: str) -> None:
    (tmp_path / "tei.dtd").write_text('<!ATTLIST TEI status CDATA "from-the-dtd">', encoding="utf-8")
    path = tmp_path / DOCUMENT.name
    path.write_bytes(CASES[case](tmp_path))
    assert_same_node(path.read_bytes(), path)
