"""Hostile TEI input to validate, render and export: refused with a clear error, nothing read, nothing fetched, nothing written.

Each case replaces a document of a copy of the example edition with a hostile
file (same name, so every command meets it) and runs every command that reads
TEI, in a real process with bounded memory. The external entities point at a
local file and at a local HTTP server holding a unique marker: the marker must
appear in no output and no message, and the server must get no request.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from fixtures.hostile.harness import (
    DOCUMENT,
    ROOT,
    assert_one_error_line,
    files_under,
    make_edition,
    tei_edition,
)

MARKER = "HOSTILE-MARKER-7f1c2b9e"
TEI = "http://www.tei-c.org/ns/1.0"

COMMANDS = {
    "validate": ("validate", f"xml/{DOCUMENT}"),
    **{f"render-{to}": ("render", f"xml/{DOCUMENT}", "--to", to, "--out", f"out/{to}") for to in ("html", "pdf", "text")},
    **{f"export-{to}": ("export", "--to", to, "--out", f"out/export-{to}") for to in ("tei", "corpus", "cmif", "dts", "bag", "json")},
}


class Recorder(BaseHTTPRequestHandler):
    """Serves the marker to anyone who asks, and remembers that they asked."""

    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Recorder.requests.append(self.path)
        body = f'<!ENTITY leak "{MARKER}">{MARKER}'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet: the test reads `requests`."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file outside the edition that must never be read."""
    path = tmp_path_factory.mktemp("outside") / "secret.txt"
    path.write_text(MARKER + "\n", encoding="utf-8")
    return path


def real_document() -> str:
    return (ROOT / "xml" / DOCUMENT).read_text(encoding="utf-8")


def with_doctype(doctype: str, reference: str = "") -> str:
    """The real document with a DOCTYPE before its root and `reference` at the start of its first paragraph."""
    declaration, rest = real_document().split("\n", 1)
    return f"{declaration}\n{doctype}\n{rest.replace('<p>', '<p>' + reference, 1)}"


@dataclass(frozen=True)
class Case:
    """A hostile file (made from the server's URL and the secret's path) and the words its error must hold."""

    make: Callable[[str, Path], bytes]
    fragment: str


CASES = {
    "not-well-formed": Case(lambda url, secret: real_document().replace("</body>", "</bdy>", 1).encode(), "not well-formed"),
    "wrong-namespace": Case(lambda url, secret: real_document().replace(TEI, "http://example.org/not-tei").encode(), "TEI"),
    "xxe-local-file": Case(
        lambda url, secret: with_doctype(f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "file://{secret}">]>', "&leak;").encode(),
        "entity declarations are refused",
    ),
    "xxe-http": Case(
        lambda url, secret: with_doctype(f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "{url}/entity">]>', "&leak;").encode(),
        "entity declarations are refused",
    ),
    "xxe-parameter-entity": Case(
        lambda url, secret: with_doctype(f'<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "{url}/parameter"> %remote;]>', "&leak;").encode(),
        "entity declarations are refused",
    ),
    "xxe-behind-a-long-comment": Case(
        lambda url, secret: with_doctype("<!--" + "x" * 10_000 + "-->\n" + f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "file://{secret}">]>', "&leak;").encode(),
        "entity declarations are refused",
    ),
    "xxe-utf-16": Case(
        lambda url, secret: with_doctype(f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "file://{secret}">]>', "&leak;")
        .replace("encoding='UTF-8'", "encoding='UTF-16'").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "entity",
    ),
    "billion-laughs": Case(
        lambda url, secret: with_doctype(
            "<!DOCTYPE TEI [<!ENTITY lol \"lol\">"
            + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(10))
            + "]>",
            "&lol9;",
        ).encode(),
        "entity declarations are refused",
    ),
    "xinclude-outside": Case(
        lambda url, secret: real_document().replace(
            "<p>", f'<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" parse="text"/>', 1
        ).encode(),
        "XInclude is refused",
    ),
    "huge-text-node": Case(lambda url, secret: real_document().replace("<p>", "<p>" + "a" * (40 * 1024 * 1024), 1).encode(), "larger than"),
    "deep-nesting": Case(
        lambda url, secret: real_document().replace("<p>", "<p>" + "<hi>" * 100_000 + "</hi>" * 100_000, 1).encode(),
        "depth",
    ),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", list(CASES))
def test_hostile_xml_is_refused(tmp_path: Path, server: str, secret: Path, case: str, command: str) -> None:
    Recorder.requests.clear()
    edition = make_edition(tmp_path / "edition")
    hostile = edition / "xml" / DOCUMENT
    hostile.write_bytes(CASES[case].make(server, secret))

    result = tei_edition(*COMMANDS[command], cwd=edition)

    assert_one_error_line(result, CASES[case].fragment, DOCUMENT)
    assert files_under(edition / "out") == [], "a refused input left output files"
    assert_nothing_leaked(edition, result.stdout + result.stderr)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_external_dtd_is_never_loaded(tmp_path: Path, server: str, command: str) -> None:
    """A DOCTYPE naming a DTD on the network is ignored: the document is read as it stands, nothing fetched."""
    Recorder.requests.clear()
    edition = make_edition(tmp_path / "edition")
    hostile = edition / "xml" / DOCUMENT
    hostile.write_text(with_doctype(f'<!DOCTYPE TEI SYSTEM "{server}/tei.dtd">'), encoding="utf-8")

    result = tei_edition(*COMMANDS[command], cwd=edition)

    output = result.stdout + result.stderr
    assert "Traceback" not in output and result.returncode == 0, output
    assert_nothing_leaked(edition, output)
    for path in files_under(edition / "out"):
        data = path.read_bytes()  # the file itself may be handed over as it is (HTML site's tei/, bag); nothing made from it
        assert b"<!DOCTYPE TEI SYSTEM" not in data or data == hostile.read_bytes(), f"{path} passes the DTD reference on"


def test_pointers_in_the_text_are_not_followed(tmp_path: Path, secret: Path, server: str) -> None:
    """URIs an input controls (graphic, ptr, ref) are written as links, never read by Saxon or the writers."""
    Recorder.requests.clear()
    edition = make_edition(tmp_path / "edition")
    pointers = f'<ptr target="file://{secret}"/><ref target="{server}/ref">here</ref> <graphic url="{server}/graphic.png"/>'
    (edition / "xml" / DOCUMENT).write_text(real_document().replace("<p>", "<p>" + pointers, 1), encoding="utf-8")
    for command in ("render-html", "render-text", "export-tei"):
        result = tei_edition(*COMMANDS[command], cwd=edition)
        assert "Traceback" not in result.stderr, result.stderr
        assert_nothing_leaked(edition, result.stdout + result.stderr)


def assert_nothing_leaked(edition: Path, output: str) -> None:
    """No request reached the server, and the marker is in no message and no file the run wrote."""
    assert Recorder.requests == [], f"the server was asked for {Recorder.requests}"
    assert MARKER not in output
    for path in files_under(edition / "out"):
        assert MARKER.encode() not in path.read_bytes(), f"{path} holds the marker"


#: XPath functions and XSLT instructions that read a resource named by a URI at run time.
_READS = re.compile(
    r"(?<![\w:.-])(?:fn:)?(doc|document|doc-available|unparsed-text|unparsed-text-lines|unparsed-text-available|"
    r"collection|uri-collection|json-doc|transform|load-xquery-module)\s*\("
    r"|<xsl:(source-document|merge-source|evaluate)\b"
)


def test_stylesheets_read_nothing_at_run_time() -> None:
    """Saxon sees only the trees the safe parser read: no stylesheet may open a URI (an input could name any file).

    A new use of doc(), unparsed-text() or xsl:evaluate must come with its own
    guard (and a change to this test), never slip in unnoticed.
    """
    found = []
    for sheet in sorted((ROOT / "xslt").rglob("*.xsl")):
        text = re.sub(r"<!--.*?-->", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        found += [f"{sheet.relative_to(ROOT)}: {m.group(0)}" for m in _READS.finditer(text)]
    assert found == []
