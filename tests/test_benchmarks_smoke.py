"""Seconds-long runs of benchmarks/throughput.py so the benchmark cannot rot.

Times are never asserted: only that every method ran, processed the bytes it should, and
that the table, JSON and plot come out.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"


def _load():
    spec = importlib.util.spec_from_file_location("pimask_bench_throughput", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_throughput_smoke_runs_every_pimask_method(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    methods = "cat,python-io,pimask-python-j1,pimask-hyperscan-j1,pimask-python-j2"
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--methods", methods, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "| method | MB/s median |" in completed.stdout
    payload = json.loads(out.read_text())
    ran = {summary["method"] for summary in payload["summaries"]}
    from pimask.backends import hyperscan_available

    expected = set(methods.split(","))
    if not hyperscan_available():
        expected.discard("pimask-hyperscan-j1")
    assert ran == expected
    for summary in payload["summaries"]:
        assert summary["bytes"] == payload["input_bytes"] > 100_000
        assert summary["median_mbps"] > 0
        assert summary["peak_rss_mib"] > 0


@pytest.mark.slow
def test_presidio_baseline_masks_what_it_finds(tmp_path: Path) -> None:
    pytest.importorskip("presidio_analyzer")
    pytest.importorskip("presidio_anonymizer")
    log = tmp_path / "tiny.log"
    log.write_text("邮箱 zhang.san@example.com\nplain line\nip 10.24.3.17 ok\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--presidio-worker", str(log)],
        capture_output=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    lines = completed.stdout.decode().splitlines()
    assert lines[1] == "plain line"
    assert "zhang.san@example.com" not in lines[0] and "*" in lines[0]
    assert "10.24.3.17" not in lines[2]


def test_summary_ratios_and_table() -> None:
    bench = _load()
    runs = [
        bench.Run("pimask-hyperscan-j1", 2.0, 200_000_000, 50_000, 0),
        bench.Run("pimask-hyperscan-j1", 1.0, 200_000_000, 40_000, 0),
        bench.Run("pimask-hyperscan-j1", 4.0, 200_000_000, 40_000, 0),
        bench.Run("presidio-patterns", 10.0, 4_000_000, 120_000, 0),
        bench.Run("cat", 0.1, 200_000_000, 2_000, 0),
    ]
    summaries = {s.method: s for s in bench.summarize(runs)}
    pimask = summaries["pimask-hyperscan-j1"]
    assert (pimask.median_mbps, pimask.min_mbps, pimask.max_mbps) == (100.0, 50.0, 200.0)
    assert pimask.peak_rss_mib == pytest.approx(50_000 / 1024)
    assert summaries["presidio-patterns"].median_mbps == pytest.approx(0.4)
    assert pimask.ratio_to_presidio == pytest.approx(250.0)
    assert summaries["cat"].ratio_to_pimask == pytest.approx(20.0)
    table = bench.markdown_table(list(summaries.values()))
    assert "| pimask-hyperscan-j1 | 100.00 | 50.00 | 200.00 | 1.00 | 250.0 | 49 |" in table


def test_plot_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    bench = _load()
    runs = [bench.Run("cat", 0.1, 10**8, 2000, 0), bench.Run("pimask-python-j1", 10, 10**8, 9, 0)]
    target = tmp_path / "plot.png"
    bench.plot(bench.summarize(runs), target, "test")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_stage_ceilings_smoke(tmp_path: Path) -> None:
    """benchmarks/stages.py runs every stage over the whole input and reports each."""
    script = SCRIPT.with_name("stages.py")
    out = tmp_path / "stages.json"
    completed = subprocess.run(
        [sys.executable, str(script), "--smoke", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    payload = json.loads(out.read_text())
    rows = {row["stage"]: row for row in payload["stages"]}
    from pimask.backends import hyperscan_available

    expected = {"decode-encode", "apply-python"}
    if hyperscan_available():
        expected |= {"hyperscan-noop", "flag", "apply-hyperscan"}
        # the flagger flagged lines, and both backends wrote the same amount of output
        assert rows["flag"]["count"] > 0 and rows["hyperscan-noop"]["count"] > 0
        assert rows["apply-hyperscan"]["count"] == rows["apply-python"]["count"]
    assert set(rows) == expected
    # every line went through decode/encode (newlines are not part of a line)
    assert 0.9 * payload["input_bytes"] < rows["decode-encode"]["count"] < payload["input_bytes"]
    assert all(row["median_mbps"] > 0 for row in rows.values())


def test_check_export_smoke(tmp_path: Path) -> None:
    """benchmarks/check_export.py (issue 17): a dense export fails the check, the default
    report stays small, and the measurement fields are there."""
    import json as _json
    import subprocess as _subprocess
    import sys as _sys

    script = SCRIPT.with_name("check_export.py")
    result = _subprocess.run(
        [_sys.executable, str(script), "--smoke", "--out", str(tmp_path / "export.csv")],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = _json.loads(result.stdout)
    assert report["exit"] == 1 and report["rows"] >= 1000
    assert report["report_lines"] < 100  # bounded: 20 findings, then counts
    assert {"mb_per_s", "peak_rss_mb", "command", "machine"} <= set(report)
