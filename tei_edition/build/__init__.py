"""`tei-edition build`: the whole pipeline, in parallel, remaking only what is stale.

`build_edition` converts, validates and renders an edition with per-document
tasks run by an executor (this process, local worker processes, or a Dask
cluster), and records every finished output in `build/manifest.json`.

The names are imported when first asked for, so that the command line can name
the build's formats (`tei_edition.build.tasks.FORMATS`) without loading the
pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei_edition.lazy import lazy_names

if TYPE_CHECKING:
    from tei_edition.build.executors import DaskExecutor, ExecutorError, LocalExecutor, SerialExecutor, local_executor
    from tei_edition.build.pipeline import BuildOptions, BuildReport, build_edition

#: Each name of the package, and the submodule that defines it.
_HOMES = {
    "BuildOptions": "pipeline",
    "BuildReport": "pipeline",
    "build_edition": "pipeline",
    "ExecutorError": "executors",
    "SerialExecutor": "executors",
    "LocalExecutor": "executors",
    "DaskExecutor": "executors",
    "local_executor": "executors",
}

__getattr__ = lazy_names(__name__, _HOMES)


__all__ = ["BuildOptions", "BuildReport", "build_edition", "ExecutorError", "SerialExecutor", "LocalExecutor", "DaskExecutor", "local_executor"]
