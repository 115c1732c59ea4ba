"""The selects of the compiled rules: a rule's context read by elementpath's XPath 1.0 parser and written back as faster XPath.

A context is an XSLT pattern, an XPath 1.0 expression as lxml's XSLT reads it:
with XSLT's own functions (key(), current()...) and the extension functions lxml
has in the rules' namespaces (the ed: ones, tei_edition/validate/functions.py).
elementpath's parser is given those, so that every context is parsed by it and
nothing of it is read by hand; the selects are written from its parse tree (each
token's `source`), rewritten only where a step of the selection itself (never
one inside a predicate, a parenthesis or a function's arguments) can be walked
faster by libxml2 to the same nodes. What it reads for the edition's rules is kept
beside them (compiler.SELECTS_FILE), so that validating imports no elementpath.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Final

from elementpath import XPath1Parser
from elementpath.exceptions import ElementPathError
from elementpath.xpath_tokens import XPathToken
from lxml import etree

from tei_edition.errors import TeiEditionError

#: XSLT 1.0's own functions (XSLT 1.0, section 12) and how many arguments each takes: elementpath knows XPath's only.
_XSLT_FUNCTIONS: Final = {
    "key": 2,
    "document": (1, 2),
    "current": 0,
    "generate-id": (0, 1),
    "format-number": (2, 3),
    "unparsed-entity-uri": 1,
    "system-property": 1,
    "element-available": 1,
    "function-available": 1,
}
#: What makes a predicate true or false whatever its operands: comparisons, and, or, the functions that answer a boolean.
_BOOLEAN: Final = frozenset({"=", "!=", "<", "<=", ">", ">=", "and", "or", "not", "contains", "starts-with", "boolean", "true", "false", "lang"})
#: The tokens of a location path's steps by themselves (a name, `*`, `@`, `.`, `..`); axes and node types are told by their label.
_STEPS: Final = frozenset({"(name)", "*", "@", ".", ".."})


class XPathSyntaxError(TeiEditionError):
    """Raised when a rule's context is not XPath 1.0 as lxml's XSLT reads it (or calls a function lxml does not have)."""


def alternatives(pattern: str, namespaces: Mapping[str, str]) -> list[str]:
    """The alternatives of an XSLT pattern: the operands of its unions (`a | b` has two).

    >>> alternatives("tei:add | tei:del[@rend = 'a|b']", {"tei": "http://www.tei-c.org/ns/1.0"})
    ['tei:add', "tei:del[@rend = 'a|b']"]
    """
    return [member.source for member in _union_members(_parse(pattern, namespaces))]


def select_expression(alternative: str, namespaces: Mapping[str, str]) -> str:
    """The XPath that selects, from anywhere in a document, every node a path pattern matches.

    A relative pattern matches wherever its path ends, so `//` goes before it. A step's
    last predicate that only asks for an attribute is walked to instead (`[@a]` becomes
    `/@a/..`, the same nodes in the same order): libxml2 evaluates a predicate at every
    element a step passes, about 0.15 microseconds each, which made `tei:*[@when]` cost
    six times what walking to the attributes costs. A `//` step whose predicates are
    plainly tests is walked as the descendant axis (`_descends`).

    >>> ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    >>> select_expression("tei:text//tei:add", ns), select_expression("/tei:TEI", ns)
    ('//tei:text//tei:add', '/tei:TEI')
    >>> select_expression("tei:*[@when]", ns), select_expression("a[@x][1]/b[@y = 1][@z]", ns)
    ('//tei:*/@when/..', '//a[@x][1]/b[@y = 1]/@z/..')
    >>> select_expression("tei:text//tei:note[not(@type)]", ns), select_expression("tei:text//tei:p[1]", ns)
    ('//tei:text/descendant::tei:note[not(@type)]', '//tei:text//tei:p[1]')
    """
    path = _parse(alternative, namespaces)
    if not _rooted(path):
        path = _parse(f"//{alternative}", namespaces)
    return _written_path(path)


def _written_path(path: XPathToken) -> str:
    """A location path with its steps rewritten: each `/` or `//` with what is before it and the step after it."""
    if path.symbol not in ("/", "//") or not len(path):
        return _written_step(path)
    *before, step = path
    start = _written_path(before[0]) if before else ""
    if path.symbol == "//" and _descends(step):
        return f"{start}/descendant::{_written_step(step)}"
    return f"{start}{path.symbol}{_written_step(step)}"


def _written_step(step: XPathToken) -> str:
    """A step whose last predicate only asks for an attribute as a walk to it and back (`a[@x]` as `a/@x/..`).

    Only the last: `a[@x][1]` as `a/@x/..[1]` would count parents, not the step's nodes.
    """
    if step.symbol == "[" and _asks_for_attribute(step[1]):
        return f"{step[0].source}/{step[1].source}/.."
    return step.source


def _descends(step: XPathToken) -> bool:
    """Whether `//X[p]` may be walked as `/descendant::X[p]`: X a name test, and every predicate plainly a test.

    libxml2 walks `//X` as the descendant axis only when X has no predicate; with one, it
    first gathers every node below (descendant-or-self::node()) and then each one's
    children, some seven microseconds for a document. The two agree when no predicate
    counts positions (`//a[1]` is each parent's first a, `/descendant::a[1]` the
    document's). A last predicate walked to as an attribute (`_written_step`) is no
    longer one, and a step left with none is walked as fast either way.
    """
    predicates = []
    while step.symbol == "[":
        predicates.insert(0, step[1])
        step = step[0]
    if predicates and _asks_for_attribute(predicates[-1]):
        predicates.pop()
    return bool(predicates) and _is_name_test(step) and all(map(_is_test, predicates))


def _is_test(predicate: XPathToken) -> bool:
    """Whether a predicate's value is plainly true or false (never a number, which would select by position):
    a comparison, and, or, a function that answers a boolean, or a location path (true when not empty);
    and it never asks for position() or last()."""
    if any(True for _ in predicate.iter("position", "last")):
        return False
    return predicate.symbol in _BOOLEAN or _is_path(predicate)


def _is_path(token: XPathToken) -> bool:
    """Whether an expression is a location path (or a union of them): a node-set by its form alone."""
    if token.symbol in ("/", "//", "|"):
        return all(map(_is_path, token))
    if token.symbol == "[":
        return _is_path(token[0])
    return token.symbol in _STEPS or token.label in ("axis", "kind test") or _is_name_test(token)


def _is_name_test(token: XPathToken) -> bool:
    """`name`, `*`, `prefix:name`, `prefix:*`: not an axis, a node type or a function."""
    return token.symbol in ("(name)", "*") or (token.symbol == ":" and not token[1].label.endswith("function"))


def _asks_for_attribute(predicate: XPathToken) -> bool:
    """Whether a predicate only asks whether an attribute of a name (`@x`, `@t:x`, `@*`) is there."""
    return predicate.symbol == "@" and _is_name_test(predicate[0])


def _rooted(path: XPathToken) -> bool:
    """Whether a pattern starts at the root (`/`, `//`) or at what key() or id() finds, rather than anywhere."""
    while path.symbol in ("/", "//", "[") and len(path) == 2:
        path = path[0]
    return path.symbol in ("/", "//", "key", "id")


def _union_members(expression: XPathToken) -> list[XPathToken]:
    if expression.symbol == "|":
        return [member for operand in expression for member in _union_members(operand)]
    return [expression]


def _parse(expression: str, namespaces: Mapping[str, str]) -> XPathToken:
    parser = _parser_class(_extensions(namespaces.values()))(namespaces=dict(namespaces))
    try:
        return parser.parse(expression)
    except ElementPathError as error:
        raise XPathSyntaxError(f"{expression!r} is not an XSLT 1.0 pattern the rules compiler can read: {error}") from None


def _extensions(uris: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The extension functions (namespace, name) lxml has in these namespaces: the only ones the rules can call."""
    return frozenset((uri, name.decode()) for uri in uris for name in etree.FunctionNamespace(uri))


@functools.cache
def _parser_class(extensions: frozenset[tuple[str, str]]) -> type[XPath1Parser]:
    """elementpath's XPath 1.0 parser, given XSLT's functions and these extension functions; any of them may start a path
    (`key('k', 'v')/x`), as any function call may in XPath 1.0."""
    prefixes = {uri: f"extension{number}" for number, uri in enumerate(sorted({uri for uri, _ in extensions}))}

    class XsltPathParser(XPath1Parser):
        DEFAULT_NAMESPACES = {**XPath1Parser.DEFAULT_NAMESPACES, **{prefix: uri for uri, prefix in prefixes.items()}}
        PATH_STEP_SYMBOLS = XPath1Parser.PATH_STEP_SYMBOLS | {"id", *_XSLT_FUNCTIONS, *(name for _, name in extensions)}

    functions = [XsltPathParser.function(name, nargs=arguments) for name, arguments in _XSLT_FUNCTIONS.items()]
    functions += [XsltPathParser.function(name, prefix=prefixes[uri]) for uri, name in sorted(extensions)]
    for function in functions:
        function.evaluate = _evaluated_by_lxml  # type: ignore[method-assign]
    return XsltPathParser


def _evaluated_by_lxml(token: XPathToken, context: object = None) -> object:
    """What a function elementpath does not have gives: none, for lxml evaluates the rules. The parser
    evaluates an expression without a context once it is parsed, and takes this error as the answer."""
    raise token.missing_context()


__all__ = [XPathSyntaxError.__name__, alternatives.__name__, select_expression.__name__]
