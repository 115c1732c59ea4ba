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

from tei_edition.build.tasks import REGISTER_FILES
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
        self._baseline: Snapshot = {}

    def build(self) -> Outcome:
        """The first build: whatever is stale since the last one.

        The files are looked at as this build leaves them (it writes the TEI of
        the sources it converts): a change from then on is the editor's, even one
        made before `watch` starts.
        """
        outcome = self._run(None)
        self._baseline = snapshot(self._places)
        return outcome

    def watch(self) -> None:
        """Rebuild on every change since `build` until interrupted (Ctrl-C raises `Interrupted` here)."""
        baseline = self._baseline
        while True:
            time.sleep(POLL_SECONDS)
            current = _settled(self._places, snapshot(self._places))
            changed = changed_between(baseline, current)
            if not changed:
                continue
            outcome = self._run(changed)
            baseline = dict(current)
            if outcome.made.get("convert"):  # the build wrote TEI documents from the sources: not the editor's edits
                after = snapshot(self._places)
                for path in changed_between(current, after):
                    if self._converted_tei(path):
                        _take(baseline, path, after)
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
        count = len(outcome.problems)
        self.out.write(f"{outcome.summary}; {count} {'error' if count == 1 else 'errors'}{elsewhere}\n")
        self.out.flush()

    def _converted_tei(self, path: Path) -> bool:
        """A TEI document of the xml folder, which a conversion writes (registers it never does)."""
        try:
            xml = load_edition(self.config).xml.resolve()
        except TeiEditionError:
            return False
        return path.suffix == ".xml" and path.parent == xml and path.name not in REGISTER_FILES

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


def _take(baseline: Snapshot, path: Path, after: Snapshot) -> None:
    """Accept the state of `path` in `after` (written or removed by the build) as known."""
    if path in after:
        baseline[path] = after[path]
    else:
        baseline.pop(path, None)


__all__ = ["POLL_SECONDS", EditorLoop.__name__]
