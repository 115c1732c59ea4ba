"""The benchmark: a generated corpus of N cables through every stage, timed, with peak memory.

`run_bench` makes an edition of N generated cables in a temporary folder (the
example edition's registers, configuration and front matter; sources from
`corpus.generate_corpus`), runs each stage in a process of its own (`stages.py`)
on one process and on all cores while sampling the memory (RSS) of the stage's
whole process tree (and of its main process and its largest worker by themselves),
then the build without HTML and the whole build, an incremental rebuild of the
whole build after one changed source and a rebuild with no change, and returns
rows for the table and build/bench.json.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from tei_edition.bench.corpus import generate_corpus
from tei_edition.config import Edition

#: Stages timed on one process and on all cores, in pipeline order.
STAGES = ("convert", "validate", "html", "html-site", "text", "pdf", "floor")
REGISTER_FILES = ("persons.xml", "places.xml", "organisations.xml")


def run_bench(edition: Edition, n: int, cores: int, seed: int = 1950, log: Any = None, timeout: float | None = None) -> dict[str, Any]:
    """Measure every stage on `n` generated cables; the result as plain data.

    A stage still running after `timeout` seconds is stopped and recorded as not ok
    (with the time it ran), so one pathological stage does not hide the others.
    """
    with tempfile.TemporaryDirectory(prefix="tei-edition-bench-") as tmp:
        root = Path(tmp)
        config = _edition_copy(edition, root)
        sources = generate_corpus(sorted(edition.sources.glob("*.txt")), n, root / "sources", seed)
        rows = []
        for jobs in sorted({1, cores}):
            _reset(root)
            for stage in STAGES:
                rows.append(_measure(stage, config, jobs, root, log, timeout))
            for build in ("build-text", "build"):
                _reset(root)
                rows.append(_measure(build, config, jobs, root, log, timeout))
        changed = sources[len(sources) // 2]
        changed.write_text(changed.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")
        rows.append(_measure("build", config, cores, root, log, timeout) | {"stage": "incremental build (one source changed)"})
        rows.append(_measure("build", config, cores, root, log, timeout) | {"stage": "no-change build"})
        return {"n": n, "sources": len(sources), "cores": cores, "seed": seed, "stages": rows}


def _edition_copy(edition: Edition, root: Path) -> Path:
    (root / "xml").mkdir(parents=True)
    for name in REGISTER_FILES:
        shutil.copy(edition.registers / name, root / "xml" / name)
    front = edition.root / "front.xml"
    if front.is_file():
        shutil.copy(front, root / "front.xml")
    config = root / "edition.toml"
    shutil.copy(edition.root / "edition.toml", config)
    return config


def _reset(root: Path) -> None:
    """No outputs: the TEI the converter wrote and the build folder go."""
    for path in (root / "xml").glob("*"):
        if path.name not in REGISTER_FILES:
            path.unlink()
    shutil.rmtree(root / "build", ignore_errors=True)


def _measure(stage: str, config: Path, jobs: int, root: Path, log: Any, timeout: float | None) -> dict[str, Any]:
    """Run a stage in its own process, sampling the RSS of its process tree every 50 ms."""
    command = [sys.executable, "-m", "tei_edition.bench.stages", stage, str(config), str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    peak = _Peaks()
    sampler = threading.Thread(target=_sample, args=(process.pid, peak), daemon=True)
    sampler.start()
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the stage and its workers
        output, _ = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    result = json.loads(output.strip().splitlines()[-1]) if process.returncode == 0 and output.strip() else {"documents": 0, "seconds": wall}
    row = {
        "stage": stage,
        "jobs": jobs,
        "documents": result["documents"],
        "seconds": round(result["seconds"], 3),
        "wall_seconds": round(wall, 3),
        "documents_per_second": round(result["documents"] / result["seconds"], 1) if result["seconds"] > 0 else None,
        "peak_rss_mb": round(peak.total / 2**20, 1),
        "peak_main_mb": round(peak.main / 2**20, 1),
        "peak_worker_mb": round(peak.worker / 2**20, 1),
        "ok": process.returncode == 0,
    }
    if "errors" in result:  # a build's: what it reported, and so its exit status
        row |= {"errors": result["errors"], "exit": 1 if result["errors"] else 0}
    if log is not None:
        log(row)
    return row


class _Peaks:
    """The largest RSS a stage's process tree reached, summed over its processes, and the largest
    of its main process and of any one worker by itself: which of them holds the memory."""

    def __init__(self) -> None:
        self.total = self.main = self.worker = 0


def _sample(pid: int, peak: _Peaks) -> None:
    try:
        process = psutil.Process(pid)
        while process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
            total = 0
            for member in [process, *process.children(recursive=True)]:
                try:
                    rss = member.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                if member.pid == pid:
                    peak.main = max(peak.main, rss)
                else:
                    peak.worker = max(peak.worker, rss)
            peak.total = max(peak.total, total)
            time.sleep(0.05)
    except psutil.Error:
        return


def floor_ratios(rows: list[dict[str, Any]]) -> None:
    """Each stage's time per document as a multiple of the floor's at the same jobs (added to the rows)."""
    floors = {row["jobs"]: row for row in rows if row["stage"] == "floor" and row["documents"]}
    for row in rows:
        floor = floors.get(row["jobs"])
        if floor and row["documents"] and row["stage"] in STAGES + ("build", "build-text"):
            per_doc, floor_per_doc = row["seconds"] / row["documents"], floor["seconds"] / floor["documents"]
            row["x_floor"] = round(per_doc / floor_per_doc, 1) if floor_per_doc else None


def table(result: dict[str, Any]) -> str:
    """The rows as an aligned text table."""
    header = ("stage", "jobs", "docs", "seconds", "docs/s", "peak MB", "x floor", "ok", "errors")
    lines = [header]
    for row in result["stages"]:
        lines.append((row["stage"], str(row["jobs"]), str(row["documents"]), f"{row['seconds']:.2f}",
                      str(row["documents_per_second"]), f"{row['peak_rss_mb']:.0f}", str(row.get("x_floor", "")), "yes" if row["ok"] else "NO",
                      str(row.get("errors", ""))))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)) for line in lines)


__all__ = ["STAGES", run_bench.__name__, floor_ratios.__name__, table.__name__]
