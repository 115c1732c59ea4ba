"""Validation of an edition: the XML Schema, the editorial rules (Schematron), and the reports.

`validate_files` checks files and returns a Report; `FORMATTERS` write it for people
(text), programs (json) and CI systems (junit, github, sarif).

The names are imported when first asked for: a program that needs one light
submodule (the build plans with `issues` and `index`) must not pay for loading
the schema library with the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei_edition.lazy import lazy_names

if TYPE_CHECKING:
    from tei_edition.validate.formats import FORMATTERS
    from tei_edition.validate.issues import Issue
    from tei_edition.validate.runner import Report, UnreadableInput, collect_files, validate_files

#: Each name of the package, and the submodule that defines it.
_HOMES = {
    "FORMATTERS": "formats",
    "Issue": "issues",
    "Report": "runner",
    "UnreadableInput": "runner",
    "collect_files": "runner",
    "validate_files": "runner",
}

__getattr__ = lazy_names(__name__, _HOMES)


__all__ = ["FORMATTERS", "Issue", "Report", "UnreadableInput", "collect_files", "validate_files"]
