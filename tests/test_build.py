"""`tei-edition build`: parallel and incremental builds give the bytes of a clean serial build.

Each test builds a copy of the example edition (its sources, registers and front
matter) in a temporary folder with the real converter, validator and writers.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from tei_edition.bench.corpus import generate_corpus
from tei_edition.build import BuildOptions, LocalExecutor, build_edition, local_executor
from tei_edition.build.executors import Task
from tei_edition.build.manifest import JOURNAL_NAME, MANIFEST_NAME, Manifest, Record
from tei_edition.config import load_edition
from tei_edition.xmlio import NSMAP, parse_xml

ROOT = Path(__file__).resolve().parents[1]
REGISTERS = ("persons.xml", "places.xml", "organisations.xml")
#: PDF is slow; these tests build HTML and text (PDF goes through the same task code).
FORMATS = ("html", "text")


def make_edition(folder: Path) -> Path:
    """A copy of the example edition's inputs (no outputs) in `folder`."""
    shutil.copytree(ROOT / "sources", folder / "sources")
    (folder / "xml").mkdir()
    for name in REGISTERS:
        shutil.copy(ROOT / "xml" / name, folder / "xml" / name)
    shutil.copy(ROOT / "edition.toml", folder / "edition.toml")
    shutil.copy(ROOT / "front.xml", folder / "front.xml")
    for path in folder.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file the build made (TEI and rendered), by relative path; the build's own records aside."""
    found = {}
    for base in ("xml", "build"):
        for path in sorted((folder / base).rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and ".cache" not in relative.parts and not path.name.startswith("manifest."):
                found[str(relative)] = path.read_bytes()
    return found


def generated_edition(folder: Path, cables: int) -> Path:
    """The example edition's registers and configuration with `cables` generated cables as its
    sources: every document one source's (the example's witnesses make the build convert them all at once)."""
    make_edition(folder)
    shutil.rmtree(folder / "sources")
    generate_corpus(sorted((ROOT / "sources").glob("*.txt")), cables, folder / "sources")
    return folder


def run_build(folder: Path, jobs: int = 1, force: bool = False, formats: tuple[str, ...] = FORMATS):
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        executor = local_executor(jobs)
        try:
            return build_edition(load_edition(folder / "edition.toml"), BuildOptions(formats, force), executor)
        finally:
            executor.close()
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The outputs of a clean build in one process."""
    folder = make_edition(tmp_path_factory.mktemp("serial"))
    run_build(folder, jobs=1)
    return outputs(folder)


def test_serial_build_equals_the_separate_commands(serial: dict[str, bytes], tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    tei = [sys.executable, "-m", "tei_edition"]
    subprocess.run([*tei, "convert", "sources/", "--out", "xml/", "-q"], cwd=folder, check=True)
    for fmt in FORMATS:
        subprocess.run([*tei, "render", "--to", fmt, "-q"], cwd=folder, check=True)
    assert outputs(folder) == serial


def test_parallel_build_is_byte_identical(serial: dict[str, bytes], tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=2)
    assert outputs(folder) == serial


def test_no_change_rebuild_makes_nothing(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=2)
    report = run_build(folder, jobs=2)
    assert sum(report.made.values()) == 0
    assert sum(report.up_to_date.values()) > 0


def test_touching_one_source_rebuilds_its_documents_and_the_listings(serial: dict[str, bytes], tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=2)
    manifest = Manifest.load(folder / "build")
    source = folder / "sources" / "1950-10-12_8th-directorate-to-shtykov-vasilyev.txt"
    record = manifest.records[next(n for n in manifest.records if n.startswith("convert:"))]
    before = outputs(folder)
    source.write_bytes(source.read_bytes().replace(b"Top Secret", b"Top  Secret", 1))
    report = run_build(folder, jobs=2)
    after = outputs(folder)
    changed = {name for name in after if after[name] != before.get(name)}
    listing = {"build/html/index.html", "build/html/persons.html", "build/html/places.html", "build/html/organisations.html",
               "build/html/search.html", "build/html/guidelines.html", "build/html/conventions.html", "build/text/edition.txt"}
    assert report.made["convert"] >= 1 and record is not None
    # Only the documents of that source, their neighbours' prev/next links and the listing pages may differ.
    touched = {name for name in changed if name not in listing}
    assert all("1950-10-1" in name or "sourcemap" in name for name in touched), touched
    source.write_bytes(source.read_bytes().replace(b"Top  Secret", b"Top Secret", 1))
    run_build(folder, jobs=2)
    assert outputs(folder) == serial


def test_register_change_rebuilds_to_the_clean_result(tmp_path: Path) -> None:
    folder = make_edition(tmp_path / "edition")
    run_build(folder, jobs=2)
    persons = folder / "xml" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    persons.write_text(text, encoding="utf-8")  # a new time, the same content
    assert sum(run_build(folder, jobs=2).made.values()) == 0
    assert "Zakharov" in text
    edited = text.replace("Zakharov", "Zakharow", 1)
    persons.write_text(edited, encoding="utf-8")
    clean = make_edition(tmp_path / "clean")
    (clean / "xml" / "persons.xml").write_text(edited, encoding="utf-8")
    run_build(folder, jobs=2)
    run_build(clean, jobs=1)
    assert outputs(folder) == outputs(clean)


def test_force_rebuilds_everything(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=1)
    report = run_build(folder, jobs=1, force=True)
    assert report.made["html"] >= report.documents
    assert report.made["convert"] >= 1


def test_killed_build_then_rebuild_equals_clean_build(serial: dict[str, bytes], tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    command = [sys.executable, "-m", "tei_edition", "build", "--to", ",".join(FORMATS), "--jobs", "2", "-q"]
    process = subprocess.Popen(command, cwd=folder, start_new_session=True)
    deadline = time.monotonic() + 120
    journal = folder / "build" / "manifest.journal"
    while time.monotonic() < deadline and process.poll() is None:
        if journal.is_file() and journal.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)  # the build and its workers, mid-way
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the build ended before it could be killed mid-way"
    assert not (folder / "build" / MANIFEST_NAME).is_file()  # only the journal of what was finished
    subprocess.run(command, cwd=folder)
    assert outputs(folder) == serial


def test_json_summary_and_exit_code(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "tei_edition", "build", "--to", "html", "--jobs", "1", "--format", "json"],
        cwd=folder, capture_output=True, text=True,
    )
    summary = json.loads(result.stdout)
    assert summary["documents"] > 0 and summary["made"]["html"] > 0
    errors = [i for i in summary["issues"] if i["severity"] == "error"] + summary["errors"]
    assert result.returncode == (1 if errors else 0)


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    result = subprocess.run([sys.executable, "-m", "tei_edition", "build", "--to", "docx"], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 2
    assert "docx" in result.stderr


def test_tei_corrected_by_hand_is_rendered_and_kept(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=1)
    document = sorted(p for p in (folder / "xml").glob("*.xml") if p.name not in REGISTERS)[0]
    page = folder / "build" / "html" / f"{document.stem}.html"
    corrected = document.read_text(encoding="utf-8").replace("</title>", " (corrected)</title>", 1)
    document.write_text(corrected, encoding="utf-8")
    report = run_build(folder, jobs=1)
    assert report.made["convert"] == 0  # the source did not change: the correction stays
    assert document.read_text(encoding="utf-8") == corrected
    assert "(corrected)" in page.read_text(encoding="utf-8")


def _stamps(folder: Path) -> dict[str, int]:
    """The modification time of every output and part the build keeps, by relative path."""
    found = {}
    for base in ("xml", "build"):
        for path in sorted((folder / base).rglob("*")):
            if path.is_file() and not path.name.startswith("manifest."):
                found[str(path.relative_to(folder))] = path.stat().st_mtime_ns
    return found


def test_a_changed_source_rewrites_only_its_documents_outputs_and_the_edition_file(tmp_path: Path) -> None:
    folder = generated_edition(tmp_path, 24)
    sources = sorted((folder / "sources").glob("*.txt"))
    run_build(folder, jobs=2)
    source = sources[len(sources) // 2]
    sourcemap = json.loads((folder / "xml" / "sourcemap.json").read_text(encoding="utf-8"))
    ids = [Path(name).stem for name, entry in sourcemap.items() if Path(entry["source"]).name == source.name]
    assert ids
    before = _stamps(folder)
    manifest_stamp = (folder / "build" / MANIFEST_NAME).stat().st_mtime_ns
    time.sleep(0.01)
    source.write_text(" the very ".join(source.read_text(encoding="utf-8").rsplit(" the ", 1)), encoding="utf-8")  # in the text
    report = run_build(folder, jobs=2)
    rewritten = {name for name, stamp in _stamps(folder).items() if before.get(name) != stamp}
    listing = {"build/html/index.html", "build/html/persons.html", "build/html/places.html", "build/html/organisations.html",
               "build/html/search.html", "build/html/guidelines.html", "build/html/conventions.html", "build/text/edition.txt"}
    assert report.made["convert"] == 1
    # The text edition: the documents' own files and parts, and the file joined from the parts; nothing else of it.
    assert {name for name in rewritten if "text" in name} == {
        *(f"build/text/{i}.txt" for i in ids), *(f"build/.cache/text-edition/{i}.txt" for i in ids),
        *(f"build/.cache/text-marked/{i}.txt" for i in ids), "build/text/edition.txt"}
    assert report.made["text-part"] == len(ids) and report.made["text-head"] == 0
    assert report.made["validate"] == len(ids)  # the files; their index facts are the same, so the edition rules' result stands
    # Their TEI, validation, pages and their neighbours' pages (prev/next links); the listing pages and the source map.
    others = {name for name in rewritten - listing if not any(i in name for i in ids) and "sourcemap" not in name}
    assert all(name.startswith(("build/html/", "build/.cache/html-site/", "build/.cache/html-site-entries")) for name in others), others
    assert len({name for name in others if name.endswith(".html")}) <= 2 * len(ids), others
    # The few records it made stay in the journal: manifest.json is not rewritten, and the next build reads them.
    assert (folder / "build" / MANIFEST_NAME).stat().st_mtime_ns == manifest_stamp
    assert (folder / "build" / JOURNAL_NAME).stat().st_size > 0
    assert sum(run_build(folder, jobs=2).made.values()) == 0


def test_no_change_build_rewrites_no_file_not_even_the_manifest(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=1)
    before = _stamps(folder) | {"manifest": (folder / "build" / MANIFEST_NAME).stat().st_mtime_ns}
    time.sleep(0.01)
    report = run_build(folder, jobs=1)
    assert sum(report.made.values()) == 0
    assert _stamps(folder) | {"manifest": (folder / "build" / MANIFEST_NAME).stat().st_mtime_ns} == before


def test_a_hand_edit_in_xml_remakes_that_documents_outputs_and_the_listings_only(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    run_build(folder, jobs=1)
    document = sorted(p for p in (folder / "xml").glob("d*.xml"))[0]
    header, body = document.read_text(encoding="utf-8").split("<body>", 1)
    document.write_text(header + "<body>" + body.replace("</p>", " (checked)</p>", 1), encoding="utf-8")
    report = run_build(folder, jobs=1)
    assert report.made["convert"] == 0
    assert report.made["validate"] == 1  # the file; its index facts did not change, so the edition rules' result stands
    assert report.made["text"] == 2 and report.made["text-part"] == 1  # its text, its part and the edition's file
    assert "(checked)" in (folder / "build" / "text" / f"{document.stem}.txt").read_text(encoding="utf-8")
    assert "(checked)" in (folder / "build" / "text" / "edition.txt").read_text(encoding="utf-8")
    # A new line moves the ids and pointers below it, and nothing else: the edition rules decide by the same facts
    # and no issue names the file, so their result stands, as a build of everything finds it.
    document.write_text(document.read_text(encoding="utf-8").replace("<body>", "<body>\n", 1), encoding="utf-8")
    report = run_build(folder, jobs=1)
    assert report.made["validate"] == 1 and not any(issue.path.endswith(document.name) for issue in report.issues)
    assert sorted(report.issues) == sorted(run_build(folder, jobs=1, force=True).issues)
    # A file an issue names (a register entry no document uses): its lines move, the rules run again, the issue moves.
    register = folder / "xml" / "organisations.xml"
    (named,) = {issue.path for issue in report.issues if issue.path.endswith(register.name)}
    register.write_text(register.read_text(encoding="utf-8").replace("<text>", "\n\n<text>", 1), encoding="utf-8")
    moved = run_build(folder, jobs=1)
    assert sorted(moved.issues) == sorted(run_build(folder, jobs=1, force=True).issues)
    assert [i.line for i in moved.issues if i.path == named] == [i.line + 2 for i in report.issues if i.path == named]


def test_each_page_links_to_its_neighbours_in_the_index_order(tmp_path: Path) -> None:
    """The workers give each page only its neighbours, picked in the main process: they must be
    the ones the index lists beside it, also for a document (corrected by hand) whose header
    names first an embedded message older than every document."""
    folder = make_edition(tmp_path)
    run_build(folder, jobs=2)
    document = folder / "xml" / "d1950-10-03_roshchin_stalin.xml"
    tree = parse_xml(document)
    own, embedded = tree.getroot().iterfind("tei:teiHeader//tei:correspDesc", NSMAP)
    embedded.find("tei:correspAction[@type='sent']/tei:date", NSMAP).set("when", "1950-01-01")
    own.addprevious(embedded)
    document.write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))
    assert run_build(folder, jobs=2).made["html"] > 0

    site = folder / "build" / "html"
    documents = {f"{path.stem}.html" for path in (folder / "xml").glob("d*.xml")}
    index = lxml.html.parse(str(site / "index.html")).getroot()
    pages = [href for href in dict.fromkeys(index.xpath("//a/@href")) if href in documents]
    assert sorted(pages) == sorted(documents) and pages.index(f"{document.stem}.html") > 0  # in its own date's place
    for at, page in enumerate(pages):
        nav = lxml.html.parse(str(site / page)).getroot()
        assert nav.xpath("//a[@rel='prev']/@href") == pages[max(at - 1, 0):at], page
        assert nav.xpath("//a[@rel='next']/@href") == pages[at + 1:at + 2], page


def test_register_change_beside_the_names_converts_nothing_and_remakes_the_pages_naming_the_entry(tmp_path: Path) -> None:
    folder = make_edition(tmp_path / "edition")
    run_build(folder, jobs=1)
    persons = folder / "xml" / "persons.xml"
    edited = persons.read_text(encoding="utf-8").replace("sent to Korea in September 1950", "sent to Korea in late September 1950", 1)
    assert edited != persons.read_text(encoding="utf-8")
    persons.write_text(edited, encoding="utf-8")
    naming = [p.stem for p in (folder / "xml").glob("d*.xml") if 'persons.xml#zakharov"' in p.read_text(encoding="utf-8")]
    report = run_build(folder, jobs=1)
    assert report.made["convert"] == 0  # the converter reads the registers' names, which did not change
    assert 0 < report.made["html"] - 1 == len(naming) < report.documents  # the pages naming Zakharov, and the site
    clean = make_edition(tmp_path / "clean")
    (clean / "xml" / "persons.xml").write_text(edited, encoding="utf-8")
    run_build(clean, jobs=1)
    assert outputs(folder) == outputs(clean)


def test_taken_ids_index_finds_what_a_search_of_every_id_finds() -> None:
    from tei_edition.build.conversion import _TakenIds

    def blocks(taken: str, free: list[str]) -> bool:  # the rule, as a search of every taken id checks it
        for candidate in free:
            base = candidate.rsplit("-", 1)[0] if candidate.rsplit("-", 1)[-1].isdigit() else candidate
            if taken in (candidate, base) or taken.startswith(candidate + "-") or taken.startswith(base + "-"):
                return True
        return False

    ids = ["d1950-10-01_stalin_mao", "d1950-10-01_stalin_mao-2", "d1950-10-01_stalin_mao-zedong", "d1950-10-01_stalin",
           "d1950-10-01", "d1950-10-02_gromyko_stalin", "d1950-10-02_gromyko_stalin-3", "x", "x-1-2"]
    taken = _TakenIds()
    for identifier in ids:
        taken.add(identifier)
    for free in (["d1950-10-01_stalin_mao"], ["d1950-10-01_stalin_mao-2"], ["d1950-10-01"], ["d1950-10-02_gromyko_stalin-2"],
                 ["x-1"], ["x-1-2", "d1950"], ["none"], []):
        assert taken.blocking(free) == sorted(t for t in ids if blocks(t, free)), free


def test_a_stages_code_is_the_modules_its_task_imports_and_not_the_others(tmp_path: Path) -> None:
    from tei_edition.build.code import _closure

    package = tmp_path / "tei_edition"
    (package / "render").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "render/__init__.py": "",
        "render/text.py": "from tei_edition.render import corpus\nfrom tei_edition.xslt import (\n    Stylesheet,\n    node,\n)\n\n\n"
                          "def late():\n    from tei_edition.errors import Error as E\n",
        "render/corpus.py": "import tei_edition.xmlio\n",
        "xslt.py": "", "errors.py": "", "xmlio.py": "", "convert.py": "from tei_edition.xmlio import parse\n",
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    found = {str(p.relative_to(package)) for p in _closure(package, ("tei_edition.render.text",))}
    assert found == {"__init__.py", "render/__init__.py", "render/text.py", "render/corpus.py", "xslt.py", "errors.py", "xmlio.py"}
    real = Path(__file__).resolve().parents[1] / "tei_edition"
    text_code = {str(p.relative_to(real)) for p in _closure(real, ("tei_edition.render.text",))}
    convert_code = {str(p.relative_to(real)) for p in _closure(real, ("tei_edition.convert",))}
    assert "render/text.py" in text_code and "convert.py" not in text_code
    assert "convert.py" in convert_code and not any(p.startswith(("render/", "export/", "commands/")) for p in convert_code)


def test_manifest_lists_a_folder_once_and_sees_the_files_recorded_after(tmp_path: Path) -> None:
    """Whether an output's files are there comes from one listing of their folder per build,
    so an output recorded after the listing must count as there, and a file gone as gone."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("a", encoding="utf-8")
    manifest = Manifest(tmp_path / "build", {}, {})
    manifest.done("text:a", Record("k", [str(out / "a.txt")]))
    assert not manifest.stale("text:a", "k")  # the folder listed here
    (out / "b.txt").write_text("b", encoding="utf-8")
    manifest.done("text:b", Record("k", [str(out / "b.txt")]))
    assert not manifest.stale("text:b", "k") and manifest.stale("text:b", "other")
    manifest.close()
    (out / "a.txt").unlink()
    again = Manifest.load(tmp_path / "build")  # the next build: a file deleted since is missing
    assert again.stale("text:a", "k") and not again.stale("text:b", "k")
    again.close()


def test_generated_edition_built_in_parallel_equals_a_serial_build(tmp_path: Path) -> None:
    """Sources whose documents are settled as their conversions come in, in whatever order the
    workers finish, give the TEI, source map and outputs of a build in one process; also a source
    whose document is renamed because an earlier source took its id."""
    folders = [generated_edition(tmp_path / name, 40) for name in ("serial", "parallel")]
    for folder in folders:  # a second copy of a cable no archival file names (so no witness): its id is taken
        original = next(p for p in sorted((folder / "sources").glob("*.txt")) if "gromyko-to-soviet-ambassador" in p.name)
        shutil.copy(original, folder / "sources" / f"zz_{original.name}")
    run_build(folders[0], jobs=1)
    run_build(folders[1], jobs=2)
    assert outputs(folders[1]) == outputs(folders[0])
    sourcemap = json.loads((folders[1] / "xml" / "sourcemap.json").read_text(encoding="utf-8"))
    assert [name for name, entry in sourcemap.items() if "/zz_" in entry["source"]][0].endswith("-2.xml")
    assert len(list((folders[1] / "xml").glob("d*.xml"))) == 41


def test_documents_renamed_for_ids_taken_before_them_are_what_the_converter_writes(tmp_path: Path) -> None:
    """The build converts every source as if it came first and renames a document whose id an
    earlier source took (`-2`, `-3`): its TEI and source map must be what `tei-edition convert`,
    which converts the sources in order knowing the ids before each, writes. So must they be when a
    new source takes the id of unchanged ones after it (converted again, their ids now taken)."""
    folder = generated_edition(tmp_path / "built", 30)
    original = next(p for p in sorted((folder / "sources").glob("*.txt")) if "gromyko-to-soviet-ambassador" in p.name)
    for prefix in ("zz_", "zzz_"):  # copies no archival file names (so no witnesses): their ids are taken
        shutil.copy(original, folder / "sources" / f"{prefix}{original.name}")
    run_build(folder, jobs=2, formats=("text",))  # the TEI is written before any format is made
    written = _converted_by_build(folder)
    assert written == _converted_by_the_converter(folder, tmp_path / "converted")
    assert sum(name.endswith(("-2.xml", "-3.xml")) for name in written) == 2
    shutil.copy(original, folder / "sources" / f"0_{original.name}")  # before the zz_ copies: it takes their ids
    report = run_build(folder, jobs=2, formats=("text",))
    written = _converted_by_build(folder)
    assert written == _converted_by_the_converter(folder, tmp_path / "converted-again")
    assert sum(name.endswith(("-2.xml", "-3.xml", "-4.xml")) for name in written) == 3
    assert report.converted == 3  # the new source, and the two unchanged ones whose ids it took


#: A compilation page of two cables of one day, sender and recipient (`X`, `X-2`), naming no archival file (no witnesses).
_TWO_OF_A_DAY = """Document 1: Ciphered Telegram, Filippov (Stalin) to Mao Zedong, 1 October 1949

We agree with your proposal.

Document 2: Ciphered Telegram, Filippov (Stalin) to Mao Zedong, 1 October 1949

We have informed Comrade Kim Il Sung.
"""


def test_a_source_whose_own_suffixed_id_is_taken_is_converted_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renaming `X-2` to `X-4` would take the word `2` from the words the converter finds the source's
    words in (its idno): such a source is converted again knowing the ids taken, as `tei-edition convert` does."""
    from tei_edition.build import conversion

    folder = generated_edition(tmp_path / "built", 12)
    for name in ("zz_pair.txt", "zzz_pair.txt"):
        (folder / "sources" / name).write_text(_TWO_OF_A_DAY, encoding="utf-8")
    knowing: list[str] = []

    def convert_sources(context, paths, taken=()):  # type: ignore[no-untyped-def]
        if taken:
            knowing.extend(Path(path).name for path in paths)
        return tasks.convert_sources(context, paths, taken)

    from tei_edition.build import tasks

    monkeypatch.setattr(conversion, "convert_sources", convert_sources)
    run_build(folder, jobs=1, formats=("text",))
    assert knowing == ["zzz_pair.txt"]
    written = _converted_by_build(folder)
    assert written == _converted_by_the_converter(folder, tmp_path / "converted")
    assert {"d1949-10-01_stalin_mao-zedong-3.xml", "d1949-10-01_stalin_mao-zedong-4.xml"} <= set(written)


def _converted_by_build(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (folder / "xml").iterdir() if path.name not in REGISTERS}


def _converted_by_the_converter(folder: Path, out: Path) -> dict[str, bytes]:
    """What `tei-edition convert` writes for the edition's sources, by file name."""
    from tei_edition.convert import convert_paths

    out.mkdir()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        convert_paths([folder / "sources"], out, load_edition(folder / "edition.toml"))
    finally:
        os.chdir(cwd)
    return {path.name: path.read_bytes() for path in out.iterdir()}


def test_recorded_file_hashes_are_the_files_own(tmp_path: Path) -> None:
    """The TEI the build writes is hashed from the bytes it wrote, not read back: what the manifest
    remembers (size, time, digest) must be what reading the file gives."""
    from tei_edition.build.hashing import digest

    folder = generated_edition(tmp_path, 12)
    run_build(folder, jobs=2)
    manifest = Manifest.load(folder / "build")
    manifest.close()
    assert len([path for path in manifest.hashes if Path(path).parent == folder / "xml"]) > 12
    for path, known in manifest.hashes.items():
        stat = os.stat(path)
        assert list(known) == [stat.st_size, stat.st_mtime_ns, digest(Path(path).read_bytes())], path


def test_an_output_made_again_the_same_is_not_written_again(tmp_path: Path) -> None:
    """A forced build makes every output again: the files that come out the same keep their
    modification time (nothing is written: a rebuild after a register or toolkit change remakes
    most outputs the same), and a file that differs from what is made is replaced."""
    folder = make_edition(tmp_path)
    run_build(folder, jobs=1)
    before = _stamps(folder)
    page = folder / "build" / "html" / f"{min((folder / 'xml').glob('d*.xml')).stem}.html"
    made = page.read_bytes()
    page.write_bytes(made.replace(b"</body>", b"<p>edited</p></body>"))
    time.sleep(0.01)
    report = run_build(folder, jobs=1, force=True)
    assert report.made["html"] > 1 and report.made["text"] > 1 and report.made["validate"] > 1
    assert page.read_bytes() == made
    after = _stamps(folder)
    rewritten = sorted(name for name in before if name.startswith("build/") and after[name] != before[name])
    # The edition's file is joined anew; the site's kept entries note the TEI files' new stamps (conversion wrote them again).
    assert rewritten == ["build/.cache/html-site-entries.marshal", str(page.relative_to(folder)), "build/text/edition.txt"]


def _note(folder: str, name: str) -> None:
    """A preparation: notes its name in its worker's own file (the order they ran in, too)."""
    with open(os.path.join(folder, str(os.getpid())), "a", encoding="utf-8") as handle:
        handle.write(name)


def _noted(folder: str) -> tuple[int, str]:
    """A task: its worker, and what that worker's preparations had noted when the task ran."""
    time.sleep(0.05)  # long enough for every worker to take some of the tasks
    return os.getpid(), Path(folder, str(os.getpid())).read_text(encoding="utf-8")


def test_prepared_workers_each_run_every_preparation_before_any_task_beginning_with_different_ones(tmp_path: Path) -> None:
    executor = LocalExecutor(2)
    try:
        executor.prepare([Task(_note, (str(tmp_path), "a")), Task(_note, (str(tmp_path), "b"))])
        noted = dict(result for _, result in executor.run([Task(_noted, (str(tmp_path),)) for _ in range(8)]))
    finally:
        executor.close()
    assert sorted(noted.values()) == ["ab", "ba"]


def test_the_site_is_made_again_only_when_some_documents_pieces_changed(tmp_path: Path) -> None:
    """An edit the site's pages cannot show (a comment in a document that no guidelines' example
    comes from) remakes that document's pages but not the site; an edit they show remakes it."""
    folder = make_edition(tmp_path)
    run_build(folder, jobs=1, formats=("html",))
    manifest = Manifest.load(folder / "build")
    manifest.close()
    examples = {Path(path).name for path in manifest.records["html:site"].info["examples"]}
    quiet = next(path for path in sorted((folder / "xml").glob("d*.xml"), reverse=True) if path.name not in examples)
    entries = folder / "build" / ".cache" / "html-site-entries.marshal"
    kept = entries.stat().st_mtime_ns
    quiet.write_text(quiet.read_text(encoding="utf-8").replace("</TEI>", "<!-- checked again --></TEI>"), encoding="utf-8")
    report = run_build(folder, jobs=1, formats=("html",))
    assert report.made["html"] >= 1 and not report.errors  # its page and its neighbours'
    assert entries.stat().st_mtime_ns == kept  # the site's task did not run
    title = parse_xml(quiet).getroot().find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NSMAP)
    assert title is not None and title.text
    quiet.write_text(quiet.read_text(encoding="utf-8").replace(f">{title.text}<", ">A title the index shows<", 1), encoding="utf-8")
    run_build(folder, jobs=1, formats=("html",))
    assert entries.stat().st_mtime_ns != kept
    assert "A title the index shows" in (folder / "build" / "html" / "index.html").read_text(encoding="utf-8")


def _started(log: str, name: str) -> str:
    """A task: notes that it started (in the order tasks start, whichever worker runs them), then works a little."""
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"{name}\n")
    time.sleep(0.05)
    return name


def test_a_task_added_first_starts_before_the_tasks_still_waiting(tmp_path: Path) -> None:
    """The site's pages are added once the pages are made, first: they start beside the documents'
    other tasks, not after every one queued before them (each worker is given two tasks at a time)."""
    log = str(tmp_path / "started")
    executor = LocalExecutor(2)
    try:
        run = executor.run([Task(_started, (log, f"document {number}")) for number in range(12)])
        finished = []
        for _, name in run:
            if not finished:
                run.add([Task(_started, (log, "site"))], first=True)
            finished.append(name)
    finally:
        executor.close()
    started = Path(log).read_text(encoding="utf-8").split("\n")[:-1]
    assert sorted(finished) == sorted(started) and len(started) == 13
    assert started.index("site") <= 5  # at most four tasks given to the workers when it was added, and the one that finished
