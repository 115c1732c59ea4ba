"""Run the edition's editorial rules (ISO Schematron, schema/rules/) on a TEI file or the edition index.

The rules are compiled once per process into one XSLT 1.0 stylesheet (compiler.py),
run by libxslt on each document: it visits only the nodes some rule is about, and
the .sch files stay standard ISO Schematron that opens in any Schematron editor.
What XPath 1.0 cannot say well lives in the ed: functions (functions.py). Each failed assert or successful report becomes a
Finding: the rule's id, its role (error, warning, info), its message and the node
it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.resources import resource_dir
from tei_edition.validate.compiler import SVRL_NS, compile_rules
from tei_edition.validate.functions import register_functions

#: The driver that composes the rule modules, beside the package in the repository.
DEFAULT_RULES: Final = resource_dir("schema") / "rules" / "edition.sch"

DOCUMENT_PHASE: Final = "document"
EDITION_PHASE: Final = "edition"

_RESULTS: Final = (f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report")


@dataclass(frozen=True)
class Finding:
    """One rule that fired: its id, role and message, and the node it fired on (None if not found)."""

    rule: str
    role: str
    message: str
    node: etree._Element | None


class RuleRunner:
    """One phase of the rules, compiled once; `run` checks one tree."""

    def __init__(self, phase: str, driver: Path = DEFAULT_RULES) -> None:
        register_functions()
        self.phase = phase
        self._transform = compile_rules(driver, phase)

    def run(self, tree: etree._ElementTree) -> list[Finding]:
        """Every assert that failed and every report that fired on `tree`, pattern by pattern."""
        report = self._transform(tree)
        return [self._finding(result, tree) for result in report.getroot().iter(*_RESULTS)]

    @staticmethod
    def _finding(result: etree._Element, tree: etree._ElementTree) -> Finding:
        message = " ".join("".join(result.itertext()).split())
        rule = result.get("id") or "unnamed-rule"
        role = result.get("role") or ("error" if result.tag == _RESULTS[0] else "info")
        located = tree.xpath(result.get("location") or "/*")
        node = located[0] if located else None
        if node is not None and not isinstance(node, etree._Element):
            node = node.getparent() if hasattr(node, "getparent") else None
        return Finding(rule, role, message, node)


__all__ = ["DEFAULT_RULES", "DOCUMENT_PHASE", "EDITION_PHASE", Finding.__name__, RuleRunner.__name__]
