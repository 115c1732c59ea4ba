"""Split a document's text into its versions: a translation, and transcriptions in other scripts.

A new version starts where the script changes (Latin to Cyrillic, say), and
where a text in the same script begins again (its first line repeated): a
record page may hold two transcriptions of the same Russian original.
"""

from __future__ import annotations

import re
import unicodedata

from tei_edition.model import Line, Version


#: The letters of each script a line may be written in (Latin counted apart: see script_of).
_SCRIPT_LETTERS = {
    "ru": re.compile("[\u0400-\u04ff]"),
    "zh": re.compile("[\u4e00-\u9fff\u3400-\u4dbf]"),
    "ko": re.compile("[\uac00-\ud7af\u1100-\u11ff]"),
}
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile("[A-Za-z]")
#: Three ASCII letters or more, anywhere in a line (matched from its start; a line is Latin by them).
_THREE_ASCII_LETTERS = re.compile("(?:[^A-Za-z]*[A-Za-z]){3}")
#: A letter that is not ASCII: a line without one counts its ASCII letters alone, as an ASCII line does.
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\W\d_]")
#: Letters neither ASCII nor of the scripts above: Latin if their Unicode name says so ("é").
_OTHER_LETTER = re.compile("[^\x00-\x7f" + "".join(p.pattern[1:-1] for p in _SCRIPT_LETTERS.values()) + "]")


def script_of(text: str) -> str | None:
    """The language a line's script suggests ("en", "ru", "zh", "ko"), None for no letters.

    Every line of every source passes here, so letters are counted with regular
    expressions, and an all-ASCII line (most of them) is Latin at once.
    """
    if text.isascii() or _NON_ASCII_LETTER.search(text) is None:  # letters of ASCII only (quotes and dashes aside)
        return "en" if _THREE_ASCII_LETTERS.match(text) else None
    letters = "".join(_LETTER.findall(text))
    counts = {script: len(pattern.findall(letters)) for script, pattern in _SCRIPT_LETTERS.items()}
    counts["en"] = len(_ASCII_LETTER.findall(letters)) + sum(
        1 for char in _OTHER_LETTER.findall(letters) if unicodedata.name(char, "").startswith("LATIN")
    )
    total = sum(counts.values())
    if total < 3:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] / total > 0.6 else None


def _opening_key(text: str) -> str:
    """The first 24 letters of a line, lower-cased, brackets aside: what a text that begins again repeats.

    Every line is keyed, so a line without brackets is keyed from its start
    alone when that holds letters enough (a 25th one settles the case of the
    24th, as a final sigma's does).
    """
    if "[" not in text:
        letters = _NOT_LETTERS.sub("", text[:_KEY_SPAN])
        if len(letters) > _KEY_LETTERS:
            return letters.lower()[:_KEY_LETTERS]
    return _NOT_LETTERS.sub("", _BRACKETED.sub("", text)).lower()[:_KEY_LETTERS]


def _may_open(text: str, opening: str) -> bool:
    """False when a line's key cannot be `opening`: its first letter is another (a line with brackets is keyed).

    Every line of a version is compared with its opening: the first letter, found
    with one search, settles most of them without the key. A first letter's lower
    case is its own (a final sigma's needs a letter before it).
    """
    if "[" in text:
        return True
    first = _FIRST_LETTER.search(text)
    return first is not None and first.group().lower()[:1] == opening[:1]


_FIRST_LETTER = re.compile(r"[^\W\d_]")
_KEY_LETTERS = 24
#: How much of a line's start is read for its key first (letters, spaces and signs).
_KEY_SPAN = 80


_BRACKETED = re.compile(r"\[[^\]]*\]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def split_versions(lines: list[Line], kinds: list[tuple[str, str]], translated: bool) -> list[Version]:
    """Versions of a text; `kinds` lists (kind, lang) the page announces, in order."""
    versions: list[Version] = []
    current: list[Line] = []
    lang: str | None = None
    opening = ""
    for line in lines:
        script = script_of(line.text)
        starts_again = bool(current) and script == lang and opening and _may_open(line.text, opening) and _opening_key(line.text) == opening
        if (script and lang and script != lang) or starts_again:
            versions.append(_version(current, lang, kinds, versions, translated))
            current = []
            lang = None
        if script and lang is None:
            lang = script
            opening = _opening_key(line.text)
        current.append(line)
    if any(line.text.strip() for line in current):
        versions.append(_version(current, lang or "en", kinds, versions, translated))
    return versions


def _version(lines: list[Line], lang: str | None, kinds: list[tuple[str, str]], before: list[Version], translated: bool) -> Version:
    lang = lang or "en"
    announced = [kind for kind, kind_lang in kinds if kind_lang == lang]
    if announced:
        kind = announced[min(len([v for v in before if v.lang == lang]), len(announced) - 1)]
    elif lang == "en":
        kind = "translation" if translated or before else "original"
    else:
        kind = "transcription"
    return Version(kind, lang, lines)


__all__ = [script_of.__name__, split_versions.__name__]
