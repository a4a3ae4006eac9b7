"""Pieces shared by subcommands: engine options, opening inputs losslessly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pimask.errors import InputError

# why: surrogateescape maps every undecodable byte to a lone surrogate and back, so text
# that is not valid UTF-8 passes through a decode/encode round trip byte for byte.
ENCODING = "utf-8"
ERRORS = "surrogateescape"


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("detection")
    group.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="X",
        help="report findings scoring at least X (0-1, default 0.5)",
    )
    group.add_argument(
        "--entities",
        metavar="A,B",
        default=None,
        help="only these entity types, e.g. CN_MOBILE,CN_RESIDENT_ID",
    )
    group.add_argument(
        "--recognizers",
        metavar="FILE",
        action="append",
        default=[],
        help="extra recognizer YAML file (extends the built-ins; repeatable)",
    )
    group.add_argument(
        "--disable",
        metavar="ID",
        action="append",
        default=[],
        help="switch off a recognizer by id (repeatable)",
    )
    group.add_argument(
        "--enable",
        metavar="ID",
        action="append",
        default=[],
        help="switch on a model-based recognizer, off by default: zh_person (PERSON), "
        "zh_address (ADDRESS); jieba, Chinese text only (repeatable)",
    )


def engine_from_args(args: argparse.Namespace):  # -> pimask.Engine (import kept lazy)
    from pimask.engine import DEFAULT_MIN_SCORE, Engine

    entities = None
    if args.entities:
        entities = [name.strip() for name in args.entities.split(",") if name.strip()]
    return Engine(
        recognizer_files=args.recognizers,
        disabled=args.disable,
        entities=entities,
        min_score=DEFAULT_MIN_SCORE if args.min_score is None else args.min_score,
        enable=getattr(args, "enable", ()),
    )


@contextmanager
def open_input(name: str) -> Iterator[BinaryIO]:
    """A binary stream for ``name`` (``-`` is stdin); errors name the file, not content."""
    if name == "-":
        yield sys.stdin.buffer
        return
    path = Path(name)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot open ({exc.strerror})") from None
    with handle:
        yield handle


def decode_line(raw: bytes) -> str:
    return raw.decode(ENCODING, ERRORS)


def encode_line(text: str) -> bytes:
    return text.encode(ENCODING, ERRORS)
