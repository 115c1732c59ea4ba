"""The editor's loop: rebuild on every change (`tei-edition watch`) and preview it live (`tei-edition serve`).

`EditorLoop` watches the edition's files and rebuilds with the incremental build;
`PreviewServer` serves build/html on 127.0.0.1 and reloads the open pages, which
show the errors of a change that does not validate instead of a stale page.
"""

from __future__ import annotations

from tei_edition.serve.loop import EditorLoop
from tei_edition.serve.problems import Problem
from tei_edition.serve.rebuild import Outcome, Rebuilder
from tei_edition.serve.server import HOST, LiveState, PreviewServer, site_file

__all__ = [
    EditorLoop.__name__,
    Problem.__name__,
    Outcome.__name__,
    Rebuilder.__name__,
    "HOST",
    LiveState.__name__,
    PreviewServer.__name__,
    site_file.__name__,
]
