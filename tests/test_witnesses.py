"""Witnesses and collation: the 1 October telegram once, with four witnesses and an apparatus."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_edition.collate import Witness, collate, witness_text
from tei_edition.config import load_edition
from tei_edition.convert import convert_paths
from tei_edition.tei import el

ROOT = Path(__file__).resolve().parents[1]
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def edition_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    out = tmp_path_factory.mktemp("xml")
    reports = convert_paths([ROOT / "sources"], out, load_edition(ROOT / "edition.toml"))
    return out, reports


@pytest.fixture(scope="module")
def telegram(edition_dir: tuple[Path, list]) -> etree._Element:
    return etree.parse(str(edition_dir[0] / "d1950-10-01_stalin_mao-zedong.xml")).getroot()


def no_space(text: str) -> str:
    return "".join(text.split())


def test_one_document_with_four_witnesses(edition_dir: tuple[Path, list], telegram: etree._Element) -> None:
    out, reports = edition_dir
    assert len([p for p in out.glob("d1950-10-01_*.xml")]) == 1
    witnesses = telegram.xpath("//tei:listWit/tei:witness", namespaces=NS)
    assert len(witnesses) == 4
    labels = [" ".join("".join(w.itertext()).split()) for w in witnesses]
    assert sum(label.startswith("English translation") for label in labels) == 2
    assert sum(label.startswith("Russian transcription") for label in labels) == 2
    assert any("Mansourov" in label for label in labels) and any("digitalarchive.wilsoncenter.org" in label for label in labels)
    merged = [d for r in reports for d in r.documents if d.get("merged_into")]
    assert [d["merged_into"] for d in merged] == ["d1950-10-01_stalin_mao-zedong"]


def test_russian_apparatus(telegram: etree._Element) -> None:
    russian = telegram.xpath("//tei:body/tei:div[@xml:lang='ru']", namespaces=NS)
    assert len(russian) == 1, "the two Russian transcriptions are collated into one text"
    pairs = {(no_space(app.xpath("string(tei:lem)", namespaces=NS)), no_space(app.xpath("string(tei:rdg)", namespaces=NS))) for app in russian[0].iter("{*}app")}
    assert ("оторвался", "оторван") in pairs
    assert ("войсковые", "воинственные") in pairs
    for app in russian[0].iter("{*}app"):
        readings = [no_space("".join(r.itertext())) for r in app]
        assert len(set(readings)) > 1, f"a variant of spacing alone: {etree.tostring(app, encoding='unicode')[:200]}"
    assert russian[0].xpath("tei:pb[@n='2']/@ed", namespaces=NS), "the page break of one transcription is kept as that witness's"


def test_minor_variants_are_classed(telegram: etree._Element) -> None:
    english = telegram.xpath("//tei:body/tei:div[@xml:lang='en']", namespaces=NS)[0]
    kinds = {no_space(app.xpath("string(tei:lem)", namespaces=NS)): app.get("type") for app in english.iter("{*}app")}
    assert kinds["frontline"] == "word-division"
    assert kinds["JemulpoIncheon"] == "substantive"
    assert "punctuation" in {app.get("type") for app in telegram.iter("{*}app")}


def test_each_witness_reads_back_word_for_word(telegram: etree._Element, tmp_path: Path) -> None:
    """Each witness's text, read from the apparatus, is its text as converted alone."""
    separately = tmp_path / "alone"
    edition = load_edition(ROOT / "edition.toml")
    convert_paths([ROOT / "sources" / "1950-10-01_filippov-to-mao-zhou-via-roshchin.txt"], separately, edition)
    alone = etree.parse(str(next(separately.glob("d1950-10-01_*.xml")))).getroot()
    divs = alone.xpath("//tei:body/tei:div", namespaces=NS)
    for siglum, div in zip("ABC", divs):
        text = telegram.xpath(f"//tei:body/tei:div[contains(@source, '#wit-{siglum}')]", namespaces=NS)[0]
        assert no_space(witness_text(text, f"wit-{siglum}")) == no_space("".join(div.itertext())), siglum


WORDS = st.sampled_from(["Moscow", "warned", "our", "Korean", "friends", "that", "the", "landing", "had", "great", "significance", ",", ".", "front", "line"])


@st.composite
def variants(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    base = draw(st.lists(WORDS, min_size=1, max_size=25))
    others = []
    for _ in range(draw(st.integers(1, 3))):
        words = list(base)
        for _edit in range(draw(st.integers(0, 5))):
            kind = draw(st.sampled_from(["replace", "insert", "delete", "case"]))
            position = draw(st.integers(0, max(len(words) - 1, 0)))
            if kind == "replace" and words:
                words[position] = draw(WORDS)
            elif kind == "insert":
                words.insert(position, draw(WORDS))
            elif kind == "delete" and len(words) > 1:
                del words[position]
            elif kind == "case" and words:
                words[position] = words[position].upper()
        others.append(words)
    return base, others


def _div(words: list[str]) -> etree._Element:
    return el("div", {"type": "translation", "xml:lang": "en"}, el("p", None, " ".join(words)))


@settings(max_examples=150, deadline=None)
@given(variants())
def test_reconstruction_property(case: tuple[list[str], list[list[str]]]) -> None:
    base, others = case
    witnesses = [Witness(f"w{i}", _div(words)) for i, words in enumerate(others, 1)]
    collated = collate(Witness("w0", _div(base)), witnesses)
    for witness, words in [(Witness("w0", None), base), *zip(witnesses, others)]:  # type: ignore[arg-type]
        assert " ".join(witness_text(collated, witness.wit).split()) == " ".join(words), "words and the spaces between them"
    for app in collated.iter("{*}app"):
        assert app.get("type") in {"substantive", "punctuation", "case", "word-division"}


def test_an_addition_keeps_the_space_before_it(telegram: etree._Element) -> None:
    """Witness D adds "at 3:00 a.m." after a date that ends the base's line: the words stay apart."""
    english = telegram.xpath("//tei:body/tei:div[contains(@source, '#wit-D')]", namespaces=NS)[0]
    assert "1950 at 3:00 a.m." in " ".join(witness_text(english, "wit-D").split())


def test_collate_command_recollates_with_another_base(tmp_path: Path, telegram: etree._Element) -> None:
    document = tmp_path / "telegram.xml"
    document.write_bytes(etree.tostring(telegram, xml_declaration=True, encoding="UTF-8"))
    result = subprocess.run([sys.executable, "-m", "tei_edition", "collate", str(document), "--base", "C"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    recollated = etree.parse(str(document)).getroot()
    russian = recollated.xpath("//tei:body/tei:div[@xml:lang='ru']", namespaces=NS)[0]
    assert russian.get("source").split()[0] == "#wit-C"
    lemmas = {no_space(app.xpath("string(tei:lem)", namespaces=NS)) for app in russian.iter("{*}app")}
    assert "оторван" in lemmas
    for siglum in "BC":
        original = telegram.xpath(f"//tei:body/tei:div[contains(@source, '#wit-{siglum}')]", namespaces=NS)[0]
        assert no_space(witness_text(russian, f"wit-{siglum}")) == no_space(witness_text(original, f"wit-{siglum}"))


def test_collate_command_refuses_unknown_witness(tmp_path: Path, telegram: etree._Element) -> None:
    document = tmp_path / "telegram.xml"
    document.write_bytes(etree.tostring(telegram, xml_declaration=True, encoding="UTF-8"))
    result = subprocess.run([sys.executable, "-m", "tei_edition", "collate", str(document), "--base", "Z"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert re.search(r"witness.*Z", result.stderr)


def test_embedded_texts_have_their_own_sender_and_date(edition_dir: tuple[Path, list]) -> None:
    out, _reports = edition_dir
    carrier = etree.parse(str(out / "d1950-10-03_roshchin_stalin.xml")).getroot()
    (embedded,) = carrier.xpath("//tei:body//tei:floatingText[@type='embedded']", namespaces=NS)
    assert "I received your telegram" in "".join(embedded.itertext())
    (desc,) = carrier.xpath("//tei:correspDesc[@type='embedded']", namespaces=NS)
    assert desc.get("corresp") == "#" + embedded.get("{http://www.w3.org/XML/1998/namespace}id")
    assert desc.xpath("string(tei:correspAction[@type='sent']/tei:persName/@ref)", namespaces=NS) == "persons.xml#mao-zedong"
    assert desc.xpath("string(tei:correspAction[@type='sent']/tei:date/@when)", namespaces=NS) == "1950-10-02"
    assert desc.xpath("string(tei:correspAction[@type='received']/tei:persName/@ref)", namespaces=NS) == "persons.xml#stalin"
    letter = etree.parse(str(out / "d1950-10-07_stalin_kim-il-sung.xml")).getroot()
    quoted = letter.xpath("//tei:floatingText[@type='embedded']", namespaces=NS)
    assert quoted and "I considered it possible" in "".join(quoted[0].itertext())
