"""The encoding guidelines page: the schema's own annotations, with an example from the edition.

The XSD says, for every element, when to use it; this module turns those
annotations, the attributes with their closed value lists, and the first
occurrence of each element in the edition's TEI files into one self-contained
HTML5 page (no scripts, no external requests), followed by the editorial rules.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Final

from lxml import etree
from lxml.html import builder as E

from tei_edition.validate.catalogue import rule_catalogue
from tei_edition.validate.schema import DEFAULT_XSD
from tei_edition.xmlio import TEI_NS, XmlInputError, parse_xml, parse_xml_bytes

XS: Final = "http://www.w3.org/2001/XMLSchema"
_X: Final = {"xs": XS}

#: How much of an example the page shows; longer ones are cut with an ellipsis.
EXAMPLE_CHARACTERS: Final = 600

_STYLE: Final = """
body { font-family: serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #999; }
h3 { font-family: monospace; margin-bottom: .2rem; }
pre { background: #f4f4f4; padding: .6rem; white-space: pre-wrap; font-size: .85rem; }
dt { font-family: monospace; font-weight: bold; }
nav ul { columns: 4; list-style: none; padding: 0; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .2rem .4rem; vertical-align: top; }
"""


def _documentation(node: etree._Element) -> str:
    return " ".join(" ".join(node.xpath("xs:annotation/xs:documentation//text()", namespaces=_X)).split())


def _simple_type(schema: etree._Element, node: etree._Element) -> etree._Element | None:
    inline = node.find(f"{{{XS}}}simpleType")
    if inline is not None:
        return inline
    name = (node.get("type") or "").split(":")[-1]
    found = schema.xpath("xs:simpleType[@name = $n]", namespaces=_X, n=name)
    return found[0] if found else None


def _values(schema: etree._Element, attribute: etree._Element) -> list[tuple[str, str]]:
    simple = _simple_type(schema, attribute)
    if simple is None:
        return []
    return [(e.get("value", ""), _documentation(e)) for e in simple.iter(f"{{{XS}}}enumeration")]


def _attributes(schema: etree._Element, declaration: etree._Element) -> list[etree._Element]:
    """The attributes an element declares itself or through its complex type (global ones left out)."""
    complex_type = declaration.find(f"{{{XS}}}complexType")
    if complex_type is None:
        named = schema.xpath("xs:complexType[@name = $n]", namespaces=_X, n=declaration.get("type", ""))
        complex_type = named[0] if named else None
    if complex_type is None:
        return []
    return [a for a in complex_type.iter(f"{{{XS}}}attribute") if a.get("name")]


def collect_examples(files: Iterable[Path], names: Collection[str] | None = None) -> dict[str, str]:
    """The first occurrence of every TEI element in `files` (of each of `names` only, if
    given), serialised and trimmed.

    With `names`, a file is parsed only while one of the names still wanting an example
    may be in it: its bytes are searched first. Parsing every file of a large edition for
    the few names that never occur took as long as making the site's pages.
    """
    examples: dict[str, str] = {}
    for path in files:
        try:
            data = path.read_bytes()
            if names is not None and not _may_hold(data, sorted(n for n in names if n not in examples)):
                continue
            root = parse_xml_bytes(data, path).getroot()
        except (OSError, XmlInputError):
            continue
        for element in root.iter(f"{{{TEI_NS}}}*"):
            name = etree.QName(element).localname
            if name not in examples and (names is None or name in names):
                examples[name] = _example_text(element, path.name)
    return examples


def _may_hold(data: bytes, names: list[str]) -> bool:
    """Whether the XML `data` may hold an element of one of `names`: its start tag is
    "<name" or "<prefix:name", then a space, "/" or ">", in any ASCII-compatible
    encoding; a file in another one (UTF-16: a byte-order mark or NUL bytes) may hold anything."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return True
    return bool(names) and _start_tags(tuple(names)).search(data) is not None


@functools.lru_cache(maxsize=8)
def _start_tags(names: tuple[str, ...]) -> re.Pattern[bytes]:
    """The start tags of elements of `names`, with or without a prefix (the names still wanted change rarely)."""
    return re.compile(rb"<(?:[^\s<>/:!?]+:)?(?:" + b"|".join(re.escape(n.encode()) for n in names) + rb")[\s/>]")


def _example_text(element: etree._Element, file_name: str) -> str:
    text = etree.tostring(element, encoding="unicode", with_tail=False)
    text = text.replace(f' xmlns="{TEI_NS}"', "")
    if len(text) > EXAMPLE_CHARACTERS:
        text = text[:EXAMPLE_CHARACTERS].rstrip() + " …"
    return f"<!-- {file_name} -->\n{text}"


def render_guidelines(title: str, example_files: Iterable[Path], xsd: Path = DEFAULT_XSD) -> str:
    """The guidelines page as an HTML5 string."""
    schema = parse_xml(xsd).getroot()
    declarations = sorted(schema.xpath("xs:element[@name]", namespaces=_X), key=lambda d: d.get("name", "").lower())
    examples = collect_examples(example_files, {d.get("name", "") for d in declarations})
    sections = [_element_section(schema, declaration, examples) for declaration in declarations]
    navigation = E.NAV(E.UL(*[E.LI(E.A(d.get("name"), href=f"#{d.get('name')}")) for d in declarations]))
    page = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.TITLE(f"Encoding guidelines: {title}"), E.STYLE(_STYLE)),
        E.BODY(
            E.H1("Encoding guidelines"),
            E.P(
                f"How {title} is encoded in TEI P5: every element the edition's schema "
                "(schema/tei_edition.xsd) allows, when to use it, its attributes and their values, "
                "and its first occurrence in the edition. Elements not listed here are errors."
            ),
            navigation,
            E.H2("Elements"),
            *sections,
            E.H2("Editorial rules", id="rules"),
            E.P("Checked by tei-edition validate beyond the grammar (schema/rules/)."),
            _rules_table(),
        ),
        lang="en",
    )
    return "<!DOCTYPE html>\n" + etree.tostring(page, method="html", encoding="unicode") + "\n"


def _element_section(schema: etree._Element, declaration: etree._Element, examples: dict[str, str]) -> etree._Element:
    name = declaration.get("name", "")
    parts: list[etree._Element] = [E.H3(f"<{name}>"), E.P(_documentation(declaration))]
    attributes = _attributes(schema, declaration)
    if attributes:
        items: list[etree._Element] = []
        for attribute in attributes:
            values = _values(schema, attribute)
            required = " (required)" if attribute.get("use") == "required" else ""
            described = _documentation(attribute)
            text = (described + " " if described else "") + (
                "One of: " + "; ".join(f"{v}" + (f" ({d})" if d else "") for v, d in values) if values else ""
            )
            items.extend([E.DT(f"@{attribute.get('name')}{required}"), E.DD(text.strip() or "free value")])
        parts.append(E.DL(*items))
    example = examples.get(name)
    parts.append(E.PRE(example) if example else E.P(E.EM("Not used in the edition's files yet.")))
    return E.SECTION(*parts, id=name)


def _rules_table() -> etree._Element:
    rows = [E.TR(E.TH("rule"), E.TH("severity"), E.TH("topic"), E.TH("message"))]
    rows.extend(E.TR(E.TD(r.id), E.TD(r.role), E.TD(r.pattern), E.TD(r.message)) for r in rule_catalogue())
    return E.TABLE(*rows)


__all__ = ["EXAMPLE_CHARACTERS", collect_examples.__name__, render_guidelines.__name__]
