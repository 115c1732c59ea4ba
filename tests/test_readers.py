"""Readers on pages they have never seen: the newer record layout, a Chinese original beside the
translation, a cover note with an attached draft, a cable headed by its transmission data.

The fixtures are written here in the forms the archives use; no reader code knows them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.config import load_edition
from tei_edition.convert import Converter
from tei_edition.model import Line
from tei_edition.readers import detect_form

from converting import convert_text

ROOT = Path(__file__).resolve().parents[1]
NS = {"tei": "http://www.tei-c.org/ns/1.0"}

NEWER_RECORD_PAGE = """\
Telegram, Filippov [Stalin] to Zhou Enlai

October 05, 1950

Stalin asks Zhou Enlai to report the decision of the Politburo.

Top Secret

Tell Zhou Enlai the following:

1. We await the decision of the CC CPC [Central Committee of the Communist Party of China].
2. Report by wire.

FILIPPOV

Document Information

Source
APRF, fond 45, opis 1, delo 334, listy 110-111. Translated by Kathryn Weathersby.

Original Language
Russian

Rights
The History and Public Policy Program Digital Archive redacts and removes personal information.

Citation
"Telegram, Filippov [Stalin] to Zhou Enlai", October 05, 1950, Wilson Center Digital Archive, APRF, fond 45, opis 1, delo 334, listy 110-111. Translated by Kathryn Weathersby.
"""

CHINESE_BESIDE_ENGLISH = """\
October 02, 1950 Telegram, Mao Zedong to Filippov [Stalin]

Citation:

"Telegram, Mao Zedong to Filippov [Stalin]", October 02, 1950, Wilson Center Digital Archive, APRF, fond 45, opis 1, delo 334, listy 105-106.

Original Language:

Chinese

Contents:

- English Translation
- Chinese Transcription

We have decided to send troops to Korea.

MAO ZEDONG

我们决定派军队入朝。

毛泽东
"""

COVER_NOTE_WITH_DRAFT = """\
Comrade STALIN I.V.

Comrade Shtykov asks to evacuate the specialists. A draft reply is attached.

A. GROMYKO

30 September 1950


Draft

You should not display any initiative of your own.

A. GROMYKO
"""

TRANSMISSION_HEADER = """\
Ciphered Telegram # 600500/sh
To Comrade STALIN I.V.

Sent by wire on 10/12/50 at 6:10 a.m.
Received in Moscow on 10/12/50 at 8:40 a.m.
Deciphered by Morozov on 10/12/50 at 9:15 a.m.

We report that the Chinese troops are ready.

SHTYKOV
"""


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter(load_edition(ROOT / "edition.toml"))


def convert(converter: Converter, tmp_path: Path, text: str) -> etree._Element:
    return convert_text(converter, tmp_path, text)[0]


def xpath(root: etree._Element, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def test_newer_record_layout(converter: Converter, tmp_path: Path) -> None:
    lines = [Line(i, t) for i, t in enumerate(NEWER_RECORD_PAGE.splitlines(), 1)]
    assert detect_form(lines) == "wilson-record"
    root = convert(converter, tmp_path, NEWER_RECORD_PAGE)
    assert xpath(root, "string(//tei:correspAction[@type='sent']/tei:date/@when)") == "1950-10-05"
    assert xpath(root, "string(//tei:correspAction[@type='sent']/tei:persName/@ref)") == "persons.xml#stalin"
    assert xpath(root, "string(//tei:msIdentifier/tei:idno[@type='fond'])") == "45"
    assert "Weathersby" in xpath(root, "string(//tei:respStmt[@xml:id='translator'])")
    assert xpath(root, "string(//tei:msContents/tei:textLang/@mainLang)") == "ru"
    body = " ".join(xpath(root, "//tei:body//text()"))
    assert "Rights" not in body and "redacts" not in body, "the rights notice is no part of the text"
    assert xpath(root, "//tei:body//tei:list[@type='numbered']/tei:item[@n='2']")


def test_chinese_original_beside_the_translation(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, CHINESE_BESIDE_ENGLISH)
    divs = xpath(root, "//tei:body/tei:div")
    assert [(d.get("type"), d.get("{http://www.w3.org/XML/1998/namespace}lang")) for d in divs] == [("translation", "en"), ("transcription", "zh")]
    assert divs[0].get("corresp") == "#" + divs[1].get("{http://www.w3.org/XML/1998/namespace}id")
    assert "我们决定派军队入朝" in "".join(divs[1].itertext())


def test_cover_note_with_attached_draft(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, COVER_NOTE_WITH_DRAFT)
    parts = xpath(root, "//tei:body/tei:div/tei:div")
    assert [p.get("type") for p in parts] == ["main", "attachment"]
    assert xpath(parts[1], "string(tei:head)") == "Draft"
    assert xpath(parts[0], "tei:closer/tei:signed") and xpath(parts[1], "tei:closer/tei:signed")


def test_transmission_header(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, TRANSMISSION_HEADER)
    events = {a.get("subtype"): a.xpath("string(tei:date/@when)", namespaces=NS) for a in xpath(root, "//tei:correspAction[@type='transmitted']")}
    assert events["sent"].startswith("1950-10-12T06:10")
    assert events["received"].startswith("1950-10-12T08:40")
    assert events["deciphered"].startswith("1950-10-12T09:15")
    assert "600500/sh" in xpath(root, "//tei:teiHeader//tei:idno[@type='cable']/text()")
    assert xpath(root, "string(//tei:correspAction[@type='sent']/tei:persName/@ref)") == "persons.xml#shtykov"


def test_unknown_title_names_are_reported(converter: Converter, tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(
        'October 03, 1950 Letter, Ivanov to Petrov\n\nCitation:\n\n"Letter, Ivanov to Petrov", October 03, 1950, Wilson Center Digital Archive.\n\nContents:\n\nTranslation - English\n\nWe agree.\n',
        encoding="utf-8",
    )
    _converted, report = converter.convert_source(source)
    kinds = [w["kind"] for w in report.warnings]
    assert kinds.count("unknown name") == 2
    assert any(re.search("Ivanov", str(w["message"])) for w in report.warnings)


@pytest.fixture(scope="module")
def edition_schema() -> "xmlschema.XMLSchema":
    import xmlschema

    from tei_edition.validate.schema import DEFAULT_XSD

    return xmlschema.XMLSchema(str(DEFAULT_XSD))


@pytest.mark.parametrize("page", [NEWER_RECORD_PAGE, CHINESE_BESIDE_ENGLISH, COVER_NOTE_WITH_DRAFT, TRANSMISSION_HEADER],
                         ids=["newer-record", "chinese", "cover-note", "transmission"])
def test_pages_never_seen_give_valid_documents(converter: Converter, tmp_path: Path, page: str, edition_schema: object) -> None:
    """What a reader makes of an unseen page is valid against the edition's schema (fields of
    the page with no place of their own, like its rights notice, included)."""
    root = convert(converter, tmp_path, page)
    assert [error.reason for error in edition_schema.iter_errors(etree.ElementTree(root))] == []  # type: ignore[attr-defined]


def test_a_page_field_without_a_place_of_its_own_is_a_field_note(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, NEWER_RECORD_PAGE)
    (rights,) = xpath(root, "//tei:sourceDesc/tei:bibl[@type='publication']/tei:note[@type='field'][@subtype='rights']")
    assert "redacts and removes personal information" in "".join(rights.itertext())


SECOND_POSTSCRIPT = """\
Comrade STALIN

The fleet was seen near the coast this morning.

[signature] G O L O V K O

No. 244cc

13 October 1950

A second report will follow tomorrow.

[signature] F O K I N
"""

NAMES_NO_ONE = """\
We have received your report and agree with the proposals.

Please act on them without delay.
"""


def test_a_postscript_after_a_postscript_follows_it(converter: Converter, tmp_path: Path, edition_schema: object) -> None:
    root = convert(converter, tmp_path, SECOND_POSTSCRIPT)
    postscripts = xpath(root, "//tei:body/tei:div/tei:postscript")
    assert len(postscripts) == 2 and not xpath(root, "//tei:postscript//tei:postscript")
    assert "second report" in "".join(postscripts[1].itertext())
    assert [error.reason for error in edition_schema.iter_errors(etree.ElementTree(root))] == []  # type: ignore[attr-defined]


def test_a_text_that_names_no_one_says_so_in_valid_tei(converter: Converter, tmp_path: Path, edition_schema: object) -> None:
    """No empty correspAction (TEI wants content): what is unknown is stated, and the
    validator's rules, not the schema, ask the editor for sender, recipient and date."""
    root = convert(converter, tmp_path, NAMES_NO_ONE)
    assert not xpath(root, "//tei:correspAction[not(*)]")
    assert "names neither sender, recipient nor date" in xpath(root, "string(//tei:correspDesc/tei:p)")
    assert [error.reason for error in edition_schema.iter_errors(etree.ElementTree(root))] == []  # type: ignore[attr-defined]


def test_a_letter_without_title_or_address_is_addressed_to_whom_it_greets(converter: Converter, tmp_path: Path) -> None:
    root = convert(converter, tmp_path, COVER_NOTE_WITH_DRAFT)
    assert xpath(root, "string(//tei:correspAction[@type='received']/tei:persName/@ref)") == "persons.xml#stalin"


@pytest.mark.parametrize(
    "text",
    [
        "Comrade Stalin, the Chinese comrades have agreed to move troops across the river",  # letters enough at the start
        "ΟΔΥΣΣΕΥΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ",  # final sigmas: lower case depends on the next letter
        f"{'Α  ' * 23:<79}ΣΑ",  # the 24th letter a sigma, the letter that settles its case just after the start read first
        "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27 and on",
        "[Handwritten:] Comrade Stalin, the Chinese comrades have agreed",  # a bracket: read whole
        "Short line",
        "",
    ],
)
def test_opening_key_from_a_line_start_is_the_whole_lines_key(text: str) -> None:
    """The key read from a line's start alone (the fast way) is the key of the whole line."""
    from tei_edition.readers.versions import _opening_key

    whole = re.sub(r"[\W\d_]+", "", re.sub(r"\[[^\]]*\]", "", text)).lower()[:24]
    assert _opening_key(text) == whole
    assert _opening_key(text + " Σ and more words after it") == re.sub(r"[\W\d_]+", "", re.sub(r"\[[^\]]*\]", "", text + " Σ and more words after it")).lower()[:24]
