"""Pieces shared by subcommands: engine options, policies, opening inputs and outputs
losslessly, keeping personal data out of report locations."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from pimask.errors import ConfigError, InputError

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
        "zh_address (ADDRESS); Chinese text only (repeatable)",
    )
    group.add_argument(
        "--ner-backend",
        metavar="NAME",
        choices=("lac", "jieba", "rjieba"),
        default=None,
        help="segmenter of the --enable detectors: lac (default, pimask[zh-lac]), jieba or "
        "rjieba (pimask[zh]); default from $PIMASK_ZH_NER",
    )
    group.add_argument(
        "--no-strong-keys",
        dest="strong_keys",
        action="store_false",
        help="report only values that pass their check, even right after a strong key "
        "(身份证号：, card=): for fixtures full of fake IDs",
    )


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` for the line readers (``mask``, ``scan``), as ``check`` has it."""
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        default=None,
        help="text encoding, e.g. utf-8, gb18030, gbk, utf-16 (default: UTF-8 per line, "
        "GB18030 for Chinese lines that are not UTF-8, UTF-16/32 by their BOM)",
    )


def stream_encoding(name: str | None) -> str | None:
    """The codec ``--encoding`` names, checked: unknown or not ASCII-compatible (EBCDIC,
    UTF-7; UTF-16/32 are transcoded whole) is a usage error."""
    if name is None:
        return None
    import codecs

    from pimask.linecodec import canonical, is_wide

    try:
        codec = canonical(name)
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    if is_wide(codec):
        return codec
    try:
        ascii_compatible = codecs.encode("\n\t 09AZaz:=@.", codec) == b"\n\t 09AZaz:=@."
    except UnicodeError:
        ascii_compatible = False
    if not ascii_compatible or codec == "utf-7":
        raise ConfigError(f"--encoding {name}: not an ASCII-compatible encoding")
    return codec


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
        strong_keys=getattr(args, "strong_keys", True),
        ner_backend=getattr(args, "ner_backend", None),
    )


def load_policy(spec: str | None) -> Any:
    """The policy named by ``--policy`` (None when not given); bad specs raise ConfigError."""
    if spec is None:
        return None
    from pimask.policy import load_policy as load

    return load(spec)


def open_output(path: str) -> BinaryIO:
    """``path`` opened for binary writing; failures are an InputError naming the file."""
    try:
        return open(path, "wb")  # the caller closes it
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None


class NameRedactor:
    """Keeps personal data that sits in a field name (a JSON key, a CSV or Parquet header)
    out of reports: every finding in the name becomes ``<ENTITY>``.

    why: a dataset keyed by phone number (``{"13912345678": …}``) would otherwise print
    the number in every location, without ``--show-values``. Applied to what is shown
    only: baseline fingerprints are computed from the hits before redaction, so they do
    not depend on ``--show-values``. Names are scanned at score 0 with the built-in
    recognizers (``--entities`` or a policy may narrow the check's engine, not what is
    hidden) and then with the check's engine (its custom recognizers).
    """

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._seen: dict[str, str] = {}

    def name(self, text: str) -> str:
        shown = self._seen.get(text)
        if shown is None:
            from pimask import default_engine
            from pimask.engine import splice

            shown = text
            engines = [default_engine()] + ([self._engine] if self._engine is not None else [])
            for engine in engines:
                findings = engine.scan(shown, min_score=0.0)
                shown = splice(shown, findings, lambda finding, _: f"<{finding.entity}>")
            self._seen[text] = shown
        return shown

    def hit(self, hit: Any) -> Any:
        """``hit`` with its field, stable field and location redacted (value untouched)."""
        if hit.field is None:
            return hit  # text lines: the location is numbers only
        field = self.name(hit.field)
        if field == hit.field and self.name(hit.stable_field) == hit.stable_field:
            return hit
        return replace(
            hit,
            field=field,
            stable_field=self.name(hit.stable_field),
            where=hit.where.replace(hit.field, field),
        )

    def report(self, report: Any, *, path: bool = True) -> None:
        """Redact every hit, note and error of a check report in place; with ``path``, the
        file name too (text and JSON reports; SARIF keeps the real artifact path, which
        code-scanning tools need to annotate the file they already hold)."""
        report.hits = [self.hit(hit) for hit in report.hits]
        report.notes = [self.name(note) for note in report.notes]
        if report.error:
            report.error = self.name(report.error)
        if path:
            shown = self.name(report.file)
            if shown != report.file:
                report.file = shown
                report.hits = [replace(hit, file=shown) for hit in report.hits]


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


def redact_message(message: str) -> str:
    """``message`` with every finding shown as ``<ENTITY>`` (a file named after a phone
    number, say); the message itself if scanning it fails. For errors and warnings,
    which are never allowed to hold a personal value."""
    try:
        return NameRedactor(None).name(message)
    except Exception:  # why: an error message must get out even if the engine cannot load
        return message


def stdout_buffer() -> BinaryIO:
    """Binary standard output; closed stdout (``>&-``) is an InputError, not a traceback."""
    if sys.stdout is None:
        raise InputError("standard output is closed; redirect it or use -o FILE")
    return sys.stdout.buffer


def check_named_input(name: str, command: str) -> None:
    """A named regular file must be text or text compressed in a way pimask reads.

    Raises InputError (exit 2) naming the file and what it is (Parquet, zip, SQLite,
    binary data), and ConfigError for zstd without the ``zstandard`` package, before any
    output is written.
    """
    from pimask.inputs import COMPRESSED, ZSTD, refusal, sniff_file, zstd_reader

    try:
        kind = sniff_file(name)
    except OSError as exc:
        raise InputError(f"{name}: cannot open ({exc.strerror})") from None
    if kind is None:
        return
    if kind.family != COMPRESSED:
        raise refusal(name, kind, command)
    if kind is ZSTD:
        import io

        zstd_reader(io.BytesIO())  # raises the install hint when zstandard is missing


def note_decompressed(name: str, layers: tuple) -> None:
    """Say on stderr that an input was read decompressed (its output is plain text)."""
    shown = "standard input" if name == "-" else redact_message(name)
    kinds = " + ".join(kind.name for kind in layers)
    print(f"pimask: note: {shown}: {kinds} input, read decompressed", file=sys.stderr)


def text_lines(name: str, stream: BinaryIO, command: str) -> BinaryIO:
    """The text of ``stream`` (iterate it for lines): decompressed when compressed,
    refused (InputError naming ``name``) when it is a dataset, an archive or binary.

    why: reading gzip'd bytes as lines finds nothing, which reads as "clean".
    """
    import functools
    import io

    from pimask.inputs import Prefixed, open_text
    from pimask.stream import ChunkReader

    reader = ChunkReader(stream, 64 * 1024)
    read = functools.partial(_read_chunk, reader, name)
    opened = open_text(name, read, command)
    if opened.text is not None:
        note_decompressed(name, opened.layers)
        return opened.text
    return io.BufferedReader(Prefixed(opened.head, read))


def _read_chunk(reader: Any, name: str) -> bytes:
    try:
        return reader.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
