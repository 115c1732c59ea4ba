"""`tei-edition collate`: collate the witnesses of a document again, with a chosen base or subset."""

from __future__ import annotations

from pathlib import Path

import typer

from tei_edition.cliutil import EXIT_ERRORS, EXIT_USAGE, FORMAT_OPTION, QUIET_OPTION, TextOrJson, fail, print_json
from tei_edition.collate import Witness, collate, witness_div
from tei_edition.errors import TeiEditionError
from tei_edition.tei import indent_structure
from tei_edition.xmlio import NSMAP, XML_NS, parse_xml, serialize, write_atomic


def collate_command(
    document: Path = typer.Argument(..., help="A TEI document of the edition with declared witnesses (listWit)."),
    witness: list[str] = typer.Option([], "--witness", "-w", help="Collate only these witnesses (sigla, e.g. B); default all."),
    base: str = typer.Option(None, "--base", "-b", help="The witness whose text carries the apparatus (default: the current base)."),
    out: Path = typer.Option(None, "--out", "-o", help="Write here instead of back into DOCUMENT."),
    output_format: TextOrJson = FORMAT_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Align the witnesses of each language word by word and write the apparatus (app/lem/rdg) into the TEI."""
    try:
        tree = parse_xml(document)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_ERRORS)
    root = tree.getroot()
    declared = {w.get(f"{{{XML_NS}}}id"): w.get("n") for w in root.iterfind(".//tei:listWit/tei:witness", NSMAP)}
    by_siglum = {siglum: wit_id for wit_id, siglum in declared.items()}
    wanted = [_wit_id(s, by_siglum, declared, document) for s in witness]
    base_id = _wit_id(base, by_siglum, declared, document) if base else None
    summary = []
    for div in root.iterfind(".//tei:text/tei:body/tei:div", NSMAP):
        sources = [s.lstrip("#") for s in (div.get("source") or "").split()]
        members = [s for s in sources if not wanted or s in wanted]
        if len(sources) < 2 or len(members) < 2:
            continue
        chosen_base = base_id if base_id in members else members[0]
        texts = {wit: witness_div(div, wit) for wit in members}
        others = [Witness(wit, texts[wit]) for wit in members if wit != chosen_base]
        collated = collate(Witness(chosen_base, texts[chosen_base]), others)
        for name in ("corresp", f"{{{XML_NS}}}id", "n"):
            if div.get(name) is not None:
                collated.set(name, div.get(name))
        collated.tail = div.tail
        div.getparent().replace(div, collated)
        indent_structure(collated)
        summary.append({"div": div.get(f"{{{XML_NS}}}id"), "base": chosen_base, "witnesses": members, "apparatus": len(collated.findall(".//tei:app", NSMAP))})
    if not summary:
        fail(f"{document}: no text of this document has two or more of the witnesses asked for", EXIT_USAGE)
    write_atomic(out or document, serialize(tree))
    if output_format is TextOrJson.json:
        print_json({"document": str(document), "texts": summary})
    elif not quiet:
        for item in summary:
            typer.echo(f"{item['div']}: base {item['base']}, witnesses {' '.join(item['witnesses'])}, {item['apparatus']} places of variation")


def _wit_id(siglum: str, by_siglum: dict[str, str], declared: dict[str, str], document: Path) -> str:
    if siglum in declared:
        return siglum
    if siglum in by_siglum:
        return by_siglum[siglum]
    fail(f"{document}: no witness {siglum!r}; declared: {', '.join(sorted(by_siglum))}", EXIT_USAGE)
    raise AssertionError  # fail() exits


def register(app: typer.Typer) -> None:
    """Add `collate` to the CLI."""
    app.command("collate")(collate_command)


__all__ = [collate_command.__name__, register.__name__]
