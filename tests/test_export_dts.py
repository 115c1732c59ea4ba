"""`export --to dts` walked as a DTS 1.0 client walks a server (https://dtsapi.org/versions/v1.0).

The static tree is served over HTTP by Python's own file server; the client knows
only the entry point's URL and follows the URI templates (RFC 6570) it is given:
entry point -> collection -> each resource -> its navigation -> every passage's
Navigation and Document responses. Each response is checked against the
specification's tables of required properties.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from test_export import FIXTURE, export_edition
from tei_edition.export.citation import iter_units
from tei_edition.xmlio import TEI_NS, parse_xml, parse_xml_bytes

CONTEXT = "https://dtsapi.org/context/v1.0.json"
WRAPPER = "{https://w3id.org/api/dts#}wrapper"
#: Required properties (spec tables "Scheme for ... Responses").
ENTRY_KEYS = {"@context", "@id", "@type", "dtsVersion", "collection", "navigation", "document"}
COLLECTION_KEYS = {"@id", "@type", "dtsVersion", "title", "totalParents", "totalChildren", "collection"}
RESOURCE_KEYS = {"@id", "@type", "title", "totalParents", "collection", "navigation", "document"}
NAVIGATION_KEYS = {"@context", "@id", "@type", "dtsVersion", "resource"}
NAV_RESOURCE_KEYS = {"@id", "@type", "collection", "navigation", "document", "citationTrees"}
UNIT_KEYS = {"identifier", "@type", "level", "parent"}


# an RFC 6570 expander for the operators DTS templates use


def expand(template: str, values: dict[str, Any]) -> str:
    """Expand {var}, {/var}, {;var}, {?var}, {&var} (level 3); undefined variables vanish."""
    def one(match: re.Match[str]) -> str:
        operator, names = (match[1][0], match[1][1:]) if match[1][0] in "/;?&" else ("", match[1])
        defined = [(name, values[name]) for name in names.split(",") if values.get(name) is not None]
        if not defined:
            return ""
        quote = lambda value: urllib.parse.quote(str(value), safe="-._~")  # noqa: E731 - unreserved only
        if operator == "/":
            return "".join("/" + quote(value) for _, value in defined)
        if operator == ";":
            return "".join(f";{name}={quote(value)}" for name, value in defined)
        if operator in ("?", "&"):
            return operator + "&".join(f"{name}={quote(value)}" for name, value in defined)
        return ",".join(quote(value) for _, value in defined)
    return re.sub(r"\{([^}]+)\}", one, template)


def test_expander_follows_rfc_6570_examples() -> None:
    values = {"var": "value", "x": 1024}
    assert expand("{var}", values) == "value"
    assert expand("{/var,x}", values) == "/value/1024"
    assert expand("{;x}", values) == ";x=1024"
    assert expand("{?var,x}", values) == "?var=value&x=1024"
    assert expand("a{/missing}b", values) == "ab"


# the server and client


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The DTS export of the fixture edition, served at the root of a local web server."""
    out = tmp_path_factory.mktemp("dts") / "dts"
    export_edition("dts", out)
    handler = functools.partial(_QuietHandler, directory=str(out))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def get(base: str, url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(urllib.parse.urljoin(base, url), timeout=30) as response:
        return response.read(), response.headers.get("Content-Type", "")


def get_json(base: str, url: str) -> dict[str, Any]:
    body, content_type = get(base, url)
    assert content_type.startswith("application/json"), (url, content_type)
    return json.loads(body)


# the walk


def test_client_walks_from_the_entry_point_to_every_passage(server: str) -> None:
    entry = get_json(server, "index.json")
    assert ENTRY_KEYS <= entry.keys()
    assert entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0" and entry["@context"] == CONTEXT

    root = get_json(server, expand(entry["collection"], {}))
    assert COLLECTION_KEYS <= root.keys() and root["@type"] == "Collection"
    assert root["totalParents"] == 0 and root["totalChildren"] == len(root["member"])
    assert get_json(server, expand(entry["collection"], {"id": root["@id"]})) == root

    fixture_ids = sorted(parse_xml(p).getroot().get("{http://www.w3.org/XML/1998/namespace}id") for p in (FIXTURE / "xml").glob("d*.xml"))
    assert sorted(member["@id"] for member in root["member"]) == fixture_ids
    passages = 0
    for member in root["member"]:
        assert RESOURCE_KEYS <= member.keys() and member["@type"] == "Resource"
        resource = get_json(server, expand(member["collection"], {}))
        assert resource["@id"] == member["@id"] and resource["dtsVersion"] == "1.0"
        parents = get_json(server, expand(member["collection"], {"nav": "parents"}))
        assert [parent["@id"] for parent in parents["member"]] == [root["@id"]]
        passages += _walk_resource(server, resource)
    assert passages > 20


def _walk_resource(server: str, resource: dict[str, Any]) -> int:
    tree_levels = _cite_types_by_depth(resource["citationTrees"][0]["citeStructure"], 1)
    full = get_json(server, expand(resource["navigation"], {"down": -1}))
    assert NAVIGATION_KEYS <= full.keys() and full["@type"] == "Navigation"
    assert NAV_RESOURCE_KEYS <= full["resource"].keys() and full["resource"]["@id"] == resource["@id"]
    units = full["member"]
    identifiers = [unit["identifier"] for unit in units]
    assert len(set(identifiers)) == len(identifiers)  # unique within the citation tree
    by_id = {unit["identifier"]: unit for unit in units}
    for unit in units:
        assert UNIT_KEYS <= unit.keys() and unit["@type"] == "CitableUnit"
        assert unit["citeType"] in tree_levels[unit["level"]]
        if unit["parent"] is None:
            assert unit["level"] == 1
        else:
            assert by_id[unit["parent"]]["level"] == unit["level"] - 1
            assert identifiers.index(unit["parent"]) < identifiers.index(unit["identifier"])  # pre-order

    top = get_json(server, expand(resource["navigation"], {"down": 1}))
    assert [unit["identifier"] for unit in top["member"]] == [u["identifier"] for u in units if u["level"] == 1]

    document_xml, _ = get(server, expand(resource["document"], {}))
    document = parse_xml_bytes(document_xml, resource["@id"])
    expected = {unit.ref: unit.element for unit in iter_units(document, Path(resource["@id"]))}
    assert list(expected) == identifiers  # the navigation cites what the document's refsDecl declares

    for unit in units:
        ref = unit["identifier"]
        alone = get_json(server, expand(resource["navigation"], {"ref": ref}))
        assert alone["ref"] == unit and "member" not in alone
        siblings = get_json(server, expand(resource["navigation"], {"ref": ref, "down": 0}))
        assert [u["identifier"] for u in siblings["member"]] == [u["identifier"] for u in units if u["parent"] == unit["parent"]]
        below = get_json(server, expand(resource["navigation"], {"ref": ref, "down": -1}))
        assert below["member"][0] == unit
        assert all(u["identifier"].startswith(ref + ".") for u in below["member"][1:])
        passage_xml, _ = get(server, expand(resource["document"], {"ref": ref}))
        passage = parse_xml_bytes(passage_xml, ref).getroot()
        assert passage.tag == f"{{{TEI_NS}}}TEI"
        wrapper = passage.find(WRAPPER)
        assert wrapper is not None and len(wrapper) == 1
        assert etree.tostring(wrapper[0], method="c14n", exclusive=True) == etree.tostring(
            etree.fromstring(etree.tostring(expected[ref], with_tail=False)), method="c14n", exclusive=True)
    return len(units)


def _cite_types_by_depth(structures: list[dict[str, Any]], depth: int) -> dict[int, set[str]]:
    levels: dict[int, set[str]] = {}
    for structure in structures:
        assert structure["@type"] == "CiteStructure"
        levels.setdefault(depth, set()).add(structure["citeType"])
        for level, types in _cite_types_by_depth(structure.get("citeStructure", []), depth + 1).items():
            levels.setdefault(level, set()).update(types)
    return levels


def test_unknown_references_are_not_found(server: str) -> None:
    entry = get_json(server, "index.json")
    resource_id = get_json(server, expand(entry["collection"], {}))["member"][0]["@id"]
    for template, values in ((entry["navigation"], {"resource": resource_id, "ref": "xx.99"}),
                             (entry["document"], {"resource": resource_id, "ref": "xx.99"}),
                             (entry["collection"], {"id": "no-such-document"})):
        with pytest.raises(urllib.error.HTTPError) as caught:
            get(server, expand(template, values))
        assert caught.value.code == 404


def test_base_url_makes_every_link_absolute(tmp_path: Path) -> None:
    export_edition("dts", tmp_path / "dts", base_url="https://example.org/dts/")
    entry = json.loads((tmp_path / "dts" / "index.json").read_text(encoding="utf-8"))
    assert entry["@id"] == "https://example.org/dts/index.json"
    assert entry["navigation"] == "https://example.org/dts/navigation/{resource}{;down}{/ref}.json"
