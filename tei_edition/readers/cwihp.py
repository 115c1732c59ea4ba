"""Reader of a CWIHP Bulletin compilation page: an article's documents under "Document N:" headings."""

from __future__ import annotations

import re
from pathlib import Path

from tei_edition.conventions import Conventions
from tei_edition.model import Line, Publication, ReaderResult, SourceDocument
from tei_edition.readers.chrome import drop_chrome
from tei_edition.readers.versions import split_versions

_HEADING = re.compile(r"^\s*Document\s+(?P<n>\d+[A-Za-z]?)\s*[:.]\s*(?P<title>\S.*?)\s*$")
_ARTICLE = re.compile(
    r"^(?P<title>.+?),\s*(?P<credit>(?:(?:article|introduction)(?: and translations?)?|translations?(?: and (?:introduction|commentary))?)\s+by)\s+(?P<editor>[^,]+?)\s*$",
    re.I,
)


def claims(lines: list[Line]) -> bool:
    """A compilation page has at least one "Document N:" heading."""
    return any(_HEADING.match(line.text) for line in lines)


def read(path: Path, lines: list[Line], conventions: Conventions) -> ReaderResult:
    """Each "Document N:" section becomes a document of the article."""
    kept, dropped = drop_chrome(lines, conventions)
    article, kept, article_lines = _article(kept)
    headings = [i for i, line in enumerate(kept) if _HEADING.match(line.text)]
    headings, repeated = _without_repeats(kept, headings)
    dropped.extend(repeated)
    documents = []
    signs: list[str] = [article.group("credit")] if article is not None else []
    for position, start in enumerate(headings):
        end = headings[position + 1] if position + 1 < len(headings) else len(kept)
        heading = kept[start]
        match = _HEADING.match(heading.text)
        body = [line for line in kept[start + 1:end] if line not in repeated]
        document = SourceDocument(source=path, form="cwihp-compilation", title=match.group("title"), title_line=heading.number)
        document.metadata_lines = [heading, *article_lines]
        signs.append(heading.text[: match.start("title")])  # "Document 7:" is the page's numbering
        if article is not None:
            document.publication = Publication(kind="article", title=article.group("title"), editor=article.group("editor"), number=match.group("n"))
            document.translators = [article.group("editor")]
        document.versions = split_versions(body, [], translated=True)
        documents.append(document)
    before_first = kept[: headings[0]] if headings else kept
    dropped.extend(line for line in before_first if line.text.strip() and line not in article_lines)
    return ReaderResult(documents, sorted(dropped, key=lambda line: line.number), signs)


def _article(lines: list[Line]) -> tuple[re.Match[str] | None, list[Line], list[Line]]:
    """The article line ("Title, article and translations by Name") opening the page, if any."""
    for index, line in enumerate(lines):
        if not line.text.strip():
            continue
        match = _ARTICLE.match(line.text.strip())
        if match and not _HEADING.match(line.text):
            return match, lines[:index] + lines[index + 1:], [line]
        break
    return None, lines, []


def _without_repeats(lines: list[Line], headings: list[int]) -> tuple[list[int], list[Line]]:
    """Drop a heading repeated with only blank lines between (the page's title over the document)."""
    kept: list[int] = []
    repeated: list[Line] = []
    for position, index in enumerate(headings):
        following = headings[position + 1] if position + 1 < len(headings) else None
        between = lines[index + 1:following] if following is not None else []
        if following is not None and lines[following].text.strip() == lines[index].text.strip() and not any(l.text.strip() for l in between):
            repeated.append(lines[index])
            continue
        kept.append(index)
    return kept, repeated


__all__ = [claims.__name__, read.__name__]
