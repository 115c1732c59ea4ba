"""A converted document's id: the free one the converter gives it, and renaming a document to another.

Kept apart from the converter (tei_edition/convert.py, which loads word lists
and readers): the build settles the ids of sources its workers converted, in
source order, in the main process. The id is the only thing of a conversion that
the sources before it change, and everything derived from it is named here, so
the build renames a document whose id an earlier source took instead of
converting its source a second time (a fifth of a generated corpus).
"""

from __future__ import annotations

from collections.abc import Container

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

_XML_ID = f"{{{XML_NS}}}id"
#: The attributes that hold the document's id or ids derived from it (its versions' `{id}-en`, pointers to them).
_ID_ATTRIBUTES = (_XML_ID, "corresp")


def free_id(base: str, *taken: Container[str]) -> str:
    """`base`, or the first of `base-2`, `base-3`... in none of `taken`: two documents never share an id."""
    doc_id, n = base, 1
    while any(doc_id in ids for ids in taken):
        n += 1
        doc_id = f"{base}-{n}"
    return doc_id


def file_name(doc_id: str) -> str:
    """The file of the document with this id in the xml folder."""
    return f"{doc_id}.xml"


def rename_document(root: etree._Element, old: str, new: str) -> None:
    """Give a document (and the ids and pointers derived from its id) a new id."""
    for element in root.iter():
        for name in _ID_ATTRIBUTES:
            value = element.get(name)
            if value and old in value:
                element.set(name, value.replace(old, new))
    for idno in root.iterfind(f".//{{{TEI_NS}}}idno[@type='document']"):
        idno.text = new


__all__ = [free_id.__name__, file_name.__name__, rename_document.__name__]
