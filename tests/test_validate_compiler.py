"""The fast paths of validation report what the slow ones would.

compiler.py turns Schematron into one XSLT that visits only the nodes a rule is
about: it must keep Schematron's meaning (the first rule of a pattern that matches a
node fires, each alternative of a context counts once, lets and messages as
written). schema.py runs xmlschema only where libxml2 found errors: the errors must
be those xmlschema finds in the whole file. Each test compares with the plain
answer, on small schemas and on broken copies of an edition document.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from test_validate_rules import EDITION_XML, VALID
from tei_edition.validate.compiler import SchematronCompileError, compile_rules
from tei_edition.validate.functions import has_control_characters
from tei_edition.validate.rules import RuleRunner
from tei_edition.validate.schema import SchemaChecker

TEI = "{http://www.tei-c.org/ns/1.0}"
SCHEMA_HEAD = '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt"><ns prefix="t" uri="urn:t"/>'


def fired(schematron: str, document: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(rule id, location, message) of every result, compiling `schematron` as the validator does."""
    driver = tmp_path / "rules.sch"
    driver.write_text(SCHEMA_HEAD + schematron + "</schema>", encoding="utf-8")
    runner = RuleRunner("#ALL", driver)
    tree = etree.fromstring(document).getroottree()
    return sorted((f.rule, tree.getpath(f.node) if f.node is not None else "", f.message) for f in runner.run(tree))


def test_first_rule_of_a_pattern_wins_and_each_pattern_fires_on_its_own(tmp_path: Path) -> None:
    rules = """
      <pattern><rule context="t:a[@x]"><report id="first" test="true()">first</report></rule>
               <rule context="t:a"><report id="second" test="true()">second</report></rule></pattern>
      <pattern><rule context="t:a"><report id="other-pattern" test="true()">other</report></rule></pattern>"""
    found = fired(rules, '<r xmlns="urn:t"><a x="1"/><a/></r>', tmp_path)
    assert [(rule, where) for rule, where, _ in found] == [
        ("first", "/*/*[1]"),
        ("other-pattern", "/*/*[1]"),
        ("other-pattern", "/*/*[2]"),
        ("second", "/*/*[2]"),
    ]


def test_a_node_two_alternatives_match_fires_once(tmp_path: Path) -> None:
    rules = '<pattern><rule context="t:a | t:*[@x] | /t:r"><assert id="no-y" test="not(@y)">y on <name/></assert></rule></pattern>'
    found = fired(rules, '<r xmlns="urn:t" y="0"><a x="1" y="1"/><b x="1" y="2"/><c y="3"/></r>', tmp_path)
    assert found == [("no-y", "/*", "y on r"), ("no-y", "/*/*[1]", "y on a"), ("no-y", "/*/*[2]", "y on b")]


def test_rules_fire_on_the_document_texts_and_attributes_their_contexts_select(tmp_path: Path) -> None:
    rules = """
      <pattern><rule context="/"><report id="document" test="t:r">document</report></rule></pattern>
      <pattern><rule context="t:a/@x"><report id="attribute" test=". = '1'">x=<value-of select="."/></report></rule></pattern>
      <pattern><rule context="t:b/text()"><report id="text" test="contains(., 'y')">text</report></rule></pattern>"""
    found = fired(rules, '<r xmlns="urn:t"><a x="1"/><a x="2"/><b>xy</b></r>', tmp_path)
    assert found == [("attribute", "/*/*[1]", "x=1"), ("document", "/*", "document"), ("text", "/*/*[3]", "text")]


def test_lets_values_and_spaces_of_messages_are_kept(tmp_path: Path) -> None:
    rules = """<let name="limit" value="2"/>
      <pattern><let name="count" value="count(//t:a)"/>
        <rule context="t:r"><let name="first" value="string(t:a[1]/@n)"/>
          <assert id="few" test="$count &lt;= $limit"><value-of select="$count"/> <emph>a</emph> (first <value-of select="$first"/>)</assert>
        </rule></pattern>"""
    found = fired(rules, '<r xmlns="urn:t"><a n="x"/><a/><a/></r>', tmp_path)
    assert found == [("few", "/*", "3 a (first x)")]


@pytest.mark.parametrize(
    "schematron",
    [
        '<pattern><rule context="t:a"><assert id="d" test="false()" diagnostics="why">x</assert></rule></pattern>',
        '<pattern><rule abstract="true" id="base"><assert id="b" test="false()">x</assert></rule></pattern>',
        '<pattern><rule context="t:a"><let name="v"><x xmlns="urn:t"/></let></rule></pattern>',
        '<pattern><rule context="t:a"><assert id="m" test="false()">x <unknown/></assert></rule></pattern>',
    ],
    ids=["diagnostics", "abstract-rule", "let-with-content", "unknown-message-element"],
)
def test_what_the_compiler_does_not_implement_is_refused(tmp_path: Path, schematron: str) -> None:
    driver = tmp_path / "rules.sch"
    driver.write_text(SCHEMA_HEAD + schematron + "</schema>", encoding="utf-8")
    with pytest.raises(SchematronCompileError):
        compile_rules(driver)


def test_an_unknown_phase_is_refused(tmp_path: Path) -> None:
    driver = tmp_path / "rules.sch"
    driver.write_text(SCHEMA_HEAD + '<pattern id="p"><rule context="t:a"><report id="r" test="true()">x</report></rule></pattern></schema>', encoding="utf-8")
    with pytest.raises(SchematronCompileError, match="no phase 'nightly'"):
        compile_rules(driver, "nightly")


def test_control_characters_are_found_in_text_and_attributes_only_when_present() -> None:
    for document, expected in [
        ("<a>plain “text” \u00a0\u00c2</a>", False),
        ("<a>x\u0085y</a>", True),
        ('<a><b c="\u009d"/></a>', True),
        ("<a><b/>\u007f</a>", True),
        ("<a>\u00c2\u0080</a>", True),
    ]:
        assert has_control_characters(None, [etree.fromstring(document)]) is expected, document


@pytest.mark.parametrize(
    "old,new,reported",
    [
        ("<TEI ", '<TEI n="\u0090" ', ["TEI"]),
        ("<teiHeader>", "<teiHeader>\u007f", ["teiHeader"]),
        ("</title>", "\u0086</title>", ["title"]),
        ("<teiHeader>", "<teiHeader><!-- \u0085 -->", []),
    ],
    ids=["root-attribute", "header-text", "deep-text", "comment-only"],
)
def test_control_characters_are_reported_on_the_root_and_below_it(old: str, new: str, reported: list[str]) -> None:
    """The rule searches below the root only when the document has a control character; the root always."""
    text = (VALID / "d1950-07-05_stalin_shtykov.xml").read_text(encoding="utf-8").replace(old, new, 1)
    tree = etree.fromstring(text.encode("utf-8")).getroottree()
    found = [etree.QName(f.node).localname for f in RuleRunner("document").run(tree) if f.rule == "chars-control"]
    assert found == reported


def _broken_documents() -> list[tuple[str, etree._ElementTree]]:
    """Copies of an edition document with schema errors of the kinds that make libxml2 stop early."""
    source = etree.parse(str(EDITION_XML / "d1950-10-01_stalin_mao-zedong.xml"))
    made = []

    def variant(name: str) -> etree._ElementTree:
        tree = copy.deepcopy(source)
        made.append((name, tree))
        return tree

    tree = variant("unexpected-element-then-a-bad-attribute-in-the-same-div")
    div = tree.find(f".//{TEI}body/{TEI}div")
    misplaced = etree.Element(f"{TEI}closer")
    etree.SubElement(misplaced, f"{TEI}p", rend="nowhere")
    div.insert(0, misplaced)
    div.findall(f".//{TEI}p")[-1].set("bogus", "1")
    tree = variant("every-date-impossible")
    for date in tree.iter(f"{TEI}date"):
        date.set("when", "1950-13-45")
    tree = variant("header-children-out-of-order-and-a-bad-attribute-in-the-text")
    root = tree.getroot()
    root.insert(0, root[1])
    tree.find(f".//{TEI}body//{TEI}p").set("bogus", "1")
    tree = variant("unknown-element-deep-and-a-missing-child")
    etree.SubElement(tree.find(f".//{TEI}body//{TEI}p"), f"{TEI}unknown").append(etree.Element(f"{TEI}p", bogus="1"))
    title_stmt = tree.find(f".//{TEI}titleStmt")
    title_stmt.remove(title_stmt[0])
    return made


@pytest.mark.parametrize("name,tree", [pytest.param(name, tree, id=name) for name, tree in _broken_documents()])
def test_schema_errors_are_those_of_the_whole_file(name: str, tree: etree._ElementTree) -> None:
    checker = SchemaChecker()
    text = etree.tostring(tree, encoding="unicode")
    tree = etree.fromstring(text).getroottree()  # line numbers, as a file read from disk has
    found = [issue.message for issue in checker.check(tree, Path(f"{name}.xml"), f"{name}.xml", text.splitlines())]
    whole = [f"{' '.join(str(e.reason).split())} (at {e.path})" for e in checker.detailed().iter_errors(tree)]
    assert found == whole and len(found) >= 2


def test_schema_valid_fixture_needs_no_detailed_validator() -> None:
    checker = SchemaChecker()
    for path in sorted(VALID.glob("*.xml")):
        assert checker.check(etree.parse(str(path)), path, path.name, []) == []
    assert checker._detailed is None
