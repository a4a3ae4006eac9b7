"""Seconds-long runs of the streaming benchmarks so they cannot rot (no time is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

pytestmark = pytest.mark.slow


def test_memory_benchmark_smoke_reports_every_mode() -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "memory.py"), "--smoke", "--json", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    runs = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    assert [run["mode"] for run in runs] == ["lines", "one-line"]
    for run in runs:
        assert run["bytes"] == 300_000
        assert 0 < run["peak_rss_largest_process_mb"] <= run["peak_rss_sum_mb"]
        assert run["peak_pss_sum_mb"] > 0
        assert set(run["peak_pss_sum_mb_at"]) == {"10%", "25%", "50%", "75%", "100%"}
        assert run["stats"][0].startswith("pimask: ")


def test_scaling_benchmark_smoke_runs_every_configuration() -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "stream_scaling.py"), "--smoke", "--jobs", "1,2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    names = [line[:8].strip() for line in completed.stdout.splitlines()[1:]]
    assert names == ["cat", "-j 1", "-j 2"]
    assert "x vs 1" in completed.stdout
