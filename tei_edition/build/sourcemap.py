"""xml/sourcemap.json rewritten with some documents' entries changed, the others' text kept as it is.

The file is what `tei-edition convert` writes (`tei_edition.sources.sourcemap_text`): each document's entry is one block of lines starting
with a space and its quoted name, the blocks joined by ",\\n" (a newline inside a
JSON string is escaped, so every line break is the printer's). A build that
converted a few sources replaces their blocks and keeps the others' text, instead
of parsing and printing the entries of every document (at 10,000 documents a
fifth of an incremental build). A file not in that form (edited by hand) is read
as JSON, and written again in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tei_edition.sources import sourcemap_text
from tei_edition.xmlio import write_atomic

_OPEN, _JOIN, _CLOSE = "{\n", ",\n", "\n}\n"
#: How the printer starts an entry's block: its indent and the name's opening quote.
_START = ' "'
_DECODER = json.JSONDecoder()
#: The keys of an entry the converter makes.
_POSITIONS_KEYS = {"elements", "source"}
#: A string as the printer prints it (ensure_ascii=False).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
#: An entry's element lines, sorted, as one object whose items are separated as the printer's lines are (`_positions_block`).
_ELEMENT_LINES = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",\n   ", ": ")).encode


def update_sourcemap(path: Path, updates: dict[str, str], names: set[str]) -> None:
    """Keep the entries of the documents in `names`, with the blocks of `updates` (`entry_block`) new;
    write the file if that changes it."""
    current = _blocks(path)
    merged = {name: block for name, block in current.items() if name in names} | updates
    if merged and (merged != current or not path.is_file()):
        write_atomic(path, _OPEN + _JOIN.join(merged[name] for name in sorted(merged)) + _CLOSE)


def entry_block(name: str, entry: Any) -> str:
    """An entry's lines as they stand in the whole file: printed alone, without the braces around it.

    A build keeps the new entries of the documents it converted as these strings
    until it writes the file: a tenth of the memory of the entries themselves."""
    if _is_positions(entry):
        return _positions_block(name, entry["source"], entry["elements"])
    return sourcemap_text({name: entry})[len(_OPEN) : -len(_CLOSE)]


def _is_positions(entry: Any) -> bool:
    """Whether an entry is what the converter makes (a source and a line per element path), which
    `_positions_block` prints; anything else (a hand-edited entry) goes to the printer itself."""
    if type(entry) is not dict or entry.keys() != _POSITIONS_KEYS or type(entry["source"]) is not str:
        return False
    elements = entry["elements"]
    return type(elements) is dict and all(type(line) is int for line in elements.values())  # keys are printed alike by both encoders


def _positions_block(name: str, source: str, elements: dict[str, int]) -> str:
    """The printer's lines of a converter's entry, by json's C encoder.

    With an indent, Python's json prints with its pure-Python encoder, five times
    slower; without one it uses the C encoder. An entry's element lines are one
    flat object, so printed with the line break and indent as the separator between
    items they are the printer's lines (a line break inside a string is escaped:
    every one in the text is a separator's)."""
    lines = "{\n   " + _ELEMENT_LINES(elements)[1:-1] + "\n  }" if elements else "{}"
    return f'{_START[:-1]}{_ENCODE(name)}: {{\n  "elements": {lines},\n  "source": {_ENCODE(source)}\n }}'


def renamed_block(block: str, name: str) -> str:
    """An entry's block (`entry_block`) as the entry of another document name: its name replaced, its lines kept."""
    _, end = _DECODER.raw_decode(block, len(_START) - 1)
    return block[: len(_START) - 1] + json.dumps(name, ensure_ascii=False) + block[end:]


def _blocks(path: Path) -> dict[str, str]:
    """The file's entries by document name, each as its text; {} when there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    interior = text[len(_OPEN) : -len(_CLOSE)]
    if text.startswith(_OPEN + _START) and text.endswith(_CLOSE):
        blocks = {}
        for piece in interior[len(_START) :].split(_JOIN + _START):
            block = _START + piece
            name = _name(block)
            if name is None:
                return _reprinted(text)
            blocks[name] = block
        return blocks
    return _reprinted(text)


def _name(block: str) -> str | None:
    """The document name a block starts with, if it starts as the printer starts an entry."""
    try:
        name, end = _DECODER.raw_decode(block, 1)
    except ValueError:
        return None
    return name if isinstance(name, str) and block.startswith(": ", end) else None


def _reprinted(text: str) -> dict[str, str]:
    """The entries of a file in another form, as the printer prints them."""
    try:
        entries = json.loads(text)
    except ValueError:
        return {}
    return {name: entry_block(name, entry) for name, entry in entries.items()} if isinstance(entries, dict) else {}


__all__ = [entry_block.__name__, renamed_block.__name__, update_sourcemap.__name__]
