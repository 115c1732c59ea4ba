"""Load an edition's `edition.toml`: what the edition is and where its files live."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tei_edition.errors import ConfigError

DEFAULT_CONFIG = Path("edition.toml")


@dataclass(frozen=True)
class Edition:
    """An edition as `edition.toml` describes it; paths are absolute."""

    root: Path
    title: str
    subtitle: str
    editors: tuple[str, ...]
    publisher: str
    licence: str
    licence_url: str
    language: str
    date: str
    sources: Path
    xml: Path
    registers: Path
    build: Path
    raw: dict = field(repr=False, default_factory=dict)


def load_edition(path: Path = DEFAULT_CONFIG) -> Edition:
    """Read and check `edition.toml`; every problem is a ConfigError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no edition configuration here (tei-edition init DIR starts one, --config names another)")
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8: save it as UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_POSITION.search(str(exc))
        position = f"{where['line']}:{where['column']}" if where else "1"
        raise ConfigError(f"{path}:{position}: not valid TOML: {_TOML_POSITION.sub('', str(exc))}") from exc
    edition = data.get("edition", {})
    paths = data.get("paths", {})
    if not isinstance(edition, dict) or not isinstance(paths, dict):
        raise ConfigError(f"{path}:1: [edition] and [paths] must be tables")
    root = path.resolve().parent
    for key in _FOLDERS_READ:
        if key in paths and not (root / str(paths[key])).is_dir():
            raise ConfigError(
                f"{path}:{_line_of_key(text, key)}: [paths] {key} = {paths[key]!r} names {root / str(paths[key])}, "
                "which is not a folder"
            )
    try:
        return Edition(
            root=root,
            title=str(edition["title"]),
            subtitle=str(edition.get("subtitle", "")),
            editors=tuple(str(e) for e in edition.get("editors", [])),
            publisher=str(edition.get("publisher", "")),
            licence=str(edition.get("licence", "CC BY 4.0")),
            licence_url=str(edition.get("licence_url", "https://creativecommons.org/licenses/by/4.0/")),
            language=str(edition.get("language", "en")),
            date=str(edition.get("date", "")),
            sources=root / paths.get("sources", "sources"),
            xml=root / paths.get("xml", "xml"),
            registers=root / paths.get("registers", paths.get("xml", "xml")),
            build=root / paths.get("build", "build"),
            raw=data,
        )
    except KeyError as exc:
        raise ConfigError(f"{path}:{_line_of_key(text, '[edition]')}: [edition] needs the key {exc.args[0]!r}") from exc


#: The folders every command reads from: a path to them that leads nowhere is a mistake in the file.
_FOLDERS_READ = ("xml", "registers")
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)")


def _line_of_key(text: str, key: str) -> int:
    """The line where `key` (a key, or a [table] header) is written, or 1."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*(=|$)" if not key.startswith("[") else rf"^\s*{re.escape(key)}\s*$")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


__all__ = [Edition.__name__, load_edition.__name__, "DEFAULT_CONFIG"]
