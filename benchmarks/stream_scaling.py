"""How ``pimask mask -j N`` scales: wall time and MB/s per worker count, ``cat`` as the floor.

Each configuration runs ``--repeat`` times in interleaved order (so a noisy neighbour hurts
all of them alike); the table shows medians and the speed-up over ``-j 1`` measured in the
same run. Output goes to /dev/null; input is one file read by ``pimask mask FILE``.

    python benchmarks/stream_scaling.py --size 50MB --jobs 1,2 --repeat 3
    python benchmarks/stream_scaling.py --smoke      # seconds; what CI runs
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from memory import make_block, parse_size  # noqa: E402

PIMASK = [sys.executable, "-c", "import sys; from pimask.cli import main; sys.exit(main())"]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("50MB"))
    parser.add_argument("--jobs", default="1,2", help="comma-separated -j values")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--input", type=Path, default=None, help="use this file as input")
    parser.add_argument("--smoke", action="store_true", help="200 KB, one repeat: for CI")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.smoke:
        args.size, args.repeat = 200_000, 1
    jobs = [item.strip() for item in args.jobs.split(",") if item.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.input
        if path is None:
            path = Path(tmp) / "input.log"
            block = make_block(min(args.size, 8 * 10**6))
            with path.open("wb") as handle:
                written = 0
                while written < args.size:
                    piece = block[: args.size - written]
                    handle.write(piece)
                    written += len(piece)
        size = path.stat().st_size
        configs = {"cat": ["cat", str(path)]}
        for j in jobs:
            configs[f"-j {j}"] = [*PIMASK, "mask", "-j", j, str(path)]
        times: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.repeat):
            for name, command in configs.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians.get(f"-j {jobs[0]}")
    print(
        f"# {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}; "
        f"input {size / 1e6:.1f} MB; median of {args.repeat}"
    )
    for name, median in medians.items():
        speedup = f"{base / median:5.2f}x vs {jobs[0]}" if base and name != "cat" else ""
        print(
            f"{name:>8}  {median:8.2f} s  {size / median / 1e6:9.2f} MB/s  {speedup}  "
            f"runs: {', '.join(f'{t:.2f}' for t in times[name])}"
        )
        if args.json:
            print(json.dumps({"config": name, "median_s": median, "runs": times[name]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
