"""Where an edition's source texts are, and where the converter records what came from where.

Kept apart from the converter (tei_edition/convert.py), which loads word lists and
readers: the build lists the sources on every run, also when none changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from tei_edition.errors import TeiEditionError

#: The file in the xml folder that maps each TEI file's elements to its source's lines.
SOURCEMAP: Final = "sourcemap.json"


def sourcemap_text(entries: Mapping[str, object]) -> str:
    """The source map's text for these entries: the converter writes it so, and the build,
    which rewrites only the blocks of the documents it converted, counts on this form."""
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def iter_sources(paths: Iterable[Path]) -> list[Path]:
    """The source texts named: files as given, directories by their `*.txt` files in name order."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise TeiEditionError(f"{path}: no such file or directory")
    return found


__all__ = ["SOURCEMAP", sourcemap_text.__name__, iter_sources.__name__]
