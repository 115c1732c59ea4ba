"""What a reader hands on: the documents it found in a source text, before TEI.

Readers only split a source into documents and read their page-level metadata
(title, citation, summary...); the body and header builders then make TEI of
every document the same way, whatever form the source had.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Line:
    """One line of a source text, with its 1-based line number."""

    number: int
    text: str


@dataclass
class Version:
    """One text of a document: a translation, or a transcription in the original language."""

    kind: str  # "translation" | "transcription" | "original"
    lang: str  # BCP 47: "en", "ru", "zh", "ko"
    lines: list[Line]


@dataclass
class Publication:
    """Where the transcription was published: a web archive record or a journal article."""

    kind: str  # "record" (an archive's web record) | "article"
    title: str  # the record's or the article's title
    container: str = ""  # the archive or journal that published it
    editor: str = ""  # the article's author/editor, as the source names them
    number: str = ""  # document number within the article
    url: str = ""
    citation: str = ""  # the citation as the source gives it


@dataclass
class SourceDocument:
    """One document found in a source text, as a reader hands it to the builders."""

    source: Path
    form: str
    title: str = ""
    title_line: int | None = None
    date_text: str = ""  # the document's date as the page writes it, beside the title
    summary: str = ""
    original_language: str = ""
    translators: list[str] = field(default_factory=list)
    archive_text: list[str] = field(default_factory=list)  # archival references as written
    publication: Publication | None = None
    versions: list[Version] = field(default_factory=list)
    metadata_lines: list[Line] = field(default_factory=list)  # lines read into the header
    notes: list[tuple[str, str]] = field(default_factory=list)  # other fields of the page (label, text), kept in the header

    @property
    def first_line(self) -> int:
        """The first source line that belongs to this document."""
        numbers = [line.number for line in self.metadata_lines]
        numbers += [v.lines[0].number for v in self.versions if v.lines]
        return min(numbers) if numbers else 1

    @property
    def last_line(self) -> int:
        """The last source line that belongs to this document."""
        numbers = [line.number for line in self.metadata_lines]
        numbers += [v.lines[-1].number for v in self.versions if v.lines]
        return max(numbers) if numbers else 1


@dataclass
class ReaderResult:
    """What a reader found in one source text: documents, and the lines it dropped."""

    documents: list[SourceDocument]
    dropped: list[Line]
    signs: list[str] = field(default_factory=list)  # page structure read, not text: field labels, contents lists


__all__ = [
    Line.__name__,
    Version.__name__,
    Publication.__name__,
    SourceDocument.__name__,
    ReaderResult.__name__,
]
