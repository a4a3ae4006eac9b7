"""``pimask check`` on a big, dense CSV export: time, MB/s, peak RSS and report size.

Writes the seeded dense CSV of ``check_corpus.py`` (the one ``throughput.py`` times) at
``--size`` bytes and runs the
installed ``pimask check`` on it as a subprocess, measuring its peak RSS with
``resource.getrusage(RUSAGE_CHILDREN)`` and the bytes of its default report.

Targets of issue 17 (not timed tests): peak RSS < 200 MB whatever the size, report
<= 1 MB by default. ``throughput.py``'s ``check`` method times the same file beside the
other methods; this script adds the memory and report-size figures.

    python benchmarks/check_export.py --size 50MB
    python benchmarks/check_export.py --smoke          # 300 KB, seconds
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_corpus  # benchmarks/check_corpus.py: the seeded dense export


def parse_size(text: str) -> int:
    units = {"KB": 1000, "MB": 1000**2, "GB": 1000**3}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def write_export(path: Path, size: int, seed: int = 1) -> int:
    """The dense export of ``check_corpus.py`` (one generator for both benchmarks)."""
    with path.open("wb") as handle:
        rows, _ = check_corpus.write_check_csv(handle, size, seed=seed)
    return rows


def measure(path: Path, extra: list[str]) -> dict:
    command = [sys.executable, "-m", "pimask", "check", "--no-progress", *extra, str(path)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = path.stat().st_size
    return {
        "command": "pimask check --no-progress " + " ".join([*extra, path.name]),
        "exit": result.returncode,
        "bytes": size,
        "seconds": round(seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "report_bytes": len(result.stdout),
        "report_lines": result.stdout.count(b"\n"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="50MB")
    parser.add_argument("--out", default="check-export.csv", help="where the CSV goes")
    parser.add_argument("--smoke", action="store_true", help="300 KB, seconds")
    args = parser.parse_args()
    size = parse_size("300KB" if args.smoke else args.size)
    path = Path(args.out)
    rows = write_export(path, size)
    report = measure(path, [])
    report["rows"] = rows
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["exit"] == 1 else 1  # a dense export must fail the check


if __name__ == "__main__":
    sys.exit(main())
