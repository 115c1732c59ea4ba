"""Lay out the blocks xslt/text.xsl marks: wrapping at 78 columns, section adornments, escapes.

The stylesheet decides what each block says; how it is laid out depends on its
final words, and in the edition's file those depend on the document's place (its
number, its notes' labels counted on from the documents before it), known only
once every document is made. So the stylesheet marks its blocks (xslt/text/rst.xsl
names the marks, Unicode noncharacters) and this module lays them out: a document
transformed once gives its own file and its part of the edition's file at any
place, without a second transformation; and greedy wrapping and regular
expressions run in Python far faster than in XSLT.

The regular expressions here follow XPath's: `\\s` is only space, tab, CR and LF
(normalize-space's whitespace), not every Unicode space.
"""

from __future__ import annotations

import re

#: The column the text edition wraps at (tei_edition/render/text.py gives it to xslt/text/rst.xsl as rst:width).
WIDTH = 78

_WRAP, _TITLE, _NEXT, _END = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3"
_PART_START, _PART_END, _NUMBER = "\ufdd4", "\ufdd5", "\ufdd6"
_LABEL, _LABEL_END = "\ufdd7", "\ufdd8"
_START, _START_END = "\ufdda", "\ufddb"

_LABELS = re.compile(f"{_LABEL}([a1])([0-9]+){_LABEL_END}")
_PART = re.compile(f"{_PART_START}([^{_PART_END}]*){_PART_END}")
_ENDS = re.compile(f"{_START}([^{_START_END}]*){_START_END}")
_OPENING = re.compile(f"[{_WRAP}{_TITLE}]")
#: The marks of what depends on a document's place in the edition's file.
_PLACED = re.compile(f"[{_LABEL}{_PART_START}{_NUMBER}]")

_SPACE = re.compile(r"[ \t\r\n]+")
#: What RST would read as the marker of a list, a field, a directive, a line block or
#: a doctest at the start of a paragraph (rst:escape-start, as it was in XSLT).
_MARKUP_START = re.compile(
    r"([-+*\u2022\u2023\u2043]([ \t\n\r]|\Z)|\(?([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)[.)]([ \t\n\r]|\Z)"
    r"|\.\.([ \t\n\r]|\Z)|:[^: \t\n\r][^:]*:([ \t\n\r]|\Z)|>>>|[!-/:-@\[-`{-~]{4,}\Z)"
)
#: A line made only of four or more punctuation signs reads as a section adornment.
_ADORNMENT = re.compile(r"[!-/:-@\[-`{-~]{4,}")
#: Section adornments by level: 0 over- and underlined with "=", 1 "=", 2 "-", 3 "~".
_ADORNMENTS = "==-~"


def layout(marked: str, number: int | None = None, offsets: tuple[int, int] = (0, 0), level: int = 0) -> str:
    """The text the marked blocks make for a document at `number` in the edition's file (none:
    in a file of its own), its notes labelled on from the `offsets` lettered and numbered notes
    before it, every section `level` levels further down."""
    text = _LABELS.sub(lambda m: _label(m.group(1), int(m.group(2)), offsets), marked) if _LABEL in marked else marked
    if _PART_START in text:  # words that name the number: only a part has one
        text = _PART.sub(r"\1" if number is not None else "", text)
    if _NUMBER in text:
        text = text.replace(_NUMBER, str(number))
    return _lay_out(text, level, fixed_only=False)


def lay_out_fixed(marked: str) -> str:
    """The marked blocks with those laid out that read the same at every place: paragraphs whose
    words and indentation hold no mark of the place (a note's label, the document's number, words
    only its part has). The rest stays marked for `layout`, which leaves laid-out text as it is.

    A document's own file and its part of the edition's file share most of their blocks: laid
    out here once for both, not once per file (tei_edition/render/text.py)."""
    return _lay_out(marked, 0, fixed_only=True)


def _lay_out(text: str, level: int, fixed_only: bool) -> str:
    """Each block laid out, its titles `level` levels down (`fixed_only`: only those `lay_out_fixed` lays out)."""
    pieces = text.split(_END)  # each but the last: words as they are, then one block to lay out
    laid = []
    for piece in pieces[:-1]:
        opening = _OPENING.search(piece)
        if opening is None:
            raise ValueError(f"a mark of the layout's end without its beginning: {piece!r}")
        start, marked_block = opening.start(), piece[opening.end():]
        laid.append(piece[:start])
        if fixed_only and (piece[start] != _WRAP or _PLACED.search(marked_block)):
            laid.append(piece[start:] + _END)
        elif piece[start] == _WRAP:
            first, rest, words = marked_block.split(_NEXT)
            laid.append(wrap(_ENDS.sub(_escaped_ends, words) if _START in words else words, first, rest))
        else:
            number, words = marked_block.split(_NEXT)
            laid.append(title(words, int(number) + level))
    laid.append(pieces[-1])
    return "".join(laid)


def _escaped_ends(match: re.Match[str]) -> str:
    return escape_ends(match.group(1))


def _label(series: str, index: int, offsets: tuple[int, int]) -> str:
    return letters(index + offsets[0]) if series == "a" else str(index + offsets[1])


def letters(index: int) -> str:
    """1 → a, 26 → z, 27 → aa: the labels of the lettered notes (format-integer(., 'a'))."""
    label = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def normalize_space(text: str) -> str:
    """XPath's normalize-space: runs of space, tab, CR and LF made one space, none at the ends
    (str.split would take every Unicode space for one, a no-break space too)."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or text[:1] == " " or text[-1:] == " ":
        return _SPACE.sub(" ", text).strip(" ")
    return text  # most words come normalised already


def escape_ends(text: str) -> str:
    """A paragraph's words, escaped so that they read as words: at the start, a backslash
    before what would read as markup; at the end, "::" (a literal block) as ":\\:"."""
    text = normalize_space(text)
    if _MARKUP_START.match(text):
        text = "\\" + text
    return text[:-1] + "\\:" if text.endswith("::") else text


def wrap(text: str, first: str, rest: str) -> str:
    """Greedy word wrap at WIDTH: the first line starts with `first`, every further line
    with `rest`. A word longer than a line stands on a line of its own; a word RST would
    read as an adornment at a line's start stays on the line before, however long."""
    words = normalize_space(text)
    if not words:
        return ""
    lines = []
    prefix, start, end = first, 0, len(words)
    while True:
        room = WIDTH - len(prefix)  # the line's words fill at most this much
        if end - start <= room:
            lines.append(prefix + words[start:])
            break
        cut = words.rfind(" ", start, start + room + 1) if room >= 0 else -1  # after the last word that fits
        if cut <= start:  # the line's first word alone is too long: it stands alone
            cut = words.find(" ", start)
            if cut < 0:
                lines.append(prefix + words[start:])
                break
        while True:  # words that would read as an adornment at the next line's start stay on this one
            after = words.find(" ", cut + 1)
            if not _ADORNMENT.fullmatch(words, cut + 1, end if after < 0 else after):
                break
            cut = end if after < 0 else after
            if after < 0:
                break
        lines.append(prefix + words[start:cut])
        if cut >= end:
            break
        prefix, start = rest, cut + 1
    return "\n".join(lines)


def title(text: str, level: int) -> str:
    """A section title of one line with its adornment at `level`."""
    line = normalize_space(text)
    if _MARKUP_START.match(line):
        line = "\\" + line
    rule = _ADORNMENTS[level : level + 1] * max(len(line), 1)
    return f"{rule}\n{line}\n{rule}" if level == 0 else f"{line}\n{rule}"


__all__ = ["WIDTH", layout.__name__, lay_out_fixed.__name__, letters.__name__, normalize_space.__name__, escape_ends.__name__,
           wrap.__name__, title.__name__]
