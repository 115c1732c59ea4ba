"""The editor's loop: build, then watch the edition's files and rebuild what each change touches.

`tei-edition serve` and `tei-edition watch` both run it; serve also hands every
outcome to its web server, which reloads the open pages. The terminal gets a line
per rebuild and the errors of the files that changed (all errors after the first
build), in the `file:line:column: error [rule] message` form of `tei-edition validate`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from tei_edition.config import load_edition
from tei_edition.errors import TeiEditionError
from tei_edition.serve.rebuild import Outcome, Rebuilder
from tei_edition.serve.watcher import Snapshot, changed_between, snapshot, watched_paths

#: How often the watched files are looked at, in seconds.
POLL_SECONDS = 0.1


class EditorLoop:
    """Rebuilds an edition whenever its files change; tells `on_outcome` after every step."""

    def __init__(self, config: Path, rebuilder: Rebuilder, on_outcome: Callable[[Outcome], None], out: TextIO = sys.stderr) -> None:
        self.config = Path(config)
        self.rebuilder = rebuilder
        self.on_outcome = on_outcome
        self.out = out
        self._places = watched_paths(load_edition(self.config), self.config)

    def build(self) -> Outcome:
        """The first build: whatever is stale since the last one."""
        return self._run(None)

    def watch(self) -> None:
        """Rebuild on every change until interrupted (Ctrl-C raises `Interrupted` here)."""
        baseline = snapshot(self._places)
        while True:
            time.sleep(POLL_SECONDS)
            current = _settled(self._places, snapshot(self._places))
            changed = changed_between(baseline, current)
            if not changed:
                continue
            outcome = self._run(changed)
            baseline = current
            if outcome.made.get("convert"):  # the build wrote TEI from the changed sources: not the editor's edits
                after = snapshot(self._places)
                baseline = {path: stamp for path, stamp in current.items() if path in after} | _written(current, after)
            self._places = self._watched_or_same()

    def _run(self, changed: set[Path] | None) -> Outcome:
        outcome = Outcome([], "nothing to do")
        for outcome in self.rebuilder.rebuild(changed):
            self.on_outcome(outcome)
        self._print(outcome, first=changed is None)
        return outcome

    def _print(self, outcome: Outcome, first: bool) -> None:
        changed = set(outcome.changed)
        shown = [p for p in outcome.problems if first or p.edition_wide or p.path in changed]
        if outcome.changed:
            self.out.write(f"changed: {', '.join(outcome.changed)}\n")
        for problem in shown:
            self.out.write(problem.as_text() + "\n")
        for notice in outcome.notices:
            self.out.write(f"note: {notice}\n")
        hidden = len(outcome.problems) - len(shown)
        elsewhere = f" ({hidden} in files that did not change)" if hidden else ""
        self.out.write(f"{outcome.summary}; {len(outcome.problems)} errors{elsewhere}\n")
        self.out.flush()

    def _watched_or_same(self) -> list[Path]:
        """The watched places again (edition.toml may have moved a folder); the old ones if it does not load."""
        try:
            return watched_paths(load_edition(self.config), self.config)
        except TeiEditionError:
            return self._places


def _settled(places: list[Path], first: Snapshot) -> Snapshot:
    """The snapshot once files stop changing (an editor's save can be several writes)."""
    current = first
    for _ in range(20):
        time.sleep(POLL_SECONDS / 2)
        again = snapshot(places)
        if again == current:
            break
        current = again
    return current


def _written(before: Snapshot, after: Snapshot) -> Snapshot:
    """The files the build changed (present after it), to take as the new state."""
    return {path: after[path] for path in changed_between(before, after) if path in after}


__all__ = ["POLL_SECONDS", EditorLoop.__name__]
