"""The errors an editor must see after a rebuild, each tied to a file, a line and a rule.

Validation issues come with all three; the build's other errors (a source that
does not convert, a page that does not render) are messages starting with
`file:line:column:`, and are read back into the same shape so the page and the
terminal show every error alike.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from tei_edition.validate.issues import Issue

_LOCATED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?:(?P<column>\d+):)? ?(?P<message>.*)$", re.DOTALL)


@dataclass(frozen=True, order=True)
class Problem:
    """An error at file:line:column found by `rule` (a validation rule, or the build step that failed)."""

    path: str
    line: int
    column: int
    rule: str
    message: str

    @classmethod
    def from_issue(cls, issue: Issue) -> Problem:
        message = f"{issue.message} (source: {issue.source})" if issue.source else issue.message
        return cls(issue.path, issue.line, issue.column, issue.rule, message)

    @classmethod
    def from_message(cls, message: str, rule: str) -> Problem:
        """A build error: `file:line:column: message` when located, the whole message otherwise."""
        located = _LOCATED.match(message)
        if located is None:
            return cls("", 0, 0, rule, message)
        column = int(located["column"] or 1)
        return cls(_shown(located["path"]), int(located["line"]), column, rule, located["message"])

    def as_text(self) -> str:
        """`file:line:column: error [rule] message`, as `tei-edition validate` prints problems."""
        where = f"{self.path}:{self.line}:{self.column}: " if self.path else ""
        return f"{where}error [{self.rule}] {self.message}"

    def concerns_page(self, page: str) -> bool:
        """Whether this is an error of the TEI file the page `page` (e.g. `ID.html`) is made from."""
        return bool(self.path) and Path(self.path).suffix == ".xml" and Path(self.path).stem == Path(page).stem

    @property
    def edition_wide(self) -> bool:
        """Not an error of one TEI file (a source, the configuration, a stylesheet): every page is affected."""
        return Path(self.path).suffix != ".xml"


def _shown(path: str) -> str:
    """Relative to the working folder when inside it, as validation issues name files."""
    return os.path.relpath(path) if os.path.isabs(path) and Path(path).is_relative_to(Path.cwd()) else path


def without_repeats(build: list[Problem], validation: list[Problem]) -> list[Problem]:
    """Build errors and validation errors, minus build errors validation already reports at the same place.

    A document that is not well-formed fails validation and rendering alike; the
    editor needs to read it once.
    """
    places = {(p.path, p.line, p.column) for p in validation}
    return [p for p in build if (p.path, p.line, p.column) not in places] + validation


def errors_of(issues: list[Issue]) -> list[Problem]:
    """The validation issues that are errors (warnings do not stop an edition)."""
    return [Problem.from_issue(issue) for issue in issues if issue.severity == "error"]


__all__ = [Problem.__name__, errors_of.__name__, without_repeats.__name__]
