"""The build's first phase: the changed sources converted, their ids settled, their documents written.

Every changed source is converted in the workers as if it came first; then, in
source order, the ids are settled exactly as `tei-edition convert` settles them (a
document whose id an earlier source took gets `-2`): a converted document whose
id changes is renamed (tei_edition/ids.py), its source not converted again. Only
a source that did not change, but whose ids the sources before it now change, is
converted again knowing the ids before them, never in this process (see
`convert_phase`). Sources are settled as
their conversions come in, not once all have: the documents of a settled source
are written and its conversion dropped while the workers convert the next ones,
so this process holds a few batches of TEI at a time, not the whole edition's,
and writing overlaps converting. Documents of several sources that are one
document (witnesses) make the whole edition convert at once, which only the
converter can do (`convert_paths`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable
from typing import Any

from tei_edition.build.executors import Task, batches
from tei_edition.build.hashing import FileHashes, digest
from tei_edition.build.inputs import Inputs
from tei_edition.build.manifest import Manifest, Record
from tei_edition.build.sourcemap import renamed_block, update_sourcemap
from tei_edition.build.tasks import BuildContext, ConvertedDocument, ConvertResult, convert_sources, register_refs
from tei_edition.config import Edition
from tei_edition.ids import file_name, free_id, rename_document
from tei_edition.render.corpus import document_date
from tei_edition.sources import SOURCEMAP
from tei_edition.witnesses import Identity
from tei_edition.xmlio import XML_NS, parse_xml, parse_xml_bytes, serialize, write_atomic

#: The record of a conversion of all sources at once (when documents of several sources merge).
WHOLE_CONVERSION = "convert:*"


@dataclass(slots=True)
class Doc:
    """A document of the edition as the build plans with it (slots: the build keeps one per document)."""

    id: str
    path: str
    """Its TEI file (a string: the build plans with every document on every run)."""
    digest: str
    refs: list[str]
    date: str
    positions: str

    def info(self, identity: dict[str, Any] | None) -> dict[str, Any]:
        """The document as its conversion's record keeps it."""
        return {"id": self.id, "path": self.path, "digest": self.digest, "refs": self.refs, "date": self.date,
                "positions": self.positions, "identity": identity}

    @classmethod
    def recorded(cls, info: dict[str, Any]) -> Doc:
        return cls(info["id"], info["path"], info["digest"], info["refs"], info["date"], info["positions"])


def convert_phase(edition: Edition, sources: list[Path], context: BuildContext, inputs: Inputs, hashes: FileHashes, manifest: Manifest,
                  executor: Any, force: bool, progress: Any, report: Any) -> dict[str, Doc]:
    """Convert the changed sources and settle every source's documents; the edition's documents by id."""
    report.sources = len(sources)
    common = digest("convert", inputs.code["convert"], inputs.config, inputs.names)
    content = {path: digest(common, hashes.of(path)) for path in sources}
    whole = manifest.records.get(WHOLE_CONVERSION)
    if whole is not None:  # the last build had to convert the edition as a whole
        key = digest(*(f"{relative(edition, p)}={content[p]}" for p in sources))
        if not force and whole.key == key and manifest.in_place(whole):
            report.up_to_date["convert"] += len(sources)
            report.documents = len(whole.info["documents"])
            return {d["id"]: Doc.recorded(d) for d in whole.info["documents"]}
        return _convert_whole(edition, sources, key, manifest, progress, report)
    names = {path: f"convert:{relative(edition, path)}" for path in sources}
    previous = {path: manifest.records.get(names[path]) for path in sources}
    changed = [p for p in sources if force or previous[p] is None or previous[p].key != content[p] or not manifest.in_place(previous[p])]
    progress.phase("convert", len(changed))
    settlement = _Settlement(edition, hashes, report)
    waiting = {str(p) for p in changed}
    arrived: dict[str, ConvertResult] = {}
    position = 0
    tasks = [Task(convert_sources, (context, batch)) for batch in batches([str(p) for p in changed], executor.workers)]
    remaining = len(tasks)
    in_worker = functools.partial(_convert_in_worker, executor, context)
    for _, results in executor.run(tasks):
        remaining -= 1
        arrived.update((result.path, result) for result in results)
        progress.advance(len(results))
        # An unchanged source to convert again while the workers convert others is converted beside them (executor.now:
        # they are busy, and the converter loaded here stayed, with the memory of every conversion here,
        # ~400 MB at 10,000 cables); once they are done, in one of them, whose converter is loaded (an
        # incremental build does not load it anew).
        again = functools.partial(_convert_beside, executor, context) if remaining else in_worker
        while position < len(sources) and (str(sources[position]) not in waiting or str(sources[position]) in arrived):
            path = sources[position]
            settlement.settle(path, names[path], content[path], previous[path], arrived.pop(str(path), None), manifest, again)
            position += 1
    for path in sources[position:]:  # nothing was converted (or the last results settled them all)
        settlement.settle(path, names[path], content[path], previous[path], arrived.pop(str(path), None), manifest, in_worker)
    executor.end_now()
    if settlement.whole_needed:
        for path in settlement.written:  # the whole conversion writes the documents it makes; these may not be among them
            if os.path.exists(path):
                os.unlink(path)
        key = digest(*(f"{relative(edition, p)}={content[p]}" for p in sources))
        return _convert_whole(edition, sources, key, manifest, progress, report)
    settlement.finish(manifest, {f"convert:{relative(edition, p)}" for p in sources} | {WHOLE_CONVERSION})
    report.documents = len(settlement.docs)
    return settlement.docs


class _Settlement:
    """The sources settled so far, in source order: their ids, documents, and the records to make."""

    def __init__(self, edition: Edition, hashes: FileHashes, report: Any) -> None:
        self.edition, self.hashes, self.report = edition, hashes, report
        self.taken = _TakenIds()
        self.witnesses = _Witnesses()
        self.docs: dict[str, Doc] = {}
        self.converted = False
        """Whether a source was converted (settled with a new conversion)."""
        self.written: list[str] = []
        """The TEI files this build wrote."""
        self.replaced: list[str] = []
        """The files of the converted sources' previous records."""
        self.sourcemap: dict[str, str] = {}
        """The converted documents' entries of the source map, as blocks of its text."""
        self.finished: list[tuple[str, Record]] = []

    @property
    def whole_needed(self) -> bool:
        """Documents of several sources are one (witnesses), and a source changed: only the converter can merge them.
        With no source converted, the last build found none, or it would have converted the edition as a whole."""
        return self.converted and self.witnesses.found

    def settle(self, path: Path, name: str, key: str, record: Record | None, result: ConvertResult | None, manifest: Manifest,
               again: Callable[[str, tuple[str, ...]], ConvertResult]) -> None:
        """Settle one source (the next in source order) with its new conversion, if it was converted.

        `again` converts it knowing the ids taken before it, when they change its ids.
        """
        free = [d.id for d in result.documents] if result is not None else record.info["free"] if record else []
        blocking = self.taken.blocking(free)
        if result is None and record is not None and blocking == record.info["taken"]:
            new_docs = self._recorded(record)
            self.report.up_to_date["convert"] += 1
        else:
            if result is None:
                result = again(str(path), self.taken.all())
            elif blocking and not result.error:
                result = self._renamed(result) or again(str(path), self.taken.all())
            if result.error:
                self.report.errors.append(result.error)
                if record is None:
                    return
                manifest.forget(name)  # its documents stay as they were; retried next time
                new_docs = self._recorded(record)
            else:
                self.converted = True
                for document in result.documents:
                    self.witnesses.add(document.identity)
                new_docs = [] if self.whole_needed else self._write(name, key, result, free, blocking, record)
        for doc in new_docs:
            self.taken.add(doc.id)
            self.docs[doc.id] = doc

    def _renamed(self, result: ConvertResult) -> ConvertResult | None:
        """A source's documents with the ids the converter gives them after the ids taken before it.

        The workers converted it as if it came first; the id is all the sources
        before it change (ids.py), so its documents are renamed, not converted again.
        Save one case: the words of a document's id (its idno) are among those the
        converter finds the source's words in (convert.Converter._check_nothing_lost).
        Renaming `X` to `X-2` only adds one; renaming `X-2` (two documents of the
        source share `X`) to `X-3` takes one away, and only converting the source
        again tells whether it still converts: None then.
        """
        assigned: set[str] = set()
        documents = []
        for document in result.documents:
            new = free_id(document.base, self.taken, assigned)
            assigned.add(new)
            if new == document.id:
                documents.append(document)
            elif document.id == document.base:
                documents.append(_renamed_document(document, new))
            else:
                return None
        return ConvertResult(result.source, result.path, documents)

    def _recorded(self, record: Record) -> list[Doc]:
        for document in record.info["documents"]:
            self.witnesses.add(document["identity"])
        return [Doc.recorded(d) for d in record.info["documents"]]

    def _write(self, name: str, key: str, result: ConvertResult, free: list[str], blocking: list[str], record: Record | None) -> list[Doc]:
        """Write a converted source's documents; its record is made once the source map is written too."""
        written = []
        for document in result.documents:
            path = self.edition.xml / document.file
            write_atomic(path, document.xml)
            self.written.append(str(path))
            self.sourcemap[document.file] = document.sourcemap
            written.append(Doc(document.id, str(path), self.hashes.wrote(path, document.xml), document.refs, document.date, document.positions))
        info = {"free": free, "taken": blocking, "documents": [doc.info(d.identity) for doc, d in zip(written, result.documents)]}
        self.finished.append((name, Record(key, [doc.path for doc in written], info)))
        self.replaced.extend(record.files if record is not None else [])
        self.report.converted += 1
        self.report.made["convert"] += 1
        return written

    def finish(self, manifest: Manifest, current_names: set[str]) -> None:
        """Remove documents no source gives any more, write the source map, and record the conversions."""
        current = {doc.path for doc in self.docs.values()}
        for orphan in sorted(set(self.replaced) - current):  # documents a changed source no longer gives
            if os.path.exists(orphan):
                os.unlink(orphan)
                self.report.removed += 1
        vanished = any(name.startswith("convert:") and name not in current_names for name in manifest.records)
        if self.sourcemap or vanished:  # else it holds what it held (reading it is a tenth of a no-change build)
            update_sourcemap(self.edition.xml / SOURCEMAP, self.sourcemap, {os.path.basename(doc.path) for doc in self.docs.values()})
        for name, record in self.finished:  # only now: files and source map are in place
            manifest.done(name, record)


def _renamed_document(document: ConvertedDocument, new: str) -> ConvertedDocument:
    """A converted document under another id: in its TEI, its file name and its source map entry."""
    tree = parse_xml_bytes(document.xml, document.file)
    rename_document(tree.getroot(), document.id, new)
    file = file_name(new)
    return dataclasses.replace(document, id=new, file=file, xml=serialize(tree), sourcemap=renamed_block(document.sourcemap, file))


def _convert_beside(executor: Any, context: BuildContext, path: str, taken: tuple[str, ...]) -> ConvertResult:
    return executor.now(Task(convert_sources, (context, [path], taken)))[0]


def _convert_in_worker(executor: Any, context: BuildContext, path: str, taken: tuple[str, ...]) -> ConvertResult:
    return next(results[0] for _, results in executor.run([Task(convert_sources, (context, [path], taken))]))


def _convert_whole(edition: Edition, sources: list[Path], key: str, manifest: Manifest, progress: Any, report: Any) -> dict[str, Doc]:
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
    sourcemap = _sourcemap(edition)
    docs = {}
    for name in files:
        path = edition.xml / str(name)
        root = parse_xml(path).getroot()
        positions = digest(json.dumps(sourcemap.get(path.name), sort_keys=True))
        doc = Doc(root.get(f"{{{XML_NS}}}id", ""), str(path), digest(path.read_bytes()), register_refs(root), document_date(root), positions)
        docs[doc.id] = doc
    report.converted += len(sources)
    report.made["convert"] += len(sources)
    if not any(r.errors for r in reports):
        info = {"documents": [doc.info(None) for doc in docs.values()]}
        manifest.done(WHOLE_CONVERSION, Record(key, [d.path for d in docs.values()], info))
    report.documents = len(docs)
    return docs


def _sourcemap(edition: Edition) -> dict[str, Any]:
    """The source map the converter wrote (read once, not once per document)."""
    try:
        entries = json.loads((edition.xml / SOURCEMAP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _identity(facts: dict[str, Any]) -> Identity:
    return Identity(facts["date"], frozenset(facts["senders"]), frozenset(facts["recipients"]), frozenset(tuple(f) for f in facts["files"]))


class _Witnesses:
    """Whether two of the documents added so far are one (witnesses.Identity.same_document), as the converter will merge them.

    Only documents of one date and senders can be one: they are filed by those, as
    recorded, and a document is compared only with those filed with it, when the
    answer is asked for (a source was converted). A build that converts a source or
    none does not make 10,000 identities to compare.
    """

    def __init__(self) -> None:
        self._pending: list[dict[str, Any]] = []
        self._buckets: dict[tuple[str, tuple[str, ...]], list[dict[str, Any] | Identity]] = {}
        self._found = False

    def add(self, facts: dict[str, Any]) -> None:
        """A document's identity as plain data (tasks.ConvertedDocument.identity)."""
        self._pending.append(facts)

    @property
    def found(self) -> bool:
        for facts in self._pending:
            bucket = self._buckets.setdefault((facts["date"], tuple(facts["senders"])), [])
            if bucket and not self._found:  # a bucket's identities are made once it has two (then all are)
                bucket[0] = bucket[0] if isinstance(bucket[0], Identity) else _identity(bucket[0])
                identity = _identity(facts)
                self._found = any(identity.same_document(other) for other in bucket)  # type: ignore[union-attr]
                bucket.append(identity)
            else:
                bucket.append(facts)
        self._pending.clear()
        return self._found


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

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._ids

    def all(self) -> tuple[str, ...]:
        return tuple(sorted(self._ids))


def relative(edition: Edition, path: Path) -> str:
    """The path from the edition's folder; the path itself outside it.

    Sources lie in one or a few folders: each folder is resolved and made relative
    once, and each source's name joined to it as a string (pathlib per source took
    a sixth of a no-change build of 10,000 documents).
    """
    folder, name = os.path.split(str(path))
    folder_relative = _relative_folder(folder, str(edition.root))
    if folder_relative is None:
        return str(path)
    return name if folder_relative == "." else os.path.join(folder_relative, name)


@functools.lru_cache(maxsize=64)
def _relative_folder(folder: str, root: str) -> str | None:
    try:
        return str(Path(folder).resolve().relative_to(root))
    except ValueError:
        return None


__all__ = ["WHOLE_CONVERSION", Doc.__name__, convert_phase.__name__, relative.__name__]
