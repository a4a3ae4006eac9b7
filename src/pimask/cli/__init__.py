"""The ``pimask`` command: one tool, a subcommand per job.

Each subcommand lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``handler``. Heavy imports happen inside handlers so ``pimask --help``
and a plain ``pimask mask`` start fast.

Exit codes (DESIGN §5): 0 done / clean, 1 findings (``check``), 2 usage or config error.
Errors name files and line numbers, never the personal information itself.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import warnings
from collections.abc import Sequence

from pimask import __version__
from pimask.errors import PimaskError
from pimask.stream import Terminated

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


def _show_warning(message: Warning | str, *args: object, **kwargs: object) -> None:
    """Warnings (a weak key, a key file others can read) as ``pimask: warning: …``."""
    print(f"pimask: warning: {_redacted(str(message))}", file=sys.stderr)


def _redacted(message: str) -> str:
    """Messages name files, and a file name can hold a value (``13812345678.csv``)."""
    from pimask.cli.common import redact_message

    return redact_message(message)


def main(argv: Sequence[str] | None = None) -> int:
    warnings.showwarning = _show_warning  # type: ignore[assignment]
    parser = build_parser()
    # why: unknown options are only noticed by the top-level parser, which would print its
    # own usage; the subcommand's usage (attached as _parser) is the one that helps
    args, extra = parser.parse_known_args(argv)
    if extra:
        owner = getattr(args, "_parser", parser)
        owner.error(f"unrecognized arguments: {' '.join(extra)}")
    if sys.stdout is None and getattr(args, "output", "-") == "-":
        # why: with fd 1 closed (`>&-`) the first file opened would get fd 1
        print("pimask: error: standard output is closed; redirect it", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args) or EXIT_OK)
    except PimaskError as exc:
        print(f"pimask: error: {_redacted(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # why: `pimask mask big.log | head` must end quietly, like cat does.
        _silence_broken_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except Terminated:
        return 128 + signal.SIGTERM
    except OSError as exc:
        # why: a full disk, a closed or failing output, an I/O error on an input: say so
        # and exit 2, never a traceback (and never exit 0 with output missing).
        print(f"pimask: error: {_redacted(describe_os_error(exc))}", file=sys.stderr)
        _silence_broken_stdout()
        return EXIT_USAGE
    except MemoryError:
        print("pimask: error: out of memory", file=sys.stderr)
        return EXIT_USAGE


def describe_os_error(exc: OSError) -> str:
    """``exc`` in words that name a file (if any) and the reason, never content."""
    reason = exc.strerror or type(exc).__name__
    if exc.filename is not None:
        return f"{exc.filename}: {reason}"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"cannot write output ({reason})"
    return f"I/O error ({reason})"


def _silence_broken_stdout() -> None:
    """Point stdout at /dev/null so the flush at interpreter exit cannot fail again."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
