"""A package's names imported from its submodules when first asked for (PEP 562).

Packages whose submodules load heavy libraries (the schema library, the build's
executors) export their names this way, so that a program needing one light
submodule, or the command line's start-up, does not pay for the rest.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The module `__getattr__` of `package`: each name of `homes` from the submodule it maps to."""

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{homes[name]}"), name)

    return __getattr__


__all__ = [lazy_names.__name__]
