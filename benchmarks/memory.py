"""Peak memory of ``pimask mask`` on endless input: it must stay flat (target < 200 MB).

Streams ``--size`` bytes of generated log through ``pimask mask`` (stdin → /dev/null) and
samples the memory of the whole process tree (the main process and its workers) every
``--interval`` seconds: the largest single RSS, the summed RSS and the summed PSS (shared
pages split fairly), with the PSS peak at 10/25/50/75/100 % of the input so "flat" is
visible, plus MB/s. Two input shapes:

* ``lines``: realistic log lines (``benchmarks/corpus.py`` when it is there, else
  ``examples/sample.log``), repeated;
* ``one-line``: the same bytes with every newline replaced by a space — one line of
  ``--size`` bytes, processed in overlapping windows.

Input is generated on the fly into a pipe, so 1 GB needs no disk. Linux only (/proc).

    python benchmarks/memory.py --size 1GB --mode both -j 2
    python benchmarks/memory.py --smoke          # 300 KB, seconds; what CI runs
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHECKPOINTS = (0.10, 0.25, 0.50, 0.75, 1.00)
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def parse_size(text: str) -> int:
    units = {"KB": 10**3, "MB": 10**6, "GB": 10**9, "K": 10**3, "M": 10**6, "G": 10**9}
    upper = text.strip().upper()
    for suffix, factor in sorted(units.items(), key=lambda item: -len(item[0])):
        if upper.endswith(suffix):
            return int(float(upper[: -len(suffix)]) * factor)
    return int(upper)


def make_block(target: int = 8 * 10**6, seed: int = 1) -> bytes:
    """About ``target`` bytes of realistic log lines to repeat."""
    corpus = HERE / "corpus.py"
    if corpus.exists():
        try:
            out = subprocess.run(
                [sys.executable, str(corpus), "--size", str(target), "--seed", str(seed)],
                capture_output=True,
                check=True,
                timeout=600,
            ).stdout
            if out:
                return out
        except (subprocess.SubprocessError, OSError):
            pass
    sample = (ROOT / "examples" / "sample.log").read_bytes()
    return sample * max(1, target // len(sample))


def tree_memory(pid: int) -> tuple[int, int, int]:
    """(largest single RSS, summed RSS, summed PSS) in bytes over ``pid`` and descendants.

    why: forked workers share the parent's pages, so summed RSS counts them several times;
    PSS (proportional set size) splits shared pages fairly and is the honest total.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    largest = rss_sum = pss_sum = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm", "rb") as handle:
                rss = int(handle.read().split()[1]) * PAGE
            largest = max(largest, rss)
            rss_sum += rss
            pss_sum += _pss(current, rss)
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(children.get(current, ()))
    return largest, rss_sum, pss_sum


def _pss(pid: int, fallback: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return fallback


def run_once(mode: str, size: int, jobs: str, block: bytes, interval: float) -> dict:
    if mode == "one-line":
        block = block.replace(b"\n", b" ")
    command = [
        sys.executable,
        "-c",
        "import sys; from pimask.cli import main; sys.exit(main())",
        "mask",
        "-j",
        jobs,
        "--stats",
    ]
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stderr is not None
    written = 0
    done = threading.Event()

    def feed() -> None:
        nonlocal written
        try:
            while written < size:
                piece = block[: size - written]
                proc.stdin.write(piece)
                written += len(piece)
            if mode == "one-line":
                proc.stdin.write(b"\n")
        except BrokenPipeError:
            pass
        finally:
            proc.stdin.close()
            done.set()

    started = time.perf_counter()
    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    peak = [0, 0, 0]  # largest process RSS, summed RSS, summed PSS
    marks: dict[str, int] = {}
    pending = list(CHECKPOINTS)
    while proc.poll() is None:
        for index, value in enumerate(tree_memory(proc.pid)):
            peak[index] = max(peak[index], value)
        while pending and written >= pending[0] * size:
            marks[f"{int(pending.pop(0) * 100)}%"] = peak[2]
        time.sleep(interval)
    elapsed = time.perf_counter() - started
    writer.join()
    stderr = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"pimask mask failed ({proc.returncode}):\n{stderr}")
    for mark in pending:
        marks[f"{int(mark * 100)}%"] = peak[2]
    return {
        "mode": mode,
        "jobs": jobs,
        "bytes": size,
        "seconds": round(elapsed, 2),
        "mb_per_s": round(size / elapsed / 1e6, 2),
        "peak_rss_largest_process_mb": round(peak[0] / 1e6, 1),
        "peak_rss_sum_mb": round(peak[1] / 1e6, 1),
        "peak_pss_sum_mb": round(peak[2] / 1e6, 1),
        "peak_pss_sum_mb_at": {key: round(value / 1e6, 1) for key, value in marks.items()},
        "stats": stderr.strip().splitlines()[:1],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("1GB"))
    parser.add_argument("--mode", choices=("lines", "one-line", "both"), default="both")
    parser.add_argument("-j", "--jobs", default="1", help="passed to pimask mask -j")
    parser.add_argument("--interval", type=float, default=0.2, help="RSS sampling period (s)")
    parser.add_argument("--smoke", action="store_true", help="300 KB, seconds: for CI")
    parser.add_argument("--json", action="store_true", help="print one JSON object per run")
    args = parser.parse_args(argv)
    if args.smoke:
        args.size = min(args.size, 300_000)
        args.interval = 0.05
    block = make_block(min(8 * 10**6, max(args.size // 4, 10**5)))
    modes = ("lines", "one-line") if args.mode == "both" else (args.mode,)
    print(
        f"# machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; input {args.size / 1e6:.0f} MB",
        flush=True,
    )
    for mode in modes:
        result = run_once(mode, args.size, args.jobs, block, args.interval)
        if args.json:
            print(json.dumps(result), flush=True)
        else:
            at = "  ".join(f"{k}:{v:.0f}" for k, v in result["peak_pss_sum_mb_at"].items())
            print(
                f"{mode:9} -j {args.jobs:>4}  {result['mb_per_s']:8.2f} MB/s  peak MB: "
                f"largest process RSS {result['peak_rss_largest_process_mb']:.1f}, "
                f"tree RSS sum {result['peak_rss_sum_mb']:.1f}, "
                f"tree PSS {result['peak_pss_sum_mb']:.1f} (PSS peak so far at {at})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
