"""A converted document's id: the free one the converter gives it, and renaming a document to another.

Kept apart from the converter (tei_edition/convert.py, which loads word lists
and readers): the build settles the ids of sources its workers converted, in
source order, in the main process. The id is the only thing of a conversion that
the sources before it change, and everything derived from it is named here, so
the build renames a document whose id an earlier source took instead of
converting its source a second time (a fifth of a generated corpus).

An id derived from the document's is the document's, a hyphen and a part: a
version's language and its number among the versions of that language (`-en`,
`-ru2`, tei_edition/body.py) or an embedded text's `q` and number (`-q1`),
docs/encoding.md. Only these are renamed, and pointers to them (`#ID-en`, or
through the document's file, `ID.xml#ID-en`): an id or pointer that merely
contains the old id (`d1` in `d10-en`, or in a later document's `d1-2`) is
another's.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Final

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

_XML_ID: Final = f"{{{XML_NS}}}id"
#: What follows the document's id and a hyphen in an id derived from it: a version's `en`, `ru2`, an embedded text's `q1`.
_PART: Final = re.compile(r"[a-z]+[0-9]*")


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
    """Give a document (and the ids derived from its id, and pointers to them) a new id.

    Every attribute is looked at, since any may point (`corresp`, `target`, `source`...);
    a pointer is a token of a whitespace-separated value, and holds a `#`.
    """
    for element in root.iter(etree.Element):
        for name, value in element.items():
            if name == _XML_ID:
                renamed = renamed_id(value, old, new)
            elif "#" in value and old in value:  # most values are neither: this spares splitting them
                tokens = value.split()
                changed = [_renamed_pointer(token, old, new) for token in tokens]
                renamed = " ".join(changed) if changed != tokens else value
            else:
                continue
            if renamed != value:
                element.set(name, renamed)
    for idno in root.iterfind(f".//{{{TEI_NS}}}idno[@type='document']"):
        idno.text = new


def renamed_id(value: str, old: str, new: str) -> str:
    """`value` under the document's new id if it is the document's id or one derived from it, else as it is.

    >>> renamed_id("d1-en", "d1", "d1-2"), renamed_id("d1-q1", "d1", "d3"), renamed_id("d10-en", "d1", "d3")
    ('d1-2-en', 'd3-q1', 'd10-en')
    >>> renamed_id("d1-2", "d1", "d3"), renamed_id("d1-2-en", "d1", "d3"), renamed_id("copy1-d1-en", "d1", "d3")
    ('d1-2', 'd1-2-en', 'copy1-d1-en')
    """
    if value == old:
        return new
    if value.startswith(f"{old}-") and _PART.fullmatch(value, len(old) + 1):
        return new + value[len(old) :]
    return value


def _renamed_pointer(token: str, old: str, new: str) -> str:
    """A pointer to the document or a part of it (`#ID-en`, through its file `ID.xml#ID-en`) under its new id; any other token as it is."""
    head, hash_mark, target = token.rpartition("#")
    if not hash_mark or head not in ("", file_name(old)):
        return token
    renamed = renamed_id(target, old, new)
    if renamed == target:
        return token
    return f"{file_name(new) if head else ''}#{renamed}"


__all__ = [free_id.__name__, file_name.__name__, rename_document.__name__, renamed_id.__name__]
