"""Convert source texts into TEI documents: read, build, prove nothing was lost, write.

For each source the reader splits the text into documents; each document gets
its body and header; then the converter checks that every word of the source
(less the chrome it reports as dropped) is in the TEI it made, and only then
writes the files, so a failed source leaves nothing behind.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from tei_edition.archival import ArchivalReference, archive_pattern, find_references, load_archives
from tei_edition.body import BodyBuilder, BodyFacts
from tei_edition.config import Edition
from tei_edition.conventions import Conventions, compile_conventions, default_table, may_match
from tei_edition.dates import parse_date
from tei_edition.errors import SourceError
from tei_edition.header import HeaderFacts, build_header
from tei_edition.ids import file_name, free_id, rename_document
from tei_edition.inline import Hands, InlineContext, Ledger, PlainFinder, read_inline
from tei_edition.linekinds import LineKinds
from tei_edition.model import SourceDocument
from tei_edition.readers import detect_form, get_reader
from tei_edition.registers import Registers
from tei_edition.sources import SOURCEMAP, iter_sources, sourcemap_text
from tei_edition.sourcetext import read_source
from tei_edition.tei import el, indent_structure
from tei_edition.titles import Party, TitleFacts, read_title, unique_parties
from tei_edition.witnesses import group_same_documents, merge_witnesses
from tei_edition.xmlio import TEI_NS, serialize, write_atomic


class ConvertOptions(NamedTuple):
    """How to convert."""

    form: str | None = None
    """Force a reader ("wilson-record", "cwihp-compilation", "bare-cable"); None detects it."""
    encoding: str | None = None
    """The source texts' encoding when they are not UTF-8."""


@dataclass
class SourceReport:
    """What conversion found in one source text."""

    source: str
    form: str = ""
    documents: list[dict[str, object]] = field(default_factory=list)
    phenomena: dict[str, int] = field(default_factory=dict)
    warnings: list[dict[str, object]] = field(default_factory=list)
    dropped: list[dict[str, object]] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "form": self.form,
            "documents": self.documents,
            "phenomena": dict(sorted(self.phenomena.items())),
            "warnings": self.warnings,
            "dropped": self.dropped,
            "errors": self.errors,
        }


@dataclass
class Converted:
    """One TEI document made from a source, not yet written."""

    doc_id: str
    tree: etree._ElementTree
    positions: dict[str, int]
    base: str
    """The id it has when no other document took it (`doc_id` is that or `base-2`...): the build, which settles
    the ids of sources converted apart, gives it another from this (ids.free_id) as the converter would."""


class Converter:
    """Converts source texts of one edition; registers and conventions are loaded once."""

    def __init__(self, edition: Edition, options: ConvertOptions = ConvertOptions()) -> None:
        self.edition = edition
        self.options = options
        self.registers = Registers.load(edition.registers)
        self.conventions: Conventions = compile_conventions(default_table(), edition.raw.get("conventions"))
        archives = load_archives(edition.registers)
        self.archives = archives
        self.archive_forms = archive_pattern(archives)
        self.plain = PlainFinder(self.conventions, self.registers)
        self.line_kinds = LineKinds(self.conventions, self.registers, self.archive_forms)
        self.ids: set[str] = set()

    # -- one source

    def convert_source(self, path: Path) -> tuple[list[Converted], SourceReport]:
        """Every document of one source text, and the report; SourceError on failure."""
        report = SourceReport(source=self._relative(path))
        lines = read_source(path, self.options.encoding)
        form = self.options.form or detect_form(lines)
        report.form = form
        result = get_reader(form).read(path, lines, self.conventions)
        if not result.documents:
            raise SourceError(path, 1, f"no document found in this text (read as {form})")
        ledger = Ledger(path)
        for sign in result.signs:
            ledger.consume(sign)
        converted = [self._document(doc, ledger, report) for doc in result.documents]
        if not any(text.strip() for item in converted for text in item.tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body").itertext()):
            last = max((line.number for line in lines if line.text.strip()), default=1)
            raise SourceError(path, last, f"no document text (read as {form}): the page ends here with only a title, fields or "
                                          "page chrome; is the transcription missing?")
        report.dropped = [{"line": line.number, "text": line.text} for line in result.dropped]
        dropped_numbers = {line.number for line in result.dropped}
        self._check_nothing_lost(path, [l for l in lines if l.number not in dropped_numbers], converted, ledger)
        report.phenomena = dict(ledger.phenomena)
        report.warnings = ledger.warnings
        return converted, report

    def _document(self, doc: SourceDocument, ledger: Ledger, report: SourceReport) -> Converted:
        context_year = _context_year(doc)
        hands = Hands()
        ctx = InlineContext(self.conventions, self.registers, ledger, hands, self.plain, context_year)
        title = read_title(doc.title, self.conventions.kinds, self.registers, context_year) if doc.title else TitleFacts()
        self._warn_unknown_parties(doc, title, ledger)
        facts = BodyFacts()
        builder = BodyBuilder(ctx, facts, self.line_kinds)
        divs = [builder.build_version(v, _version_number(doc, i), "") for i, v in enumerate(doc.versions)]
        page_date = parse_date(doc.date_text, context_year) or "" if doc.date_text else ""
        date = next((d[:10] for d in [page_date, title.date, *facts.datelines] if _FULL_DATE.match(d)), "") or _first_date(divs)
        senders = title.senders or unique_parties([Party(e, form) for e, form in facts.signers])
        recipients = unique_parties(title.recipients + [Party(e, e.preferred) for e in facts.addressees]) or unique_parties(
            [Party(e, e.preferred) for e in facts.saluted])  # no title or address names one: whom the letter greets
        base = _base_id(date, senders, recipients)
        doc_id = free_id(base, self.ids)
        self.ids.add(doc_id)
        _name_versions(divs, doc_id)
        references, translators = self._references(doc, facts, ledger)
        if any(n.get("type") == "translator" for d in divs for n in d.iter(f"{{{TEI_NS}}}note")):
            for div in divs:
                if div.get("type") == "original" and div.get("{http://www.w3.org/XML/1998/namespace}lang") == "en":
                    div.set("type", "translation")
        languages = list(dict.fromkeys([d.get("{http://www.w3.org/XML/1998/namespace}lang") for d in divs] + _foreign_languages(divs)))
        header_facts = HeaderFacts(
            doc_id=doc_id,
            title=doc.title or _supplied_title(title, senders, recipients, date, facts),
            title_content=self._title_content(doc, ctx),
            title_supplied=not doc.title,
            date=date,
            date_text=doc.date_text if page_date else "",
            senders=senders,
            recipients=recipients,
            via=title.via,
            sent_place=title.sent_place,
            received_place=facts.address_places[0] if facts.address_places else None,
            kind=title.kind,
            references=references,
            translators=translators,
            languages=languages,
            source_path=report.source,  # doc.source is the path report.source names
            hands=hands,
            carried=title.embedded,
            uses_translator_note=any(n.get("resp") == "#translator" for d in divs for n in d.iter(f"{{{TEI_NS}}}note")),
        )
        header = build_header(doc, facts, header_facts, self.edition, self.registers)
        root = el("TEI", {"xml:id": doc_id, "xml:lang": languages[0] if languages else "en"}, header, el("text", None, el("body", None, divs)))
        indent_structure(root)
        tree = root.getroottree()
        positions = {tree.getpath(element): line for element, line in facts.positions.items() if element.getroottree().getroot() is root}
        report.documents.append(
            {
                "id": doc_id,
                "file": file_name(doc_id),
                "title": header_facts.title,
                "date": date,
                "senders": [p.entry.ref for p in senders],
                "recipients": [p.entry.ref for p in recipients],
                "lines": [doc.first_line, doc.last_line],
            }
        )
        return Converted(doc_id, tree, positions, base)

    @staticmethod
    def _title_content(doc: SourceDocument, ctx: InlineContext) -> list:
        """The published title as TEI phrases; signs in it are counted like the text's."""
        if not doc.title:
            return []
        ctx.line = doc.title_line or doc.first_line
        return read_inline(doc.title, ctx)

    def _references(self, doc: SourceDocument, facts: BodyFacts, ledger: Ledger) -> tuple[list[ArchivalReference], list[str]]:
        references: list[ArchivalReference] = []
        translators = list(doc.translators)
        texts = list(doc.archive_text)
        for line in facts.sources:
            content = line.text.strip().strip("[]")
            label = re.match(r"(?i:source)\s*:\s*", content)
            if label:
                ledger.consume(label.group(0))
                content = content[label.end():]
            credit = re.search(r";?\s*(?P<label>(?i:translat(?:ion|ed) by))\s+(?P<who>.+?)\.?$", content)
            if credit:
                translators = [n.strip() for n in re.split(r",\s*|\s+and\s+", credit.group("who")) if n.strip()]
                ledger.consume(credit.group("label"))
                content = content[: credit.start()]
            texts.append(content.strip())
        for text in texts:
            found = find_references(text, self.archives)
            if not found and text:
                ledger.warn(doc.first_line, "archival reference", f"no archive this edition's registers know in: {text}")
            references.extend(found)
        return references, translators

    def _warn_unknown_parties(self, doc: SourceDocument, title: TitleFacts, ledger: Ledger) -> None:
        if doc.title and re.search(r"\s(?i:to)\s", doc.title):
            if not title.senders:
                ledger.warn(doc.title_line or 1, "unknown name", f"no sender of the title is in the registers: {doc.title}")
            if not title.recipients:
                ledger.warn(doc.title_line or 1, "unknown name", f"no recipient of the title is in the registers: {doc.title}")

    # -- nothing lost

    def _check_nothing_lost(self, path: Path, lines: list, converted: list[Converted], ledger: Ledger) -> None:
        """Every word of the source is in the TEI (text, header, or a sign's label); else a SourceError.

        The whole source is counted against the TEI at once; only when a word is
        missing are the lines walked, to name the first line that loses one.
        """
        letterspaced = self.conventions.letterspaced

        def closed_up(text: str) -> str:
            """The text with its letter-spaced words written whole, as the TEI writes them."""
            return letterspaced.sub(lambda m: m.group(0).replace(" ", ""), text) if may_match(letterspaced, text) else text

        # Every document's text, @n values and the signs, joined by spaces: their words are counted at once.
        pieces = [closed_up(" ".join(_TEXT_NODES(item.tree))) for item in converted]
        pieces.extend(" ".join(_N_VALUES(item.tree)) for item in converted)
        pieces.extend(ledger.sign_text)
        available = _word_counts(" ".join(pieces))
        needed = _word_counts(closed_up("\n".join(line.text for line in lines)))
        if all(available[word] >= count for word, count in needed.items()):  # the source's words only are looked at
            return
        for line in lines:
            for word in _words(closed_up(line.text)):
                if available[word] > 0:
                    available[word] -= 1
                    continue
                raise SourceError(path, line.number, f"the word {word!r} of this line is in no TEI document written from it (conversion would lose it)")

    def _relative(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.edition.root))
        except ValueError:
            return str(path)


# ---------------------------------------------------------------- helpers


_WORD = re.compile(r"\w+")
#: The @n values of a document (a number is a word of the source too: `1.`, `First.`).
_N_VALUES = etree.XPath("//@n", smart_strings=False)
#: The text of a document, piece by piece as itertext gives it: one call in C, not a step of Python for each piece.
_TEXT_NODES = etree.XPath("//text()", smart_strings=False)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _word_counts(text: str) -> Counter[str]:
    """How often each word of a text is in it (a word: a run of letters, digits and `_`, as `_words` finds them).

    A text's words are those of its pieces between spaces (a space is in no word),
    and most pieces are a word alone ("Korea", "the"): the pieces are counted in C,
    and only those with another sign in them (`(Stalin),`) are split into their
    words. Finding the words of the whole text was most of the time of checking a
    source (and a fifth of converting a short cable).
    """
    words = Counter(text.split())
    for piece in [piece for piece in words if not piece.isalnum()]:  # isalnum: the characters `\w` matches, but `_`
        count = words.pop(piece)
        for word in _WORD.findall(piece):
            words[word] += count
    return words


def _base_id(date: str, senders: list[Party], recipients: list[Party]) -> str:
    """A document's id before another document can take it: its date, first sender and first recipient."""
    parts = [date or "undated", senders[0].entry.id if senders else "unknown", recipients[0].entry.id if recipients else "unknown"]
    return "d" + "_".join(parts)


def _context_year(doc: SourceDocument) -> int | None:
    for text in itertools.chain([doc.title], (line.text for v in doc.versions for line in v.lines)):
        found = _YEAR.search(text or "")
        if found:
            return int(found.group(1))
    return None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _version_number(doc: SourceDocument, index: int) -> int | None:
    """Versions of one language are numbered when there are several."""
    lang = doc.versions[index].lang
    same = [i for i, v in enumerate(doc.versions) if v.lang == lang]
    return same.index(index) + 1 if len(same) > 1 else None


def _name_versions(divs: list[etree._Element], doc_id: str) -> None:
    """Give each version div (and each embedded text) its id, and point the versions at each other."""
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    for div in divs:
        for element in div.iter():
            if (element.get(xml_id) or "").startswith("-"):
                element.set(xml_id, f"{doc_id}{element.get(xml_id)}")
    for div in divs:
        others = [f"#{d.get(xml_id)}" for d in divs if d is not div]
        if others:
            div.set("corresp", " ".join(others))


def _foreign_languages(divs: list[etree._Element]) -> list[str]:
    return sorted({f.get("{http://www.w3.org/XML/1998/namespace}lang") for d in divs for f in d.iter(f"{{{TEI_NS}}}foreign")} - {None})


def _first_date(divs: list[etree._Element]) -> str:
    for div in divs:
        for date in div.iter(f"{{{TEI_NS}}}date"):
            when = date.get("when", "")
            if _FULL_DATE.match(when):
                return when[:10]
    return ""


_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _supplied_title(title: TitleFacts, senders: list[Party], recipients: list[Party], date: str, facts: BodyFacts) -> str:
    """A title for a text that has none: who to whom, when (the header marks it supplied)."""
    who = " and ".join(p.entry.preferred for p in senders) or "Unknown sender"
    whom = " and ".join(p.entry.preferred for p in recipients) or "unknown recipient"
    return f"Cable, {who} to {whom}, {_written_date(date)}" if date else f"Cable, {who} to {whom}"


def _written_date(iso: str) -> str:
    """An ISO date as an English title writes it: 20 September 1950."""
    day = datetime.date.fromisoformat(iso[:10])
    return f"{day.day} {day:%B} {day.year}"


def convert_paths(
    paths: Iterable[Path],
    out_dir: Path,
    edition: Edition,
    options: ConvertOptions = ConvertOptions(),
    progress: Callable[[Path], None] | None = None,
) -> list[SourceReport]:
    """Convert every source named and write its documents into `out_dir`; one report per source."""
    converter = Converter(edition, options)
    reports = []
    sourcemap: dict[str, object] = _load_sourcemap(out_dir)
    documents: list[tuple[Converted, SourceReport]] = []
    for path in iter_sources(paths):
        if progress:
            progress(path)
        try:
            converted, report = converter.convert_source(path)
        except SourceError as exc:
            report = SourceReport(source=converter._relative(path))
            report.errors.append({"line": exc.line, "column": exc.column, "message": exc.message})
            reports.append(report)
            continue
        documents.extend((item, report) for item in converted)
        reports.append(report)
    for item, report in _merge_witnesses(documents):
        name = file_name(item.doc_id)
        write_atomic(out_dir / name, serialize(item.tree))
        sourcemap[name] = {"source": report.source, "elements": item.positions}
    sourcemap = {name: entry for name, entry in sourcemap.items() if (out_dir / name).is_file()}
    if any(not r.errors for r in reports):
        write_atomic(out_dir / SOURCEMAP, sourcemap_text(sourcemap))
    return reports


def _merge_witnesses(documents: list[tuple[Converted, SourceReport]]) -> list[tuple[Converted, SourceReport]]:
    """Documents found in several sources become one document with several witnesses."""
    roots = [item.tree.getroot() for item, _report in documents]
    merged_away: set[int] = set()
    result = list(documents)
    for group in group_same_documents(roots):
        base_root = merge_witnesses([roots[i] for i in group], [documents[i][1].source for i in group])
        merged_id = base_root.get(_XML_ID)
        base_index = next(i for i in group if roots[i].get(_XML_ID) == merged_id)
        base_id = min(roots[i].get(_XML_ID) for i in group)  # the merged document keeps the plainest id
        rename_document(base_root, merged_id, base_id)
        item, report = documents[base_index]
        for document in report.documents:
            if document["id"] == merged_id:
                document["id"], document["file"] = base_id, file_name(base_id)
        result[base_index] = (Converted(base_id, base_root.getroottree(), item.positions, item.base), report)
        for index in group:
            if index != base_index:
                merged_away.add(index)
                _note_merged(documents[index], base_id)
    return [entry for index, entry in enumerate(result) if index not in merged_away]


_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _note_merged(entry: tuple[Converted, SourceReport], base_id: str) -> None:
    """The report says where a document merged into another now lives."""
    item, report = entry
    for document in report.documents:
        if document["id"] == item.doc_id:
            document["merged_into"] = base_id
            document["file"] = file_name(base_id)


def _load_sourcemap(out_dir: Path) -> dict[str, object]:
    path = out_dir / SOURCEMAP
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


__all__ = [
    ConvertOptions.__name__,
    SourceReport.__name__,
    Converted.__name__,
    Converter.__name__,
    iter_sources.__name__,
    convert_paths.__name__,
    "SOURCEMAP",
]
