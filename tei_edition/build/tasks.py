"""The build's tasks: what one worker process does with a batch of sources or documents.

Every function here runs in a worker (a local process or a Dask worker) and
takes plain, picklable arguments. What is slow to set up (the converter with its
registers, the schema, the rules, the compiled stylesheets) is made once per
process and kept in `_Cache`, never once per document. Workers write their output
files themselves (atomically) and send back only what the build records, so a
build on a cluster needs the edition's folders on a shared file system.

The converter, the validator and the writers are imported by the functions that
use them, not with this module: the main process plans every build with this
module's names, and a build with little or nothing to do must not spend its
time loading the schema library, the word lists and Saxon (a worker imports
each on its first task of that kind).
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
from dataclasses import dataclass, field
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from lxml import etree

from tei_edition.build.hashing import digest
from tei_edition.build.sourcemap import entry_block
from tei_edition.config import Edition
from tei_edition.errors import SourceError, TeiEditionError, XmlInputError
from tei_edition.registers import REGISTERS
from tei_edition.render.corpus import Corpus, Document, document_date, front_matter_path, load_corpus
from tei_edition.validate.index import POINTER_ATTRIBUTES
from tei_edition.validate.issues import Issue
from tei_edition.witnesses import identity_of
from tei_edition.xmlio import XML_NS, parse_xml, serialize, write_atomic

if TYPE_CHECKING:
    from tei_edition.convert import Converter
    from tei_edition.render.recent import ReadFile, RecentFiles
    from tei_edition.render.text import PartPlace
    from tei_edition.validate.index import FileFacts

#: Every output format the build makes, in the order it reports them. Besides HTML (a
#: site), each is a writer module with render_document, render_edition and EDITION_FILE.
FORMATS = ("html", "text", "pdf")
#: The file extension of each format's per-document files.
EXTENSIONS = {"html": "html", "text": "txt", "pdf": "pdf"}
#: Where validation results are kept between builds, inside the build folder.
VALIDATE_CACHE = Path(".cache") / "validate"
#: Where the parts of the text edition's file are kept between builds, inside the build folder.
TEXT_PARTS = Path(".cache") / "text-edition"
#: Where each document's part of the text edition's file is kept as marked blocks, to be laid out at its place.
TEXT_MARKED = Path(".cache") / "text-marked"
#: The file of the text edition's beginning (title, imprint, conventions), among its parts, and its name in the manifest.
TEXT_HEAD, TEXT_HEAD_OUTPUT = "head.txt", "text-head:edition"
#: The register files' names, which pointers into the registers start with.
REGISTER_FILES = frozenset(f"{name}.xml" for name in REGISTERS)


class BuildContext(NamedTuple):
    """What every task needs to know about the build (picklable, sent with each batch)."""

    edition: Edition
    view: str = "reading"
    """The view of one-view formats (text, PDF)."""
    cwd: str = "."
    """The folder validation reports name files relative to (the build command's)."""


# conversion


@dataclass
class ConvertedDocument:
    """One TEI document a source gave: its id, bytes, source positions and facts the build plans with."""

    id: str
    file: str
    """Its file name in the xml folder, as the converter names it."""
    xml: bytes
    sourcemap: str
    """Its entry in xml/sourcemap.json (source and positions), printed as it stands there (build/sourcemap.py):
    one string to send, not a dict of every element's line."""
    positions: str
    """The digest of that entry (validation reports source lines from it)."""
    refs: list[str]
    date: str
    identity: dict[str, Any]
    """witnesses.Identity as plain data: whether it is one document with another source's."""
    base: str
    """The id it has when no earlier source took it (convert.Converted.base): settling renames it from this."""


@dataclass
class ConvertResult:
    """A source's documents, or the error that stopped it (the build keeps nothing else of its conversion)."""

    source: str
    path: str
    documents: list[ConvertedDocument] = field(default_factory=list)
    error: str | None = None


def convert_sources(context: BuildContext, paths: list[str], taken: tuple[str, ...] = ()) -> list[ConvertResult]:
    """Convert each source as if the ids in `taken` were already used (by the sources before it)."""
    converter = _Cache.converter(context.edition)
    results = []
    for path in paths:
        converter.ids = set(taken)
        try:
            converted, report = converter.convert_source(Path(path))
        except SourceError as exc:
            source = converter._relative(Path(path))
            results.append(ConvertResult(source, path, error=f"{source}:{exc.line}:{exc.column}: {exc.message}"))
            continue
        source = report.source  # the path from the edition's folder (resolving it is a dozen system calls)
        files = {entry["id"]: str(entry["file"]) for entry in report.documents}
        documents = []
        for item in converted:
            entry = {"source": source, "elements": item.positions}
            documents.append(ConvertedDocument(
                item.doc_id,
                files[item.doc_id],
                serialize(item.tree),
                entry_block(files[item.doc_id], entry),
                digest(json.dumps(entry, sort_keys=True)),
                register_refs(item.tree.getroot()),
                document_date(item.tree.getroot()),
                _identity_facts(item.tree.getroot()),
                item.base,
            ))
        results.append(ConvertResult(source, path, documents))
    return results


def _identity_facts(root: etree._Element) -> dict[str, Any]:
    identity = identity_of(root)
    return {
        "date": identity.date,
        "senders": sorted(identity.senders),
        "recipients": sorted(identity.recipients),
        "files": sorted(list(f) for f in identity.files),
    }


def register_refs(root: etree._Element) -> list[str]:
    """Every register entry a document points at ("persons.xml#stalin"), each once, sorted."""
    found: set[str] = set()
    for value in {value for element in root.iter() for name, value in element.items() if name in _POINTERS}:  # a name is pointed at again and again
        for token in value.split():
            file_part, _, fragment = token.partition("#")
            if fragment and os.path.basename(file_part) in REGISTER_FILES:
                found.add(f"{os.path.basename(file_part)}#{fragment}")
    return sorted(found)


#: The attributes whose values point at register entries. Their values are read from each
#: element's attributes in one walk over the tree: a path for every attribute (//@*) walks
#: it in C but makes a string that knows its name of every value, the slower of the two.
_POINTERS = frozenset(POINTER_ATTRIBUTES)


# documents


class DocumentJob(NamedTuple):
    """One file and the outputs of it to make."""

    id: str
    path: str
    stages: tuple[str, ...]
    """Some of "validate", "html", "text", "pdf"."""
    neighbours: tuple[str, ...] = ()
    """The files of the documents before and after it in date order (its page links to them)."""


@dataclass
class DocumentResult:
    """What was made of one file: files written per stage, errors per stage, validation issues."""

    id: str
    files: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    info: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per stage, what the build records for later builds (validation: the digest of the
    file's index facts; text: its sort key and note counts, which place its part in the edition's file)."""


def build_documents(context: BuildContext, jobs: list[DocumentJob]) -> list[DocumentResult]:
    """Make every output asked for of each file; a failing output is an error, the others go on."""
    return [_build_document(context, job) for job in jobs]


def _build_document(context: BuildContext, job: DocumentJob) -> DocumentResult:
    result = DocumentResult(job.id)
    path = Path(job.path)
    try:  # once for every output
        read: ReadFile | XmlInputError = _Cache.recent().read(path)
    except XmlInputError as exc:
        read = exc
    if "validate" in job.stages:  # check_file reports a file that cannot be read
        from tei_edition.validate.runner import check_file, check_tree

        shown = os.path.relpath(job.path, context.cwd)
        checked = check_file((job.path, shown)) if isinstance(read, XmlInputError) else check_tree(path, shown, read.source, read.tree)
        result.files["validate"] = _write(context.edition.build / VALIDATE_CACHE, {f"{job.id}.pickle": pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)})
        result.issues = checked.issues
        result.info["validate"] = {"facts": facts_digest(checked.facts)}
    renders = [stage for stage in job.stages if stage != "validate"]
    if not renders:
        return result
    try:
        if isinstance(read, XmlInputError):
            raise read
        document = _document(read)
    except TeiEditionError as exc:
        result.errors.update({stage: str(exc) for stage in renders})
        return result
    for stage in renders:
        try:
            result.files[stage] = _render(context, stage, document, read, job, result.info)
        except TeiEditionError as exc:
            result.errors[stage] = str(exc)
    return result


def facts_digest(facts: FileFacts | None) -> str:
    """The digest of what a file adds to the edition index, but for its lines (FileFacts.lines): the edition
    rules decide by nothing else of it, and a build runs them again for a file their issues name when its content
    changed (pipeline._plan_edition_rules), so a line added to a document does not run them over every file."""
    return "-" if facts is None else digest(facts.path, facts.shown, facts.fragment, *facts.targets)


def _render(context: BuildContext, stage: str, document: Document, read: ReadFile, job: DocumentJob, info: dict[str, dict[str, Any]]) -> list[str]:
    """One output of a document; `read`: its file as read once for every output (bytes, tree, Saxon node)."""
    out = context.edition.build / stage
    if stage == "html":
        from tei_edition.render import html

        neighbours = [_Cache.recent().read(Path(path)).node for path in job.neighbours]
        files, pieces = html.render_document_page(document, read.source, read.node, neighbours, _Cache.html_params(context.edition), context.edition)
        info["html"] = {"pieces": pieces.digest}  # the site's pages are made again only when some document's pieces changed
        return [*_write(out, files), str(pieces.path)]  # its pieces: for the site's pages
    if stage == "text":  # with what placing its part in the edition's file needs, and the part to lay out there
        from tei_edition.render import text

        made = text.render_document_and_facts(_Cache.corpus(context.edition), document, context.view, read.node, read.source)
        info["text"] = {"facts": [made.facts.sort_key, *made.facts.notes]}
        marked = _write(context.edition.build / TEXT_MARKED, {f"{document.id}.txt": made.part})
        return _write(out, {f"{document.id}.txt": made.text}) + marked
    payload = writer(stage).render_document(_Cache.corpus(context.edition), document, context.view)
    return _write(out, {f"{document.id}.{EXTENSIONS[stage]}": payload})


def writer(name: str) -> ModuleType:
    """A format's writer module, imported when first used (the PDF writer brings WeasyPrint, slow to import)."""
    return importlib.import_module(f"tei_edition.render.{name}")


def _document(read: ReadFile) -> Document:
    """The document in a file as this worker read it (kept from a task before, if its bytes are)."""
    identifier = read.tree.getroot().get(f"{{{XML_NS}}}id")
    if not identifier:
        raise TeiEditionError(f"{read.path}:1:1: the TEI element has no xml:id (the document's id)")
    return Document(identifier, read.path, read.tree)


def _write(out: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write each file (by path relative to `out`) that does not hold its bytes already; every file's path."""
    written = []
    for relative, payload in sorted(files.items()):
        target, data = out / relative, payload.encode("utf-8") if isinstance(payload, str) else payload
        if not _holds(target, data):
            write_atomic(target, data)
        written.append(str(target))
    return written


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds `data` already. A rebuild remakes many outputs the same
    (after a register or toolkit change, a page whose neighbour changed, every TEI copy), and
    writing one again costs a new file, a rename and, on ext4, flushing the one it replaces,
    where reading it costs a tenth of that. The file is whole: written atomically by a build before."""
    try:
        with open(path, "rb", buffering=0) as handle:  # unbuffered: no terminal or position to ask about
            return os.fstat(handle.fileno()).st_size == len(data) and handle.readall() == data
    except OSError:
        return False


# the text edition's file, in parts


class TextPartJob(NamedTuple):
    """One document's part of the text edition's file, and where it stands there."""

    id: str
    path: str
    place: PartPlace


def build_text_parts(context: BuildContext, jobs: list[TextPartJob]) -> list[DocumentResult]:
    """Write each document's part of the edition's file (`TEXT_PARTS/ID.txt`), laid out from the marked
    part its text task kept (`TEXT_MARKED/ID.txt`), made again only if that is gone; a failing one is an error."""
    from tei_edition.render import text

    results = []
    for job in jobs:
        result = DocumentResult(job.id)
        try:
            payload = text.render_part(_marked_part(context, job), job.place)
            result.files["text-part"] = _write(context.edition.build / TEXT_PARTS, {f"{job.id}.txt": payload})
        except TeiEditionError as exc:
            result.errors["text-part"] = str(exc)
        results.append(result)
    return results


def _marked_part(context: BuildContext, job: TextPartJob) -> str:
    from tei_edition.render import text

    try:
        return (context.edition.build / TEXT_MARKED / f"{job.id}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        read = _Cache.recent().read(Path(job.path))
        return text.render_document_and_facts(_Cache.corpus(context.edition), _document(read), context.view, read.node, read.source).part


def build_text_head(context: BuildContext, documents: int) -> ListingResult:
    """Write the beginning of the edition's file for `documents` documents (`TEXT_PARTS/TEXT_HEAD`)."""
    from tei_edition.render import text

    try:
        payload = text.render_head(_Cache.corpus(context.edition), documents, context.view)
        return ListingResult(TEXT_HEAD_OUTPUT, _write(context.edition.build / TEXT_PARTS, {TEXT_HEAD: payload}))
    except TeiEditionError as exc:
        return ListingResult(TEXT_HEAD_OUTPUT, [], str(exc))


# pages made from every document


class ListingResult(NamedTuple):
    """A whole-edition output: its files, or the error that stopped it; issues for the edition rules."""

    name: str
    files: list[str]
    error: str | None = None
    issues: list[Issue] = []
    info: dict[str, Any] = {}
    """What the build records for later builds (the site's pages: the documents their guidelines' examples come from)."""


def build_listing(context: BuildContext, name: str, checked: tuple[str, ...] = ()) -> ListingResult:
    """Make one output of the whole edition: "html:site", "text:edition", "pdf:edition", "validate:edition".

    For "validate:edition", `checked` names the cached validation results of every file.
    Each is the largest task of its worker (the edition rules' index, the site's entries):
    the memory it freed is given back after (memory.py), else the worker keeps that size
    beside the other whole-edition tasks, to the build's end.
    """
    from tei_edition.build.memory import release_freed_memory

    try:
        return _listing(context, name, checked)
    finally:
        release_freed_memory()


def _listing(context: BuildContext, name: str, checked: tuple[str, ...]) -> ListingResult:
    edition = context.edition
    try:
        if name == "validate:edition":
            return _validate_edition(context, checked)
        stage = name.partition(":")[0]
        if stage == "html":  # the site's pages, each written as it is joined (at 10,000 documents they are 0.1 GB)
            from tei_edition.render import html

            site = html.write_edition_site(edition, edition.build / stage)
            return ListingResult(name, [str(path) for path in site.files], info={"examples": [str(path) for path in site.examples]})
        module = writer(stage)
        return ListingResult(name, _write(edition.build / stage, {module.EDITION_FILE: module.render_edition(load_corpus(edition), context.view)}))
    except TeiEditionError as exc:
        return ListingResult(name, [], str(exc))


def _validate_edition(context: BuildContext, checked: tuple[str, ...]) -> ListingResult:
    from tei_edition.validate.runner import check_edition

    facts = _cached_facts([os.path.abspath(path) for path in checked])
    cwd = os.getcwd()
    try:
        os.chdir(context.cwd)  # the edition rules name files relative to the working folder
        issues = check_edition(facts)
    finally:
        os.chdir(cwd)
    written = _write(context.edition.build / VALIDATE_CACHE, {"edition.pickle": pickle.dumps(issues, protocol=pickle.HIGHEST_PROTOCOL)})
    return ListingResult("validate:edition", written, None, issues)


def _cached_facts(paths: list[str]) -> Iterator[FileFacts]:
    """The index facts each cached validation result holds, read one at a time as the edition index takes
    them: at 10,000 documents they are 40 MB of index text, which the index need not hold twice."""
    from tei_edition.validate.runner import FileResult

    for path in paths:
        with open(path, "rb") as handle:
            result: FileResult = pickle.load(handle)
        if result.facts is not None:
            yield result.facts


def cached_issues(path: Path) -> list[Issue]:
    """The issues a validation output recorded (a file's FileResult, or the edition's list)."""
    from tei_edition.validate.runner import FileResult

    with open(path, "rb") as handle:
        data = pickle.load(handle)
    return data.issues if isinstance(data, FileResult) else list(data)


# per-process state


def load_converter(context: BuildContext) -> None:
    """Load the converter with the edition's registers now (executor.prepare): what a conversion loads first."""
    _Cache.converter(context.edition)


def load_renderers(context: BuildContext, stages: tuple[str, ...]) -> None:
    """Load what making these outputs of a document loads first (executor.prepare): the schema and the
    rules, each format's writer with its stylesheet compiled, the registers and the pages' parameters."""
    if "validate" in stages:
        from tei_edition.validate.runner import load_checkers

        load_checkers()
    formats = [stage for stage in stages if stage in FORMATS]
    if formats:
        from tei_edition.xslt import Stylesheet

        _Cache.corpus(context.edition)
    for stage in formats:
        Stylesheet.load(writer(stage).STYLESHEET)
    if "html" in formats:
        _Cache.html_params(context.edition)


#: The register files' names in the order a worker's state of them lists them.
_REGISTER_NAMES = tuple(sorted(REGISTER_FILES))
#: An edition's folder and its registers' sizes and times of change (None: not there).
_Key = tuple[Path, tuple[tuple[int, int] | None, ...]]


class _Cache:
    """What a worker process sets up once: converter, registers, stylesheet parameters; the files it read last."""

    _converters: dict[_Key, Converter] = {}
    _corpora: dict[_Key, Corpus] = {}
    _html_params: dict[_Key, dict[str, Any]] = {}
    _recent: RecentFiles | None = None

    @staticmethod
    def _key(edition: Edition) -> _Key:
        """The edition and its registers' state: a long-lived worker sees register changes.
        Asked for by every output of every document: a stat of each register, no more."""
        folder = os.fspath(edition.registers)
        stamps: list[tuple[int, int] | None] = []
        for name in _REGISTER_NAMES:
            try:
                stat = os.stat(os.path.join(folder, name))
                stamps.append((stat.st_size, stat.st_mtime_ns))
            except FileNotFoundError:
                stamps.append(None)
        return edition.root, tuple(stamps)

    @classmethod
    def converter(cls, edition: Edition) -> Converter:
        from tei_edition.convert import Converter

        key = cls._key(edition)
        if key not in cls._converters:
            cls._converters = {key: Converter(edition)}
        return cls._converters[key]

    @classmethod
    def corpus(cls, edition: Edition) -> Corpus:
        """The edition with its registers and front matter, and no documents (the writers' parameters)."""
        key = cls._key(edition)
        if key not in cls._corpora:
            full = [parse_xml(edition.registers / name) for name in sorted(REGISTER_FILES) if (edition.registers / name).is_file()]
            front = front_matter_path(edition)
            cls._corpora = {key: Corpus(edition, (), tuple(full), parse_xml(front) if front.is_file() else None)}
        return cls._corpora[key]

    @classmethod
    def html_params(cls, edition: Edition) -> dict[str, Any]:
        """The pages' parameters, made Saxon values once (every page is made with them)."""
        from tei_edition.render import html
        from tei_edition.xslt import xdm_parameters

        key = cls._key(edition)
        if key not in cls._html_params:
            cls._html_params = {key: xdm_parameters(html.page_params(cls.corpus(edition)))}
        return cls._html_params[key]

    @classmethod
    def recent(cls) -> RecentFiles:
        """The files this worker read last, parsed and made Saxon nodes once (a document's outputs, a page's neighbours)."""
        from tei_edition.render.recent import RecentFiles

        if cls._recent is None:
            cls._recent = RecentFiles()
        return cls._recent


__all__ = [
    "FORMATS",
    "EXTENSIONS",
    writer.__name__,
    "VALIDATE_CACHE",
    "TEXT_PARTS",
    "TEXT_MARKED",
    "TEXT_HEAD",
    "TEXT_HEAD_OUTPUT",
    "REGISTER_FILES",
    BuildContext.__name__,
    ConvertedDocument.__name__,
    ConvertResult.__name__,
    convert_sources.__name__,
    register_refs.__name__,
    DocumentJob.__name__,
    DocumentResult.__name__,
    build_documents.__name__,
    facts_digest.__name__,
    TextPartJob.__name__,
    build_text_parts.__name__,
    build_text_head.__name__,
    ListingResult.__name__,
    build_listing.__name__,
    cached_issues.__name__,
    load_converter.__name__,
    load_renderers.__name__,
]
