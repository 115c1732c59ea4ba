"""What a build's outputs are made from, as hashes: the keys that say whether an output is stale.

Each output's key is the hash of exactly the inputs it uses: a document page uses
its TEI file, the register entries it points at, its neighbours in date order,
the HTML stylesheet and its modules, the configuration and the toolkit's code the
HTML stage runs (build/code.py). A change
to one register entry therefore remakes the pages that name it and the pages that
list everything, and nothing else. The converter reads only the registers' names
(to find them in the sources, any source), so only a change to a name, an id or
an entry's kind converts the sources again.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_edition.build.code import stage_digests
from tei_edition.build.hashing import (
    FileHashes,
    digest,
    element_digest,
    stylesheet_files,
)
from tei_edition.build.tasks import FORMATS, REGISTER_FILES
from tei_edition.config import Edition
from tei_edition.registers import NAME_ELEMENTS, REGISTERS
from tei_edition.render import XSLT_DIR
from tei_edition.render.corpus import front_matter_path
from tei_edition.resources import resource_dir
from tei_edition.xmlio import XML_NS, parse_xml

#: The stylesheet each format is made with (its writer's STYLESHEET), named here so that
#: planning a build does not import the writers.
STYLESHEETS = {name: XSLT_DIR / f"{name}.xsl" for name in FORMATS}


@dataclass(frozen=True)
class Inputs:
    """The hashes of the inputs every output shares, gathered once per build."""

    code: dict[str, str]
    """Per stage, the toolkit's code it runs (build/code.py)."""
    config: str
    registers: str
    """All register files."""
    names: str
    """What the converter reads of the registers: every entry's id, kind and name forms."""
    entries: dict[str, str]
    """Each register entry ("persons.xml#stalin") by itself (a page uses the entries it names)."""
    front: str
    schema: str
    """The XSD and the editorial rules."""
    stylesheets: dict[str, str]
    """Per format: its stylesheet with every module it includes, and the other files of its folder (assets, CSS)."""
    environment: str
    """What the environment adds to outputs: SOURCE_DATE_EPOCH (the PDFs' date)."""

    @classmethod
    def gather(cls, edition: Edition, hashes: FileHashes) -> Inputs:
        register_paths = [edition.registers / name for name in sorted(REGISTER_FILES) if (edition.registers / name).is_file()]
        front = front_matter_path(edition)
        schema_files = [p for p in resource_dir("schema").rglob("*") if p.is_file()]  # the XSD and the rules (rules/)
        sheets = {}
        for name, main in STYLESHEETS.items():
            files = stylesheet_files(main)
            # What the format's folder holds besides modules: the site's assets, the print CSS.
            files += [p for p in (XSLT_DIR / name).rglob("*") if p.is_file() and p.suffix != ".xsl"]
            sheets[name] = digest(*(f"{p}={hashes.of(p)}" for p in sorted(files)))
        trees = {path: parse_xml(path) for path in register_paths}
        return cls(
            code=stage_digests(hashes),
            config=digest(json.dumps(edition.raw, sort_keys=True, default=str), str(edition.root)),
            registers=hashes.of_files(register_paths),
            names=_names(trees),
            entries=_entries(trees),
            front=hashes.of(front) if front.is_file() else "-",
            schema=digest(*(f"{p}={hashes.of(p)}" for p in sorted(schema_files))),
            stylesheets=sheets,
            environment=os.environ.get("SOURCE_DATE_EPOCH", ""),
        )

    def refs(self, refs: list[str]) -> str:
        """The hash of the register entries a document points at (a missing one counts too)."""
        return digest("\n".join(f"{ref}={self.entries.get(ref, '-')}" for ref in refs))  # one part: planned for every document


def _entries(trees: dict[Path, etree._ElementTree]) -> dict[str, str]:
    entries = {}
    for path, tree in trees.items():
        for element in tree.getroot().iter(etree.Element):
            identifier = element.get(f"{{{XML_NS}}}id")
            if identifier:
                entries[f"{path.name}#{identifier}"] = element_digest(element)
    return entries


def _names(trees: dict[Path, etree._ElementTree]) -> str:
    """The registers as the converter reads them (registers.py, archival.py): each entry where it
    stands, its id and @type, and its name elements' kinds and words; nothing else of them."""
    entry_tags = {entry for _, entry in REGISTERS.values()}
    parts = []
    for path, tree in trees.items():
        for element in tree.getroot().iter(etree.Element):
            if etree.QName(element).localname not in entry_tags:
                continue
            names = [(etree.QName(child).localname, child.get("type", ""), "".join(child.itertext()))
                     for child in element.iterchildren(etree.Element) if etree.QName(child).localname in NAME_ELEMENTS]
            place = "/".join(etree.QName(ancestor).localname for ancestor in reversed(list(element.iterancestors())))
            parts.append(json.dumps([path.name, place, etree.QName(element).localname, element.get(f"{{{XML_NS}}}id"), element.get("type"), names]))
    return digest(*parts)


__all__ = ["STYLESHEETS", Inputs.__name__]
