"""What the preview adds to a page as it serves it: the reload script, and the errors.

The files in build/html stay exactly as the build wrote them (what is published
must not carry a development script); the additions are made to the bytes sent.
A page whose TEI file does not validate, or any page after an error that touches
the whole edition (a source that does not convert, a configuration that does not
load), is replaced by the list of errors: a stale page would look like success.
Errors in other files show as a banner above the page.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape

from tei_edition.serve.problems import Problem

#: The long-poll address the reload script asks; answers "reload" once the page differs.
WAIT_PATH = "/__tei-edition__/wait"
#: The id of the element listing errors (the page's own list, or the banner of other files' errors).
PROBLEMS_ID = "tei-edition-serve-problems"

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)

_SCRIPT = """<script>/* tei-edition serve: reload this page when it is rebuilt */
(function () {{
  var url = "{wait}?page=" + encodeURIComponent(location.pathname) + "&version=" + encodeURIComponent({version});
  function poll() {{
    fetch(url, {{cache: "no-store"}})
      .then(function (response) {{ return response.text(); }})
      .then(function (text) {{ if (text === "reload") {{ location.reload(); }} else {{ poll(); }} }})
      .catch(function () {{ setTimeout(poll, 1000); }});
  }}
  poll();
}})();
</script>"""

_ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{count} {errors}: {page} is not up to date (tei-edition serve)</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a00; font-size: 1.5rem; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }}
td.message {{ white-space: pre-wrap; }}
code {{ font-size: .95em; }}
</style>
</head>
<body>
<main>
<h1>{count} {errors}: this page is not up to date</h1>
<p>The last change to the edition does not build or validate. Correct the file and save it: this page reloads by itself.</p>
<table id="{table_id}">
<thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
{script}
</body>
</html>
"""

_BANNER = """<aside id="{banner_id}" role="status" style="font: 14px/1.4 system-ui, sans-serif; background: #fff3cd; color: #1a1a1a; border-bottom: 1px solid #c9a227; padding: .4rem 1rem;">
<details><summary>{count} {errors} in other files of the edition (tei-edition serve)</summary>
<ul>
{items}
</ul>
</details>
</aside>"""


def page_problems(page: str, problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """The errors that replace the page (its own TEI file's, and edition-wide ones), and the others."""
    own = [p for p in problems if p.edition_wide or p.concerns_page(page)]
    return own, [p for p in problems if p not in own]


def page_version(content: bytes | None, page: str, problems: list[Problem]) -> str:
    """A digest of what the page shows: its file's bytes and the errors it lists."""
    hasher = hashlib.blake2b(digest_size=12)
    hasher.update(content if content is not None else b"\0missing")
    own, others = page_problems(page, problems)
    hasher.update(json.dumps([[p.as_text() for p in own], [p.as_text() for p in others]]).encode("utf-8"))
    return hasher.hexdigest()


def live_page(content: bytes, page: str, problems: list[Problem]) -> bytes:
    """The page as served: the error list instead of it, or it with the banner and the reload script."""
    version = page_version(content, page, problems)
    own, others = page_problems(page, problems)
    if own:
        return error_page(page, own, version)
    if others:
        content = _insert(content, _BODY_OPEN, _banner(others).encode("utf-8"), after=True)
    return _insert(content, _BODY_CLOSE, _script(version).encode("utf-8"), after=False)


def error_page(page: str, problems: list[Problem], version: str) -> bytes:
    """A page listing `problems` (file, line, column, rule, message) that reloads when they change."""
    rows = "\n".join(
        f'<tr><td><code>{escape(p.path or "(edition)")}</code></td><td>{p.line}</td><td>{p.column}</td>'
        f'<td><code>{escape(p.rule)}</code></td><td class="message">{escape(p.message)}</td></tr>'
        for p in problems
    )
    html = _ERROR_PAGE.format(
        count=len(problems),
        errors=_errors(len(problems)),
        page=escape(page),
        table_id=PROBLEMS_ID,
        rows=rows,
        script=_script(version),
    )
    return html.encode("utf-8")


def _banner(problems: list[Problem]) -> str:
    items = "\n".join(f"<li><code>{escape(p.as_text())}</code></li>" for p in problems)
    return _BANNER.format(banner_id=PROBLEMS_ID, count=len(problems), errors=_errors(len(problems)), items=items)


def _script(version: str) -> str:
    return _SCRIPT.format(wait=WAIT_PATH, version=_js_string(version))


def _js_string(value: str) -> str:
    """A JavaScript string literal safe inside a script element."""
    return json.dumps(value).replace("</", "<\\/")


def _errors(count: int) -> str:
    return "error" if count == 1 else "errors"


def _insert(content: bytes, where: re.Pattern[bytes], addition: bytes, *, after: bool) -> bytes:
    """`addition` after the first match of `where` (or before the last); at the end when there is none."""
    matches = list(where.finditer(content))
    if not matches:
        return content + addition
    position = matches[0].end() if after else matches[-1].start()
    return content[:position] + addition + content[position:]


__all__ = ["WAIT_PATH", "PROBLEMS_ID", page_problems.__name__, page_version.__name__, live_page.__name__, error_page.__name__]
