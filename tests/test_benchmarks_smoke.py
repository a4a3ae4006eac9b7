"""Seconds-long runs of benchmarks/throughput.py so the benchmark cannot rot.

Times are never asserted: only that every method ran, processed the bytes it should, and
that the table, JSON and plot come out.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
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
    """Every default method runs once on the right input; rg is skipped cleanly when the
    machine has no ripgrep (the suite must pass without it)."""
    out = tmp_path / "result.json"
    plot = tmp_path / "plot.png"
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--json", str(out), "--plot", str(plot)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "| method | input MB | MB/s median |" in completed.stdout
    assert "| import pimask |" in completed.stdout and "| pimask.Engine() |" in completed.stdout
    payload = json.loads(out.read_text())
    bench = _load()
    expected = set(bench.DEFAULT_METHODS)
    if shutil.which("rg") is None:
        expected.discard("rg")
        assert "rg" in payload["skipped"] and "skipped rg" in completed.stdout
    if importlib.util.find_spec("presidio_analyzer") is None:
        expected.discard("presidio")
    ran = {summary["method"]: summary for summary in payload["summaries"]}
    assert set(ran) == expected
    inputs = payload["inputs"]
    assert inputs["file"] > 100_000 and 0 < inputs["slice"] <= 20_000 and inputs["csv"] > 0
    for summary in ran.values():
        assert summary["bytes"] == inputs[summary["input"]]
        assert summary["median_mbps"] > 0 and summary["peak_rss_mib"] > 0
    assert {ran[m]["input"] for m in ("pimask-reference-j1", "check")} == {"slice", "csv"}
    assert ran["pimask-j2"]["ratio_to_j1"] > 0 and ran["pimask-j1"]["ratio_to_j1"] == 1.0
    assert ran["check"]["ratio_to_j1"] is None  # another input: no ratio
    assert all(run["returncode"] == 1 for run in payload["runs"] if run["method"] == "check")
    assert [row["what"] for row in payload["startup"]["summary"]] == [
        "python -c pass",
        "import pimask",
        "pimask.Engine()",
        "process total",
    ]
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_keyed_policy_methods_get_a_key_and_other_methods_do_not(tmp_path: Path) -> None:
    """The deidentify method needs PIMASK_KEY; the caller's PIMASK_* settings never leak."""
    bench = _load()
    log = tmp_path / "x.log"
    log.write_text("x\n")
    argv, env, ok = bench.command_for("pimask-deidentify-j1", log, "k1:synthetic")
    assert argv[-5:] == ["-j", "1", "--policy", "deidentify", str(log)]
    assert env["PIMASK_KEY"] == "k1:synthetic" and env["PIMASK_BACKEND"] == "native"
    argv, env, ok = bench.command_for("pimask-reference-j1", log, "k1:synthetic")
    assert env["PIMASK_BACKEND"] == "reference" and "PIMASK_KEY" not in env and ok == {0}
    assert bench.command_for("check", log, "k")[2] == {1}
    argv, _env, _ok = bench.command_for("rg", log, "k")
    assert argv[:3] == ["rg", "-c", "-f"] and Path(argv[3]).name == "anchor-pattern.txt"
    with pytest.raises(SystemExit):
        bench.command_for("pimask-hyperscan-j1", log, "k")


def test_anchor_pattern_finds_each_entity_shape() -> None:
    """The committed ripgrep pattern is one alternation that matches every entity's shape
    (synthetic values) and no plain digits runs; checked with Python's re, whose syntax
    for this subset is the same as ripgrep's."""
    import re

    lines = (SCRIPT.with_name("anchor-pattern.txt")).read_text().splitlines()
    assert len(lines) == 1
    pattern = re.compile(lines[0])
    shaped = (
        "id 11010519491231002X ok",
        "old 110105491231002",
        "tel 13812345678",
        "card 6222021234567890128,",
        "imei 356938035643809",
        "mac 00:1a:2b:3c:4d:5e",
        "mail zhang.san@example.com",
        "ip 10.24.3.17",
        "ip6 2001:db8::1",
    )
    for text in shaped:
        assert pattern.search(text), text
    for text in ("order 1234567", "took 12 ms", "version 1.2.3"):
        assert not pattern.search(text), text


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
        bench.Run("pimask-j1", 2.0, 200_000_000, 50_000, 0),
        bench.Run("pimask-j1", 1.0, 200_000_000, 40_000, 0),
        bench.Run("pimask-j1", 4.0, 200_000_000, 40_000, 0),
        bench.Run("pimask-j2", 0.5, 200_000_000, 45_000, 0),
        bench.Run("presidio", 10.0, 4_000_000, 120_000, 0),
        bench.Run("rg", 0.4, 200_000_000, 8_000, 0),
        bench.Run("check", 10.0, 20_000_000, 90_000, 1),
    ]
    summaries = {s.method: s for s in bench.summarize(runs)}
    pimask = summaries["pimask-j1"]
    assert (pimask.median_mbps, pimask.min_mbps, pimask.max_mbps) == (100.0, 50.0, 200.0)
    assert pimask.peak_rss_mib == pytest.approx(50_000 / 1024)
    assert summaries["presidio"].median_mbps == pytest.approx(0.4)
    assert summaries["presidio"].input == "slice" and summaries["check"].input == "csv"
    assert pimask.ratio_to_presidio == pytest.approx(250.0)
    assert pimask.ratio_to_rg == pytest.approx(0.2)
    assert summaries["pimask-j2"].ratio_to_j1 == pytest.approx(4.0)
    assert summaries["check"].ratio_to_rg is None
    table = bench.markdown_table(list(summaries.values()))
    assert "| pimask-j1 | 200.0 | 100.00 | 50.00 | 200.00 | 0.200 | 250.0 | 1.00 | 49 |" in table
    assert "| presidio | 4.0 (slice) |" in table
    assert "| check | 20.0 (csv) | 2.00 | 2.00 | 2.00 | – | – | – | 88 |" in table


def test_plot_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    bench = _load()
    runs = [bench.Run("cat", 0.1, 10**8, 2000, 0), bench.Run("pimask-j1", 10, 10**8, 9, 0)]
    runs.append(bench.Run("check", 10, 10**7, 9, 1))
    target = tmp_path / "plot.png"
    bench.plot(bench.summarize(runs), target, "test")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_stage_ceilings_smoke(tmp_path: Path) -> None:
    """benchmarks/stages.py runs every native stage over the whole input, the reference
    engine over a slice (with the same output as the native engine), and reports each."""
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
    assert set(rows) == {
        "decode-encode",
        "core-mask-block",
        "core-scan-block",
        "apply-block",
        "apply-block-deidentify",
        "reference-apply-block",
        "mask-per-line",
        "mask-per-line-deidentify",
    }
    assert payload["checks"] == {"reference_matches_native_on_slice": True}
    # every line went through decode/encode (newlines are not part of a line)
    assert 0.9 * payload["input_bytes"] < rows["decode-encode"]["count"] < payload["input_bytes"]
    # the core masked as many values as it found
    assert rows["core-mask-block"]["count"] == rows["core-scan-block"]["count"] > 0
    assert rows["reference-apply-block"]["bytes"] < payload["input_bytes"]
    assert rows["reference-apply-block"]["input"] == "slice"
    for name, row in rows.items():
        assert row["median_mbps"] > 0 and row["lines"] > 0, name
        if row["input"] == "file":
            assert row["bytes"] == payload["input_bytes"], name


@pytest.mark.slow
def test_startup_smoke(tmp_path: Path) -> None:
    """benchmarks/startup.py times import and engine build in fresh processes."""
    out = tmp_path / "startup.json"
    completed = subprocess.run(
        [sys.executable, str(SCRIPT.with_name("startup.py")), "--smoke", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    payload = json.loads(out.read_text())
    assert payload["repeat"] == 2
    for values in payload["samples_s"].values():
        assert len(values) == 2 and all(value > 0 for value in values)
    assert "| pimask.Engine() |" in completed.stdout


def test_check_corpus_is_seeded_dense_and_valid(tmp_path: Path) -> None:
    """benchmarks/check_corpus.py: the same seed gives the same bytes, every row parses as
    CSV with the header's columns, and the phone / id_card / card cells are values pimask
    detects (checksum-valid), so `pimask check` has work on every row."""
    import csv
    import io

    import pimask

    script = SCRIPT.with_name("check_corpus.py")
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for target in (first, second):
        completed = subprocess.run(
            [sys.executable, str(script), "--size", "60KB", "--seed", "3", "--out", str(target)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert completed.returncode == 0, completed.stderr[-2000:]
    data = first.read_bytes()
    assert data == second.read_bytes() and len(data) >= 60_000
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) >= 200
    assert all(None not in row and len(row) == 14 for row in rows)
    entity = {"phone": "CN_MOBILE", "id_card": "CN_RESIDENT_ID", "card": "BANK_CARD"}
    engine = pimask.Engine()
    for column, expected in entity.items():
        cells = [row[column] for row in rows[:50] if row[column]]
        assert cells, column
        for cell in cells:
            found = engine.scan(f"{column}: {cell}")
            assert [f.entity for f in found] == [expected], column


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


def test_adversarial_benchmark_is_seeded_and_counts_readable_values() -> None:
    """benchmarks/adversarial.py: every category generated, the same for a seed, and the
    "left readable" measure counts a value the mask missed and not one it covered."""
    spec = importlib.util.spec_from_file_location(
        "pimask_bench_adversarial_smoke", SCRIPT.with_name("adversarial.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    first = list(module.generate(3, 16))
    assert first == list(module.generate(3, 16))
    assert {case.category for case in first} == set(module.CATEGORIES)
    for case in first:
        for label in case.labels:
            assert case.text[label.start : label.end]
    label = module.Label("CN_MOBILE", 0, 11, "13912345678")
    assert module.left_readable("tel=%2B86139\u200b1234-5678", label)
    assert not module.left_readable("tel=139****5678", label)
    completed = subprocess.run(
        [sys.executable, str(SCRIPT.with_name("quality.py")), "--adversarial",
         "--per-category", "4", "--seed", "3"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "| glued |" in completed.stdout and "left readable" in completed.stdout
