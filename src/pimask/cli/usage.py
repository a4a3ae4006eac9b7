"""What ``--help`` shows beyond the options: examples for every command, help topics.

why: a pip user has the command and nothing else; help texts must not send them to files
of this repository. Examples live here, one place for every command, and are attached
to the parsers after they are built, so subcommand modules stay about their options. Each
parser also learns its own name (``_parser``) so that a usage error prints the usage of
the subcommand that was typed, not the top-level one.
"""

from __future__ import annotations

import argparse

EPILOG = """\
examples:
  pimask check exports/                       # refuse personal data in a tree (exit 1)
  tail -f app.log | pimask mask > clean.log   # mask a stream
  pimask scan --format sarif logs/ > pimask.sarif

Exit codes: 0 clean or done, 1 findings (check, scan, verify), 2 usage, configuration or
input error. 'pimask help' lists longer help topics (pre-commit, baselines, streaming, …).
"""

EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "mask": [
        ("tail -f app.log | pimask mask > clean.log", "display masking, line by line"),
        ("pimask mask --policy deidentify -j auto big.log -o clean.log", "keyed, 2+ CPUs"),
        ("pimask mask --format jsonl events.jsonl", "mask string values, keys as context"),
    ],
    "scan": [
        ("pimask scan app.log", "FILE:LINE:COLUMN: ENTITY score=…; exit 1 if any"),
        ("kubectl logs my-pod | pimask scan -", "standard input"),
        ("pimask scan --format sarif logs/ > pimask.sarif", "a tree, for a dashboard"),
    ],
    "check": [
        ("pimask check exports/ events.jsonl", "walk a tree (honours .gitignore)"),
        ("pimask check --fix exports/users.csv", "mask the values in place"),
        ("pimask check --summary --format sarif . > pimask.sarif", "CI: counts + SARIF"),
        ("pimask check --staged", "a plain git pre-commit hook"),
    ],
    "baseline create": [
        ("pimask baseline create exports/fixtures.csv", "accept what is there now"),
        ("git add .pimask-baseline.json .gitignore", "commit the baseline, never the key"),
    ],
    "baseline update": [
        ("pimask baseline update exports/fixtures.csv", "after a reviewed change"),
    ],
    "baseline audit": [
        ("pimask baseline audit", "list accepted findings"),
        ("pimask baseline audit --fail-on-stale exports/", "which are still there"),
    ],
    "verify": [
        ("pimask mask --policy anonymize in.log | pimask verify --policy anonymize", ""),
        ("pimask verify --policy deidentify --format json clean.log", ""),
    ],
    "policy check": [("pimask policy check my-policy.yaml", "exit 2 names file and field")],
    "policy show": [("pimask policy show deidentify", "level, promise and operators")],
    "policy list": [("pimask policy list", "the built-in policies")],
    "recognizers list": [("pimask recognizers list", "ids, entities, scores")],
    "recognizers test": [("pimask recognizers test --recognizers mine.yaml", "run examples")],
    "reveal": [
        ("PIMASK_KEY_FILE=key pimask reveal clean.log", "decrypt <enc:…> tokens"),
        ("pimask reveal --values --entity CN_MOBILE ciphertexts.txt", "bare values"),
    ],
    "help": [
        ("pimask help", "list topics"),
        ("pimask help pre-commit", "pre-commit, CI, baselines and team workflow"),
    ],
}


class HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions as usual, but keeps text with line breaks (examples) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def examples_text(command: str) -> str | None:
    rows = EXAMPLES.get(command)
    if not rows:
        return None
    lines = ["examples:"]
    width = max(len(line) for line, _ in rows)
    for line, comment in rows:
        lines.append(f"  {line:<{width}}  # {comment}".rstrip(" #") if comment else f"  {line}")
    return "\n".join(lines) + "\n"


def attach_examples(parser: argparse.ArgumentParser, path: str = "") -> None:
    """Give every subcommand parser its examples, the formatter and ``_parser``."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            command = f"{path} {name}".strip()
            sub.formatter_class = HelpFormatter
            text = examples_text(command)
            if text and not sub.epilog:
                sub.epilog = text
            sub.set_defaults(_parser=sub)
            attach_examples(sub, command)
