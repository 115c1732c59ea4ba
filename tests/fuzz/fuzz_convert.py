"""Fuzz target: the converter on arbitrary bytes fails only with the toolkit's SourceError (atheris).

Run by `make fuzz` for a bounded time, its corpus seeded from the example
sources; a crash found becomes a regression test in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from tei_edition.config import load_edition
    from tei_edition.convert import Converter
    from tei_edition.errors import SourceError

ROOT = Path(__file__).resolve().parents[2]
CONVERTER = Converter(load_edition(ROOT / "edition.toml"))
SOURCE = Path(tempfile.mkdtemp(prefix="fuzz-convert-")) / "input.txt"


def test_one_input(data: bytes) -> None:
    SOURCE.write_bytes(data)
    try:
        CONVERTER.convert_source(SOURCE)
    except SourceError as error:
        assert error.line >= 1


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
