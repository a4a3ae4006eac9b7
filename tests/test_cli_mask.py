"""``pimask mask`` end to end: files, pipes, follow mode, signals, errors, stats, progress."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

import pimask
from pimask.cli import main
from pimask.stream import Transformer, mask_bytes

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample.log"
TRICKY = (
    b"\xff\xfe invalid \x00 NUL\r\n"
    + b"lone\rCR 13912345678\n"
    + "手机号15812345678，邮箱 zhang.san@example.com\n".encode()
    + b"no final newline 10.24.3.17"
)
REAL = Transformer(pimask.default_engine())
CLI = [sys.executable, "-c", "import sys; from pimask.cli import main; sys.exit(main())", "mask"]


def masked(data: bytes) -> bytes:
    return mask_bytes(data, REAL)


def test_file_to_output_is_lossless_and_masked(tmp_path: Path) -> None:
    source = tmp_path / "in.log"
    source.write_bytes(TRICKY)
    target = tmp_path / "out.log"
    assert main(["mask", str(source), "-o", str(target)]) == 0
    out = target.read_bytes()
    assert out == masked(TRICKY)
    assert out.startswith(b"\xff\xfe invalid \x00 NUL\r\nlone\rCR 139****5678\n")
    assert out.endswith(b"no final newline 10.24.3.17") or b"10.24.3.17" not in out


def test_several_files_are_processed_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a.log", tmp_path / "b.log"
    first.write_bytes(b"a 13912345678")  # no final newline: stays that way
    second.write_bytes(b"b 15812345678\n")
    target = tmp_path / "out.log"
    assert main(["mask", str(first), str(second), "-o", str(target)]) == 0
    assert target.read_bytes() == b"a 139****5678b 158****5678\n"


def _big_input(tmp_path: Path, copies: int) -> tuple[Path, bytes]:
    block = SAMPLE.read_bytes() + TRICKY + b"\n"
    path = tmp_path / "big.log"
    path.write_bytes(block * copies)
    return path, masked(block)


def test_two_workers_match_one_through_the_cli(tmp_path: Path) -> None:
    path, block_out = _big_input(tmp_path, 200)  # ~360 KB: more than one batch
    one = subprocess.run([*CLI, "-j", "1", str(path)], capture_output=True, check=True)
    two = subprocess.run([*CLI, "-j", "2", str(path)], capture_output=True, check=True)
    assert one.stdout == block_out * 200
    assert two.stdout == one.stdout
    assert two.stderr == b""


def _read_line(stream, timeout: float = 60.0) -> bytes:
    """One line from a pipe, failing (not hanging) if it does not come."""
    fd = stream.fileno()
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(remaining, 0))
        assert ready, f"no complete line after {timeout}s; got {data!r}"
        chunk = os.read(fd, 1)
        assert chunk, f"output closed early; got {data!r}"
        data += chunk
    return data


@pytest.mark.parametrize("extra", [[], ["-j", "2"], ["--line-buffered"]])
def test_follow_mode_each_line_arrives_before_the_next_is_written(extra: list[str]) -> None:
    proc = subprocess.Popen(
        [*CLI, *extra], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for number in range(4):
            line = f"line {number} 手机号1391234567{number}\r\n".encode()
            proc.stdin.write(line)
            proc.stdin.flush()
            # the slow writer holds the next line back until this one has come out
            assert _read_line(proc.stdout) == masked(line)
        proc.stdin.close()
        assert proc.stdout.read() == b""
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_pipe_ends_quietly(tmp_path: Path, jobs: str) -> None:
    path, _ = _big_input(tmp_path, 1500)
    proc = subprocess.Popen(
        [*CLI, "-j", jobs, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    _read_line(proc.stdout)
    proc.stdout.close()  # like `| head -1`
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""


@pytest.mark.parametrize(
    ("jobs", "signum", "code"),
    [("1", signal.SIGINT, 130), ("2", signal.SIGINT, 130), ("1", signal.SIGTERM, 143)],
)
def test_interrupt_flushes_whole_finished_lines(
    tmp_path: Path, jobs: str, signum: int, code: int
) -> None:
    copies = 3000
    path, block_out = _big_input(tmp_path, copies)
    proc = subprocess.Popen(
        [*CLI, "-j", jobs, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    first = proc.stdout.read1(1)  # wait until it is under way
    proc.send_signal(signum)
    out = first + proc.stdout.read()
    returncode = proc.wait(timeout=120)
    expected = block_out * copies
    if returncode == 0:  # finished before the signal landed (a fast machine)
        assert out == expected
        return
    assert returncode == code
    assert out and out.endswith(b"\n")
    assert expected.startswith(out)


_INTERRUPT_DURING_IMPORT = """
import os, signal, sys

class _InterruptAt:
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["PIMASK_TEST_INTERRUPT_AT"]:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, exactly while this module loads
        return None

sys.meta_path.insert(0, _InterruptAt())
"""


@pytest.mark.parametrize("module", ["pimask.cli", "pimask.engine", "pimask.stream"])
def test_ctrl_c_while_starting_ends_quietly(tmp_path: Path, module: str) -> None:
    # why: Ctrl-C while the command line was still importing printed a traceback
    (tmp_path / "sitecustomize.py").write_text(_INTERRUPT_DURING_IMPORT, encoding="utf-8")
    path, _ = _big_input(tmp_path, 20)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PIMASK_TEST_INTERRUPT_AT": module}
    done = subprocess.run(
        [sys.executable, "-m", "pimask", "mask", str(path)],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode in (130, -signal.SIGINT)
    assert done.stderr == b""
    assert done.stdout == b""  # interrupted before a line was read


def test_errors_exit_2_and_name_the_file(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "missing.log"
    assert main(["mask", str(missing)]) == 2
    assert "missing.log: no such file" in capsys.readouterr().err
    source = tmp_path / "in.log"
    source.write_bytes(b"keep me 13912345678\n")
    assert main(["mask", str(source), "-o", str(source)]) == 2
    assert "output is also an input" in capsys.readouterr().err
    assert source.read_bytes() == b"keep me 13912345678\n"
    assert main(["mask", "-j", "0", str(source)]) == 2
    assert "-j expects" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unreadable_later_input_fails_before_anything_is_written(
    tmp_path: Path, capsys, jobs: str
) -> None:
    first = tmp_path / "c.log"
    first.write_bytes(b"phone 13912345678\n" * 2000)
    target = tmp_path / "out.log"
    missing = tmp_path / "missing.log"
    assert main(["mask", "-j", jobs, str(first), str(missing), "-o", str(target)]) == 2
    assert "missing.log: no such file" in capsys.readouterr().err
    assert not target.exists()  # checked before the output was opened
    assert main(["mask", "-j", jobs, str(first), str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_input_lost_after_the_check_still_writes_every_earlier_line(
    tmp_path: Path, capsys, monkeypatch, jobs: str
) -> None:
    # The file vanishes between the start-up check and its turn: the earlier file's
    # batches, queued in the workers, must still be written, in order, before exit 2.
    import pimask.cli.mask as mask_cli

    monkeypatch.setattr(mask_cli, "_check_inputs", lambda files: None, raising=False)
    first = tmp_path / "c.log"
    data = b"".join(b"line %d phone 13912345678 %s\n" % (i, b"x" * 200) for i in range(2000))
    first.write_bytes(data)
    target = tmp_path / "out.log"
    missing = tmp_path / "missing.log"
    assert main(["mask", "-j", jobs, str(first), str(missing), "-o", str(target)]) == 2
    assert "missing.log: no such file" in capsys.readouterr().err
    assert target.read_bytes() == data.replace(b"13912345678", b"139****5678")


def test_unknown_policy_is_a_usage_error(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.log"
    source.write_bytes(b"x\n")
    assert main(["mask", "--policy", str(tmp_path / "no-such-policy.yaml"), str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pimask: error:")


def test_stats_go_to_stderr_and_output_is_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "in.log"
    source.write_bytes(TRICKY)
    result = subprocess.run([*CLI, "--stats", str(source)], capture_output=True, check=True)
    assert result.stdout == masked(TRICKY)
    err = result.stderr.decode()
    assert "4 lines (0 dropped)" in err and "MB/s" in err
    assert "CN_MOBILE" in err and "EMAIL" in err
    assert "13912345678" not in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "in.log"
    source.write_bytes(TRICKY)
    result = subprocess.run([*CLI, str(source)], capture_output=True, check=True)
    assert result.stderr == b""


def test_progress_bar_on_a_terminal_for_named_files(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    path, block_out = _big_input(tmp_path, 20)
    master, slave = pty.openpty()
    # a fresh pty is 0x0 characters, and a bar 0 columns wide prints nothing
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with open(tmp_path / "out.log", "wb") as target:
        proc = subprocess.Popen([*CLI, str(path)], stdout=target, stderr=slave)
    os.close(slave)
    seen = b""
    try:
        while True:  # read while it runs: a closed pty may discard what was not read
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other side is gone
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
        assert proc.wait(timeout=120) == 0
    assert (tmp_path / "out.log").read_bytes() == block_out * 20
    assert b"%" in seen or b"B/s" in seen


def test_jsonl_format_through_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"phone": "13912345678", "n": 1}\nplain 13912345678\n')
    target = tmp_path / "out.jsonl"
    assert main(["mask", "--format", "jsonl", str(source), "-o", str(target)]) == 0
    assert target.read_bytes() == b'{"phone": "139****5678", "n": 1}\nplain 139****5678\n'


def test_stdin_to_stdout_in_process(monkeypatch, capsysbinary) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TRICKY)))
    assert main(["mask"]) == 0
    assert capsysbinary.readouterr().out == masked(TRICKY)


# ---- policies (pimask.policy)

POLICY_INPUT = b"a 13912345678\r\nnothing here\nmail zhang.san@example.com\nlast 15812345678"


def test_policy_delete_drops_lines_with_findings_and_keeps_the_rest(tmp_path: Path) -> None:
    pytest.importorskip("pimask.policy")
    source = tmp_path / "in.log"
    source.write_bytes(POLICY_INPUT)
    result = subprocess.run(
        [*CLI, "--policy", "delete", "--stats", str(source)], capture_output=True, check=True
    )
    assert result.stdout == b"nothing here\n"
    assert b"4 lines (3 dropped)" in result.stderr


@pytest.mark.parametrize("policy", ["anonymize", "deidentify"])
def test_policies_give_the_same_output_with_two_workers(
    tmp_path: Path, monkeypatch, policy: str
) -> None:
    pytest.importorskip("pimask.policy")
    monkeypatch.setenv("PIMASK_KEY", "0123456789abcdef0123456789abcdef")
    source = tmp_path / "in.log"
    source.write_bytes(POLICY_INPUT * 50)
    one = subprocess.run([*CLI, "--policy", policy, str(source)], capture_output=True, check=True)
    two = subprocess.run(
        [*CLI, "--policy", policy, "-j", "2", str(source)], capture_output=True, check=True
    )
    assert two.stdout == one.stdout
    assert b"13912345678" not in one.stdout and b"zhang.san" not in one.stdout
    assert one.stdout.count(b"\n") == POLICY_INPUT.count(b"\n") * 50


def test_policy_needing_a_key_fails_at_start_with_exit_2(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("pimask.policy")
    for name in ("PIMASK_KEY", "PIMASK_KEY_FILE", "PIMASK_KEY_ID"):
        monkeypatch.delenv(name, raising=False)
    source = tmp_path / "in.log"
    source.write_bytes(POLICY_INPUT)
    result = subprocess.run([*CLI, "--policy", "deidentify", str(source)], capture_output=True)
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"PIMASK_KEY" in result.stderr and b"13912345678" not in result.stderr


def test_a_steady_trickle_is_written_while_input_continues() -> None:
    """Input that is never idle for long (a busy followed log) still comes out promptly."""
    proc = subprocess.Popen(
        [*CLI, "-j", "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None
    finished = threading.Event()

    def trickle() -> None:
        assert proc.stdin is not None
        try:
            for number in range(2000):
                proc.stdin.write(b"tick %d phone 13912345678\n" % number)
                proc.stdin.flush()
                time.sleep(0.005)
                if first_seen.is_set():
                    break
        finally:
            finished.set()
            proc.stdin.close()

    first_seen = threading.Event()
    writer = threading.Thread(target=trickle, daemon=True)
    writer.start()
    try:
        line = _read_line(proc.stdout)
        arrived_while_writing = not finished.is_set()
        first_seen.set()
        assert line == b"tick 0 phone 139****5678\n"
        assert arrived_while_writing
        writer.join(timeout=60)
        proc.stdout.read()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def test_an_overlong_line_through_the_cli_equals_whole_line_processing(tmp_path: Path) -> None:
    piece = "a" * 97 + " phone=13912345678 手机号15812345678，" + "b" * 61 + " "
    line = (piece * 2500).encode()  # ~520 KB: more than two 256 KiB windows
    data = b"short 13912345678\n" + line + b"\n" + line + b"\r"  # no final newline
    source = tmp_path / "long.log"
    source.write_bytes(data)
    result = subprocess.run([*CLI, "-j", "2", str(source)], capture_output=True, check=True)
    whole = mask_bytes(data, REAL, window_bytes=1 << 22)  # one window: the whole line
    assert result.stdout == whole
    assert b"13912345678" not in result.stdout and b"15812345678" not in result.stdout
