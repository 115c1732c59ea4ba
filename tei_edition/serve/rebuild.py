"""One rebuild of the editor's loop: the incremental build, plus the TEI files the editor edited.

`build_edition` remakes what changed among sources, registers, stylesheets,
schema, front matter, configuration and the TEI files (it hashes them, so it
sees a hand edit in `xml/` too). A change of TEI documents alone is not left to
it: a document the editor is correcting may not parse for a while, which stops a
build, and the editor wants the changed page first. Those documents are
validated and rendered here with the build's own per-document task (the first
outcome), and then the pages listing every document and the edition-wide rules
are remade from every file (the second). The manifest forgets what was made
here, so the next build makes it again under its own keys. A later conversion
of the document's source replaces the hand edit, as `tei-edition build` does.

Worker processes are kept between rebuilds (each compiles the stylesheets and
loads the schema once); they are replaced when the stylesheets, schema, front
matter or configuration change, because a worker keeps what it compiled.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tei_edition.build import BuildOptions, BuildReport, LocalExecutor, build_edition
from tei_edition.build.executors import Task
from tei_edition.build.manifest import Manifest
from tei_edition.build.tasks import (
    FORMATS,
    REGISTER_FILES,
    VALIDATE_CACHE,
    BuildContext,
    DocumentJob,
    DocumentResult,
    ListingResult,
    build_documents,
    build_listing,
    cached_issues,
)
from tei_edition.config import Edition, load_edition
from tei_edition.errors import TeiEditionError
from tei_edition.render.corpus import document_date, neighbours
from tei_edition.serve.problems import Problem, errors_of, without_repeats
from tei_edition.serve.watcher import Stamp
from tei_edition.xmlio import XML_NS, parse_xml

#: Whole-edition outputs per format, as the build's manifest names them.
_LISTINGS = {"html": "html:site", "text": "text:edition", "pdf": "pdf:edition"}


@dataclass
class Outcome:
    """What a rebuild left: the errors to show, and a line for the terminal."""

    problems: list[Problem]
    summary: str
    changed: tuple[str, ...] = ()
    """The files that triggered it, as the terminal shows them."""
    made: dict[str, int] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    """What the editor should know that is not an error (a hand edit the conversion replaced)."""


class Rebuilder:
    """Rebuilds an edition again and again, keeping its worker processes while they stay valid."""

    def __init__(self, config: Path, formats: tuple[str, ...], jobs: int) -> None:
        self.config = Path(config)
        self.formats = formats
        self.workers = jobs or os.cpu_count() or 1
        self._executor: LocalExecutor | None = None
        self._dates: dict[Path, tuple[Stamp, str, str]] = {}
        self._hand_edited: dict[Path, bytes] = {}

    def rebuild(self, changed: set[Path] | None = None) -> Iterator[Outcome]:
        """Rebuild after `changed` (everything stale when None); yields an outcome per step.

        The first outcome comes as soon as the changed pages are made; the
        second, when there was more to do, after the pages listing every document.
        """
        started = time.perf_counter()
        shown = tuple(sorted(_shown(p) for p in changed or ()))
        try:
            edition = load_edition(self.config)
        except TeiEditionError as exc:
            yield Outcome([Problem.from_message(str(exc), "config")], "the configuration does not load", shown)
            return
        if changed is None or any(self._stale_worker_input(edition, path) for path in changed):
            self.close()
        executor = self._workers()
        context = BuildContext(edition, "reading", os.getcwd())
        edited = [p for p in sorted(changed or ()) if self._is_document(edition, p) and p.is_file()]
        report, build_errors = BuildReport(), []
        if changed is None or not changed <= set(edited):  # hand edits alone: nothing the build would see
            try:
                report = build_edition(edition, BuildOptions(self.formats), executor)
                build_errors = [Problem.from_message(message, "build") for message in report.errors]
            except TeiEditionError as exc:  # e.g. a TEI file it plans with does not parse: the edited ones are checked below
                build_errors = [Problem.from_message(str(exc), "build")]
        made = dict(report.made)
        notices = self._replaced_hand_edits() if made.get("convert") else []
        if not edited:
            yield Outcome(without_repeats(build_errors, errors_of(report.issues)), _summary(made, started), shown, made, notices)
            return
        self._hand_edited.update((path, path.read_bytes()) for path in edited)
        results = self._documents(context, edited, executor)
        _outdate(edition, [result.id for result in results])
        for result in results:
            for stage in result.files:
                made[stage] = made.get(stage, 0) + 1
            build_errors += [Problem.from_message(message, stage) for stage, message in sorted(result.errors.items())]
        yield Outcome(without_repeats(build_errors, self._validation(edition)), _summary(made, started), shown, made, notices)
        for listing in self._listings(context, edition, executor):
            stage = listing.name.partition(":")[0]
            if listing.error:
                build_errors.append(Problem.from_message(listing.error, stage))
            else:
                made[stage] = made.get(stage, 0) + 1
        yield Outcome(without_repeats(build_errors, self._validation(edition)), _summary(made, started), shown, made, notices)

    def close(self) -> None:
        """Stop the worker processes (the next rebuild starts new ones)."""
        if self._executor is not None:
            self._executor.close()
            self._executor = None

    def _replaced_hand_edits(self) -> list[str]:
        """The documents edited by hand that a conversion of their source has just written over."""
        replaced = sorted(path for path, content in self._hand_edited.items() if not path.is_file() or path.read_bytes() != content)
        for path in replaced:
            del self._hand_edited[path]
        return [f"{_shown(path)}: the conversion of its source replaced the hand edits (correct the source in sources/ to keep them)" for path in replaced]

    def _workers(self) -> LocalExecutor:
        """Worker processes, never this one: what a worker compiled is dropped with it when inputs change."""
        if self._executor is None:
            self._executor = LocalExecutor(self.workers)
        return self._executor

    def _stale_worker_input(self, edition: Edition, path: Path) -> bool:
        """Whether a changed file is one workers keep compiled or loaded (anything but sources and TEI)."""
        content = (edition.sources, edition.xml, edition.registers)
        return not any(path.is_relative_to(folder.resolve()) for folder in content)

    def _is_document(self, edition: Edition, path: Path) -> bool:
        """A TEI document of the edition (not a register), which the editor may correct by hand."""
        return path.suffix == ".xml" and path.parent == edition.xml.resolve() and path.name not in REGISTER_FILES

    def _documents(self, context: BuildContext, edited: list[Path], executor: LocalExecutor) -> list[DocumentResult]:
        """Validate and render the edited documents, each with its neighbours in date order."""
        ordered = self._date_order(context.edition)
        stages = ("validate", *self.formats)
        jobs = []
        for path in edited:
            identifier, beside = path.stem, []
            if path in ordered:
                beside = [str(p) for p in neighbours(ordered, ordered.index(path))]
                identifier = self._dates[path][1]
            jobs.append(DocumentJob(identifier, str(path), stages, tuple(beside)))
        return [item for _, results in executor.run([Task(build_documents, (context, jobs))]) for item in results]

    def _listings(self, context: BuildContext, edition: Edition, executor: LocalExecutor) -> list[ListingResult]:
        """The pages listing every document, and the edition-wide rules over every file's validation."""
        checked = tuple(str(path) for path in _validation_files(edition))
        tasks = [Task(build_listing, (context, _LISTINGS[f])) for f in self.formats]
        tasks.append(Task(build_listing, (context, "validate:edition", checked)))
        return [result for _, result in executor.run(tasks)]

    def _validation(self, edition: Edition) -> list[Problem]:
        """Every error the validation of the current files recorded (file by file, then edition-wide)."""
        issues = []
        for path in [*_validation_files(edition), edition.build / VALIDATE_CACHE / "edition.pickle"]:
            if path.is_file():
                issues.extend(cached_issues(path))
        return sorted(errors_of(sorted(set(issues))))

    def _date_order(self, edition: Edition) -> list[Path]:
        """The documents in date order (as the build orders them), re-reading only files that changed."""
        current: dict[Path, tuple[Stamp, str, str]] = {}
        for path in sorted(edition.xml.resolve().glob("*.xml")):
            if path.name in REGISTER_FILES:
                continue
            stat = path.stat()
            stamp = (stat.st_size, stat.st_mtime_ns)
            known = self._dates.get(path)
            if known is not None and known[0] == stamp:
                current[path] = known
                continue
            try:
                root = parse_xml(path).getroot()
            except TeiEditionError:
                continue  # a document that does not parse has no date; its error is shown
            current[path] = (stamp, root.get(f"{{{XML_NS}}}id") or path.stem, document_date(root))
        self._dates = current
        return sorted(current, key=lambda p: (current[p][2], current[p][1]))


def _outdate(edition: Edition, identifiers: list[str]) -> None:
    """Tell the build's manifest that what was made here from hand edits is not what it recorded.

    The manifest keys a document's outputs by the TEI its conversion wrote; a page
    made from a hand edit must not pass for that, or a later conversion giving the
    same TEI again would leave the hand-edited page in place.
    """
    manifest = Manifest.load(edition.build)
    try:
        for identifier in identifiers:
            for stage in ("validate", *FORMATS):
                manifest.forget(f"{stage}:{identifier}")
        for name in ("validate:edition", *_LISTINGS.values()):
            manifest.forget(name)
    finally:
        manifest.close()


def _validation_files(edition: Edition) -> list[Path]:
    """The build's cached validation of each current document and register."""
    names = [p.stem for p in edition.xml.glob("*.xml") if p.name not in REGISTER_FILES]
    names += [name for name in sorted(REGISTER_FILES) if (edition.registers / name).is_file()]
    return [edition.build / VALIDATE_CACHE / f"{name}.pickle" for name in sorted(names)]


def _summary(made: dict[str, int], started: float) -> str:
    work = ", ".join(f"{stage} {count}" for stage, count in sorted(made.items())) or "nothing"
    return f"made {work} ({time.perf_counter() - started:.2f} s)"


def _shown(path: Path) -> str:
    """Relative to the working folder when inside it, as validation reports name files."""
    return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)


__all__ = [Outcome.__name__, Rebuilder.__name__]
