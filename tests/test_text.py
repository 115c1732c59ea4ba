"""The plain-text edition: real saxonche, and docutils parsing every file it writes.

Run on the render fixture edition (tests/fixtures/render) and on the example
edition in xml/, in both views.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
from pathlib import Path

import docutils.core
import docutils.nodes
import pytest
from typer.testing import CliRunner

from tei_edition.cli import app
from tei_edition.config import load_edition
from tei_edition.render import RenderOptions, text
from tei_edition.render.corpus import Corpus, Document, load_corpus
from tei_edition.xmlio import NSMAP, parse_xml, parse_xml_bytes
from tei_edition.xslt import Stylesheet

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "render"
VIEW_WORDS = FIXTURE / "view-words.xsl"
EDITIONS = {"fixture": FIXTURE / "edition.toml", "example": ROOT / "edition.toml"}
WIDTH = 78


# helpers


def parse_rst(path: Path) -> tuple[docutils.nodes.document, str]:
    """Parse a file as docutils does; every system message (INFO and up) is reported."""
    stream = io.StringIO()
    doctree = docutils.core.publish_doctree(
        path.read_text(encoding="utf-8"),
        source_path=str(path),
        settings_overrides={"report_level": 1, "halt_level": 5, "warning_stream": stream},
    )
    return doctree, stream.getvalue()


def words(value: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", value))


def view_words(document: Path, view: str = "reading") -> set[str]:
    """The words of a document's view, from the shared view modes every output uses."""
    return words(Stylesheet.load(VIEW_WORDS).transform(parse_xml(document), {"view": view}))


def flat(value: str) -> str:
    return " ".join(value.split())


# fixtures


@pytest.fixture(scope="module", params=[(name, view) for name in sorted(EDITIONS) for view in ("reading", "diplomatic")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path, str]:
    name, view = request.param
    edition = load_edition(EDITIONS[name])
    if not any(path.name.startswith(("d", "1")) for path in edition.xml.glob("*.xml")):
        pytest.skip(f"{EDITIONS[name]}: the edition has no documents yet")
    corpus = load_corpus(edition)
    out = tmp_path_factory.mktemp(f"text-{name}-{view}")
    text.write(corpus, RenderOptions(out=out, view=view))
    return corpus, out, view


@pytest.fixture(scope="module")
def fixture_corpus() -> Corpus:
    return load_corpus(load_edition(FIXTURE / "edition.toml"))


# files


def test_one_file_per_document_and_one_for_the_edition(rendered: tuple[Corpus, Path, str]) -> None:
    corpus, out, _ = rendered
    assert {path.name for path in out.iterdir()} == {text.EDITION_FILE} | {f"{d.id}.txt" for d in corpus.documents}


def test_docutils_parses_every_file_without_a_single_system_message(rendered: tuple[Corpus, Path, str]) -> None:
    _, out, _ = rendered
    for path in sorted(out.iterdir()):
        doctree, messages = parse_rst(path)
        assert messages == "", path.name
        assert not list(doctree.findall(docutils.nodes.system_message)), path.name
        assert list(doctree.findall(docutils.nodes.section)) or doctree.get("title"), path.name


def test_lines_are_wrapped_at_78_columns(rendered: tuple[Corpus, Path, str]) -> None:
    _, out, _ = rendered
    for path in out.iterdir():
        raw = path.read_bytes()
        assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
        for number, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
            # Only a word longer than a line (an address) may stand alone beyond the column.
            assert len(line) <= WIDTH or len(line.split()) == 1 or line.lstrip().startswith((":", ".. [")) and len(line.split()) == 2, \
                f"{path.name}:{number}: {line}"


def test_every_word_of_the_view_is_in_the_text(rendered: tuple[Corpus, Path, str]) -> None:
    corpus, out, view = rendered
    # The files as written (labels of enumerated lists are not in docutils' text).
    edition_words = words((out / text.EDITION_FILE).read_text(encoding="utf-8"))
    for document in corpus.documents:
        expected = view_words(document.path, view)
        assert expected, document.id
        assert expected - words((out / f"{document.id}.txt").read_text(encoding="utf-8")) == set(), document.id
        assert expected - edition_words == set(), document.id


def test_metadata_block_is_a_field_list_at_the_top(rendered: tuple[Corpus, Path, str]) -> None:
    corpus, out, view = rendered
    for document in corpus.documents:
        doctree, _ = parse_rst(out / f"{document.id}.txt")
        fields = {field[0].astext(): flat(field[1].astext()) for field in doctree.findall(docutils.nodes.field)}
        docinfo = {node.tagname for node in doctree.findall(docutils.nodes.docinfo)}
        assert docinfo == {"docinfo"}, document.id
        assert fields["Document"] == document.id
        assert fields["View"].startswith(view)
        sent = document.tree.xpath("string(//tei:correspAction[@type='sent']/tei:date/@when)", namespaces=NSMAP)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", sent):
            year = sent[:4]
            assert year in next(node.astext() for node in doctree.findall(docutils.nodes.date))


def test_a_corrected_title_reads_as_corrected_in_either_view(rendered: tuple[Corpus, Path, str]) -> None:
    corpus, out, _ = rendered
    corrected = [d for d in corpus.documents
                 if d.tree.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]//tei:choice", namespaces=NSMAP)]
    if not corrected:
        pytest.skip("no document of this edition has a title with a correction")
    for document in corrected:
        title = document.tree.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NSMAP)
        read = flat("".join(title.xpath(
            ".//text()[not(ancestor::tei:sic or ancestor::tei:orig or ancestor::tei:abbr or ancestor::tei:note)]", namespaces=NSMAP)))
        doctree, _ = parse_rst(out / f"{document.id}.txt")
        fields = {field[0].astext(): flat(field[1].astext()) for field in doctree.findall(docutils.nodes.field)}
        assert re.sub(r"[][]", "", fields["Title"]) == read, document.id


#: A title with every sign the reading view changes: the header is always read, whichever view the text is in.
SIGNED_TITLE = ('Cable of <choice><sic>Stalni</sic><corr>Stalin</corr></choice> to the <choice><abbr>Amb.</abbr>'
                '<expan>Ambassador</expan></choice> <supplied reason="omitted">in Beijing</supplied> <gap reason="illegible"/>, '
                '<del>draft</del><add>final</add> <subst><del>text</del><add>version</add></subst><note>On the title.</note>')


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_a_header_with_signs_is_read_in_either_view(fixture_corpus: Corpus, view: str) -> None:
    document = fixture_corpus.documents[0]
    tree = copy.deepcopy(document.tree)
    title = tree.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NSMAP)
    signed = parse_xml_bytes(f'<title xmlns="{NSMAP["tei"]}">{SIGNED_TITLE}</title>'.encode(), "title.xml").getroot()
    title.text, title[:] = signed.text, list(signed)
    made = text.render_document(fixture_corpus, Document(document.id, document.path, tree), view)
    doctree = docutils.core.publish_doctree(made, settings_overrides={"report_level": 5})
    fields = {field[0].astext(): flat(field[1].astext()) for field in doctree.findall(docutils.nodes.field)}
    assert fields["Title"] == "Cable of Stalin to the Ambassador [in Beijing] […], final version"


def test_notes_are_numbered_in_the_text_and_listed_after_it(rendered: tuple[Corpus, Path, str]) -> None:
    corpus, out, _ = rendered
    for path in [out / text.EDITION_FILE, *(out / f"{d.id}.txt" for d in corpus.documents)]:
        doctree, _ = parse_rst(path)
        references = [node["refid"] for node in doctree.findall(docutils.nodes.footnote_reference)] + \
                     [node["refid"] for node in doctree.findall(docutils.nodes.citation_reference)]
        notes = [node["ids"][0] for node in doctree.findall(docutils.nodes.footnote)] + \
                [node["ids"][0] for node in doctree.findall(docutils.nodes.citation)]
        assert sorted(references) == sorted(notes), path.name
    # Every explanatory note of the texts is a numbered footnote of the edition's file.
    doctree, _ = parse_rst(out / text.EDITION_FILE)
    numbered = [n for n in doctree.findall(docutils.nodes.footnote)]
    labels = [int(n[0].astext()) for n in numbered]
    assert labels == sorted(labels) and len(set(labels)) == len(labels)
    explanatory = sum(len(d.tree.xpath("//tei:text//tei:note", namespaces=NSMAP)) for d in corpus.documents)
    in_place = sum(len(d.tree.xpath("//tei:text//tei:note[parent::tei:div or parent::tei:body or parent::tei:postscript"
                                    " or parent::tei:list]", namespaces=NSMAP)) for d in corpus.documents)
    assert len(numbered) == explanatory - in_place


def test_same_input_same_bytes(fixture_corpus: Corpus) -> None:
    assert text.render_edition(fixture_corpus) == text.render_edition(fixture_corpus)
    document = fixture_corpus.documents[0]
    assert text.render_document(fixture_corpus, document, "diplomatic") == text.render_document(fixture_corpus, document, "diplomatic")


# views


def test_diplomatic_text_shows_every_deletion_and_addition(fixture_corpus: Corpus) -> None:
    for document in fixture_corpus.documents:
        written = flat(text.render_document(fixture_corpus, document, "diplomatic"))
        read = flat(text.render_document(fixture_corpus, document, "reading"))
        for sign, (start, end) in {"del": ("{-", "-}"), "add": ("{+", "+}")}.items():
            for element in document.tree.xpath(f"//tei:text//tei:{sign}", namespaces=NSMAP):
                said = flat("".join(element.itertext()))
                assert f"{start}{said}{end}" in written, (document.id, said)
                assert f"{start}{said}{end}" not in read


def test_reading_text_tells_each_change_in_a_lettered_note(fixture_corpus: Corpus) -> None:
    document = next(d for d in fixture_corpus.documents if d.tree.xpath("//tei:subst", namespaces=NSMAP))
    doctree, _ = parse_rst_string(text.render_document(fixture_corpus, document))
    citations = {node[0].astext(): flat(node[1].astext()) for node in doctree.findall(docutils.nodes.citation)}
    signs = document.tree.xpath(
        "//tei:text//*[self::tei:add[not(parent::tei:subst)] or self::tei:del[not(parent::tei:subst)]"
        " or self::tei:subst or self::tei:choice[tei:sic or tei:orig]]", namespaces=NSMAP)
    assert sorted(citations) == [chr(ord("a") + i) for i in range(len(signs))]
    assert any("overestimation" in value and "underestimation" in value for value in citations.values())


def test_russian_transcription_follows_as_its_own_section(fixture_corpus: Corpus) -> None:
    document = next(d for d in fixture_corpus.documents if d.tree.xpath("//tei:div[@xml:lang='ru']", namespaces=NSMAP))
    doctree, _ = parse_rst_string(text.render_document(fixture_corpus, document))
    titles = [section[0].astext() for section in doctree.findall(docutils.nodes.section)]
    assert titles[:2] == ["English translation", "Russian transcription"]


def test_edition_file_has_conventions_and_the_documents_in_date_order(fixture_corpus: Corpus) -> None:
    edition = text.render_edition(fixture_corpus)
    doctree, messages = parse_rst_string(edition)
    assert messages == ""
    assert doctree.get("title") == fixture_corpus.edition.title
    numbers = [int(n) for n in re.findall(r"^:Number: (\d+)$", edition, flags=re.MULTILINE)]
    dates = re.findall(r"^:Date: (.+)$", edition, flags=re.MULTILINE)
    assert numbers == list(range(1, len(fixture_corpus.documents) + 1))
    assert dates == ["20 September 1950", "1 October 1950"]
    assert "Editorial conventions" in [section[0].astext() for section in doctree.findall(docutils.nodes.section)]


def parse_rst_string(value: str) -> tuple[docutils.nodes.document, str]:
    stream = io.StringIO()
    doctree = docutils.core.publish_doctree(
        value, settings_overrides={"report_level": 1, "halt_level": 5, "warning_stream": stream})
    return doctree, stream.getvalue()


# escaping: the edition's words never turn into markup


@pytest.mark.parametrize("paragraph", [
    "A. GROMYKO", "1. To begin", "- 2 -", "* * *", "a) first", "(3) third", ":Field: like", ".. not a comment",
    "word_ like a reference", "*stars* and `ticks` and |bars|", "back\\slash", "ends with a colon::",
    ">>> doctest", "-o option", "IV. roman", "#. auto", "[1]_ reference", "----", "http://example.org/x_ y",
])
def test_text_that_looks_like_markup_stays_text(paragraph: str, tmp_path: Path, fixture_corpus: Corpus) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition, ignore=shutil.ignore_patterns("*.xsl"))
    source = edition / "xml" / "d1950-09-20_gromyko_soviet-embassy-peking.xml"
    escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;")
    source.write_text(source.read_text(encoding="utf-8").replace(
        "<p>We made Cde.", f"<p>{escaped}</p>\n        <p>We made Cde.", 1), encoding="utf-8")
    corpus = load_corpus(load_edition(edition / "edition.toml"))
    document = next(d for d in corpus.documents if d.id.startswith("d1950-09-20"))
    doctree, messages = parse_rst_string(text.render_document(corpus, document))
    assert messages == ""
    assert paragraph in [node.astext() for node in doctree.findall(docutils.nodes.paragraph)]


# the command


def test_render_to_text_from_the_command_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", "--to", "text", "--config", str(FIXTURE / "edition.toml"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / text.EDITION_FILE).is_file()
    assert (tmp_path / "d1950-10-01_stalin_mao-zedong.txt").read_text(encoding="utf-8").startswith("===")


def test_a_broken_document_fails_naming_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition, ignore=shutil.ignore_patterns("*.xsl"))
    broken = edition / "xml" / "d1950-10-01_stalin_mao-zedong.xml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "<p>The numbers were" in line)
    lines[number] = lines[number].replace("</p>", "</q>")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", "--to", "text", "--config", str(edition / "edition.toml"), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{broken.name}:{number + 1}:" in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_edition_file_joined_from_parts_is_the_whole_edition_file(name: str, view: str) -> None:
    """The build's way (each document alone: its facts, then its part at its place) gives the whole-tree file's bytes."""
    corpus = load_corpus(load_edition(EDITIONS[name]))
    if not corpus.documents:
        pytest.skip(f"{EDITIONS[name]}: the edition has no documents yet")
    made = {document.id: text.render_document_and_facts(corpus, document, view) for document in corpus.documents}
    assert all(made[d.id].text == text.render_document(corpus, d, view) for d in corpus.documents)
    placed = text.places({identifier: document.facts for identifier, document in made.items()})
    assert sorted(place.number for place in placed.values()) == list(range(1, len(placed) + 1))
    order = sorted(placed, key=lambda identifier: placed[identifier].number)
    parts = [text.render_part(made[identifier].part, placed[identifier]) for identifier in order]
    joined = "\n\n".join([text.render_head(corpus, len(order), view), *parts]) + "\n"
    assert joined == text.render_edition(corpus, view)
