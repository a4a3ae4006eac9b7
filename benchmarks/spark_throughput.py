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
    return {"cores": cores, "rows": rows, "bytes": size, "cases": results}


def measure_library(path: Path, repeat: int = 3) -> dict[str, Any]:
    """The same lines through ``Engine.apply`` (display masking), in-process, one core."""
    import pimask

    lines = path.read_bytes().decode("utf-8", "surrogateescape").splitlines()
    size = sum(len(line.encode("utf-8", "surrogateescape")) for line in lines)
    engine = pimask.Engine()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        for line in lines:
            engine.apply(line)
        samples.append(time.perf_counter() - started)
    seconds = statistics.median(samples)
    return {
        "seconds": seconds,
        "rows": len(lines),
        "rows_per_s": len(lines) / seconds,
        "mb_per_s": size / seconds / 1e6,
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
        "| master | case | rows/s | MB/s | rows/s per core | MB/s per core | vs floor |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for run in report["spark"]:
        floor = run["cases"]["arrow floor"]["seconds"]
        for name, case in run["cases"].items():
            lines.append(
                f"| local[{run['cores']}] | {name} | {case['rows_per_s']:,.0f} | "
                f"{case['mb_per_s']:.2f} | {case['rows_per_s_per_core']:,.0f} | "
                f"{case['mb_per_s_per_core']:.2f} | {case['seconds'] / floor:.1f}x |"
            )
    library = report["library"]
    lines.append(
        f"| (no Spark) | library Engine.apply, display | {library['rows_per_s']:,.0f} | "
        f"{library['mb_per_s']:.2f} | {library['rows_per_s']:,.0f} | "
        f"{library['mb_per_s']:.2f} | |"
    )
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
    }
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


def _pyspark_version() -> str:
    import pyspark

    return pyspark.__version__


if __name__ == "__main__":
    sys.exit(main())
