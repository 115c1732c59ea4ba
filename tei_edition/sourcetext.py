"""Read a source text from disk: decoding, line ends, and the checks that refuse bad input."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from tei_edition.errors import SourceError
from tei_edition.model import Line

#: Source texts larger than this are refused: a cable page is a few kilobytes.
MAX_SOURCE_BYTES = 16 * 1024 * 1024
#: Lines longer than this are refused: no transcription has them.
MAX_LINE_CHARS = 100_000


def read_source(path: Path, encoding: str | None = None) -> list[Line]:
    """Read a source text as numbered lines; every problem is a SourceError with its line."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(path, 1, f"cannot read: {exc.strerror}") from exc
    if size > MAX_SOURCE_BYTES:
        raise SourceError(path, 1, f"file is {size} bytes; source texts larger than {MAX_SOURCE_BYTES} bytes are refused")
    data = path.read_bytes()
    text = _decode(path, data, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if _CONTROL.search(text) is not None or max(map(len, lines)) > MAX_LINE_CHARS:
        _refuse_line(path, lines)  # the usual text has neither: it is searched once, not line by line
    if not text.strip():
        raise SourceError(path, 1, "the source text is empty" if not text else "the source text holds only whitespace")
    return [Line(number, line) for number, line in enumerate(lines, start=1)]


def _refuse_line(path: Path, lines: list[str]) -> None:
    """A SourceError naming the first line too long or holding a control character."""
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise SourceError(path, number, f"line is {len(line)} characters long; lines over {MAX_LINE_CHARS} are refused")
        bad = _CONTROL.search(line)
        if bad is not None:
            raise SourceError(path, number, f"control character U+{ord(bad.group()):04X} in a text file: is this a binary file?", bad.start() + 1)


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise SourceError(path, 1, f"cannot decode as {encoding}: {exc}") from exc
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(path, line, "NUL byte: this is a binary file, not a source text")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        raise SourceError(
            path,
            line,
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); it looks like {guess}: convert it with "
            f"`iconv -f {guess} -t UTF-8` or pass --encoding {guess}",
        ) from exc


def _guess_encoding(data: bytes) -> str:
    """Tell Windows-1251, KOI8-R and Latin-1 apart by which reading gives Russian words.

    Read in the right Cyrillic code page, a Russian text's non-ASCII words are
    wholly Cyrillic and mostly lower case (the other Cyrillic code page gives
    capitals); a Latin-1 text read so gives Latin words with a stray Cyrillic
    letter inside ("Genиve"), which are not Cyrillic words at all.
    """
    def reading(codec: str) -> tuple[float, float]:
        words = [w for w in _WORD.findall(data.decode(codec, errors="replace")) if not w.isascii()]
        cyrillic = [w for w in words if all("\u0400" <= c <= "\u04ff" for c in w)]
        letters = "".join(cyrillic)
        return (len(cyrillic) / len(words) if words else 0.0), (sum(c.islower() for c in letters) / len(letters) if letters else 0.0)

    readings = {codec: reading(codec) for codec in ("cp1251", "koi8_r")}
    best = max(readings, key=lambda codec: readings[codec][0] + 0.5 * readings[codec][1])
    if readings[best][0] < 0.5:
        return "latin-1"
    return {"cp1251": "windows-1251", "koi8_r": "koi8-r"}[best]


_WORD = re.compile(r"[^\W\d_]+")


#: C0 controls but the tab and the line end, DEL and the C1 controls: searched in the whole text first
#: (most texts have none: searched once, not line by line), then in its lines to name the one.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


__all__ = [read_source.__name__, "MAX_SOURCE_BYTES", "MAX_LINE_CHARS"]
