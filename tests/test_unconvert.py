"""The round trip: TEI written back as a source text converts to the same TEI.

On every document of the example edition, and on cables generated from every
convention of the table, nested and combined (hypothesis).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_edition.config import load_edition
from tei_edition.convert import Converter
from tei_edition.unconvert import SourceWriter

ROOT = Path(__file__).resolve().parents[1]
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def canonical_text(root: etree._Element) -> str:
    """The text part of a document, ids and pointers between versions aside."""
    markup = etree.tostring(root.find(".//tei:text", NS), encoding="unicode")
    markup = re.sub(r'(xml:id|corresp)="[^"]*"', "", markup)
    return re.sub(r">\s+<", "><", markup)


def round_trip(tmp_path: Path, root: etree._Element) -> tuple[etree._Element, str]:
    edition = load_edition(ROOT / "edition.toml")
    converter = Converter(edition)
    text = SourceWriter(converter.conventions, converter.registers).write(root)
    source = tmp_path / "written.txt"
    source.write_text(text, encoding="utf-8")
    again, _report = Converter(edition).convert_source(source)
    assert len(again) == 1
    return again[0].tree.getroot(), text


SOURCES = sorted((ROOT / "sources").glob("*.txt"))


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem[:24] for s in SOURCES])
def test_example_documents_round_trip(tmp_path: Path, source: Path) -> None:
    converted, _report = Converter(load_edition(ROOT / "edition.toml")).convert_source(source)
    for item in converted:
        root = item.tree.getroot()
        again, text = round_trip(tmp_path, root)
        assert canonical_text(again) == canonical_text(root), text
        for path in ("//tei:titleStmt/tei:title", "//tei:correspDesc[not(@type)]", "//tei:msIdentifier"):
            before = [etree.tostring(e) for e in root.xpath(path, namespaces=NS)]
            after = [etree.tostring(e) for e in again.xpath(path, namespaces=NS)]
            assert before == after, path


WORD = st.sampled_from(["we", "agree", "the", "plan", "of", "Korea", "troops", "Zhou Enlai", "Moscow", "will", "send", "divisions", "now"])
INLINE = st.sampled_from(
    [
        "[inserted by hand: like the Party]", "[crossed out: reject]", "[crossed out: old] [inserted by hand: new]",
        "[Ed. note: see the draft]", "[cable to Shtykov - AM]", "September [sic-October]", "enemmy [sic]",
        "Filippov [Stalin]", "Chemulp'o [Inchon]", "M[inistry of] F[oreign] A[ffairs]", "PLA [People's Liberation Army]",
        "[instantsiya]", "[the possibility]", "1 [First]", "[...]", "[illegible]", "[number is illegible]",
        "Kim II Sung", "andKorea", "N^{ϱ}", "[stamp: 3/X]", "5.7.50 [5 July 1950]", "USS \"Missouri\"",
        "[handwritten: a second copy [opis'] sent]",
    ]
)
PARAGRAPH = st.lists(st.one_of(WORD, INLINE), min_size=2, max_size=12).map(lambda parts: " ".join(parts).capitalize() + ".")
HEADER = st.lists(st.sampled_from(["Top Secret", "Priority", "Cable Nº 75511", "PEKING, TO THE SOVIET AMBASSADOR", "[handwritten: 20 September 1950]"]), unique=True, max_size=4)
CLOSING = st.sampled_from(["GROMYKO\n\n12 October 1950", "[signature] G O L O V K O", "Signed: Filippov Zhou Enlai\n\n11 October 1950", "A. G R O M Y K O"])
EXTRA = st.lists(st.sampled_from(["First. We agree.", "Second. We insist.", "a) one;", "b) two.", "1. Retreat;", "2. Hold.", "- 2 -", "[Translator's note: a draft follows]"]), max_size=4)


@st.composite
def cables(draw: st.DrawFn) -> str:
    blocks = draw(HEADER) + draw(st.lists(PARAGRAPH, min_size=1, max_size=4)) + draw(EXTRA) + [draw(CLOSING)]
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cables())
def test_generated_cables_round_trip(tmp_path: Path, text: str) -> None:
    source = tmp_path / "cable.txt"
    source.write_text(text, encoding="utf-8")
    converted, _report = Converter(load_edition(ROOT / "edition.toml")).convert_source(source)
    root = converted[0].tree.getroot()
    again, written = round_trip(tmp_path, root)
    assert canonical_text(again) == canonical_text(root), written


def test_unconvert_command(tmp_path: Path) -> None:
    document = next((ROOT / "xml").glob("d1950-10-13_*.xml"))
    out = tmp_path / "golovko.txt"
    result = subprocess.run([sys.executable, "-m", "tei_edition", "unconvert", str(document), "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "[signature] G O L O V K O" in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tei_edition", "unconvert", str(bad)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1 and f"{bad}:1:" in result.stderr
