"""The shared views (xslt/common/views.xsl), rule by rule: a minimal TEI fragment in,
the text of the reading and the diplomatic view out (textual notes in {braces}).

These are the rules every output (HTML, PDF, text) builds on, tested through a small
harness stylesheet (tests/html/views-harness.xsl) that includes only xslt/common/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_edition.collate import witness_text
from tei_edition.xmlio import parse_xml_bytes
from tei_edition.xslt import Stylesheet, StylesheetError

HARNESS = Path(__file__).resolve().parent / "html" / "views-harness.xsl"
TEI = "http://www.tei-c.org/ns/1.0"
TE = "https://tei-edition.example/ns"

HEADER = """<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc>
<msDesc><msIdentifier><idno>x</idno></msIdentifier><physDesc><handDesc>
<handNote xml:id="hand-1"/><handNote xml:id="hand-2">Stalin's hand, blue pencil</handNote></handDesc></physDesc></msDesc>
<listWit><witness xml:id="wit-A" n="A">one</witness><witness xml:id="wit-D" n="D">other</witness></listWit>
</sourceDesc></fileDesc></teiHeader>"""


def views(fragment: str) -> tuple[str, str]:
    """Both views of a paragraph, as text; textual notes in braces, explanatory in [n: …]."""
    source = f'<TEI xmlns="{TEI}">{HEADER}<text><body><p>{fragment}</p></body></text></TEI>'
    out = Stylesheet.load(HARNESS).transform(parse_xml_bytes(source.encode(), "fragment.xml"))
    root = etree.fromstring(out.encode())
    return tuple(_text(root.find(f"{{{TE}}}{view}")) for view in ("reading", "diplomatic"))


def _text(element: etree._Element) -> str:
    return " ".join(_flat(element, top=True).split())


def _flat(element: etree._Element, top: bool = False) -> str:
    """An element's text in document order; notes in braces (textual) or [n: …]."""
    if element.tag == f"{{{TEI}}}note" and not top:
        inner = "".join(element.itertext())
        text = f"{{{inner}}}" if element.get("type") == "textual" else f"[{element.get('n')}: {inner}]"
    else:
        text = (element.text or "") + "".join(_flat(child) for child in element)
    return text + ("" if top else element.tail or "")


@pytest.mark.parametrize(
    ("fragment", "reading", "diplomatic"),
    [
        pytest.param('a <add hand="#hand-1" place="top">new</add> word', "a new{added in hand 1 (unidentified) at the top} word",
                     "a new word", id="add"),
        pytest.param('the <del hand="#hand-2">hasty</del> plan', "the {deleted by Stalin's hand, blue pencil: “hasty”} plan",
                     "the hasty plan", id="del"),
        pytest.param('the <subst><del>old</del><add hand="#hand-1">new</add></subst> plan',
                     "the new{deleted “old”, replaced by “new” in hand 1 (unidentified)} plan", "the oldnew plan", id="subst"),
        pytest.param("7 <choice><sic>September</sic><corr>October</corr></choice>",
                     "7 October{the source reads “September”}", "7 September", id="choice-sic-corr"),
        pytest.param("<choice><orig>andKorea</orig><reg>and Korea</reg></choice>",
                     "and Korea{as received: “andKorea”}", "andKorea", id="choice-orig-reg"),
        pytest.param("<choice><abbr>CC</abbr><expan>Central Committee</expan></choice>", "Central Committee", "CC",
                     id="choice-abbr-expan"),
        pytest.param("<expan>M<ex>inistry</ex></expan>", "Ministry", "M", id="expan-ex"),
        pytest.param("the <sic>VPK(b)</sic>", "the VPK(b)", "the VPK(b)", id="sic-alone"),
        pytest.param('People\'s <supplied reason="omitted">Republic of</supplied> China', "People's Republic of China",
                     "People's Republic of China", id="supplied"),
        pytest.param('so <gap reason="omitted"/> the', "so the", "so the", id="gap"),
        pytest.param('end.<note type="translator">A note.</note> More<note type="editorial">B.</note>',
                     "end.[1: A note.] More[2: B.]", "end.[1: A note.] More[2: B.]", id="notes-numbered"),
        pytest.param('at <app type="substantive"><lem wit="#wit-A">Jemulpo</lem><rdg wit="#wit-D">Chemulp\'o</rdg></app>',
                     "at Jemulpo{variant (substantive): A: “Jemulpo”; D: “Chemulp'o”}",
                     "at Jemulpo{variant (substantive): A: “Jemulpo”; D: “Chemulp'o”}", id="app"),
        pytest.param('x<app><lem wit="#wit-A"/><rdg wit="#wit-D">(</rdg></app>', "x{variant: A: nothing; D: “(”}",
                     "x{variant: A: nothing; D: “(”}", id="app-empty-lem"),
    ],
)
def test_views(fragment: str, reading: str, diplomatic: str) -> None:
    assert views(fragment) == (reading, diplomatic)


def test_textual_notes_are_lettered_through_the_text() -> None:
    source = f'<TEI xmlns="{TEI}">{HEADER}<text><body><p><del>a</del> <del>b</del> <add>c</add></p></body></text></TEI>'
    out = Stylesheet.load(HARNESS).transform(parse_xml_bytes(source.encode(), "f.xml"))
    labels = etree.fromstring(out.encode()).xpath("//te:reading//tei:note/@n", namespaces={"te": TE, "tei": TEI})
    assert labels == ["a", "b", "c"]


def test_an_element_without_a_rule_is_an_error_naming_it() -> None:
    with pytest.raises(StylesheetError, match="no stylesheet rule for the element <mystery>"):
        views("<mystery>words</mystery>")


# one witness's text (te:witness)


def witness_views(fragment: str) -> etree._Element:
    """The harness's output for a paragraph: views, and each witness's own text and comparison."""
    source = f'<TEI xmlns="{TEI}">{HEADER}<text><body><p>{fragment}</p></body></text></TEI>'
    return etree.fromstring(Stylesheet.load(HARNESS).transform(parse_xml_bytes(source.encode(), "fragment.xml")).encode())


@pytest.mark.parametrize(
    ("fragment", "a", "d"),
    [
        pytest.param('at <app type="substantive"><lem wit="#wit-A">Jemulpo</lem><rdg wit="#wit-D">Chemulp\'o</rdg></app> now',
                     "at Jemulpo now", "at Chemulp'o now", id="word"),
        pytest.param('x<app type="punctuation"><lem wit="#wit-A"/><rdg wit="#wit-D">(</rdg></app>y', "xy", "x(y", id="addition"),
        pytest.param('a <app><lem wit="#wit-A">b <persName>c</persName></lem><rdg wit="#wit-D"/></app> d',
                     "a b c d", "a d", id="omission-with-markup"),
        pytest.param('one<pb n="2" ed="#wit-D"/> two<pb n="3"/>', "one two", "one two", id="page-breaks"),
    ],
)
def test_a_witness_reads_its_own_readings(fragment: str, a: str, d: str) -> None:
    out = witness_views(fragment)
    texts = {w.get("n"): _text(w) for w in out.findall(f"{{{TE}}}witness")}
    assert texts == {"A": a, "D": d}
    assert not out.xpath("//te:witness//tei:app", namespaces={"te": TE, "tei": TEI})


def test_a_witness_keeps_only_its_own_page_breaks() -> None:
    out = witness_views('one<pb n="2" ed="#wit-D"/> two<pb n="3"/>')
    pages = {w.get("n"): w.xpath(".//tei:pb/@n", namespaces={"tei": TEI}) for w in out.findall(f"{{{TE}}}witness")}
    assert pages == {"A": ["3"], "D": ["2", "3"]}
    assert not out.xpath("//te:witness//tei:pb/@ed", namespaces={"te": TE, "tei": TEI})


def test_compared_with_another_witness_the_differing_words_are_marked() -> None:
    out = witness_views('at <app type="case"><lem wit="#wit-A">Seoul</lem><rdg wit="#wit-D" type="case">SEOUL</rdg></app> and '
                        '<app type="substantive"><lem wit="#wit-A #wit-D">here</lem></app>')
    compared = out.find(f"{{{TE}}}compared[@n='D']")
    marks = compared.xpath(".//tei:seg[@type='variant']", namespaces={"tei": TEI})
    assert [(m.text, m.get("subtype"), m.get(f"{{{TE}}}other")) for m in marks] == [("SEOUL", "case", "A: “Seoul”")]
    assert "here" in _text(compared)
    # The first witness compared with itself differs nowhere.
    assert not out.xpath("//te:compared[@n='A']//tei:seg", namespaces={"te": TE, "tei": TEI})


@pytest.mark.parametrize(
    ("app", "entry"),
    [
        pytest.param('<app type="substantive"><lem wit="#wit-A">Jemulpo <supplied>Incheon</supplied></lem>'
                     '<rdg wit="#wit-D" type="substantive">Chemulp\'o</rdg></app>', "Jemulpo [Incheon]] Chemulp'o D", id="words"),
        pytest.param('<app type="substantive"><lem wit="#wit-A">из Сочи<lb/>1.X..50 г.</lem><rdg wit="#wit-C" type="substantive">1.X.50г.</rdg></app>',
                     "из Сочи 1.X..50 г.] 1.X.50г. wit-C", id="line-break"),
        pytest.param('<app type="substantive"><lem wit="#wit-A">Greetings,</lem><rdg wit="#wit-D" type="substantive"/></app>',
                     "Greetings,] om. D", id="omission"),
        pytest.param('<app type="punctuation"><lem wit="#wit-A"/><rdg wit="#wit-D" type="punctuation">(</rdg></app>',
                     "om.] ( D", id="addition"),
    ],
)
def test_a_variant_note_carries_its_apparatus_entry(app: str, entry: str) -> None:
    out = witness_views(f"x {app} y")
    entries = out.xpath("te:reading//tei:note/@te:entry", namespaces={"te": TE, "tei": TEI})
    assert entries == [entry]


def test_a_page_break_of_some_witnesses_names_them_in_both_views() -> None:
    out = witness_views('one<pb n="2" ed="#wit-D"/> two')
    sigla = out.xpath("(te:reading | te:diplomatic)//tei:pb/@te:sigla", namespaces={"te": TE, "tei": TEI})
    assert sigla == ["D", "D"]


# the stylesheets' witness text agrees with the converter's (property)

_WORD = st.text(alphabet="abcйцу,.", min_size=1, max_size=6)
_READING = st.lists(_WORD, max_size=3).map(" ".join)


@st.composite
def _collated_paragraph(draw: st.DrawFn) -> str:
    """A paragraph of plain words, places of variation between witnesses A and D (either
    reading may be empty), and page breaks of one of them."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["words", "app", "pb"]))
        if kind == "words":
            parts.append(draw(_READING))
        elif kind == "pb":
            parts.append(f'<pb n="{draw(st.integers(2, 9))}" ed="#{draw(st.sampled_from(["wit-A", "wit-D"]))}"/>')
        else:
            lemma, other = draw(_READING), draw(_READING)
            parts.append(f'<app type="substantive"><lem wit="#wit-A">{lemma}</lem>'
                         f'<rdg wit="#wit-D" type="substantive">{other}</rdg></app>')
    return " ".join(parts)


@settings(max_examples=60, deadline=None)
@given(_collated_paragraph())
def test_the_witness_mode_reads_back_what_the_converter_reads_back(fragment: str) -> None:
    """te:witness (XSLT) and tei_edition.collate.witness_text (Python) give each witness
    the same words, for any apparatus."""
    out = witness_views(fragment)
    paragraph = parse_xml_bytes(f'<p xmlns="{TEI}">{fragment}</p>'.encode(), "p.xml").getroot()
    for witness in out.findall(f"{{{TE}}}witness"):
        wit = {"A": "wit-A", "D": "wit-D"}[witness.get("n")]
        assert _text(witness) == " ".join(witness_text(paragraph, wit).split())
