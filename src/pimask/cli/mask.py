"""``pimask mask``: the streaming filter (stdin → stdout by default), line by line.

Lossless for everything that is not masked: undecodable bytes, CR/LF and a missing final
newline come out as they went in.
"""

from __future__ import annotations

import argparse
import sys

from pimask.cli.common import (
    add_engine_options,
    decode_line,
    encode_line,
    engine_from_args,
    open_input,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mask",
        help="mask personal information in text (stdin → stdout)",
        description="Mask personal information line by line with the default display masking.",
    )
    parser.add_argument(
        "files", nargs="*", default=["-"], metavar="FILE", help="input files (default: - for stdin)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", default="-", help="write here instead of stdout"
    )
    add_engine_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    engine = engine_from_args(args)
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")  # noqa: SIM115
    interactive = out.isatty() if hasattr(out, "isatty") else False
    try:
        for name in args.files or ["-"]:
            with open_input(name) as stream:
                for raw in stream:
                    out.write(encode_line(engine.mask(decode_line(raw))))
                    if interactive:
                        out.flush()
        out.flush()
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    return 0
