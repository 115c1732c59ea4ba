"""The TEI files a build worker read last, each parsed once and made a Saxon node once.

A worker makes a document's outputs in one task (its page, its text) and the pages
of consecutive documents in date order, each page needing its neighbours (prev/next).
Parsing a file for lxml and again for Saxon was a large part of a small document's
cost outside the stylesheets, and each stage, and each page that had the file for
a neighbour, did both again. Here every stage and the next pages share one lxml tree
and one Saxon node per file. Files are kept by their path and bytes, so a file changed
since is read again, and only the last few are kept, so a worker's memory does not grow
with the edition. The trees are shared: a writer must not change a document's tree
(none does: the stylesheets read them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei_edition.errors import XmlInputError
from tei_edition.xmlio import parse_xml_bytes

if TYPE_CHECKING:
    from saxonche import PyXdmNode


class ReadFile:
    """One TEI file as read: its bytes, its safe-parsed tree, and its Saxon node (made when first asked for)."""

    __slots__ = ("_node", "path", "source", "tree")

    def __init__(self, path: Path, source: bytes) -> None:
        self.path = path
        self.source = source
        self.tree: etree._ElementTree = parse_xml_bytes(source, path)
        self._node: PyXdmNode | None = None

    @property
    def node(self) -> PyXdmNode:
        """The file as a Saxon document node (Saxon is loaded only by a worker that transforms)."""
        if self._node is None:
            from tei_edition.xslt import source_node

            self._node = source_node(self.source, self.tree)
        return self._node


class RecentFiles:
    """The last `size` files read, by path, each with its bytes (the most recent last). The bytes
    are compared, not hashed as part of the key: a file read again is found by its path alone."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._files: dict[Path, ReadFile] = {}

    def read(self, path: Path) -> ReadFile:
        """The file at `path` as it is now: kept if its bytes are, else parsed (an XmlInputError if it cannot be)."""
        try:
            with open(path, "rb", buffering=0) as handle:  # unbuffered: no terminal or position to ask about
                source = handle.readall()
        except OSError as exc:
            raise XmlInputError(path, 1, 1, f"cannot read: {exc.strerror}") from exc
        found = self._files.pop(path, None)
        if found is None or found.source != source:
            found = ReadFile(path, source)
        self._files[path] = found
        while len(self._files) > self._size:
            del self._files[next(iter(self._files))]
        return found


__all__ = [ReadFile.__name__, RecentFiles.__name__]
