"""The text edition's file (`build/text/edition.txt`) joined from one part per document.

The file numbers the documents in date order and counts the notes on through
it, so each document's part depends on the documents before it only through its
number and the note counts before it. Each document's text task records its sort
key and note counts (`text.document_facts`); from those the build places every
document, remakes only the parts whose document or place changed (an edited
document whose notes keep their count remakes its own part alone), and joins the
parts with the file's head as a stream: no process holds every document in one
tree, and memory does not grow with the edition.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from tei_edition.build.executors import Task
from tei_edition.build.hashing import digest
from tei_edition.build.manifest import Manifest, Record
from tei_edition.build.tasks import (
    TEXT_HEAD,
    TEXT_HEAD_OUTPUT,
    TEXT_PARTS,
    BuildContext,
    TextPartJob,
    build_text_head,
    build_text_parts,
)
from tei_edition.render.text import EDITION_FILE, DocumentFacts, places
from tei_edition.xmlio import write_atomic

#: The manifest's names of the edition's file, its head and each document's part ("text-part:ID").
EDITION, HEAD, PART = "text:edition", TEXT_HEAD_OUTPUT, "text-part"


class TextDocument(NamedTuple):
    """A document as the text edition plans with it: its id, file, and the key of its text."""

    id: str
    path: str
    key: str
    """The key of its text output (its TEI, register entries, stylesheet, view...): its part's inputs but the place."""


class TextEditionPlan(NamedTuple):
    """What the edition's file needs made, and the keys to record."""

    tasks: list[Task]
    keys: dict[str, str]
    """Manifest name to key, for the head, the parts and the file."""
    order: list[str]
    """Document ids in the file's order."""
    missing: list[str]
    """Documents whose text (and so their facts) could not be made: the file cannot be either."""
    stale: int
    """How many of the head and the parts are to be made."""


def plan_text_edition(context: BuildContext, documents: Sequence[TextDocument], head_key: str, manifest: Manifest,
                      force: bool, batch: int) -> TextEditionPlan:
    """Place every document from the facts its text recorded, and list the stale head and parts."""
    facts: dict[str, DocumentFacts] = {}
    missing = []
    for document in documents:
        recorded = _facts(manifest.records.get(f"text:{document.id}"))
        if recorded is None:
            missing.append(document.id)
        else:
            facts[document.id] = recorded
    if missing:
        return TextEditionPlan([], {}, [], missing, 0)
    placed = places(facts)
    by_id = {document.id: document for document in documents}
    order = sorted(placed, key=lambda identifier: placed[identifier].number)
    keys = {HEAD: digest(HEAD, head_key, str(len(order)))}
    stale_parts = []
    for identifier in order:
        name = f"{PART}:{identifier}"
        keys[name] = digest(PART, by_id[identifier].key, str(placed[identifier].number), *map(str, placed[identifier].offsets))
        if manifest.stale(name, keys[name], force):
            stale_parts.append(TextPartJob(identifier, by_id[identifier].path, placed[identifier]))
    keys[EDITION] = digest(EDITION, keys[HEAD], *(keys[f"{PART}:{identifier}"] for identifier in order))
    head = manifest.stale(HEAD, keys[HEAD], force)
    tasks = [Task(build_text_head, (context, len(order)))] if head else []
    tasks += [Task(build_text_parts, (context, stale_parts[i : i + batch])) for i in range(0, len(stale_parts), batch)]
    return TextEditionPlan(tasks, keys, order, [], len(stale_parts) + head)


def join_text_edition(context: BuildContext, plan: TextEditionPlan, manifest: Manifest, force: bool) -> bool:
    """Write the edition's file from its head and parts, unless it is up to date; whether it was written."""
    if not manifest.stale(EDITION, plan.keys[EDITION], force):
        return False
    folder = context.edition.build / TEXT_PARTS
    target = context.edition.build / "text" / EDITION_FILE
    write_atomic(target, _joined(folder / TEXT_HEAD, [folder / f"{identifier}.txt" for identifier in plan.order]))
    manifest.done(EDITION, Record(plan.keys[EDITION], [str(target)]))
    return True


def _joined(head: Path, parts: list[Path]) -> Iterator[bytes]:
    """The file as txt:file makes it: head and parts, a blank line between, one final newline."""
    yield head.read_bytes()
    for part in parts:
        yield b"\n\n"
        yield part.read_bytes()
    yield b"\n"


def _facts(record: Record | None) -> DocumentFacts | None:
    value: Any = record.info.get("facts") if record is not None else None
    return DocumentFacts(value[0], (value[1], value[2])) if value else None


__all__ = ["EDITION", "HEAD", "PART", TextDocument.__name__, TextEditionPlan.__name__, plan_text_edition.__name__, join_text_edition.__name__]
