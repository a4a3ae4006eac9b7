"""``pimask verify --policy P FILE…``: rescan protected output and prove the promise held.

Exit 0 when no covered value remains (and, for ``anonymize``, no token links records),
1 when something does, 2 on a usage or policy error. The report names lines and entities,
never values.
"""

from __future__ import annotations

import argparse
import json
import os
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="rescan protected output for values the policy should have removed",
        description=(
            "Rescan output written under a policy. Reports every remaining value of a covered "
            "entity and, for anonymize policies, every token that links records (pseudonyms, "
            "ciphertexts, repeated hash-like strings). Exit 1 when anything is reported."
        ),
    )
    parser.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="default: stdin")
    parser.add_argument(
        "--policy", required=True, metavar="P", help="built-in name or policy file the output obeys"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--linking",
        choices=("auto", "on", "off"),
        default="auto",
        help="check for linking tokens (auto: only for anonymize policies)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pimask.cli.common import check_named_input, decode_line, open_input, text_lines
    from pimask.engine import Engine
    from pimask.policy import load_policy
    from pimask.verify import verify_lines

    policy = load_policy(args.policy)
    engine = Engine()
    linking = {"auto": None, "on": True, "off": False}[args.linking]
    reports = []
    for name in args.files or ["-"]:
        if name != "-" and os.path.isfile(name):
            check_named_input(name, "verify")  # refused before any report is printed
    for name in args.files or ["-"]:
        with open_input(name) as stream:
            text = text_lines(name, stream, "verify")
            lines = (decode_line(raw).rstrip("\r\n") for raw in text)
            reports.append((name, verify_lines(lines, policy, engine, check_linking=linking)))
    failed = any(not report.ok for _, report in reports)
    if args.format == "json":
        data = [{"file": name, **report.to_dict()} for name, report in reports]
        json.dump(data if len(data) > 1 else data[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 1 if failed else 0
    for name, report in reports:
        for item in report.remaining:
            print(
                f"{name}:{item.line}:{item.start + 1}: {item.entity} remains "
                f"(score {item.score:.2f}, covered by policy {report.policy})"
            )
        for token in report.linking:
            where = ",".join(str(n) for n in token.lines)
            what = token.entity or "unknown entity"
            key = f", key {token.key_id}" if token.key_id else ""
            print(
                f"{name}:{where}: linking {token.kind} token ({what}{key}) "
                f"occurs {token.count} times"
            )
        for entity in report.unchecked:
            print(f"{name}: not checked: {entity} (bare ciphertext looks like the original)")
        verdict = "ok" if report.ok else "FAILED"
        print(
            f"{name}: {verdict}: {report.records} records, {len(report.remaining)} remaining "
            f"values, {len(report.linking)} linking tokens (policy {report.policy}, "
            f"level {report.level})"
        )
    return 1 if failed else 0
