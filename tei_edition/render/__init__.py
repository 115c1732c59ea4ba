"""Output writers: one module per format in this package, found by its FORMAT.

A writer module has `FORMAT` (the name `tei-edition render --to` takes) and
`write(corpus, options) -> RenderReport`. Adding a format is adding a module here
(`html.py`, `pdf.py`, `text.py`); nothing else changes.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from tei_edition.errors import TeiEditionError
from tei_edition.resources import resource_dir

#: The edition's stylesheets (xslt/ at the top of the repository).
XSLT_DIR = resource_dir("xslt")


class RenderOptions(NamedTuple):
    """How to render: where to, and which view of the text where a format has one."""

    out: Path
    """The folder the format's files go to (e.g. build/html)."""
    view: str = "reading"
    """'reading' or 'diplomatic'; formats that show both (HTML) ignore it."""
    per_document: bool = True
    """The printed edition: one PDF per document beside the whole edition's (the CLI's --per-document)."""


@dataclass
class RenderReport:
    """What a writer wrote: for the command's summary and for tests."""

    format: str
    out: Path
    documents: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "format": self.format,
            "out": str(self.out),
            "documents": self.documents,
            "files": [str(path) for path in self.files],
        }


class UnknownWriter(TeiEditionError):
    """Raised when --to names a format no writer module provides."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(f"no writer for {name!r}; known formats: {', '.join(known)}")


def writers() -> dict[str, ModuleType]:
    """Every writer module of this package, by its FORMAT."""
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "FORMAT") and hasattr(module, "write"):
            found[module.FORMAT] = module
    return found


def writer_formats() -> list[str]:
    """The FORMAT of every writer module, sorted, read from their source without importing them.

    The command line lists the formats in its help; importing the writers for that
    would load WeasyPrint (a second or more) whatever command runs.
    """
    found = []
    for info in pkgutil.iter_modules(__path__):
        spec = importlib.util.find_spec(f"{__name__}.{info.name}")
        if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
            continue
        statements = ast.parse(Path(spec.origin).read_text(encoding="utf-8")).body
        functions = {node.name for node in statements if isinstance(node, ast.FunctionDef)}
        for node in statements:
            if (isinstance(node, ast.Assign) and "write" in functions and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str) and any(isinstance(t, ast.Name) and t.id == "FORMAT" for t in node.targets)):
                found.append(node.value.value)
    return sorted(found)


def get_writer(name: str) -> ModuleType:
    """The writer for a format, or UnknownWriter naming the known ones."""
    found = writers()
    if name not in found:
        raise UnknownWriter(name, sorted(found))
    return found[name]


__all__ = [
    "XSLT_DIR",
    RenderOptions.__name__,
    RenderReport.__name__,
    UnknownWriter.__name__,
    writers.__name__,
    writer_formats.__name__,
    get_writer.__name__,
]
