"""Where the build's tasks run: in this process, in local worker processes, or on a Dask cluster.

Every executor takes the same tasks (a function of `tei_edition.build.tasks` and
its arguments) and yields each task with its result as it finishes, so the build
records outputs in whatever order they complete; tasks added to a run while it
runs (`Run.add`) run in it too, so what depends on some tasks starts as soon as
they are done, beside the others; and one task can be run at once (`now`) while
the workers are busy with a run's. Local workers are forked, so
each starts with the toolkit imported; each worker then compiles the stylesheets
and loads the schema once, on its first task, and keeps them for the whole build,
or, told what the build will need (`prepare`), loads it as it starts, while this
process still plans.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, NamedTuple, Protocol

from tei_edition.errors import TeiEditionError

#: The largest batch of documents sent to a worker at once.
MAX_BATCH = 32


class Task(NamedTuple):
    """One call to run: a module-level function and its arguments."""

    function: Callable[..., Any]
    args: tuple[Any, ...]


class ExecutorError(TeiEditionError):
    """Raised when the executor cannot start (no Dask installed, scheduler unreachable)."""


class Run(Protocol):
    """Tasks running: iterated, each task with its result as it finishes."""

    def __iter__(self) -> Iterator[tuple[Task, Any]]: ...

    def add(self, tasks: list[Task], first: bool = False) -> None:
        """Run these too (yielded by the same iteration); `first`: before the tasks not started yet."""


class _SerialRun:
    def __init__(self, tasks: list[Task]) -> None:
        self._queue = deque(tasks)

    def add(self, tasks: list[Task], first: bool = False) -> None:
        if first:
            self._queue.extendleft(reversed(tasks))
        else:
            self._queue.extend(tasks)

    def __iter__(self) -> Iterator[tuple[Task, Any]]:
        while self._queue:
            task = self._queue.popleft()
            yield task, task.function(*task.args)


class _FutureRun:
    """Tasks submitted to workers, yielded as their futures finish (`first_done`: the finished of some futures).

    At most `limit` tasks are submitted at a time (two per worker: each has the next at hand),
    the others wait here: a pool runs what it was given in order, so a task added `first`
    (the site's pages, started once the pages are made) would otherwise wait for every
    document task queued before it, and run at the end, beside the edition rules.
    """

    def __init__(self, submit: Callable[[Task], Any], first_done: Callable[[list[Any]], Any], tasks: list[Task], limit: int) -> None:
        self._submit, self._first_done, self._limit = submit, first_done, limit
        self._pending: dict[Any, Task] = {}
        self._waiting: deque[Task] = deque()
        self.add(tasks)

    def add(self, tasks: list[Task], first: bool = False) -> None:
        if first:
            self._waiting.extendleft(reversed(tasks))
        else:
            self._waiting.extend(tasks)
        self._fill()

    def _fill(self) -> None:
        while self._waiting and len(self._pending) < self._limit:
            task = self._waiting.popleft()
            self._pending[self._submit(task)] = task

    def __iter__(self) -> Iterator[tuple[Task, Any]]:
        while self._pending:
            for future in self._first_done(list(self._pending)):
                task = self._pending.pop(future)
                self._fill()  # before the result is recorded here, so that no worker waits for it
                yield task, future.result()


def _first_done(futures: list[Future]) -> set[Future]:
    return wait(futures, return_when=FIRST_COMPLETED).done


class SerialExecutor:
    """Runs each task here, one after the other (`--jobs 1`)."""

    workers = 1

    def run(self, tasks: list[Task]) -> Run:
        return _SerialRun(tasks)

    def prepare(self, tasks: list[Task]) -> None:
        """Nothing to do ahead: loading it here would only make this process wait sooner."""

    def now(self, task: Task) -> Any:
        """Run one task at once: here."""
        return task.function(*task.args)

    def end_now(self) -> None:
        """Nothing to release."""

    def close(self) -> None:
        """Nothing to release."""


class LocalExecutor:
    """A pool of forked worker processes on this machine, kept for the whole build (started when first used)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._beside: ProcessPoolExecutor | None = None

    def prepare(self, tasks: list[Task]) -> None:
        """Start the workers now, each running every one of `tasks` (each loads what some of the build's
        tasks will need) before any task, worker i beginning with tasks[i % len(tasks)]; once started, nothing.

        An incremental build's workers were cold: the one that converted loaded the converter
        after this process had planned, and the documents' schema and stylesheets were loaded
        after that, this process waiting each time. Started with the build, the workers load
        them while this process reads the manifest, and whichever worker takes the first
        conversion or document has loaded, or is loading, what it needs. The beginnings
        differ so that the first conversion and the first document each find a worker that
        loaded what they need first.
        """
        if self._pool is None:
            self._started(tasks).submit(os.getpid)  # the pool starts its workers with its first task

    def run(self, tasks: list[Task]) -> Run:
        pool = self._started()
        return _FutureRun(lambda task: pool.submit(task.function, *task.args), _first_done, tasks, 2 * self.workers)

    def _started(self, preparations: list[Task] | None = None) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_prepare_worker,
                                             initargs=(tuple(preparations or ()), context.Value("i", 0)))
        return self._pool

    def now(self, task: Task) -> Any:
        """Run one task at once, in a process beside the pool's (theirs may all be busy with a run's tasks),
        kept until `end_now`: what it loads stays out of this process, and goes with it."""
        if self._beside is None:
            self._beside = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return self._beside.submit(task.function, *task.args).result()

    def end_now(self) -> None:
        """End the process `now` started, if any."""
        if self._beside is not None:
            self._beside.shutdown(wait=True)
            self._beside = None

    def close(self) -> None:
        self.end_now()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _prepare_worker(preparations: tuple[Task, ...], started: Any) -> None:
    """A local worker's start: every preparation, the i-th worker to start beginning with the (i mod n)-th (`prepare`).

    A preparation only loads what a task will load anyway: one that fails is left for that
    task to fail and report (an exception here would break the pool, not name the problem).
    """
    if not preparations:
        return
    with started.get_lock():
        first = started.value % len(preparations)
        started.value += 1
    for task in preparations[first:] + preparations[:first]:
        try:
            task.function(*task.args)
        except Exception:  # noqa: BLE001 - see the docstring: the task that needs it reports it
            pass


class DaskExecutor:
    """The workers of a Dask distributed cluster (`pip install tei-edition[cluster]`).

    The workers must have tei-edition installed and see the edition's folders at
    the same paths (a shared file system): they read sources and TEI there and
    write the outputs there. The cluster is restarted at the start of a build.
    """

    def __init__(self, scheduler: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ExecutorError("--executor dask needs Dask: pip install 'tei-edition[cluster]'") from exc
        try:
            self._client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        # Fresh worker processes: a worker kept from an earlier build would still hold that
        # build's code and compiled stylesheets.
        self._client.restart()
        self.workers = max(1, sum(self._client.nthreads().values()))

    def run(self, tasks: list[Task]) -> Run:
        from distributed import wait as dask_wait

        return _FutureRun(lambda task: self._client.submit(task.function, *task.args, pure=False),
                          lambda futures: dask_wait(futures, return_when="FIRST_COMPLETED").done, tasks, 2 * self.workers)

    def prepare(self, tasks: list[Task]) -> None:
        """Nothing: a cluster's workers each load what their first task needs (they may be many more than the tasks)."""

    def now(self, task: Task) -> Any:
        """Run one task at once: before the tasks the cluster has queued."""
        return self._client.submit(task.function, *task.args, pure=False, priority=1).result()

    def end_now(self) -> None:
        """Nothing to release."""

    def close(self) -> None:
        self._client.close()


def batches(items: list, workers: int) -> list[list]:
    """Batches small enough to keep every worker busy to the end, large enough to cost little."""
    size = batch_size(len(items), workers)
    return [items[i : i + size] for i in range(0, len(items), size)]


def batch_size(count: int, workers: int) -> int:
    """Items per batch: a quarter of each worker's share, at most MAX_BATCH."""
    return max(1, min(MAX_BATCH, math.ceil(count / (workers * 4))))


def local_executor(jobs: int) -> SerialExecutor | LocalExecutor:
    """One process for `jobs` 1; a pool of `jobs` processes otherwise (0: one per CPU)."""
    workers = jobs or os.cpu_count() or 1
    return SerialExecutor() if workers == 1 else LocalExecutor(workers)


__all__ = [
    "MAX_BATCH",
    Task.__name__,
    ExecutorError.__name__,
    Run.__name__,
    SerialExecutor.__name__,
    LocalExecutor.__name__,
    DaskExecutor.__name__,
    batches.__name__,
    batch_size.__name__,
    local_executor.__name__,
]
