"""The catalogue of the edition's rules, read from the Schematron modules themselves.

Every assert and report in schema/rules/*.sch has an id; this module lists them
with their role and their pattern's title, for SARIF rule descriptions, for the
guidelines page, and for the test that every rule id has a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from tei_edition.validate.rules import DEFAULT_RULES
from tei_edition.xmlio import parse_xml

SCH_NS: Final = "http://purl.oclc.org/dsdl/schematron"


@dataclass(frozen=True)
class RuleInfo:
    """One rule: its id, role, the module and pattern it belongs to, and its message template."""

    id: str
    role: str
    module: str
    pattern: str
    message: str


@lru_cache(maxsize=4)
def rule_catalogue(rules_dir: Path = DEFAULT_RULES.parent) -> tuple[RuleInfo, ...]:
    """Every assert and report of the modules in `rules_dir`, module by module, in order."""
    found: list[RuleInfo] = []
    for module in sorted(rules_dir.glob("*.sch")):
        tree = parse_xml(module)
        for test in tree.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
            pattern = next(test.iterancestors(f"{{{SCH_NS}}}pattern"))
            title = pattern.findtext(f"{{{SCH_NS}}}title") or pattern.get("id", "")
            found.append(
                RuleInfo(
                    test.get("id", ""),
                    test.get("role", "error"),
                    module.name,
                    title,
                    " ".join("".join(test.itertext()).split()),
                )
            )
    return tuple(found)


def rule_descriptions() -> dict[str, str]:
    """Rule id -> a one-line description (the pattern title), plus the grammar's own ids."""
    descriptions = {info.id: f"{info.pattern}: {info.message}" for info in rule_catalogue()}
    descriptions["schema"] = "The document does not follow the edition's schema (schema/tei_edition.xsd)."
    descriptions["well-formed"] = "The file is not well-formed XML."
    return descriptions


__all__ = ["SCH_NS", RuleInfo.__name__, rule_catalogue.__name__, rule_descriptions.__name__]
