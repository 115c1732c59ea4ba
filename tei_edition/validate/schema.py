"""Check a TEI file against the edition's XML Schema (schema/tei_edition.xsd).

lxml's XMLSchema (libxml2) answers valid / not valid about 25 times faster than
xmlschema, so every file goes through it first; only a file it rejects is
validated again with xmlschema, which reports the path and reason of every error.

xmlschema is slow (some 10 ms for a cable), so in a rejected file it validates only
where libxml2 found errors: the elements libxml2 names, their ancestors (for the
paths and the content models around them) and the whole content of each one's
parent (libxml2 stops checking an element's children after one is out of place).
Everything else libxml2 found valid is skipped, as whole valid files are. When
that finds nothing, the whole file is validated again; when the validators still
disagree, libxml2's own messages are reported rather than nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from lxml import etree

from tei_edition.resources import resource_dir
from tei_edition.validate.issues import Issue
from tei_edition.validate.positions import element_column, source_position

if TYPE_CHECKING:
    import xmlschema

SCHEMA_RULE: Final = "schema"

#: The edition's schema, beside the package in the repository.
DEFAULT_XSD: Final = resource_dir("schema") / "tei_edition.xsd"


class SchemaChecker:
    """The edition's XSD, loaded once (per process) for both validators."""

    def __init__(self, xsd: Path = DEFAULT_XSD) -> None:
        self.xsd = xsd
        self._fast = etree.XMLSchema(etree.parse(str(xsd)))
        self._detailed: xmlschema.XMLSchema10 | None = None

    def detailed(self) -> xmlschema.XMLSchema10:
        """xmlschema's view of the same XSD, loaded the first time a file fails.

        xmlschema is imported here, not with the module: importing it costs a worker more
        than validating a hundred valid files, and nearly every file is valid, so a
        worker that finds none invalid (every one of an incremental rebuild) never pays for it.
        """
        if self._detailed is None:
            import xmlschema

            self._detailed = xmlschema.XMLSchema10(str(self.xsd))
        return self._detailed

    def passes(self, tree: etree._ElementTree) -> bool:
        """Whether libxml2 finds `tree` valid: the quick answer for the many files that are."""
        return bool(self._fast.validate(tree))

    def check(self, tree: etree._ElementTree, path: Path, shown: str, lines: list[str]) -> list[Issue]:
        """Every schema error of `tree`, located; an empty list when the file is valid."""
        if self.passes(tree):
            return []
        log = self._fast.error_log
        suspects = _suspects(tree, log)
        errors = list(self.detailed().iter_errors(tree, validation_hook=lambda element, _xsd: element not in suspects)) if suspects else []
        if not errors:
            errors = list(self.detailed().iter_errors(tree))
        issues = [self._issue(error, path, shown, lines) for error in errors]
        if not issues:  # the validators disagree: report libxml2's errors rather than nothing
            issues = [Issue(shown, entry.line or 1, (entry.column or 0) + 1, SCHEMA_RULE, "error", entry.message) for entry in log]
        return issues

    def _issue(self, error: xmlschema.XMLSchemaValidationError, path: Path, shown: str, lines: list[str]) -> Issue:
        element = error.elem if isinstance(error.elem, etree._Element) else None
        line = (element.sourceline if element is not None else None) or 1
        column = element_column(element, lines) if element is not None else 1
        reason = " ".join(str(error.reason or error.message).split())
        where = f" (at {error.path})" if error.path else ""
        return Issue(shown, line, column, SCHEMA_RULE, "error", f"{reason}{where}", source_position(path, element))


def _suspects(tree: etree._ElementTree, log: etree._ListErrorLog) -> set[etree._Element]:
    """The elements xmlschema must validate to report what libxml2 rejected (empty: validate all).

    The set holds lxml's element proxies, so the `in` of the validation hook finds them.
    """
    suspects: set[etree._Element] = set()
    for entry in log:
        try:
            found = tree.xpath(entry.path) if entry.path else []
        except etree.XPathError:  # a path libxml2 wrote with the document's own prefixes
            return set()
        if not found or not isinstance(found[0], etree._Element):
            return set()
        element = found[0]
        parent = element.getparent()
        if parent is None:
            return set()
        suspects.update(element.iterancestors())
        suspects.update(parent.iter())
    return suspects


__all__ = ["SCHEMA_RULE", "DEFAULT_XSD", SchemaChecker.__name__]
