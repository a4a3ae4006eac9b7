"""Throughput of ``pimask mask`` and ``pimask check`` against ``cat``, ripgrep and Presidio.

One interleaved run: every round runs every method once, in turn, so a noisy shared machine
slows all methods alike and the same-run ratios stay meaningful. Each method is a separate
process started from here; its wall time (start-up included) and its peak RSS (GNU
``time``'s maximum resident set, which covers ``-j`` workers) are recorded, and the table
gives medians, min–max and ratios to ripgrep, to Presidio and to ``pimask-j1``, all from the
same run. Output goes to ``/dev/null``, so encoding and writing are part of every figure.

Methods:

* ``cat`` — ``cat FILE``: the I/O floor.
* ``rg`` — ``rg -c -f benchmarks/anchor-pattern.txt FILE``: ripgrep counting the lines that
  hold something shaped like one of the seven entities (one alternation, digit boundaries
  without look-around). What a compiled regex pass costs when nothing is validated, scored
  or rewritten — a floor for a scanner, not a competitor. Skipped, with a note, when ``rg``
  is not installed.
* ``pimask-j1`` / ``pimask-j2`` — ``pimask mask -j N FILE``: default display masking, the
  native core.
* ``pimask-deidentify-j1`` / ``pimask-anonymize-j1`` — ``--policy deidentify`` (keyed
  pseudonyms and FPE; ``PIMASK_KEY`` is set in the child to a synthetic key made for this
  run) and ``--policy anonymize``. Any ``pimask-<built-in policy>-jN`` works.
* ``pimask-reference-j1`` — ``PIMASK_BACKEND=reference pimask mask``: the pure-Python
  specification engine, on the first ``--slice-bytes`` of the file (it is slow).
* ``presidio`` — presidio-analyzer with ``NoOpNlpEngine`` (no model) and an explicit
  registry: its own email / IP / credit-card recognizers plus pattern recognizers built from
  pimask's regexes for the Chinese ID, mobile, IMEI and MAC; each line analyzed and masked
  with presidio-anonymizer; on the same slice.
* ``check`` — ``pimask check FILE`` on a dense CSV export (``benchmarks/check_corpus.py``;
  ``--check-file``, or one of ``--check-size`` generated here). It exits 1 because the
  export holds personal values: that is the expected result; its ratios are left blank
  because its input is another file.
* ``python-io`` (not run by default) — Python reads 1 MiB chunks, decodes, encodes, writes.

Start-up (``import pimask``, ``pimask.Engine()``; ``benchmarks/startup.py``) is measured
after the rounds, median of ``--startup-repeat`` fresh processes.

Usage::

    python benchmarks/corpus.py --size 100MB --seed 2 --out /tmp/bench/c100.log
    python benchmarks/throughput.py /tmp/bench/c100.log --repeat 3 --json out.json \\
        --plot docs/benchmarks.png
    python benchmarks/throughput.py --smoke          # seconds; used by the test suite

Needs the ``bench`` extra for Presidio and the plot (``pip install 'pimask[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANCHOR_PATTERN = HERE / "anchor-pattern.txt"
DEFAULT_METHODS = (
    "cat",
    "rg",
    "pimask-j1",
    "pimask-j2",
    "pimask-deidentify-j1",
    "pimask-anonymize-j1",
    "pimask-reference-j1",
    "presidio",
    "check",
)
POLICIES = ("display", "deidentify", "anonymize", "delete")
# which input each method reads; every other method reads the whole file
SLICE_METHODS = ("pimask-reference-j1", "presidio")
CHECK_METHODS = ("check",)

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
    input: str = "file"
    ratio_to_rg: float | None = None
    ratio_to_presidio: float | None = None
    ratio_to_j1: float | None = None
    mbps: list[float] = field(default_factory=list)


@dataclass
class Inputs:
    """The files the methods read: the log, its whole-line prefix, the CSV export."""

    file: Path
    slice: Path
    check: Path | None

    def for_method(self, method: str) -> tuple[str, Path]:
        if method in SLICE_METHODS:
            return "slice", self.slice
        if method in CHECK_METHODS:
            if self.check is None:
                raise SystemExit("the check method needs a CSV (--check-file or --check-size)")
            return "csv", self.check
        return "file", self.file


def input_kind(method: str) -> str:
    return "slice" if method in SLICE_METHODS else "csv" if method in CHECK_METHODS else "file"


def _pimask(*args: str) -> list[str]:
    return [sys.executable, "-m", "pimask", *args]


def command_for(method: str, path: Path, key: str) -> tuple[list[str], dict[str, str], set[int]]:
    """argv, environment and the exit codes that mean success for ``method`` on ``path``.

    why: the environment is built per method so a PIMASK_BACKEND or key in the caller's
    shell cannot change what a method measures.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIMASK_")}
    if method == "cat":
        return ["cat", str(path)], env, {0}
    if method == "rg":
        # rg exits 1 when no line matches; the count is still the measurement
        return ["rg", "-c", "-f", str(ANCHOR_PATTERN), str(path)], env, {0, 1}
    if method == "python-io":
        return [sys.executable, "-c", _PYTHON_IO, str(path)], env, {0}
    if method == "presidio":
        limit = str(path.stat().st_size)
        argv = [sys.executable, str(Path(__file__).resolve()), "--presidio-worker", str(path)]
        return [*argv, "--slice-bytes", limit], env, {0}
    if method == "check":
        # exit 1 = personal values found: what a dense export must give
        return _pimask("check", "--no-progress", str(path)), env, {1}
    if method.startswith("pimask-"):
        *middle, jobs = method.split("-")[1:]
        if not jobs.startswith("j") or not jobs[1:].isdigit() or len(middle) > 1:
            raise SystemExit(f"unknown method {method!r} (pimask-[POLICY|reference-]jN)")
        env["PIMASK_BACKEND"] = "native"
        argv = _pimask("mask", "--no-progress", "-j", jobs[1:])
        if middle == ["reference"]:
            env["PIMASK_BACKEND"] = "reference"
        elif middle:
            if middle[0] not in POLICIES:
                raise SystemExit(f"unknown policy in {method!r} (known: {', '.join(POLICIES)})")
            argv += ["--policy", middle[0]]
            env["PIMASK_KEY"] = key
        return [*argv, str(path)], env, {0}
    raise SystemExit(f"unknown method {method!r} (known: {', '.join(DEFAULT_METHODS)})")


def write_slice(path: Path, limit: int, out: Path) -> int:
    """Copy the whole lines within the first ``limit`` bytes of ``path`` to ``out``."""
    with path.open("rb") as handle:
        head = handle.read(limit)
    if len(head) == limit:
        cut = head.rfind(b"\n")
        head = head[: cut + 1] if cut >= 0 else head
    out.write_bytes(head)
    return len(head)


_GNU_TIME = "/usr/bin/time"


def run_once(method: str, inputs: Inputs, key: str, scratch: Path) -> Run:
    _kind, path = inputs.for_method(method)
    argv, env, success = command_for(method, path, key)
    rss_file = scratch / "rss.txt"
    # why: a child forked from this Python process inherits its RSS until exec, and that
    # counts in its ru_maxrss; GNU time is a small C program, so its child's figure is the
    # method's own (largest process in the tree, workers included).
    timed = os.path.exists(_GNU_TIME)
    if timed:
        argv = [_GNU_TIME, "-f", "%M", "-o", str(rss_file), *argv]
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=scratch
    )
    # why: read stderr while waiting, so a chatty child cannot fill the pipe and block
    error = process.stderr.read() if process.stderr else b""
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in success:
        message = error.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise SystemExit(f"{method} failed with exit {process.returncode}: {message}")
    peak = int(usage.ru_maxrss)
    if timed:
        peak = int(rss_file.read_text().strip().splitlines()[-1])
    return Run(method, seconds, path.stat().st_size, peak, process.returncode)


def summarize(runs: list[Run]) -> list[Summary]:
    """Medians per method, and ratios of medians taken in the same run."""
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
                input=input_kind(method),
                mbps=speeds,
            )
        )
    named = {s.method: s for s in summaries}
    rg, presidio, j1 = named.get("rg"), named.get("presidio"), named.get("pimask-j1")
    for summary in summaries:
        if summary.input == "csv":
            continue  # another input: a ratio to the log methods would mislead
        if rg is not None:
            summary.ratio_to_rg = summary.median_mbps / rg.median_mbps
        if presidio is not None:
            summary.ratio_to_presidio = summary.median_mbps / presidio.median_mbps
        if j1 is not None:
            summary.ratio_to_j1 = summary.median_mbps / j1.median_mbps
    return summaries


def _ratio(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown_table(summaries: list[Summary]) -> str:
    lines = [
        "| method | input MB | MB/s median | min | max | × rg | × Presidio | × pimask-j1 "
        "| peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in summaries:
        where = f"{s.bytes / 1e6:,.1f}" + ("" if s.input == "file" else f" ({s.input})")
        lines.append(
            f"| {s.method} | {where} | {s.median_mbps:,.2f} | {s.min_mbps:,.2f} "
            f"| {s.max_mbps:,.2f} | {_ratio(s.ratio_to_rg, 3)} "
            f"| {_ratio(s.ratio_to_presidio, 1)} | {_ratio(s.ratio_to_j1, 2)} "
            f"| {s.peak_rss_mib:.0f} |"
        )
    return "\n".join(lines)


def _version(argv: list[str]) -> str | None:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip().splitlines()
    return text[0] if out.returncode == 0 and text else None


def machine(commit: str | None = None) -> dict[str, object]:
    """What the figures were measured on: CPUs, CPU model, versions, load, commit.

    ``commit`` names what was measured when this does not run from a git checkout (an
    exported copy of one commit, without anyone's uncommitted work).
    """
    info: dict[str, object] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "rustc": _version(["rustc", "--version"]),
        "rg": _version(["rg", "--version"]) if shutil.which("rg") else None,
        "commit": commit
        or _version(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"]),
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


_FLOORS = ("cat", "rg", "python-io")


def plot(summaries: list[Summary], out: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ordered = sorted(summaries, key=lambda s: s.median_mbps)
    names = [s.method if s.input == "file" else f"{s.method} ({s.input})" for s in ordered]
    medians = [s.median_mbps for s in ordered]
    low = [s.median_mbps - s.min_mbps for s in ordered]
    high = [s.max_mbps - s.median_mbps for s in ordered]
    fig, axis = plt.subplots(figsize=(8, 0.55 * len(names) + 1.5))
    colors = [
        "#8c8c8c"
        if s.method in _FLOORS
        else "#c44e52"
        if s.method.startswith("presidio")
        else "#55a868"
        if s.input == "csv"
        else "#4c72b0"
        for s in ordered
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


def _available(methods: list[str]) -> tuple[list[str], dict[str, str]]:
    """The methods that can run here, and why the others cannot."""
    skipped: dict[str, str] = {}
    if "rg" in methods and shutil.which("rg") is None:
        skipped["rg"] = "ripgrep (rg) is not on PATH (Debian: apt-get install ripgrep)"
    if "presidio" in methods:
        try:
            import presidio_analyzer  # noqa: F401
            import presidio_anonymizer  # noqa: F401
        except ImportError:
            skipped["presidio"] = "presidio-analyzer/anonymizer not installed (the bench extra)"
    for method, why in skipped.items():
        print(f"skipping {method}: {why}", file=sys.stderr)
    return [m for m in methods if m not in skipped], skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, help="input log (see corpus.py)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument(
        "--methods", default=",".join(DEFAULT_METHODS), help="comma-separated method names"
    )
    parser.add_argument(
        "--slice-bytes",
        type=_size,
        default=_size("4MB"),
        help="the reference engine and Presidio read this much (whole lines)",
    )
    parser.add_argument("--check-file", type=Path, help="CSV export for the check method")
    parser.add_argument(
        "--check-size",
        type=_size,
        default=_size("20MB"),
        help="without --check-file: generate a CSV of this size (check_corpus.py)",
    )
    parser.add_argument(
        "--startup-repeat", type=int, default=10, help="fresh processes for start-up (0: skip)"
    )
    parser.add_argument("--commit", help="record this as the measured commit (default: git)")
    parser.add_argument("--json", type=Path, help="write runs and summaries here")
    parser.add_argument("--plot", type=Path, help="write a PNG bar chart here (matplotlib)")
    parser.add_argument("--smoke", action="store_true", help="tiny corpus, 1 round: seconds")
    parser.add_argument("--presidio-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.presidio_worker is not None:
        return presidio_worker(args.presidio_worker, args.slice_bytes)

    methods, skipped = _available([m.strip() for m in args.methods.split(",") if m.strip()])
    sys.path.insert(0, str(HERE))
    # why: keyed policies need a key; a fresh synthetic one per run, never printed
    key = "k1:" + secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        path = args.file
        repeat = args.repeat
        startup_repeat = args.startup_repeat
        if args.smoke:
            import corpus  # type: ignore[import-not-found]

            path = scratch / "smoke.log"
            with path.open("wb") as out:
                corpus.write_throughput(out, 200_000, seed=1, pool_size=500)
            repeat = 1
            args.slice_bytes = min(args.slice_bytes, 20_000)
            args.check_size = min(args.check_size, 100_000)
            startup_repeat = min(startup_repeat, 2)
        if path is None:
            parser.error("give a FILE (python benchmarks/corpus.py --size 100MB --out FILE)")
        check = args.check_file
        if check is None and any(m in CHECK_METHODS for m in methods):
            import check_corpus  # type: ignore[import-not-found]

            check = scratch / "export.csv"
            with check.open("wb") as out:
                check_corpus.write_check_csv(out, args.check_size, seed=1)
        inputs = Inputs(path, scratch / "slice.log", check)
        write_slice(path, args.slice_bytes, inputs.slice)
        info = machine(args.commit)
        runs: list[Run] = []
        for round_index in range(repeat):
            for method in methods:
                run = run_once(method, inputs, key, scratch)
                runs.append(run)
                print(
                    f"round {round_index + 1}/{repeat} {method:22s} {run.mbps:10.2f} MB/s "
                    f"{run.seconds:8.2f} s  RSS {run.peak_rss_kib / 1024:.0f} MiB",
                    file=sys.stderr,
                )
        summaries = summarize(runs)
        sizes = {
            "file": path.stat().st_size,
            "slice": inputs.slice.stat().st_size,
            "csv": check.stat().st_size if check is not None else 0,
        }
    startup: list[dict[str, object]] = []
    samples: dict[str, list[float]] = {}
    if startup_repeat > 0:
        import startup as startup_bench  # type: ignore[import-not-found]

        samples = startup_bench.measure(startup_repeat)
        startup = startup_bench.summarize(samples)
    print(f"input: {sizes['file'] / 1e6:.1f} MB, {repeat} interleaved rounds; machine: {info}")
    for method, why in skipped.items():
        print(f"skipped {method}: {why}")
    print(markdown_table(summaries))
    if startup:
        print(f"\nstart-up, median of {startup_repeat} fresh processes")
        print(startup_bench.markdown_table(startup))
    if args.json:
        payload = {
            "machine": info,
            "input_bytes": sizes["file"],
            "inputs": sizes,
            "repeat": repeat,
            "skipped": skipped,
            "runs": [asdict(r) | {"mbps": r.mbps} for r in runs],
            "summaries": [asdict(s) for s in summaries],
            "startup": {"repeat": startup_repeat, "samples_s": samples, "summary": startup},
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if args.plot:
        title = f"pimask throughput, {sizes['file'] / 1e6:.0f} MB log (commit {info['commit']})"
        plot(summaries, args.plot, title)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
