"""``pimask scan``: report findings (entity, line, column, score), never values by default.

Exit codes, like ``check`` and like gitleaks: 0 nothing found, 1 findings reported, 2 usage
or input errors (a missing file; the other files are still scanned). why one contract for
both: scripts and CI jobs test ``$?``; a scan that exits 0 whatever it finds passes them
all. Directories are walked as ``check`` walks them (:mod:`pimask.walk`), skipping binary
files with a note; ``-`` is standard input.

``text`` and ``jsonl`` are written as lines are scanned (pipes see findings at once); ``json``
and ``sarif`` are single documents built from the same file reports as ``check``'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pimask.cli.common import add_engine_options, decode_line, engine_from_args, open_input
from pimask.errors import PimaskError

FORMATS = ("text", "jsonl", "json", "sarif")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="list personal information found in text (exit 1 when any)",
        description=(
            "List findings as FILE:LINE:COLUMN: ENTITY score. Exit 0 when nothing is found, "
            "1 when findings are listed, 2 on errors. Directories are walked (.gitignore, "
            ".pimaskignore and --exclude honoured; binary files skipped with a note); - is "
            "standard input. Values are never printed unless --show-values is given. "
            "Columns are 1-based and count characters."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="files, directories or - for standard input (default: -)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text or jsonl (a line per finding, as found), json or sarif (one document)",
    )
    parser.add_argument(
        "--exclude",
        metavar="GLOB",
        action="append",
        default=[],
        help="skip files matching this gitignore-style pattern in walked directories",
    )
    parser.add_argument(
        "--show-values",
        action="store_true",
        help="include the matched values in the output (they are personal information!)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="include why each finding was reported"
    )
    add_engine_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pimask.walk import expand

    engine = engine_from_args(args)
    out = sys.stdout
    streaming = args.format in ("text", "jsonl")
    fingerprints = _fingerprints() if not streaming else None
    reports: list[Any] = []
    found = errors = skipped = 0
    for target in expand(args.files or ["-"], exclude=args.exclude):
        report = _report(target.path)
        try:
            with open_input(target.path) as stream:
                if not target.explicit and _binary(stream):
                    skipped += 1
                    report.skipped = "binary file"
                    print(f"{target.path}: skipped: binary file", file=sys.stderr)
                    reports.append(report)
                    continue
                for line_number, raw in enumerate(stream, start=1):
                    line = decode_line(raw)
                    for finding in engine.scan(line):
                        found += 1
                        if streaming:
                            out.write(_render(args, target.path, line_number, line, finding))
                        else:
                            hit = _hit(target.path, line_number, line, finding, fingerprints)
                            report.add(hit)
        except PimaskError as exc:
            errors += 1
            report.error = str(exc)
            if streaming:
                print(f"pimask: error: {exc}", file=sys.stderr)
        reports.append(report)
    if not streaming:
        from pimask.cli.check import to_json, to_sarif

        document = (to_json if args.format == "json" else to_sarif)(reports, args.show_values)
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        for report in reports:
            if report.error:
                print(f"pimask: error: {report.error}", file=sys.stderr)
    out.flush()
    if skipped:
        print(f"pimask: {skipped} binary file(s) skipped", file=sys.stderr)
    if errors:
        return 2
    return 1 if found else 0


def _report(name: str) -> Any:
    from pimask.datasets.core import FileReport

    return FileReport(name, "text")


def _binary(stream: Any) -> bool:
    """A NUL in the first 8 KiB, looked at without consuming it (files met in a walk)."""
    from pimask.datasets.encoding import looks_binary

    peek = getattr(stream, "peek", None)
    head = peek(8192)[:8192] if peek is not None else b""
    return looks_binary(head)


def _fingerprints() -> Any:
    """A keyed fingerprinter when a baseline key is at hand (for SARIF), else None."""
    from pathlib import Path

    from pimask.baseline import BASELINE_FILE, Baseline, load_key
    from pimask.errors import ConfigError

    try:
        key, _ = load_key(Path.cwd())
    except ConfigError:
        return None
    return Baseline(Path(BASELINE_FILE), key)


def _hit(name: str, line_number: int, line: str, finding: Any, fingerprints: Any) -> Any:
    from pimask.datasets.core import Hit

    column = finding.start + 1
    hit = Hit(
        file=name,
        entity=finding.entity,
        score=finding.score,
        line=line_number,
        column=column,
        row=None,
        field=None,
        stable_field="",
        length=finding.end - finding.start,
        where=f"{line_number}:{column}",
        value=line[finding.start : finding.end],
    )
    if fingerprints is None:
        return hit
    from dataclasses import replace

    return replace(hit, fingerprint=fingerprints.fingerprint(hit))


def _render(args: argparse.Namespace, name: str, line_number: int, line: str, finding) -> str:
    column = finding.start + 1
    if args.format == "jsonl":
        record = {
            "file": name,
            "line": line_number,
            "column": column,
            "entity": finding.entity,
            "score": round(finding.score, 3),
            "length": finding.end - finding.start,
        }
        if args.show_values:
            record["value"] = line[finding.start : finding.end]
        if args.explain:
            record["explanation"] = finding.explanation.to_dict()
        return json.dumps(record, ensure_ascii=False) + "\n"
    text = f"{name}:{line_number}:{column}: {finding.entity} score={finding.score:.2f}"
    if args.explain:
        e = finding.explanation
        words = ",".join(
            f"{'+' if h.polarity == 'positive' else '-'}{h.word}({h.source})" for h in e.context
        )
        text += f" [{e.recognizer}/{e.pattern} {e.verdict}:{e.reason} base={e.base_score}"
        text += f" context={words or '-'}]"
    if args.show_values:
        text += f" value={line[finding.start : finding.end]!r}"
    return text + "\n"
