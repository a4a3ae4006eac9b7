"""The ``pimask`` command: one tool, a subcommand per job.

Each subcommand lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``handler``. Heavy imports happen inside handlers so ``pimask --help``
and a plain ``pimask mask`` start fast.

Exit codes (DESIGN §5): 0 done / clean, 1 findings (``check``), 2 usage or config error.
Errors name files and line numbers, never the personal information itself.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence

from pimask import __version__
from pimask.errors import PimaskError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

# Modules that contribute subcommands, in help order.
SUBCOMMAND_MODULES = (
    "pimask.cli.mask",
    "pimask.cli.scan",
    "pimask.cli.recognizers",
    "pimask.cli.check",
    "pimask.cli.baseline",
    "pimask.cli.policy",
    "pimask.cli.verify",
    "pimask.cli.reveal",
    "pimask.cli.help",
)


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already; keep its message, add nothing."""


def build_parser() -> argparse.ArgumentParser:
    import importlib

    from pimask.cli.usage import EPILOG, HelpFormatter, attach_examples

    parser = _Parser(
        prog="pimask",
        description=(
            "Find personal information (Chinese resident IDs, mobiles, bank cards, IMEI, "
            "MAC, email, IP) in logs, tickets and datasets, and mask it."
        ),
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"pimask {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module_name in SUBCOMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    attach_examples(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # why: unknown options are only noticed by the top-level parser, which would print its
    # own usage; the subcommand's usage (attached as _parser) is the one that helps
    args, extra = parser.parse_known_args(argv)
    if extra:
        owner = getattr(args, "_parser", parser)
        owner.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(args.handler(args) or EXIT_OK)
    except PimaskError as exc:
        print(f"pimask: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # why: `pimask mask big.log | head` must end quietly, like cat does.
        _silence_broken_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 128 + signal.SIGINT


def _silence_broken_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
