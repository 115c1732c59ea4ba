"""Export `dts`: a static Distributed Text Services 1.0 tree (Level 0), servable by any web server.

DTS 1.0 (https://dtsapi.org/versions/v1.0) has an entry point and three
endpoints; Level 0 conformance allows them to be static files. The URI
templates use RFC 6570 path expansions, as the specification's section on
static sites suggests, so every valid call is a file:

    index.json                                   entry point
    collection{/id}{;nav}.json                   collection.json, collection/ID.json, ...;nav=parents.json
    navigation/{resource}{;down}{/ref}.json      ref only, down only, or both (down 0, 1..depth, -1)
    document/{resource}{/ref}.xml                the whole TEI document, or one passage in dts:wrapper

The citable units are those the document's refsDecl declares (citation.py).
Without --base-url the links are root-relative: serve the folder at the root
of a web site. Calls the files cannot answer (start/end ranges, which Level 0
may refuse; down deeper than the tree) get the server's 404.
"""

from __future__ import annotations

from typing import Any, Final

from lxml import etree

from tei_edition.export.base import ExportError, ExportOptions, ExportReport, FolderWriter, staged_folder
from tei_edition.export.citation import CiteLevel, CitableUnit, cite_levels, iter_units, with_refs_decl
from tei_edition.export.metadata import DocumentFacts, RegisterIndex, document_facts
from tei_edition.render.corpus import Corpus, Document
from tei_edition.xmlio import TEI_NS

FORMAT: Final = "dts"

DTS_VERSION: Final = "1.0"
CONTEXT: Final = "https://dtsapi.org/context/v1.0.json"
WRAPPER_NS: Final = "https://w3id.org/api/dts#"
MEDIA_TYPE: Final = "application/tei+xml"

#: The id of the collection that holds every document.
ROOT_COLLECTION: Final = "edition"


class _Urls:
    """The tree's URLs and URI templates, all from one prefix."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def entry(self) -> str:
        return f"{self.prefix}index.json"

    def collection_template(self) -> str:
        return f"{self.prefix}collection{{/id}}{{;nav}}.json"

    def navigation_template(self, resource: str = "{resource}") -> str:
        return f"{self.prefix}navigation/{resource}{{;down}}{{/ref}}.json"

    def document_template(self, resource: str = "{resource}") -> str:
        return f"{self.prefix}document/{resource}{{/ref}}.xml"

    def resource_collection_template(self, resource: str) -> str:
        return f"{self.prefix}collection/{resource}{{;nav}}.json"


def export(corpus: Corpus, options: ExportOptions) -> ExportReport:
    """Write the DTS tree: entry point, collections, navigation and documents."""
    report = ExportReport(FORMAT, options.out)
    urls = _Urls(options.base_url or "/")
    registers = RegisterIndex(corpus.registers)
    documents = [(document, document_facts(document, registers)) for document in corpus.documents]
    if any(document.id == ROOT_COLLECTION for document, _ in documents):
        raise ExportError(f"a document has the id {ROOT_COLLECTION!r}, which the DTS tree gives its root collection")
    with staged_folder(options.out, FORMAT) as root:
        writer = FolderWriter(root, report)
        writer.write_json("index.json", _entry_point(urls))
        writer.write_bytes("README.md", _readme(urls))
        root_collection = _root_collection(corpus, documents, urls)
        writer.write_json("collection.json", root_collection)
        writer.write_json(f"collection/{ROOT_COLLECTION}.json", root_collection)
        parents_of_root = _with_members(_collection_object(corpus, len(documents), urls), [])
        writer.write_json("collection;nav=parents.json", parents_of_root)
        writer.write_json(f"collection/{ROOT_COLLECTION};nav=parents.json", parents_of_root)
        for document, facts in documents:
            _write_resource(writer, corpus, document, facts, urls)
            report.documents.append(document.id)
    return report


# entry point and collections


def _readme(urls: _Urls) -> str:
    return f"""# Distributed Text Services 1.0 (static, Level 0)

Entry point: `{urls.entry()}`. Every valid call of DTS 1.0 is a file here, found by
expanding the URI templates (RFC 6570) the responses give:

| endpoint | template |
| --- | --- |
| collection | `{urls.collection_template()}` |
| navigation | `{urls.navigation_template()}` |
| document | `{urls.document_template()}` |

Serve this folder {"at " + urls.prefix if urls.prefix != "/" else "at the root of a web site"}. DTS asks for
`Content-Type: application/ld+json` on the JSON responses and `application/tei+xml` on
documents; most servers say `application/json` and `application/xml` unless told
(nginx: `types {{ application/ld+json json; application/tei+xml xml; }}`).
Ranges (`start`, `end`) are not served, as Level 0 allows; nor are `down` values deeper
than a document's citation tree.
"""



def _entry_point(urls: _Urls) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "dtsVersion": DTS_VERSION,
        "@id": urls.entry(),
        "@type": "EntryPoint",
        "collection": urls.collection_template(),
        "navigation": urls.navigation_template(),
        "document": urls.document_template(),
    }


def _collection_object(corpus: Corpus, count: int, urls: _Urls) -> dict[str, Any]:
    edition = corpus.edition
    dublin_core: dict[str, Any] = {"title": [{"lang": edition.language, "value": edition.title}]}
    if edition.publisher:
        dublin_core["publisher"] = [{"lang": edition.language, "value": edition.publisher}]
    if edition.licence_url:
        dublin_core["license"] = edition.licence_url
    return {
        "@id": ROOT_COLLECTION,
        "@type": "Collection",
        "title": edition.title,
        **({"description": edition.subtitle} if edition.subtitle else {}),
        "totalParents": 0,
        "totalChildren": count,
        "collection": urls.collection_template(),
        "dublinCore": dublin_core,
    }


def _root_collection(corpus: Corpus, documents: list[tuple[Document, DocumentFacts]], urls: _Urls) -> dict[str, Any]:
    members = [_resource_object(document, facts, urls) for document, facts in documents]
    return _with_members(_collection_object(corpus, len(documents), urls), members)


def _with_members(item: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": CONTEXT, "dtsVersion": DTS_VERSION, **item, "member": members}


def _resource_object(document: Document, facts: DocumentFacts, urls: _Urls) -> dict[str, Any]:
    """The Resource: its metadata (Dublin Core, in the language of its header) and endpoint templates."""
    language = document.tree.getroot().get("{http://www.w3.org/XML/1998/namespace}lang", "en")
    dublin_core: dict[str, Any] = {"title": [{"lang": language, "value": facts.title}]}
    if facts.date:
        dublin_core["date"] = facts.date
    if facts.senders:
        dublin_core["creator"] = [{"lang": language, "value": sender.name} for sender in facts.senders]
    if facts.languages:
        dublin_core["language"] = list(facts.languages)
    return {
        "@id": document.id,
        "@type": "Resource",
        "title": facts.title,
        "totalParents": 1,
        "totalChildren": 0,
        "dublinCore": dublin_core,
        "collection": urls.resource_collection_template(document.id),
        "navigation": urls.navigation_template(document.id),
        "document": urls.document_template(document.id),
        "download": f"{urls.prefix}document/{document.id}.xml",
        "mediaTypes": [MEDIA_TYPE],
        "citationTrees": [_citation_tree(cite_levels(document.tree, document.path))],
    }


def _citation_tree(levels: tuple[CiteLevel, ...]) -> dict[str, Any]:
    return {"@type": "CitationTree", "citeStructure": [_cite_structure(level) for level in levels]}


def _cite_structure(level: CiteLevel) -> dict[str, Any]:
    structure: dict[str, Any] = {"@type": "CiteStructure", "citeType": level.unit}
    if level.children:
        structure["citeStructure"] = [_cite_structure(child) for child in level.children]
    return structure


# one resource


def _write_resource(writer: FolderWriter, corpus: Corpus, document: Document, facts: DocumentFacts, urls: _Urls) -> None:
    resource = _resource_object(document, facts, urls)
    writer.write_json(f"collection/{document.id}.json", {"@context": CONTEXT, "dtsVersion": DTS_VERSION, **resource})
    parents = _with_members(resource, [_collection_object(corpus, len(corpus.documents), urls)])
    writer.write_json(f"collection/{document.id};nav=parents.json", parents)
    units = list(iter_units(document.tree, document.path))
    navigation_resource = {key: resource[key] for key in ("@id", "@type", "collection", "navigation", "document", "citationTrees")}
    for path, navigation in _navigation_files(document.id, units, navigation_resource, urls):
        writer.write_json(path, navigation)
    full = with_refs_decl(document.tree, document.path)
    writer.write_xml(f"document/{document.id}.xml", full)
    for unit in iter_units(full, document.path):
        writer.write_xml(f"document/{document.id}/{unit.ref}.xml", _passage(unit))


def _navigation_files(resource_id: str, units: list[CitableUnit], resource: dict[str, Any],
                      urls: _Urls) -> list[tuple[str, dict[str, Any]]]:
    """Every valid Navigation call as (file path, response), following the spec's table of down/ref."""
    depth = max((unit.level for unit in units), default=0)
    files: list[tuple[str, dict[str, Any]]] = []
    for down in [*range(1, depth + 1), -1]:
        members = [unit for unit in units if down == -1 or unit.level <= down]
        files.append(_navigation(resource_id, f";down={down}", None, members, resource, urls))
    for unit in units:
        files.append(_navigation(resource_id, "", unit, None, resource, urls))
        siblings = [other for other in units if other.parent == unit.parent and other.level == unit.level]
        files.append(_navigation(resource_id, ";down=0", unit, siblings, resource, urls))
        below = [other for other in units if other is unit or _is_descendant(other, unit)]
        for down in [*range(1, depth - unit.level + 1), -1]:
            members = [other for other in below if down == -1 or other.level <= unit.level + down]
            files.append(_navigation(resource_id, f";down={down}", unit, members, resource, urls))
    return files


def _navigation(resource_id: str, down: str, ref: CitableUnit | None, members: list[CitableUnit] | None,
                resource: dict[str, Any], urls: _Urls) -> tuple[str, dict[str, Any]]:
    path = f"navigation/{resource_id}{down}{'/' + ref.ref if ref else ''}.json"
    response: dict[str, Any] = {
        "@context": CONTEXT,
        "dtsVersion": DTS_VERSION,
        "@type": "Navigation",
        "@id": urls.prefix + path,
        "resource": resource,
    }
    if ref is not None:
        response["ref"] = _citable_unit(ref)
    if members is not None:
        response["member"] = [_citable_unit(unit) for unit in members]
    return path, response


def _citable_unit(unit: CitableUnit) -> dict[str, Any]:
    return {"identifier": unit.ref, "@type": "CitableUnit", "level": unit.level, "parent": unit.parent,
            "citeType": unit.unit}


def _is_descendant(unit: CitableUnit, ancestor: CitableUnit) -> bool:
    return unit.ref.startswith(ancestor.ref + ".") and unit.level > ancestor.level


def _passage(unit: CitableUnit) -> etree._Element:
    """A TEI root holding the passage in dts:wrapper, as the Document endpoint returns a part."""
    tei = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS, "dts": WRAPPER_NS})
    wrapper = etree.SubElement(tei, f"{{{WRAPPER_NS}}}wrapper")
    wrapper.append(etree.fromstring(etree.tostring(unit.element, with_tail=False)))
    return tei


__all__ = ["FORMAT", "DTS_VERSION", "CONTEXT", "WRAPPER_NS", "ROOT_COLLECTION", export.__name__]
