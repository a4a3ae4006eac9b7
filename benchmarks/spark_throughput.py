"""Throughput of ``pimask.integrations.spark.mask_columns`` per core, in Spark local mode.

Input is the throughput mix of ``benchmarks/corpus.py`` (app, nginx, JSON, Chinese ticket
lines; one personal value in about 20% of lines) read as one string column, repartitioned
to 4 partitions per core and cached, so the figures are masking, not disk I/O. For each
``local[N]`` the cases run ``--repeat`` times in interleaved order after one warm-up:

* ``arrow floor``: an identity ``mapInArrow`` (JVM → Arrow → Python → JVM, no pimask);
* ``display`` / ``deidentify`` / ``anonymize``: ``mask_columns`` with that policy
  (deidentify with a random key, broadcast);
* ``library``: the same lines through ``Engine.apply`` in this process, one core, no Spark.

Each Spark case is written to the ``noop`` sink. Figures are medians: rows/s and MB/s
(UTF-8 bytes of the column, 10^6) in total and per core (total / N).

    python benchmarks/spark_throughput.py --size 20MB --cores 1,2 --repeat 3
    python benchmarks/spark_throughput.py --smoke      # seconds after the JVM starts
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import parse_size, write_throughput  # noqa: E402

POLICIES = ("display", "deidentify", "anonymize")


def spark_cases(df: Any, keys: Any, policies: tuple[str, ...]) -> dict[str, Callable[[], Any]]:
    """Name → a function that builds the DataFrame to time (each run is a new job)."""
    from pimask.integrations.spark import mask_columns

    # why: a closure, so cloudpickle ships it by value (benchmarks/ is not on executors).
    def floor() -> Any:
        return df.mapInArrow(lambda batches: (batch for batch in batches), df.schema)

    cases: dict[str, Callable[[], Any]] = {"arrow floor": floor}
    for policy in policies:
        cases[policy] = lambda policy=policy: mask_columns(df, "value", policy, keys=keys)
    return cases


def worker_cpu_seconds(df: Any, policy: str, keys: Any) -> float:
    """CPU seconds the Python workers spend in pimask's batch function for one pass.

    Wall-clock figures on a shared machine mix in everyone else's load; CPU time per row
    is what a core actually costs. Same job as ``mask_columns`` (same policy, broadcast
    keys), wrapped in a probe that reads ``time.process_time()`` around it.
    """
    import uuid

    import pyarrow as pa

    from pimask.integrations.spark import _executor
    from pimask.policy import load_policy

    loaded = load_policy(policy)
    broadcast = df.sparkSession.sparkContext.broadcast(keys) if loaded.needs_key else None
    job = _executor.Job(
        token=uuid.uuid4().hex,
        engine_options={},
        policy=loaded,
        keys=_executor.KeySource(broadcast) if broadcast is not None else None,
        columns=("value",),
    )

    def probe(batches: Any) -> Any:
        _executor.worker_for(job)  # built outside the measured span, like a warm worker
        started = time.process_time()
        rows = sum(batch.num_rows for batch in _executor.mask_batches(job, batches))
        spent = time.process_time() - started
        yield pa.RecordBatch.from_pydict({"rows": [rows], "cpu": [spent]})

    result = df.mapInArrow(probe, "rows long, cpu double").collect()
    return sum(row["cpu"] for row in result)


def measure(
    spark: Any,
    path: Path,
    cores: int,
    *,
    repeat: int = 3,
    policies: tuple[str, ...] = POLICIES,
) -> dict[str, Any]:
    """Medians for one session (``cores`` = N of its ``local[N]`` master)."""
    from pyspark.sql import functions as F

    from pimask.keys import Key, KeyRing

    key = Key("bench", secrets.token_hex(32).encode())
    keys = KeyRing(key, {"bench": key})
    df = spark.read.text(str(path)).repartition(cores * 4).cache()
    totals = df.agg(F.count("*").alias("rows"), F.sum(F.octet_length("value")).alias("b"))
    row = totals.collect()[0]
    rows, size = int(row["rows"]), int(row["b"])
    cases = spark_cases(df, keys, policies)
    for build in cases.values():  # warm-up: workers started, engines built, JIT warm
        build().write.format("noop").mode("overwrite").save()
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, build in cases.items():
            started = time.perf_counter()
            build().write.format("noop").mode("overwrite").save()
            times[name].append(time.perf_counter() - started)
    cpu = {policy: worker_cpu_seconds(df, policy, keys) for policy in policies}
    df.unpersist()
    results = {}
    for name, samples in times.items():
        seconds = statistics.median(samples)
        results[name] = {
            "seconds": seconds,
            "rows_per_s": rows / seconds,
            "mb_per_s": size / seconds / 1e6,
            "rows_per_s_per_core": rows / seconds / cores,
            "mb_per_s_per_core": size / seconds / 1e6 / cores,
        }
        if name in cpu:
            results[name]["worker_cpu_s"] = cpu[name]
            results[name]["rows_per_cpu_s"] = rows / cpu[name]
            results[name]["mb_per_cpu_s"] = size / cpu[name] / 1e6
    return {"cores": cores, "rows": rows, "bytes": size, "cases": results}


def measure_library(path: Path, repeat: int = 3) -> dict[str, Any]:
    """The same lines through ``Engine.apply`` (display masking), in-process, one core."""
    import pimask

    lines = path.read_bytes().decode("utf-8", "surrogateescape").splitlines()
    size = sum(len(line.encode("utf-8", "surrogateescape")) for line in lines)
    engine = pimask.Engine()
    samples, cpu_samples = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        for line in lines:
            engine.apply(line)
        samples.append(time.perf_counter() - started)
        cpu_samples.append(time.process_time() - cpu_started)
    seconds, cpu = statistics.median(samples), statistics.median(cpu_samples)
    return {
        "seconds": seconds,
        "rows": len(lines),
        "rows_per_s": len(lines) / seconds,
        "mb_per_s": size / seconds / 1e6,
        "rows_per_cpu_s": len(lines) / cpu,
        "mb_per_cpu_s": size / cpu / 1e6,
    }


def session(cores: int) -> Any:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(f"pimask-spark-throughput-{cores}")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def render(report: dict[str, Any]) -> str:
    lines = [
        f"input: {report['rows']} rows, {report['bytes'] / 1e6:.1f} MB; {report['machine']}",
        "",
        "| master | case | rows/s | MB/s | rows/s per core | MB/s per core | vs floor "
        "| rows per worker CPU-s | MB per worker CPU-s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in report["spark"]:
        floor = run["cases"]["arrow floor"]["seconds"]
        for name, case in run["cases"].items():
            cpu_rows = f"{case['rows_per_cpu_s']:,.0f}" if "rows_per_cpu_s" in case else ""
            cpu_mb = f"{case['mb_per_cpu_s']:.2f}" if "mb_per_cpu_s" in case else ""
            lines.append(
                f"| local[{run['cores']}] | {name} | {case['rows_per_s']:,.0f} | "
                f"{case['mb_per_s']:.2f} | {case['rows_per_s_per_core']:,.0f} | "
                f"{case['mb_per_s_per_core']:.2f} | {case['seconds'] / floor:.1f}x | "
                f"{cpu_rows} | {cpu_mb} |"
            )
    library = report["library"]
    lines.append(
        f"| (no Spark) | library Engine.apply, display | {library['rows_per_s']:,.0f} | "
        f"{library['mb_per_s']:.2f} | {library['rows_per_s']:,.0f} | "
        f"{library['mb_per_s']:.2f} | | {library['rows_per_cpu_s']:,.0f} | "
        f"{library['mb_per_cpu_s']:.2f} |"
    )
    if "load" in report:
        lines.append(f"\nload average (1 min) before / after: {report['load']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("20MB"))
    parser.add_argument("--cores", default="1,2", help="comma-separated N for local[N]")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="200 KB, local[1], one repeat")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    cores = [int(item) for item in args.cores.split(",") if item.strip()]
    if args.smoke:
        args.size, args.repeat, cores = 200_000, 1, [1]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.log"
        with path.open("wb") as handle:
            write_throughput(handle, args.size, seed=1)
        runs = []
        for n in cores:
            spark = session(n)
            try:
                runs.append(measure(spark, path, n, repeat=args.repeat))
            finally:
                spark.stop()
        library = measure_library(path, repeat=args.repeat)
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, pyspark {_pyspark_version()}",
        "rows": runs[0]["rows"],
        "bytes": runs[0]["bytes"],
        "spark": runs,
        "library": library,
        "load": f"{load_before:.1f} / {os.getloadavg()[0]:.1f}",
    }
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


def _pyspark_version() -> str:
    import pyspark

    return pyspark.__version__


if __name__ == "__main__":
    sys.exit(main())
