"""Reports leak nothing (issue 15): a file name that holds a value is shown as its entity in
text and JSON reports and in errors, no value length is printed, and SARIF keeps the real
path and region columns that code-scanning tools need."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pimask.cli import main

MOBILE = "13812345678"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"{MOBILE}.csv").write_text(f"phone\n{MOBILE}\n", encoding="utf-8")
    (tmp_path / f"{MOBILE}.log").write_text(f"call phone={MOBILE}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_reports_hide_a_value_in_the_file_name(
    workdir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert main(["check", "--format", fmt, f"{MOBILE}.csv", f"{MOBILE}.log"]) == 1
    out = capsys.readouterr().out
    assert MOBILE not in out
    assert "<CN_MOBILE>.csv" in out and "<CN_MOBILE>.log" in out
    if fmt == "json":
        report = json.loads(out)
        assert all("length" not in finding for finding in report["findings"])


def test_check_show_values_shows_the_real_name(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--show-values", f"{MOBILE}.csv"]) == 1
    assert f"{MOBILE}.csv: row 1" in capsys.readouterr().out


def test_sarif_keeps_the_real_artifact_path_and_columns(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "sarif", f"{MOBILE}.log"]) == 1
    result = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"{MOBILE}.log"
    assert location["region"] == {"startLine": 1, "startColumn": 12, "endColumn": 23}
    assert MOBILE not in result["message"]["text"]


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_scan_hides_a_value_in_the_file_name_and_prints_no_length(
    workdir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert main(["scan", "--format", fmt, f"{MOBILE}.log"]) == 1  # findings listed
    out = capsys.readouterr().out
    assert MOBILE not in out
    assert out.startswith("<CN_MOBILE>.log:1:12: CN_MOBILE") or '"<CN_MOBILE>.log"' in out
    if fmt == "jsonl":
        assert "length" not in json.loads(out.splitlines()[0])


def test_errors_hide_a_value_in_the_file_name(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / f"{MOBILE}.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    assert main(["mask", f"{MOBILE}.zip", "-o", "out"]) == 2
    err = capsys.readouterr().err
    assert "pimask: error: <CN_MOBILE>.zip: not examined: zip archive" in err
    assert MOBILE not in err


@pytest.mark.parametrize("command", ["check", "scan"])
def test_walks_and_sarif_notifications_hide_a_value_in_the_file_name(
    workdir: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The outputs of trees (skipped notes, counts) name files redacted too, in every format;
    SARIF keeps only its artifact URIs real."""
    tree = workdir / "tree"
    tree.mkdir()
    (tree / f"{MOBILE}.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tree / f"{MOBILE}.txt").write_text(f"phone={MOBILE}\n", encoding="utf-8")
    for fmt in ("text", "json", "sarif"):
        assert main([command, "--format", fmt, "tree"]) == 1
        captured = capsys.readouterr()
        shown = captured.out + captured.err
        assert "<CN_MOBILE>.png" in shown and "skipped" in shown
        if fmt == "sarif":
            run = json.loads(captured.out)["runs"][0]
            notes = json.dumps(run["invocations"], ensure_ascii=False)
            assert MOBILE not in notes and MOBILE not in captured.err
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    for r in run["results"]}  # fmt: skip
            assert uris == {f"tree/{MOBILE}.txt"}
        else:
            assert MOBILE not in captured.out + captured.err


def test_stale_baseline_hint_hides_a_value_in_the_file_name(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIMASK_BASELINE_KEY", "k1:" + "Zx8Qw3Lp0Vb7Nc2Mr5Ty9Ud4Ie6Of1Gh")
    assert main(["baseline", "create", f"{MOBILE}.log"]) == 0
    (workdir / f"{MOBILE}.log").write_text("nothing here\n", encoding="utf-8")
    capsys.readouterr()
    for fmt in ("text", "sarif"):
        assert main(["check", "--format", fmt, f"{MOBILE}.log"]) == 0
        captured = capsys.readouterr()
        assert "<CN_MOBILE>.log: 1 baseline entry no longer matches" in captured.out + captured.err
        if fmt == "sarif":
            assert MOBILE not in captured.err
        else:
            assert MOBILE not in captured.out
