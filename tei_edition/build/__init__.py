"""`tei-edition build`: the whole pipeline, in parallel, remaking only what is stale.

`build_edition` converts, validates and renders an edition with per-document
tasks run by an executor (this process, local worker processes, or a Dask
cluster), and records every finished output in `build/manifest.json`.

The names are imported when first asked for, so that the command line can name
the build's formats (`tei_edition.build.tasks.FORMATS`) without loading the
pipeline.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)


__all__ = ["BuildOptions", "BuildReport", "build_edition", "ExecutorError", "SerialExecutor", "LocalExecutor", "DaskExecutor", "local_executor"]
