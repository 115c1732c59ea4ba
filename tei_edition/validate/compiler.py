"""Compile ISO Schematron rules into one XSLT 1.0 stylesheet that visits only the nodes a rule is about.

lxml's skeleton implementation walks the whole document once per pattern, sending
every element and attribute through template matching, and once more per pattern in
the default mode: with eleven patterns a document is walked twenty-two times, which
made the rules cost about 1.7 ms a document. Here each alternative of a rule's
context (`a | b` has two) is one `apply-templates` over the nodes it matches,
selected with XPath (`tei:add` becomes `//tei:add`), in a mode of its own. In that
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
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from lxml import etree, isoschematron

from tei_edition.errors import TeiEditionError

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


class SchematronCompileError(TeiEditionError):
    """Raised when the rules use a part of Schematron this compiler does not implement."""


def compile_rules(driver: Path, phase: str | None = None) -> etree.XSLT:
    """The rules of `driver` (all its patterns, or those active in `phase`) as one compiled stylesheet."""
    schema = isoschematron.iso_abstract_expand(isoschematron.iso_dsdl_include(etree.parse(str(driver)))).getroot()
    return etree.XSLT(stylesheet(schema, phase))


def stylesheet(schema: etree._Element, phase: str | None) -> etree._ElementTree:
    """The XSLT for a Schematron schema whose includes and abstract patterns are resolved."""
    if schema.get("queryBinding", "xslt").lower() not in {"xslt", "xslt1"}:
        raise SchematronCompileError(f"query binding {schema.get('queryBinding')!r}: only XSLT 1.0 is supported")
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(f"{_SCH}ns")}
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
            for alternative in alternatives(_context(rule)):
                mode = f"p{number}-{len(earlier)}"
                etree.SubElement(output, f"{_XSL}apply-templates", select=select_expression(alternative), mode=mode)
                for priority, taken in enumerate(earlier, start=2):
                    etree.SubElement(root, f"{_XSL}template", match=taken, mode=mode, priority=str(priority))
                root.append(_rule_template(rule, mode))
                earlier.append(alternative)
    root.append(_location_template())
    return root.getroottree()


def alternatives(pattern: str) -> list[str]:
    """The alternatives of an XSLT pattern (split at `|` outside predicates and strings).

    >>> alternatives("tei:add | tei:del[@rend = 'a|b']")
    ['tei:add', "tei:del[@rend = 'a|b']"]
    """
    return [part.strip() for part in _top_level_split(pattern, "|")]


def select_expression(alternative: str) -> str:
    """The XPath that selects, from anywhere in a document, every node a path pattern matches.

    A relative pattern matches wherever its path ends, so `//` goes before it. A step's
    last predicate that only asks for an attribute is walked to instead (`[@a]` becomes
    `/@a/..`, the same nodes in the same order): libxml2 evaluates a predicate at every
    element a step passes, about 0.15 microseconds each, which made `tei:*[@when]` cost
    six times what walking to the attributes costs. A `//` step whose predicates are
    plainly tests is walked as the descendant axis (`_descend`).

    >>> select_expression("tei:text//tei:add"), select_expression("/tei:TEI")
    ('//tei:text//tei:add', '/tei:TEI')
    >>> select_expression("tei:*[@when]"), select_expression("a[@x][1]/b[@y = 1][@z]")
    ('//tei:*/@when/..', '//a[@x][1]/b[@y = 1]/@z/..')
    >>> select_expression("tei:text//tei:note[not(@type)]"), select_expression("tei:text//tei:p[1]")
    ('//tei:text/descendant::tei:note[not(@type)]', '//tei:text//tei:p[1]')
    """
    select = alternative if alternative.startswith(("/", "key(", "id(")) else f"//{alternative}"
    if "[@" in select:
        top_level = set(_top_level(select))
        select = _ATTRIBUTE_PREDICATE.sub(lambda found: _walk_to_attribute(found, top_level), select)
    return _descend(select) if "//" in select else select


#: A predicate that only asks whether an attribute is there: `[@name]` (group 1, the name), and whether another follows (group 2).
_ATTRIBUTE_PREDICATE: Final = re.compile(r"\[\s*@(\*|[A-Za-z_][\w.-]*(?::(?:\*|[A-Za-z_][\w.-]*))?)\s*\](?=(\s*\[)?)")


def _walk_to_attribute(found: re.Match[str], top_level: set[int]) -> str:
    """`/@name/..` for a step's last predicate `[@name]` at the top level of the expression, else the predicate as it was.

    Not a predicate followed by another (`..[1]` would count parents, not the step's
    nodes), nor one inside a predicate or a string, where the step is not the selection's.
    """
    if found.group(2) or found.start() not in top_level:
        return found.group(0)
    return f"/@{found.group(1)}/.."


#: A name test (`tei:note`, `tei:*`, `*`) at the start of a step: not an axis, a node type or a function.
_NAME_TEST: Final = re.compile(r"(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*)(?![\w(:])")
#: What makes a predicate's value true or false when it is at the predicate's top level (comparisons bind loosest but for and, or).
_COMPARISON: Final = re.compile(r"[=<>]|\s(?:and|or)\s")
#: A predicate that is one call of a function that answers true or false (its arguments blanked, as `_is_test` shows them).
_TEST_CALL: Final = re.compile(r"(?:not|contains|starts-with|boolean|true|false|lang)\(_*")
#: A predicate that is a location path (its predicates and node types' parentheses blanked): a node-set, true when not empty.
_PATH: Final = re.compile(r"(?:[/|]*(?:@|[a-z-]+::)?(?:\*|[A-Za-z_][\w.-]*(?::(?:\*|[A-Za-z_][\w.-]*))?|(?:text|node|comment)\(_*|\.\.?)(?:\[_*)*)+")


def _descend(select: str) -> str:
    """`select` with each `//X[p]` at its top level as `/descendant::X[p]` when every predicate of X is a test, not a position.

    libxml2 walks `//X` as the descendant axis only when X has no predicate; with one, it
    first gathers every node below (descendant-or-self::node()) and then each one's
    children, some seven microseconds for a document. The two agree when no predicate
    counts positions (`//a[1]` is each parent's first a, `/descendant::a[1]` the
    document's), which is decided here only for predicates that plainly are tests: a
    comparison, and, or, one call of not, contains, starts-with, boolean, true, false or
    lang, or a location path; and that never name position() or last().
    """
    top_level = set(_top_level(select))
    parts, copied = [], 0
    for index in sorted(top_level):
        name = _NAME_TEST.match(select, index + 2) if select.startswith("//", index) else None
        predicates = _predicates(select, name.end()) if name else []
        if predicates and all(map(_is_test, predicates)):
            parts.append(f"{select[copied:index]}/descendant::")
            copied = index + 2
    return "".join(parts) + select[copied:]


def _predicates(text: str, start: int) -> list[str]:
    """The contents of the predicates `[a][b]` that follow one another from `start` in `text`."""
    contents = []
    while text.startswith("[", start):
        after = next(itertools.islice(_top_level(text[start:]), 1, None), len(text) - start)  # just past the closing bracket
        contents.append(text[start + 1 : start + after - 1])
        start += after
    return contents


def _is_test(predicate: str) -> bool:
    """Whether a predicate's value is plainly true or false (never a number, which would select by position)."""
    if re.search(r"\b(?:position|last)\s*\(", predicate):
        return False
    top_level = set(_top_level(predicate))
    flat = "".join(char if index in top_level else "_" for index, char in enumerate(predicate)).strip()
    return bool(_COMPARISON.search(flat) or _TEST_CALL.fullmatch(flat) or _PATH.fullmatch(flat))


def _top_level_split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` where it is outside brackets, parentheses and string literals."""
    cuts = [index for index in _top_level(text) if text[index] == separator]
    return [text[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(text)])]


def _top_level(text: str) -> Iterator[int]:
    """The indices of the characters of `text` that are outside brackets, parentheses and string literals
    (an opening bracket or quotation mark is outside what it opens)."""
    depth, quote = 0, ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
            continue
        if depth == 0:
            yield index
        if char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1


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
    compile_rules.__name__,
    stylesheet.__name__,
    alternatives.__name__,
    select_expression.__name__,
]
