"""`tei-edition build`: the whole pipeline, in parallel, remaking only what is stale.

`build_edition` converts, validates and renders an edition with per-document
tasks run by an executor (this process, local worker processes, or a Dask
cluster), and records every finished output in `build/manifest.json`.
"""

from __future__ import annotations

from tei_edition.build.executors import DaskExecutor, ExecutorError, LocalExecutor, SerialExecutor, local_executor
from tei_edition.build.pipeline import BuildOptions, BuildReport, build_edition

__all__ = [
    BuildOptions.__name__,
    BuildReport.__name__,
    build_edition.__name__,
    ExecutorError.__name__,
    SerialExecutor.__name__,
    LocalExecutor.__name__,
    DaskExecutor.__name__,
    local_executor.__name__,
]
