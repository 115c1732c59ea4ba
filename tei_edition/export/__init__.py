"""Exports: the edition in the formats other projects take in, one module per format.

A registry, not a switch: `EXPORTERS` maps the name `tei-edition export --to`
takes to a module with `export(corpus, options) -> ExportReport`. Adding a
format is adding a module here and one line in the table.
"""

from __future__ import annotations

from types import ModuleType

from tei_edition.errors import TeiEditionError
from tei_edition.export import bag, cmif, corpus, dts, table, tei
from tei_edition.export.base import ExportError, ExportOptions, ExportReport

#: Format name -> exporter module.
EXPORTERS: dict[str, ModuleType] = {
    "tei": tei,
    "corpus": corpus,
    "cmif": cmif,
    "dts": dts,
    "bag": bag,
    "json": table,
}


class UnknownExporter(TeiEditionError):
    """Raised when --to names a format no exporter writes."""


def get_exporter(name: str) -> ModuleType:
    """The exporter of a format, by name."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise UnknownExporter(f"no export to {name!r}; formats: {', '.join(EXPORTERS)}") from None


__all__ = [
    "EXPORTERS",
    UnknownExporter.__name__,
    get_exporter.__name__,
    ExportError.__name__,
    ExportOptions.__name__,
    ExportReport.__name__,
]
