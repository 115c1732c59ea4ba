"""Fuzz target: the validator on arbitrary bytes reports, never crashes (atheris).

Run by `make fuzz` for a bounded time, its corpus seeded from the edition's TEI.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from tei_edition.validate import validate_files

DOCUMENT = Path(tempfile.mkdtemp(prefix="fuzz-validate-")) / "d1950-01-01_fuzz_fuzz.xml"


def test_one_input(data: bytes) -> None:
    DOCUMENT.write_bytes(data)
    validate_files([DOCUMENT])


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
