"""The build's source map update: the bytes `tei-edition convert` would print, with only the changed entries printed anew."""

from __future__ import annotations

import json
from pathlib import Path

from tei_edition.build.sourcemap import entry_block, update_sourcemap


def printed(entries: dict) -> str:
    """The source map as the converter writes it."""
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


ENTRIES = {
    f"d1950-10-{day:02d}_stalin_mao.xml": {"source": f"sources/{day}.txt", "elements": {"/*/*[2]/*/*/*[1]": day, "/*/*[2]/*/*/*[2]": day + 2}}
    for day in range(1, 8)
}


def test_replacing_dropping_and_adding_entries_gives_the_printers_bytes(tmp_path: Path) -> None:
    path = tmp_path / "sourcemap.json"
    path.write_text(printed(ENTRIES), encoding="utf-8")
    expected = dict(ENTRIES)
    changed = "d1950-10-04_stalin_mao.xml"
    expected[changed] = {"source": "sources/4.txt", "elements": {"/*/*[2]/*/*/*[1]": 5}}
    del expected["d1950-10-02_stalin_mao.xml"]
    odd = 'd1950-10-09_"Ким",\n "x.xml'  # a quote, a comma, a line break and a space-quote in the name, Cyrillic letters
    expected[odd] = {"source": "sources/ü \"q\".txt", "elements": {}}
    update_sourcemap(path, {name: entry_block(name, expected[name]) for name in (changed, odd)}, set(expected))
    assert path.read_text(encoding="utf-8") == printed(expected)


def test_an_unchanged_map_is_not_written_again(tmp_path: Path) -> None:
    path = tmp_path / "sourcemap.json"
    path.write_text(printed(ENTRIES), encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    name = next(iter(ENTRIES))
    update_sourcemap(path, {name: entry_block(name, ENTRIES[name])}, set(ENTRIES))
    assert path.stat().st_mtime_ns == stamp


def test_a_missing_map_or_one_in_another_form_is_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "sourcemap.json"
    name = next(iter(ENTRIES))
    update_sourcemap(path, {name: entry_block(name, ENTRIES[name])}, {name})
    assert path.read_text(encoding="utf-8") == printed({name: ENTRIES[name]})
    path.write_text(json.dumps(ENTRIES, indent=2), encoding="utf-8")  # edited and saved by another program
    other = sorted(ENTRIES)[-1]
    update_sourcemap(path, {other: entry_block(other, {"source": "sources/new.txt", "elements": {}})}, set(ENTRIES))
    assert path.read_text(encoding="utf-8") == printed(ENTRIES | {other: {"source": "sources/new.txt", "elements": {}}})


def test_entries_of_any_shape_are_printed_as_the_printer_prints_them() -> None:
    """The converter's entries are printed by a faster route; those and any other (edited by hand) give the printer's lines."""
    name = 'd1950-10-09_"Ким",\n "x.xml'
    entries = [
        {"source": 'sources/ü "q"\n.txt', "elements": {"/*/*[10]": 3, "/*/*[2]": 1, "/a\u2028\\": 10**20}},
        {"source": "sources/1.txt", "elements": {}},
        {"source": "sources/1.txt", "elements": {"/*": 1.5, "/*/*": True, "/*/*/*": [1, {"a": None}]}},
        {"source": "sources/1.txt", "elements": {"/*": 1}, "note": "added by hand"},
    ]
    for entry in entries:
        assert "{\n" + entry_block(name, entry) + "\n}\n" == printed({name: entry})
