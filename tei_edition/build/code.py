"""What of the toolkit's own code each stage of the build runs, as one digest per stage.

A key holding the digest of the whole package made every output stale whenever
any module changed: a fix to the export command remade every page. Each stage's
code is instead the modules its task calls (`STAGE_MODULES`) with every
`tei_edition` module they import, at the top or inside a function (found by
reading their import statements, so nothing is imported here), plus the build
package itself and the package's data files, and the toolkit's version.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import tei_edition
from tei_edition.build.hashing import FileHashes, digest

#: The modules each stage's task calls. A writer is imported by name at run time
#: (tasks.writer), so each format names its own.
STAGE_MODULES: Final = {
    "convert": ("tei_edition.convert",),
    "validate": ("tei_edition.validate.runner",),
    "html": ("tei_edition.render.html", "tei_edition.render.summaries"),
    "text": ("tei_edition.render.text",),
    "pdf": ("tei_edition.render.pdf",),
}

#: `from tei_edition.x import a, b` (parenthesised over lines too) and `import tei_edition.x`.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(tei_edition(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|import[ \t]+(tei_edition(?:\.\w+)*))", re.M)


def stage_digests(hashes: FileHashes) -> dict[str, str]:
    """Per stage, the digest of the code it runs (see the module docstring)."""
    package = Path(tei_edition.__file__).resolve().parent
    shared = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                    and (p.suffix not in {".py", ".pyc"} or p.parent == package / "build"))
    found = {}
    for stage, modules in STAGE_MODULES.items():
        files = sorted(set(shared) | _closure(package, modules))
        found[stage] = digest(tei_edition.__version__, *(f"{p.relative_to(package)}={hashes.of(p)}" for p in files))
    return found


def _closure(package: Path, modules: tuple[str, ...]) -> set[Path]:
    """The files of `modules`, of their packages' __init__, and of every tei_edition module they import, recursively."""
    seen: set[Path] = set()
    pending = list(modules)
    while pending:
        path = _module_file(package, pending.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        pending.extend(_parents(path, package))
        for match in _IMPORT.finditer(path.read_text(encoding="utf-8")):
            origin = match.group(1) or match.group(3)
            pending.append(origin)
            if match.group(1):  # `from package import module` names modules too
                pending.extend(f"{origin}.{name.split(' as ')[0].strip()}" for name in match.group(2).strip("()").split(",") if name.strip())
    return seen


def _module_file(package: Path, module: str) -> Path | None:
    parts = module.split(".")[1:]
    base = package.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _parents(path: Path, package: Path) -> list[str]:
    """The packages a module file sits in, as module names (their __init__ runs first)."""
    relative = path.relative_to(package).parent.parts
    return [".".join(("tei_edition", *relative[:i])) for i in range(len(relative) + 1)]


__all__ = ["STAGE_MODULES", stage_digests.__name__]
