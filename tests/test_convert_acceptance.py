"""The acceptance facts (tests/seeds.json): what a careful editor reads off each source, found in the TEI.

The converter runs on the real sources; every fact of seeds.json is checked
against the TEI it writes, names through the registers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.config import load_edition
from tei_edition.convert import convert_paths
from tei_edition.registers import Registers

ROOT = Path(__file__).resolve().parents[1]
SEEDS = json.loads((ROOT / "tests" / "seeds.json").read_text(encoding="utf-8"))
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Original seed file name -> the file in sources/ (sources/README.md keeps the same table).
SOURCE_FILES = {
    "000_2f4048494331745e.txt": "1950-09-20_gromyko-to-soviet-ambassador-peking.txt",
    "001_31ccffa31bc7e424.txt": "1950-10-12_8th-directorate-to-shtykov-vasilyev.txt",
    "002_ef7732869ee49388.txt": "1950-10-11_filippov-zhou-to-soviet-ambassador-peking.txt",
    "003_bae709cea1c958ec.txt": "1950-07-05_to_1950-10-13_cwihp-mansourov-documents-7-17.txt",
    "004_8fdb34be53a588fd.txt": "1950-10-01_filippov-to-mao-zhou-via-roshchin.txt",
}

#: Phenomena that belong to the witnesses-and-collation issue (embedded documents, variants between witnesses).
COLLATION_PHENOMENA = {"embedded message", "quoted letter inside the letter", "differences between the two Russian transcriptions"}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[etree._ElementTree]]:
    out = tmp_path_factory.mktemp("xml")
    edition = load_edition(ROOT / "edition.toml")
    results: dict[str, list[etree._ElementTree]] = {}
    for seed, name in SOURCE_FILES.items():
        reports = convert_paths([ROOT / "sources" / name], out, edition)
        assert not reports[0].errors, reports[0].errors
        results[seed] = [etree.parse(str(out / doc["file"])) for doc in reports[0].documents]
    return results


@pytest.fixture(scope="module")
def registers() -> Registers:
    return Registers.load(ROOT / "xml")


def _cases() -> list[tuple[str, int, dict]]:
    cases = []
    for seed, source in SEEDS["sources"].items():
        for index, doc in enumerate(source["documents"]):
            cases.append((seed, index, doc))
    return cases


def _document(converted: dict, seed: str, doc: dict) -> etree._ElementTree:
    documents = converted[seed]
    if "n" not in doc:
        assert len(documents) == 1
        return documents[0]
    found = [d for d in documents if d.xpath("string(//tei:sourceDesc/tei:bibl/tei:biblScope/@n)", namespaces=NS) == str(doc["n"])]
    assert len(found) == 1, f"document {doc['n']} not found once"
    return found[0]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _refs(tree: etree._ElementTree, xpath: str) -> set[str]:
    return set(tree.xpath(xpath, namespaces=NS))


def _ref_of(registers: Registers, name: str) -> str:
    entry = registers.lookup(name)
    assert entry is not None, f"{name!r} is in no register"
    return entry.ref


IDS = [f"{seed[:3]}-{doc.get('n', index)}" for seed, index, doc in _cases()]


@pytest.mark.parametrize(("seed", "index", "doc"), _cases(), ids=IDS)
def test_metadata(converted: dict, registers: Registers, seed: str, index: int, doc: dict) -> None:
    tree = _document(converted, seed, doc)
    header = tree.find("tei:teiHeader", NS)
    assert tree.xpath("string(//tei:correspAction[@type='sent']/tei:date/@when)", namespaces=NS) == doc["date"]
    senders = _refs(tree, "//tei:correspAction[@type='sent']/*/@ref")
    for sender in doc["sender"]:
        assert _ref_of(registers, sender) in senders, sender
    addressed = _refs(tree, "//tei:correspAction[@type='received' or @type='transmitted'][not(@subtype)]/*/@ref")
    for recipient in doc["recipient"]:
        assert _ref_of(registers, recipient) in addressed, recipient
    if "title" in doc:
        assert _words(_text(header.find(".//tei:titleStmt/tei:title", NS))) == _words(doc["title"])
    if "translator" in doc:
        translators = _text(header.xpath(".//tei:respStmt[@xml:id='translator']", namespaces=NS)[0])
        for name in re.split(r"\s+and\s+", doc["translator"]):
            assert name in translators
    if "source_url" in doc:
        assert doc["source_url"] in _refs(tree, "//tei:sourceDesc/tei:bibl/tei:ref/@target")
    if "original_language" in doc:
        assert tree.xpath("string(//tei:msContents/tei:textLang)", namespaces=NS) == doc["original_language"]
    if "classification" in doc:
        assert doc["classification"] in tree.xpath("//tei:term[@type='classification']/text()", namespaces=NS)
    cable_numbers = set(tree.xpath("//tei:teiHeader//tei:idno[@type='cable']/text()", namespaces=NS))
    for number in doc.get("cable_numbers", []):
        assert number in cable_numbers
    body = tree.find(".//tei:body", NS)
    languages = {div.get(XML_LANG) for div in body.findall("tei:div", NS)}
    assert doc.get("language", "en") in languages
    if "signed_as" in doc:
        person = _ref_of(registers, doc.get("signed_as_person", doc["sender"][0]))
        forms = [_text(n).replace(" ", "").upper() for n in tree.xpath(f"//tei:titleStmt/tei:title//tei:persName[@ref='{person}'] | //tei:signed//tei:persName[@ref='{person}']", namespaces=NS)]
        assert any(doc["signed_as"].replace(" ", "").upper() in form for form in forms), f"{doc['signed_as']} is not marked as {person}"
    if "recipient_as" in doc:
        assert doc["recipient_as"].upper() in _text(tree.getroot()).upper()


def _archive_parts(text: str) -> dict[str, str]:
    match = re.match(
        r"(?P<archive>[A-Z][A-Z ]*?),\s*f\.\s*(?P<fond>\d+),\s*op\.\s*(?P<opis>\d+),\s*d\.\s*(?P<delo>\d+),\s*(?:ll?|pp)\.\s*(?P<first>\d+)",
        text,
    )
    assert match, text
    return match.groupdict()


@pytest.mark.parametrize(("seed", "index", "doc"), _cases(), ids=IDS)
def test_archival_references(converted: dict, registers: Registers, seed: str, index: int, doc: dict) -> None:
    tree = _document(converted, seed, doc)
    ms_descs = tree.findall(".//tei:sourceDesc/tei:msDesc", NS)
    for reference in doc.get("archive", []):
        parts = _archive_parts(reference)
        archive = _ref_of(registers, parts["archive"])
        matching = [
            ms
            for ms in ms_descs
            if ms.xpath("string(tei:msIdentifier/tei:repository/@ref)", namespaces=NS) == archive
            and all(ms.xpath(f"string(tei:msIdentifier/tei:idno[@type='{p}'])", namespaces=NS) == parts[p] for p in ("fond", "opis", "delo"))
        ]
        assert matching, f"no msDesc for {reference}"
        first_leaf = matching[0].xpath("string(.//tei:locus[1]/@from)", namespaces=NS)
        assert first_leaf.lstrip("0") == parts["first"].lstrip("0")


def _has(tree: etree._ElementTree, xpath: str, text: str | None = None) -> bool:
    found = tree.xpath(xpath, namespaces=NS)
    if text is None:
        return bool(found)
    return any(text in _text(e) for e in found)


def _phenomenon(tree: etree._ElementTree, kind: str, value: object) -> bool:
    """Whether the TEI marks up one phenomenon as the encoding conventions say."""
    text = value if isinstance(value, str) else None
    inner = re.sub(r"^\[|\]$", "", text or "")
    label_free = inner.split(":", 1)[1].strip() if ":" in inner else inner
    checks = {
        "handwritten annotation": lambda: _has(tree, "//tei:add[@hand]", label_free),
        "handwritten insertion": lambda: _has(tree, "//tei:add[@hand][@place='inline']", label_free),
        "transliterated Russian term": lambda: _has(tree, "//tei:foreign[@xml:lang='ru-Latn']", inner),
        "transliterated Russian terms": lambda: all(_has(tree, "//tei:foreign[@xml:lang='ru-Latn']", v.strip("[]")) for v in value),
        "translator's note": lambda: _has(tree, "//tei:note[@type='translator'][@resp]", label_free),
        "words run together in the source": lambda: all(_has(tree, "//tei:choice/tei:orig", v) for v in value),
        "numbered sections": lambda: all(_has(tree, "//tei:p[@n]/tei:label", v) for v in value),
        "lettered list": lambda: [i.get("n") + ")" for i in tree.xpath("//tei:list[@type='lettered']/tei:item", namespaces=NS)] == value,
        "signature": lambda: _has(tree, "//tei:signed", text),
        "OCR debris to normalise": lambda: all(_has(tree, "//tei:choice/tei:orig", v) for v in value),
        "OCR misreading of a name": lambda: _has(tree, "//tei:persName/tei:choice/tei:orig", text),
        "numbered list": lambda: len(tree.xpath("//tei:list[@type='numbered']/tei:item", namespaces=NS)) == 7,
        "distribution of copies": lambda: len(tree.xpath("//tei:list[@type='copies']/tei:item", namespaces=NS)) == len(value),
        "cable number differs between title (4785) and text (4784)": lambda: _has(tree, "//tei:body//tei:idno[@type='cable']", "4784") and _has(tree, "//tei:titleStmt/tei:title", "4785"),
        "priority marking": lambda: _has(tree, "//tei:ab[@type='priority']", text),
        "identification of a pseudonym": lambda: _has(tree, "//tei:persName[tei:supplied[@reason='identification']]", inner.split("[")[0].strip()),
        "typo in the source": lambda: _has(tree, "//tei:choice/tei:orig", text) or _has(tree, "//tei:choice/tei:sic", text),
        "omission by the publisher": lambda: _has(tree, "//tei:gap[@reason='omitted']"),
        "two numbered lists": lambda: len(tree.xpath("//tei:list[@type='numbered']", namespaces=NS)) == 2,
        "date normalised by the editor": lambda: _has(tree, "//tei:date[@when][tei:supplied[@reason='normalisation']]", inner.split("[")[0].strip()),
        "supplied words": lambda: _has(tree, "//tei:supplied[@reason='omitted']", re.search(r"\[(.+?)\]", text).group(1)),
        "typist and time": lambda: _has(tree, "//tei:ab[@type='transmission'][@subtype='typed']", "Stepanova")
        and tree.xpath("string(//tei:correspAction[@subtype='typed']/tei:date/@when)", namespaces=NS).startswith("1950-07-06T00:55"),
        "distribution": lambda: _has(tree, "//tei:list[@type='distribution']", "Stalin"),
        "Politburo protocol extract": lambda: _has(tree, "//tei:idno[@type='protocol']", text),
        "reference to telegram": lambda: _has(tree, "//tei:ab[@type='reference']//tei:idno", text.strip("# ")),
        "expansions of abbreviations": lambda: len(tree.xpath("//tei:expan[tei:ex]", namespaces=NS)) >= 3,
        "editor's insertion with initials": lambda: _has(tree, "//tei:note[@type='editorial'][@resp='persons.xml#mansourov']", inner.rsplit(" - ", 1)[0]),
        "letter-spaced signature": lambda: _has(tree, "//tei:signed//tei:hi[@rend='letterspaced']", "GROMYKO"),
        "attached draft cable": lambda: _has(tree, "//tei:div[@type='attachment']", "Shtykov") or _has(tree, "//tei:div[@type='attachment']"),
        "place glossed by the editor": lambda: _has(tree, "//tei:placeName[tei:supplied[@reason='identification']]", inner.split("[")[0].strip()),
        "acronym expanded": lambda: _has(tree, "//tei:choice[tei:abbr]/tei:expan", "Central Committee of the Communist Party of China"),
        "decipherer and typist with times": lambda: _has(tree, "//tei:correspAction[@subtype='deciphered']", "Araushkin")
        and tree.xpath("string(//tei:correspAction[@subtype='deciphered']/tei:date/@when)", namespaces=NS).startswith("1950-10-03T12:50"),
        "sic with correction": lambda: _has(tree, "//tei:choice[tei:sic='September']/tei:corr", "October"),
        "source line without the word Source": lambda: _has(tree, "//tei:msDesc//tei:idno[@type='reference']", inner),
        "editorial heading": lambda: _has(tree, "//tei:div[@type='attachment']/tei:head/tei:supplied", inner),
        "distribution list": lambda: len(tree.xpath("//tei:list[@type='distribution']/tei:item", namespaces=NS)) == len(text.split(",")),
        "transmission times in MM/DD/YY": lambda: all(
            tree.xpath(f"string(//tei:correspAction[@subtype='{event}']/tei:date/@when)", namespaces=NS).startswith(when) for event, when in value.items()
        ),
        "typist": lambda: _has(tree, "//tei:correspAction[@subtype='typed']", text),
        "signature marks": lambda: _has(tree, "//tei:signed[tei:gap[@reason='signature']]", "GOLOVKO"),
        "ship names": lambda: _has(tree, "//tei:name[@type='ship']", "Missouri"),
        "letter-spaced signature with identification": lambda: _has(tree, "//tei:signed//tei:persName[tei:hi[@rend='letterspaced']][tei:supplied[@reason='identification']]", "FILIPPOV"),
        "supplied place in Russian": lambda: _has(tree, "//tei:div[@xml:lang='ru']//tei:supplied", inner),
        "page break": lambda: _has(tree, "//tei:pb[@n='2']"),
    }
    assert kind in checks, f"no check for the phenomenon {kind!r}"
    return checks[kind]()


def _phenomenon_cases() -> list[tuple[str, int, str, object]]:
    cases = []
    for seed, index, doc in _cases():
        for kind, value in doc.get("phenomena", {}).items():
            cases.append((seed, index, kind, value))
    return cases


@pytest.mark.parametrize(("seed", "index", "kind", "value"), _phenomenon_cases(), ids=[f"{c[0][:3]}-{c[1]}-{c[2]}" for c in _phenomenon_cases()])
def test_phenomena(converted: dict, seed: str, index: int, kind: str, value: object) -> None:
    doc = SEEDS["sources"][seed]["documents"][index]
    tree = _document(converted, seed, doc)
    if kind in COLLATION_PHENOMENA:
        words = value if isinstance(value, list) else [value]
        for pair in words:
            for reading in re.split(r"\s*/\s*|,\s*", pair):
                assert reading.split()[0] in _text(tree.getroot()), reading
        return
    assert _phenomenon(tree, kind, value), f"{kind}: {value}"


def test_chrome_reported_as_dropped(tmp_path: Path) -> None:
    edition = load_edition(ROOT / "edition.toml")
    reports = convert_paths([ROOT / "sources" / SOURCE_FILES["003_bae709cea1c958ec.txt"]], tmp_path, edition)
    dropped = [" ".join(d["text"].split()) for d in reports[0].dropped]
    for chrome in SEEDS["sources"]["003_bae709cea1c958ec.txt"]["page_chrome_not_part_of_any_document"]:
        assert " ".join(chrome.split()) in dropped
    assert len(reports[0].documents) == 11


def test_copy_of_sources_is_byte_identical() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is absent: the byte-identity of sources/ cannot be checked here")
    for seed, name in SOURCE_FILES.items():
        assert (shared / seed).read_bytes() == (ROOT / "sources" / name).read_bytes()
