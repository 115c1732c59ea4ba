"""The CLI's commands, one module each; every module here has `register(app)`.

Commands are found by listing this package, so adding a command is adding a
module, and no shared file has to change.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer) -> None:
    """Register every command module of this package on `app`, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)


__all__ = [register_all.__name__]
