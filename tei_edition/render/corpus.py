"""Gather what every writer renders: the edition's documents, registers and front matter.

Writers (HTML, PDF, text) all need the same set of parsed TEI files, sorted the
same way; this module reads them once, safely, and sorts each file into its role
by what it holds (a register's list), by its name only for a register that has no
entry and so no list yet.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from lxml import etree

from tei_edition.config import Edition
from tei_edition.errors import XmlInputError
from tei_edition.registers import FILE_NAMES
from tei_edition.xmlio import NSMAP, TEI_NS, XML_NS, parse_xml

# constants

#: A register holds one of these lists in its body.
_REGISTER_LISTS = ("listPerson", "listPlace", "listOrg")

#: Of a date, the attributes that date a sent document (te:document-date).
_SENT_DATES = ("when", "notBefore")
#: The elements document_date reads, by their names in the tree (asked by name, not by a path: it is asked of every document the build converts).
_HEADER, _CORRESP_DESC, _CORRESP_ACTION, _DATE = (f"{{{TEI_NS}}}{name}" for name in ("teiHeader", "correspDesc", "correspAction", "date"))


# data


@dataclass(frozen=True)
class Document:
    """One TEI document of the edition: its id (xml:id), file and parsed tree."""

    id: str
    path: Path
    tree: etree._ElementTree


@dataclass(frozen=True)
class Corpus:
    """The documents to render (in file order), with the edition's registers and front matter."""

    edition: Edition
    documents: tuple[Document, ...]
    registers: tuple[etree._ElementTree, ...]
    front: etree._ElementTree | None


# functions


def load_corpus(edition: Edition, paths: Sequence[Path] = ()) -> Corpus:
    """Read the documents in `paths` (files or folders; none: the edition's xml folder).

    Registers and front matter always come from the edition's folders, so that a
    single document renders with its names and links.
    """
    trees = [parse_xml(path) for path in edition_files(edition)]
    chosen = [parse_xml(path) for path in _xml_files(paths)] if paths else trees
    documents = tuple(document_of(tree) for tree in chosen if role(tree) == "document")
    if paths and not documents:
        raise XmlInputError(paths[0], 1, 1, "no TEI document with a text body to render here")
    _check_unique(documents)
    registers = tuple(tree for tree in trees if role(tree) == "register")
    front = front_matter_path(edition)
    return Corpus(edition, documents, registers, parse_xml(front) if front.is_file() else None)


def edition_files(edition: Edition) -> list[Path]:
    """The edition's XML files (documents, registers and any other), each once, sorted."""
    return _xml_files([edition.xml, edition.registers])


def edition_file_names(edition: Edition) -> list[str]:
    """The paths of `edition_files`, for who takes only each file's path (the site's pages look at
    every file's stamps: making 10,000 Paths took 0.1 s)."""
    return _xml_names([edition.xml, edition.registers])


def front_matter_path(edition: Edition) -> Path:
    """The edition's front matter: [paths] front in edition.toml, else front.xml beside it.

    It lives outside the xml folder because it is not a document: the edition's schema
    and rules, which check every file there, would rightly refuse it.
    """
    return edition.root / str(edition.raw.get("paths", {}).get("front", "front.xml"))


def corpus_tree(documents: Iterable[Document]) -> etree._ElementTree:
    """All documents under one teiCorpus, for the pages that look at every document."""
    root = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    for document in documents:
        root.append(_copy(document.tree.getroot()))
    return root.getroottree()


def document_date(root: etree._Element) -> str:
    """The date documents are ordered by, as te:document-date in xslt/html/document.xsl finds it.

    The pages sort by that function; whoever picks a page's neighbours in Python must find
    the same date, or a page would link past the document that is really next. So: of the
    document's own correspondence (its header's first correspDesc not of an embedded
    message, else its first), a sent action's date (when or notBefore), else any action's
    date's when, else "".
    """
    descriptions = [description for header in root.iterchildren(_HEADER) for description in header.iter(_CORRESP_DESC)]
    own = next((d for d in descriptions if d.get("type") != "embedded"), descriptions[0] if descriptions else None)
    if own is None:
        return ""
    actions = list(own.iterchildren(_CORRESP_ACTION))
    for action in actions:
        if action.get("type") == "sent":
            for date in action.iterchildren(_DATE):
                for name, value in date.attrib.items():
                    if name in _SENT_DATES:
                        return value
    for action in actions:
        for date in action.iterchildren(_DATE):
            if date.get("when") is not None:
                return date.get("when", "")
    return ""


def in_date_order(documents: Iterable[Document]) -> list[Document]:
    """The documents by date, then id (te:in-date-order: a total, stable order)."""
    return sorted(documents, key=lambda document: (document_date(document.tree.getroot()), document.id))


Item = TypeVar("Item")


def neighbours(ordered: Sequence[Item], index: int) -> list[Item]:
    """The items just before and just after `index` in `ordered` (one each, where there is one).

    A page links to these two (prev/next) and is given only them: whoever renders a page
    alone (the build's workers, the editor's loop) must pick exactly the index's neighbours.
    """
    return [*ordered[max(index - 1, 0):index], *ordered[index + 1:index + 2]]


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def _xml_files(paths: Iterable[Path]) -> list[Path]:
    """The .xml files named or found (not recursively) in folders, each once, sorted."""
    return [Path(name) for name in _xml_names(paths)]


def _xml_names(paths: Iterable[Path]) -> list[str]:
    """The paths of the .xml files named or found (not recursively) in folders, each once, sorted as Paths sort."""
    found: dict[str, None] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            # The folder resolved once: a file in it is then its own real path unless it is a
            # link (resolving each file took a quarter of a millisecond, as long as reading it).
            folder = str(path.resolve())
            with os.scandir(folder) as listing:  # each entry knows whether it is a link without a call
                links = {entry.name: entry.is_symlink() for entry in listing if entry.name.endswith(".xml")}
            prefix = folder.rstrip(os.sep) + os.sep
            for name in sorted(links):
                child = prefix + name
                found.setdefault(str(Path(child).resolve()) if links[name] else child, None)
        elif path.exists():
            found.setdefault(str(path.resolve()), None)
        else:
            raise XmlInputError(path, 1, 1, "no such file or folder")
    return sorted(found, key=_parts)  # as Paths sort, without comparing Paths


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def role(tree: etree._ElementTree) -> str:
    """'register', 'document', or 'other' (not TEI, or without a body: left alone)."""
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        if etree.QName(root).localname == "TEI":  # a TEI document in the wrong namespace is a mistake, not "other"
            raise XmlInputError(tree.docinfo.URL or "", root.sourceline or 1, 1,
                                f"the root element TEI is in the namespace {etree.QName(root).namespace or '(none)'!r}, "
                                f"not TEI's: declare xmlns=\"{TEI_NS}\"")
        return "other"
    if any(root.find(f"tei:text/tei:body/tei:{name}", NSMAP) is not None for name in _REGISTER_LISTS):
        return "register"
    if os.path.basename(tree.docinfo.URL or "") in FILE_NAMES:  # a register before its first entry
        return "register"
    return "document" if root.find("tei:text/tei:body", NSMAP) is not None else "other"


def document_of(tree: etree._ElementTree) -> Document:
    """A parsed document with its id (the TEI element's xml:id, which it must have)."""
    root = tree.getroot()
    path = Path(tree.docinfo.URL or "")
    identifier = root.get(f"{{{XML_NS}}}id")
    if not identifier:
        raise XmlInputError(path, root.sourceline or 1, 1, "the TEI element has no xml:id (the document's id)")
    return Document(identifier, path, tree)


def _check_unique(documents: Sequence[Document]) -> None:
    seen: dict[str, Path] = {}
    for document in documents:
        if document.id in seen:
            raise XmlInputError(document.path, document.tree.getroot().sourceline or 1, 1,
                                f"xml:id {document.id!r} is already the id of {seen[document.id]}")
        seen[document.id] = document.path


__all__ = [
    Document.__name__,
    Corpus.__name__,
    load_corpus.__name__,
    edition_files.__name__,
    edition_file_names.__name__,
    front_matter_path.__name__,
    corpus_tree.__name__,
    document_date.__name__,
    in_date_order.__name__,
    neighbours.__name__,
    role.__name__,
    document_of.__name__,
]
