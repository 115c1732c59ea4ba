"""What the editor's loop watches, and how it notices a change: polling file sizes and times.

Polling needs no dependency and works the same on every file system (network
drives and containers included, where change notifications often do not arrive);
an edition is a few thousand files at most, and a pass over them costs
milliseconds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tei_edition.config import Edition
from tei_edition.render import XSLT_DIR
from tei_edition.render.corpus import front_matter_path
from tei_edition.validate.rules import DEFAULT_RULES
from tei_edition.validate.schema import DEFAULT_XSD

#: A file's state as polling sees it: (size, modification time in ns).
Stamp = tuple[int, int]
#: Every watched file's stamp at one moment.
Snapshot = dict[Path, Stamp]

#: Files the build itself writes into watched folders (a change there is not the editor's).
_WRITTEN_BY_BUILD = frozenset({"sourcemap.json"})


def watched_paths(edition: Edition, config: Path) -> list[Path]:
    """The folders and files whose changes the edition's outputs depend on.

    Sources, the TEI (documents and registers), the stylesheets, the schema and
    editorial rules, the front matter and `edition.toml` itself.
    """
    places = [edition.sources, edition.xml, edition.registers, XSLT_DIR, DEFAULT_XSD.parent, DEFAULT_RULES.parent]
    places += [front_matter_path(edition), Path(config).resolve()]
    unique: dict[Path, None] = {}
    for place in places:
        unique.setdefault(Path(place).resolve(), None)
    return list(unique)


def snapshot(places: Iterable[Path]) -> Snapshot:
    """The stamp of every file in `places` (folders walked, hidden files and build outputs skipped)."""
    stamps: Snapshot = {}
    for place in places:
        if place.is_dir():
            for folder, dirs, files in os.walk(place):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not name.startswith(".") and name not in _WRITTEN_BY_BUILD:
                        _stamp(Path(folder) / name, stamps)
        else:
            _stamp(place, stamps)
    return stamps


def changed_between(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files added, removed or modified from `before` to `after`."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def _stamp(path: Path, stamps: Snapshot) -> None:
    try:
        stat = path.stat()
    except OSError:  # gone, or not there yet (an optional file such as front.xml)
        return
    stamps[path] = (stat.st_size, stat.st_mtime_ns)


__all__ = ["Stamp", "Snapshot", watched_paths.__name__, snapshot.__name__, changed_between.__name__]
