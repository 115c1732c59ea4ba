"""`tei-edition bench`: time every stage of the pipeline on generated corpora; table and build/bench.json."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from tei_edition.cliutil import CONFIG_OPTION, FORMAT_OPTION, QUIET_OPTION, TextOrJson, edition_or_exit, print_json
from tei_edition.xmlio import write_atomic


def bench(
    n: list[int] = typer.Option([1000, 10000], "--n", "-n", min=1, help="Corpus sizes in cables (repeat: --n 1000 --n 10000)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="The 'all cores' runs' processes (0: one per CPU)."),
    seed: int = typer.Option(1950, "--seed", help="The generator's seed (same seed, same corpus)."),
    stage_timeout: Optional[float] = typer.Option(None, "--stage-timeout", min=1, help="Stop a stage after this many seconds (recorded as not ok)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="The JSON file (default: the edition's build/bench.json)."),
    config: Path = CONFIG_OPTION,
    output_format: TextOrJson = FORMAT_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Benchmark convert, validate, HTML, text, PDF (200 documents), the floor and whole builds.

    Each size is a corpus of generated cables (tei_edition/bench/corpus.py) in a
    temporary folder; each stage runs in its own process, on one process and on
    all cores, and reports documents per second, seconds and peak memory.
    """
    from tei_edition.bench import floor_ratios, run_bench, table

    edition = edition_or_exit(config)
    cores = jobs or os.cpu_count() or 1
    show = (lambda row: typer.echo(f"  {row['stage']:<34} jobs {row['jobs']}: {row['seconds']:.2f} s", err=True)) if not quiet else None
    results = []
    for size in n:
        if not quiet:
            typer.echo(f"bench: {size} cables", err=True)
        result = run_bench(edition, size, cores, seed, show, stage_timeout)
        floor_ratios(result["stages"])
        results.append(result)
    target = output or edition.build / "bench.json"
    write_atomic(target, json.dumps({"runs": results}, indent=1) + "\n")
    if output_format is TextOrJson.json:
        print_json({"runs": results})
    elif not quiet:
        for result in results:
            typer.echo(f"\n{result['n']} cables ({result['sources']} source texts), {result['cores']} cores")
            typer.echo(table(result))
        typer.echo(f"\nwritten: {target}")


def register(app: typer.Typer) -> None:
    """Add `bench` to the CLI."""
    app.command("bench")(bench)


__all__ = [bench.__name__, register.__name__]
