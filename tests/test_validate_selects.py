"""The selects of the compiled rules (tei_edition/validate/selects.py): each context read by elementpath's
XPath 1.0 parser, and written back so that libxml2 walks it faster to the very nodes the pattern matches.

Each rewrite is checked against the plain answer (`//pattern` evaluated by lxml) on a small document, on
expressions whose text would mislead a reading by hand: brackets, `//`, `|` and `@` inside strings,
nested and positional predicates, unions, functions (XPath's, XSLT's, the edition's extension functions).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from test_validate_rules import EDITION_XML
from tei_edition.validate.compiler import SELECTS_FILE, expanded_schema, selects_of, stylesheet
from tei_edition.validate.functions import FUNCTIONS_NS, register_functions
from tei_edition.validate.rules import DEFAULT_RULES, DOCUMENT_PHASE, EDITION_PHASE, RuleRunner
from tei_edition.validate.selects import XPathSyntaxError, alternatives, select_expression
from tei_edition.xmlio import parse_xml

NAMESPACES = {"t": "urn:t", "ed": FUNCTIONS_NS}
#: Texts and attributes that hold brackets, slashes, bars and at signs, for the strings of the patterns below; a control
#: character; a second a below c's d, where `c//a[2]` (each parent's second a) and `c/descendant::a[2]` differ.
DOCUMENT = etree.fromstring(
    '<r xmlns="urn:t" xmlns:p="urn:t"><a x="1"><b y="1"/></a><a><b x="[@y]" y="2"/></a><a x="[@y]" y="3">t</a>'
    '<c x="4"><a/><d><a x="//"/><a p:x="5" xml:id="x"/></d></c><e x="a|b" y="]">[x]</e><e>//</e><e>\x7f</e></r>'
)


@pytest.fixture(autouse=True)
def _functions() -> None:
    """The ed: functions registered, as the validator registers them before it compiles the rules."""
    register_functions()


def plain(pattern: str) -> list[object]:
    """What a pattern matches anywhere in DOCUMENT, as its plain select finds it."""
    return DOCUMENT.xpath(pattern if pattern.startswith(("/", "key(", "id(")) else f"//{pattern}", namespaces=NAMESPACES)


@pytest.mark.parametrize(
    "pattern",
    [
        *("t:*[@x]", "t:a[@x][1]", "t:a[1][@x]", "t:*[@x]/t:b[@y]", "t:a[t:b[@x]]", "t:a[@x = '[@y]']", "t:r//t:*[ @x ][@y]", "/t:r/t:a[@*]"),
        *("t:a[1]", "t:a[last()]", "t:a[position() = 1]", "t:a[t:b][1]", "t:*[count(t:b)]", "t:a[@x * 2 - 1]", "t:c[@x]//t:a[1]"),
        *("t:r//t:a[not(@x)]", "t:r[t:a/@x = 1]//t:b[../@x]", "t:a[contains(@x, '[')]", "t:*[t:a and @x]", "t:r//*[text()]"),
        *("t:r//t:a[@x = '//']", "t:e[@x = 'a|b']", "t:e[@y = ']'][@x]", "t:r//t:e[contains(., '[x]')]", "t:r//t:e[. = '//']"),
        *('t:r//t:e[@x = "a|b"][@y]', "t:r//t:a[t:b[1]/@y]", "t:r//t:a[t:b[last()]]", "t:r//t:*[(@x)]", "t:r//t:a[@x][position() > 0]"),
        *("t:r//t:*[@x | @y]", "t:r//t:a[ancestor::t:c]", "t:r//t:a[string(@x)]", "t:r//t:*[ed:has-control-characters(.)]", "t:c//t:a[2]"),
        *("/t:r//t:a[@x]", "//t:a[@x]", "id('x')", "t:r/t:c/t:d//t:a[@x = '//'][@x]", "t:a[@t:x]", "t:*[@*]"),
        *("t:r//t:a[1 = 1][@x]", "t:r//t:a[@x = 1 or @x = '//']", "t:r//t:a[not(t:b/@x = '[@y]')]", "t:*[self::t:a or self::t:e][@x]"),
    ],
)
def test_a_select_finds_what_the_pattern_matches(pattern: str) -> None:
    """The selects differ from `//pattern` only where libxml2 walks them faster, never in a position counted."""
    expected = plain(pattern)
    assert expected and DOCUMENT.xpath(select_expression(pattern, NAMESPACES), namespaces=NAMESPACES) == expected


@pytest.mark.parametrize(
    ("pattern", "select"),
    [
        ("t:*[@x]", "//t:*/@x/.."),  # an attribute asked for: walked to
        ("t:a[@x][1]", "//t:a[@x][1]"),  # not followed by a position: `/@x/..[1]` would count parents
        ("t:a[1][@x]", "//t:a[1]/@x/.."),
        ("t:a[@x = '[@y]']", "/descendant::t:a[@x = '[@y]']"),  # `[@y]` is in a string
        ("t:a[t:b[@x]]", "/descendant::t:a[t:b[@x]]"),  # `[@x]` is in a predicate, not a step of the selection
        ("t:r//t:*[ @x ][@y]", "//t:r/descendant::t:*[@x]/@y/.."),
        ("t:r//t:a[not(@x)]", "//t:r/descendant::t:a[not(@x)]"),  # a test: the descendant axis
        ("t:c//t:a[1]", "//t:c//t:a[1]"),  # a position: each parent's first a, not the first below c
        ("t:r//t:a[t:b[last()]]", "//t:r//t:a[t:b[last()]]"),  # last() anywhere: left alone
        ("t:r//t:a[string(@x)]", "//t:r//t:a[string(@x)]"),  # a string is not plainly a test
        ("t:r//t:*[@x | @y]", "//t:r/descendant::t:*[@x | @y]"),  # a union of paths: a node-set
        ("t:r//t:a[@x = '//']", "//t:r/descendant::t:a[@x = '//']"),  # the `//` of the string is not a step
        ("t:r//t:*[ed:has-control-characters(.)]", "//t:r//t:*[ed:has-control-characters(.)]"),  # its value is not known
        ("t:r//t:a[@x]", "//t:r//t:a/@x/.."),  # no predicate left: `//` walks as fast
        ("/t:r//t:a[@x = 1 or @x = '//']", "/t:r/descendant::t:a[@x = 1 or @x = '//']"),
        ("key('k', 'v')//t:a[@x]", "key('k', 'v')//t:a/@x/.."),  # key() starts at what it finds
        ("t:r[@x]//t:a", "//t:r/@x/..//t:a"),
        ("key('k', 'v')[@x]", "key('k', 'v')/@x/.."),  # a filter: walked to as a step
        ("/t:r[(t:a | t:b)[@x]]", "/t:r[(t:a | t:b)[@x]]"),  # inside a parenthesis: not a step of the selection
    ],
)
def test_selects_are_rewritten_only_where_a_step_of_the_selection_can_be_walked_faster(pattern: str, select: str) -> None:
    assert select_expression(pattern, NAMESPACES) == select


def test_alternatives_are_the_operands_of_the_unions() -> None:
    assert alternatives("t:a[t:b | t:c] | t:d[@x = '|'] | (t:e | t:f) | t:g", NAMESPACES) == ["t:a[t:b | t:c]", "t:d[@x = '|']", "(t:e | t:f)", "t:g"]
    assert alternatives("/ | t:a/@x | text()", NAMESPACES) == ["/", "t:a/@x", "text()"]
    assert [select_expression(a, NAMESPACES) for a in alternatives("t:a//t:b | /t:c | key('k', 'v')", NAMESPACES)] == ["//t:a//t:b", "/t:c", "key('k', 'v')"]


@pytest.mark.parametrize("pattern", ["t:a[", "t:a[@x = 'open]", "u:a", "t:a[ed:unknown(.)]", "t:a[current-dateTime()]", "t:a]", "(t:a | t:b)[@x]", "$v/t:a"])
def test_what_is_not_an_xslt_1_pattern_is_refused(pattern: str) -> None:
    """Broken syntax, a prefix not declared, a function neither XPath 1.0, XSLT nor registered with lxml,
    a pattern that starts with neither a step, the root, key() nor id()."""
    with pytest.raises(XPathSyntaxError):
        select_expression(pattern, NAMESPACES)


def test_the_selects_beside_the_rules_are_what_elementpath_reads_now() -> None:
    """schema/rules/selects.json spares every validating process elementpath (compiler.SELECTS_FILE).
    After a change to the rules or to selects.py, write it again:
    .venv/bin/python -c 'from tei_edition.validate import compiler, functions, rules; functions.register_functions(); compiler.write_selects(rules.DEFAULT_RULES)'
    """
    written = json.loads((DEFAULT_RULES.parent / SELECTS_FILE).read_text(encoding="utf-8"))
    assert written == selects_of(expanded_schema(DEFAULT_RULES))


def test_rules_compiled_with_the_written_selects_are_those_compiled_without(tmp_path: Path) -> None:
    """The same stylesheet in each phase; and the same findings from rules beside no selects file (their
    contexts read as they are compiled) on a document broken for several rules."""
    schema = expanded_schema(DEFAULT_RULES)
    written = json.loads((DEFAULT_RULES.parent / SELECTS_FILE).read_text(encoding="utf-8"))
    for phase in (DOCUMENT_PHASE, EDITION_PHASE, None):
        assert etree.tostring(stylesheet(schema, phase, written)) == etree.tostring(stylesheet(schema, phase))
    driver = tmp_path / "rules.sch"
    driver.write_bytes(etree.tostring(schema))
    tree = parse_xml(EDITION_XML / "d1950-10-01_stalin_mao-zedong.xml")
    for element in tree.iter(etree.Element):
        if element.get("when"):
            element.set("when", "1950-02-30")
        if element.text and element.text.strip():
            element.text += " [stray"
    findings = [(f.rule, f.message, f.node) for f in RuleRunner(DOCUMENT_PHASE).run(tree)]
    assert len({rule for rule, _, _ in findings}) >= 2
    assert [(f.rule, f.message, f.node) for f in RuleRunner(DOCUMENT_PHASE, driver).run(tree)] == findings
