"""Write a validation report as text, JSON, JUnit XML, GitHub annotations or SARIF 2.1.0.

Each format is one function from a Report to a string, registered in FORMATTERS;
CI systems read junit (test results) and sarif (code scanning) files, GitHub
Actions reads the `::error` lines of github from the log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Final

from lxml import etree

from tei_edition import __version__
from tei_edition.validate.catalogue import rule_descriptions
from tei_edition.validate.issues import Issue
from tei_edition.validate.runner import Report

TOOL_NAME: Final = "tei-edition validate"
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS: Final = {"error": "error", "warning": "warning", "info": "note"}


def format_text(report: Report) -> str:
    """One `file:line:column: severity [rule] message` line per issue."""
    return "".join(issue.as_text() + "\n" for issue in report.issues)


def format_json(report: Report) -> str:
    """The report as one JSON object: counts and the list of issues."""
    data = {
        "files": len(report.files),
        "errors": report.count("error"),
        "warnings": report.count("warning"),
        "infos": report.count("info"),
        "issues": [issue.as_dict() for issue in report.issues],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::message`."""
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for issue in report.issues:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (("file", issue.path), ("line", issue.line), ("col", issue.column), ("title", issue.rule))
        )
        lines.append(f"::{commands[issue.severity]} {properties}::{_escape_data(_message(issue))}\n")
    return "".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_junit(report: Report) -> str:
    """JUnit XML: one test case per file, one failure per error (warnings go to system-out)."""
    by_file: dict[str, list[Issue]] = {path: [] for path in report.files}
    for issue in report.issues:
        by_file.setdefault(issue.path, []).append(issue)
    failures = sum(1 for issues in by_file.values() if any(i.severity == "error" for i in issues))
    suites = etree.Element("testsuites", name=TOOL_NAME, tests=str(len(by_file)), failures=str(failures), errors="0", time=f"{report.seconds:.3f}")
    suite = etree.SubElement(
        suites, "testsuite", name=TOOL_NAME, tests=str(len(by_file)), failures=str(failures), errors="0", skipped="0", time=f"{report.seconds:.3f}"
    )
    for path, issues in by_file.items():
        case = etree.SubElement(suite, "testcase", classname="tei-edition.validate", name=path, file=path, time="0")
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            failure = etree.SubElement(case, "failure", message=f"{len(errors)} error(s): {errors[0].as_text()}", type=errors[0].rule)
            failure.text = "".join(i.as_text() + "\n" for i in errors)
        others = [i for i in issues if i.severity != "error"]
        if others:
            etree.SubElement(case, "system-out").text = "".join(i.as_text() + "\n" for i in others)
    return etree.tostring(suites, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")


def format_sarif(report: Report) -> str:
    """SARIF 2.1.0: one run of the tool, its rules described, one result per issue."""
    descriptions = rule_descriptions()
    used = sorted({issue.rule for issue in report.issues})
    rule_index = {rule: position for position, rule in enumerate(used)}
    rules = [
        {"id": rule, "shortDescription": {"text": descriptions.get(rule, rule)}}
        for rule in used
    ]
    results = []
    for issue in report.issues:
        location: dict[str, object] = {
            "physicalLocation": {
                "artifactLocation": {"uri": issue.path.replace("\\", "/")},
                "region": {"startLine": issue.line, "startColumn": issue.column},
            }
        }
        results.append(
            {
                "ruleId": issue.rule,
                "ruleIndex": rule_index[issue.rule],
                "level": _SARIF_LEVELS[issue.severity],
                "message": {"text": _message(issue)},
                "locations": [location],
            }
        )
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": TOOL_NAME, "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _message(issue: Issue) -> str:
    return f"{issue.message} (source: {issue.source})" if issue.source else issue.message


FORMATTERS: Final[dict[str, Callable[[Report], str]]] = {
    "text": format_text,
    "json": format_json,
    "junit": format_junit,
    "github": format_github,
    "sarif": format_sarif,
}


__all__ = [
    "TOOL_NAME",
    "SARIF_SCHEMA",
    "FORMATTERS",
    format_text.__name__,
    format_json.__name__,
    format_github.__name__,
    format_junit.__name__,
    format_sarif.__name__,
]
