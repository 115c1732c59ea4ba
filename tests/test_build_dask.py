"""`tei-edition build --executor dask`: the same tasks on a Dask cluster give the bytes of a local build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_build import FORMATS, make_edition, outputs, run_build

distributed = pytest.importorskip("distributed")


def test_dask_build_is_byte_identical_to_a_local_build(tmp_path: Path) -> None:
    local = make_edition(tmp_path / "local")
    run_build(local, jobs=1)
    folder = make_edition(tmp_path / "dask")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        result = subprocess.run(
            [sys.executable, "-m", "tei_edition", "build", "--to", ",".join(FORMATS), "--executor", "dask",
             "--scheduler", cluster.scheduler_address, "-q"],
            cwd=folder, capture_output=True, text=True,
        )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert outputs(folder) == outputs(local)


def test_dask_without_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    folder = make_edition(tmp_path)
    result = subprocess.run([sys.executable, "-m", "tei_edition", "build", "--executor", "dask"], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 2
