"""Compile ISO Schematron rules into one XSLT 1.0 stylesheet that visits only the nodes a rule is about.

lxml's skeleton implementation walks the whole document once per pattern, sending
every element and attribute through template matching, and once more per pattern in
the default mode: with eleven patterns a document is walked twenty-two times, which
made the rules cost about 1.7 ms a document. Here each alternative of a rule's
context (`a | b` has two) is one `apply-templates` over the nodes it matches,
selected with XPath (`tei:add` becomes `//tei:add`, selects.py), in a mode of its own. In that
mode the earlier rules of the pattern, and the earlier alternatives of the same
rule, are empty templates of higher priority: a node one of them matches was the
earlier rule's, and Schematron fires only the first rule of a pattern that matches
a node; the rule's own template matches any node, as every node the mode is given
matches its alternative. Nothing else is visited, and no XPath union (`|`) is ever evaluated: libxml2
merges node-sets in quadratic time, which made the edition rules on an index of ten
thousand files take seconds.

The rules keep their standard form (lxml's own steps resolve includes and abstract
patterns first), and the report keeps the SVRL elements the skeleton writes:
svrl:failed-assert and svrl:successful-report with id, role, location (a path of
element positions, `/*[1]/*[3]`) and the message. What the rules do not use
(diagnostics, abstract rules, a let with content) is refused rather than ignored.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from lxml import etree, isoschematron

from tei_edition.errors import TeiEditionError
from tei_edition.xmlio import write_atomic

SCH_NS: Final = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS: Final = "http://purl.oclc.org/dsdl/svrl"
XSL_NS: Final = "http://www.w3.org/1999/XSL/Transform"

_SCH: Final = f"{{{SCH_NS}}}"
_XSL: Final = f"{{{XSL_NS}}}"
_SVRL: Final = f"{{{SVRL_NS}}}"
#: The named template that writes a node's location.
_LOCATION: Final = "location"
#: A pattern every node a rule's context can select matches: the document, its elements, texts and the like, attributes.
_ANY_NODE: Final = "/ | node() | @*"
#: The message elements whose text is copied as it is.
_TEXT_ELEMENTS: Final = frozenset(f"{_SCH}{name}" for name in ("emph", "dir", "span"))
#: The file beside a rules driver that holds each rule context's alternatives and their selects as selects.py
#: reads and writes them with elementpath (`write_selects`): compiling the rules then imports no elementpath,
#: some 60 ms of every process that validates, more than the whole compilation. A context it does not hold
#: (the rules changed since, or another edition's rules) is read with elementpath as the rules are compiled.
SELECTS_FILE: Final = "selects.json"
#: A rule context's alternatives, each with the select that finds its nodes.
Selects = list[list[str]]


class SchematronCompileError(TeiEditionError):
    """Raised when the rules use a part of Schematron this compiler does not implement."""


def compile_rules(driver: Path, phase: str | None = None) -> etree.XSLT:
    """The rules of `driver` (all its patterns, or those active in `phase`) as one compiled stylesheet."""
    selects = driver.parent / SELECTS_FILE
    return etree.XSLT(stylesheet(expanded_schema(driver), phase, json.loads(selects.read_bytes()) if selects.is_file() else {}))


def stylesheet(schema: etree._Element, phase: str | None, known: Mapping[str, Selects] | None = None) -> etree._ElementTree:
    """The XSLT for a Schematron schema whose includes and abstract patterns are resolved (the selects of
    the contexts `known` holds as it gives them)."""
    if schema.get("queryBinding", "xslt").lower() not in {"xslt", "xslt1"}:
        raise SchematronCompileError(f"query binding {schema.get('queryBinding')!r}: only XSLT 1.0 is supported")
    namespaces = _namespaces(schema)
    root = etree.Element(f"{_XSL}stylesheet", {"version": "1.0"}, nsmap={"xsl": XSL_NS, "svrl": SVRL_NS, **namespaces})
    etree.SubElement(root, f"{_XSL}output", method="xml")
    for foreign in schema.iterchildren(f"{_XSL}*"):  # keys and the like, declared for the rules
        root.append(copy.deepcopy(foreign))
    chosen = _phase(schema, phase)
    for let in [*schema.iterchildren(f"{_SCH}let"), *(chosen.iterchildren(f"{_SCH}let") if chosen is not None else [])]:
        root.append(_variable(let))
    patterns = _active_patterns(schema, chosen)
    start = etree.SubElement(root, f"{_XSL}template", match="/")
    output = etree.SubElement(start, f"{_SVRL}schematron-output")
    for number, pattern in enumerate(patterns):
        for let in pattern.iterchildren(f"{_SCH}let"):
            root.append(_variable(let))
        earlier: list[str] = []  # the context alternatives of the pattern so far
        for rule in pattern.iterchildren(f"{_SCH}rule"):
            for alternative, select in _selects(_context(rule), namespaces, known or {}):
                mode = f"p{number}-{len(earlier)}"
                etree.SubElement(output, f"{_XSL}apply-templates", select=select, mode=mode)
                for priority, taken in enumerate(earlier, start=2):
                    etree.SubElement(root, f"{_XSL}template", match=taken, mode=mode, priority=str(priority))
                root.append(_rule_template(rule, mode))
                earlier.append(alternative)
    root.append(_location_template())
    return root.getroottree()


def selects_of(schema: etree._Element) -> dict[str, Selects]:
    """The context of every rule of a schema's patterns with its alternatives and their selects: what SELECTS_FILE holds."""
    namespaces = _namespaces(schema)
    contexts = sorted({_context(rule) for pattern in _active_patterns(schema, None) for rule in pattern.iterchildren(f"{_SCH}rule")})
    return {context: _selects(context, namespaces, {}) for context in contexts}


def write_selects(driver: Path) -> None:
    """Write SELECTS_FILE beside `driver` for its rules, after they changed (tests/test_validate_selects.py tells).

    The functions the rules call must be registered first (functions.register_functions), as
    the validator registers them: a context that calls one lxml does not have is refused.
    """
    text = json.dumps(selects_of(expanded_schema(driver)), ensure_ascii=False, indent=1)
    write_atomic(driver.parent / SELECTS_FILE, text + "\n")


def _selects(context: str, namespaces: Mapping[str, str], known: Mapping[str, Selects]) -> Selects:
    """A context's alternatives and their selects: as `known` holds them, else read now."""
    if context in known:
        return known[context]
    from tei_edition.validate.selects import alternatives, select_expression  # elementpath: see SELECTS_FILE

    return [[alternative, select_expression(alternative, namespaces)] for alternative in alternatives(context, namespaces)]


def expanded_schema(driver: Path) -> etree._Element:
    """The rules of `driver` with their includes and abstract patterns resolved (by lxml's own ISO steps)."""
    return isoschematron.iso_abstract_expand(isoschematron.iso_dsdl_include(etree.parse(str(driver)))).getroot()


def _namespaces(schema: etree._Element) -> dict[str, str]:
    return {ns.get("prefix", ""): ns.get("uri", "") for ns in schema.iter(f"{_SCH}ns")}


def _phase(schema: etree._Element, phase: str | None) -> etree._Element | None:
    if phase in (None, "#ALL"):
        return None
    name = schema.get("defaultPhase") if phase == "#DEFAULT" else phase
    for candidate in schema.iterchildren(f"{_SCH}phase"):
        if candidate.get("id") == name:
            return candidate
    raise SchematronCompileError(f"the rules have no phase {name!r}")


def _active_patterns(schema: etree._Element, phase: etree._Element | None) -> list[etree._Element]:
    """The patterns to run, in the order the schema gives them (as the skeleton runs them)."""
    patterns = [p for p in schema.iterchildren(f"{_SCH}pattern") if p.get("abstract") != "true"]
    if phase is None:
        return patterns
    active = {a.get("pattern") for a in phase.iterchildren(f"{_SCH}active")}
    return [p for p in patterns if p.get("id") in active]


def _context(rule: etree._Element) -> str:
    if rule.get("abstract") == "true" or rule.find(f"{_SCH}extends") is not None:
        raise SchematronCompileError(f"abstract rules are not supported (rule {rule.get('id') or rule.get('context')!r})")
    context = rule.get("context")
    if not context:
        raise SchematronCompileError("a rule has no context")
    return context


def _rule_template(rule: etree._Element, mode: str) -> etree._Element:
    """The rule's lets and tests, for every node its `mode` is given.

    It matches any node: the mode is given only the nodes one alternative's select
    chose, all of which match that alternative, so matching them against it again
    would only evaluate its predicates once more at each node (a function in Python
    that serializes the document, for one rule: once per element of it).
    """
    template = etree.Element(f"{_XSL}template", match=_ANY_NODE, mode=mode, priority="1")
    for child in rule:
        if child.tag == f"{_SCH}let":
            template.append(_variable(child))
        elif child.tag in (f"{_SCH}assert", f"{_SCH}report"):
            template.append(_test(child))
    return template


def _test(test: etree._Element) -> etree._Element:
    """An assert (fires when its test is false) or a report (fires when it is true) as an xsl:if."""
    if test.get("diagnostics") or test.get("properties"):
        raise SchematronCompileError(f"diagnostics and properties are not supported ({test.get('id')!r})")
    is_assert = test.tag == f"{_SCH}assert"
    condition = f"not({test.get('test')})" if is_assert else test.get("test", "")
    check = etree.Element(f"{_XSL}if", test=condition)
    result = etree.SubElement(check, f"{_SVRL}{'failed-assert' if is_assert else 'successful-report'}", test=test.get("test", ""))
    for name in ("id", "role", "flag"):
        if test.get(name):
            result.set(name, test.get(name))
    etree.SubElement(etree.SubElement(result, f"{_XSL}attribute", name="location"), f"{_XSL}call-template", name=_LOCATION)
    text = etree.SubElement(result, f"{_SVRL}text")
    _message(test, text)
    return check


def _message(source: etree._Element, target: etree._Element) -> None:
    """Copy a message: its text (as xsl:text, so that spaces between values stay), `name` and
    `value-of` as the XSLT that computes them, emph, dir and span as their text."""
    _literal(target, source.text)
    for child in source:
        if child.tag == f"{_SCH}name":
            etree.SubElement(target, f"{_XSL}value-of", select=f"name({child.get('path', '.')})")
        elif child.tag == f"{_SCH}value-of":
            etree.SubElement(target, f"{_XSL}value-of", select=child.get("select", "."))
        elif child.tag in _TEXT_ELEMENTS:
            _literal(target, "".join(child.itertext()))
        else:
            raise SchematronCompileError(f"message element {etree.QName(child).localname!r} is not supported")
        _literal(target, child.tail)


def _literal(parent: etree._Element, text: str | None) -> None:
    if text:
        etree.SubElement(parent, f"{_XSL}text").text = text


def _variable(let: etree._Element) -> etree._Element:
    if len(let) or not let.get("value"):
        raise SchematronCompileError(f"let {let.get('name')!r}: only a let with a value attribute is supported")
    return etree.Element(f"{_XSL}variable", name=let.get("name", ""), select=let.get("value", ""))


def _location_template() -> etree._Element:
    """Where a node is, as positions of elements from the root (`/*[1]/*[3]`); an attribute adds `/@name`."""
    return etree.fromstring(
        f'<xsl:template xmlns:xsl="{XSL_NS}" name="{_LOCATION}">'
        '<xsl:for-each select="ancestor-or-self::*">'
        '<xsl:text>/*[</xsl:text><xsl:value-of select="count(preceding-sibling::*) + 1"/><xsl:text>]</xsl:text>'
        "</xsl:for-each>"
        '<xsl:if test="count(. | ../@*) = count(../@*)">'
        "<xsl:text>/@*[name() = '</xsl:text><xsl:value-of select=\"name()\"/><xsl:text>']</xsl:text>"
        "</xsl:if>"
        "</xsl:template>"
    )


__all__ = [
    "SCH_NS",
    "SVRL_NS",
    SchematronCompileError.__name__,
    "SELECTS_FILE",
    compile_rules.__name__,
    stylesheet.__name__,
    expanded_schema.__name__,
    selects_of.__name__,
    write_selects.__name__,
]
