"""``pimask check``: the pre-commit and CI entry point for datasets, logs and text.

Exit codes: 0 clean, 1 forbidden findings remain, 2 usage/config error or a file that could
not be read (undecodable, malformed, larger than ``--max-bytes``). Output names the file,
where (line, or row and column name, or key path) and the entity; values only with
``--show-values``. ``--fix`` rewrites files in place with the policy (see
docs/pre-commit.md); files are never modified without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from pimask.cli.common import NameRedactor, add_engine_options, engine_from_args, load_policy
from pimask.errors import ConfigError

# why: literal copies so `pimask --help` does not import the engine (a test keeps them equal)
FORMATS = ("text", "csv", "tsv", "json", "jsonl", "parquet")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check files (text, CSV/TSV, JSON/JSONL, Parquet) for personal information",
        description=(
            "Exit 1 when a file holds personal information the policy forbids, 0 when clean, "
            "2 on usage errors or unreadable files. Values are never printed unless "
            "--show-values is given. Findings accepted by the baseline or an inline "
            "'pimask: allow' pragma do not count."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    add_check_options(parser)
    parser.add_argument(
        "--fix",
        action="store_true",
        help="rewrite files in place with the policy (atomic; format, quoting, encoding and "
        "line endings kept); exit 1 if anything forbidden remains",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default="text",
        help="report format (default: text)",
    )
    parser.add_argument(
        "--show-values",
        action="store_true",
        help="include the matched values in the report (they are personal information!)",
    )
    parser.set_defaults(handler=run)


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``check`` and ``baseline``: policy, reading, baseline location."""
    parser.add_argument(
        "--policy",
        metavar="P",
        default=None,
        help="policy whose entities are forbidden: display, deidentify, anonymize, delete or "
        "a YAML file (default: every entity is forbidden; --fix uses display masking)",
    )
    reading = parser.add_argument_group("reading files")
    reading.add_argument(
        "--encoding",
        metavar="ENC",
        default=None,
        help="text encoding, e.g. utf-8, gb18030, gbk (default: detect UTF-8, UTF-8 with "
        "BOM, GB18030)",
    )
    reading.add_argument(
        "--as",
        dest="as_format",
        choices=FORMATS,
        default=None,
        help="read every file as this format (default: from the extension; others are text)",
    )
    reading.add_argument(
        "--delimiter",
        metavar="C",
        default=None,
        help="CSV delimiter, one character; '\\t' or 'tab' for tab (default: sniffed)",
    )
    reading.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        default=DEFAULT_MAX_BYTES,
        help=f"refuse files larger than N bytes (exit 2; default {DEFAULT_MAX_BYTES}, 0: no limit)",
    )
    base = parser.add_argument_group("baseline")
    base.add_argument(
        "--baseline",
        metavar="FILE",
        default=None,
        help="baseline of accepted findings (default: .pimask-baseline.json if it exists)",
    )
    base.add_argument(
        "--no-baseline", action="store_true", help="ignore the baseline, report everything"
    )
    add_engine_options(parser)


def build_options(args: argparse.Namespace, *, fix: bool, accepted: Any = None):
    """CheckOptions from the command line: engine, policy coverage, reading options."""
    from pimask.datasets.core import CheckOptions

    if args.max_bytes < 0:
        raise ConfigError("--max-bytes must be 0 (no limit) or positive")
    engine = engine_from_args(args)
    policy = load_policy(args.policy)
    options = CheckOptions(
        engine=engine,
        policy=policy,
        encoding=args.encoding,
        as_format=args.as_format,
        delimiter={"\\t": "\t", "tab": "\t"}.get(args.delimiter, args.delimiter),
        max_bytes=args.max_bytes,
        accepted=accepted,
        fix=fix,
    )
    if policy is not None:
        _bind_policy(options, policy, fix=fix)
    return options


def _bind_policy(options: Any, policy: Any, *, fix: bool) -> None:
    """Forbidden = covered by the policy and not on its allowlist, at its minimum score.

    Checking needs no secret key even for a keyed policy (only --fix writes tokens), so
    without --fix the policy is bound scan-only, as ``pimask verify`` does: no operators,
    no key, and the policy's own tokens are recognised by shape whatever their key id.
    """
    if fix or not getattr(policy, "needs_key", False):
        compiled = options.engine.compiled_policy(policy)
    else:
        from pimask.policy import CompiledPolicy

        compiled = CompiledPolicy(policy, options.engine, build_operators=False)
    options.engine = compiled.engine  # a policy may add or disable recognizers
    options.covered = compiled.covered
    options.min_score = compiled.min_score
    options.allowlisted = compiled.allowed
    options.own_token = compiled.own_output


def baseline_path(args: argparse.Namespace) -> Path | None:
    from pimask.baseline import BASELINE_FILE

    if getattr(args, "no_baseline", False):
        return None
    if args.baseline is not None:
        path = Path(args.baseline)
        if not path.exists():
            raise ConfigError(f"{path}: baseline file not found")
        return path
    default = Path(BASELINE_FILE)
    return default if default.exists() else None


def run(args: argparse.Namespace) -> int:
    from pimask.baseline import Baseline, load_key
    from pimask.datasets.checker import check_file

    accepted = None
    path = baseline_path(args)
    if path is not None:
        key, _ = load_key(path.resolve().parent)
        accepted = Baseline.load(path, key).accepts
    options = build_options(args, fix=args.fix, accepted=accepted)
    guard = None
    if args.fix:
        from pimask.stream import SignalGuard

        # why: SIGTERM as an exception, so the temporary file of a fix is removed
        guard = SignalGuard()
        guard.install()
    try:
        reports = [check_file(name, options) for name in args.files]
    finally:
        if guard is not None:
            guard.restore()
    if not args.show_values:
        redactor = NameRedactor(options.engine)
        for report in reports:
            redactor.report(report, path=args.format != "sarif")
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(to_json(reports, args.show_values), ensure_ascii=False, indent=2))
        out.write("\n")
    elif args.format == "sarif":
        out.write(json.dumps(to_sarif(reports, args.show_values), ensure_ascii=False, indent=2))
        out.write("\n")
    else:
        write_text(reports, args, out)
    out.flush()
    if any(report.error for report in reports):
        return 2
    if any(report.forbidden for report in reports):
        return 1
    return 0


def write_text(reports: list, args: argparse.Namespace, out: TextIO) -> None:
    counts: Counter[str] = Counter()
    failing_files = 0
    for report in reports:
        if report.error:
            print(f"pimask: error: {report.error}", file=sys.stderr)
        if report.fixed or report.dropped:
            done = []
            if report.fixed:
                done.append(f"fixed {report.fixed} value{'s' if report.fixed != 1 else ''}")
            if report.dropped:
                done.append(f"removed {report.dropped} record{'s' if report.dropped != 1 else ''}")
            out.write(f"{report.file}: {', '.join(done)}\n")
        if report.skipped:
            out.write(f"{report.file}: not checked: {report.skipped}\n")
        for note in report.notes:
            out.write(f"{report.file}: note: {note}\n")
        for hit in report.hits:
            counts[hit.status] += 1
            if hit.status != "forbidden":
                continue
            separator = ":" if hit.where[0].isdigit() else ": "
            line = f"{report.file}{separator}{hit.where}: {hit.entity} (score {hit.score:.2f})"
            if args.show_values:
                line += f" value={hit.value!r}"
            out.write(line + "\n")
        if report.forbidden:
            failing_files += 1
            if report.format in ("csv", "tsv", "parquet", "json", "jsonl"):
                label = "column" if report.format in ("csv", "tsv", "parquet") else "key"
                for (field, entity), count in sorted(report.column_summary().items()):
                    out.write(f"{report.file}: {label} {field}: {count} {entity}\n")
    accepted = []
    if counts["baseline"]:
        accepted.append(f"{counts['baseline']} accepted by the baseline")
    if counts["pragma"]:
        accepted.append(f"{counts['pragma']} by 'pimask: allow'")
    suffix = f" ({', '.join(accepted)})" if accepted else ""
    if counts["forbidden"]:
        plural = "s" if counts["forbidden"] != 1 else ""
        out.write(
            f"pimask: {counts['forbidden']} forbidden finding{plural} in {failing_files} "
            f"file{'s' if failing_files != 1 else ''}{suffix}\n"
        )
        if not args.fix:
            out.write(
                "pimask: fix with 'pimask check --fix FILE…' or, after review, accept with "
                "'pimask baseline update FILE…'\n"
            )


def _file_dict(report: Any) -> dict[str, Any]:
    return {
        "file": report.file,
        "format": report.format,
        "encoding": report.encoding,
        "error": report.error,
        "skipped": report.skipped,
        "fixed": report.fixed,
        "dropped": report.dropped,
        "notes": report.notes,
        "forbidden": len(report.forbidden),
        "fields": [
            {"field": field, "entity": entity, "count": count}
            for (field, entity), count in sorted(report.column_summary().items())
        ],
    }


def to_json(reports: list, show_values: bool) -> dict[str, Any]:
    from pimask import __version__

    hits = [hit for report in reports for hit in report.hits]
    statuses = Counter(hit.status for hit in hits)
    return {
        "tool": "pimask",
        "version": __version__,
        "summary": {
            "forbidden": statuses["forbidden"],
            "baseline": statuses["baseline"],
            "pragma": statuses["pragma"],
            "errors": sum(1 for r in reports if r.error),
            "files": len(reports),
        },
        "files": [_file_dict(report) for report in reports],
        "findings": [hit.to_dict(show_values=show_values) for hit in hits],
    }


def to_sarif(reports: list, show_values: bool) -> dict[str, Any]:
    """SARIF 2.1.0, for code scanning dashboards; accepted findings carry a suppression."""
    from pimask import __version__

    hits = [hit for report in reports for hit in report.hits]
    rules = sorted({hit.entity for hit in hits})
    results = []
    for hit in hits:
        region: dict[str, Any] = {}
        if hit.line:
            region["startLine"] = hit.line
        if hit.column:
            region["startColumn"] = hit.column
            region["endColumn"] = hit.column + hit.length
        location: dict[str, Any] = {"artifactLocation": {"uri": Path(hit.file).as_posix()}}
        if region:
            location["region"] = region
        where = hit.where
        if hit.field is None and hit.column is not None:
            where = f"line {hit.line}, column {hit.column}"
        message = f"{hit.entity} at {where}"
        if show_values:
            message += f": {hit.value}"
        result: dict[str, Any] = {
            "ruleId": hit.entity,
            "ruleIndex": rules.index(hit.entity),
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": location}],
            "properties": {"score": round(hit.score, 3), "row": hit.row, "field": hit.field},
        }
        if hit.status != "forbidden":
            result["suppressions"] = [
                {"kind": "inSource" if hit.status == "pragma" else "external"}
            ]
        results.append(result)
    notifications = [
        {"level": "error", "message": {"text": report.error}} for report in reports if report.error
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pimask",
                        "version": __version__,
                        "rules": [
                            {"id": entity, "shortDescription": {"text": f"{entity} found"}}
                            for entity in rules
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }
