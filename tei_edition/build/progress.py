"""A progress bar for long builds (rich, which typer brings), on stderr.

One bar per phase (convert, documents, edition rules); a build with little to do
shows none, so a no-change build prints only its summary.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

#: Phases with fewer items than this get no bar.
BAR_FROM = 20


class BarProgress:
    """Shows each phase as a bar with counts, elapsed and remaining time."""

    def __init__(self) -> None:
        self._progress = Progress(
            TextColumn("{task.description:>14}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._task: int | None = None
        self._started = False

    def phase(self, name: str, total: int) -> None:
        if total < BAR_FROM:
            self._task = None
            return
        if not self._started:
            self._progress.start()
            self._started = True
        self._task = self._progress.add_task(name, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, count)

    def close(self) -> None:
        if self._started:
            self._progress.stop()


__all__ = ["BAR_FROM", BarProgress.__name__]
