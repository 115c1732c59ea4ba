"""What the HTML site's own pages need of each document: its pieces, made once per content.

The index, the registers and the search page list every document. Made from one tree
of every document (full texts first, then every document's summary), they held the
whole edition in memory at once: 0.8 GB at 10,000 documents. Instead each document
gives its own pieces of those pages (xslt/html/summary.xsl and site.xsl: its index
rows, its search entry, its line in the list of each register entry it names, as the
markup they are on the pages), the build's workers make them where they make the
document's page, and the site's pages only order and join them
(tei_edition.render.sitejoin).

A document's pieces are kept in the build folder under the digest of its bytes and of
the stylesheets, as three lines of JSON: a header (the register entries the document
points at and their digest), the pieces, the search entry. The pieces show
the preferred names of those entries; when any of them changed since, the header
says so and they are made again, as they are for a document without kept pieces, so
the site's pages are right whichever ran first.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree

from tei_edition.config import Edition
from tei_edition.registers import FILE_NAMES
from tei_edition.render import XSLT_DIR
from tei_edition.render.corpus import document_of, role
from tei_edition.xmlio import TEI_NS, XML_NS, parse_xml, parse_xml_bytes, write_atomic
from tei_edition.xslt import ParamValue, Stylesheet

#: Where pieces are kept, inside the build folder.
SUMMARY_CACHE = Path(".cache") / "html-site"
STYLESHEET = XSLT_DIR / "html.xsl"
#: The stylesheets pieces are made with: a change to any of them makes every document's again.
_STYLESHEETS = ("html.xsl", "html/*.xsl", "common/*.xsl")
#: Every pointer into a register a stylesheet resolves (te:register-entry: by the part after '#').
_REFS = etree.XPath("//@ref", smart_strings=False)


class Pieces(NamedTuple):
    """One document's pieces of the site's pages: from its file, the pieces (JSON) and its search entry."""

    path: Path
    data: dict[str, Any]
    """id, date, rows (the index's), mentions (register entry id, line, name forms): see site.xsl's te:site-piece."""
    search: bytes
    """Its entry of the search index (JSON)."""


def summarise(tree: etree._ElementTree, params: dict[str, ParamValue], source: Path) -> bytes:
    """A document's pieces (two lines: pieces, search entry), from its tree (an error names its
    line) and the page parameters (registers: names), for a document whose page is not being
    made (a document's page and pieces are made together: tei_edition.render.html.page_and_summary)."""
    sheet = Stylesheet.load(STYLESHEET)
    return sheet.transform(tree, {**params, "page": "summary"}, source=source).encode("utf-8")


def parsed(path: Path, pieces: bytes) -> Pieces:
    """A document's pieces as made (`summarise`), for the site's pages."""
    data, search = pieces.split(b"\n", 1)
    return Pieces(path, json.loads(data), search)


class KeptFile(NamedTuple):
    """A file of kept pieces and the digest of its bytes."""

    path: Path
    digest: str
    """What the site's pages show of the document changed only if this did (the build's key of them)."""


def keep(edition: Edition, source: bytes, tree: etree._ElementTree, pieces: bytes) -> KeptFile:
    """Keep the pieces of a document's bytes in the build folder (unless kept already, with the same names)."""
    target = edition.build / SUMMARY_CACHE / _name(source)
    header = _header(tree, _register_digests(edition))
    content = header + b"\n" + pieces
    if _kept_header(target) != header:  # the same header, the same pieces: made from the same bytes with the same names
        write_atomic(target, content)
    return KeptFile(target, hashlib.blake2b(content, digest_size=16).hexdigest())


def register_files(edition: Edition) -> list[Path]:
    """The edition's registers (the build's workers give them to the stylesheet in this order)."""
    return [Path(path) for path, _, _ in _stamps(edition.registers)]


class Kept(NamedTuple):
    """A document's kept pieces, as its file holds them."""

    path: Path
    """The document's file."""
    file: Path
    header: bytes
    """The register entries it points at and their digest (see `Current`)."""
    data: dict[str, Any]
    """As Pieces.data."""
    search: int
    """Where its search entry starts in `file` (it runs to the end)."""
    size: int
    """The size of `file`."""


def document_pieces(edition: Edition, params: Callable[[], dict[str, ParamValue]], path: Path, current: Current) -> Kept | None:
    """A file's kept pieces (None: the file is not a document). Without kept pieces, or
    with pieces that show register entries changed since, it is parsed and its pieces
    made and kept. `params`: what gives the page parameters (the registers of `register_files`),
    asked for only then (parsing the registers costs more than a changed document)."""
    source = path.read_bytes()
    target = edition.build / SUMMARY_CACHE / _name(source)
    kept = current.kept(target)
    if kept is None:
        tree = parse_xml_bytes(source, path)
        if role(tree) != "document":
            return None
        keep(edition, source, tree, summarise(tree, params(), document_of(tree).path))
        kept = current.kept(target)
        assert kept is not None  # just written, with these digests
    header, data, at, size = kept
    return Kept(path, target, header, data, at, size)


def remove_stale(edition: Edition, used: set[str], among: Iterable[str] | None = None) -> None:
    """Delete the kept pieces no document has any more (`used`: the names of the files of those it has),
    of those named `among` (None: of every file there; after a few documents changed, their old ones)."""
    folder = edition.build / SUMMARY_CACHE
    for name in (os.listdir(folder) if folder.is_dir() else ()) if among is None else among:
        if name not in used and not name.startswith("."):  # not a file being written
            (folder / name).unlink(missing_ok=True)


class Current:
    """Which kept pieces show the register entries as they are: a header is checked once,
    however many documents name the same entries."""

    def __init__(self, edition: Edition) -> None:
        self._digests = _register_digests(edition)
        self._checked: dict[bytes, bool] = {}
        self.registers = _refs_digest(sorted(self._digests), self._digests)
        """The digest of every register entry: while it is the same, pieces that showed them as they were still do."""

    def shows(self, header: bytes) -> bool:
        """Whether pieces with this header show the register entries as they are."""
        if header not in self._checked:
            try:
                kept = json.loads(header)
                self._checked[header] = isinstance(kept["elements"], list) and kept["registers"] == _refs_digest(kept["refs"], self._digests)
            except (ValueError, KeyError, TypeError):
                self._checked[header] = False
        return self._checked[header]

    def kept(self, target: Path) -> tuple[bytes, dict[str, Any], int, int] | None:
        """The kept pieces in a file (header, pieces, where the search entry starts, the file's size), if there and
        made with the register entries as they are now (a file that is not three lines of JSON,
        which this toolkit never leaves, is made again)."""
        try:
            content = target.read_bytes()
            header, pieces, _ = content.split(b"\n", 2)
            loaded: dict[str, Any] | None = json.loads(pieces) if self.shows(header) else None
        except (FileNotFoundError, ValueError):
            return None
        return None if loaded is None else (header, loaded, len(header) + len(pieces) + 2, len(content))


def _kept_header(target: Path) -> bytes | None:
    try:
        with open(target, "rb") as handle:
            return handle.readline().rstrip(b"\n")
    except FileNotFoundError:
        return None


def _header(tree: etree._ElementTree, digests: dict[str, str]) -> bytes:
    """The register entries a document points at (their ids) and the digest of them as they are,
    and the TEI elements it uses: the guidelines page shows each element's first occurrence in
    the edition, which only the first document using it can hold (tei_edition.render.sitecache)."""
    refs = sorted({value.partition("#")[2] for value in _REFS(tree)})
    elements = sorted({tag.rpartition("}")[2] for tag in {element.tag for element in tree.getroot().iter(f"{{{TEI_NS}}}*")}})
    return json.dumps({"refs": refs, "registers": _refs_digest(refs, digests), "elements": elements}, ensure_ascii=False).encode("utf-8")


def _refs_digest(refs: list[str], digests: dict[str, str]) -> str:
    state = hashlib.blake2b(digest_size=16)
    for ref in refs:
        state.update(f"{ref}={digests.get(ref, '-')}\n".encode())
    return state.hexdigest()


def _register_digests(edition: Edition) -> dict[str, str]:
    """Each register entry's digest, by its id (the registers read again only when changed)."""
    return _digests_of(tuple(_stamps(edition.registers)))


def _stamps(folder: Path) -> Iterator[tuple[str, int, int]]:
    """The path, size and time of change of each register file in `folder`: one system call each, as every
    document's kept pieces ask whether the registers changed (an is_file and a stat of each cost a tenth of keeping them)."""
    for name in sorted(FILE_NAMES):
        path = os.path.join(folder, name)
        try:
            found = os.stat(path)
        except FileNotFoundError:
            continue
        if stat.S_ISREG(found.st_mode):
            yield path, found.st_size, found.st_mtime_ns


@functools.lru_cache(maxsize=1)
def _digests_of(stamps: tuple[tuple[str, int, int], ...]) -> dict[str, str]:
    parts: dict[str, list[bytes]] = {}
    for path, _, _ in stamps:
        for element in parse_xml(Path(path)).getroot().iter(etree.Element):
            identifier = element.get(f"{{{XML_NS}}}id")
            if identifier:
                parts.setdefault(identifier, []).append(etree.tostring(element, with_tail=False))
    return {identifier: hashlib.blake2b(b"\0".join(chunks), digest_size=16).hexdigest() for identifier, chunks in parts.items()}


def _name(source: bytes) -> str:
    """The name of the file the pieces of these bytes are kept in (in SUMMARY_CACHE)."""
    digest = hashlib.sha256(stylesheets_digest())
    digest.update(source)
    return f"{digest.hexdigest()}.jsonl"


@functools.cache
def stylesheets_digest() -> bytes:
    """The digest of the stylesheets pieces are made with (read once per process)."""
    digest = hashlib.sha256()
    for path in sorted(p for pattern in _STYLESHEETS for p in XSLT_DIR.glob(pattern)):
        digest.update(path.relative_to(XSLT_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


__all__ = [
    "SUMMARY_CACHE",
    Pieces.__name__,
    summarise.__name__,
    parsed.__name__,
    register_files.__name__,
    KeptFile.__name__,
    keep.__name__,
    Kept.__name__,
    document_pieces.__name__,
    remove_stale.__name__,
    Current.__name__,
    stylesheets_digest.__name__,
]
