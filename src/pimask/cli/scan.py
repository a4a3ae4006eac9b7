"""``pimask scan``: report findings (entity, line, column, score), never values by default."""

from __future__ import annotations

import argparse
import json
import os
import sys

from pimask.cli.common import (
    NameRedactor,
    add_engine_options,
    check_named_input,
    decode_line,
    engine_from_args,
    open_input,
    text_lines,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="list personal information found in text",
        description=(
            "List findings as FILE:LINE:COLUMN ENTITY score. Values are never printed unless "
            "--show-values is given. Columns are 1-based and count characters."
        ),
    )
    parser.add_argument(
        "files", nargs="*", default=["-"], metavar="FILE", help="input files (default: - for stdin)"
    )
    parser.add_argument("--format", choices=("text", "jsonl"), default="text", help="output format")
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
    engine = engine_from_args(args)
    for name in args.files or ["-"]:
        if name != "-" and os.path.isfile(name):
            check_named_input(name, "scan")  # refused before any finding is printed
    out = sys.stdout
    redactor = NameRedactor(engine)
    for name in args.files or ["-"]:
        # why: a file called 13812345678.log would print the number on every line
        shown = name if args.show_values else redactor.name(name)
        with open_input(name) as stream:
            for line_number, raw in enumerate(text_lines(name, stream, "scan"), start=1):
                line = decode_line(raw)
                for finding in engine.scan(line):
                    out.write(_render(args, shown, line_number, line, finding))
    out.flush()
    return 0


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
