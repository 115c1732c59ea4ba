"""The text edition's layout (tei_edition/render/rst.py): the marks xslt/text.xsl leaves, laid out.

The text edition's tests (test_text.py) check whole files against docutils and
the parts against the file made in one piece; these check the layout's own rules
where a small input shows them, and the marks the stylesheet really writes.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from tei_edition.build.tasks import (
    TEXT_MARKED,
    TEXT_PARTS,
    BuildContext,
    DocumentJob,
    TextPartJob,
    build_documents,
    build_text_parts,
)
from tei_edition.config import load_edition
from tei_edition.errors import TeiEditionError
from tei_edition.render import rst, text
from tei_edition.render.corpus import Document, load_corpus
from tei_edition.xmlio import parse_xml_bytes

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "render"


def test_wrap_fills_lines_to_the_width_and_indents_the_rest() -> None:
    words = " ".join(["word"] * 40)
    lines = rst.wrap(words, ":Field: ", "    ").split("\n")
    assert lines[0].startswith(":Field: word") and all(line.startswith("    word") for line in lines[1:])
    assert all(len(line) <= rst.WIDTH for line in lines)
    assert all(len(line) + len(" word") > rst.WIDTH for line in lines[:-1])  # greedy: no room left for one more


def test_wrap_keeps_a_long_word_whole_and_an_adornment_like_word_off_a_line_start() -> None:
    address = "https://example.org/" + "x" * 90
    assert rst.wrap(f"see {address} here", "", "") == f"see\n{address}\nhere"
    line = " ".join(["word"] * 19)  # 94 columns with the next word
    assert "\n----" not in rst.wrap(f"{line} ---- end", "", "")
    assert rst.wrap(" \t\n", "- ", "  ") == ""


def word_by_word(text: str, first: str, rest: str) -> str:
    """Greedy wrap one word at a time, as xslt/text/rst.xsl did it (the layout cuts whole lines at once)."""
    words = " ".join(re.split(r"[ \t\r\n]+", text.strip(" \t\r\n"))).split(" ")
    if words == [""]:
        return ""
    lines, line = [], first + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= rst.WIDTH or re.fullmatch(r"[!-/:-@\[-`{-~]{4,}", word):
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = rest + word
    return "\n".join([*lines, line])


def test_wrap_cuts_where_wrapping_word_by_word_does() -> None:
    chooser = random.Random(7)
    vocabulary = ["a", "of", "word", "longer", "----", "::", "***", "-----", "x" * 80, "y" * 77, "z" * 74, "ab" * 20]
    for _ in range(20_000):
        text = chooser.choice(["", " ", "\t"]) + chooser.choice([" ", "  ", "\n"]).join(
            chooser.choice(vocabulary) for _ in range(chooser.randint(0, 40)))
        first = chooser.choice(["", ":Field: ", ".. [12345] ", "- ", "x" * 77, "y" * 80, "z" * 78])
        rest = chooser.choice(["", "    ", "   ", "q" * 79])
        assert rst.wrap(text, first, rest) == word_by_word(text, first, rest), (text, first, rest)


def test_escapes_at_a_paragraphs_start_and_end_only() -> None:
    assert rst.escape_ends("1. Not a list") == "\\1. Not a list"
    assert rst.escape_ends("- not a bullet") == "\\- not a bullet"
    assert rst.escape_ends("As follows::") == "As follows:\\:"
    assert rst.escape_ends("  plain   words ") == "plain words"
    assert rst.escape_ends("1950 was a year.") == "1950 was a year."


def test_title_adornment_by_level_and_as_long_as_the_title() -> None:
    assert rst.title("Notes", 0) == "=====\nNotes\n====="
    assert rst.title("Notes", 2) == "Notes\n-----"
    assert rst.title("#. Heading", 1) == "\\#. Heading\n" + "=" * 11


def test_blocks_laid_out_before_the_place_is_known_read_as_laid_out_at_it() -> None:
    """rst.lay_out_fixed lays out the paragraphs that read the same at every place, once for a
    document's file and its part; titles (their level) and blocks with a label or the number wait."""
    wrap, title, after, end = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3"
    label, label_end, number = "\ufdd7", "\ufdd8", "\ufdd6"
    words = " ".join(["plain words"] * 12)
    marked = "\n\n".join([
        f"{title}1{after}Notes to document {number}{end}",
        f"{wrap}{after}{after}\ufdda1. {words}\ufddb{end}",
        f"{wrap}.. [{label}a2{label_end}] {after}   {after}{words}{end}",
        f"{wrap}:Field: {after}    {after}{words} [{label}11{label_end}]_ end{end}",
    ])
    fixed = rst.lay_out_fixed(marked)
    blocks = fixed.split("\n\n")
    assert blocks[1] == rst.wrap("\\1. " + words, "", "") and blocks[0] + blocks[2] + blocks[3] == "".join(
        marked.split("\n\n")[i] for i in (0, 2, 3))
    for place in [(None, (0, 0), 0), (7, (0, 0), 1), (123, (30_000, 99_990), 1)]:
        assert rst.layout(fixed, *place) == rst.layout(marked, *place)


@pytest.mark.parametrize(("index", "label"), [(1, "a"), (26, "z"), (27, "aa"), (52, "az"), (53, "ba"), (703, "aaa"), (18278, "zzz"), (18279, "aaaa")])
def test_letters_count_as_format_integer_does(index: int, label: str) -> None:
    assert rst.letters(index) == label


def test_a_part_is_laid_out_at_its_place_and_its_labels_change_the_wrapping() -> None:
    """The same marked part at two places: its number, its labels counted on, its lines wrapped for them."""
    corpus = load_corpus(load_edition(FIXTURE / "edition.toml"))
    made = [text.render_document_and_facts(corpus, document) for document in corpus.documents]
    marked = next(m for m in made if m.facts.notes[0] and m.facts.notes[1])
    first = text.render_part(marked.part, text.PartPlace(1, (0, 0)))
    later = text.render_part(marked.part, text.PartPlace(123, (30_000, 99_990)))
    assert ":Number: 1\n" in first and ":Number: 123\n" in later and "of document 123" in later
    assert ".. [a]" in first and ".. [ariw]" in later  # 30,001 in letters
    assert "[1]" in first and "[99991]" in later
    # wrapped again with the longer labels: no line runs past the width but for a word of its own
    assert all(len(line) <= rst.WIDTH or " " not in line.strip() for line in later.split("\n"))
    assert first.split("\n") != later.replace("123", "1").split("\n")
    assert not any(mark in first + later for mark in map(chr, range(0xFDD0, 0xFDF0)))
    own = marked.text
    assert ":Number:" not in own and "of document" not in own and ".. [a]" in own


def test_a_document_holding_a_noncharacter_is_refused(tmp_path: Path) -> None:
    """The layout's marks are noncharacters: a text that holds one cannot be laid out, and says so."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    path = edition / "xml" / "d1950-10-01_stalin_mao-zedong.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("<p>The numbers were", "<p>The \ufdd0 numbers were", 1), encoding="utf-8")
    corpus = load_corpus(load_edition(edition / "edition.toml"))
    document = next(d for d in corpus.documents if d.path == path)
    line = next(i for i, words in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "\ufdd0" in words)
    with pytest.raises(TeiEditionError, match=f"{path.name}:{line}: a Unicode noncharacter"):
        text.render_document(corpus, document)
    with pytest.raises(TeiEditionError, match="noncharacter"):
        text.render_edition(corpus)
    # as a build's worker renders it, with the bytes it read: the mark in them, or a reference to it
    source = path.read_bytes()
    with pytest.raises(TeiEditionError, match=f"{path.name}:{line}: a Unicode noncharacter"):
        text.render_document_and_facts(corpus, document, source=source)
    referenced = source.replace("\ufdd0".encode(), b"&#xFDD0;")
    with pytest.raises(TeiEditionError, match=f"{path.name}:{line}: a Unicode noncharacter"):
        text.render_document_and_facts(corpus, Document(document.id, path, parse_xml_bytes(referenced, path)), source=referenced)


def test_the_build_lays_parts_out_from_the_marked_part_its_text_kept_or_makes_it_again(tmp_path: Path) -> None:
    """A document's text task keeps its marked part; its part task lays it out at its place, and
    transforms the document again only when the kept part is gone: the same part either way."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    context = BuildContext(load_edition(edition / "edition.toml"))
    paths = sorted(p for p in context.edition.xml.glob("*.xml") if p.name not in {"persons.xml", "places.xml", "organisations.xml"})
    results = build_documents(context, [DocumentJob(p.stem, str(p), ("text",)) for p in paths])
    assert not any(result.errors for result in results)
    facts = {r.id: text.DocumentFacts(r.info["text"]["facts"][0], tuple(r.info["text"]["facts"][1:])) for r in results}
    placed = text.places(facts)
    jobs = [TextPartJob(r.id, str(context.edition.xml / f"{r.id}.xml"), placed[r.id]) for r in results]
    marked = {job.id: context.edition.build / TEXT_MARKED / f"{job.id}.txt" for job in jobs}
    assert all(str(marked[r.id]) in r.files["text"] for r in results)
    build_text_parts(context, jobs)
    kept = {job.id: (context.edition.build / TEXT_PARTS / f"{job.id}.txt").read_bytes() for job in jobs}
    for path in marked.values():
        path.unlink()
    build_text_parts(context, jobs)
    assert {job.id: (context.edition.build / TEXT_PARTS / f"{job.id}.txt").read_bytes() for job in jobs} == kept
    assert b":Number: 1\n" in b"".join(kept.values())
