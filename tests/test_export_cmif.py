"""`export --to cmif` against the CMIF's published rules.

The CMIF schema (TEI-Correspondence-SIG/CMIF, schema/cmi-customization.rng) is
not shipped with this repository; its rules are asserted here, each citing where
it is written: doc/documentation-en.md ("documentation"), the ODD-generated RNG
("schema") and odd/cmif.sch ("schematron", ids E0001-E0004, W0001). The file is
also checked against TEI P5, of which CMIF is a subset.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from test_export import FIXTURE, TEI_ALL, export_edition, jing_errors, needs_jing
from tei_edition.export.metadata import RegisterIndex
from tei_edition.xmlio import NSMAP, XML_NS, parse_xml, parse_xml_bytes

#: schema: correspAction holds only these (documentation: "Only the following child elements").
ACTION_CHILDREN = {"persName", "orgName", "placeName", "date"}
#: documentation: dates only as YYYY-MM-DD, YYYY-MM or YYYY, in these attributes.
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_ATTRIBUTES = {"when", "from", "to", "notBefore", "notAfter"}
#: documentation: persName/@ref an authority ID (VIAF, GND, LC, BnF, NDL; Wikidata accepted by correspSearch), placeName/@ref GeoNames.
AUTHORITY = re.compile(r"https?://(www\.wikidata\.org/entity/Q\d+|viaf\.org/viaf/\d+|d-nb\.info/gnd/\S+|sws\.geonames\.org/\d+/)")


@pytest.fixture(scope="module")
def cmif(tmp_path_factory: pytest.TempPathFactory) -> etree._Element:
    out = tmp_path_factory.mktemp("cmif") / "cmif"
    export_edition("cmif", out, base_url="https://example.org/edition/")
    return parse_xml(out / "cmif.xml").getroot()


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def test_header_has_what_the_documentation_makes_mandatory(cmif: etree._Element) -> None:
    file_desc = cmif.find("tei:teiHeader/tei:fileDesc", NSMAP)
    assert file_desc.findtext("tei:titleStmt/tei:title", namespaces=NSMAP)
    assert [e.text for e in file_desc.findall("tei:titleStmt/tei:editor", NSMAP)] == ["Test Editor"]
    publication = file_desc.find("tei:publicationStmt", NSMAP)
    assert publication.findtext("tei:publisher", namespaces=NSMAP) == "tei-edition tests"
    idno = publication.find("tei:idno", NSMAP)
    assert idno.get("type") == "url" and idno.text == "https://example.org/edition/cmif.xml"  # schema: type="url", anyURI
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", publication.find("tei:date", NSMAP).get("when"))  # xsd:dateTime
    licence = publication.find("tei:availability/tei:licence", NSMAP)
    assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.text == "This file is licensed under the terms of the Creative Commons License CC-BY 4.0"
    bibls = file_desc.findall("tei:sourceDesc/tei:bibl", NSMAP)
    assert len(bibls) == 1 and bibls[0].get("type") in {"online", "print", "hybrid"}  # schema: bibl/@type
    bibl_id = bibls[0].get(f"{{{XML_NS}}}id")
    assert re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", bibl_id)  # schematron W0001: a UUID
    assert re.fullmatch(r"[A-Za-z_][\w.-]*", bibl_id)  # and an XML name, as xml:id must be


def test_one_corresp_desc_per_document_each_pointing_at_the_bibl(cmif: etree._Element) -> None:
    corresp = cmif.findall("tei:teiHeader/tei:profileDesc/tei:correspDesc", NSMAP)
    ids = sorted(parse_xml(path).getroot().get(f"{{{XML_NS}}}id") for path in (FIXTURE / "xml").glob("d*.xml"))
    assert sorted(c.get("key") for c in corresp) == ids
    bibl_ids = {b.get(f"{{{XML_NS}}}id") for b in cmif.iterfind(".//tei:bibl", NSMAP)}
    for desc in corresp:
        assert desc.get("source", "").removeprefix("#") in bibl_ids  # schematron E0003
        assert desc.find("tei:correspAction[@type='sent']", NSMAP) is not None  # schematron E0001
        assert desc.find("tei:correspAction[@type='received']", NSMAP) is not None  # schematron E0002
        assert desc.get("ref") is None  # no [edition] base_url in edition.toml: no letter URL is invented


def test_actions_hold_only_plain_names_authority_refs_and_cmif_dates(cmif: etree._Element) -> None:
    for action in cmif.iterfind(".//tei:correspAction", NSMAP):
        assert action.get("type") in {"sent", "received"}  # schema
        assert not (action.text or "").strip()
        assert {_local(child) for child in action} <= ACTION_CHILDREN
        assert action.find("tei:persName", NSMAP) is not None or action.find("tei:orgName", NSMAP) is not None
        for name in action:
            assert len(name) == 0  # schema: persName, placeName, orgName, date hold text only
            for ref in name.get("ref", "").split():
                assert AUTHORITY.fullmatch(ref), ref
        for date in action.iterfind("tei:date", NSMAP):
            assert set(date.attrib) & DATE_ATTRIBUTES  # schematron E0004
            assert set(date.attrib) <= DATE_ATTRIBUTES
            assert all(DATE.fullmatch(value) for value in date.attrib.values())


def test_authority_ids_come_from_register_idnos_and_only_from_them(cmif: etree._Element) -> None:
    persons = parse_xml(FIXTURE / "xml" / "persons.xml")
    with_wikidata = {person.findtext("tei:persName[@type='preferred']", namespaces=NSMAP): person.findtext("tei:idno[@type='wikidata']", namespaces=NSMAP)
                     for person in persons.iterfind(".//tei:person", NSMAP)}
    named = {(name.text, name.get("ref")) for name in cmif.iterfind(".//tei:correspAction/tei:persName", NSMAP)}
    assert ("Iosif V. Stalin", "http://www.wikidata.org/entity/Q855") in named
    for text, ref in named:
        wikidata = with_wikidata.get(text)
        assert ref == (f"http://www.wikidata.org/entity/{wikidata}" if wikidata else None), text


def test_register_authority_files_become_urls() -> None:
    register = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPlace>
      <place xml:id="pyongyang"><placeName type="preferred">Pyongyang</placeName><idno type="geonames">1871859</idno></place>
      <place xml:id="nowhere"><placeName type="preferred">Nowhere</placeName><idno type="local">17</idno></place>
    </listPlace></body></text></TEI>"""
    index = RegisterIndex([parse_xml_bytes(register, "places.xml")])
    name = etree.fromstring(b'<placeName xmlns="http://www.tei-c.org/ns/1.0" ref="places.xml#pyongyang">P.</placeName>')
    assert index.resolve(name).authorities == ("https://sws.geonames.org/1871859/",)
    assert index.resolve(name).name == "Pyongyang"
    other = etree.fromstring(b'<placeName xmlns="http://www.tei-c.org/ns/1.0" ref="places.xml#nowhere">N.</placeName>')
    assert index.resolve(other).authorities == ()


def test_letter_urls_come_from_the_edition_base_url(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    config = (FIXTURE / "edition.toml").read_text(encoding="utf-8").replace(
        'date = "2026-11-22"', 'date = "2026-11-22"\nbase_url = "https://example.org/site/"')
    edition.mkdir()
    (edition / "edition.toml").write_text(config, encoding="utf-8")
    (edition / "xml").symlink_to(FIXTURE / "xml")
    export_edition("cmif", tmp_path / "cmif", config=edition / "edition.toml")
    refs = [desc.get("ref") for desc in parse_xml(tmp_path / "cmif" / "cmif.xml").getroot().iterfind(".//tei:correspDesc", NSMAP)]
    assert "https://example.org/site/d1950-09-30_gromyko_stalin.html" in refs


@needs_jing
def test_cmif_file_is_valid_tei(tmp_path: Path) -> None:
    export_edition("cmif", tmp_path / "cmif")
    assert jing_errors(TEI_ALL, [tmp_path / "cmif" / "cmif.xml"]) == []
