"""The TEI files a change touches: what git says changed since a revision, and the files pointing to them.

`tei-edition validate --changed-since REF` checks only these, so a project's CI
or pre-commit hook validates a large edition in the time of a few files. A file
that points into a changed one (a document naming a person of a changed
register) is checked again too: the change may have broken its pointer.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

import typer
from lxml import etree

from tei_edition.cliutil import EXIT_OK, EXIT_USAGE, fail
from tei_edition.config import load_edition
from tei_edition.errors import TeiEditionError
from tei_edition.validate.index import POINTER_ATTRIBUTES, resolve_pointer
from tei_edition.validate.runner import collect_files
from tei_edition.xmlio import parse_xml


class GitError(TeiEditionError):
    """Raised when git cannot say what changed (not a repository, unknown revision)."""


def changed_since(ref: str, xml_folder: Path) -> list[Path]:
    """XML files changed since `ref` (committed, staged or not), and new files under `xml_folder` git does not track."""
    top = Path(_git(["rev-parse", "--show-toplevel"], xml_folder).strip())
    if ref.startswith("-"):
        raise GitError(f"--changed-since {ref}: a revision cannot start with '-'")
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top, f"--changed-since {ref}: no such revision in {top}")
    names = _git(["diff", "--name-only", "-z", ref, "--"], top).split("\0")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", str(xml_folder.resolve())], top).split("\0")
    paths = {(top / name).resolve() for name in names if name.endswith(".xml")}
    paths |= {(top / name).resolve() for name in untracked if name.endswith(".xml")}
    return sorted(paths)


def with_referrers(changed: Iterable[Path], candidates: Iterable[Path]) -> list[Path]:
    """The changed files that still exist, and every candidate with a pointer into a changed file."""
    targets = {str(path.resolve()) for path in changed}
    found = {path.resolve() for path in changed if path.is_file()}
    for path in candidates:
        if path.resolve() not in found and _points_into(path, targets):
            found.add(path.resolve())
    return sorted(found)


def changed_files(ref: str, xml_folder: Path, within: Iterable[Path] = ()) -> list[Path]:
    """What `validate --changed-since` checks: the changed files and their referrers, under `within` when given."""
    scope = [Path(p).resolve() for p in within] or [xml_folder.resolve()]
    candidates = collect_files(scope)
    selected = with_referrers(changed_since(ref, xml_folder), candidates)
    return [path for path in selected if any(path == place or path.is_relative_to(place) for place in scope)]


def changed_paths_or_exit(ref: str, paths: list[Path], config: Path, quiet: bool) -> list[Path]:
    """The files `validate --changed-since REF` checks; exit 0 when there are none, 2 when git cannot tell.

    The XML folder is the edition's when `config` exists, else the working folder
    (a project using the pre-commit hook may have no edition.toml).
    """
    xml_folder = load_edition(config).xml if Path(config).is_file() else Path.cwd()
    try:
        files = changed_files(ref, xml_folder, paths)
    except TeiEditionError as exc:
        fail(str(exc), EXIT_USAGE)
    if not files:
        if not quiet:
            typer.echo(f"no XML file changed since {ref}, and none points to one that did", err=True)
        raise typer.Exit(EXIT_OK)
    return files


def _points_into(path: Path, targets: set[str]) -> bool:
    """Whether a pointer attribute of `path` names one of the `targets` files (unparsable: no)."""
    try:
        root = parse_xml(path).getroot()
    except TeiEditionError:
        return False  # it is not a referrer we can read; if it changed, it is validated anyway
    for element in root.iter(etree.Element):
        for attribute in POINTER_ATTRIBUTES:
            for token in (element.get(attribute) or "").split():
                target = resolve_pointer(token, path)
                if target is not None and target.partition("#")[0] in targets:
                    return True
    return False


def _git(args: list[str], cwd: Path, failure: str | None = None) -> str:
    folder = cwd if cwd.is_dir() else cwd.parent
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("--changed-since needs git, which is not installed") from exc
    if done.returncode != 0:
        raise GitError(failure or f"git {' '.join(args[:2])} in {folder}: {done.stderr.strip() or 'failed'}")
    return done.stdout


__all__ = [GitError.__name__, changed_since.__name__, with_referrers.__name__, changed_files.__name__, changed_paths_or_exit.__name__]
