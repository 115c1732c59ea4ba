"""Crashes the fuzzers found, kept as regression cases (see tests/fuzz/README.md).

Each case is the input that crashed, and the check that it now ends in the
toolkit's own error or report instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_edition.errors import TeiEditionError
from tei_edition.validate import validate_files
from tei_edition.xmlio import parse_xml_bytes

# The validator fuzzer: an entity declared after a long comment slipped past the
# entity check and crashed the schema validation ("Internal error in XML Schema validation").
ENTITY_AFTER_COMMENT = (
    b'<?xml version="1.0"?>\n<!--' + b"x" * 5000 + b'-->\n<!DOCTYPE TEI [<!ENTITY a "aaaa">]>\n'
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&a;</p></body></text></TEI>\n'
)
CASES = {"entity-after-long-comment": ENTITY_AFTER_COMMENT, "entity-in-utf-16": ENTITY_AFTER_COMMENT.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")}


@pytest.mark.parametrize("data", CASES.values(), ids=CASES.keys())
def test_safe_parser_refuses(data: bytes) -> None:
    with pytest.raises(TeiEditionError) as error:
        parse_xml_bytes(data, "crash.xml")
    assert "crash.xml:" in str(error.value)


@pytest.mark.parametrize("data", CASES.values(), ids=CASES.keys())
def test_validator_reports_instead_of_crashing(tmp_path: Path, data: bytes) -> None:
    document = tmp_path / "d1950-01-01_fuzz_fuzz.xml"
    document.write_bytes(data)
    report = validate_files([document])
    assert report.count("error") >= 1
