"""Export `tei`: the edition's TEI files for other projects, with what they need to use them.

The documents and registers are handed over as they are, except that each
document also declares its citation structure (`refsDecl`), so passages can be
cited by reference. The schema, the editorial rules and the encoding guidelines
come along, and a README says what is where.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from tei_edition.export.base import ExportOptions, ExportReport, FolderWriter, staged_folder
from tei_edition.export.citation import DELIMITER, with_refs_decl
from tei_edition.render.corpus import Corpus

FORMAT: Final = "tei"


def export(corpus: Corpus, options: ExportOptions) -> ExportReport:
    """Write documents, registers, schema, rules, guidelines and README under options.out."""
    from tei_edition.validate.guidelines import render_guidelines  # here, not with the module: the CLI lists the
    from tei_edition.validate.rules import DEFAULT_RULES  # exports on every start and must not load the schema library
    from tei_edition.validate.schema import DEFAULT_XSD

    report = ExportReport(FORMAT, options.out)
    with staged_folder(options.out, FORMAT) as root:
        write_tei_files(FolderWriter(root, report), corpus, "xml/")
        writer = FolderWriter(root, report)
        for schema_file in sorted(DEFAULT_XSD.parent.glob("*.xsd")):
            writer.copy(f"schema/{schema_file.name}", schema_file)
        for rules_file in sorted(DEFAULT_RULES.parent.glob("*.sch")):
            writer.copy(f"schema/rules/{rules_file.name}", rules_file)
        writer.write_bytes("guidelines.html", render_guidelines(corpus.edition.title, [d.path for d in corpus.documents]))
        writer.write_bytes("README.md", _readme(corpus))
    return report


def write_tei_files(writer: FolderWriter, corpus: Corpus, folder: str) -> None:
    """The documents (with refsDecl) and the registers (as they are) into one folder, as in xml/."""
    for document in corpus.documents:
        writer.write_xml(f"{folder}{document.path.name}", with_refs_decl(document.tree, document.path))
        writer.report.documents.append(document.id)
    for register in corpus.registers:
        path = Path(register.docinfo.URL)
        writer.copy(f"{folder}{path.name}", path)


def _readme(corpus: Corpus) -> str:
    edition = corpus.edition
    registers = ", ".join(f"`{tree.docinfo.URL.rsplit('/', 1)[-1]}`" for tree in corpus.registers)
    return f"""# {edition.title}: the TEI files

{edition.subtitle + '. ' if edition.subtitle else ''}Published by {edition.publisher or ', '.join(edition.editors)}, {edition.date}; licence: {edition.licence} ({edition.licence_url}).

| path | what it holds |
| --- | --- |
| `xml/` | the {len(corpus.documents)} documents, one TEI P5 file each (named after the document's date, sender and recipient), and the registers {registers} |
| `schema/tei_edition.xsd` | the edition's schema (XML Schema 1.0, a strict subset of TEI P5; `xml.xsd` is the W3C schema of `xml:` attributes) |
| `schema/rules/` | the editorial rules (ISO Schematron; `edition.sch` composes the modules; they call functions in the `ed:` namespace and read an index of the whole edition, which `tei-edition validate` provides) |
| `guidelines.html` | the encoding guidelines: every element the schema allows, what it means, an example from the edition |

Every file is valid TEI P5 (`tei_all.rng`) and valid against `schema/tei_edition.xsd`:

    jing tei_all.rng xml/*.xml
    xmllint --noout --schema schema/tei_edition.xsd xml/*.xml

Names in the texts point into the registers with relative URIs
(`persName ref="persons.xml#stalin"`); keep the registers beside the documents.
Register entries carry Wikidata (or VIAF, GeoNames) identifiers in `idno` only
where they are certain.

## Citing passages

Each document declares in `teiHeader/encodingDesc/refsDecl` how its passages are
cited (TEI `citeStructure`): a reference joins, with `{DELIMITER}`, the version (a
`div` of the body, by `xml:lang` and `n`: `en`, `ru1`), any section inside it (a
nested `div`, by `type` and `n`: `attachment`) and the block (any other child of
a `div`: paragraph, list, closer..., by position). `en.3` is the third block of
the English version; `en.attachment.2` the second block of its attachment.
"""


__all__ = ["FORMAT", export.__name__, write_tei_files.__name__]
