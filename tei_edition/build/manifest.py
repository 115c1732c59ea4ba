"""The build manifest: for every output, the hash of what it was made from and the files it is.

`build/manifest.json` holds the state after the last finished build. While a
build runs, each output is recorded the moment its files are in place, as one
line appended to `build/manifest.journal`; a build that is killed leaves a
journal whose complete lines are all true (a torn last line is ignored), so the
next build trusts exactly the outputs that were finished and redoes the rest.
Appending a line per output keeps recording cheap for editions of any size. A
build folds the journal into manifest.json (written atomically) once the journal
has grown to a fraction of it, or many files' hashes changed; until then the
journal stays and the next build replays it, so a build that made a few outputs
of a large edition does not rewrite the whole manifest.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from tei_edition.xmlio import write_atomic

MANIFEST_NAME: Final = "manifest.json"
JOURNAL_NAME: Final = "manifest.journal"
#: Bump when the manifest's meaning changes: an old manifest then counts as none.
MANIFEST_VERSION: Final = 1
#: The journal is folded into manifest.json once it is larger than this fraction of it...
FOLD_FRACTION: Final = 1 / 8
#: ...or when more files than this were hashed anew (the hash cache lives in manifest.json only).
FOLD_HASHES: Final = 256


@dataclass(slots=True)
class Record:
    """One output as it was made: the key (hash of its inputs), its files, and facts for the next build.

    Slots: a build holds one per output, tens of thousands at 10,000 documents.
    """

    key: str
    files: list[str] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "files": self.files, "info": self.info}


class Manifest:
    """Outputs by name ("html:ID", "convert:sources/x.txt"), and the file-hash cache."""

    def __init__(self, build_dir: Path, records: dict[str, Record], hashes: dict[str, list]) -> None:
        self.build_dir = Path(build_dir)
        self.records = records
        self.hashes = hashes
        self._journal: int | None = None
        self._known_hashes = dict(hashes)
        self._journal_bytes = 0
        self._listings: dict[str, set[str]] = {}
        """Per folder of recorded files, the names in it, listed once per build (see `in_place`)."""

    @classmethod
    def load(cls, build_dir: Path) -> Manifest:
        """The manifest of the last build, with every output the journal says was finished since."""
        build_dir = Path(build_dir)
        records: dict[str, Record] = {}
        hashes: dict[str, list] = {}
        try:
            data = json.loads((build_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION:
            records = {name: Record(**value) for name, value in data.get("outputs", {}).items()}
            hashes = data.get("hashes", {})
        manifest = cls(build_dir, records, hashes)
        manifest._replay()
        return manifest

    def _replay(self) -> None:
        try:
            lines = (self.build_dir / JOURNAL_NAME).read_bytes().split(b"\n")
        except OSError:
            return
        self._journal_bytes = sum(len(line) + 1 for line in lines)
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # the torn last line of a killed build
            if entry.get("record") is None:
                self.records.pop(entry["name"], None)
            else:
                self.records[entry["name"]] = Record(**entry["record"])

    def fresh(self, name: str, key: str) -> Record | None:
        """The record of `name` if it was made from inputs with this key, else None."""
        record = self.records.get(name)
        return record if record is not None and record.key == key else None

    def stale(self, name: str, key: str, force: bool = False) -> bool:
        """Whether `name` must be made: forced, made from other inputs, or a file of it is gone."""
        record = None if force else self.fresh(name, key)
        return record is None or not self.in_place(record)

    def in_place(self, record: Record) -> bool:
        """Whether every file of the record is there.

        Each folder is listed once and its names kept, and the files of every output
        recorded since are added: a no-change build of 10,000 documents asked for
        40,000 files one by one (a tenth of its time), from a few folders.
        """
        for path in record.files:
            folder, name = _split(path)
            names = self._listings.get(folder)
            if names is None:
                try:
                    names = self._listings[folder] = set(os.listdir(folder or "."))
                except OSError:
                    names = self._listings[folder] = set()
            if name not in names:
                return False
        return True

    def done(self, name: str, record: Record) -> None:
        """Record a finished output (its files must already be in place)."""
        self.records[name] = record
        for path in record.files:
            folder, file_name = _split(path)
            if folder in self._listings:
                self._listings[folder].add(file_name)
        self._append({"name": name, "record": record.as_dict()})

    def forget(self, name: str) -> None:
        """Drop an output (removed, or no longer up to date)."""
        if self.records.pop(name, None) is not None:
            self._append({"name": name, "record": None})

    def _append(self, entry: dict[str, Any]) -> None:
        if self._journal is None:
            self.build_dir.mkdir(parents=True, exist_ok=True)
            self._journal = os.open(self.build_dir / JOURNAL_NAME, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        line = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        os.write(self._journal, line)
        self._journal_bytes += len(line)

    def save(self) -> None:
        """Fold the journal into manifest.json and start a new one, when it is time (module docstring)."""
        try:
            size = (self.build_dir / MANIFEST_NAME).stat().st_size
        except FileNotFoundError:
            size = -1
        rehashed = sum(1 for path in self.hashes.keys() | self._known_hashes.keys() if self.hashes.get(path) != self._known_hashes.get(path))
        if size >= 0 and self._journal_bytes <= size * FOLD_FRACTION and rehashed <= FOLD_HASHES:
            self.close()  # the journal stays; the next build replays it
            return
        data = {
            "version": MANIFEST_VERSION,
            "outputs": {name: self.records[name].as_dict() for name in sorted(self.records)},
            "hashes": dict(sorted(self.hashes.items())),
        }
        write_atomic(self.build_dir / MANIFEST_NAME, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.close()
        try:
            os.unlink(self.build_dir / JOURNAL_NAME)
        except FileNotFoundError:
            pass

    def close(self) -> None:
        """Close the journal (the records written so far stay valid)."""
        if self._journal is not None:
            os.close(self._journal)
            self._journal = None


def _split(path: str) -> tuple[str, str]:
    """A file's folder and name, as the keys of the folder listings (os.path.split's work that
    matters here, at a third of its cost: it runs for every file of every output)."""
    folder, separator, name = path.rpartition(os.sep)
    return folder or separator, name


__all__ = ["MANIFEST_NAME", "JOURNAL_NAME", "MANIFEST_VERSION", "FOLD_FRACTION", "FOLD_HASHES", Record.__name__, Manifest.__name__]
