"""Export `bag`: the whole edition as a BagIt bag (RFC 8493), the package archives accept.

The payload is the edition as it stands: edition.toml, front matter, the source
texts, the TEI (documents, registers, source map), the schema and rules it is
valid against, and the rendered outputs under build/ when they exist (other
exports excluded). The `bagit` package writes SHA-256 and SHA-512 manifests;
the bag is dated by `export_date`, so the same edition gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import bagit

from tei_edition.config import Edition
from tei_edition.export.base import (
    ExportError,
    ExportOptions,
    ExportReport,
    FolderWriter,
    export_date,
    staged_folder,
    write_marker,
)
from tei_edition.render.corpus import Corpus, front_matter_path

FORMAT: Final = "bag"

CHECKSUMS: Final[tuple[str, ...]] = ("sha256", "sha512")

#: The folder (under the edition's build folder) that holds exports, which the bag leaves out.
EXPORTS_FOLDER: Final = "export"


def export(corpus: Corpus, options: ExportOptions) -> ExportReport:
    """Copy the edition into a fresh folder and make it a bag there."""
    report = ExportReport(FORMAT, options.out)
    edition = corpus.edition
    with staged_folder(options.out, FORMAT) as root:
        writer = FolderWriter(root, report)
        for relative, source in payload(edition, options.out):
            writer.copy(relative, source)
        report.documents.extend(document.id for document in corpus.documents)
        report.files = [options.out / "data" / path.relative_to(options.out) for path in report.files]
        try:
            bagit.make_bag(str(root), bag_info=bag_info(edition), checksums=list(CHECKSUMS), processes=1)
        except (bagit.BagError, OSError, RuntimeError) as exc:
            raise ExportError(f"{options.out}: the bag could not be made: {exc}") from exc
        _complete_tag_manifests(root, write_marker(root, FORMAT))
        report.files.extend(options.out / name for name in sorted(path.name for path in root.iterdir() if path.is_file()))
    return report


def payload(edition: Edition, out: Path) -> Iterator[tuple[str, Path]]:
    """(path in the bag's data/, file) for every file of the edition, in a stable order."""
    from tei_edition.validate.rules import DEFAULT_RULES  # here, not with the module: the CLI lists the exports
    from tei_edition.validate.schema import DEFAULT_XSD  # on every start and must not load the schema library

    root = edition.root
    config = root / "edition.toml"
    if config.is_file():
        yield "edition.toml", config
    front = front_matter_path(edition)
    if front.is_file():
        yield front.name, front
    for folder in sorted({edition.sources, edition.xml, edition.registers}):
        yield from _files_under(folder, _inside(folder, root), out)
    yield from _files_under(DEFAULT_XSD.parent, "schema", out)
    yield from _files_under(DEFAULT_RULES.parent, "schema/rules", out, recursive=False)
    if edition.build.is_dir():
        yield from _files_under(edition.build, "build", out, skip=edition.build / EXPORTS_FOLDER)


def bag_info(edition: Edition) -> dict[str, str]:
    """The bag-info.txt fields (RFC 8493 section 2.2.2), from edition.toml."""
    info = {
        "Source-Organization": edition.publisher or ", ".join(edition.editors),
        "External-Description": ". ".join(part for part in (edition.title, edition.subtitle) if part),
        "Bagging-Date": export_date(edition),
    }
    if edition.editors:
        info["Contact-Name"] = ", ".join(edition.editors)
    return info


def _files_under(folder: Path, prefix: str, out: Path, skip: Path | None = None,
                 recursive: bool = True) -> Iterator[tuple[str, Path]]:
    if not folder.is_dir():
        return
    out = out.resolve()
    candidates = folder.rglob("*") if recursive else folder.glob("*")
    for path in sorted(candidates):
        relative = path.relative_to(folder)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        resolved = path.resolve()
        if (skip is not None and resolved.is_relative_to(skip.resolve())) or resolved.is_relative_to(out) \
                or resolved.is_relative_to(out.parent) and resolved.relative_to(out.parent).parts[0].startswith(f".{out.name}."):
            continue
        yield f"{prefix}/{relative.as_posix()}", path


def _inside(folder: Path, root: Path) -> str:
    resolved = folder.resolve()
    return resolved.relative_to(root.resolve()).as_posix() if resolved.is_relative_to(root.resolve()) else folder.name


def _complete_tag_manifests(root: Path, marker: Path) -> None:
    """List the export marker among the tag files, and sort the lines.

    bagit lists tag files in directory order; sorted, the same bag has the same
    bytes. The marker is a tag file too, so every file of the bag is checked.
    """
    for algorithm in CHECKSUMS:
        manifest = root / f"tagmanifest-{algorithm}.txt"
        lines = manifest.read_text(encoding="utf-8").splitlines()
        lines.append(f"{hashlib.new(algorithm, marker.read_bytes()).hexdigest()} {marker.name}")
        manifest.write_text("".join(line + "\n" for line in sorted(lines)), encoding="utf-8")


__all__ = ["FORMAT", "CHECKSUMS", export.__name__, payload.__name__, bag_info.__name__]
