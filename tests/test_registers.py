"""Tests of the registers (xml/persons.xml, places.xml, organisations.xml) and of tei_edition.registers.

The data tests read the real register files; the matcher tests use sentences
copied from the real sources (each is checked to occur there); the loader's
error cases use small registers written to a temporary folder.
"""

from __future__ import annotations

import doctest
import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_edition import registers as registers_module
from tei_edition.errors import XmlInputError
from tei_edition.registers import REGISTERS, Registers, RegisterError
from tei_edition.xmlio import NSMAP, TEI_NS, XML_NS, parse_xml

ROOT = Path(__file__).resolve().parents[1]
XML_DIR = ROOT / "xml"
SOURCES = ROOT / "sources"
SEEDS = ROOT / "tests" / "seeds.json"
EDITION_XSD = ROOT / "schema" / "tei_edition.xsd"
DOCUMENTS = sorted(path for path in XML_DIR.glob("*.xml") if path.stem not in REGISTERS)
TEI_ALL = Path(__file__).resolve().parents[2] / "shared" / "tei" / "tei_all.rng"
REGISTER_FILES = [XML_DIR / f"{stem}.xml" for stem in REGISTERS]
TITLES = {"persons": "Register of persons", "places": "Register of places", "organisations": "Register of organisations"}
ENTRY_XPATH = "//tei:listPerson/tei:person | //tei:listPlace/tei:place | //tei:listOrg/tei:org"


#: The real registers, loaded once for the whole module (hypothesis tests cannot take fixtures).
_LOADED = Registers.load(XML_DIR)


@pytest.fixture
def registers() -> Registers:
    return _LOADED


def source_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(SOURCES.glob("*.txt")))


def from_sources(sentence: str) -> str:
    """The sentence, after checking it is really in a source text (so the test uses real input)."""
    assert sentence in source_text(), f"not in sources/: {sentence!r}"
    return sentence


def write_register(directory: Path, stem: str, entries: str) -> None:
    list_name, _ = REGISTERS[stem]
    (directory / f"{stem}.xml").write_text(
        f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><{list_name}>{entries}</{list_name}></body></text></TEI>',
        encoding="utf-8",
    )


# the register files


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda path: path.name)
def test_register_is_valid_against_tei_all(path: Path) -> None:
    if not TEI_ALL.is_file():
        pytest.skip(f"{TEI_ALL} is absent, so the TEI schema cannot be checked")
    result = subprocess.run(["jing", str(TEI_ALL), str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda path: path.name)
def test_register_is_valid_against_the_edition_schema(path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(EDITION_XSD)))
    assert schema.validate(parse_xml(path)), [f"{e.line}: {e.message}" for e in schema.error_log]


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda path: path.name)
def test_register_header_names_title_and_licence(path: Path) -> None:
    tree = parse_xml(path)
    assert tree.findtext(".//tei:titleStmt/tei:title", namespaces=NSMAP) == TITLES[path.stem]
    licence = tree.find(".//tei:availability/tei:licence", namespaces=NSMAP)
    assert licence is not None and licence.text == "CC BY 4.0"
    assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"


def test_ids_are_unique_across_the_three_registers() -> None:
    ids = [entry.get(f"{{{XML_NS}}}id") for path in REGISTER_FILES for entry in parse_xml(path).xpath(ENTRY_XPATH, namespaces=NSMAP)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda path: path.name)
def test_ids_are_lowercase_slugs_in_alphabetical_order(path: Path) -> None:
    ids = [entry.get(f"{{{XML_NS}}}id") for entry in parse_xml(path).xpath(ENTRY_XPATH, namespaces=NSMAP)]
    assert ids, f"{path.name} has no entries"
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", i) for i in ids), ids
    assert ids == sorted(ids)


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda path: path.name)
def test_every_entry_has_exactly_one_preferred_name(path: Path) -> None:
    for entry in parse_xml(path).xpath(ENTRY_XPATH, namespaces=NSMAP):
        preferred = entry.xpath("tei:*[@type='preferred']", namespaces=NSMAP)
        assert len(preferred) == 1, entry.get(f"{{{XML_NS}}}id")


def test_the_archives_cited_by_the_sources_are_marked_as_archives() -> None:
    archives = parse_xml(XML_DIR / "organisations.xml").xpath("//tei:org[@type='archive']/@xml:id", namespaces=NSMAP)
    assert {"aprf", "avprf", "rgaspi"} <= set(archives)


def test_every_form_is_found_whole_in_running_text(registers: Registers) -> None:
    """No form is cut short by a word boundary or swallowed by another entry's form."""
    for entry in registers.entries():
        for form in registers.forms(entry.ref):
            matches = registers.find_names(f"({form})")
            assert [(m.form, m.entry) for m in matches] == [(form, entry)], form


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_every_pointer_of_the_edition_into_a_register_resolves(registers: Registers, path: Path) -> None:
    known = {entry.ref for entry in registers.entries()}
    pointers = parse_xml(path).xpath("//@ref[contains(., '.xml#')] | //@resp[contains(., '.xml#')]")
    targets = {target for pointer in pointers for target in str(pointer).split()}
    register_files = tuple(f"{stem}.xml#" for stem in REGISTERS)
    missing = {t for t in targets if t.startswith(register_files)} - known
    assert not missing, f"{path.name} points at entries the registers lack: {sorted(missing)}"


# lookup


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        ("Filippov", "persons.xml#stalin"),
        ("Fyn Si", "persons.xml#stalin"),
        ("Chan Fu", "persons.xml#stalin"),
        ("STALIN I.V.", "persons.xml#stalin"),
        ("ФИЛИППОВ", "persons.xml#stalin"),
        ("ФИЛИППОВ.", "persons.xml#stalin"),
        ("F I L I P P O V", "persons.xml#stalin"),
        ("Comrade STALIN I.V.:", "persons.xml#stalin"),
        ("MATVEYEV", "persons.xml#zakharov"),
        ("Chemulp'o", "places.xml#incheon"),
        ("Jemulpo", "places.xml#incheon"),
        ("Inchon", "places.xml#incheon"),
        ("Чемульпо", "places.xml#incheon"),
        ("G O L O V K O", "persons.xml#golovko"),
        ("A. G R O M Y K O", "persons.xml#gromyko"),
        ("A. G r o m y k o", "persons.xml#gromyko"),
        ("(A. Vasilevsky)", "persons.xml#vasilevsky"),
        ("Cde. Vasilevsky", "persons.xml#vasilevsky"),
        ("Cmrds. Malenkov", "persons.xml#malenkov"),
        ("Com. Shtykov", "persons.xml#shtykov"),
        ("Comr.  Shtykov", "persons.xml#shtykov"),
        ("Vasil’yev", "persons.xml#vasilyev"),
        ("т.Булганину", "persons.xml#bulganin"),
        ("Comrade Kim Il Sung!", "persons.xml#kim-il-sung"),
        ("kim il sung", "persons.xml#kim-il-sung"),
        ("AM", "persons.xml#mansourov"),
        ("ПЕКИН", "places.xml#beijing"),
        ("ПЕКИН СОВПОСОЛ", "organisations.xml#soviet-ambassador-peking"),
        ("PYONGYANG, TO THE SOVIET AMBASSADOR", "organisations.xml#soviet-ambassador-pyongyang"),
        ("AP RF", "organisations.xml#aprf"),
        ("VKP(b)", "organisations.xml#vkpb"),
        ("VPK(b)", "organisations.xml#vkpb"),
        ("8D/GS", "organisations.xml#eighth-directorate"),
    ],
)
def test_lookup_finds_the_entry(registers: Registers, name: str, ref: str) -> None:
    entry = registers.lookup(name)
    assert entry is not None and entry.ref == ref


# An office without its place ("the Soviet Ambassador": in Peking or in Pyongyang?) is no entry.
@pytest.mark.parametrize("name", ["Koreans", "Comrade", "Kim Il", "Stalins", "", "Soviet", "Soviet Ambassador", "СОВПОСОЛ"])
def test_lookup_refuses_what_is_not_a_whole_name(registers: Registers, name: str) -> None:
    assert registers.lookup(name) is None


def _seed_names() -> list[str]:
    fields = ("sender", "recipient", "signed_as", "recipient_as", "signed_as_person")
    names: list[str] = []
    for source in json.loads(SEEDS.read_text(encoding="utf-8"))["sources"].values():
        for document in source["documents"]:
            for field in fields:
                value = document.get(field, [])
                names.extend([value] if isinstance(value, str) else value)
    return sorted(set(names))


@pytest.mark.parametrize("name", _seed_names())
def test_every_sender_recipient_and_signature_of_the_seeds_is_registered(registers: Registers, name: str) -> None:
    assert registers.lookup(name) is not None


def test_seed_signatures_resolve_to_the_person_behind_them(registers: Registers) -> None:
    for source in json.loads(SEEDS.read_text(encoding="utf-8"))["sources"].values():
        for document in source["documents"]:
            if "signed_as" in document:
                person = document.get("signed_as_person", document["sender"][0])
                assert registers.lookup(document["signed_as"]) == registers.lookup(person), document["signed_as"]


# find_names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "the landing of the U.S. troops at Chemulp'o [Inchon]",
            [("U.S.", "usa", "abbreviation"), ("Chemulp'o", "incheon", "variant"), ("Inchon", "incheon", "variant")],
        ),
        ("Read the following to Kim II Sung:", [("Kim II Sung", "kim-il-sung", "misreading")]),
        ("we senior VPK(b) officials", [("VPK(b)", "vkpb", "misreading")]),
        (
            "Extract Minutes from Protocol #78 of the Meeting of the Politburo of the CC VKP(b)",
            [("Politburo of the CC VKP(b)", "politburo-vkpb", "preferred")],
        ),
        (
            "Filippov (Stalin) to Soviet Ambassador in Beijing (N.V. Roshchin) with message for Zhou Enlai",
            [
                ("Filippov", "stalin", "pseudonym"),
                ("Stalin", "stalin", "variant"),
                ("Soviet Ambassador in Beijing", "soviet-ambassador-peking", "variant"),
                ("N.V. Roshchin", "roshchin", "variant"),
                ("Zhou Enlai", "zhou-enlai", "preferred"),
            ],
        ),
        (
            "Для немедленной передачи МАО ЦЗЕ-ДУНУ или ЧЖОУ ЭНЬ-ЛАЮ.",
            [("МАО ЦЗЕ-ДУНУ", "mao-zedong", "variant"), ("ЧЖОУ ЭНЬ-ЛАЮ", "zhou-enlai", "variant")],
        ),
        ("Передано т.Булганину [из Сочи]", [("Булганину", "bulganin", "variant"), ("Сочи", "sochi", "variant")]),
        (
            "высадка американцев в Чемульпо имеет большое значение",
            [("Чемульпо", "incheon", "variant")],
        ),
        (
            "the Korean People’s Army [inserted by hand: like the Communist Party] is too young",
            [("Korean People’s Army", "kpa", "preferred")],
        ),
        ("I support KIM IL SUNG'S request.", [("KIM IL SUNG", "kim-il-sung", "preferred")]),
        ("[signature] G O L O V K O", [("G O L O V K O", "golovko", "variant")]),
        ("A. G R O M Y K O", [("A. G R O M Y K O", "gromyko", "variant")]),
        ("Arrived at the 8D/GS on 10/09/50 at 9:45 a.m.", [("8D/GS", "eighth-directorate", "abbreviation")]),
        ("Ciphered Telegram, Filippov (Stalin) to Mao Zedong and\nZhou Enlai (via Roshchin)",
         [("Filippov", "stalin", "pseudonym"), ("Stalin", "stalin", "variant"), ("Mao Zedong", "mao-zedong", "preferred"),
          ("Zhou Enlai", "zhou-enlai", "preferred"), ("Roshchin", "roshchin", "variant")]),
    ],
)
def test_find_names_in_source_sentences(registers: Registers, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    matches = registers.find_names(from_sources(sentence))
    assert [(m.form, m.entry.id, m.kind) for m in matches] == expected
    assert all(sentence[m.start : m.end] == m.form for m in matches)


def test_a_misreading_is_regularised_to_the_closest_correct_form(registers: Registers) -> None:
    (match,) = registers.find_names(from_sources("as Kim II Sung sees fit"))
    assert (match.kind, match.regular) == ("misreading", "Kim Il Sung")
    (upper,) = registers.find_names("KIM II SUNG")
    assert upper.regular == "KIM IL SUNG"
    (party,) = registers.find_names(from_sources("VPK(b)"))
    assert party.regular == "VKP(b)"


def test_other_forms_keep_the_text_as_found(registers: Registers) -> None:
    (match,) = registers.find_names(from_sources("the file of the 8th Directorate"))
    assert match.regular == match.form == "8th Directorate"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Send the mobilized Koreans to form new reserve divisions", []),
        ("the Chinese troops destined for Korea are not ready", ["Korea"]),
        ("the Korean comrades themselves analyze the situation", []),
        ("the flights of the Soviet aircraft over the Manchurian territory", []),
    ],
)
def test_find_names_does_not_match_inside_longer_words(registers: Registers, sentence: str, expected: list[str]) -> None:
    assert [m.form for m in registers.find_names(from_sources(sentence))] == expected


def test_initials_and_acronyms_match_only_in_their_case(registers: Registers) -> None:
    assert [m.entry.id for m in registers.find_names(from_sources("I am far away from Moscow"))] == ["moscow"]
    (initials,) = registers.find_names(from_sources("[cable to Shtykov - AM]"))[1:]
    assert (initials.entry.id, initials.kind) == ("mansourov", "initials")
    assert registers.lookup("am") is None
    assert registers.find_names("un peu") == []


def test_words_run_together_hide_the_name_they_contain(registers: Registers) -> None:
    """'andKorea' is debris the converter regularises first; a name inside a word is never a match."""
    assert [m.form for m in registers.find_names(from_sources("no loss of Chemulpo andKorea would"))] == ["Chemulpo"]


def test_longest_form_wins_over_the_names_inside_it(registers: Registers) -> None:
    (match,) = registers.find_names(from_sources("Peking, to the Soviet Ambassador. Pass"))
    assert (match.form, match.entry.id) == ("Peking, to the Soviet Ambassador", "soviet-ambassador-peking")
    assert registers.find_names("to the Soviet Ambassador. Pass") == [], "an office without its place is no entry"
    (office,) = registers.find_names("the Soviet Ambassador in Peking")
    assert (office.form, office.entry.id) == ("Soviet Ambassador in Peking", "soviet-ambassador-peking")


def test_a_letterspaced_word_that_is_no_name_is_left_alone(registers: Registers) -> None:
    assert registers.find_names("T H I S is spaced") == []


_ALL_FORMS = sorted((form, entry) for entry in _LOADED.entries() for form in _LOADED.forms(entry.ref))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALL_FORMS), min_size=1, max_size=8), st.sampled_from(["; ", " — ", ";\n", " / "]))
def test_forms_in_a_row_are_each_found_with_their_entry(forms: list[tuple[str, object]], separator: str) -> None:
    text = separator.join(form for form, _ in forms)
    assert [(m.form, m.entry) for m in _LOADED.find_names(text)] == forms


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("KoreaKim IlSungАМПекин'’.- \nGOLVK")), max_size=80))
def test_matches_are_ordered_disjoint_spans_of_the_text(text: str) -> None:
    matches = _LOADED.find_names(text)
    assert all(text[m.start : m.end] == m.form for m in matches)
    assert all(first.end <= second.start for first, second in zip(matches, matches[1:]))


# the loader


def test_entries_and_forms(registers: Registers) -> None:
    entries = registers.entries()
    assert [e.register for e in entries] == sorted((e.register for e in entries), key=list(REGISTERS).index)
    stalin = registers.lookup("Stalin")
    assert stalin is not None and stalin.preferred == "Iosif V. Stalin" and stalin.ref == "persons.xml#stalin"
    forms = registers.forms("persons.xml#stalin")
    assert forms[0] == "Iosif V. Stalin"
    assert {"Filippov", "FILIPPOV", "ФИЛИППОВ", "Fyn Si", "Feng Xi", "Chan Fu", "STALIN I.V."} <= set(forms)
    with pytest.raises(KeyError, match="nobody"):
        registers.forms("persons.xml#nobody")


def test_missing_register_files_are_empty_registers(tmp_path: Path) -> None:
    write_register(tmp_path, "places", '<place xml:id="sochi"><placeName type="preferred">Sochi</placeName></place>')
    loaded = Registers.load(tmp_path)
    assert [entry.ref for entry in loaded.entries()] == ["places.xml#sochi"]
    assert loaded.lookup("Stalin") is None
    assert Registers.load(tmp_path / "absent").find_names("Stalin in Sochi") == []


@pytest.mark.parametrize(
    ("stem", "entries", "message"),
    [
        ("persons", '<person><persName type="preferred">X</persName></person>', "without xml:id"),
        ("persons", '<person xml:id="x"><persName type="variant">X</persName></person>', "0 preferred names"),
        (
            "persons",
            '<person xml:id="x"><persName type="preferred">X</persName><persName type="preferred">Y</persName></person>',
            "2 preferred names",
        ),
        ("persons", '<person xml:id="x"><persName type="preferred">X</persName><persName type="nick">Y</persName></person>', "'nick'"),
        ("persons", '<person xml:id="x"><persName type="preferred"> </persName></person>', "empty name"),
        (
            "persons",
            '<person xml:id="x"><persName type="preferred">Kim</persName></person>'
            '<person xml:id="y"><persName type="preferred">KIM</persName></person>',
            "already a form of persons.xml#x",
        ),
    ],
)
def test_unusable_registers_are_refused_with_file_and_line(tmp_path: Path, stem: str, entries: str, message: str) -> None:
    write_register(tmp_path, stem, entries)
    with pytest.raises(RegisterError, match=re.escape(message)) as error:
        Registers.load(tmp_path)
    assert error.value.path == tmp_path / f"{stem}.xml" and error.value.line >= 1


def test_an_id_used_in_two_registers_is_refused(tmp_path: Path) -> None:
    write_register(tmp_path, "persons", '<person xml:id="korea"><persName type="preferred">A</persName></person>')
    write_register(tmp_path, "places", '<place xml:id="korea"><placeName type="preferred">Korea</placeName></place>')
    with pytest.raises(RegisterError, match="already used by persons.xml#korea"):
        Registers.load(tmp_path)


def test_an_id_used_twice_in_one_register_is_refused_by_the_parser(tmp_path: Path) -> None:
    entry = '<person xml:id="x"><persName type="preferred">X</persName></person>'
    write_register(tmp_path, "persons", entry * 2)
    with pytest.raises(XmlInputError, match="ID x already defined"):
        Registers.load(tmp_path)


def test_a_file_with_entries_but_without_its_list_is_refused(tmp_path: Path) -> None:
    """Entries outside the list, or the list of another register, are a mistake to name."""
    for body in ('<listPerson><person xml:id="p"/></listPerson>', '<div><place xml:id="p"/></div>'):
        (tmp_path / "places.xml").write_text(f'<TEI xmlns="{TEI_NS}"><text><body>{body}</body></text></TEI>', encoding="utf-8")
        with pytest.raises(RegisterError, match="no text/body/listPlace"):
            Registers.load(tmp_path)


def test_a_register_without_entries_has_no_list_and_no_forms(tmp_path: Path) -> None:
    """TEI allows no empty list: a new edition's register says in a paragraph that it has no entries."""
    (tmp_path / "places.xml").write_text(f'<TEI xmlns="{TEI_NS}"><text><body><p>No entries yet.</p></body></text></TEI>', encoding="utf-8")
    assert Registers.load(tmp_path).entries() == []


def test_a_malformed_file_is_an_xml_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "organisations.xml").write_text("<TEI>\n<listOrg>", encoding="utf-8")
    with pytest.raises(XmlInputError, match="organisations.xml:"):
        Registers.load(tmp_path)


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    failures, tried = doctest.testmod(registers_module)
    assert tried > 0 and failures == 0
