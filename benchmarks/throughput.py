"""Throughput of ``pimask mask`` against ``cat`` and a Presidio pattern-only baseline.

One interleaved run: every repetition runs every method once, in turn, on the same file, so
a noisy shared machine slows all methods alike and the same-run ratios stay meaningful.
Each method is a separate process started from here; its wall time and its peak RSS (the
``ru_maxrss`` of that child, via ``os.wait4``) are recorded. Output is written (to
``/dev/null``), so encoding and writing are part of every figure.

Methods:

* ``cat`` — ``cat FILE``: the I/O floor.
* ``python-io`` — Python reads 1 MiB chunks, decodes (UTF-8, surrogateescape), encodes and
  writes: the floor of any Python filter.
* ``pimask-<backend>-j<N>`` — ``python -m pimask mask -j N FILE`` with ``PIMASK_BACKEND``
  set: default display policy, every line scanned by all built-in recognizers.
* ``presidio-patterns`` — presidio-analyzer with ``NoOpNlpEngine`` (no model) and an
  explicit registry: its own email / IP / credit-card recognizers plus pattern recognizers
  built from pimask's regexes for the Chinese ID, mobile, IMEI and MAC; each line analyzed
  and masked with presidio-anonymizer. It is ~100x slower, so it reads only the first
  ``--presidio-bytes`` of the file (MB/s is computed on what it read).

Usage::

    python benchmarks/corpus.py --size 200MB --seed 1 --out /tmp/bench.log
    python benchmarks/throughput.py /tmp/bench.log --repeat 3 --json out.json \\
        --plot docs/benchmarks.png
    python benchmarks/throughput.py --smoke          # seconds; used by the test suite

Needs the ``bench`` extra for Presidio and the plot (``pip install 'pimask[bench]'``).
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
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_METHODS = (
    "cat",
    "python-io",
    "pimask-hyperscan-j1",
    "pimask-hyperscan-j2",
    "pimask-python-j1",
    "pimask-python-j2",
    "presidio-patterns",
)

_PYTHON_IO = """
import sys
read = open(sys.argv[1], "rb").read
write = sys.stdout.buffer.write
while True:
    chunk = read(1 << 20)
    if not chunk:
        break
    write(chunk.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
"""


@dataclass
class Run:
    method: str
    seconds: float
    bytes: int
    peak_rss_kib: int
    returncode: int

    @property
    def mbps(self) -> float:
        return self.bytes / self.seconds / 1e6 if self.seconds > 0 else float("inf")


@dataclass
class Summary:
    method: str
    median_mbps: float
    min_mbps: float
    max_mbps: float
    peak_rss_mib: float
    bytes: int
    runs: int
    ratio_to_pimask: float | None = None
    ratio_to_presidio: float | None = None
    mbps: list[float] = field(default_factory=list)


def command_for(method: str, path: Path, presidio_bytes: int) -> tuple[list[str], dict, int]:
    """argv, environment and the number of input bytes the method processes."""
    size = path.stat().st_size
    env = dict(os.environ)
    if method == "cat":
        return ["cat", str(path)], env, size
    if method == "python-io":
        return [sys.executable, "-c", _PYTHON_IO, str(path)], env, size
    if method.startswith("pimask-"):
        _prefix, backend, jobs = method.split("-")
        env["PIMASK_BACKEND"] = backend
        argv = [sys.executable, "-m", "pimask", "mask", "--no-progress", "-j", jobs[1:]]
        return [*argv, str(path)], env, size
    if method == "presidio-patterns":
        limit = min(size, presidio_bytes)
        argv = [sys.executable, str(Path(__file__).resolve()), "--presidio-worker", str(path)]
        return [*argv, "--presidio-bytes", str(limit)], env, _whole_lines(path, limit)
    raise SystemExit(f"unknown method {method!r} (known: {', '.join(DEFAULT_METHODS)})")


def _whole_lines(path: Path, limit: int) -> int:
    """Bytes in the whole lines that fit in the first ``limit`` bytes (what the worker reads)."""
    with path.open("rb") as handle:
        head = handle.read(limit)
    if len(head) < limit:
        return len(head)
    cut = head.rfind(b"\n")
    return cut + 1 if cut >= 0 else len(head)


_GNU_TIME = "/usr/bin/time"


def run_once(method: str, path: Path, presidio_bytes: int, scratch: Path) -> Run:
    argv, env, processed = command_for(method, path, presidio_bytes)
    rss_file = scratch / "rss.txt"
    # why: a child forked from this Python process inherits its RSS until exec, and that
    # counts in its ru_maxrss; GNU time is a small C program, so its child's figure is the
    # method's own (largest process in the tree, workers included).
    timed = os.path.exists(_GNU_TIME)
    if timed:
        argv = [_GNU_TIME, "-f", "%M", "-o", str(rss_file), *argv]
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else b""
    if process.returncode != 0:
        message = error.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise SystemExit(f"{method} failed with exit {process.returncode}: {message}")
    peak = int(usage.ru_maxrss)
    if timed:
        peak = int(rss_file.read_text().strip().splitlines()[-1])
    return Run(method, seconds, processed, peak, process.returncode)


def summarize(runs: list[Run]) -> list[Summary]:
    by_method: dict[str, list[Run]] = {}
    for run in runs:
        by_method.setdefault(run.method, []).append(run)
    summaries = []
    for method, items in by_method.items():
        speeds = [r.mbps for r in items]
        summaries.append(
            Summary(
                method=method,
                median_mbps=statistics.median(speeds),
                min_mbps=min(speeds),
                max_mbps=max(speeds),
                peak_rss_mib=max(r.peak_rss_kib for r in items) / 1024,
                bytes=items[0].bytes,
                runs=len(items),
                mbps=speeds,
            )
        )
    reference = next((s for s in summaries if s.method == "pimask-hyperscan-j1"), None)
    reference = reference or next((s for s in summaries if s.method.startswith("pimask")), None)
    presidio = next((s for s in summaries if s.method == "presidio-patterns"), None)
    for summary in summaries:
        if reference is not None:
            summary.ratio_to_pimask = summary.median_mbps / reference.median_mbps
        if presidio is not None:
            summary.ratio_to_presidio = summary.median_mbps / presidio.median_mbps
    return summaries


def markdown_table(summaries: list[Summary]) -> str:
    lines = [
        "| method | MB/s median | min | max | × pimask-hyperscan-j1 | × Presidio | peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in summaries:
        ratio = f"{s.ratio_to_pimask:.2f}" if s.ratio_to_pimask is not None else "–"
        presidio = f"{s.ratio_to_presidio:.1f}" if s.ratio_to_presidio is not None else "–"
        lines.append(
            f"| {s.method} | {s.median_mbps:,.2f} | {s.min_mbps:,.2f} | {s.max_mbps:,.2f} "
            f"| {ratio} | {presidio} | {s.peak_rss_mib:.0f} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, object]:
    info: dict[str, object] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        info["load_avg_at_start"] = os.getloadavg()
    except OSError:
        pass
    return info


def plot(summaries: list[Summary], out: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ordered = sorted(summaries, key=lambda s: s.median_mbps)
    names = [s.method for s in ordered]
    medians = [s.median_mbps for s in ordered]
    low = [s.median_mbps - s.min_mbps for s in ordered]
    high = [s.max_mbps - s.median_mbps for s in ordered]
    fig, axis = plt.subplots(figsize=(8, 0.55 * len(names) + 1.5))
    colors = ["#c44e52" if n.startswith("presidio") else "#4c72b0" for n in names]
    colors = [
        "#8c8c8c" if n in ("cat", "python-io") else c for n, c in zip(names, colors, strict=True)
    ]
    axis.barh(names, medians, xerr=[low, high], color=colors, capsize=3)
    axis.set_xscale("log")
    axis.set_xlabel("MB/s (median, min–max whiskers; log scale)")
    axis.set_title(title, fontsize=10)
    for index, summary in enumerate(ordered):
        label = f"{summary.median_mbps:,.2f}"
        axis.text(summary.max_mbps * 1.15, index, label, va="center", fontsize=8)
    axis.set_xlim(right=max(s.max_mbps for s in ordered) * 4)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)


# --------------------------------------------------------------------------- Presidio


def presidio_worker(path: Path, limit: int) -> int:
    """Analyze + mask each line of the first ``limit`` bytes with Presidio (no NLP model)."""
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
    )
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig

    from pimask.engine import Engine

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(EmailRecognizer(supported_language="en"))
    registry.add_recognizer(IpRecognizer(supported_language="en"))
    registry.add_recognizer(CreditCardRecognizer(supported_language="en"))
    # why: Presidio has no Chinese ID / mobile / IMEI / MAC recognizer; give it ours, as
    # plain pattern recognizers (regex + boundaries, no validators), the fair minimum.
    wanted = {"CN_RESIDENT_ID", "CN_MOBILE", "IMEI", "MAC_ADDRESS"}
    engine = Engine(backend="reference")
    for spec in engine.recognizers:
        if spec.entity not in wanted:
            continue
        patterns = [
            Pattern(p.spec.name, p.source, p.spec.score)
            for p in engine._scanner.patterns
            if p.recognizer.id == spec.id
        ]
        registry.add_recognizer(
            PatternRecognizer(supported_entity=spec.entity, patterns=patterns, name=spec.id)
        )
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}]),
        supported_languages=["en"],
    )
    anonymizer = AnonymizerEngine()
    mask = {
        "DEFAULT": OperatorConfig(
            "mask", {"masking_char": "*", "chars_to_mask": 4, "from_end": True}
        )
    }
    out = sys.stdout.buffer
    with path.open("rb") as handle:
        data = handle.read(limit)
    cut = data.rfind(b"\n") + 1 if len(data) == limit else len(data)
    for raw in data[:cut].splitlines(keepends=True):
        text = raw.decode("utf-8", "surrogateescape")
        results = analyzer.analyze(text=text, language="en")
        if results:
            text = anonymizer.anonymize(text=text, analyzer_results=results, operators=mask).text
        out.write(text.encode("utf-8", "surrogateescape"))
    return 0


# --------------------------------------------------------------------------- main


def _size(text: str) -> int:
    units = {"KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, help="input log (see corpus.py)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument(
        "--methods", default=",".join(DEFAULT_METHODS), help="comma-separated method names"
    )
    parser.add_argument(
        "--presidio-bytes", type=_size, default=_size("4MB"), help="Presidio reads this much"
    )
    parser.add_argument("--json", type=Path, help="write runs and summaries here")
    parser.add_argument("--plot", type=Path, help="write a PNG bar chart here (matplotlib)")
    parser.add_argument("--smoke", action="store_true", help="tiny corpus, 1 round: seconds")
    parser.add_argument("--presidio-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.presidio_worker is not None:
        return presidio_worker(args.presidio_worker, args.presidio_bytes)

    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    if "pimask-hyperscan-j1" in methods or "pimask-hyperscan-j2" in methods:
        from pimask.backends import hyperscan_available

        if not hyperscan_available():
            print("hyperscan not installed: skipping its methods", file=sys.stderr)
            methods = [m for m in methods if "hyperscan" not in m]
    with tempfile.TemporaryDirectory() as scratch:
        path = args.file
        repeat = args.repeat
        if args.smoke:
            sys.path.insert(0, str(HERE))
            import corpus  # type: ignore[import-not-found]

            path = Path(scratch) / "smoke.log"
            with path.open("wb") as out:
                corpus.write_throughput(out, 200_000, seed=1, pool_size=500)
            repeat = 1
            args.presidio_bytes = min(args.presidio_bytes, 20_000)
        if path is None:
            parser.error("give a FILE (python benchmarks/corpus.py --size 200MB --out FILE)")
        info = machine()
        runs: list[Run] = []
        for round_index in range(repeat):
            for method in methods:
                run = run_once(method, path, args.presidio_bytes, Path(scratch))
                runs.append(run)
                print(
                    f"round {round_index + 1}/{repeat} {method:22s} {run.mbps:10.2f} MB/s "
                    f"{run.seconds:8.2f} s  RSS {run.peak_rss_kib / 1024:.0f} MiB",
                    file=sys.stderr,
                )
        summaries = summarize(runs)
        size = path.stat().st_size
    table = markdown_table(summaries)
    print(f"input: {size / 1e6:.1f} MB, {repeat} interleaved rounds; machine: {info}")
    print(table)
    if args.json:
        payload = {
            "machine": info,
            "input_bytes": size,
            "repeat": repeat,
            "runs": [asdict(r) | {"mbps": r.mbps} for r in runs],
            "summaries": [asdict(s) for s in summaries],
        }
        args.json.write_text(json.dumps(payload, indent=2))
    if args.plot:
        plot(summaries, args.plot, f"pimask mask throughput, {size / 1e6:.0f} MB log")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
