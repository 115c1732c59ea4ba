"""The preview's web server: build/html on the loopback interface, and the reload long-poll.

Only 127.0.0.1 is bound: a preview of an unpublished edition is for the editor's
own browser. A request names a file inside the site's folder or gets 404: the
path is percent-decoded once, `..` segments are refused outright, and the
resolved file (symbolic links followed) must still lie inside the folder.
"""

from __future__ import annotations

import mimetypes
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tei_edition.serve.pages import WAIT_PATH, live_page, page_version
from tei_edition.serve.problems import Problem

#: Only the loopback interface.
HOST = "127.0.0.1"
#: How long one long-poll waits before answering "again" (the script asks again at once).
WAIT_SECONDS = 20.0

_TYPES = {".xml": "application/xml", ".js": "text/javascript", ".json": "application/json"}


class LiveState:
    """The errors of the last rebuild, and a way to wait for the next one."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._problems: list[Problem] = []
        self._generation = 0
        self._closed = False

    def publish(self, problems: list[Problem]) -> None:
        """A rebuild finished: record its errors and wake every waiting page."""
        with self._changed:
            self._problems = list(problems)
            self._generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        """Wake every waiting page for the last time (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def problems(self) -> list[Problem]:
        with self._changed:
            return list(self._problems)

    def wait(self, generation: int, timeout: float) -> int:
        """Block until a rebuild after `generation` (or `timeout`, or closing); the current generation."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._generation != generation, timeout)
            return self._generation

    @property
    def generation(self) -> int:
        with self._changed:
            return self._generation

    @property
    def closed(self) -> bool:
        with self._changed:
            return self._closed


def site_file(root: Path, url_path: str) -> Path | None:
    """The file inside `root` that `url_path` names (a folder's index.html), or None."""
    try:
        decoded = unquote(urlsplit(url_path).path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\0" in decoded or "\\" in decoded:
        return None
    parts = [part for part in decoded.split("/") if part]
    if any(part in (".", "..") for part in parts):
        return None
    base = root.resolve()
    try:
        target = base.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if target != base and not target.is_relative_to(base):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


class PreviewServer(ThreadingHTTPServer):
    """Serves `root` on 127.0.0.1:`port` (0: any free port) with `state` for reloads."""

    daemon_threads = True

    def __init__(self, root: Path, port: int, state: LiveState) -> None:
        self.root = Path(root)
        self.state = state
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def start(self) -> threading.Thread:
        """Serve in a background thread (the command's thread runs the rebuild loop)."""
        thread = threading.Thread(target=self.serve_forever, name="tei-edition-serve", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop serving, wake waiting pages, release the port."""
        self.state.close()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "tei-edition-serve"

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for the build's errors."""

    def _respond(self, with_body: bool) -> None:
        if urlsplit(self.path).path == WAIT_PATH:
            self._wait()
            return
        path = site_file(self.server.root, self.path)
        if path is None:
            self._send(HTTPStatus.NOT_FOUND, b"404: no such page in this edition\n", "text/plain; charset=utf-8", with_body)
            return
        content = path.read_bytes()
        if path.suffix == ".html":
            page = path.relative_to(self.server.root.resolve()).as_posix()
            content = live_page(content, page, self.server.state.problems)
            self._send(HTTPStatus.OK, content, "text/html; charset=utf-8", with_body)
            return
        kind = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(HTTPStatus.OK, content, kind, with_body)

    def _wait(self) -> None:
        """Answer "reload" as soon as the asking page would look different, "again" after a while."""
        query = parse_qs(urlsplit(self.path).query)
        page_path, version = query.get("page", ["/"])[0], query.get("version", [""])[0]
        state = self.server.state
        generation = state.generation
        remaining = WAIT_SECONDS
        while True:
            if self._current_version(page_path) != version:
                answer = b"reload"
                break
            if state.closed or remaining <= 0:
                answer = b"again"
                break
            started = time.monotonic()
            generation = state.wait(generation, remaining)
            remaining -= time.monotonic() - started
        self._send(HTTPStatus.OK, answer, "text/plain; charset=utf-8", True)

    def _current_version(self, page_path: str) -> str:
        path = site_file(self.server.root, page_path)
        if path is None:
            return page_version(None, page_path, self.server.state.problems)
        page = path.relative_to(self.server.root.resolve()).as_posix()
        return page_version(path.read_bytes(), page, self.server.state.problems)

    def _send(self, status: HTTPStatus, content: bytes, kind: str, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            try:
                self.wfile.write(content)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser left (a reload cancels its long-poll)


__all__ = ["HOST", "WAIT_SECONDS", LiveState.__name__, site_file.__name__, PreviewServer.__name__]
