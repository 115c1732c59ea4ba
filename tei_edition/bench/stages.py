"""One benchmark stage, run in a process of its own so its time and memory are its own.

`python -m tei_edition.bench.stages STAGE EDITION_TOML JOBS` runs the stage with the
build's own tasks (the same code `tei-edition build` runs) and prints
{"documents": N, "seconds": S} as JSON, and for a build its "errors" (the errors and
validation errors it reported, as `tei-edition build` counts them: its exit status is 1 when there are any). Stages: convert, validate, html (document
pages), html-site (the pages made from every document: index, registers, search),
text (documents and the edition's file), pdf (the first PDF_SUBSET documents), floor (parse every TEI file and write a file of
the size of its outputs: what the machine can do at all), and the builds of BUILDS
(`tei-edition build` on what is there: clean, or after the caller changed a source).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from tei_edition.build import BuildOptions, build_edition, local_executor
from tei_edition.build.executors import Task
from tei_edition.build.manifest import Manifest, Record
from tei_edition.build.tasks import VALIDATE_CACHE, BuildContext, DocumentJob, build_documents, build_listing, convert_sources
from tei_edition.build.textedition import TextDocument, join_text_edition, plan_text_edition
from tei_edition.config import Edition, load_edition
from tei_edition.render.corpus import document_date, neighbours
from tei_edition.sources import iter_sources
from tei_edition.xmlio import XML_NS, parse_xml, write_atomic

#: How many documents the PDF stage renders (WeasyPrint lays out each page).
PDF_SUBSET = 200
#: Documents per task in the stages.
BATCH = 32
#: The build stages and the formats each builds: the whole build, and the build without
#: HTML (what conversion, validation and the text edition cost together).
BUILDS = {"build": ("html", "text"), "build-text": ("text",)}


class StageResult(NamedTuple):
    """What a stage did: the documents it processed, and for a build the errors it reported (None: not a build)."""

    documents: int
    errors: int | None = None


def run_stage(stage: str, edition: Edition, jobs: int) -> StageResult:
    """Run one stage."""
    executor = local_executor(jobs)
    context = BuildContext(edition, "reading", os.getcwd())
    try:
        if stage == "convert":
            return StageResult(_convert(edition, context, executor))
        if stage in BUILDS:
            report = build_edition(edition, BuildOptions(BUILDS[stage], False), executor)
            return StageResult(report.documents, len(report.errors) + sum(1 for issue in report.issues if issue.severity == "error"))
        if stage == "validate":
            return StageResult(_validate(edition, context, executor))
        documents = _documents(edition)
        if stage == "html-site":
            for _ in executor.run([Task(build_listing, (context, "html:site"))]):
                pass
            return StageResult(len(documents))
        if stage == "floor":
            tasks = [Task(floor_batch, (edition, [str(p) for p in documents[i : i + BATCH]])) for i in range(0, len(documents), BATCH)]
            for _ in executor.run(tasks):
                pass
            return StageResult(len(documents))
        if stage == "pdf":
            documents = documents[:PDF_SUBSET]
        jobs_list = _jobs(documents, stage)
        tasks = [Task(build_documents, (context, jobs_list[i : i + BATCH])) for i in range(0, len(jobs_list), BATCH)]
        results = [item for _, batch in executor.run(tasks) for item in batch]
        if stage == "text":
            _text_edition(context, jobs_list, results, executor)
        return StageResult(len(documents))
    finally:
        executor.close()


def _convert(edition: Edition, context: BuildContext, executor: object) -> int:
    sources = [str(p) for p in iter_sources([edition.sources])]
    count = 0
    tasks = [Task(convert_sources, (context, sources[i : i + BATCH])) for i in range(0, len(sources), BATCH)]
    for _, results in executor.run(tasks):  # type: ignore[attr-defined]
        for result in results:
            for document in result.documents:
                write_atomic(edition.xml / document.file, document.xml)
                count += 1
    return count


def _text_edition(context: BuildContext, jobs: list[DocumentJob], results: list, executor: object) -> None:
    """The edition's file from the documents' parts, as the build makes it (every part made)."""
    with tempfile.TemporaryDirectory() as records:
        manifest = Manifest(Path(records), {f"text:{r.id}": Record("", r.files.get("text", []), r.info.get("text", {})) for r in results}, {})
        plan = plan_text_edition(context, [TextDocument(job.id, job.path, "") for job in jobs], "", manifest, True, BATCH)
        for _ in executor.run(plan.tasks):  # type: ignore[attr-defined]
            pass
        join_text_edition(context, plan, manifest, True)
        manifest.close()


def _validate(edition: Edition, context: BuildContext, executor: object) -> int:
    """Every TEI file (registers too) against the schema and the document rules, then the edition
    rules over all of them: what `tei-edition validate` and the build do."""
    files = sorted(edition.xml.glob("*.xml"))
    jobs = [DocumentJob(p.stem, str(p), ("validate",)) for p in files]
    tasks = [Task(build_documents, (context, jobs[i : i + BATCH])) for i in range(0, len(jobs), BATCH)]
    for _ in executor.run(tasks):  # type: ignore[attr-defined]
        pass
    checked = tuple(str(edition.build / VALIDATE_CACHE / f"{job.id}.pickle") for job in jobs)
    for _ in executor.run([Task(build_listing, (context, "validate:edition", checked))]):  # type: ignore[attr-defined]
        pass
    return len(files)


def _documents(edition: Edition) -> list[Path]:
    return sorted(p for p in edition.xml.glob("*.xml") if p.name not in {"persons.xml", "places.xml", "organisations.xml"})


def _jobs(documents: list[Path], stage: str) -> list[DocumentJob]:
    if stage != "html":
        return [DocumentJob(p.stem, str(p), (stage,)) for p in documents]
    dated = sorted((document_date(parse_xml(p).getroot()), p.stem, str(p)) for p in documents)
    return [
        DocumentJob(stem, path, ("html",), tuple(n[2] for n in neighbours(dated, i)))
        for i, (_, stem, path) in enumerate(dated)
    ]


def floor_batch(edition: Edition, paths: list[str]) -> int:
    """Parse each TEI file and write one file of the size of its outputs (HTML and text) if made, else its own."""
    out = edition.build / "floor"
    for path in paths:
        tree = parse_xml(Path(path))
        identifier = tree.getroot().get(f"{{{XML_NS}}}id") or Path(path).stem
        sizes = [edition.build / "html" / f"{identifier}.html", edition.build / "text" / f"{identifier}.txt"]
        size = sum(p.stat().st_size for p in sizes if p.is_file()) or Path(path).stat().st_size
        write_atomic(out / f"{identifier}.out", b"x" * size)
    return len(paths)


def main(argv: list[str]) -> None:
    stage, config, jobs = argv[0], Path(argv[1]), int(argv[2])
    edition = load_edition(config)
    started = time.perf_counter()
    result = run_stage(stage, edition, jobs)
    errors = {} if result.errors is None else {"errors": result.errors}
    print(json.dumps({"documents": result.documents, "seconds": time.perf_counter() - started} | errors))


if __name__ == "__main__":
    main(sys.argv[1:])


__all__ = ["PDF_SUBSET", "BATCH", "BUILDS", StageResult.__name__, run_stage.__name__, floor_batch.__name__, main.__name__]
