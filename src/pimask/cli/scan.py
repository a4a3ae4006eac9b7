"""``pimask scan``: report findings (entity, line, column, score), never values by default.

Exit codes, like ``check`` and like gitleaks: 0 nothing found, 1 findings reported, 2 usage
or input errors (a missing file; the other files are still scanned). why one contract for
both: scripts and CI jobs test ``$?``; a scan that exits 0 whatever it finds passes them
all. Directories are walked as ``check`` walks them (:mod:`pimask.walk`), skipping binary
and compressed files with a note; ``-`` is standard input.

Files named explicitly and standard input are identified by their first bytes
(:mod:`pimask.inputs`): compressed text is read decompressed; Parquet, archives and binary
data are refused (exit 2) before any finding is printed. File names that hold a value are
shown as ``<ENTITY>`` unless ``--show-values`` is given.

``text`` and ``jsonl`` are written as lines are scanned (pipes see findings at once); ``json``
and ``sarif`` are single documents built from the same file reports as ``check``'s.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from typing import Any

from pimask.cli.common import (
    NameRedactor,
    add_encoding_option,
    add_engine_options,
    check_named_input,
    engine_from_args,
    open_input,
    redact_message,
    stream_encoding,
    text_lines,
)
from pimask.errors import PimaskError
from pimask.linecodec import byte_span, line_readings

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
    add_encoding_option(parser)
    add_engine_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pimask.walk import expand

    engine = engine_from_args(args)
    encoding = stream_encoding(args.encoding)
    targets = list(expand(args.files or ["-"], exclude=args.exclude))
    for target in targets:
        if target.explicit and target.path != "-" and os.path.isfile(target.path):
            check_named_input(target.path, "scan")  # refused before any finding is printed
    out = sys.stdout
    streaming = args.format in ("text", "jsonl")
    fingerprints = _fingerprints() if not streaming else None
    redactor = NameRedactor(engine)
    reports: list[Any] = []
    found = errors = skipped = 0
    for target in targets:
        # why: a file called 13812345678.log would print the number on every line
        shown = target.path if args.show_values else redactor.name(target.path)
        report = _report(target.path)
        try:
            reason = None if target.explicit else _unreadable(target.path)
            if reason is not None:
                skipped += 1
                report.skipped = reason
                print(f"{shown}: skipped: {reason}", file=sys.stderr)
                reports.append(report)
                continue
            with open_input(target.path) as stream:
                lines, line_encoding = wide_lines(text_lines(target.path, stream, "scan"), encoding)
                for line_number, raw in enumerate(lines, start=1):
                    readings = line_readings(raw, line_encoding)
                    seen: list[tuple[int, int]] = []  # bytes reported (two readings only)
                    for line, codec in readings:
                        for finding in engine.scan(line):
                            if len(readings) > 1:
                                lo, hi = byte_span(line, codec, finding.start, finding.end)
                                if any(lo < end and start < hi for start, end in seen):
                                    continue  # the same value, found in the other reading
                                seen.append((lo, hi))
                            found += 1
                            if streaming:
                                out.write(_render(args, shown, line_number, line, finding))
                            else:
                                hit = _hit(target.path, line_number, line, finding, fingerprints)
                                report.add(hit)
        except PimaskError as exc:
            errors += 1
            report.error = str(exc)
            if streaming:
                print(f"pimask: error: {redact_message(str(exc))}", file=sys.stderr)
        reports.append(report)
    if not streaming:
        from pimask.cli.check import to_json, to_sarif

        if not args.show_values:
            # why: SARIF keeps the real artifact path; to_sarif redacts its messages
            for report in reports:
                redactor.report(report, path=args.format != "sarif")
        document = (to_json if args.format == "json" else to_sarif)(reports, args.show_values)
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        for report in reports:
            if report.error:
                print(f"pimask: error: {redact_message(report.error)}", file=sys.stderr)
    out.flush()
    if skipped:
        print(
            f"pimask: {skipped} file(s) skipped (binary or compressed; listed above)",
            file=sys.stderr,
        )
    if errors:
        return 2
    return 1 if found else 0


def wide_lines(stream: Any, encoding: str | None) -> tuple[Any, str | None]:
    """The lines of ``stream`` as bytes, and the encoding to read each with: a UTF-16/32
    stream (its BOM, or ``--encoding``) is transcoded to UTF-8 lines first."""
    from pimask.linecodec import WideReader, wide_codec

    head = stream.peek(8192) if hasattr(stream, "peek") else b""
    codec = wide_codec(head, encoding)
    if codec is None:
        return stream, encoding
    reader = WideReader(codec)

    def lines() -> Any:
        pending = b""
        first = True
        while chunk := stream.read(1 << 16):
            pending += reader.feed(chunk)
            if first and pending:
                # why: the BOM is no character of the text; columns count from after it
                pending = pending.removeprefix(codecs.BOM_UTF8)
                first = False
            *complete, pending = pending.split(b"\n")
            for line in complete:
                yield line + b"\n"
        if pending:
            yield pending

    return lines(), "utf-8"


def _report(name: str) -> Any:
    from pimask.datasets.core import FileReport

    return FileReport(name, "text")


def _unreadable(path: str) -> str | None:
    """Why a file met in a walk is skipped (binary, an archive, compressed), from its
    first bytes; None for text (and for a file that cannot be opened: reading it says so)."""
    from pimask.inputs import skip_reason, sniff_file

    try:
        kind = sniff_file(path)
    except OSError:
        return None
    return None if kind is None else skip_reason(kind)


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
