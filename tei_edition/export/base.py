"""What every export format shares: its options, its report, its errors, and how it writes.

An export writes a whole folder. It is built in a temporary sibling folder and
renamed into place at the end, so a failed export never leaves half a folder;
a folder is only replaced when it is empty or an earlier export of the toolkit
(it holds the marker file), so `--out .` can never wipe an unrelated folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple

from lxml import etree

from tei_edition.config import Edition
from tei_edition.errors import TeiEditionError
from tei_edition.render import RenderReport
from tei_edition.xmlio import serialize, write_atomic

#: The file that marks a folder as an export of this toolkit (safe to replace).
MARKER: Final = ".tei-edition-export"


class ExportOptions(NamedTuple):
    """Where an export goes, and where it will be published."""

    out: Path
    """The folder the export is written to (replaced as a whole)."""
    base_url: str = ""
    """The URL the export will be published at ('' : links stay relative to the folder)."""


@dataclass
class ExportReport(RenderReport):
    """What an export wrote, as a writer's report says it, and the warnings it gave."""

    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return super().as_json() | {"warnings": self.warnings}


class ExportError(TeiEditionError):
    """Raised when the edition cannot be exported as asked; says which file and why."""


# dates


def export_date(edition: Edition) -> str:
    """The day the export is dated (YYYY-MM-DD), the same on every run.

    SOURCE_DATE_EPOCH (the reproducible-builds convention) wins; otherwise the
    edition's date from edition.toml, a bare year read as its first day.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))
        except ValueError as exc:
            raise ExportError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from exc
    parts = edition.date.split("-")
    if not edition.date or not all(part.isdigit() for part in parts) or len(parts) > 3:
        raise ExportError(f"{edition.root / 'edition.toml'}: [edition] date {edition.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                          " (set it, or SOURCE_DATE_EPOCH, to date the export)")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def export_timestamp(edition: Edition) -> str:
    """The export's date as an xsd:dateTime (midnight UTC of `export_date`)."""
    return f"{export_date(edition)}T00:00:00Z"


# writing


class FolderWriter:
    """Writes the files of one export under a root folder, recording them in the report."""

    def __init__(self, root: Path, report: ExportReport) -> None:
        self.root = root
        self.report = report

    def write_bytes(self, relative: str, data: bytes | str) -> Path:
        path = self.root / relative
        write_atomic(path, data)
        self.report.files.append(self.report.out / relative)
        return path

    def write_xml(self, relative: str, tree: etree._ElementTree | etree._Element) -> Path:
        return self.write_bytes(relative, serialize(tree))

    def write_json(self, relative: str, data: Any) -> Path:
        return self.write_bytes(relative, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")

    def copy(self, relative: str, source: Path) -> Path:
        return self.write_bytes(relative, source.read_bytes())


@contextmanager
def staged_folder(out: Path, format_name: str) -> Iterator[Path]:
    """A fresh temporary folder beside `out` that replaces `out` when the block succeeds."""
    out = out.resolve()
    _check_replaceable(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    except OSError as exc:
        raise ExportError(f"{out}: cannot create the folder: {exc.strerror}") from exc
    try:
        yield staging
        write_marker(staging, format_name)
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_marker(folder: Path, format_name: str) -> Path:
    """Mark `folder` as an export of `format_name` (the same bytes every time)."""
    marker = folder / MARKER
    marker.write_text(f"{format_name}\n", encoding="utf-8")
    return marker


def _check_replaceable(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise ExportError(f"{out}: folder is not empty and holds no earlier export ({MARKER}); choose another --out")


def _replace(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
    old.rmdir()
    out.rename(old)
    staging.rename(out)
    shutil.rmtree(old)


__all__ = [
    "MARKER",
    ExportOptions.__name__,
    ExportReport.__name__,
    ExportError.__name__,
    export_date.__name__,
    export_timestamp.__name__,
    FolderWriter.__name__,
    staged_folder.__name__,
    write_marker.__name__,
]
