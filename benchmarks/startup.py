"""Start-up cost: ``import pimask`` and building ``pimask.Engine()``, median of fresh processes.

Why: every ``pimask`` command, pre-commit hook and Spark task pays these once, and on small
files they dominate; throughput figures include them, so they are reported next to them.
Each sample is a new interpreter (nothing cached in memory), timed from inside with
``time.perf_counter`` around the import and the build, plus the wall time of the whole
process and of a bare ``python -c pass`` (the interpreter's own start-up) from outside.
Not ``-X importtime``: that slows what it measures and reports per module, not the total.

    python benchmarks/startup.py --repeat 10
    python benchmarks/startup.py --smoke --json out.json   # seconds; the test suite runs this
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

_CHILD = """
import json, time
started = time.perf_counter()
import pimask
imported = time.perf_counter()
pimask.Engine()
built = time.perf_counter()
print(json.dumps({"import": imported - started, "engine": built - imported}))
"""

FIELDS = ("python -c pass", "import pimask", "pimask.Engine()", "process total")


def _wall(argv: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - started, out


def measure(repeat: int) -> dict[str, list[float]]:
    """Seconds per field, one sample per round; the bare interpreter and pimask alternate
    so a noisy neighbour weighs on both alike."""
    samples: dict[str, list[float]] = {name: [] for name in FIELDS}
    for _round in range(repeat):
        bare, _out = _wall([sys.executable, "-c", "pass"])
        total, out = _wall([sys.executable, "-c", _CHILD])
        inside = json.loads(out.strip().splitlines()[-1])
        samples["python -c pass"].append(bare)
        samples["import pimask"].append(inside["import"])
        samples["pimask.Engine()"].append(inside["engine"])
        samples["process total"].append(total)
    return samples


def summarize(samples: dict[str, list[float]]) -> list[dict[str, object]]:
    """One row per field: median / min / max in milliseconds."""
    return [
        {
            "what": name,
            "median_ms": statistics.median(values) * 1000,
            "min_ms": min(values) * 1000,
            "max_ms": max(values) * 1000,
            "runs": len(values),
        }
        for name, values in samples.items()
    ]


def markdown_table(rows: list[dict[str, object]]) -> str:
    lines = ["| start-up | ms median | min | max |", "|---|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row['what']} | {row['median_ms']:,.0f} | {row['min_ms']:,.0f} "
            f"| {row['max_ms']:,.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="fresh processes (default 10)")
    parser.add_argument("--json", type=Path, help="write the samples and medians here")
    parser.add_argument("--smoke", action="store_true", help="2 processes: seconds")
    args = parser.parse_args(argv)
    repeat = 2 if args.smoke else args.repeat
    samples = measure(repeat)
    rows = summarize(samples)
    print(f"start-up, median of {repeat} fresh processes")
    print(markdown_table(rows))
    if args.json:
        payload = {"repeat": repeat, "samples_s": samples, "summary": rows}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
