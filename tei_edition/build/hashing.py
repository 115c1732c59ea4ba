"""Content hashes of a build's inputs: files, stylesheets with what they include.

An output is up to date when the hashes of everything it was made from are the
ones recorded when it was made; hashing content (not comparing times) makes a
rebuild after a checkout, a copy or a touch do nothing when nothing changed.
File hashes are remembered with the file's size and modification time, as git
does, so a no-change build reads no file it has hashed before.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from tei_edition.xmlio import parse_xml

_XSL_NS = "http://www.w3.org/1999/XSL/Transform"


def digest(*parts: bytes | str) -> str:
    """A short hex digest of the parts (each length-prefixed, so ("ab","c") differs from ("a","bc"))."""
    return hashlib.blake2b(_framed(parts), digest_size=16).hexdigest()


class Prefix:
    """Digests of parts that start with the same parts, those hashed once: `Prefix(a, b).digest(c)` is `digest(a, b, c)`.

    A build makes a key per document and stage whose first parts (the stage's code,
    stylesheet, configuration) are the same for every document.
    """

    def __init__(self, *parts: bytes | str) -> None:
        self._state = hashlib.blake2b(_framed(parts), digest_size=16)

    def digest(self, *parts: bytes | str) -> str:
        state = self._state.copy()
        state.update(_framed(parts))
        return state.hexdigest()


def _framed(parts: tuple[bytes | str, ...]) -> bytes:
    chunks = []
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        chunks += (len(data).to_bytes(8, "little"), data)
    return b"".join(chunks)


class FileHashes:
    """Hashes of files by content, reusing a known hash while size and mtime are unchanged.

    `known` maps a path to [size, mtime_ns, digest] (the manifest keeps it between builds).
    """

    def __init__(self, known: dict[str, list] | None = None) -> None:
        self.known: dict[str, list] = dict(known or {})
        self.seen: dict[str, list] = {}

    def of(self, path: Path | str) -> str:
        """The digest of the file at `path` (its bytes)."""
        key = str(path)
        stat = os.stat(path)
        entry = self.known.get(key)
        if entry is None or entry[0] != stat.st_size or entry[1] != stat.st_mtime_ns:
            entry = [stat.st_size, stat.st_mtime_ns, digest(Path(path).read_bytes())]
        self.seen[key] = entry
        return entry[2]

    def wrote(self, path: Path | str, data: bytes) -> str:
        """The digest of `data`, just written to `path`, remembered as that file's: what the build
        writes (the TEI it converts) is not read back to be hashed."""
        key = str(path)
        stat = os.stat(path)
        entry = self.known[key] = self.seen[key] = [stat.st_size, stat.st_mtime_ns, digest(data)]
        return entry[2]

    def of_files(self, paths: Iterable[Path]) -> str:
        """One digest for several files, their names included."""
        return digest(*(f"{Path(p).name}={self.of(p)}" for p in sorted(paths)))


def stylesheet_files(main: Path) -> list[Path]:
    """The stylesheet and every module it includes or imports, recursively, each once."""
    found: dict[Path, None] = {}
    pending = [Path(main).resolve()]
    while pending:
        path = pending.pop()
        if path in found:
            continue
        found[path] = None
        for element in parse_xml(path).getroot().iter(f"{{{_XSL_NS}}}include", f"{{{_XSL_NS}}}import"):
            href = element.get("href")
            if href:
                pending.append((path.parent / href).resolve())
    return sorted(found)


def element_digest(element: etree._Element) -> str:
    """The digest of one element as canonical XML (attribute order and namespaces normalised)."""
    return digest(etree.tostring(element, method="c14n"))


__all__ = [digest.__name__, Prefix.__name__, FileHashes.__name__, stylesheet_files.__name__, element_digest.__name__]
