"""One case per editorial convention: a small source text in, the TEI the conventions table promises out.

Each fixture is a bare cable of a few lines, converted by the real converter
with the example edition's registers; the cases the seeds lack (deletions,
substitutions, illegible passages, editor's notes, unclassified brackets) are
here too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.config import load_edition
from tei_edition.convert import Converter
from tei_edition.errors import SourceError

from converting import convert_text

ROOT = Path(__file__).resolve().parents[1]
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter(load_edition(ROOT / "edition.toml"))


def convert(converter: Converter, tmp_path: Path, text: str) -> etree._Element:
    root, report = convert_text(converter, tmp_path, text)
    convert.report = report  # type: ignore[attr-defined]
    return root


def xml(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode").replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def body(root: etree._Element) -> str:
    """The body's markup, without the indentation between structural elements."""
    return re.sub(r">\n\s*<", "><", xml(root.find(".//tei:body", NS)))


CASES = [
    ("handwritten line", "[handwritten: 20 September 1950]\n\nWe agree.\n", '<ab type="annotation"><add hand="#hand-1" place="top"><date when="1950-09-20">20 September 1950</date></add></ab>'),
    ("handwritten note at the foot", "We agree.\n\n[Handwritten: This letter was delivered.]\n", '<add hand="#hand-1" place="bottom">This letter was delivered.</add>'),
    ("inserted by hand", "the Army [inserted by hand: like the Party] is young.\n", '<add hand="#hand-1" place="inline">like the Party</add>'),
    ("crossed out", "We [crossed out: reject] the plan.\n", '<del rend="strikethrough">reject</del>'),
    ("deleted", "We [deleted: reject] the plan.\n", '<del rend="strikethrough">reject</del>'),
    ("struck out", "We [struck out: reject] the plan.\n", '<del rend="strikethrough">reject</del>'),
    ("substitution", "We [crossed out: reject] [inserted by hand: accept] the plan.\n", '<subst><del rend="strikethrough">reject</del> <add hand="#hand-1" place="inline">accept</add></subst>'),
    ("translator's note", "We agree.\n\n[Translator’s note: a draft follows]\n", '<note type="translator" resp="#translator">a draft follows</note>'),
    ("editor's note", "We agree [Ed. note: see the draft] fully.\n", '<note type="editorial" resp="#source-editor">see the draft</note>'),
    ("editor's initials", "A draft [cable to Shtykov - AM] is attached.\n", '<note type="editorial" resp="persons.xml#mansourov">cable to <persName ref="persons.xml#shtykov">Shtykov</persName></note>'),
    ("sic with correction", "on 7 September [sic-October] we met.\n", "<choice><sic>September</sic><corr resp=\"#source-editor\">October</corr></choice>"),
    ("sic", "the enemmy [sic] advanced.\n", "<sic>enemmy</sic>"),
    ("identification of a pseudonym", "Signed by Filippov [Stalin] today.\n", '<persName ref="persons.xml#stalin">Filippov <supplied reason="identification" resp="#source-editor">Stalin</supplied></persName>'),
    ("identification of a place", "the landing at Chemulp'o [Inchon] mattered.\n", '<placeName ref="places.xml#incheon">Chemulp\'o <supplied reason="identification" resp="#source-editor">Inchon</supplied></placeName>'),
    ("expansion", "The M[inistry of] F[oreign] A[ffairs] agrees.\n", "<expan>M<ex>inistry of</ex></expan> <expan>F<ex>oreign</ex></expan> <expan>A<ex>ffairs</ex></expan>"),
    ("acronym", "Comrades of the PLA [People's Liberation Army] agree.\n", "<choice><abbr>PLA</abbr><expan>People's Liberation Army</expan></choice>"),
    ("transliterated term", "at the instructions of headquarters [instantsiya] we act.\n", '<foreign xml:lang="ru-Latn">instantsiya</foreign>'),
    ("supplied words", "we consider [the possibility] that they act.\n", '<supplied reason="omitted" resp="#source-editor">the possibility</supplied>'),
    ("gloss of a number", "the 1 [First] Army Group.\n", '<supplied reason="gloss" resp="#source-editor">First</supplied>'),
    ("date normalised", "5.7.50 [5 July 1950]\n", '<date when="1950-07-05">5.7.50 <supplied reason="normalisation" resp="#source-editor">5 July 1950</supplied></date>'),
    ("omission", "We agree.\n\n[...]\n", '<gap reason="omitted"/>'),
    ("illegible", "send [illegible] divisions.\n", '<gap reason="illegible"/>'),
    ("illegible described", "send [number is illegible] divisions.\n", '<gap reason="illegible"><desc>number is illegible</desc></gap>'),
    ("signature mark and letter-spacing", "We agree.\n\n[signature] G O L O V K O\n", '<signed><gap reason="signature"/> <persName ref="persons.xml#golovko"><hi rend="letterspaced">GOLOVKO</hi></persName></signed>'),
    ("page break", "We agree.\n\n- 2 -\n\nWe insist.\n", '<pb n="2"/>'),
    ("OCR debris", "- $1. \\ \\mbox{To}$ immediately begin;\n- 2. Retreat.\n", '<item n="1"><choice><orig>$1. \\ \\mbox{To}$</orig><reg>1. To</reg></choice> immediately begin;</item>'),
    ("numero debris", "Copy N^{ϱ} 1 - to Cde. Vasilevsky\n", "<choice><orig>N^{ϱ}</orig><reg>Nº</reg></choice>"),
    ("OCR misreading of a name", "Read this to Kim II Sung now.\n", '<persName ref="persons.xml#kim-il-sung"><choice><orig>Kim II Sung</orig><reg>Kim Il Sung</reg></choice></persName>'),
    ("words run together", "no loss andKorea would be free.\n", "<choice><orig>andKorea</orig><reg>and Korea</reg></choice>"),
    ("words run together, the name first", "troops enter Pyongyangthe next day.\n", "<choice><orig>Pyongyangthe</orig><reg>Pyongyang the</reg></choice>"),
    ("a capitalised word that is no name run together", "the Koreanthe troops stay.\n", "the Koreanthe troops"),
    ("unclassified bracket", "We agree [stamp: 3/X] fully.\n", '<note type="unclassified">stamp: 3/X</note>'),
    ("numbered sections", "First. We agree.\n\nSecond. We insist.\n", '<p n="2"><label>Second.</label> We insist.</p>'),
    ("lettered list", "We think that:\n\na) one;\n\nb) two.\n", '<list type="lettered"><item n="a"><label>a)</label> one;</item><item n="b"><label>b)</label> two.</item></list>'),
    ("classification and priority", "Top Secret\n\nPriority\n\nWe agree.\n", '<ab type="classification">Top Secret</ab><ab type="priority">Priority</ab>'),
    ("cable number", "Cable Nº 75511\n\nWe agree.\n", '<ab type="cable-number">Cable Nº <idno type="cable">75511</idno></ab>'),
    ("transmission", "We agree.\n\nSent by wire on 10/09/50 at 7:05 a.m.\n", '<ab type="transmission" subtype="sent">Sent by wire on <date when="1950-10-09T07:05'),
    ("distribution list", "Distribution list - 3 copies: Stalin - 2, Molotov -1\n\nWe agree.\n", '<list type="distribution"><head>Distribution list - 3 copies:</head><item><persName ref="persons.xml#stalin">Stalin</persName> - 2</item>'),
]


@pytest.mark.parametrize(("name", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_convention(converter: Converter, tmp_path: Path, name: str, source: str, expected: str) -> None:
    root = convert(converter, tmp_path, source)
    assert expected in body(root)


def test_hands_are_declared(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, "We [inserted by hand: accept] it.\n")
    hands = root.xpath("//tei:handDesc/tei:handNote/@xml:id", namespaces=NS)
    assert "hand-1" in hands and "hand-main" in hands


def test_unclassified_bracket_is_a_warning(converter: Converter, tmp_path: Path) -> None:
    convert(converter, tmp_path, "We agree [stamp: 3/X] fully.\n")
    assert any(w["kind"] == "unclassified bracket" for w in convert.report.warnings)  # type: ignore[attr-defined]


def test_signature_and_date_close_the_text(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, "We agree.\n\nGROMYKO\n\n12 October 1950\n")
    assert '<closer><signed><persName ref="persons.xml#gromyko">GROMYKO</persName></signed><dateline><date when="1950-10-12">12 October 1950</date></dateline></closer>' in body(root)
    assert root.xpath("string(//tei:correspAction[@type='sent']/tei:date/@when)", namespaces=NS) == "1950-10-12"


def test_bracket_never_closed_is_an_error_with_its_line(converter: Converter, tmp_path: Path) -> None:
    source = tmp_path / "cable.txt"
    source.write_text("We agree.\n\n[handwritten: a second copy\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        converter.convert_source(source)
    assert error.value.line == 3 and "never closed" in error.value.message


def test_nested_brackets_are_read_inside(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, "We agree.\n\n[handwritten: a second copy [opis'] sent]\n")
    assert '<add hand="#hand-1" place="bottom">a second copy <foreign xml:lang="ru-Latn">opis\'</foreign> sent</add>' in body(root)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "only whitespace"),
        (b"\x00\x01\x02binary", "binary"),
        ("Москва предупреждала корейских товарищей".encode("cp1251"), "windows-1251"),
        ("Москва предупреждала корейских товарищей".encode("koi8_r"), "koi8-r"),
    ],
    ids=["empty", "whitespace", "binary", "windows-1251", "koi8-r"],
)
def test_bad_source_text(converter: Converter, tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "cable.txt"
    source.write_bytes(content)
    with pytest.raises(SourceError) as error:
        converter.convert_source(source)
    assert message in error.value.message


def test_bom_and_crlf_are_accepted(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, "\ufeffWe agree.\r\n\r\nGROMYKO\r\n")
    assert "<p>We agree.</p>" in body(root)


# ---------------------------------------------------------------- marks: what a search may skip


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\$[^$\n]{1,80}\$", "$"),
        (r"(?P<base>\w)\^\{(?P<sup>[^}]{1,8})\}", "^"),
        (r"""\b(?:USS|HMS)\s+["“](?P<name>[^"”]{1,40})["”]""", "\"“"),
        (r"a?b", "b"),  # an optional part holds nothing every match needs
        (r"(?:ab)*c", "c"),
        (r"(?:ab)+", "a"),
        (r"(?=q)r", "r"),  # a look-ahead's characters are no part of the match
        (r"(?i:a)b", "b"),  # nor are characters matched in either case
        (r"(?i)abc", ""),
        (r"[^a]b", "b"),
        (r"[a-z]+", ""),
        (r"\w+\s\w+", ""),
    ],
)
def test_marks_are_characters_every_match_holds(pattern: str, expected: str) -> None:
    from tei_edition.conventions import marks

    assert marks(re.compile(pattern)) == expected


def test_may_match_never_skips_a_text_a_pattern_matches() -> None:
    """Every searched pattern of the toolkit's table, on every line of the example sources and on made-up lines."""
    from tei_edition.conventions import default_conventions, may_match

    conventions = default_conventions()
    patterns = [conventions.tex_math, conventions.tex_superscript, conventions.ship, conventions.letterspaced]
    lines = [line for path in sorted((ROOT / "sources").glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["N^{o} 5", "$\\mbox{To}$ Stalin", 'USS "Missouri"', "USS “Missouri”", "G O L O V K O", "no sign at all", ""]
    lines += ["A. G R O M Y K O", "(S T A L I N)", "a I a", "x G O L O", "Г О Л О В К О.", "A B C", "A  B  C  D"]
    skipped = 0
    for pattern in patterns:
        for line in lines:
            if not may_match(pattern, line):
                skipped += 1
                assert pattern.search(line) is None, (pattern.pattern, line)
    assert skipped  # the check does skip texts


def test_chrome_patterns_tried_as_one_say_what_each_says() -> None:
    """The chrome patterns joined into one claim exactly the lines one of them claims; with groups they stay apart."""
    import dataclasses

    from tei_edition.conventions import default_conventions

    conventions = default_conventions()
    assert conventions.any_chrome is not None
    lines = [line.strip() for path in sorted((ROOT / "sources").glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["Download 1.2 Mb", "Size 3,5 Kb.", "12 13 14", "Share with your friends", "Main page", "Main page and more"]
    for line in lines:
        assert (conventions.any_chrome.match(line) is not None) == any(p.match(line) for p in conventions.chrome), line
    grouped = dataclasses.replace(conventions, chrome=(re.compile(r"^(a)\1$"), re.compile(r"^(b)\1$")))
    assert grouped.any_chrome is None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<![\w.])(?:[^\W\d_] ){3,}[^\W\d_](?![\w])", r"\ [^\W\d_]\ [^\W\d_]\ "),  # letter-spacing: " L L "
        (r"(?:ab){3}", "babab"),
        (r"(x[0-9]){4}", "x[0-9]x[0-9]x[0-9]x"),
        (r"(?: [a-z]){2,}", r"\ [a-z]\ "),
        (r"(?:[^\W\d_] )?x", None),  # a repeat that may be absent holds nothing
        (r"(?:a. ){3}", None),  # three parts to a repeat: not read
        (r"(?i:(?:a )){3}", None),  # either case
        (r"[a-z]+", None),
    ],
)
def test_separated_run_is_what_every_match_holds(pattern: str, expected: str | None) -> None:
    from tei_edition.conventions import separated_run

    run = separated_run(re.compile(pattern))
    assert (run.pattern if run else None) == expected
    if run is not None:
        for text in ("G O L O V K O", "abababab", "x1x2x3x4x", " a b c ", "nothing here"):
            assert re.search(pattern, text) is None or run.search(text) is not None, text
