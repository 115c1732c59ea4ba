"""The whole build: sources to TEI, TEI checked, TEI to HTML, text and PDF; only what is stale.

Four phases. Conversion: every changed source is converted in the workers as if
it came first; then, in source order, the ids are settled exactly as `tei-edition
convert` settles them (a document whose id an earlier source took gets `-2`), and
the few sources that need it are converted again knowing the ids before them.
Documents: each stale output of each document (validation, page, text, PDF) is
made in the workers, documents in date order and in batches, beside the PDF
edition (made from the TEI). Then, from what those tasks left, the site's pages
that list every document (from the summaries the page tasks kept) and the stale
parts of the text edition's file (build/textedition.py), which is then joined
here. Last, the edition rules run on the index facts every file's validation
recorded, only when some file's facts changed. Each output is
recorded in the manifest as soon as its files are in place.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import math
import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from tei_edition.build import textedition
from tei_edition.build.executors import SerialExecutor, Task
from tei_edition.build.hashing import FileHashes, digest
from tei_edition.build.inputs import Inputs
from tei_edition.build.manifest import Manifest, Record
from tei_edition.build.tasks import (
    FORMATS,
    REGISTER_FILES,
    VALIDATE_CACHE,
    BuildContext,
    ConvertResult,
    DocumentJob,
    DocumentResult,
    ListingResult,
    build_documents,
    build_listing,
    convert_sources,
    register_refs,
)
from tei_edition.config import Edition
from tei_edition.render.corpus import document_date, neighbours
from tei_edition.render.text import EDITION_FILE
from tei_edition.sources import SOURCEMAP, iter_sources
from tei_edition.validate.issues import Issue
from tei_edition.witnesses import Identity
from tei_edition.xmlio import XML_NS, parse_xml, write_atomic

#: The largest batch of documents sent to a worker at once.
MAX_BATCH = 32
#: The record of a conversion of all sources at once (when documents of several sources merge).
WHOLE_CONVERSION = "convert:*"
#: The cyclic garbage collector's first threshold while a build runs (Python's is 700), see `_fewer_collections`.
GC_THRESHOLD = 50_000
#: Whole-edition outputs made from what the document tasks leave (the site's pages from the kept
#: summaries): started once those tasks are done, else each would make every summary itself.
AFTER_DOCUMENTS = frozenset({"html:site"})


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
            "issues": [issue.as_dict() for issue in self.issues],
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _Doc:
    """A document of the edition as the build plans with it."""

    id: str
    path: str
    """Its TEI file (a string: the build plans with every document on every run)."""
    digest: str
    refs: list[str]
    date: str
    positions: str


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
    manifest = Manifest.load(edition.build)
    hashes = FileHashes(manifest.hashes)
    inputs = Inputs.gather(edition, hashes)
    context = BuildContext(edition, options.view, os.getcwd())
    report = BuildReport()
    sources = iter_sources([edition.sources])
    try:
        docs = _convert_phase(edition, sources, context, inputs, hashes, manifest, executor, options, progress, report)
        _read_corrections(docs, hashes)
        _document_phase(edition, context, inputs, docs, manifest, executor, options, progress, report)
        _remove_obsolete(edition, sources, docs, manifest, report)
        manifest.hashes = hashes.seen
        manifest.save()
    finally:
        manifest.close()
    report.issues.sort()
    report.seconds = time.perf_counter() - started
    return report


# conversion


def _convert_phase(
    edition: Edition,
    sources: list[Path],
    context: BuildContext,
    inputs: Inputs,
    hashes: FileHashes,
    manifest: Manifest,
    executor: Any,
    options: BuildOptions,
    progress: Progress,
    report: BuildReport,
) -> dict[str, _Doc]:
    report.sources = len(sources)
    common = digest("convert", inputs.code["convert"], inputs.config, inputs.names)
    content = {path: digest(common, hashes.of(path)) for path in sources}
    whole = manifest.records.get(WHOLE_CONVERSION)
    if whole is not None:  # the last build had to convert the edition as a whole
        key = digest(*(f"{_relative(edition, p)}={content[p]}" for p in sources))
        if not options.force and whole.key == key and manifest.in_place(whole):
            report.up_to_date["convert"] += len(sources)
            report.documents = len(whole.info["documents"])
            return {d["id"]: _recorded_document(d) for d in whole.info["documents"]}
        return _convert_whole(edition, sources, key, manifest, progress, report)
    names = {path: f"convert:{_relative(edition, path)}" for path in sources}
    current_names = set(names.values()) | {WHOLE_CONVERSION}
    previous = {path: manifest.records.get(names[path]) for path in sources}
    changed = [p for p in sources if options.force or previous[p] is None or previous[p].key != content[p] or not manifest.in_place(previous[p])]
    progress.phase("convert", len(changed))
    converted: dict[str, ConvertResult] = {}
    for _, results in executor.run([Task(convert_sources, (context, batch)) for batch in _batches([str(p) for p in changed], executor.workers)]):
        for result in results:
            converted[result.path] = result
        progress.advance(len(results))

    taken = _TakenIds()
    docs: dict[str, _Doc] = {}
    identities: list[dict[str, Any]] = []  # witnesses.Identity as plain data, made into one only when needed
    settled: list[tuple[Path, ConvertResult, list[str], list[str]]] = []
    for path in sources:
        record = previous[path]
        result = converted.get(str(path))
        free = [d.id for d in result.documents] if result is not None else record.info["free"] if record else []
        blocking = taken.blocking(free)
        if result is None and record is not None and blocking == record.info["taken"]:
            new_docs = [_recorded_document(d) for d in record.info["documents"]]
            identities.extend(d["identity"] for d in record.info["documents"])
            report.up_to_date["convert"] += 1
        else:
            if result is None or (blocking and not result.error):
                result = convert_sources(context, [str(path)], taken.all())[0]
            if result.error:
                report.errors.append(result.error)
                if record is None:
                    continue
                manifest.forget(names[path])  # its documents stay as they were; retried next time
                new_docs = [_recorded_document(d) for d in record.info["documents"]]
                identities.extend(d["identity"] for d in record.info["documents"])
            else:
                settled.append((path, result, free, blocking))
                identities.extend(d.identity for d in result.documents)
                new_docs = [_Doc(d.id, str(edition.xml / d.file), "", d.refs, d.date, "") for d in result.documents]
        for doc in new_docs:
            taken.add(doc.id)
            docs[doc.id] = doc
    # Documents of several sources are one (witnesses): only the converter can merge them. With no source
    # converted, the last build found none, or it would have converted the edition as a whole.
    if settled and _has_witnesses([_identity(facts) for facts in identities]):
        key = digest(*(f"{_relative(edition, p)}={content[p]}" for p in sources))
        return _convert_whole(edition, sources, key, manifest, progress, report)

    sourcemap_updates: dict[str, Any] = {}
    finished: list[tuple[str, Record]] = []
    replaced: list[str] = []
    for path, result, free, blocking in settled:
        written = _write_documents(edition, result, sourcemap_updates)
        docs.update((doc.id, doc) for doc in written)
        info = {"free": free, "taken": blocking, "documents": [_document_info(doc, d.identity) for doc, d in zip(written, result.documents)]}
        finished.append((names[path], Record(content[path], [str(d.path) for d in written], info)))
        record = previous[path]
        replaced.extend(record.files if record is not None else [])
        report.converted += 1
        report.made["convert"] += 1
    current = {str(doc.path) for doc in docs.values()}
    for orphan in sorted(set(replaced) - current):  # documents a changed source no longer gives
        if os.path.exists(orphan):
            os.unlink(orphan)
            report.removed += 1
    vanished = any(name.startswith("convert:") and name not in current_names for name in manifest.records)
    if sourcemap_updates or vanished:  # else it holds what it held (reading it is a tenth of a no-change build)
        _write_sourcemap(edition, sourcemap_updates, docs)
    for name, record in finished:  # only now: files and source map are in place
        manifest.done(name, record)
    report.documents = len(docs)
    return docs


def _convert_whole(edition: Edition, sources: list[Path], key: str, manifest: Manifest, progress: Progress, report: BuildReport) -> dict[str, _Doc]:
    """Convert every source with `convert_paths`, as `tei-edition convert` does (one process).

    Used when documents of different sources are one document (witnesses): the
    converter merges them, which only it can do, and only over all sources.
    """
    from tei_edition.convert import convert_paths

    progress.phase("convert (whole)", 1)
    for name in [n for n in manifest.records if n.startswith("convert:")]:
        manifest.forget(name)
    reports = convert_paths(sources, edition.xml, edition)
    progress.advance()
    report.errors.extend(f"{r.source}:{e['line']}:{e['column']}: {e['message']}" for r in reports for e in r.errors)
    files = sorted({d["file"] for r in reports for d in r.documents})
    docs = {}
    for name in files:
        path = edition.xml / str(name)
        root = parse_xml(path).getroot()
        doc = _Doc(root.get(f"{{{XML_NS}}}id", ""), str(path), digest(path.read_bytes()), register_refs(root), document_date(root), "")
        doc.positions = digest(json.dumps(_sourcemap_entry(edition, path.name), sort_keys=True))
        docs[doc.id] = doc
    report.converted += len(sources)
    report.made["convert"] += len(sources)
    if not any(r.errors for r in reports):
        info = {"documents": [_document_info(doc, None) for doc in docs.values()]}
        manifest.done(WHOLE_CONVERSION, Record(key, [str(d.path) for d in docs.values()], info))
    report.documents = len(docs)
    return docs


def _sourcemap_entry(edition: Edition, name: str) -> Any:
    try:
        return json.loads((edition.xml / SOURCEMAP).read_text(encoding="utf-8")).get(name)
    except (OSError, ValueError, AttributeError):
        return None


def _document_info(doc: _Doc, identity: dict[str, Any] | None) -> dict[str, Any]:
    return {**doc.__dict__, "path": str(doc.path), "identity": identity}


def _read_corrections(docs: dict[str, _Doc], hashes: FileHashes) -> None:
    """TEI an editor corrected by hand since it was converted: its own hash, pointers and date."""
    for doc in docs.values():
        actual = hashes.of(doc.path)
        if actual != doc.digest:
            root = parse_xml(Path(doc.path)).getroot()
            doc.digest, doc.refs, doc.date = actual, register_refs(root), document_date(root)


def _recorded_document(info: dict[str, Any]) -> _Doc:
    return _Doc(info["id"], info["path"], info["digest"], info["refs"], info["date"], info["positions"])


def _identity(facts: dict[str, Any]) -> Identity:
    return Identity(facts["date"], frozenset(facts["senders"]), frozenset(facts["recipients"]), frozenset(tuple(f) for f in facts["files"]))


def _has_witnesses(identities: list[Identity]) -> bool:
    """Whether two documents are one (witnesses.Identity.same_document), as the converter will merge them."""
    buckets: dict[tuple[str, frozenset[str]], list[Identity]] = {}
    for identity in identities:
        buckets.setdefault((identity.date, identity.senders), []).append(identity)
    return any(a.same_document(b) for group in buckets.values() for i, a in enumerate(group) for b in group[i + 1 :])


class _TakenIds:
    """The ids earlier sources took, indexed so that a source's blocking ids are looked up, not searched.

    An id an earlier source took can change the ids a source gets (`X`, `X-2`...)
    when it is one of the source's candidates or its base (`X` of `X-2`), or starts
    with either and a hyphen. Each taken id is filed under every prefix of it that
    ends before a hyphen, so a build settles the ids of N sources in time linear
    in N, not N times the ids taken before each.
    """

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._by_prefix: dict[str, set[str]] = {}

    def add(self, identifier: str) -> None:
        self._ids.add(identifier)
        for index, char in enumerate(identifier):
            if char == "-":
                self._by_prefix.setdefault(identifier[:index], set()).add(identifier)

    def blocking(self, free: list[str]) -> list[str]:
        """The taken ids that can change the ids of a source whose candidates are `free`, sorted."""
        found: set[str] = set()
        for candidate in free:
            base = candidate.rsplit("-", 1)[0] if candidate.rsplit("-", 1)[-1].isdigit() else candidate
            for stem in {candidate, base}:
                if stem in self._ids:
                    found.add(stem)
                found |= self._by_prefix.get(stem, set())
        return sorted(found)

    def all(self) -> tuple[str, ...]:
        return tuple(sorted(self._ids))


def _write_documents(edition: Edition, result: ConvertResult, sourcemap: dict[str, Any]) -> list[_Doc]:
    docs = []
    for document in result.documents:
        path = edition.xml / document.file
        write_atomic(path, document.xml)
        sourcemap[document.file] = {"source": result.source, "elements": document.positions}
        positions = digest(json.dumps(sourcemap[document.file], sort_keys=True))
        docs.append(_Doc(document.id, str(path), digest(document.xml), document.refs, document.date, positions))
    return docs


def _write_sourcemap(edition: Edition, updates: dict[str, Any], docs: dict[str, _Doc]) -> None:
    """xml/sourcemap.json as `tei-edition convert` writes it, with the converted documents' entries."""
    path = edition.xml / SOURCEMAP
    try:
        current = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = {}
    current = current if isinstance(current, dict) else {}
    names = {os.path.basename(doc.path) for doc in docs.values()}
    merged = {name: entry for name, entry in current.items() if name in names} | updates
    if merged and (merged != current or not path.is_file()):
        write_atomic(path, json.dumps(merged, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


# documents and the pages that list them


def _document_phase(
    edition: Edition,
    context: BuildContext,
    inputs: Inputs,
    docs: dict[str, _Doc],
    manifest: Manifest,
    executor: Any,
    options: BuildOptions,
    progress: Progress,
    report: BuildReport,
) -> None:
    stages = ("validate", *(f for f in FORMATS if f in options.formats))
    ordered = sorted(docs.values(), key=lambda d: (d.date, d.id))
    keys: dict[str, str] = {}
    jobs: list[DocumentJob] = []
    for index, doc in enumerate(ordered):
        beside = neighbours(ordered, index)
        stale = []
        for stage in stages:
            name = f"{stage}:{doc.id}"
            keys[name] = _document_key(stage, doc, beside, inputs, context)
            if manifest.stale(name, keys[name], options.force):
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
    all_docs = digest(*(f"{d.id}={d.digest}" for d in ordered))
    listings = {
        "html:site": digest("html:site", inputs.code["html"], inputs.config, inputs.stylesheets["html"], inputs.schema, inputs.front, inputs.registers, all_docs),
        "pdf:edition": digest("pdf:edition", inputs.code["pdf"], inputs.config, inputs.stylesheets["pdf"], inputs.registers, all_docs, options.view, inputs.environment),
    }
    stale_listings = []
    for name, key in listings.items():
        if name.partition(":")[0] not in options.formats:
            continue
        keys[name] = key
        if manifest.stale(name, key, options.force):
            stale_listings.append(name)
        else:
            report.up_to_date[name.partition(":")[0]] += 1

    for job in jobs:  # outputs about to be remade are not up to date until they are
        for stage in job.stages:
            manifest.forget(f"{stage}:{job.id}")
    first = [name for name in stale_listings if name not in AFTER_DOCUMENTS]
    tasks = [Task(build_listing, (context, name)) for name in first]
    tasks += [Task(build_documents, (context, batch)) for batch in _batches(jobs, executor.workers)]
    _run(executor, tasks, manifest, keys, progress, "documents", len(jobs) + len(first), report)
    # What is made from the documents' outputs, the site's pages and the text edition's parts, side by side.
    after = [Task(build_listing, (context, name)) for name in stale_listings if name in AFTER_DOCUMENTS]
    plan = _plan_text_edition(edition, context, inputs, ordered, keys, manifest, executor, options, report) if "text" in options.formats else None
    parts = plan.tasks if plan is not None else []
    if after or parts:
        _run(executor, after + parts, manifest, keys, progress, "site and text edition", len(after) + (plan.stale if plan else 0), report)
    if plan is not None:
        _join_text_edition(context, plan, manifest, options, report)
    files = {d.id: d.path for d in ordered} | {p.name: p for p in _register_paths(edition)}
    _validate_edition(edition, context, inputs, files, manifest, executor, options, progress, report)


def _run(executor: Any, tasks: list[Task], manifest: Manifest, keys: dict[str, str], progress: Progress, phase: str,
         total: int, report: BuildReport) -> None:
    """Run per-document and whole-edition tasks, recording each output as it comes."""
    progress.phase(phase, total)
    for _, result in executor.run(tasks):
        if isinstance(result, ListingResult):
            _record_listing(manifest, result, keys[result.name], report)
            progress.advance()
            continue
        for item in result:
            _record_document(manifest, item, keys, report)
        progress.advance(len(result))


def _plan_text_edition(edition: Edition, context: BuildContext, inputs: Inputs, ordered: list[_Doc], keys: dict[str, str], manifest: Manifest,
                       executor: Any, options: BuildOptions, report: BuildReport) -> textedition.TextEditionPlan | None:
    """The text edition's stale parts, to be made in the workers (None: a document's text is missing, so is the file)."""
    documents = [textedition.TextDocument(d.id, str(d.path), keys[f"text:{d.id}"]) for d in ordered]
    head_key = digest("text-head", inputs.code["text"], inputs.config, inputs.stylesheets["text"], inputs.registers, options.view)
    plan = textedition.plan_text_edition(context, documents, head_key, manifest, options.force, _batch_size(len(ordered), executor.workers))
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


def _validate_edition(edition: Edition, context: BuildContext, inputs: Inputs, files: dict[str, Path], manifest: Manifest, executor: Any,
                      options: BuildOptions, progress: Progress, report: BuildReport) -> None:
    """The issues of every file, and the edition rules' when the index facts of some file changed.

    The edition rules see of each file only its index facts, and read the files
    they report on (for columns and source lines): their key is every file's facts
    and the validation keys (content) of the files their issues name.
    """
    records = {name: manifest.records.get(f"validate:{name}") for name in files}
    for record in records.values():
        if record is not None:
            report.issues.extend(Issue(**issue) for issue in record.info.get("issues", []))
    facts = [f"{name}={record.info.get('facts') if record is not None else '-'}" for name, record in records.items()]

    def key(reported: set[str]) -> str:  # the issues name files relative to the build's folder
        paths = {os.path.normpath(os.path.join(context.cwd, shown)) for shown in reported}
        named = [f"{name}={record.key}" for name, record in records.items() if record is not None and os.path.abspath(files[name]) in paths]
        return digest("validate:edition", inputs.code["validate"], inputs.schema, context.cwd, *facts, *named)

    previous = manifest.records.get("validate:edition")
    if previous is not None and not manifest.stale("validate:edition", key(set(previous.info.get("files", []))), options.force):
        report.issues.extend(Issue(**issue) for issue in previous.info.get("issues", []))
        report.up_to_date["validate"] += 1
        return
    progress.phase("edition rules", 1)
    checked = tuple(str(edition.build / VALIDATE_CACHE / f"{name}.pickle") for name in files)
    for _, result in executor.run([Task(build_listing, (context, "validate:edition", checked))]):
        _record_listing(manifest, result, key({issue.path for issue in result.issues}), report)
        progress.advance()


def _document_key(stage: str, doc: _Doc, beside: list[_Doc], inputs: Inputs, context: BuildContext) -> str:
    if stage == "validate":
        return digest("validate", inputs.code["validate"], inputs.schema, doc.digest, doc.positions, context.cwd)
    common = (stage, inputs.code[stage], inputs.config, inputs.stylesheets[stage], doc.digest, inputs.refs(doc.refs))
    if stage == "html":
        return digest(*common, inputs.front, *(f"{n.id}={n.digest}" for n in beside))
    return digest(*common, context.view, inputs.environment if stage == "pdf" else "")


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
    info = {}
    if result.issues:  # the edition rules': their issues, and the files they name (for the next key)
        info = {"issues": [issue.as_dict() for issue in result.issues], "files": sorted({issue.path for issue in result.issues})}
    manifest.done(result.name, Record(key, result.files, info))
    report.made[result.name.partition(":")[0]] += 1
    report.issues.extend(result.issues)


def _register_paths(edition: Edition) -> list[Path]:
    return [edition.registers / name for name in sorted(REGISTER_FILES) if (edition.registers / name).is_file()]


# clean-up


def _remove_obsolete(edition: Edition, sources: list[Path], docs: dict[str, _Doc], manifest: Manifest, report: BuildReport) -> None:
    """Delete the outputs of documents and sources that are gone (only files the manifest made)."""
    current_sources = {f"convert:{_relative(edition, p)}" for p in sources}
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


# helpers


def _batches(items: list, workers: int) -> list[list]:
    """Batches small enough to keep every worker busy to the end, large enough to cost little."""
    size = _batch_size(len(items), workers)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _batch_size(count: int, workers: int) -> int:
    return max(1, min(MAX_BATCH, math.ceil(count / (workers * 4))))


def _relative(edition: Edition, path: Path) -> str:
    """The path from the edition's folder; the path itself outside it.

    Sources lie in one or a few folders: each folder is resolved and made relative
    once, and each source's name joined to it as a string (pathlib per source took
    a sixth of a no-change build of 10,000 documents).
    """
    folder, name = os.path.split(str(path))
    relative = _relative_folder(folder, str(edition.root))
    if relative is None:
        return str(path)
    return name if relative == "." else os.path.join(relative, name)


@functools.lru_cache(maxsize=64)
def _relative_folder(folder: str, root: str) -> str | None:
    try:
        return str(Path(folder).resolve().relative_to(root))
    except ValueError:
        return None


__all__ = [BuildOptions.__name__, BuildReport.__name__, Progress.__name__, build_edition.__name__, "MAX_BATCH"]
