"""Load an edition's `edition.toml`: what the edition is and where its files live."""

from __future__ import annotations

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
        raise ConfigError(f"{path}: no edition configuration here (tei-edition init DIR starts one)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    edition = data.get("edition", {})
    paths = data.get("paths", {})
    root = path.resolve().parent
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
        raise ConfigError(f"{path}: [edition] needs the key {exc.args[0]!r}") from exc


__all__ = [Edition.__name__, load_edition.__name__, "DEFAULT_CONFIG"]
