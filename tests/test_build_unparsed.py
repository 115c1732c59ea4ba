"""A TEI file an editor left broken (not well-formed XML) stops no command that can go on without it.

`build` validates it (which reports file:line:column), makes every other document's
outputs as if it were not there, and not the outputs made of every document (the
site's pages, edition.txt, edition.pdf): exit 1, no half file, and once it parses
again the outputs are the bytes of a build that never saw it broken. `validate` goes
on with the other files; `render` makes nothing (its whole site or book would lack
the document) and names the place. A broken register stops `build`: converting or
rendering without it would write TEI and pages without the names it holds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
from fixtures.hostile.harness import DOCUMENT, ROOT, files_under, make_edition, tei_edition
from test_build import generated_edition, outputs, run_build

from tei_edition.render.corpus import document_date
from tei_edition.xmlio import parse_xml

#: Two sources of one document each (a small edition that builds fast).
SOURCES = ("1950-09-20_gromyko-to-soviet-ambassador-peking.txt", "1950-10-12_8th-directorate-to-shtykov-vasilyev.txt")
TEMPORARY = re.compile(r"^\..*\.tmp")


def break_xml(path: Path) -> tuple[int, int]:
    """Close the first paragraph with a tag that does not match; the line and column of its end, as libxml2 reports them."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if "</p>" in line)
    lines[number] = lines[number].replace("</p>", "</pp>", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1, lines[number].index("</pp>") + len("</pp>") + 1


def in_date_order(folder: Path) -> list[Path]:
    return sorted((folder / "xml").glob("d*.xml"), key=lambda path: (document_date(parse_xml(path).getroot()), path.stem))


def neighbour_links(page: Path) -> list[str]:
    root = lxml.html.parse(str(page)).getroot()
    return root.xpath("//a[@rel='prev']/@href") + root.xpath("//a[@rel='next']/@href")


def test_build_goes_on_without_a_broken_document_and_remakes_it_once_it_parses(tmp_path: Path) -> None:
    folder = generated_edition(tmp_path / "edition", 5)
    assert not run_build(folder, jobs=2).failed
    clean = outputs(folder)
    documents = in_date_order(folder)
    broken = documents[2]
    good = broken.read_bytes()
    line, column = break_xml(broken)
    before, after = documents[1], documents[3]

    report = run_build(folder, jobs=2)
    assert report.failed
    (issue,) = [issue for issue in report.issues if issue.severity == "error"]
    assert (Path(issue.path).name, issue.line, issue.column, issue.rule) == (broken.name, line, column, "well-formed")
    site, text = folder / "build" / "html", folder / "build" / "text"
    assert report.errors == [
        f"{site}: the site's pages not made: the TEI of {broken} does not parse",
        f"{text / 'edition.txt'}: not made: the text of {broken.stem} could not be made",
    ]
    assert report.made["html"] == 2  # its neighbours' pages, which now link past it
    assert neighbour_links(site / f"{before.stem}.html")[-1] == f"{after.stem}.html"
    assert neighbour_links(site / f"{after.stem}.html")[0] == f"{before.stem}.html"
    assert not [path for path in files_under(folder / "build") if TEMPORARY.match(path.name)]
    assert run_build(folder, jobs=1).failed  # reported again by a build with nothing to do

    broken.write_bytes(good)
    fixed = run_build(folder, jobs=2)
    assert not fixed.failed and fixed.errors == []
    assert outputs(folder) == clean


def test_validate_goes_on_and_render_names_the_place_and_writes_nothing(tmp_path: Path) -> None:
    other = "d1950-10-12_eighth-directorate_shtykov.xml"
    folder = make_edition(tmp_path / "edition", documents=(DOCUMENT, other))
    line, column = break_xml(folder / "xml" / DOCUMENT)
    place = f"xml/{DOCUMENT}:{line}:{column}:"

    validated = tei_edition("validate", cwd=folder)
    assert validated.returncode == 1 and "Traceback" not in validated.stderr
    assert f"{place} error [well-formed] not well-formed XML" in validated.stdout
    assert "5 files: 1 errors" in validated.stderr  # the other document and the registers were validated

    for fmt in ("html", "text", "pdf"):
        rendered = tei_edition("render", "--to", fmt, "--out", f"out-{fmt}", cwd=folder)
        errors = [line for line in rendered.stderr.splitlines() if line.startswith("error:")]
        assert rendered.returncode == 1 and len(errors) == 1 and "Traceback" not in rendered.stderr, rendered.stderr
        assert f"{folder / 'xml' / DOCUMENT}:{line}:{column}: not well-formed XML" in errors[0]
        assert files_under(folder / f"out-{fmt}") == []


def test_a_broken_register_stops_the_build_naming_the_place(tmp_path: Path) -> None:
    folder = make_edition(tmp_path / "edition", documents=())
    (folder / "sources").mkdir()
    for name in SOURCES:
        shutil.copy(ROOT / "sources" / name, folder / "sources" / name)
    register = folder / "xml" / "persons.xml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("</persName>", "</persNam>", 1), encoding="utf-8")
    line = text[: text.index("</persName>")].count("\n") + 1

    built = tei_edition("build", "--jobs", "1", "--to", "html,text", cwd=folder)
    errors = [line for line in built.stderr.splitlines() if line.startswith("error:")]
    assert built.returncode == 1 and "Traceback" not in built.stderr and len(errors) == 1, built.stderr
    assert re.match(rf"error: {re.escape(str(register))}:{line}:\d+: not well-formed XML", errors[0]), errors[0]
    assert sorted(path.name for path in (folder / "xml").iterdir()) == ["organisations.xml", "persons.xml", "places.xml"]
    assert not [path for path in files_under(folder / "build") if path.suffix in (".html", ".txt")]


def test_a_broken_front_matter_is_one_error_not_one_per_output(tmp_path: Path) -> None:
    """Every page and text reads front.xml: the build names it once, with its place, and exits 1."""
    folder = make_edition(tmp_path / "edition", documents=())
    (folder / "sources").mkdir()
    for name in SOURCES:
        shutil.copy(ROOT / "sources" / name, folder / "sources" / name)
    front = folder / "front.xml"
    line, column = break_xml(front)

    built = tei_edition("build", "--jobs", "2", "--to", "html,text", cwd=folder)
    errors = [line for line in built.stderr.splitlines() if line.startswith("error:")]
    assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
    assert errors[0].startswith(f"error: {front}:{line}:{column}: not well-formed XML: Opening and ending tag mismatch"), errors
    assert len(errors) == 2 and "edition.txt: not made" in errors[1], errors
