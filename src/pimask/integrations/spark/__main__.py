"""Batch entry point: ``python -m pimask.integrations.spark`` (or via ``spark-submit``).

Reads a Parquet, CSV or JSON Lines dataset, rewrites string columns with a policy and
writes the result in the same format; ``--scan`` prints a findings summary instead (JSON
Lines: column, entity, count, rows, example_row_ids — never a value). Under
``spark-submit`` the session comes from spark-submit's options; run with plain ``python``
it starts a local session (``--master``, default ``local[*]``).

Exit codes as for ``pimask``: 0 done, 2 usage, config or input error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pimask.cli.common import add_engine_options
from pimask.errors import ConfigError, InputError, PimaskError

FORMATS = ("parquet", "csv", "json")
_SUFFIXES = {".parquet": "parquet", ".csv": "csv", ".json": "json", ".jsonl": "json"}
_SUFFIXES[".ndjson"] = "json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pimask.integrations.spark",
        description=(
            "Mask string columns of a Parquet/CSV/JSON dataset with Spark "
            "(same output as the pimask library for the same policy and key)."
        ),
    )
    parser.add_argument("--input", required=True, metavar="PATH", help="file or directory")
    parser.add_argument(
        "--output", metavar="PATH", help="directory to write (same format as the input)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="input/output format (default: from --input suffix)"
    )
    parser.add_argument(
        "--policy",
        default=None,
        metavar="NAME|FILE",
        help="display, deidentify, anonymize, delete or a policy YAML (default: display masks)",
    )
    parser.add_argument(
        "--columns", metavar="A,B", help="string columns to rewrite (default: all string columns)"
    )
    parser.add_argument(
        "--keys",
        choices=("driver", "executor"),
        default="driver",
        help="where keyed operators get PIMASK_KEY/PIMASK_KEY_FILE: loaded on the driver and "
        "broadcast (default), or read by each executor from its own environment",
    )
    parser.add_argument(
        "--on-drop",
        choices=("null", "row"),
        default="null",
        help="when the policy drops a value: null the field (default) or remove the row",
    )
    parser.add_argument(
        "--column-context",
        action="store_true",
        help="read each column's name as context for its values (as pimask check --fix does)",
    )
    parser.add_argument(
        "--mode",
        choices=("errorifexists", "overwrite"),
        default="errorifexists",
        help="if --output exists: fail (default) or replace it",
    )
    parser.add_argument(
        "--scan",
        action="store_true",
        help="print a findings summary (JSON Lines) instead of writing --output",
    )
    parser.add_argument(
        "--id-column", metavar="NAME", help="with --scan: report row ids from this column"
    )
    parser.add_argument(
        "--master", default=None, help="Spark master when not run by spark-submit (local[*])"
    )
    add_engine_options(parser)
    return parser


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.input.rstrip("/")).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    raise ConfigError(
        f"--input {args.input}: cannot tell the format from its name; pass --format "
        f"({', '.join(FORMATS)})"
    )


def _engine_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.min_score is not None:
        options["min_score"] = args.min_score
    if args.entities:
        options["entities"] = [name.strip() for name in args.entities.split(",") if name.strip()]
    if args.recognizers:
        options["recognizer_files"] = args.recognizers
    if args.disable:
        options["disabled"] = args.disable
    if getattr(args, "enable", None):
        options["enable"] = args.enable
    return options


def _session(master: str | None) -> Any:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("pimask")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # why: plain `python -m`: run Python workers with this interpreter (which has
        # pimask), in local mode unless told otherwise. spark-submit decides both itself.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(master or "local[*]")
    elif master:
        builder = builder.master(master)
    return builder.getOrCreate()


def _reader(spark: Any, fmt: str) -> Any:
    reader = spark.read.format(fmt)
    if fmt == "csv":
        # why: every CSV field stays a string (no type guessing), quotes doubled as RFC 4180.
        reader = reader.option("header", "true").option("escape", '"')
    return reader


def run(args: argparse.Namespace) -> int:
    from pimask.integrations.spark import _require_pyspark, mask_columns, scan_columns

    _require_pyspark()
    from pyspark.errors import AnalysisException

    fmt = _format(args)
    if not args.scan and not args.output:
        raise ConfigError("--output is required (or --scan for a findings summary)")
    columns = None
    if args.columns:
        columns = [name.strip() for name in args.columns.split(",") if name.strip()]
    spark = _session(args.master)
    try:
        df = _reader(spark, fmt).load(args.input)
    except AnalysisException as exc:
        reason = _first_line(exc)
        raise InputError(f"--input {args.input}: cannot read as {fmt} ({reason})") from None
    options = _engine_options(args)
    if args.scan:
        summary = scan_columns(
            df,
            columns,
            id_column=args.id_column,
            column_context=args.column_context,
            engine_options=options,
        )
        for row in summary.toLocalIterator():
            print(json.dumps(row.asDict(), ensure_ascii=False, default=str))
        return 0
    masked = mask_columns(
        df,
        columns,
        args.policy,
        keys=args.keys,
        on_drop=args.on_drop,
        column_context=args.column_context,
        engine_options=options,
    )
    writer = masked.write.mode(args.mode).format(fmt)
    if fmt == "csv":
        writer = writer.option("header", "true").option("escape", '"')
    try:
        writer.save(args.output)
    except AnalysisException as exc:
        raise InputError(f"--output {args.output}: {_first_line(exc)}") from None
    return 0


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except PimaskError as exc:
        print(f"pimask: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
