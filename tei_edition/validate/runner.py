"""Validate files: each file against the schema and the document rules, then the edition rules.

A file is read and parsed once, in a worker process that has loaded the schema
and compiled the rules once (`--jobs`); the worker sends back the file's issues and
its part of the edition index, which the main process parses as it arrives (while
the workers go on). Once every file is in, the main process runs the edition rules
on the index. A file that is not well-formed is an error at its line, not a crash; a
file that cannot be read at all is an `UnreadableInput`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from lxml import etree

from tei_edition.errors import TeiEditionError, XmlInputError
from tei_edition.validate.index import EditionIndex, FileFacts, collect_facts
from tei_edition.validate.issues import Issue
from tei_edition.validate.positions import element_column, locate_attribute, source_position
from tei_edition.validate.rules import DOCUMENT_PHASE, EDITION_PHASE, RuleRunner
from tei_edition.validate.schema import SchemaChecker
from tei_edition.xmlio import parse_xml_bytes

WELL_FORMED_RULE: Final = "well-formed"


class UnreadableInput(TeiEditionError):
    """Raised when a file to validate does not exist or cannot be read."""


@dataclass
class FileResult:
    """What checking one file found: its issues, and its facts (None when it did not parse)."""

    issues: list[Issue]
    facts: FileFacts | None


@dataclass
class Report:
    """The outcome of a validation run."""

    files: list[str]
    issues: list[Issue] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, severity: str) -> int:
        """How many issues have `severity`."""
        return sum(1 for issue in self.issues if issue.severity == severity)


class _Checkers:
    """The schema and the document rules of this process, loaded on first use."""

    schema: SchemaChecker | None = None
    rules: RuleRunner | None = None

    @classmethod
    def get(cls) -> tuple[SchemaChecker, RuleRunner]:
        if cls.schema is None or cls.rules is None:
            cls.schema, cls.rules = SchemaChecker(), RuleRunner(DOCUMENT_PHASE)
        return cls.schema, cls.rules


def load_checkers() -> None:
    """Load the schema and compile the document rules now, ahead of the first file (a build's worker starting)."""
    _Checkers.get()


def check_file(path_and_shown: tuple[str, str]) -> FileResult:
    """Check one file against the schema and the document rules; collect its index facts."""
    path, shown = Path(path_and_shown[0]), path_and_shown[1]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"{shown}: cannot read: {exc.strerror}") from exc
    try:
        tree = parse_xml_bytes(data, shown)
    except XmlInputError as exc:
        return FileResult([Issue(shown, exc.line, exc.column, WELL_FORMED_RULE, "error", exc.message)], None)
    return check_tree(path, shown, data, tree)


def check_tree(path: Path, shown: str, data: bytes, tree: etree._ElementTree) -> FileResult:
    """Check a file read and parsed already (`data`, its bytes; `tree`, parsed from them), as `check_file` does:
    a build's worker reads and parses a document once for its validation and its other outputs."""
    schema, rules = _Checkers.get()
    findings = rules.run(tree)
    schema_valid = schema.passes(tree)
    if schema_valid and not findings:  # nearly every file: no columns to find, so no lines to split
        return FileResult([], collect_facts(tree, path, shown))
    lines = data.decode("utf-8", errors="replace").splitlines()
    issues = [] if schema_valid else schema.check(tree, path, shown, lines)
    for finding in findings:
        node = finding.node
        line = (node.sourceline if node is not None else None) or 1
        column = element_column(node, lines) if node is not None else 1
        issues.append(Issue(shown, line, column, finding.rule, finding.role, finding.message, source_position(path, node)))
    return FileResult(issues, collect_facts(tree, path, shown))


def context_facts(path: Path) -> FileFacts | None:
    """The index facts of a file a pointer names but the run does not check (None if unreadable)."""
    try:
        data = path.read_bytes()
        tree = parse_xml_bytes(data, path)
    except (OSError, XmlInputError):
        return None
    return collect_facts(tree, path, shown_path(path), checked=False)


def check_edition(all_facts: Iterable[FileFacts]) -> list[Issue]:
    """Run the edition rules on the index of all files that parsed, and the files they point at."""
    index = EditionIndex()
    for facts in all_facts:
        index.add(facts)
    return edition_issues(index)


def edition_issues(index: EditionIndex) -> list[Issue]:
    """Run the edition rules on `index`, once the files their pointers name but the run did not check are in it."""
    for path in index.unread_files():
        facts = context_facts(path)
        if facts is not None:
            index.add(facts)
    issues = []
    for finding in RuleRunner(EDITION_PHASE).run(index.finish()):
        for path, shown, located in index.places_of(finding.node):
            column, source = locate_attribute(Path(path), located.line, located.attribute, located.value)
            issues.append(Issue(shown, located.line, column, finding.rule, finding.role, finding.message, source))
    return issues


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The XML files named, or found (recursively, in name order) in the directories named."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.xml") if not any(part.startswith(".") for part in p.relative_to(path).parts)))
        elif path.exists():
            files.append(path)
        else:
            raise UnreadableInput(f"{path}: no such file or directory")
    return files


def shown_path(path: Path) -> str:
    """The path as reports show it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def validate_files(
    files: list[Path],
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Validate `files` with `jobs` processes; `progress(done, total)` is called as files finish."""
    started = time.perf_counter()
    work = [(str(path), shown_path(path)) for path in files]
    issues: list[Issue] = []
    index = EditionIndex()
    for done, result in enumerate(_check_all(work, jobs), start=1):
        issues.extend(result.issues)
        if result.facts is not None:
            index.add(result.facts)
        _tick(progress, done, len(work))
    issues.extend(edition_issues(index))
    return Report([shown for _, shown in work], sorted(issues), time.perf_counter() - started)


def _check_all(work: list[tuple[str, str]], jobs: int) -> Iterator[FileResult]:
    """Each file's result, in order, from `jobs` processes (the schema and rules loaded once in each)."""
    if jobs > 1 and len(work) > 1:
        chunk = max(1, min(64, len(work) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(check_file, work, chunksize=chunk)
    else:
        yield from map(check_file, work)


def _tick(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def print_progress(done: int, total: int, _last: list[float] = [0.0]) -> None:  # noqa: B006 - last print time
    """Show `validated done/total files` on stderr, at most a few times a second."""
    now = time.monotonic()
    if done == total or now - _last[0] > 0.5:
        _last[0] = now
        sys.stderr.write(f"\rvalidated {done}/{total} files")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


__all__ = [
    "WELL_FORMED_RULE",
    UnreadableInput.__name__,
    FileResult.__name__,
    Report.__name__,
    load_checkers.__name__,
    check_file.__name__,
    check_tree.__name__,
    context_facts.__name__,
    check_edition.__name__,
    edition_issues.__name__,
    collect_files.__name__,
    shown_path.__name__,
    validate_files.__name__,
    print_progress.__name__,
]
