"""``check --fix`` is atomic and safe (issue 15): a file that changed while it was being
fixed is left as it is (exit 2), and Ctrl-C or SIGTERM leave no temporary file behind."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from pimask.cli import main
from pimask.datasets import checker, edits

MOBILE = "13812345678"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_row_appended_during_the_fix_is_not_discarded(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "users.csv"
    path.write_text(f"phone\n{MOBILE}\n", encoding="utf-8")
    real = checker.apply_edits

    def apply_then_append(text, fixes):  # another process appends while pimask works
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("13912345678\n")
        return real(text, fixes)

    monkeypatch.setattr(checker, "apply_edits", apply_then_append)
    assert main(["check", "--fix", "users.csv"]) == 2
    assert "users.csv: changed while it was being fixed" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == f"phone\n{MOBILE}\n13912345678\n"
    assert [p.name for p in workdir.iterdir()] == ["users.csv"]


def test_a_parquet_file_replaced_during_the_fix_is_left_alone(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from pimask.datasets import parquetfile

    path = workdir / "u.parquet"
    pq.write_table(pa.table({"phone": [MOBILE]}), path)
    real = parquetfile._apply

    def apply_then_replace(table, changes, pa_module):
        pq.write_table(pa.table({"phone": [MOBILE, "new row"]}), path)
        return real(table, changes, pa_module)

    monkeypatch.setattr(parquetfile, "_apply", apply_then_replace)
    assert main(["check", "--fix", "u.parquet"]) == 2
    assert pq.read_table(path).column("phone").to_pylist() == [MOBILE, "new row"]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_the_fix_leaves_no_temporary_file(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, signum: int, code: int
) -> None:
    path = workdir / "users.csv"
    original = f"phone\n{MOBILE}\n"
    path.write_text(original, encoding="utf-8")
    real_fsync = os.fsync

    def fsync_then_signal(fd: int) -> None:  # the temporary file exists now
        real_fsync(fd)
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(edits.os, "fsync", fsync_then_signal)
    assert main(["check", "--fix", "users.csv"]) == code
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in workdir.iterdir()] == ["users.csv"]
