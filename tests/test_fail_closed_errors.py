"""Errors are errors (issue 15): a missing extra, a closed or full output, a signal end
with ``pimask: error: …`` and exit 2 (or 128+signal), never a traceback and never exit 1,
which a hook reads as "findings"."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pimask
from pimask.cli import main
from pimask.errors import ConfigError
from pimask.stream import Terminated, Transformer, run_lines

CLI = [sys.executable, "-c", "import sys; from pimask.cli import main; sys.exit(main())"]
LOG = b"phone=13812345678\n"


@pytest.mark.parametrize("command", ["scan", "check", "mask"])
def test_a_missing_extra_is_a_usage_error_with_the_install_hint(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    source = tmp_path / "a.log"
    source.write_text("客户张三 13812345678\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "jieba", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "jieba.posseg", None)
    argv = [command, "--enable", "zh_person", str(source)]
    if command == "mask":
        argv += ["-o", str(tmp_path / "out.log")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "pimask: error: " in err and "pip install 'pimask[zh]'" in err
    assert "internal error" not in err


def test_the_library_raises_the_same_message_at_construction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "jieba", None)
    with pytest.raises(ConfigError, match=r"pip install 'pimask\[zh\]'"):
        pimask.Engine(enable=["zh_person"])


def test_closed_stdout_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "a.log"
    source.write_bytes(LOG)
    for command in ("mask", "scan"):
        done = subprocess.run(
            [*CLI, command, str(source)],
            capture_output=False,
            stderr=subprocess.PIPE,
            preexec_fn=lambda: os.close(1),
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert b"pimask: error: standard output is closed" in done.stderr
        assert b"Traceback" not in done.stderr
    assert source.read_bytes() == LOG  # the input, which got fd 1, is untouched


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_is_an_error_not_a_traceback(tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "a.log"
    source.write_bytes(LOG * 1000)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*CLI, "mask", "-j", jobs, str(source)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 2
    assert b"pimask: error: cannot write output (No space left on device)" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_sigterm_while_a_line_is_masked_is_not_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """why: ``-j 1`` masks in the main process; SIGTERM raised inside the engine must reach
    the CLI (exit 143), not be caught as a failing line (exit 2, "internal error")."""
    engine = pimask.Engine()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise Terminated

    monkeypatch.setattr(engine, "apply", interrupted)
    # the block path: without the native core's one-call masking it transforms line by line
    # (pimask.backends.block._apply_lines, which catches Exception, not Terminated)
    monkeypatch.setattr(engine._scanner, "core", None)
    with pytest.raises(Terminated):
        run_lines(Transformer(engine, None, fmt), LOG)


@pytest.mark.parametrize("margin", [16, 64, 1023])
def test_a_window_margin_too_small_for_the_engine_is_refused(margin: int) -> None:
    """why: with a 16-byte margin a phone straddling a window edge came out in clear."""
    from pimask.stream import StreamMasker, mask_bytes

    real = Transformer(pimask.default_engine())
    with pytest.raises(ValueError, match="too small for the engine"):
        StreamMasker(lambda: real, io.BytesIO(), transformer=real, margin_bytes=margin)
    line = b"x" * 10 + b" phone 13812345678 " + b"y" * 40 + b"\n"
    assert b"13812345678" not in mask_bytes(line, real, window_bytes=16, margin_bytes=1024)
