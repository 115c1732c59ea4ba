"""`tei-edition export`: the tei and corpus formats against TEI P5 and the edition's schema,
determinism of every format, the example edition exporting without warnings, and CLI errors.

The other formats have their own files (test_export_cmif.py, test_export_dts.py,
test_export_bag.py, test_export_json.py), which use the helpers here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.config import load_edition
from tei_edition.export import EXPORTERS, ExportError, ExportOptions, get_exporter
from tei_edition.export.base import MARKER, export_date
from tei_edition.export.citation import iter_units, with_refs_decl
from tei_edition.render.corpus import load_corpus
from tei_edition.validate.schema import DEFAULT_XSD
from tei_edition.xmlio import NSMAP, TEI_NS, parse_xml, parse_xml_bytes

REPOSITORY = Path(__file__).resolve().parents[1]
TEI_ALL = REPOSITORY.parent / "shared" / "tei" / "tei_all.rng"
FIXTURE = Path(__file__).parent / "fixtures" / "export" / "edition"
EXAMPLE_CONFIG = REPOSITORY / "edition.toml"
TEI_EDITION = Path(os.environ.get("VIRTUAL_ENV", REPOSITORY / ".venv")) / "bin" / "tei-edition"

needs_jing = pytest.mark.skipif(not TEI_ALL.is_file() or shutil.which("jing") is None,
                                reason="tei_all.rng or jing is absent: TEI conformance not checked")


# helpers (used by the other test_export_* files)


def export_edition(to: str, out: Path, config: Path = FIXTURE / "edition.toml", base_url: str = ""):
    """Run one exporter in-process on an edition; returns its report."""
    edition = load_edition(config)
    return get_exporter(to).export(load_corpus(edition), ExportOptions(out=out, base_url=base_url))


def run_cli(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user runs it."""
    return subprocess.run([str(TEI_EDITION), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def jing_errors(schema: Path, files: list[Path]) -> list[str]:
    """jing's complaints about `files` against a RELAX NG schema ([] when all are valid)."""
    result = subprocess.run(["jing", str(schema), *map(str, files)], capture_output=True, text=True, timeout=600)
    return [line for line in (result.stdout + result.stderr).splitlines() if line and not line.startswith("[warning]")]


def xsd_errors(files: list[Path]) -> dict[str, list[str]]:
    """The edition schema's complaints per file name (files without complaints left out)."""
    schema = etree.XMLSchema(etree.parse(str(DEFAULT_XSD)))
    errors: dict[str, list[str]] = {}
    for path in files:
        if not schema.validate(etree.parse(str(path))):
            errors[path.name] = sorted({error.message for error in schema.error_log})
    return errors


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under a folder by relative path, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# tei


@needs_jing
def test_tei_export_is_valid_tei_and_valid_against_the_edition_schema(tmp_path: Path) -> None:
    report = export_edition("tei", tmp_path / "tei")
    files = sorted((tmp_path / "tei" / "xml").glob("*.xml"))
    assert [path.name for path in files] == sorted(path.name for path in (FIXTURE / "xml").glob("*.xml"))
    assert jing_errors(TEI_ALL, files) == []
    assert xsd_errors(files) == {}
    assert report.warnings == []


def test_tei_export_hands_over_schema_rules_guidelines_and_a_readme(tmp_path: Path) -> None:
    export_edition("tei", tmp_path / "tei")
    out = tmp_path / "tei"
    assert (out / "schema" / "tei_edition.xsd").read_bytes() == DEFAULT_XSD.read_bytes()
    assert (out / "schema" / "rules" / "edition.sch").is_file()
    guidelines = (out / "guidelines.html").read_text(encoding="utf-8")
    assert "citeStructure" in guidelines and "Export test edition" in guidelines
    readme = (out / "README.md").read_text(encoding="utf-8")
    for named in ("xml/", "schema/tei_edition.xsd", "schema/rules/", "guidelines.html", "persons.xml", "refsDecl"):
        assert named in readme


def test_tei_export_changes_documents_only_by_adding_refs_decl(tmp_path: Path) -> None:
    export_edition("tei", tmp_path / "tei")
    for source in sorted((FIXTURE / "xml").glob("*.xml")):
        exported = parse_xml(tmp_path / "tei" / "xml" / source.name).getroot()
        declared = exported.findall("tei:teiHeader/tei:encodingDesc/tei:refsDecl", NSMAP)
        if source.name.startswith("d"):
            assert len(declared) == 1
            declared[0].getparent().remove(declared[0])
            assert _canonical(exported) == _canonical(parse_xml(source).getroot())
        else:
            assert (tmp_path / "tei" / "xml" / source.name).read_bytes() == source.read_bytes()


def _canonical(element: etree._Element) -> str:
    copy = etree.fromstring(etree.tostring(element))
    for node in copy.iter():
        node.tail = (node.tail or "").strip() or None
        if len(node):
            node.text = (node.text or "").strip() or None
    return etree.tostring(copy, method="c14n").decode()


def test_declared_citation_structure_yields_the_exported_references() -> None:
    """The refsDecl XPaths, evaluated by an XPath 3.1 processor, give exactly the units the export cites."""
    saxonche = pytest.importorskip("saxonche")
    for source in sorted((FIXTURE / "xml").glob("d*.xml")):
        declared = with_refs_decl(parse_xml(source), source)
        with saxonche.PySaxonProcessor(license=False) as processor:
            document = processor.parse_xml(xml_text=etree.tostring(declared, encoding="unicode"))
            refs = _references(processor, document, declared.getroot().find("tei:teiHeader/tei:encodingDesc/tei:refsDecl", NSMAP), None)
        assert refs == [unit.ref for unit in iter_units(declared, source)]
        assert len(refs) > 5


def _references(processor, context, structure: etree._Element, parent: str | None) -> list[str]:
    """Evaluate citeStructure children of `structure` from `context`, depth first, as TEI defines them."""
    found: list[tuple[object, str, etree._Element]] = []
    for cite in structure.findall("tei:citeStructure", NSMAP):
        xpath = processor.new_xpath_processor()
        xpath.declare_namespace("", TEI_NS)
        xpath.set_context(xdm_item=context)
        nodes = xpath.evaluate(f"({cite.get('match')})")
        values = xpath.evaluate(f"({cite.get('match')}) ! string({cite.get('use')})")
        for index in range(nodes.size if nodes else 0):
            own = values.item_at(index).get_string_value()
            ref = f"{parent}{cite.get('delim', '')}{own}" if parent else own
            found.append((nodes.item_at(index), ref, cite))
    refs: list[str] = []
    for node, ref, cite in sorted(found, key=lambda item: _document_position(processor, item[0])):
        refs.append(ref)
        refs.extend(_references(processor, node, cite, ref))
    return refs


def _document_position(processor, node) -> int:
    xpath = processor.new_xpath_processor()
    xpath.set_context(xdm_item=node)
    return int(xpath.evaluate_single("count(preceding::node()) + count(ancestor::node())").get_string_value())


def test_cite_structures_keep_the_tei_match_constraints(tmp_path: Path) -> None:
    """tei_all's Schematron (which jing does not run): the outermost @match is absolute, the inner ones relative."""
    export_edition("tei", tmp_path / "tei")
    export_edition("corpus", tmp_path / "corpus")
    roots = [parse_xml(path).getroot() for path in sorted((tmp_path / "tei" / "xml").glob("d*.xml"))]
    roots.append(parse_xml(tmp_path / "corpus" / "corpus.xml").getroot())
    for root in roots:
        for cite in root.iterfind(".//tei:citeStructure", NSMAP):
            outer = cite.getparent().tag == f"{{{TEI_NS}}}refsDecl"
            assert cite.get("match").startswith("/") == outer
            assert (cite.get("delim") is None) == outer


def test_citation_units_in_two_versions_and_errors_name_file_and_line(tmp_path: Path) -> None:
    document = f"""<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>
<div type="transcription" xml:lang="ru" n="1"><p>a</p><pb n="2"/><p>b</p></div>
<div type="transcription" xml:lang="ru" n="2"><div type="attachment"><p>c</p></div></div>
</body></text></TEI>"""
    units = list(iter_units(parse_xml_bytes(document.encode(), "two.xml"), Path("two.xml")))
    assert [(u.ref, u.level, u.parent, u.unit) for u in units] == [
        ("ru1", 1, None, "version"), ("ru1.1", 2, "ru1", "block"), ("ru1.2", 2, "ru1", "block"),
        ("ru2", 1, None, "version"), ("ru2.attachment", 2, "ru2", "section"),
        ("ru2.attachment.1", 3, "ru2.attachment", "block"),
    ]
    clash = document.replace(' n="2"><div', '><div').replace(' n="1"><p>', '><p>')
    with pytest.raises(ExportError, match=r"clash.xml:3:1: two versions cite as 'ru'"):
        list(iter_units(parse_xml_bytes(clash.encode(), "clash.xml"), Path("clash.xml")))


# corpus


@needs_jing
def test_corpus_is_one_valid_tei_corpus_with_every_document(tmp_path: Path) -> None:
    export_edition("corpus", tmp_path / "corpus")
    corpus_file = tmp_path / "corpus" / "corpus.xml"
    assert jing_errors(TEI_ALL, [corpus_file]) == []
    root = parse_xml(corpus_file).getroot()
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    assert root.findtext("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NSMAP) == "Export test edition"
    members = root.findall("tei:TEI", NSMAP)
    expected = sorted(parse_xml(path).getroot().get("{http://www.w3.org/XML/1998/namespace}id")
                      for path in (FIXTURE / "xml").glob("d*.xml"))
    assert sorted(member.get("{http://www.w3.org/XML/1998/namespace}id") for member in members) == expected
    # every local pointer still reaches its (renamed) target inside the same document
    for member in members:
        ids = {node.get("{http://www.w3.org/XML/1998/namespace}id") for node in member.iter()}
        for node in member.iter():
            for name in ("resp", "hand", "who", "corresp", "scheme"):
                for token in node.get(name, "").split():
                    if token.startswith("#"):
                        assert token[1:] in ids, (member.get("{http://www.w3.org/XML/1998/namespace}id"), name, token)
    assert (tmp_path / "corpus" / "persons.xml").read_bytes() == (FIXTURE / "xml" / "persons.xml").read_bytes()


# every format


@pytest.mark.parametrize("to", sorted(EXPORTERS))
def test_exporting_twice_gives_identical_bytes(tmp_path: Path, to: str) -> None:
    export_edition(to, tmp_path / "first")
    export_edition(to, tmp_path / "second")
    first, second = tree_bytes(tmp_path / "first"), tree_bytes(tmp_path / "second")
    assert first == second
    assert MARKER in first


def test_re_export_replaces_an_earlier_export_but_never_a_foreign_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_edition("json", out)
    (out / "stale.txt").write_text("from an earlier run", encoding="utf-8")
    export_edition("json", out)
    assert not (out / "stale.txt").exists()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty and holds no earlier export"):
        export_edition("json", foreign)
    assert [path.name for path in foreign.iterdir()] == ["thesis.tex"]


def test_export_date_comes_from_source_date_epoch_else_the_edition(monkeypatch: pytest.MonkeyPatch) -> None:
    edition = load_edition(FIXTURE / "edition.toml")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert export_date(edition) == "2026-11-22"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert export_date(edition) == "1970-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH"):
        export_date(edition)


# the example edition, through the command


@pytest.mark.parametrize("to", sorted(EXPORTERS))
def test_example_edition_exports_without_warnings(tmp_path: Path, to: str) -> None:
    result = run_cli("export", "--to", to, "--out", str(tmp_path / to), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    assert '"warnings": []' in result.stdout


@needs_jing
def test_example_edition_tei_export_is_valid_and_adds_no_schema_error(tmp_path: Path) -> None:
    """Every exported file is valid TEI; the edition schema finds nothing in the export it does not find in xml/."""
    assert run_cli("export", "--to", "tei", "--out", str(tmp_path / "tei")).returncode == 0
    exported = sorted((tmp_path / "tei" / "xml").glob("*.xml"))
    assert len(exported) == len(list((REPOSITORY / "xml").glob("*.xml")))
    assert jing_errors(TEI_ALL, exported) == []
    assert xsd_errors(exported) == xsd_errors(sorted((REPOSITORY / "xml").glob("*.xml")))


def test_unknown_format_is_a_usage_error() -> None:
    result = run_cli("export", "--to", "docx", "--out", "/nonexistent/never-written")
    assert result.returncode == 2
    assert "no export to 'docx'; formats: tei, corpus, cmif, dts, bag, json" in result.stderr


def test_broken_document_fails_with_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(FIXTURE, edition)
    broken = edition / "xml" / "d1950-09-30_gromyko_stalin.xml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("</teiHeader>", "</teiHeader", 1), encoding="utf-8")
    result = run_cli("export", "--to", "tei", "--out", str(tmp_path / "out"), "--config", str(edition / "edition.toml"))
    assert result.returncode == 1
    assert f"{broken}:" in result.stderr and "not well-formed" in result.stderr
    assert not (tmp_path / "out").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["edition"]


def test_export_help_names_every_format() -> None:
    result = run_cli("export", "--help")
    assert result.returncode == 0
    for name in EXPORTERS:
        assert name in result.stdout
