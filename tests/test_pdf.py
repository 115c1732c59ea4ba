"""The printed edition: real saxonche, real WeasyPrint, the real PDF read back with
poppler (pdftotext, pdffonts, pdfinfo, pdftoppm) and pypdf.

Run on the render fixture edition (tests/fixtures/render: every element of
docs/encoding.md, a Russian transcription) and on the example edition in xml/.
The first pages go to tests/output/ as PNG, for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from lxml import etree
from typer.testing import CliRunner

from tei_edition.cli import app
from tei_edition.config import load_edition
from tei_edition.render import RenderOptions, pdf
from tei_edition.render.corpus import Corpus, Document, corpus_tree, load_corpus
from tei_edition.xmlio import NSMAP, parse_xml
from tei_edition.xslt import Stylesheet, document_node

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "render"
VIEW_WORDS = FIXTURE / "view-words.xsl"
OUTPUT = ROOT / "tests" / "output"

EDITIONS = {"fixture": FIXTURE / "edition.toml", "example": ROOT / "edition.toml"}


def _has_documents(config: Path) -> bool:
    edition = load_edition(config)
    return any(path.name.startswith(("d", "1")) for path in edition.xml.glob("*.xml"))


# helpers


def pdf_text(path: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    """The text poppler reads from a PDF (words broken by hyphenation end in U+2010)."""
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*command, str(path), "-"], check=True, capture_output=True, text=True).stdout


def words(text: str) -> set[str]:
    """Words, a hyphenated compound as one word without its hyphens: pdftotext joins
    a compound broken after its hyphen at a line end."""
    joined = re.sub("\u2010\n", "", text)
    return {word.replace("-", "") for word in re.findall(r"[^\W_]+(?:-[^\W_]+)*", joined)}


def missing_words(expected: set[str], text: str) -> set[str]:
    """The expected words the text lacks; a word hyphenated across a page break (its
    first part before the footnotes and running head, the rest on the next page)
    counts as present."""
    found = words(text)
    fragments = set(re.findall(r"([^\W_]+)\u2010\n", text))
    return {word for word in expected - found
            if not any(word.startswith(part) and word[len(part):] in found for part in fragments)}


def view_words(document: Path, view: str = "reading") -> set[str]:
    """The words of a document's view, from the shared view modes every output uses; a
    variant's note as the PDF prints it, as its apparatus entry ("lemma] reading SIGLUM")."""
    return words(Stylesheet.load(VIEW_WORDS).transform(parse_xml(document), {"view": view, "apparatus": "entries"}))


def documents_by_date(corpus: Corpus) -> list[Document]:
    def key(document: Document) -> str:
        when = document.tree.xpath(
            "string(tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date/@when)",
            namespaces=NSMAP,
        )
        return f"{when} {document.id}"

    return sorted(corpus.documents, key=key)


def destinations(path: Path) -> dict[str, int]:
    """The PDF's named destinations (the HTML ids), each with its page number from 1."""
    reader = pypdf.PdfReader(path)
    return {name: reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}


def title_words(document: Document) -> str:
    title = document.tree.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NSMAP)
    return " ".join("".join(title.itertext()).split())


# fixtures


@pytest.fixture(scope="module", params=sorted(EDITIONS))
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    """The edition's PDFs, written by the writer as `tei-edition render --to pdf` does."""
    config = EDITIONS[request.param]
    if not _has_documents(config):
        pytest.skip(f"{config}: the edition has no documents yet")
    corpus = load_corpus(load_edition(config))
    out = tmp_path_factory.mktemp(f"pdf-{request.param}")
    pdf.write(corpus, RenderOptions(out=out))
    OUTPUT.mkdir(exist_ok=True)
    for stale in OUTPUT.glob(f"pdf-{request.param}-*.png"):
        stale.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "8", str(out / pdf.EDITION_FILE),
                    str(OUTPUT / f"pdf-{request.param}")], check=True)
    return corpus, out


@pytest.fixture(scope="module")
def fixture_corpus() -> Corpus:
    return load_corpus(load_edition(FIXTURE / "edition.toml"))


# files


def test_one_pdf_for_the_edition_and_one_per_document(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    expected = {pdf.EDITION_FILE} | {f"{document.id}.pdf" for document in corpus.documents}
    assert {path.name for path in out.iterdir()} == expected
    for name in expected:
        assert (out / name).read_bytes().startswith(b"%PDF-")


def test_first_pages_are_rendered_for_a_person_to_look_at(rendered: tuple[Corpus, Path], request: pytest.FixtureRequest) -> None:
    pngs = sorted(OUTPUT.glob(f"pdf-{request.node.callspec.params['rendered']}-*.png"))
    assert len(pngs) == 8 and all(path.stat().st_size > 1000 for path in pngs)


# text


def test_every_word_of_every_reading_view_is_in_the_pdfs(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    edition_text = pdf_text(out / pdf.EDITION_FILE)
    for document in corpus.documents:
        expected = view_words(document.path)
        assert expected, document.id
        assert missing_words(expected, edition_text) == set(), f"{document.id}: missing from edition.pdf"
        assert missing_words(expected, pdf_text(out / f"{document.id}.pdf")) == set(), f"{document.id}.pdf"


def test_cyrillic_comes_out_as_cyrillic(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    text = pdf_text(out / pdf.EDITION_FILE)
    cyrillic = {word for document in corpus.documents for word in view_words(document.path)
                if re.search("[а-яА-Я]", word)}
    if not cyrillic:
        pytest.skip("no Cyrillic in this edition's texts")
    assert missing_words(cyrillic, text) == set()
    assert "\ufffd" not in text


def test_fonts_are_embedded_and_cover_latin_cyrillic_and_cjk(rendered: tuple[Corpus, Path]) -> None:
    _, out = rendered
    report = subprocess.run(["pdffonts", str(out / pdf.EDITION_FILE)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in report.splitlines()[2:] if line.strip()]
    assert rows
    # name type... emb sub uni: the three yes/no columns come before the object id.
    assert all(row[-5] == "yes" for row in rows), report
    assert any("Noto-Serif" in row[0] for row in rows), report


def test_cjk_words_are_printed_with_an_embedded_cjk_font(fixture_corpus: Corpus, tmp_path: Path) -> None:
    document = next(d for d in fixture_corpus.documents if d.tree.xpath("//tei:foreign[@xml:lang='zh']", namespaces=NSMAP))
    path = tmp_path / "zh.pdf"
    path.write_bytes(pdf.render_document(fixture_corpus, document))
    chinese = "".join(document.tree.xpath("//tei:foreign[@xml:lang='zh']//text()", namespaces=NSMAP))
    assert chinese in pdf_text(path)
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert "CJK" in fonts


def test_russian_transcription_is_its_own_section_hyphenated_as_russian(fixture_corpus: Corpus, tmp_path: Path) -> None:
    sheet = Stylesheet.load(pdf.STYLESHEET)
    document = next(d for d in fixture_corpus.documents if d.tree.xpath("//tei:div[@xml:lang='ru']", namespaces=NSMAP))
    html = etree.fromstring(sheet.transform(document.tree, pdf.print_params(fixture_corpus)).encode(), etree.HTMLParser())
    sections = html.xpath("//section[contains(@class, 'transcription')]")
    assert [section.get("lang") for section in sections] == ["ru"]
    assert sections[0].xpath("string(h2)") == "Russian transcription"
    path = tmp_path / "ru.pdf"
    path.write_bytes(pdf.render_document(fixture_corpus, document))
    raw = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert re.search("[а-я]\u2010\n[а-я]", raw), "no Russian word is hyphenated at a line end"


# notes


def test_every_note_is_on_the_page_of_its_call(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    for path in [out / pdf.EDITION_FILE, *(out / f"{d.id}.pdf" for d in corpus.documents)]:
        found = destinations(path)
        notes = {name[len("note-"):]: page for name, page in found.items() if name.startswith("note-")}
        calls = {name[len("call-"):]: page for name, page in found.items() if name.startswith("call-")}
        assert notes.keys() == calls.keys()
        assert {key: calls[key] for key in notes} == notes, path.name


def test_notes_come_in_two_series_letters_for_textual_numbers_for_explanatory(fixture_corpus: Corpus) -> None:
    sheet = Stylesheet.load(pdf.STYLESHEET)
    for document in fixture_corpus.documents:
        html = etree.fromstring(sheet.transform(document.tree, pdf.print_params(fixture_corpus)).encode(), etree.HTMLParser())
        textual = html.xpath("//span[contains(@class, 'note textual')]/@data-mark")
        explanatory = html.xpath("//span[contains(@class, 'note explanatory')]/@data-mark")
        notes = document.tree.xpath("//tei:text//tei:note", namespaces=NSMAP)
        signs = document.tree.xpath(
            "//tei:text//*[self::tei:add[not(parent::tei:subst)] or self::tei:del[not(parent::tei:subst)]"
            " or self::tei:subst or self::tei:choice[tei:sic or tei:orig]]", namespaces=NSMAP)
        assert textual == [chr(ord("a") + i) for i in range(len(signs))]
        in_text = [n for n in notes if n.getparent().tag.split("}")[1] in {"p", "ab", "item", "signed", "salute"}]
        assert explanatory == [str(i + 1) for i in range(len(explanatory))]
        assert len(explanatory) == len(in_text)


# contents, bookmarks, metadata


def test_contents_give_the_pages_the_documents_start_on(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    path = out / pdf.EDITION_FILE
    found = destinations(path)
    ordered = documents_by_date(corpus)
    targets = ["conventions", *(d.id for d in ordered), "register-persons", "register-places"]
    contents = pdf_text(path, found["contents"], found["conventions"] - 1, layout=True)
    # The page number ends an entry's last line, after the leader dots, or stands alone
    # on a line when the leader did not fit.
    printed = [int(number) for number in re.findall(r"(?:\.\s+|^\s+)(\d+)\s*$", contents, flags=re.MULTILINE)]
    assert printed == [found[target] for target in targets]
    for number, document in enumerate(ordered, start=1):
        page = pdf_text(path, found[document.id])
        assert f"Document {number}" in page
        assert " ".join(title_words(document).split()[:3]) in " ".join(page.split())


def test_every_document_has_a_bookmark_at_its_first_page(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    reader = pypdf.PdfReader(out / pdf.EDITION_FILE)
    found = destinations(out / pdf.EDITION_FILE)

    def flatten(items: list) -> list:
        return [leaf for item in items for leaf in (flatten(item) if isinstance(item, list) else [item])]

    bookmarks = {" ".join(item.title.split()): reader.get_destination_page_number(item) + 1 for item in flatten(reader.outline)}
    for document in corpus.documents:
        matching = [page for title, page in bookmarks.items() if title.startswith(" ".join(title_words(document).split()[:3]))]
        assert found[document.id] in matching, document.id
    assert {"Contents", "Editorial conventions", "Persons", "Places"} <= bookmarks.keys()


def test_pdf_metadata_names_title_authors_language_and_is_tagged(rendered: tuple[Corpus, Path]) -> None:
    corpus, out = rendered
    info = subprocess.run(["pdfinfo", str(out / pdf.EDITION_FILE)], check=True, capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == corpus.edition.title
    assert fields["Author"].strip() == ", ".join(corpus.edition.editors)
    assert fields["Tagged"].strip() == "yes"
    reader = pypdf.PdfReader(out / pdf.EDITION_FILE)
    assert reader.trailer["/Root"]["/Lang"] == corpus.edition.language
    # The running head of the left-hand pages after the title page.
    assert corpus.edition.title in " ".join(pdf_text(out / pdf.EDITION_FILE, 2, len(reader.pages)).split())
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def title_as(document: Document, kept: tuple[str, ...]) -> str:
    """A document's title with each choice giving its reading named in `kept` (corr, reg,
    expan as read; sic, orig, abbr as written), notes left out, supplied words bracketed."""

    def said(element: etree._Element) -> str:
        name = etree.QName(element).localname
        if name == "note":
            return ""
        if name == "choice":
            return "".join(said(child) for child in element if etree.QName(child).localname in kept)
        inner = (element.text or "") + "".join(said(child) + (child.tail or "") for child in element)
        return f"[{inner}]" if name == "supplied" else inner

    return " ".join(said(document.tree.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NSMAP)).split())


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_a_corrected_title_reads_as_corrected_in_contents_heads_bookmarks_and_metadata(view: str, tmp_path: Path) -> None:
    corpus = load_corpus(load_edition(EDITIONS["example"]))
    corrected = [d for d in corpus.documents
                 if d.tree.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]//tei:choice", namespaces=NSMAP)]
    if not corrected:
        pytest.skip("no document of the example edition has a title with a correction")
    html = Stylesheet.load(pdf.STYLESHEET).transform(
        document_node(corpus_tree(corpus.documents)), pdf.print_params(corpus) | {"view": view})
    contents = [" ".join(entry.xpath("string(.)").split()) for entry in
                etree.fromstring(html.encode(), etree.HTMLParser()).xpath("//nav[contains(@class, 'toc')]//li/a")]
    for document in corrected:
        read, written = title_as(document, ("corr", "reg", "expan")), title_as(document, ("sic", "orig", "abbr"))
        assert read != written
        assert sum(entry.endswith(read) for entry in contents) == 1, document.id
        assert not any(written in entry for entry in contents), document.id
        path = tmp_path / f"{document.id}.pdf"
        path.write_bytes(pdf.render_document(corpus, document, view))
        reader = pypdf.PdfReader(path)
        assert reader.metadata.title == read
        assert [item.title for item in reader.outline if not isinstance(item, list)] == [read]
        # The running head of every right-hand page, the chapter heading on the first.
        for number in range(1, len(reader.pages) + 1, 2):
            assert pdf_text(path, number).splitlines()[0] == read, (document.id, number)
        assert read in " ".join(pdf_text(path, 1).split())
        assert written not in " ".join(pdf_text(path).split())


def test_registers_give_each_page_of_a_name_once(rendered: tuple[Corpus, Path]) -> None:
    _, out = rendered
    path = out / pdf.EDITION_FILE
    found = destinations(path)
    text = pdf_text(path, found["register-persons"], len(pypdf.PdfReader(path).pages))
    entries = re.findall(r":\s*((?:\d+,\s*)*\d+)\s*$", text, flags=re.MULTILINE)
    assert entries
    for entry in entries:
        pages = [int(p) for p in entry.split(",")]
        assert pages == sorted(set(pages)), entry
    mentions = {name: page for name, page in found.items() if name.startswith("mention-")}
    assert mentions and all(found["conventions"] < page < found["register-persons"] for page in mentions.values())


# views


def test_diplomatic_pdf_shows_deletions_struck_and_additions_raised(fixture_corpus: Corpus, tmp_path: Path) -> None:
    document = next(d for d in fixture_corpus.documents if d.tree.xpath("//tei:del", namespaces=NSMAP))
    sheet = Stylesheet.load(pdf.STYLESHEET)
    html = etree.fromstring(
        sheet.transform(document.tree, pdf.print_params(fixture_corpus) | {"view": "diplomatic"}).encode(), etree.HTMLParser())
    css = pdf.PRINT_CSS.read_text(encoding="utf-8")
    assert re.search(r"\.del\s*\{[^}]*line-through", css) and re.search(r"\.add\s*\{[^}]*vertical-align", css)
    path = tmp_path / "diplomatic.pdf"
    path.write_bytes(pdf.render_document(fixture_corpus, document, "diplomatic"))
    text = " ".join(pdf_text(path).split())
    for kind in ("del", "add"):
        for sign in document.tree.xpath(f"//tei:text//tei:{kind}", namespaces=NSMAP):
            said = " ".join("".join(sign.itertext()).split())
            assert said in [" ".join("".join(s.itertext()).split()) for s in html.xpath(f"//span[@class='{kind}']")]
            assert said in text
            if sign.get("hand"):
                assert "hand" in " ".join(html.xpath(f"//span[@class='{kind}'][normalize-space(.)='{said}']"
                                                     "/following-sibling::span[contains(concat(' ', @class, ' '), ' note ')][1]//text()"))
    assert missing_words(view_words(document.path, "diplomatic"), pdf_text(path)) == set()


# determinism


def test_same_edition_same_bytes(fixture_corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert pdf.render_edition(fixture_corpus) == pdf.render_edition(fixture_corpus)
    document = fixture_corpus.documents[0]
    assert pdf.render_document(fixture_corpus, document) == pdf.render_document(fixture_corpus, document)


def test_source_date_epoch_dates_the_pdf_and_keeps_it_reproducible(
    fixture_corpus: Corpus, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document = fixture_corpus.documents[0]
    first = pdf.render_document(fixture_corpus, document)
    assert first == pdf.render_document(fixture_corpus, document)
    (tmp_path / "dated.pdf").write_bytes(first)
    info = subprocess.run(["pdfinfo", "-isodates", str(tmp_path / "dated.pdf")], check=True, capture_output=True, text=True).stdout
    assert "2023-11-14T22:13:20" in info
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(pdf.PdfError, match="SOURCE_DATE_EPOCH"):
        pdf.render_document(fixture_corpus, document)


# the command


def test_render_to_pdf_from_the_command_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", "--to", "pdf", "--config", str(FIXTURE / "edition.toml"),
                                      "--out", str(tmp_path / "book")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "book").iterdir()) == [pdf.EDITION_FILE], "without --per-document: the book alone"
    result = CliRunner().invoke(app, ["render", "--to", "pdf", "--config", str(FIXTURE / "edition.toml"),
                                      "--out", str(tmp_path), "--view", "diplomatic", "--per-document"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / pdf.EDITION_FILE).is_file()
    assert "overestimation" in pdf_text(tmp_path / "d1950-09-20_gromyko_soviet-embassy-peking.pdf")
    book, diplomatic = (" ".join(pdf_text(path).split()) for path in (tmp_path / "book" / pdf.EDITION_FILE, tmp_path / pdf.EDITION_FILE))
    assert "printed in the reading view" in book and "printed in the diplomatic view" not in book
    assert "printed in the diplomatic view" in diplomatic and "printed in the reading view" not in diplomatic, "the conventions page tells the view"


def test_a_document_no_rule_covers_fails_naming_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition, ignore=shutil.ignore_patterns("*.xsl"))
    broken = edition / "xml" / "d1950-10-01_stalin_mao-zedong.xml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "<p>The numbers were" in line)
    lines[number] = lines[number].replace("<p>The numbers were", "<p><unknownThing>The numbers were</unknownThing>")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", "--to", "pdf", "--config", str(edition / "edition.toml"), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{broken.name}:{number + 1}" in result.output
    assert "unknownThing" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_print_html_loads_nothing_from_outside(fixture_corpus: Corpus) -> None:
    sheet = Stylesheet.load(pdf.STYLESHEET)
    html = sheet.transform(document_node(corpus_tree(fixture_corpus.documents)), pdf.print_params(fixture_corpus))
    tree = etree.fromstring(html.encode(), etree.HTMLParser())
    assert not tree.xpath("//link | //img | //script | //@src")
