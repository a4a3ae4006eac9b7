"""`pimask scan` and `pimask recognizers`: output formats, value hiding, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pimask.cli import main

LOG = (
    "login ok phone=13912345678 ip=10.24.3.17\n"
    "订单号13912345678已发货\r\n"
    "邮箱 zhang.san@example.com"
)


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "app.log"
    path.write_bytes(LOG.encode("utf-8"))
    return path


def test_scan_text_output_names_file_line_column_entity(log_file: Path, capsys) -> None:
    assert main(["scan", str(log_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit(" score=", 1)[0] for line in lines] == [
        f"{log_file}:1:16: CN_MOBILE",
        f"{log_file}:1:31: IP_ADDRESS",
        f"{log_file}:3:4: EMAIL",
    ]
    assert all(0.5 <= float(line.rsplit("score=", 1)[1]) <= 1.0 for line in lines)


def test_scan_never_prints_values_unless_asked(log_file: Path, capsys) -> None:
    main(["scan", "--explain", "--format", "jsonl", str(log_file)])
    out = capsys.readouterr().out
    for value in ("13912345678", "10.24.3.17", "zhang.san@example.com"):
        assert value not in out
    main(["scan", "--show-values", str(log_file)])
    assert "value='13912345678'" in capsys.readouterr().out


def test_scan_jsonl_records(log_file: Path, capsys) -> None:
    main(["scan", "--format", "jsonl", "--show-values", str(log_file)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0] == {
        "file": str(log_file),
        "line": 1,
        "column": 16,
        "entity": "CN_MOBILE",
        "score": records[0]["score"],
        "value": "13912345678",
    }
    assert [r["entity"] for r in records] == ["CN_MOBILE", "IP_ADDRESS", "EMAIL"]


def test_scan_entities_option(log_file: Path, capsys) -> None:
    main(["scan", "--entities", "EMAIL", str(log_file)])
    assert capsys.readouterr().out.count("EMAIL") == 1


def test_missing_file_is_exit_2_with_clear_message(tmp_path: Path, capsys) -> None:
    assert main(["scan", str(tmp_path / "absent.log")]) == 2
    assert "absent.log: no such file" in capsys.readouterr().err


def test_unknown_entity_is_exit_2(log_file: Path, capsys) -> None:
    assert main(["scan", "--entities", "NOPE", str(log_file)]) == 2
    assert "unknown entities: NOPE" in capsys.readouterr().err


def test_scan_handles_invalid_utf8_without_crashing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bin.log"
    path.write_bytes(b"\xff\xfe\x00 phone=13912345678 \xc3\x28\n")
    assert main(["scan", str(path)]) == 0
    assert "CN_MOBILE" in capsys.readouterr().out


def test_recognizers_list_and_test(capsys) -> None:
    assert main(["recognizers", "list"]) == 0
    listing = capsys.readouterr().out
    for rid in ("cn_resident_id", "cn_mobile", "bank_card", "imei", "mac_address", "email"):
        assert rid in listing
    assert main(["recognizers", "test"]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_console_script_runs_as_a_module(log_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pimask", "scan", "--format", "jsonl", str(log_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
