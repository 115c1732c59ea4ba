"""Witnesses in the printed edition: the critical apparatus of a collated text is a third
series of footnotes, "lemma] reading SIGLUM", marked α, β, γ …, at the foot of the page
where its place of variation is, after the textual and explanatory notes of that page.

Real saxonche and WeasyPrint on the witness fixture edition (tests/html/edition: the
1 October telegram with four witnesses, A and D English, B and C Russian); the PDF is
read back with poppler's pdftotext and pypdf (named destinations and their positions).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from lxml import etree
from weasyprint.layout import LayoutContext

from tei_edition.config import load_edition
from tei_edition.render import pdf, pdf_footnotes
from tei_edition.render.corpus import Corpus, Document, load_corpus
from tei_edition.xmlio import NSMAP
from tei_edition.xslt import Stylesheet

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "html" / "edition"
TELEGRAM = "d1950-10-01_stalin_mao-zedong"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


# helpers


def flat(text: str) -> str:
    """Text with its spacing normalised; a compound broken after its hyphen at a line end joined again."""
    return " ".join(re.sub(r"(?<=\w)-\n", "-", text).split())


def pdf_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def words(element: etree._Element | None) -> str:
    """A reading's words as a reader of the edition reads them: supplied words in brackets,
    the corrected, regularised or expanded form, a line break as a space, no notes."""
    return " ".join("".join(_plain(element)).split()) if element is not None else ""


def _plain(element: etree._Element) -> list[str]:
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        if name in {"lb", "pb", "cb"}:
            parts.append(" ")
        elif name == "supplied":
            parts += ["[", *_plain(child), "]"]
        elif name == "choice":
            chosen = next((c for tag in ("corr", "reg", "expan") for c in child if etree.QName(c).localname == tag), child[0])
            parts += _plain(chosen)
        elif name != "note":
            parts += _plain(child)
        parts.append(child.tail or "")
    return parts


def expected_entries(document: Document) -> list[str]:
    """Every place of variation as an apparatus entry, made here from the TEI: the lemma
    (lem, else the first reading; "om." for none), "]", each other reading with the sigla
    of its witnesses as the listWit declares them, a minor variant's class after it."""
    sigla = {witness.get(XML_ID): witness.get("n") for witness in document.tree.iterfind(".//tei:listWit/tei:witness", NSMAP)}
    entries = []
    for app in document.tree.iterfind("tei:text//tei:app", NSMAP):
        lemma = app.find("tei:lem", NSMAP)
        if lemma is None:
            lemma = app.find("tei:rdg", NSMAP)
        readings = [reading for reading in app.iterfind(".//tei:rdg", NSMAP) if reading is not lemma]
        entry = (words(lemma) or "om.") + "] " + "; ".join(
            (words(reading) or "om.") + " " + " ".join(sigla[wit.removeprefix("#")] for wit in reading.get("wit").split())
            for reading in readings)
        kind = app.get("type", "substantive")
        entries.append(entry if kind == "substantive" else f"{entry} ({kind.replace('-', ' ')})")
    return entries


def print_html(corpus: Corpus, document: Document) -> etree._Element:
    return etree.fromstring(Stylesheet.load(pdf.STYLESHEET).transform(document.tree, pdf.print_params(corpus)).encode(),
                            etree.HTMLParser())


def places(path: Path) -> dict[str, tuple[int, float]]:
    """The PDF's named destinations: page (from 1) and height on it (PDF units, from the foot)."""
    reader = pypdf.PdfReader(path)
    return {name: (reader.get_destination_page_number(dest) + 1, float(dest.top))
            for name, dest in reader.named_destinations.items()}


def telegram(corpus: Corpus) -> Document:
    return next(document for document in corpus.documents if document.id == TELEGRAM)


# fixtures


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(load_edition(FIXTURE / "edition.toml"))


@pytest.fixture(scope="module")
def with_notes(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The witness edition with the telegram given a correction and a translator's note in
    the paragraph of two variants: an editorial correction before them (a textual note, a),
    a translator's note after them (1), so that a page has all three series, an
    explanatory note called after variants."""
    edition = tmp_path_factory.mktemp("witnesses-with-notes") / "edition"
    shutil.copytree(FIXTURE, edition)
    path = next((edition / "xml").glob("*stalin_mao-zedong.xml"))
    source = path.read_text(encoding="utf-8")
    for old, new in [
        (" already that ", " <choice><sic>alredy</sic><corr>already</corr></choice> that "),
        ("</app> to the north and east of",
         "</app><note type=\"translator\">A line of defence along the front.</note> to the north and east of"),
    ]:
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    path.write_text(source, encoding="utf-8")
    return load_corpus(load_edition(edition / "edition.toml"))


# the apparatus


def test_variants_make_a_series_of_their_own_marked_alpha_beta_with_lemma_reading_and_sigla(corpus: Corpus) -> None:
    document = telegram(corpus)
    html = print_html(corpus, document)
    apparatus = html.xpath("//span[contains(concat(' ', @class, ' '), ' apparatus ')]")
    expected = expected_entries(document)
    assert len(expected) > 4
    assert [" ".join(note.xpath("string(.)").split()) for note in apparatus] == expected
    assert [note.get("data-mark") for note in apparatus][:4] == ["α", "β", "γ", "δ"]
    assert len({note.get("data-mark") for note in apparatus}) == len(apparatus)
    # No variant is left among the lettered textual notes (this text has no other sign).
    assert html.xpath("//span[contains(@class, 'note textual')]") == []
    # Each entry gives the reading of the other witness of its version (D against A, C against B).
    assert all(re.fullmatch(r".+\] .+ [CD](?: \([a-z ]+\))?", entry) for entry in expected), expected
    for entry in ["оторвался] оторван C", "Greetings,] om. D", "front line] frontline D (word division)",
                  "Пекин Совпосол] ПЕКИН СОВПОСОЛ C (case)", "om.] , C (punctuation)"]:
        assert entry in expected


def test_each_entry_is_printed_at_the_foot_of_the_page_of_its_passage(corpus: Corpus, tmp_path: Path) -> None:
    document = telegram(corpus)
    path = tmp_path / "telegram.pdf"
    path.write_bytes(pdf.render_document(corpus, document))
    found = places(path)
    expected = expected_entries(document)
    keys = [f"{TELEGRAM}-app{number}" for number in range(1, len(expected) + 1)]
    assert {name for name in found if "-app" in name} == {f"{kind}-{key}" for key in keys for kind in ("note", "call")}
    pages = {page for page, _ in found.values()}
    assert len(pages) > 1, "the telegram runs over several pages"
    for key, entry in zip(keys, expected, strict=True):
        (note_page, note_top), (call_page, call_top) = found[f"note-{key}"], found[f"call-{key}"]
        assert note_page == call_page, entry
        assert note_top < call_top, f"{entry}: below its passage"
        assert entry in flat(pdf_text(path, note_page)), entry


def test_the_apparatus_comes_after_the_textual_and_explanatory_notes_of_its_page(with_notes: Corpus, tmp_path: Path) -> None:
    document = telegram(with_notes)
    html = print_html(with_notes, document)
    assert html.xpath("//span[contains(@class, 'note textual')]/@data-mark") == ["a"]
    assert html.xpath("//span[contains(@class, 'note explanatory')]/@data-mark") == ["1"]
    path = tmp_path / "telegram.pdf"
    path.write_bytes(pdf.render_document(with_notes, document))
    found = places(path)
    others = {name: place for name, place in found.items() if name in (f"note-{TELEGRAM}-a", f"note-{TELEGRAM}-1")}
    assert len(others) == 2
    shared = 0
    for name, (page, top) in found.items():
        if name.startswith(f"note-{TELEGRAM}-app"):
            above = [other_top for other_page, other_top in others.values() if other_page == page]
            shared += bool(above)
            assert all(top < other_top for other_top in above), name
    assert shared >= 2, "variants share a page with the other notes"
    # The translator's note is called after two variants of its page, yet printed before their entries.
    note_page = found[f"note-{TELEGRAM}-1"][0]
    earlier = [key for key, (page, top) in found.items()
               if key.startswith(f"call-{TELEGRAM}-app") and page == note_page and top >= found[f"call-{TELEGRAM}-1"][1]]
    assert len(earlier) >= 2
    text = flat(pdf_text(path, note_page))
    assert text.index("A line of defence along the front.") < text.index("Jemulpo [Incheon]] Chemulp'o [Inchon] D")


def test_the_order_is_installed_once_however_often_asked() -> None:
    installed = LayoutContext._update_footnote_area
    assert pdf_footnotes.install(), "this WeasyPrint lays the apparatus below the other notes"
    assert LayoutContext._update_footnote_area is installed
    assert getattr(installed, "_in_series_order", False)
