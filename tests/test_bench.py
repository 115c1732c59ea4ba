"""`tei-edition bench`: the generated corpus is deterministic and converts; a small run writes valid JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tei_edition.bench import STAGES
from tei_edition.bench.corpus import documents_per_source, generate_corpus
from tei_edition.config import load_edition
from tei_edition.convert import Converter

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "sources").glob("*.txt"))


def test_corpus_is_deterministic_and_holds_n_cables(tmp_path: Path) -> None:
    first = generate_corpus(TEMPLATES, 40, tmp_path / "a")
    second = generate_corpus(TEMPLATES, 40, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    counts = documents_per_source(TEMPLATES)
    by_name = {t.name: counts[t] for t in TEMPLATES}
    assert sum(by_name[p.name.split("_", 1)[1]] for p in first) == 40
    assert generate_corpus(TEMPLATES, 40, tmp_path / "c", seed=7)[0].read_bytes() != first[0].read_bytes()


def test_generated_sources_convert_with_distinct_documents(tmp_path: Path) -> None:
    paths = generate_corpus(TEMPLATES, 30, tmp_path / "sources")
    converter = Converter(load_edition(ROOT / "edition.toml"))
    ids = []
    for path in paths:
        converted, report = converter.convert_source(path)
        assert not report.errors
        ids.extend(item.doc_id for item in converted)
    assert len(ids) == 30
    assert not any(i.rsplit("-", 1)[-1].isdigit() for i in ids), "generated cables should not share an id"
    # Every template's phenomena are in its variants: the same kinds of signs were found.
    template = Converter(load_edition(ROOT / "edition.toml")).convert_source(TEMPLATES[0])[1]
    variant = Converter(load_edition(ROOT / "edition.toml")).convert_source(paths[0])[1]
    assert variant.phenomena.keys() == template.phenomena.keys()


def test_bench_50_writes_valid_json(tmp_path: Path) -> None:
    target = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "tei_edition", "bench", "--n", "50", "--output", str(target), "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    (run,) = data["runs"]
    assert run["n"] == 50
    stages = {(row["stage"], row["jobs"]) for row in run["stages"]}
    for stage in STAGES + ("build", "build-text"):
        assert (stage, 1) in stages
    assert {"incremental build (one source changed)", "no-change build"} <= {row["stage"] for row in run["stages"]}
    for row in run["stages"]:
        assert row["ok"], row
        assert row["documents"] > 0 and row["seconds"] > 0 and row["peak_rss_mb"] >= row["peak_main_mb"] > 0
    builds = [row for row in run["stages"] if "build" in row["stage"]]
    assert len(builds) >= 4 and all(row["errors"] == 0 and row["exit"] == 0 for row in builds), builds  # the generated cables are valid
