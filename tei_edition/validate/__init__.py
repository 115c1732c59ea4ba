"""Validation of an edition: the XML Schema, the editorial rules (Schematron), and the reports.

`validate_files` checks files and returns a Report; `FORMATTERS` write it for people
(text), programs (json) and CI systems (junit, github, sarif).
"""

from __future__ import annotations

from tei_edition.validate.formats import FORMATTERS
from tei_edition.validate.issues import Issue
from tei_edition.validate.runner import Report, UnreadableInput, collect_files, validate_files

__all__ = ["FORMATTERS", Issue.__name__, Report.__name__, UnreadableInput.__name__, collect_files.__name__, validate_files.__name__]
