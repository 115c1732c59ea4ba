"""One problem the validator found, located in a file (and, when known, in its source text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

#: Severities, from the Schematron role vocabulary the rules use; the order is the ranking.
SEVERITIES: Final = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Issue:
    """A problem at file:line:column, found by a rule (`rule` is its id, `schema` for the grammar)."""

    path: str
    line: int
    column: int
    rule: str
    severity: str = field(compare=False)
    message: str = field(compare=False)
    source: str | None = field(default=None, compare=False)

    def as_text(self) -> str:
        """`file:line:column: severity [rule] message`, plus the source line when known."""
        where = f" (source: {self.source})" if self.source else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity} [{self.rule}] {self.message}{where}"

    def as_dict(self) -> dict[str, object]:
        """The issue as plain data, for JSON."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "source": self.source,
        }


def count_severity(issues: list[Issue], severity: str) -> int:
    """How many of `issues` have `severity`."""
    return sum(1 for issue in issues if issue.severity == severity)


__all__ = ["SEVERITIES", Issue.__name__, count_severity.__name__]
