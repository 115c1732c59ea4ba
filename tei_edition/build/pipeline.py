"""The whole build: sources to TEI, TEI checked, TEI to HTML, text and PDF; only what is stale.

Four phases. Conversion (build/conversion.py): every changed source converted in
the workers, its ids settled in source order as `tei-edition convert` settles them.
Documents: each stale output of each document (validation, page, text, PDF) is
made in the workers, documents in date order and in batches, beside the PDF
edition (made from the TEI). Then, from what those tasks left and side by side, the site's pages
that list every document (from the summaries the page tasks kept), the stale
parts of the text edition's file (build/textedition.py), which is then joined
here, and the edition rules on the index facts every file's validation recorded
(only when some file's facts changed). Each output is
recorded in the manifest as soon as its files are in place.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from tei_edition.build import textedition
from tei_edition.build.conversion import WHOLE_CONVERSION, Doc, convert_phase, relative
from tei_edition.build.executors import MAX_BATCH, Run, SerialExecutor, Task, batch_size, batches
from tei_edition.build.hashing import FileHashes, Prefix, digest
from tei_edition.build.inputs import Inputs
from tei_edition.build.manifest import JOURNAL_NAME, MANIFEST_NAME, Manifest, Record
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
    load_converter,
    load_renderers,
    register_refs,
)
from tei_edition.config import Edition
from tei_edition.errors import XmlInputError
from tei_edition.render.corpus import document_date, neighbours
from tei_edition.render.pdflimit import EDITION_FILE as PDF_EDITION_FILE
from tei_edition.render.pdflimit import edition_pdf_refused
from tei_edition.render.text import EDITION_FILE
from tei_edition.sources import iter_sources
from tei_edition.validate.issues import Issue
from tei_edition.xmlio import parse_xml

#: The cyclic garbage collector's first threshold while a build runs (Python's is 700), see `_fewer_collections`.
GC_THRESHOLD = 50_000
#: The site's pages, made from what the document tasks leave (the kept pieces): started once those
#: tasks are done, else it would make every document's pieces itself, and only if some pieces changed.
SITE = "html:site"
#: The edition rules' output: run over every file's index facts, beside the site's pages and the text edition's parts.
RULES = "validate:edition"
#: The whole edition's PDF.
PDF_EDITION = "pdf:edition"


class BuildOptions(NamedTuple):
    """What to build."""

    formats: tuple[str, ...] = FORMATS
    """Output formats, of FORMATS."""
    force: bool = False
    """Rebuild every output, stale or not."""
    view: str = "reading"
    """The view of the one-view formats (text, PDF)."""


class Progress(Protocol):
    """Told how far the build is (the command shows a bar)."""

    def phase(self, name: str, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class _Silent:
    """Progress nobody watches (a build run from Python without a bar)."""

    def phase(self, name: str, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


@dataclass
class BuildReport:
    """What a build did and found."""

    sources: int = 0
    converted: int = 0
    documents: int = 0
    made: Counter[str] = field(default_factory=Counter)
    """Outputs made, by stage (convert, validate, html, text, pdf)."""
    up_to_date: Counter[str] = field(default_factory=Counter)
    removed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What was not made though asked for, by the edition's own settings (not a failure)."""
    issues: list[Issue] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """True when something could not be made, or validation found an error."""
        return bool(self.errors) or any(issue.severity == "error" for issue in self.issues)

    def as_json(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "converted": self.converted,
            "documents": self.documents,
            "made": dict(sorted(self.made.items())),
            "up_to_date": dict(sorted(self.up_to_date.items())),
            "removed": self.removed,
            "errors": self.errors,
            "warnings": self.warnings,
            "issues": [issue.as_dict() for issue in self.issues],
            "seconds": round(self.seconds, 3),
        }


def build_edition(
    edition: Edition,
    options: BuildOptions = BuildOptions(),
    executor: Any = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build every stale output of the edition (all with `force`); see the module docstring."""
    with _fewer_collections():
        return _build(edition, options, executor or SerialExecutor(), progress or _Silent())


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while the build plans (thresholds restored after).

    Planning holds a record, keys and a plan for every document, hundreds of thousands
    of objects at 10,000 documents, none in a cycle; at Python's threshold the collector
    went through all of them again and again (a fifth of a no-change build's time).
    Cycles are still collected, only after more allocations.
    """
    previous = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _build(edition: Edition, options: BuildOptions, executor: Any, progress: Progress) -> BuildReport:
    started = time.perf_counter()
    context = BuildContext(edition, options.view, os.getcwd())
    sources = iter_sources([edition.sources])
    if not options.force and _few_sources_edited(edition, sources):
        stages = ("validate", *(f for f in FORMATS if f in options.formats))
        executor.prepare([Task(load_converter, (context,)), Task(load_renderers, (context, stages))])
    manifest = Manifest.load(edition.build)
    hashes = FileHashes(manifest.hashes)
    inputs = Inputs.gather(edition, hashes)
    report = BuildReport()
    try:
        docs = convert_phase(edition, sources, context, inputs, hashes, manifest, executor, options.force, progress, report)
        unparsed = _read_corrections(docs, hashes)
        _document_phase(edition, context, inputs, docs, unparsed, manifest, executor, options, progress, report)
        _remove_obsolete(edition, sources, docs, manifest, report)
        manifest.hashes = hashes.seen
        manifest.save()
    finally:
        manifest.close()
    report.issues.sort()
    report.errors = list(dict.fromkeys(report.errors))  # a file every output reads (front.xml) broken: one error, not one per output
    report.seconds = time.perf_counter() - started
    return report


def _few_sources_edited(edition: Edition, sources: list[Path]) -> bool:
    """Whether some sources, at most MAX_BATCH, were written since the last build recorded an output.

    The build will convert them and make their documents' outputs, a second's work, most
    of it the workers' cold loads: the workers are told to load what those need while this
    process plans (executor.prepare). A first build, or one converting many sources, takes
    long enough for the loads not to count, and its workers would hold the stylesheets
    beside the converter all through the conversions. A guess by modification times,
    which only says when to start loading: what is stale is found by content, as ever.
    """
    recorded = [path.stat().st_mtime_ns for path in (edition.build / MANIFEST_NAME, edition.build / JOURNAL_NAME) if path.exists()]
    if not recorded:
        return False
    newest = max(recorded)
    return 0 < sum(1 for path in sources if os.stat(path).st_mtime_ns > newest) <= MAX_BATCH


def _read_corrections(docs: dict[str, Doc], hashes: FileHashes) -> set[str]:
    """TEI an editor corrected by hand since it was converted: its own hash, pointers and date. The ids of
    those that do not parse (an edit left them broken): they keep the pointers and date they had, and
    are validated, which reports where they break, but not rendered (see `_document_phase`)."""
    unparsed = set()
    for doc in docs.values():
        actual = hashes.of(doc.path)
        if actual != doc.digest:
            doc.digest = actual
            try:
                root = parse_xml(Path(doc.path)).getroot()
            except XmlInputError:
                unparsed.add(doc.id)
                continue
            doc.refs, doc.date = register_refs(root), document_date(root)
    return unparsed



# documents and the pages that list them


def _document_phase(
    edition: Edition,
    context: BuildContext,
    inputs: Inputs,
    docs: dict[str, Doc],
    unparsed: set[str],
    manifest: Manifest,
    executor: Any,
    options: BuildOptions,
    progress: Progress,
    report: BuildReport,
) -> None:
    """Plan and make every document's stale outputs and the edition's.

    A document whose TEI does not parse (`unparsed`) is only validated: that reports
    where it breaks, and the build fails. The other documents' outputs are made as
    if it were not there (its neighbours' pages link past it); the outputs made of
    every document (the site's pages, the text edition's and the PDF edition's
    files) are not made, and its own are made again once it parses.
    """
    stages = ("validate", *(f for f in FORMATS if f in options.formats))
    ordered = sorted(docs.values(), key=lambda d: (d.date, d.id))
    parsed = [doc for doc in ordered if doc.id not in unparsed]
    place = {doc.id: index for index, doc in enumerate(parsed)}
    keys: dict[str, str] = {}
    jobs: list[DocumentJob] = []
    key_of = _DocumentKeys(inputs, context)
    for doc in ordered:
        beside = neighbours(parsed, place[doc.id]) if doc.id in place else []
        refs = inputs.refs(doc.refs)
        stale = []
        for stage in stages:
            name = f"{stage}:{doc.id}"
            keys[name] = key_of(stage, doc, refs, beside)
            if stage != "validate" and doc.id not in place:  # none is up to date: made again once the document parses
                manifest.forget(name)
            elif manifest.stale(name, keys[name], options.force):
                stale.append(stage)
            else:
                report.up_to_date[stage] += 1
        if stale:
            jobs.append(DocumentJob(doc.id, doc.path, tuple(stale), tuple(n.path for n in beside)))
    for path in _register_paths(edition):
        name = f"validate:{path.name}"
        keys[name] = digest("validate", inputs.code["validate"], inputs.schema, inputs.registers, path.name, context.cwd)
        if manifest.stale(name, keys[name], options.force):
            jobs.append(DocumentJob(path.name, str(path), ("validate",)))
        else:
            report.up_to_date["validate"] += 1
    broken = [doc for doc in ordered if doc.id not in place]
    if broken and "html" in options.formats:
        report.errors.append(f"{edition.build / 'html'}: the site's pages not made: {_unparsed(broken)}")
    if broken and "pdf" in options.formats:
        report.errors.append(f"{edition.build / 'pdf' / PDF_EDITION_FILE}: not made: {_unparsed(broken)}")
    stale_listings = []
    if "pdf" in options.formats and not broken and not _pdf_edition_refused(edition, len(ordered), manifest, report):
        all_docs = digest(*(f"{d.id}={d.digest}" for d in ordered))
        keys[PDF_EDITION] = digest(PDF_EDITION, inputs.code["pdf"], inputs.config, inputs.stylesheets["pdf"], inputs.registers, all_docs,
                                   options.view, inputs.environment)
        if manifest.stale(PDF_EDITION, keys[PDF_EDITION], options.force):
            stale_listings.append(PDF_EDITION)
        else:
            report.up_to_date["pdf"] += 1

    for job in jobs:  # outputs about to be remade are not up to date until they are
        for stage in job.stages:
            manifest.forget(f"{stage}:{job.id}")
    _make(edition, context, inputs, ordered, jobs, stale_listings, not broken, keys, manifest, executor, options, progress, report)


def _unparsed(broken: list[Doc]) -> str:
    """What stops the outputs made of every document: documents whose TEI does not parse (their validation says where)."""
    more = f" (nor do {len(broken) - 1} more documents)" if len(broken) > 1 else ""
    return f"the TEI of {broken[0].path} does not parse{more}"


def _pdf_edition_refused(edition: Edition, documents: int, manifest: Manifest, report: BuildReport) -> bool:
    """Whether the edition is too large for one PDF (render/pdflimit.py): then the build says so once and
    makes each document's PDF, and an edition.pdf an earlier build made of fewer documents goes, being
    no longer the edition."""
    refused = edition_pdf_refused(edition, documents, edition.build / "pdf" / PDF_EDITION_FILE)
    if refused is None:
        return False
    report.warnings.append(f"{refused}; each document's PDF is made")
    previous = manifest.records.get(PDF_EDITION)
    if previous is not None:
        for path in previous.files:
            if os.path.exists(path):
                os.unlink(path)
                report.removed += 1
        manifest.forget(PDF_EDITION)
    return True


def _make(edition: Edition, context: BuildContext, inputs: Inputs, ordered: list[Doc], jobs: list[DocumentJob], stale_listings: list[str],
          whole: bool, keys: dict[str, str], manifest: Manifest, executor: Any, options: BuildOptions, progress: Progress,
          report: BuildReport) -> None:
    """Run the stale outputs' tasks, each started as soon as what it is made from is there, recording each as it comes.

    The site's pages are made from every page's summary: when they are to be made, the
    pages are made first, by tasks of their own, and the site's pages start with the
    last of them, beside the documents' other outputs (a document is then read twice,
    which costs less than a worker left idle while one makes the site). The text
    edition's parts and the edition rules start once every document's text and
    validation are recorded. `whole`: whether every document parses (else the site's pages are not made).
    """
    first = [Task(build_listing, (context, name)) for name in stale_listings]
    site_key = _SiteKey(inputs, ordered, manifest) if "html" in options.formats and whole else None
    site = [Task(build_listing, (context, SITE))] if site_key is not None else []  # unless up to date once the pages are made
    pages = [job._replace(stages=("html",)) for job in jobs if site and "html" in job.stages]
    rest = [job._replace(stages=tuple(s for s in job.stages if s != "html")) if site else job for job in jobs if not site or job.stages != ("html",)]
    page_tasks = [Task(build_documents, (context, batch)) for batch in batches(pages, executor.workers)]
    rest_tasks = [Task(build_documents, (context, batch)) for batch in batches(rest, executor.workers)]
    progress.phase("documents", len(first) + len(site) + len(pages) + len(rest))
    run = executor.run(first + page_tasks + rest_tasks)
    before_site, before_rest = {id(task) for task in page_tasks}, {id(task) for task in rest_tasks}
    if not before_site:
        run.add(_stale_site(site, site_key, manifest, options, progress, report), first=True)
    after: _AfterDocuments | None = None if before_rest else _AfterDocuments.start(edition, context, inputs, ordered, keys, manifest, executor,
                                                                                   options, progress, report, run)
    for task, result in run:
        if isinstance(result, ListingResult):
            key = (after.rules_key(result) if after is not None and result.name == RULES
                   else site_key(result.info.get("examples", [])) if site_key is not None and result.name == SITE else keys[result.name])
            _record_listing(manifest, result, key, report)
            progress.advance()
            continue
        for item in result:
            _record_document(manifest, item, keys, report)
        progress.advance(len(result))
        if id(task) in before_site:
            before_site.discard(id(task))
            if not before_site:
                run.add(_stale_site(site, site_key, manifest, options, progress, report), first=True)
        if id(task) in before_rest:
            before_rest.discard(id(task))
            if not before_rest:
                after = _AfterDocuments.start(edition, context, inputs, ordered, keys, manifest, executor, options, progress, report, run)
    if after is not None and after.plan is not None:
        _join_text_edition(context, after.plan, manifest, options, report)


def _stale_site(site: list[Task], key: _SiteKey | None, manifest: Manifest, options: BuildOptions, progress: Progress,
                report: BuildReport) -> list[Task]:
    """The site's task, unless its pages are up to date: asked once the pages are made, whose records say what
    each document's pieces are now."""
    previous = manifest.records.get(SITE)
    if key is None or manifest.stale(SITE, key(previous.info.get("examples", []) if previous is not None else []), options.force):
        return site
    report.up_to_date["html"] += 1
    progress.advance()
    return []


class _SiteKey:
    """The key of the site's pages: their inputs, every document's kept pieces (the digest its page
    task recorded; its TEI's, if it has none) and the TEI of the documents the guidelines' examples
    come from (`examples`, as the site's task names them): the pages show nothing else of the
    documents, so an edit that leaves every document's pieces as they were leaves the site alone."""

    def __init__(self, inputs: Inputs, ordered: list[Doc], manifest: Manifest) -> None:
        self._prefix = Prefix(SITE, inputs.code["html"], inputs.config, inputs.stylesheets["html"], inputs.schema, inputs.front, inputs.registers)
        self._ordered = ordered
        self._manifest = manifest

    def __call__(self, examples: list[str]) -> str:
        parts = []
        for doc in self._ordered:
            record = self._manifest.records.get(f"html:{doc.id}")
            pieces = record.info.get("pieces") if record is not None else None
            parts.append(f"{doc.path}={pieces}" if pieces else f"{doc.path}=tei:{doc.digest}")
        by_name = {os.path.basename(doc.path): doc.digest for doc in self._ordered}  # the task names files by their real paths
        return self._prefix.digest(*parts, *(f"{os.path.basename(path)}={by_name.get(os.path.basename(path), '-')}" for path in sorted(examples)))


class _AfterDocuments(NamedTuple):
    """What starts once every document's outputs are recorded: the text edition's parts and the edition rules."""

    plan: textedition.TextEditionPlan | None
    rules_key: Callable[[ListingResult], str]

    @classmethod
    def start(cls, edition: Edition, context: BuildContext, inputs: Inputs, ordered: list[Doc], keys: dict[str, str], manifest: Manifest,
              executor: Any, options: BuildOptions, progress: Progress, report: BuildReport, run: Run) -> _AfterDocuments:
        """Plan them from the documents' records and add their tasks to the run."""
        plan = _plan_text_edition(edition, context, inputs, ordered, keys, manifest, executor, options, report) if "text" in options.formats else None
        files = {d.id: d.path for d in ordered} | {str(p.name): str(p) for p in _register_paths(edition)}
        rules, rules_key = _plan_edition_rules(edition, context, inputs, files, manifest, options, report)
        parts = plan.tasks if plan is not None else []
        if rules or parts:
            progress.phase("text edition and edition rules", len(rules) + (plan.stale if plan is not None else 0))
            run.add(rules + parts)
        return cls(plan, rules_key)


def _plan_text_edition(edition: Edition, context: BuildContext, inputs: Inputs, ordered: list[Doc], keys: dict[str, str], manifest: Manifest,
                       executor: Any, options: BuildOptions, report: BuildReport) -> textedition.TextEditionPlan | None:
    """The text edition's stale parts, to be made in the workers (None: a document's text is missing, so is the file)."""
    documents = [textedition.TextDocument(d.id, str(d.path), keys[f"text:{d.id}"]) for d in ordered]
    head_key = digest("text-head", inputs.code["text"], inputs.config, inputs.stylesheets["text"], inputs.registers, options.view)
    plan = textedition.plan_text_edition(context, documents, head_key, manifest, options.force, batch_size(len(ordered), executor.workers))
    if plan.missing:
        manifest.forget(textedition.EDITION)
        report.errors.append(f"{edition.build / 'text' / EDITION_FILE}: not made: the text of {plan.missing[0]} could not be made"
                             + (f" (and of {len(plan.missing) - 1} more documents)" if len(plan.missing) > 1 else ""))
        return None
    keys.update(plan.keys)
    if len(plan.order) + 1 > plan.stale:
        report.up_to_date["text-part"] += len(plan.order) + 1 - plan.stale
    return plan


def _join_text_edition(context: BuildContext, plan: textedition.TextEditionPlan, manifest: Manifest, options: BuildOptions,
                       report: BuildReport) -> None:
    """The text edition's file joined here from its parts, once every part is made."""
    if all(not manifest.stale(name, key) for name, key in plan.keys.items() if name != textedition.EDITION):
        if textedition.join_text_edition(context, plan, manifest, options.force):
            report.made["text"] += 1
        else:
            report.up_to_date["text"] += 1


def _plan_edition_rules(edition: Edition, context: BuildContext, inputs: Inputs, files: dict[str, str], manifest: Manifest,
                        options: BuildOptions, report: BuildReport) -> tuple[list[Task], Callable[[ListingResult], str]]:
    """The issues of every file; the edition rules' task when the index facts of some file changed, and its key.

    The edition rules see of each file only its index facts, and read the files
    they report on (for columns and source lines): their key is every file's facts
    and the validation keys (content) of the files their issues name, so it is
    known once they ran.
    """
    records = {name: manifest.records.get(f"validate:{name}") for name in files}
    for record in records.values():
        if record is not None:
            report.issues.extend(Issue(**issue) for issue in record.info.get("issues", []))
    facts = [f"{name}={record.info.get('facts') if record is not None else '-'}" for name, record in records.items()]

    def key(reported: set[str]) -> str:  # the issues name files relative to the build's folder
        paths = {os.path.normpath(os.path.join(context.cwd, shown)) for shown in reported}
        named = [f"{name}={record.key}" for name, record in records.items() if record is not None and os.path.abspath(files[name]) in paths]
        return digest(RULES, inputs.code["validate"], inputs.schema, context.cwd, *facts, *named)

    def result_key(result: ListingResult) -> str:
        return key({issue.path for issue in result.issues})

    previous = manifest.records.get(RULES)
    if previous is not None and not manifest.stale(RULES, key(set(previous.info.get("files", []))), options.force):
        report.issues.extend(Issue(**issue) for issue in previous.info.get("issues", []))
        report.up_to_date["validate"] += 1
        return [], result_key
    checked = tuple(str(edition.build / VALIDATE_CACHE / f"{name}.pickle") for name in files)
    return [Task(build_listing, (context, RULES, checked))], result_key


class _DocumentKeys:
    """Each document output's key: its stage's inputs (the same for every document, hashed once, see
    hashing.Prefix), then the document's own (its TEI, positions, register entries, neighbours)."""

    def __init__(self, inputs: Inputs, context: BuildContext) -> None:
        self._validate = Prefix("validate", inputs.code["validate"], inputs.schema)
        self._cwd = context.cwd
        self._formats = {stage: Prefix(stage, inputs.code[stage], inputs.config, inputs.stylesheets[stage]) for stage in FORMATS}
        self._front = inputs.front
        self._view = context.view
        self._environment = inputs.environment

    def __call__(self, stage: str, doc: Doc, refs: str, beside: list[Doc]) -> str:
        """`refs`: the digest of the register entries the document points at (inputs.refs)."""
        if stage == "validate":
            return self._validate.digest(doc.digest, doc.positions, self._cwd)
        if stage == "html":
            return self._formats[stage].digest(doc.digest, refs, self._front, *(f"{n.id}={n.digest}" for n in beside))
        return self._formats[stage].digest(doc.digest, refs, self._view, self._environment if stage == "pdf" else "")


def _record_document(manifest: Manifest, result: DocumentResult, keys: dict[str, str], report: BuildReport) -> None:
    for stage, files in result.files.items():
        name = f"{stage}:{result.id}"
        info = result.info.get(stage, {})
        if stage == "validate":  # kept as plain data: a build with nothing to validate reports them again
            info = info | {"issues": [issue.as_dict() for issue in result.issues]}
        manifest.done(name, Record(keys[name], files, info))
        report.made[stage] += 1
    for stage, message in result.errors.items():
        report.errors.append(message)


def _record_listing(manifest: Manifest, result: ListingResult, key: str, report: BuildReport) -> None:
    if result.error:
        report.errors.append(result.error)
        manifest.forget(result.name)
        return
    info = dict(result.info)
    if result.issues:  # the edition rules': their issues, and the files they name (for the next key)
        info = {"issues": [issue.as_dict() for issue in result.issues], "files": sorted({issue.path for issue in result.issues})}
    manifest.done(result.name, Record(key, result.files, info))
    report.made[result.name.partition(":")[0]] += 1
    report.issues.extend(result.issues)


def _register_paths(edition: Edition) -> list[Path]:
    return [edition.registers / name for name in sorted(REGISTER_FILES) if (edition.registers / name).is_file()]


# clean-up


def _remove_obsolete(edition: Edition, sources: list[Path], docs: dict[str, Doc], manifest: Manifest, report: BuildReport) -> None:
    """Delete the outputs of documents and sources that are gone (only files the manifest made)."""
    current_sources = {f"convert:{relative(edition, p)}" for p in sources}
    keep = {str(doc.path) for doc in docs.values()}
    registers = {p.name for p in _register_paths(edition)}
    for name in list(manifest.records):
        stage, _, subject = name.partition(":")
        if stage == "convert":
            obsolete = name not in current_sources and name != WHOLE_CONVERSION
        else:
            obsolete = subject not in docs and subject not in registers and subject not in ("site", "edition")
        if obsolete:
            for path in manifest.records[name].files:
                if path not in keep and os.path.exists(path):
                    os.unlink(path)
                    report.removed += 1
            manifest.forget(name)


__all__ = [BuildOptions.__name__, BuildReport.__name__, Progress.__name__, build_edition.__name__]
