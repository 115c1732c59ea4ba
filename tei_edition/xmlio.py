"""The one place XML is read and output files are written, safely.

Every command parses XML through `parse_xml` (no entity resolution, no DTD
loading, no network, bounded size) and writes every output through
`write_atomic` (temporary file + rename), so hostile input cannot reach the
machine and an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from tei_edition.errors import XmlInputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}

#: The largest XML file any command reads; an edition's documents are far smaller.
MAX_XML_BYTES = 32 * 1024 * 1024


def _safe_parser() -> etree.XMLParser:
    """A parser that resolves no entities, loads no DTD and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml_bytes(data: bytes, name: Path | str) -> etree._ElementTree:
    """Parse XML bytes safely; errors name the file, line and column."""
    if len(data) > MAX_XML_BYTES:
        raise XmlInputError(name, 1, 1, f"file is larger than {MAX_XML_BYTES} bytes")
    if b"<!DOCTYPE" in data[:4096] and b"<!ENTITY" in data:
        raise XmlInputError(name, _line_of(data, b"<!ENTITY"), 1, "entity declarations are refused (DOCTYPE with <!ENTITY>)")
    try:
        root = etree.fromstring(data, _safe_parser(), base_url=str(name))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        raise XmlInputError(name, line or 1, column or 1, f"not well-formed XML: {exc.msg}") from exc
    return root.getroottree()


def parse_xml(path: Path) -> etree._ElementTree:
    """Read and parse one XML file safely."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise XmlInputError(path, 1, 1, f"file is larger than {MAX_XML_BYTES} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise XmlInputError(path, 1, 1, f"cannot read: {exc.strerror}") from exc
    return parse_xml_bytes(data, path)


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.find(needle)].count(b"\n") + 1


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write a file by writing a temporary sibling and renaming it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise TEI the one way the edition does (UTF-8, declaration, final newline)."""
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n"


__all__ = [
    "TEI_NS",
    "XML_NS",
    "NSMAP",
    "MAX_XML_BYTES",
    parse_xml.__name__,
    parse_xml_bytes.__name__,
    write_atomic.__name__,
    serialize.__name__,
]
