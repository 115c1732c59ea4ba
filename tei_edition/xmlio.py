"""The one place XML is read and output files are written, safely.

Every command parses XML through `parse_xml` (no entity resolution, no DTD
loading, no network, bounded size) and writes every output through
`write_atomic` (temporary file + rename), so hostile input cannot reach the
machine and an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from tei_edition.errors import OutputError, XmlInputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"

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
    """Parse XML bytes safely; errors name the file, line and column.

    Entity declarations (the door to XXE and "billion laughs") and XInclude are
    refused outright, whatever the encoding; a DOCTYPE naming an external DTD is
    never loaded, and is dropped from the tree so that nothing downstream (Saxon,
    a serialised output) can load it either.
    """
    if len(data) > MAX_XML_BYTES:
        raise XmlInputError(name, 1, 1, f"file is larger than {MAX_XML_BYTES} bytes")
    if b"<!ENTITY" in data:  # the fast refusal, before the parser sees a single declaration
        raise XmlInputError(name, _line_of(data, b"<!ENTITY"), 1, _ENTITIES_REFUSED)
    try:
        root = etree.fromstring(data, _safe_parser(), base_url=str(name))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        raise XmlInputError(name, line or 1, column or 1, f"not well-formed XML: {_plain(exc.msg)}") from exc
    tree = root.getroottree()
    _refuse_hostile(tree, name)
    tree.docinfo.clear()
    return tree


_ENTITIES_REFUSED = "entity declarations are refused (a DOCTYPE with <!ENTITY>): remove the DOCTYPE"


def _refuse_hostile(tree: etree._ElementTree, name: Path | str) -> None:
    """Refuse what the byte-level check cannot see (other encodings): entities and XInclude."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XmlInputError(name, 1, 1, _ENTITIES_REFUSED)
    root = tree.getroot()
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise XmlInputError(name, _line(entity, root), 1, f"entity reference {entity.text} is refused: write the character itself")
    include = next(root.iter(f"{{{XINCLUDE_NS}}}*"), None)
    if include is not None:
        raise XmlInputError(
            name, _line(include, root), 1,
            f"XInclude is refused (xi:{etree.QName(include).localname} href={include.get('href', '')!r}): "
            "an edition's files stand alone, include the text itself",
        )


def _line(node: etree._Element, root: etree._Element) -> int:
    """The line of a node, or of its nearest ancestor that has one."""
    while node is not None and not node.sourceline:
        node = node.getparent()
    return (node.sourceline if node is not None else root.sourceline) or 1


def _plain(message: str) -> str:
    """libxml2's message without advice meant for programmers (XML_PARSE_HUGE)."""
    return re.sub(r",?\s*use XML_PARSE_HUGE option", " (the safe parser's limit)", message)


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


def write_atomic(path: Path, data: bytes | str | Iterable[bytes]) -> None:
    """Write a file by writing a temporary sibling and renaming it into place.

    A reader sees the old file or the new one, never half of either. A write that
    fails (folder not writable, disk full) is an OutputError naming the file, and
    leaves no temporary behind; temporaries a killed run left (`kill -9`) are
    removed by the next process that writes into the same folder. `data` may come
    in pieces (an iterable of bytes): a file larger than memory is written as made.
    """
    path = Path(path)
    chunks = [data.encode("utf-8")] if isinstance(data, str) else [data] if isinstance(data, bytes) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(path, f"cannot create its folder {path.parent}: {write_failure(exc)}") from exc
    _remove_stale_temporaries(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=_TEMPORARY_SUFFIX)
    except OSError as exc:
        raise OutputError(path, f"cannot write in {path.parent}: {write_failure(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _FILE_MODE)
            for chunk in chunks:
                handle.write(chunk)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(path, f"cannot write: {write_failure(exc)}") from exc
        raise


_TEMPORARY_SUFFIX = ".tmp"


def _file_mode() -> int:
    """The mode `open(path, "w")` would give a new file: mkstemp makes its file private (0600), which
    would leave a built site unreadable by the web server that serves it. Read once, at import, since
    reading the umask means setting it."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def write_failure(exc: OSError) -> str:
    """Why a write failed, in the words an editor can act on."""
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"{exc.strerror} (the disk is full, or a file-size limit was reached); nothing was replaced"
    return exc.strerror or str(exc)


#: The folders this process has cleared of stale temporaries.
_SWEPT: set[Path] = set()


def _remove_stale_temporaries(path: Path) -> None:
    """Remove the temporaries in `path`'s folder whose writing process is gone (killed before it could clean up).

    Once per folder and process: listing a folder of 10,000 outputs for every file
    written into it grew with the square of the edition.
    """
    if path.parent in _SWEPT:
        return
    _SWEPT.add(path.parent)
    for stale in path.parent.glob(f".*{_TEMPORARY_SUFFIX}"):
        parts = stale.name[: -len(_TEMPORARY_SUFFIX)].rsplit(".", 2)  # ".NAME", pid, mkstemp's random part
        pid = parts[1] if len(parts) == 3 else ""
        if pid.isdigit() and not _alive(int(pid)):
            try:
                stale.unlink()
            except OSError:
                pass


def _alive(pid: int) -> bool:
    """Whether the process that wrote a temporary may still write it: one that ended is
    dead even while no one has reaped it (a zombie), as a killed build's workers are until
    the init process, which adopted them, gets to it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether a process has ended and waits to be reaped (Linux's /proc; elsewhere never said)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2 :][:1] == b"Z"  # the state follows the command name, which may hold ") "


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise TEI the one way the edition does (UTF-8, declaration, final newline)."""
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n"


__all__ = [
    "TEI_NS",
    "XML_NS",
    "NSMAP",
    "XINCLUDE_NS",
    "MAX_XML_BYTES",
    parse_xml.__name__,
    parse_xml_bytes.__name__,
    write_atomic.__name__,
    write_failure.__name__,
    serialize.__name__,
]
