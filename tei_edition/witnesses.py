"""One document, several texts: recognise the same document in several sources and encode it once.

Two converted documents are the same document when they have the same date,
the same senders, a recipient in common, and an archival file in common
(repository, fond, opis, delo: the leaves may differ, copies of one cable
lie in one file). The document with the most texts becomes the base; every
text of every copy becomes a witness (`listWit`, sigla A, B, C...), and the
witnesses of each language are collated into one text with an apparatus.
"""

from __future__ import annotations

import copy
import string
from dataclasses import dataclass

from lxml import etree

from tei_edition.collate import Witness, collate
from tei_edition.tei import STRUCTURAL, el, indent_structure
from tei_edition.xmlio import NSMAP, TEI_NS, XML_NS

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


@dataclass(frozen=True)
class Identity:
    """What makes two texts the same document."""

    date: str
    senders: frozenset[str]
    recipients: frozenset[str]
    files: frozenset[tuple[str, ...]]

    def same_document(self, other: Identity) -> bool:
        return (
            bool(self.date)
            and self.date == other.date
            and self.senders == other.senders
            and bool(self.recipients & other.recipients)
            and bool(self.files & other.files)
        )


def identity_of(root: etree._Element) -> Identity:
    """The identity of a converted TEI document, read from its header (the build asks it of every document it converts).

    One walk over the header finds every fact: correspondence and the archival
    description stand only there (profileDesc, fileDesc), and the text, half of
    a document's elements, is not walked at all (as four paths from the root did)."""
    header = root.find("tei:teiHeader", NSMAP)
    senders: set[str] = set()
    recipients: set[str] = set()
    files = set()
    date = None
    for element in (root if header is None else header).iter(_ACTION, _IDENTIFIER):
        parent = element.getparent()
        if element.tag == _IDENTIFIER:
            if parent.tag == _MS_DESC and (holder := parent.getparent()) is not None and holder.tag == _SOURCE_DESC:
                repository = _REPOSITORY(element)
                parts = tuple(part(element) for part in _FILE_PARTS)
                if repository and all(parts):
                    files.add((repository, *parts))
            continue
        kind = element.get("type")
        if kind == "sent" and date is None:  # the first sent action's date with a @when, wherever the action stands
            date = next((when for child in element.iterchildren(_DATE) if (when := child.get("when")) is not None), None)
        if kind in ("sent", "received") and parent.tag == _CORRESP_DESC:
            side = senders if kind == "sent" else recipients
            side.update(ref for child in element.iterchildren("*") if (ref := child.get("ref")) is not None)
    return Identity(date or "", frozenset(senders), frozenset(recipients), frozenset(files))


#: The elements identity_of reads, by their names in the tree.
_ACTION, _IDENTIFIER, _CORRESP_DESC, _MS_DESC, _SOURCE_DESC, _DATE = (
    f"{{{TEI_NS}}}{name}" for name in ("correspAction", "msIdentifier", "correspDesc", "msDesc", "sourceDesc", "date")
)
#: The paths identity_of reads in an msIdentifier, compiled once.
_REPOSITORY = etree.XPath("string(tei:repository/@ref)", namespaces=NSMAP)
_FILE_PARTS = tuple(etree.XPath(f"string(tei:idno[@type='{part}'])", namespaces=NSMAP) for part in ("fond", "opis", "delo"))


def group_same_documents(roots: list[etree._Element]) -> list[list[int]]:
    """Indexes of the documents that are one document, in groups of two or more."""
    identities = [identity_of(root) for root in roots]
    parent = list(range(len(roots)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple[str, frozenset[str]], list[int]] = {}
    for index, ident in enumerate(identities):
        by_key.setdefault((ident.date, ident.senders), []).append(index)
    for candidates in by_key.values():
        for position, i in enumerate(candidates):
            for j in candidates[position + 1:]:
                if identities[i].same_document(identities[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for index in range(len(roots)):
        groups.setdefault(find(index), []).append(index)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def merge_witnesses(roots: list[etree._Element], sources: list[str]) -> etree._Element:
    """One TEI document of several copies: witnesses declared, each language's texts collated."""
    order = sorted(range(len(roots)), key=lambda i: (-len(_versions(roots[i])), roots[i].get(XML_ID)))
    base = copy.deepcopy(roots[order[0]])
    sigla = iter(string.ascii_uppercase)
    witnesses: list[tuple[str, etree._Element, etree._Element]] = []  # siglum, version div, its document
    for rank, index in enumerate(order):
        document = base
        if rank:
            document = _renamed(roots[index], f"copy{rank}")
            _adopt_header(base, document)
        for div in _versions(document):
            witnesses.append((next(sigla), div, document))
    _declare(base, witnesses, [sources[i] for i in order])
    body = base.find(".//tei:text/tei:body", NSMAP)
    for div in list(body):
        body.remove(div)
    by_language: dict[str, list[tuple[str, etree._Element]]] = {}
    for siglum, div, _document in witnesses:
        by_language.setdefault(div.get(XML_LANG, ""), []).append((siglum, div))
    texts = []
    for members in by_language.values():
        first, *rest = members
        if rest:
            text = collate(Witness(f"wit-{first[0]}", first[1]), [Witness(f"wit-{s}", d) for s, d in rest])
        else:
            text = copy.deepcopy(first[1])
            text.set("source", f"#wit-{first[0]}")
        texts.append(text)
    ids = [t.get(XML_ID) for t in texts]
    for text in texts:
        others = [f"#{i}" for i in ids if i != text.get(XML_ID)]
        if others:
            text.set("corresp", " ".join(others))
        else:
            text.attrib.pop("corresp", None)
        body.append(text)
    _unindent(base)
    indent_structure(base)
    return base


def _versions(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//tei:text/tei:body/tei:div", NSMAP)


def _renamed(root: etree._Element, prefix: str) -> etree._Element:
    """A copy of a document whose local ids (hands, responsibilities, versions) cannot clash with the base's."""
    document = copy.deepcopy(root)
    renames = {}
    for element in document.iter():
        old = element.get(XML_ID)
        if old and element is not document:
            renames[f"#{old}"] = f"#{prefix}-{old}"
            element.set(XML_ID, f"{prefix}-{old}")
    for element in document.iter():
        for name in ("hand", "resp", "corresp", "who", "source"):
            value = element.get(name)
            if value:
                element.set(name, " ".join(renames.get(v, v) for v in value.split()))
    return document


def _adopt_header(base: etree._Element, copy_root: etree._Element) -> None:
    """The copy's responsibilities, publication and archival description join the base's header."""
    title_stmt = base.find(".//tei:titleStmt", NSMAP)
    for resp in copy_root.iterfind(".//tei:titleStmt/tei:respStmt", NSMAP):
        if resp.get(XML_ID, "").endswith("-encoder"):
            continue
        title_stmt.append(copy.deepcopy(resp))
    source_desc = base.find(".//tei:sourceDesc", NSMAP)
    seen = {_text(i) for i in source_desc.iterfind(".//tei:altIdentifier[@type='as-written']", NSMAP)}
    hand_desc = base.find(".//tei:handDesc", NSMAP)
    for child in copy_root.find(".//tei:sourceDesc", NSMAP):
        if etree.QName(child).localname == "bibl":
            source_desc.insert(_last_bibl_position(source_desc), copy.deepcopy(child))
        elif etree.QName(child).localname == "msDesc":
            written = {_text(i) for i in child.iterfind(".//tei:altIdentifier[@type='as-written']", NSMAP)}
            for note in child.iterfind(".//tei:handNote", NSMAP):
                if hand_desc is not None and note.get("scope") != "major":
                    hand_desc.append(copy.deepcopy(note))
            if written and not written & seen:
                description = copy.deepcopy(child)
                for phys in description.iterfind("tei:physDesc", NSMAP):
                    description.remove(phys)
                source_desc.append(description)
                seen |= written
    if hand_desc is not None:
        hand_desc.set("hands", str(len(hand_desc)))
    change = copy_root.find(".//tei:revisionDesc/tei:change", NSMAP)
    if change is not None:
        base.find(".//tei:revisionDesc", NSMAP).append(el("change", {"who": "#encoder"}, f"Witness from another source: {_text(change)}"))


def _last_bibl_position(source_desc: etree._Element) -> int:
    position = 0
    for index, child in enumerate(source_desc):
        if etree.QName(child).localname == "bibl":
            position = index + 1
    return position


def _declare(base: etree._Element, witnesses: list[tuple[str, etree._Element, etree._Element]], sources: list[str]) -> None:
    """The `listWit`: one witness per text, with the publication it comes from."""
    list_wit = el("listWit")
    for siglum, div, document in witnesses:
        kind = {"translation": "translation", "transcription": "transcription", "original": "original text"}.get(div.get("type", ""), "text")
        number = f" {div.get('n')}" if div.get("n") else ""
        language = document.xpath(f"string(//tei:langUsage/tei:language[@ident='{div.get(XML_LANG)}'])", namespaces=NSMAP) or div.get(XML_LANG)
        publication = document.find(".//tei:sourceDesc/tei:bibl[@type='publication']", NSMAP)
        bibl = copy.deepcopy(publication) if publication is not None else el("bibl", None, "source text")
        bibl.attrib.pop("type", None)
        for note in bibl.findall("tei:note", NSMAP):
            bibl.remove(note)
        list_wit.append(el("witness", {"xml:id": f"wit-{siglum}", "n": siglum}, f"{language} {kind}{number}: ", bibl))
    source_desc = base.find(".//tei:sourceDesc", NSMAP)
    source_desc.insert(_last_bibl_position(source_desc), list_wit)


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _unindent(root: etree._Element) -> None:
    """Take out the indentation of structural elements, so it can be laid anew."""
    for element in root.iter():
        if etree.QName(element).localname in STRUCTURAL and not (element.text or "").strip():
            element.text = None
            for child in element:
                if not (child.tail or "").strip():
                    child.tail = None


__all__ = [Identity.__name__, identity_of.__name__, group_same_documents.__name__, merge_witnesses.__name__]

