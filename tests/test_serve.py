"""`tei-edition serve` as an editor uses it: a real server process on a copy of the example
edition, a real browser (Debian's Chromium through Playwright) on a document page, a TEI
file edited and broken on disk, the page following each change by itself; plus what a
preview server must refuse (paths outside build/html, other interfaces) and Ctrl-C.

The reload latency (file written -> new text in the browser) is written to
tests/output/serve/latency.txt for the benchmark; no test asserts a time.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[1]
TEI_EDITION = Path(sys.executable).with_name("tei-edition")
OUTPUT = ROOT / "tests" / "output" / "serve"
TEI = "{http://www.tei-c.org/ns/1.0}"
#: Long enough for the first build of the whole example edition on a slow machine.
FIRST_BUILD_SECONDS = 600
#: What Playwright waits for a page to change (the loop takes well under a second here).
BROWSER_WAIT_MS = 30_000


def copy_example(target: Path, sources: list[str] | None = None) -> Path:
    """A copy of the example edition (sources, TEI, edition.toml, front matter); its edition.toml.

    With `sources`, only those source files and the registers (a small edition, quick to build).
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "edition.toml", target / "edition.toml")
    if (ROOT / "front.xml").is_file():
        shutil.copy2(ROOT / "front.xml", target / "front.xml")
    if sources is None:
        shutil.copytree(ROOT / "sources", target / "sources")
        shutil.copytree(ROOT / "xml", target / "xml")
    else:
        (target / "sources").mkdir()
        (target / "xml").mkdir()
        for name in sources:
            shutil.copy2(ROOT / "sources" / name, target / "sources" / name)
        for register in ("persons.xml", "places.xml", "organisations.xml"):
            shutil.copy2(ROOT / "xml" / register, target / "xml" / register)
    return target / "edition.toml"


class Running:
    """A tei-edition command running in `cwd`, its stderr collected line by line as it comes."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.lines: list[str] = []
        self._new_line = threading.Condition()
        self.process = subprocess.Popen(
            [str(TEI_EDITION), *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._new_line:
                self.lines.append(line.rstrip("\n"))
                self._new_line.notify_all()

    def wait_for_line(self, pattern: str, timeout: float, start: int = 0) -> re.Match[str]:
        """The first line from index `start` on matching `pattern`; fails with the output so far."""
        compiled = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._new_line:
            while True:
                for line in self.lines[start:]:
                    found = compiled.search(line)
                    if found:
                        return found
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    raise AssertionError(f"no line matching {pattern!r}; stderr:\n" + "\n".join(self.lines))
                self._new_line.wait(min(remaining, 1.0))

    def interrupt(self, timeout: float = 60) -> int:
        """Ctrl-C, as a terminal sends it; the exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class Served:
    """A `tei-edition serve --port 0` on an edition copy, and the URL it printed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.running = Running(["serve", "--port", "0", "--config", str(root / "edition.toml")], root)
        found = self.running.wait_for_line(r"at (http://127\.0\.0\.1:(\d+)/)", FIRST_BUILD_SECONDS)
        self.url, self.port = found.group(1), int(found.group(2))

    def get(self, raw_path: str) -> tuple[int, bytes]:
        """GET with the path sent exactly as given (no client-side normalisation of `..`)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.putrequest("GET", raw_path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve-edition")
    copy_example(root)
    server = Served(root)
    yield server
    server.running.kill()
    print("\n".join(server.running.lines[-20:]))


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def valid_document(served: Served) -> Path:
    """A document the server printed no error for (its page shows the text, not an error list)."""
    with_errors = {Path(found.group(1)).name for line in served.running.lines if (found := re.match(r"(\S+\.xml):\d+:\d+: error", line))}
    for path in sorted((served.root / "xml").glob("d*.xml")):
        if path.name not in with_errors:
            return path
    pytest.fail("every document of the example edition has errors")


def first_paragraph(tree: etree._ElementTree) -> etree._Element:
    return next(p for p in tree.iter(f"{TEI}p") if p.text and p.text.strip() and any(a.tag == f"{TEI}body" for a in p.iterancestors()))


def test_edit_shows_in_the_browser_then_a_break_shows_the_errors(served: Served, page: Page) -> None:
    document = valid_document(served)
    original = document.read_bytes()
    page.goto(served.url + document.stem + ".html")
    expect(page.locator("#tei-edition-serve-problems tbody")).to_have_count(0)

    # An editor's correction: a word added at the start of the first paragraph.
    tree = etree.parse(str(document))
    paragraph = first_paragraph(tree)
    marker = "Editorcorrected"
    paragraph.text = f"{marker} {paragraph.text}"
    written = time.monotonic()
    tree.write(str(document), xml_declaration=True, encoding="UTF-8")
    expect(page.locator("body")).to_contain_text(marker, timeout=BROWSER_WAIT_MS)
    latency = time.monotonic() - written
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "latency.txt").write_text(f"file written -> new text in the browser: {latency:.2f} s\n", encoding="utf-8")

    # A break: a closing tag that does not match. The page lists the error instead of the text.
    edited = document.read_text(encoding="utf-8")
    broken_line = edited[: edited.index("</p>")].count("\n") + 1
    document.write_text(edited.replace("</p>", "</pp>", 1), encoding="utf-8")
    problems = page.locator("#tei-edition-serve-problems")
    expect(problems).to_contain_text(f"xml/{document.name}", timeout=BROWSER_WAIT_MS)
    row = problems.locator("tbody tr").filter(has=page.locator("td:nth-child(4)", has_text=re.compile("^well-formed$")))
    expect(row.locator("td").nth(0)).to_have_text(f"xml/{document.name}")
    expect(row.locator("td").nth(1)).to_have_text(str(broken_line))
    expect(row.locator("td").nth(3)).to_have_text("well-formed")
    expect(page.locator("body")).not_to_contain_text(marker)
    served.running.wait_for_line(rf"xml/{re.escape(document.name)}:{broken_line}:\d+: error \[well-formed\]", 60)
    page.screenshot(path=str(OUTPUT / "error-page.png"), full_page=True)

    # Corrected again: the page comes back by itself.
    document.write_bytes(original)
    expect(page.locator("#tei-edition-serve-problems tbody")).to_have_count(0, timeout=BROWSER_WAIT_MS)
    expect(page.locator("body")).to_contain_text(first_paragraph(etree.parse(str(document))).text.split()[0])


def test_paths_outside_the_site_get_404(served: Served) -> None:
    assert served.get("/index.html")[0] == 200
    tei_copy = next((served.root / "build" / "html" / "tei").glob("*.xml")).name
    assert served.get(f"/tei/{tei_copy}")[0] == 200
    for raw in (
        "/../edition.toml",
        "/%2e%2e/edition.toml",
        "/%2E%2E/edition.toml",
        "/..%2fedition.toml",
        "/%2e%2e%2fedition.toml",
        "/tei/../../edition.toml",
        "/tei/%2e%2e/%2e%2e/edition.toml",
        "/..%5cedition.toml",
        "/%252e%252e/edition.toml",
        "/%00index.html",
        "/../../../../etc/passwd",
    ):
        status, body = served.get(raw)
        assert status == 404, raw
        assert b"[edition]" not in body and b"root:" not in body
    outside = served.root / "build" / "html" / "outside.toml"
    outside.symlink_to(served.root / "edition.toml")
    try:
        assert served.get("/outside.toml")[0] == 404
    finally:
        outside.unlink()


def test_binds_only_to_loopback(served: Served) -> None:
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port = fields[1].split(":")
            if int(port, 16) == served.port and fields[3] == "0A":  # 0A: LISTEN
                listening.append((table, address))
    assert listening == [("/proc/net/tcp", "0100007F")]  # 127.0.0.1, and no IPv6 socket


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    copy_example(tmp_path, ["1950-09-20_gromyko-to-soviet-ambassador-peking.txt"])
    server = Served(tmp_path)
    try:
        assert server.get("/index.html")[0] == 200
        assert server.running.interrupt() == 0
        assert server.running.lines[-1] == "stopped"
        with pytest.raises(OSError):
            server.get("/index.html")
    finally:
        server.running.kill()


def test_usage_errors(tmp_path: Path) -> None:
    copy_example(tmp_path, ["1950-09-20_gromyko-to-soviet-ambassador-peking.txt"])
    for args in (["--to", "pdf"], ["--to", "nonsense"], ["--port", "70000"]):
        result = subprocess.run([str(TEI_EDITION), "serve", *args], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 2, args
    missing = subprocess.run([str(TEI_EDITION), "serve", "--config", str(tmp_path / "nowhere.toml")], capture_output=True, text=True, timeout=60, check=False)
    assert missing.returncode == 1 and "nowhere.toml" in missing.stderr
    help_text = subprocess.run([str(TEI_EDITION), "serve", "--help"], capture_output=True, text=True, timeout=60, check=False, env={**os.environ, "COLUMNS": "200"})
    assert help_text.returncode == 0 and "127.0.0.1" in help_text.stdout


def test_the_reload_script_is_added_as_served_not_written(served: Served) -> None:
    written = (served.root / "build" / "html" / "index.html").read_bytes()
    status, sent = served.get("/")
    assert status == 200
    assert b"/__tei-edition__/wait" in sent and b"/__tei-edition__/wait" not in written
    status, answer = served.get("/__tei-edition__/wait?page=/&version=not-the-current-one")
    assert (status, answer) == (200, b"reload")
