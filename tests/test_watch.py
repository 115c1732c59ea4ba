"""`tei-edition watch`: the editor's loop without a server, on a small copy of the example edition
(one source and the registers). What the terminal says after each change, and what is rebuilt:
a hand edit of a TEI document, a break and its repair, a register change, a source change that
replaces a hand edit (and says so), and Ctrl-C.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from test_serve import FIRST_BUILD_SECONDS, Running, copy_example, first_paragraph

SOURCE = "1950-09-20_gromyko-to-soviet-ambassador-peking.txt"
#: The loop reacts in about a second here; generous for a loaded machine.
CHANGE_SECONDS = 120
#: The last line the loop prints for a change: what it made (or why it could not), and the errors.
SUMMARY = r"; \d+ errors?(?: \(\d+ in files that did not change\))?$"


@pytest.fixture()
def watching(tmp_path: Path):
    copy_example(tmp_path, [SOURCE])
    running = Running(["watch", "--config", str(tmp_path / "edition.toml")], tmp_path)
    try:
        running.wait_for_line("^watching for changes", FIRST_BUILD_SECONDS)
        yield tmp_path, running
    finally:
        running.kill()


def after_change(running: Running, changed: str, start: int) -> list[str]:
    """The lines the loop printed from line `start` on (counted before the change) for the change of `changed`."""
    running.wait_for_line(rf"^changed: .*{re.escape(changed)}", CHANGE_SECONDS, start)
    first = next(i for i in range(start, len(running.lines)) if running.lines[i].startswith("changed:"))
    running.wait_for_line(SUMMARY, CHANGE_SECONDS, first)
    last = next(i for i in range(first, len(running.lines)) if re.search(SUMMARY, running.lines[i]))
    return running.lines[first : last + 1]


def test_the_loop_follows_the_editor(watching: tuple[Path, Running]) -> None:
    root, running = watching
    (document,) = sorted((root / "xml").glob("d*.xml"))
    page = root / "build" / "html" / f"{document.stem}.html"
    assert page.is_file()

    tree = etree.parse(str(document))
    first_paragraph(tree).text = "Handcorrected " + first_paragraph(tree).text
    start = len(running.lines)
    tree.write(str(document), xml_declaration=True, encoding="UTF-8")
    lines = after_change(running, f"xml/{document.name}", start)
    assert re.match(r"^made html 2, validate 2 ", lines[-1]), lines  # the page and the site pages; the file and the edition rules
    assert "Handcorrected" in page.read_text(encoding="utf-8")

    edited = document.read_text(encoding="utf-8")
    broken_line = edited[: edited.index("</p>")].count("\n") + 1
    start = len(running.lines)
    document.write_text(edited.replace("</p>", "</pp>", 1), encoding="utf-8")
    lines = after_change(running, f"xml/{document.name}", start)
    assert any(re.match(rf"^xml/{re.escape(document.name)}:{broken_line}:\d+: error \[well-formed\] ", line) for line in lines), lines
    assert "Handcorrected" in page.read_text(encoding="utf-8")  # the page stays as it was; the error is the news

    start = len(running.lines)
    document.write_text(edited, encoding="utf-8")
    lines = after_change(running, f"xml/{document.name}", start)
    assert not any("[well-formed]" in line for line in lines), lines

    # The converter reads the registers' names: a new name form converts the sources again,
    # which replaces the hand edit, and the loop says so.
    register = root / "xml" / "places.xml"
    start = len(running.lines)
    named = register.read_text(encoding="utf-8").replace('<placeName type="preferred">', '<placeName type="variant">Nowhereville</placeName><placeName type="preferred">', 1)
    register.write_text(named, encoding="utf-8")
    lines = after_change(running, "xml/places.xml", start)
    assert re.match(r"^made convert 1, html \d+, validate \d+ ", lines[-1]), lines
    assert f"note: xml/{document.name}: the conversion of its source replaced the hand edits" in "\n".join(lines)
    assert "Handcorrected" not in document.read_text(encoding="utf-8")
    assert "Handcorrected" not in page.read_text(encoding="utf-8")

    source = root / "sources" / SOURCE
    start = len(running.lines)
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    lines = after_change(running, f"sources/{SOURCE}", start)
    assert re.match(r"^made convert 1, ", lines[-1]), lines
    assert not any(line.startswith("note:") for line in lines), lines

    config = root / "edition.toml"
    good = config.read_text(encoding="utf-8")
    start = len(running.lines)
    config.write_text(good.replace("[edition]", "[edition\n", 1), encoding="utf-8")
    lines = after_change(running, "edition.toml", start)
    assert any(re.match(r"^\S*edition\.toml:\d+:\d+: error \[config\] ", line) for line in lines), lines
    start = len(running.lines)
    config.write_text(good, encoding="utf-8")
    lines = after_change(running, "edition.toml", start)
    assert lines[-1].startswith("made "), lines

    assert running.interrupt() == 0
    assert running.lines[-1] == "stopped"
