"""Shared by the converter's tests: convert a source text written by a test, with the example edition's registers."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_edition.convert import Converter, SourceReport


def convert_text(converter: Converter, tmp_path: Path, text: str) -> tuple[etree._Element, SourceReport]:
    """The one TEI document a small source text holds, and the conversion report."""
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    converted, report = converter.convert_source(source)
    assert len(converted) == 1
    return converted[0].tree.getroot(), report
