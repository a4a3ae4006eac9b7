"""Inputs that are not text never pass through unexamined with exit 0 (issue 15).

Compressed text (gzip, bzip2, xz, zstd) is read decompressed by ``mask``, ``scan`` and
``check``; Parquet, archives, databases and binary data named on the command line are
refused with exit 2, naming the file and the reason, before anything is written.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pimask.cli import main
from pimask.inputs import UNDECODABLE, could_be_magic, identify

MOBILE = "13812345678"
LOG = f"2026-01-01 INFO 退款失败 phone={MOBILE}\nok\n".encode()
CLI = [sys.executable, "-c", "import sys; from pimask.cli import main; sys.exit(main())"]


def _zstd(data: bytes) -> bytes:
    zstandard = pytest.importorskip("zstandard")
    return zstandard.ZstdCompressor().compress(data)


COMPRESSORS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "zst": _zstd,
}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_mask_reads_compressed_files_as_the_text_they_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    source = tmp_path / f"app.log.{suffix}"
    source.write_bytes(COMPRESSORS[suffix](LOG))
    target = tmp_path / "out.log"
    assert main(["mask", str(source), "-o", str(target)]) == 0
    out = target.read_bytes()
    assert MOBILE.encode() not in out
    assert out == LOG.replace(MOBILE.encode(), b"138****5678")
    assert "read decompressed" in capsys.readouterr().err


def test_mask_and_scan_read_compressed_stdin(tmp_path: Path) -> None:
    packed = gzip.compress(gzip.compress(LOG))  # twice: layers are peeled one by one
    done = subprocess.run([*CLI, "mask"], input=packed, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == LOG.replace(MOBILE.encode(), b"138****5678")
    done = subprocess.run([*CLI, "scan"], input=packed, capture_output=True, check=False)
    assert done.returncode == 1  # scan's contract: 1 when findings are listed
    assert b"-:1:" in done.stdout and b"CN_MOBILE" in done.stdout


def test_scan_reads_compressed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "app.log.gz"
    source.write_bytes(gzip.compress(LOG))
    assert main(["scan", str(source)]) == 1  # findings listed
    assert "app.log.gz:1:" in capsys.readouterr().out


def test_zstd_without_zstandard_is_refused_with_the_install_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "app.log.zst"
    source.write_bytes(b"\x28\xb5\x2f\xfd" + b"\x00" * 16)
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import fails
    target = tmp_path / "out.log"
    assert main(["mask", str(source), "-o", str(target)]) == 2
    assert main(["scan", str(source)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'pimask[zstd]'" in err
    assert "Traceback" not in err
    assert not target.exists()  # refused before the output was opened


def _parquet(path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    phones = [str(13812345678 + i) for i in range(2000)]
    pq.write_table(pa.table({"phone": phones}), path, compression="zstd")


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.log", LOG)


def _sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("create table t (phone text)")
        db.execute("insert into t values (?)", (MOBILE,))
    db.close()


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 8 + MOBILE.encode())


@pytest.mark.parametrize(
    ("maker", "reason"),
    [
        (_parquet, "Parquet; check it with 'pimask check"),
        (_zip, "zip archive"),
        (_sqlite, "SQLite database"),
        (_binary, "binary data"),
    ],
)
@pytest.mark.parametrize("command", ["mask", "scan"])
def test_mask_and_scan_refuse_binary_files_naming_file_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], maker, reason: str, command: str
) -> None:
    text = tmp_path / "first.log"
    text.write_bytes(LOG)
    data = tmp_path / "big.data"
    maker(data)
    argv = [command, str(text), str(data)]
    if command == "mask":
        argv += ["-o", str(tmp_path / "out")]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert f"pimask: error: {data}: not examined: " in captured.err
    assert reason in captured.err
    assert captured.out == ""  # refused before anything was written
    if command == "mask":
        assert not (tmp_path / "out").exists()


def test_binary_stdin_is_refused() -> None:
    data = b"PAR1" + bytes(range(256)) * 4
    done = subprocess.run([*CLI, "mask"], input=data, capture_output=True, check=False)
    assert done.returncode == 2
    assert b"standard input" in done.stderr or b"-: not examined: Parquet" in done.stderr
    assert done.stdout == b""
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    "data",
    [
        "退款 手机号13812345678\n".encode("gb18030"),
        "退款 手机号13812345678\n".encode("utf-16"),  # with a BOM
        b"\xff\xfe invalid \x00 NUL\r\nlone\rCR 13912345678\n",
        b"a stray NUL \x00 in a long enough log line 13912345678\n",
    ],
)
def test_text_that_is_not_utf8_is_not_binary(data: bytes) -> None:
    assert identify(data) is None


def test_binary_means_magic_or_control_bytes() -> None:
    assert identify(b"\x1f\x8b\x08\x00") is not None
    assert identify(bytes(range(32)) * 4) is UNDECODABLE
    assert could_be_magic(b"PA") and could_be_magic(b"\x1f")
    assert not could_be_magic(b"ok\n")  # a live pipe's short first line is decided at once


def test_check_reads_compressed_datasets_and_refuses_to_fix_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "users.csv.gz"
    source.write_bytes(gzip.compress(f"name,phone\na,{MOBILE}\n".encode()))
    assert main(["check", str(source)]) == 1
    assert "row 1, column phone" in capsys.readouterr().out
    before = source.read_bytes()
    assert main(["check", "--fix", str(source)]) == 2
    assert "does not rewrite compressed files" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_check_fails_on_a_binary_file_instead_of_skipping_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00\x01" + MOBILE.encode())
    assert main(["check", str(blob)]) == 2
    assert "blob.txt: not examined: binary data" in capsys.readouterr().err


def test_check_reads_a_parquet_file_whatever_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.dat"
    _parquet(source)
    assert main(["check", str(source)]) == 1
    assert "column phone" in capsys.readouterr().out


def test_verify_reads_compressed_output_and_refuses_binary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaked = tmp_path / "clean.log.gz"
    leaked.write_bytes(gzip.compress(LOG))  # "masked" output that still holds a phone
    assert main(["verify", "--policy", "anonymize", str(leaked)]) == 1
    data = tmp_path / "clean.parquet"
    _parquet(data)
    assert main(["verify", "--policy", "anonymize", str(data)]) == 2
    assert "not examined: Parquet" in capsys.readouterr().err
