"""Write a TEI document back as a source text in the editorial conventions it was read from.

This is the readers' inverse, so it lives beside them and reads the same
conventions table: each bracketed sign is written with its row's `write`
template, the row chosen as the most specific one whose element and
attributes fit. Converting the text it writes gives the same TEI again (the
round trip the tests check). The page form follows the document's source: a
record page when it has a citation, a compilation section when it is a
numbered document of an article, a bare cable otherwise. Of a document with
several witnesses, each text is written as its base witness reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from tei_edition.conventions import BracketSign, Conventions
from tei_edition.registers import Registers
from tei_edition.xmlio import NSMAP, TEI_NS, XML_NS

_BLOCKS = frozenset({"p", "ab", "head", "salute", "signed", "dateline", "item", "trailer"})
_CONTAINERS = frozenset({"div", "opener", "closer", "postscript", "floatingText", "body"})
_KINDS = {"translation": "Translation", "transcription": "Transcription", "original": "Original"}
_LANGUAGES = {"en": "English", "ru": "Russian", "zh": "Chinese", "ko": "Korean", "de": "German", "fr": "French"}


class SourceWriter:
    """Writes TEI documents of one edition as source texts."""

    def __init__(self, conventions: Conventions, registers: Registers) -> None:
        self.conventions = conventions
        self.registers = registers

    # -- pages

    def write(self, root: etree._Element) -> str:
        """The source text of a document, in the form its own source had."""
        if root.find(".//tei:sourceDesc/tei:bibl[@type='citation']", NSMAP) is not None:
            return self._record_page(root)
        if root.find(".//tei:sourceDesc/tei:bibl[@type='publication']/tei:biblScope[@unit='document']", NSMAP) is not None:
            return self._compilation_section(root)
        return self._text(root)

    def _record_page(self, root: etree._Element) -> str:
        date = root.xpath("string(//tei:correspDesc[not(@type)]/tei:correspAction[@type='sent']/tei:date)", namespaces=NSMAP)
        lines = [f"{date} {self._title(root)}".strip(), ""]
        lines += ["Citation:", "", _text(root.find(".//tei:bibl[@type='citation']", NSMAP)), ""]
        summary = root.find(".//tei:profileDesc/tei:abstract", NSMAP)
        if summary is not None:
            lines += ["Summary:", "", _text(summary), ""]
        language = root.find(".//tei:msContents/tei:textLang", NSMAP)
        if language is not None:
            lines += ["Original Language:", "", _text(language), ""]
        for note in root.iterfind(".//tei:sourceDesc/tei:bibl[@type='publication']/tei:note[@type='field']", NSMAP):
            if note.get("subtype") != "page-title":
                lines += [f"{note.get('subtype', '').replace('-', ' ').title()}:", "", _text(note), ""]
        lines += ["Contents:", ""]
        for div in _versions(root):
            lines += [f"{_KINDS.get(div.get('type', ''), 'Translation')} - {_LANGUAGES.get(div.get(f'{{{XML_NS}}}lang', 'en'), 'English')}", ""]
        return "\n".join(lines) + "\n" + self._text(root)

    def _compilation_section(self, root: etree._Element) -> str:
        bibl = root.find(".//tei:sourceDesc/tei:bibl[@type='publication']", NSMAP)
        article = bibl.xpath("string(tei:title[@level='a'])", namespaces=NSMAP)
        editor = bibl.xpath("string(tei:editor)", namespaces=NSMAP)
        number = bibl.xpath("string(tei:biblScope[@unit='document']/@n)", namespaces=NSMAP)
        lines = [f"{article}, article and translations by {editor}" if editor else article, ""]
        lines += [f"Document {number}: {self._title(root)}", self._text(root).rstrip("\n")]
        lines.append(self._source_line(root, editor))
        return "\n".join(lines) + "\n"

    def _source_line(self, root: etree._Element, editor: str) -> str:
        references = [_text(i) for i in root.iterfind(".//tei:sourceDesc/tei:msDesc/tei:msIdentifier/tei:altIdentifier[@type='as-written']/tei:idno", NSMAP)]
        translators = [_text(n) for n in root.xpath("//tei:titleStmt/tei:respStmt[@xml:id='translator']/tei:persName", namespaces=NSMAP)]
        credit = f"; translation by {' and '.join(translators)}." if translators and translators != [editor] else ""
        return f"[Source: {'; '.join(references)}{credit}]" if references else ""

    def _title(self, root: etree._Element) -> str:
        title = root.find(".//tei:titleStmt/tei:title", NSMAP)
        return "" if title is None or title.get("type") == "supplied" else " ".join(self.inline(title).split())

    # -- blocks

    def _text(self, root: etree._Element) -> str:
        lines: list[str] = []
        for div in _versions(root):
            lines.extend(self._container(div))
            lines.append("")
        text = "\n".join(lines)
        return re.sub(r"\n{4,}", "\n\n\n", text).strip("\n") + "\n"

    def _container(self, element: etree._Element) -> Iterator[str]:
        previous_closed = False
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "div" and child.get("type") == "attachment" and previous_closed and child.find("tei:head", NSMAP) is None:
                yield ""
                yield ""  # an attachment after a closed text is set off by a wide gap
            if name in _CONTAINERS:
                yield from self._container(child)
            elif name in _BLOCKS:
                yield self.inline(child)
                yield ""
            elif name == "list":
                yield from self._list(child)
            elif name == "pb":
                yield f"- {child.get('n')} -"
                yield ""
            elif name == "milestone":
                yield "* * * * *"
                yield ""
            elif name in {"note", "app", "gap"}:
                yield self.inline(_wrapped(child))
                yield ""
            previous_closed = name in {"closer", "postscript"} or (name == "div" and child.find(".//tei:closer", NSMAP) is not None)

    def _list(self, element: etree._Element) -> Iterator[str]:
        kind = element.get("type")
        head = element.find("tei:head", NSMAP)
        items = [self.inline(i) for i in element.iterfind("tei:item", NSMAP)]
        if kind == "distribution":
            yield f"{self.inline(head)} {', '.join(items)}".strip()
        elif kind == "copies":
            yield " ".join(items)
        else:
            for item in items:
                yield item
                yield ""
            return
        yield ""

    # -- inline

    def inline(self, element: etree._Element) -> str:
        """The source text of an element's content, its signs written back."""
        parts = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str):
                parts.append(self._sign(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def _sign(self, element: etree._Element) -> str:
        name = etree.QName(element).localname
        writer = getattr(self, f"_write_{name}", None)
        if writer is not None:
            return writer(element)
        return self.inline(element)

    def _write_lb(self, element: etree._Element) -> str:
        return "\n"

    def _write_hi(self, element: etree._Element) -> str:
        text = self.inline(element)
        return " ".join(text) if element.get("rend") == "letterspaced" else text

    def _write_supplied(self, element: etree._Element) -> str:
        return f"[{self.inline(element)}]"

    def _write_foreign(self, element: etree._Element) -> str:
        return f"[{self.inline(element)}]" if element.get(f"{{{XML_NS}}}lang") == "ru-Latn" else self.inline(element)

    def _write_ex(self, element: etree._Element) -> str:
        return f"[{self.inline(element)}]"

    def _write_app(self, element: etree._Element) -> str:
        lemma = element.find("tei:lem", NSMAP)
        return self.inline(lemma) if lemma is not None else ""

    def _write_choice(self, element: etree._Element) -> str:
        parts = {etree.QName(c).localname: c for c in element if isinstance(c.tag, str)}
        if "sic" in parts and "corr" in parts:
            sic, corr = self.inline(parts["sic"]), self.inline(parts["corr"])
            if sic.isdigit() and corr.isdigit():
                return f"{sic} [{corr}]"  # a number corrected: the reader knows it by its context
            return self._bracket(element, "sic-corr", text=self.inline(parts["corr"]), sic=self.inline(parts["sic"]))
        if "abbr" in parts:
            return f"{self.inline(parts['abbr'])} [{self.inline(parts['expan'])}]"
        original = parts.get("orig") if "orig" in parts else next(iter(parts.values()))
        return self.inline(original)

    def _write_sic(self, element: etree._Element) -> str:
        return self._bracket(element, "sic", sic=self.inline(element))

    def _write_add(self, element: etree._Element) -> str:
        return self._bracket(element, "add", text=self.inline(element))

    def _write_del(self, element: etree._Element) -> str:
        return self._bracket(element, "del", text=self.inline(element))

    def _write_note(self, element: etree._Element) -> str:
        if element.get("type") == "unclassified":
            return f"[{self.inline(element)}]"
        resp = element.get("resp", "")
        initials = next((f for f in self.registers.forms(resp) if re.fullmatch(r"[A-Z]{2,4}", f)), "") if not resp.startswith("#") else ""
        return self._bracket(element, "note", text=self.inline(element), initials=initials)

    def _write_gap(self, element: etree._Element) -> str:
        desc = element.find("tei:desc", NSMAP)
        return self._bracket(element, "gap", desc=self.inline(desc) if desc is not None else element.get("reason", ""))

    def _bracket(self, element: etree._Element, kind: str, **values: str) -> str:
        """The sign of the conventions row that fits the element best."""
        row = self._row(element, kind, values)
        return row.write.format(**{"text": "", "sic": "", "desc": "", "initials": "", **values})

    def _row(self, element: etree._Element, kind: str, values: dict[str, str]) -> BracketSign:
        best: tuple[int, BracketSign] | None = None
        for sign in self.conventions.brackets:
            if sign.element != kind or not sign.write:
                continue
            fits = [element.get(attribute) == value for attribute, value in sign.attributes.items() if attribute != "hand"]
            if not all(fits) or ("{initials}" in sign.write) != bool(values.get("initials")):
                continue
            if best is None or len(fits) > best[0]:
                best = (len(fits), sign)
        if best is None:
            raise ValueError(f"the conventions table has no sign for <{etree.QName(element).localname}> {dict(element.attrib)}")
        return best[1]


def _versions(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//tei:text/tei:body/tei:div", NSMAP)


def _wrapped(element: etree._Element) -> etree._Element:
    holder = etree.Element(f"{{{TEI_NS}}}ab")
    holder.append(etree.fromstring(etree.tostring(element)))
    holder[0].tail = None
    return holder


def _text(element: etree._Element | None) -> str:
    return "" if element is None else " ".join("".join(element.itertext()).split())


__all__ = [SourceWriter.__name__]
