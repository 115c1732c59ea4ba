"""Reader of a Wilson Center Digital Archive record page: title, Citation, Summary, Original Language, Contents, text.

Pages of the newer layout put the same fields under "Document Information"
after the text and end with a rights notice; fields are recognised by their
labels wherever they stand, and whatever is not a field is the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from tei_edition.conventions import Conventions
from tei_edition.dates import find_dates
from tei_edition.model import Line, Publication, ReaderResult, SourceDocument
from tei_edition.readers.chrome import drop_chrome
from tei_edition.readers.versions import split_versions

#: Field labels of record pages; the value follows on the same line or the next lines.
_LABELS = (
    "Citation", "Summary", "Original Language", "Contents", "Document Information", "Source",
    "Original Archive", "Rights", "Date", "Record ID", "Keywords", "Subjects Discussed",
    "Associated People & Organizations", "Associated Places", "Credits", "Languages",
    "Original Classification", "Document Source", "Authors", "Language",
)
_LABEL = re.compile(r"^(?P<label>" + "|".join(re.escape(label) for label in _LABELS) + r")\s*(?::\s*(?P<value>.*)|$)")
_CONTENTS_ITEM = re.compile(
    r"^(?:[-•]\s*)?(?:(?P<lang1>English|Russian|Chinese|Korean|German|French)\s+(?P<kind1>Translation|Transcription|Original)"
    r"|(?P<kind2>Translation|Transcription|Original)\s*-\s*(?P<lang2>English|Russian|Chinese|Korean|German|French)"
    r"|Scan of Original Document|Original Scan)\s*$",
    re.I,
)
#: Fields the reader reads into the header's own elements; the others are kept as notes.
_READ_FIELDS = {"_title", "Citation", "Summary", "Original Language", "Contents"}
_LANGS = {"english": "en", "russian": "ru", "chinese": "zh", "korean": "ko", "german": "de", "french": "fr"}
_URL = re.compile(r"<?(?P<url>https?://[^\s>]+)>?")
_TRANSLATED = re.compile(r"\bTranslated by\s+(?P<who>.+?)(?:\.\s|\.$|$)")
_CONTAINER = re.compile(r"^(?P<container>[^,]*(?:Archive|Library|Collection)[^,]*),\s*")


def claims(lines: list[Line]) -> bool:
    """A record page has a "Citation" field."""
    return any(line.text.strip().startswith("Citation") and _LABEL.match(line.text.strip()) for line in lines)


def read(path: Path, lines: list[Line], conventions: Conventions) -> ReaderResult:
    """One document: the page's fields into metadata, the rest into versions."""
    kept, dropped = drop_chrome(lines, conventions)
    fields, text_lines, metadata, signs = _fields(kept)
    document = SourceDocument(source=path, form="wilson-record")
    document.metadata_lines = metadata
    title_block = " ".join(line.text.strip() for line in fields.get("_title", []))
    citation = " ".join(line.text.strip() for line in fields.get("Citation", []))
    quoted = re.match(r'^\s*["“](?P<title>.+?),?["”]\s*,?\s*(?P<rest>.*)$', citation)
    if quoted:
        document.title = quoted.group("title").rstrip(",")
        rest = quoted.group("rest")
    else:
        dates = find_dates(title_block)
        document.title = title_block[dates[0].end:].strip() if dates and dates[0].start == 0 else title_block
        rest = citation
    leading_date = find_dates(title_block)
    if leading_date and leading_date[0].start == 0:
        document.date_text = leading_date[0].text
    document.title_line = fields["_title"][0].number if fields.get("_title") else None
    document.summary = " ".join(line.text.strip() for line in fields.get("Summary", []))
    document.original_language = " ".join(line.text.strip() for line in fields.get("Original Language", []))
    url = _URL.search(citation) or next((_URL.search(l.text) for l in text_lines + metadata if _URL.fullmatch(l.text.strip())), None)
    source_field = " ".join(line.text.strip() for line in fields.get("Source", []))
    translated = _TRANSLATED.search(citation) or _TRANSLATED.search(source_field)
    if translated:
        document.translators = [name.strip() for name in re.split(r",\s*|\s+and\s+", translated.group("who")) if name.strip()]
    dates = find_dates(rest)
    after_date = rest[dates[0].end:].lstrip(" ,") if dates else rest
    if dates and not document.date_text:
        document.date_text = dates[0].text
    container = _CONTAINER.match(after_date)
    archive_text = after_date[container.end():] if container else after_date
    archive_text = _URL.sub("", _TRANSLATED.sub("", archive_text)).strip(" .")
    if archive_text:
        document.archive_text = [archive_text]
    elif source_field:
        document.archive_text = [_TRANSLATED.sub("", source_field).strip(" .")]
    document.notes = [
        (label, " ".join(line.text.strip() for line in value))
        for label, value in fields.items()
        if label not in _READ_FIELDS and value
    ]
    heading = title_block[len(document.date_text):].strip() if title_block.startswith(document.date_text) else title_block
    if heading and re.sub(r"\W", "", heading) != re.sub(r"\W", "", document.title):
        document.notes.insert(0, ("page title", title_block))  # the page's own heading, where it differs
    document.publication = Publication(
        kind="record",
        title=document.title,
        container=container.group("container").strip() if container else "",
        url=url.group("url") if url else "",
        citation=citation,
    )
    announced = [(_kind(m), _LANGS[(m.group("lang1") or m.group("lang2")).lower()]) for m in (_CONTENTS_ITEM.match(l.text.strip()) for l in fields.get("Contents", [])) if m and (m.group("lang1") or m.group("lang2"))]
    translated_page = bool(document.original_language) and document.original_language.strip().lower() != "english"
    body = [line for line in text_lines if not (_URL.fullmatch(line.text.strip()))]
    document.versions = split_versions(body, announced, translated=translated_page or bool(document.translators))
    return ReaderResult([document], dropped, signs)


def _kind(match: re.Match[str]) -> str:
    kind = (match.group("kind1") or match.group("kind2")).lower()
    return {"translation": "translation", "transcription": "transcription", "original": "original"}[kind]


def _fields(lines: list[Line]) -> tuple[dict[str, list[Line]], list[Line], list[Line], list[str]]:
    """The page's fields (label -> value lines), the text lines, every line read as metadata, and the labels."""
    fields: dict[str, list[Line]] = {"_title": []}
    text: list[Line] = []
    metadata: list[Line] = []
    signs: list[str] = []
    current = "_title"
    for line in lines:
        stripped = line.text.strip()
        if current == "_title" and not stripped and fields["_title"]:
            current = "_text"  # the title is the page's first paragraph; text may follow before the fields
            continue
        label = _LABEL.match(stripped)
        if label:
            current = label.group("label")
            signs.append(current)
            fields.setdefault(current, [])
            metadata.append(line)
            value = label.group("value")
            if value and current == "Contents" and not _CONTENTS_ITEM.match(value):
                text.append(Line(line.number, value))  # no list of versions: the text begins on the label's line
                current = "_text"
            elif value:
                fields[current].append(Line(line.number, value))
            if current in {"Contents", "_text"} and label.group("label") == "Contents":
                text[:] = [l for l in text if l.number == line.number]  # before Contents: metadata, not text
            continue
        if not stripped:
            if current in {"_text"}:
                text.append(line)
            continue
        if current == "Contents":
            if not _CONTENTS_ITEM.match(stripped):
                current = "_text"
            else:
                signs.append(stripped)
        if current == "_text":
            text.append(line)
            continue
        fields[current].append(line)
        metadata.append(line)
    return fields, text, metadata, signs


__all__ = [claims.__name__, read.__name__]
