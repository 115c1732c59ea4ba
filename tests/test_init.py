"""`tei-edition init`: a new edition that builds with its own Makefile, from a source text of
the test's own making, without touching the example edition."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


from test_export import REPOSITORY, TEI_ALL, TEI_EDITION, jing_errors, needs_jing, run_cli, xsd_errors
from tei_edition.commands.init import CHECKOUT, REGISTERS
from tei_edition.config import load_edition
from tei_edition.render import writers
from tei_edition.xmlio import NSMAP, parse_xml

#: A cable of the test's own making: invented people, an invented archive sign ([unreadable]).
SOURCE_TEXT = """Top Secret

To Cde. Ivanova

The grain shipment from Riga arrived on 1 March 1921 [unreadable] and was unloaded at once.

Please confirm receipt of the shipment.

PETROV

2 March 1921
"""

#: The archive's own sign, declared in edition.toml as the commented example there shows.
CONVENTION = """
[[conventions.bracket]]
name = "unreadable"
pattern = '^(?P<desc>(?i:unreadable(?: \\w+)*))$'
element = "gap"
reason = "illegible"
"""

ENTRIES = {
    "persons.xml": """<person xml:id="petrov"><persName type="preferred">Ivan Petrov</persName><persName type="variant">PETROV</persName>
          <note>Sender of the cable.</note></person>
        <person xml:id="ivanova"><persName type="preferred">Maria Ivanova</persName><persName type="variant">Ivanova</persName>
          <note>Its recipient.</note></person>""",
    "places.xml": """<place xml:id="riga"><placeName type="preferred">Riga</placeName><note>The port of the shipment.</note></place>""",
}


def init(directory: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run_cli("init", str(directory), *options, cwd=directory.parent)


def add_entries(register: Path, entries: str) -> None:
    """What the editor does in step 4 of the README: the list with the first entries replaces
    the paragraph saying there are none and the example comment."""
    text = register.read_text(encoding="utf-8")
    list_name = next(names[0] for file_name, names in REGISTERS.items() if file_name == register.name)
    start, end = text.index("<p>No entries yet.</p>"), text.index("-->") + len("-->")
    register.write_text(f"{text[:start]}<{list_name}>{entries}</{list_name}>{text[end:]}", encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_writes_an_edition_to_start_from(tmp_path: Path) -> None:
    directory = tmp_path / "petrov-letters"
    result = init(directory, "--title", "Letters of the Petrov family", "--editor", "Anna Smith", "--editor", "Ben Jones")
    assert result.returncode == 0, result.stderr
    edition = load_edition(directory / "edition.toml")
    assert edition.title == "Letters of the Petrov family"
    assert edition.editors == ("Anna Smith", "Ben Jones") and edition.publisher == "Anna Smith, Ben Jones"
    assert edition.xml == directory / "xml" and edition.registers == directory / "xml"
    assert [p.name for p in (directory / "sources").iterdir()] == ["README.md"]
    for file_name, (list_name, entry, *_rest) in REGISTERS.items():
        root = parse_xml(directory / "xml" / file_name).getroot()
        assert root.find(f"tei:text/tei:body/tei:{list_name}", NSMAP) is None  # TEI allows no empty list
        assert root.find(f".//tei:{entry}", NSMAP) is None
        assert f"<{list_name}>" in (directory / "xml" / file_name).read_text(encoding="utf-8")  # the example shows it
    makefile = (directory / "Makefile").read_text(encoding="utf-8")
    assert f"TEI_EDITION_SOURCE ?= {CHECKOUT}" in makefile
    assert "\nedition:" in makefile and "\ntest:" in makefile
    assert f"FORMATS := {' '.join(sorted(writers()))}" in makefile
    readme = (directory / "README.md").read_text(encoding="utf-8")
    for step in ("sources/", "[[conventions.bracket]]", "persons.xml", "make edition", "make test", "make export"):
        assert step in readme
    config = (directory / "edition.toml").read_text(encoding="utf-8")
    assert "# [[conventions.bracket]]" in config and "{deleted}" in config


@needs_jing
def test_registers_become_valid_tei_with_their_first_entry(tmp_path: Path) -> None:
    directory = tmp_path / "edition"
    assert init(directory).returncode == 0
    for file_name, entries in ENTRIES.items():
        add_entries(directory / "xml" / file_name, entries)
    files = [directory / "xml" / name for name in ENTRIES]
    assert jing_errors(TEI_ALL, files) == []
    assert xsd_errors(files) == {}


@needs_jing
def test_a_new_editions_registers_are_valid_tei_before_their_first_entry(tmp_path: Path) -> None:
    directory = tmp_path / "edition"
    assert init(directory).returncode == 0
    assert jing_errors(TEI_ALL, [directory / "xml" / name for name in REGISTERS]) == []


def test_a_new_editions_registers_are_valid_registers_waiting_for_their_first_entry(tmp_path: Path) -> None:
    """A new edition validates as it is: its registers, without entries, are taken for
    registers (never for documents with the wrong id), and the converter reads them."""
    directory = tmp_path / "edition"
    assert init(directory).returncode == 0
    result = run_cli("validate", "--config", str(directory / "edition.toml"), "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["issues"] == []
    (directory / "sources" / "1921-03-02_petrov-to-ivanova.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    converted = run_cli("convert", "sources", "--out", "xml", "--quiet", cwd=directory)
    assert converted.returncode == 0, converted.stderr  # the converter reads registers without entries too
    assert len(list((directory / "xml").glob("d1921-03-02_*.xml"))) == 1


def test_a_new_edition_without_documents_exports_what_can_be_exported(tmp_path: Path) -> None:
    directory = tmp_path / "edition"
    assert init(directory).returncode == 0
    config = str(directory / "edition.toml")
    for to in ("tei", "cmif", "dts", "bag", "json"):
        result = run_cli("export", "--to", to, "--config", config, "--quiet")
        assert result.returncode == 0, (to, result.stderr)
    refused = run_cli("export", "--to", "corpus", "--config", config)
    assert refused.returncode == 1
    assert "no documents yet, and a teiCorpus holds at least one TEI document" in refused.stderr
    assert not (directory / "build" / "export" / "corpus").exists()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    directory = tmp_path / "taken"
    directory.mkdir()
    (directory / "notes.txt").write_text("mine", encoding="utf-8")
    result = init(directory)
    assert result.returncode == 1
    assert f"{directory}: exists and is not an empty folder" in result.stderr
    assert [p.name for p in directory.iterdir()] == ["notes.txt"]


def test_init_refuses_a_language_that_is_no_tag(tmp_path: Path) -> None:
    result = init(tmp_path / "edition", "--language", "English!")
    assert result.returncode == 2
    assert not (tmp_path / "edition").exists()


@needs_jing
def test_new_edition_builds_with_its_makefile_and_its_own_convention(tmp_path: Path) -> None:
    example = snapshot(REPOSITORY / "xml") | snapshot(REPOSITORY / "sources")
    directory = tmp_path / "edition"
    assert init(directory, "--title", "Grain cables", "--editor", "Anna Smith").returncode == 0
    (directory / "sources" / "1921-03-02_petrov-to-ivanova.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    with (directory / "edition.toml").open("a", encoding="utf-8") as config:
        config.write(CONVENTION)
    for file_name, entries in ENTRIES.items():
        add_entries(directory / "xml" / file_name, entries)
    (directory / "xml" / "organisations.xml").unlink()  # the texts name no organisation

    make = ["make", "--no-print-directory", f"TEI={TEI_EDITION}"]
    environment = {**os.environ, "MAKEFLAGS": ""}
    built = subprocess.run([*make, "edition"], cwd=directory, capture_output=True, text=True, timeout=900, env=environment)
    assert built.returncode == 0, built.stdout + built.stderr
    checked = subprocess.run([*make, "test"], cwd=directory, capture_output=True, text=True, timeout=600, env=environment)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 errors, 0 warnings" in checked.stderr

    document = directory / "xml" / "d1921-03-02_petrov_ivanova.xml"
    files = sorted((directory / "xml").glob("*.xml"))
    assert jing_errors(TEI_ALL, files) == [] and xsd_errors(files) == {}
    root = parse_xml(document).getroot()
    gap = root.find(".//tei:body//tei:gap", NSMAP)
    assert gap is not None and gap.get("reason") == "illegible" and gap.findtext("tei:desc", namespaces=NSMAP) == "unreadable"
    sent = root.find("tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:persName", NSMAP)
    assert sent.get("ref") == "persons.xml#petrov"
    assert (directory / "build" / "html" / "d1921-03-02_petrov_ivanova.html").is_file()
    assert (directory / "build" / "html" / "index.html").is_file()
    for format_name in sorted(writers()):
        assert any((directory / "build" / format_name).iterdir()), format_name
    assert (snapshot(REPOSITORY / "xml") | snapshot(REPOSITORY / "sources")) == example

    exported = subprocess.run([*make, "export"], cwd=directory, capture_output=True, text=True, timeout=600, env=environment)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert (directory / "build" / "export" / "dts" / "index.json").is_file()

    document.write_text(document.read_text(encoding="utf-8").replace('reason="illegible"', 'reason="unreadable"'), encoding="utf-8")
    broken = subprocess.run([*make, "test"], cwd=directory, capture_output=True, text=True, timeout=600, env=environment)
    assert broken.returncode != 0
    assert f"xml/{document.name}:" in broken.stdout + broken.stderr


def test_the_makefile_installs_tei_edition_from_this_checkout(tmp_path: Path) -> None:
    """Without TEI=, `make` would create .venv and install this checkout into it (shown, not run)."""
    directory = tmp_path / "edition"
    assert init(directory).returncode == 0
    plan = subprocess.run(["make", "-n", "edition"], cwd=directory, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "MAKEFLAGS": ""})
    assert plan.returncode == 0, plan.stderr
    assert "python3 -m venv .venv" in plan.stdout
    assert f'pip install --quiet -e "{CHECKOUT}"' in plan.stdout
