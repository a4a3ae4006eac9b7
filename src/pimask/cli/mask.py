"""``pimask mask``: the streaming filter for log pipelines (stdin → stdout by default).

Lossless for everything that is not masked, live when the input is idle or
``--line-buffered``, parallel with ``-j`` (order preserved), bounded memory on endless input
and on overlong lines. The work itself lives in :mod:`pimask.stream`; this module only wires
options, files, signals, ``--stats`` and the progress bar. See docs/streaming.md.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import signal
import stat
import sys
import time
from typing import Any

from pimask.cli.common import (
    add_encoding_option,
    add_engine_options,
    check_named_input,
    engine_from_args,
    note_decompressed,
    open_input,
    stdout_buffer,
    stream_encoding,
)
from pimask.errors import ConfigError, InputError
from pimask.inputs import open_text
from pimask.linecodec import WideReader, WideWriter, is_wide, wide_codec

PIPE_READ = 64 * 1024
# Input silent this long counts as idle: flush everything (a followed log, a terminal).
IDLE_GRACE = 0.02
# Input never idle (a steady trickle): still write finished lines at least this often.
PUSH_EVERY = 0.2
FILE_READ = 256 * 1024  # one batch: a broken pipe is noticed within a batch


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mask",
        help="mask personal information in text or JSON lines (stdin → stdout)",
        description=(
            "Mask personal information line by line. Bytes outside masked spans are copied "
            "unchanged (invalid UTF-8, NUL, CR/LF, a missing final newline). Lines end at \\n; "
            "\\r is line content. 'pimask help streaming' states the exact guarantees."
        ),
    )
    parser.add_argument(
        "files", nargs="*", default=["-"], metavar="FILE", help="input files (default: - for stdin)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", default="-", help="write here instead of stdout"
    )
    parser.add_argument(
        "--policy",
        metavar="P",
        default=None,
        help="policy: display, deidentify, anonymize, delete or a YAML policy file "
        "(default: display masking)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="jsonl: mask string values inside each JSON object, keys as context; "
        "lines that are not JSON take the text path",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        default="1",
        help="worker processes, a number or 'auto' (one per CPU); output order is kept",
    )
    parser.add_argument(
        "--line-buffered",
        action="store_true",
        help="write and flush every line as soon as it is read (automatic when idle)",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="print counts per entity and operator, bytes and MB/s to stderr at the end",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (shown only for named files when stderr is a terminal)",
    )
    add_encoding_option(parser)
    add_engine_options(parser)
    parser.set_defaults(handler=run)


def build_transformer(options: dict[str, Any], policy: Any, fmt: str):
    """Picklable factory: each worker process builds its engine once from the options."""
    from pimask.stream import Transformer

    engine = engine_from_args(argparse.Namespace(**options))
    if policy is not None:
        engine.apply("", policy)  # why: compile it now, so a missing key is a usage error
    encoding = options.get("encoding")
    # why: a UTF-16/32 stream reaches the lines already transcoded to UTF-8
    if encoding is not None and is_wide(encoding):
        encoding = "utf-8"
    return Transformer(engine, policy, fmt, encoding)


def load_policy(spec: str | None) -> Any:
    if spec is None:
        return None
    try:
        from pimask.policy import load_policy as load
    except ImportError:
        raise ConfigError("--policy needs the policy system (pimask.policy)") from None
    return load(spec)


def run(args: argparse.Namespace) -> int:
    from pimask.stream import (
        ChunkReader,
        SignalGuard,
        Stats,
        StreamMasker,
        Terminated,
        resolve_jobs,
    )

    try:
        jobs = resolve_jobs(args.jobs)
    except Exception as exc:
        raise ConfigError(str(exc)) from None
    policy = load_policy(args.policy)
    args.encoding = stream_encoding(args.encoding)
    # why: every option travels, so engine options added to cli.common reach the workers
    options = {name: value for name, value in vars(args).items() if name != "handler"}
    factory = functools.partial(build_transformer, options, policy, args.format)
    transformer = factory()  # why: config errors surface here, before any worker starts
    _refuse_overwrite(args.files, args.output)
    _check_inputs(args.files)

    out = stdout_buffer() if args.output == "-" else _open_output(args.output)
    stats = Stats()
    live = args.line_buffered or _isatty(out)
    progress = _progress(args)
    guard = SignalGuard()
    guard.install()
    masker = StreamMasker(
        factory,
        out,
        jobs=jobs,
        stats=stats,
        transformer=transformer,
        guard=guard,
    )
    try:
        for name in args.files or ["-"]:
            with open_input(name) as stream:
                reader = ChunkReader(stream, _read_size(stream))
                # why: a compressed or binary input would pass through unexamined
                opened = open_text(name, functools.partial(_read, reader, name), "mask")
                if opened.text is not None:
                    note_decompressed(name, opened.layers)
                    reader = ChunkReader(opened.text, FILE_READ)
                masker.begin(name)
                pushed = time.monotonic()
                data = opened.head or _read(reader, name)
                wide = _wide(masker, data, args.encoding, out)
                while data:
                    masker.feed(data if wide is None else wide.feed(data))
                    if progress is not None:
                        progress.update(len(data))
                    if live or reader.idle(IDLE_GRACE):
                        masker.flush()  # write everything, waiting for the workers
                        pushed = time.monotonic()
                    elif time.monotonic() - pushed > PUSH_EVERY:
                        masker.push()  # a steady trickle: write what is done, no waiting
                        pushed = time.monotonic()
                    data = _read(reader, name)
                masker.end()
                if wide is not None:
                    masker.flush()
                    masker.set_output(out)
                    wide.writer.finish(wide.leftover())
        masker.close()
    except (KeyboardInterrupt, Terminated) as exc:
        _quiet(masker.abort)
        _finish(args, stats, progress, out)
        if isinstance(exc, Terminated):
            return 128 + signal.SIGTERM
        raise
    except InputError:
        # why: every line before the bad one is complete and written; none after it is.
        # An error salvage() raises belongs to an earlier line, so it is the one reported.
        try:
            with contextlib.suppress(OSError):
                masker.salvage()
        finally:
            masker.terminate()
            _finish(args, stats, progress, out)
        raise
    except BaseException:
        masker.terminate()
        raise
    finally:
        guard.restore()
    _finish(args, stats, progress, out)
    return 0


def _wide(masker: Any, head: bytes, encoding: str | None, out: Any) -> Any:
    """For a UTF-16/32 source (its BOM, or ``--encoding``): a reader that transcodes it
    to UTF-8 for the line machinery, with the masker's output written back in it."""
    codec = wide_codec(head, encoding)
    if codec is None:
        return None
    masker.flush()  # why: what earlier sources produced is written in their own encoding
    reader = WideReader(codec)
    reader.writer = WideWriter(out, codec)
    masker.set_output(reader.writer)
    return reader


def _finish(args: argparse.Namespace, stats: Any, progress: Any, out: Any) -> None:
    if progress is not None:
        progress.close()
    if args.output != "-":
        out.close()
    if args.stats:
        sys.stderr.write(stats.report())
        sys.stderr.flush()


def _quiet(action: Any) -> None:
    with contextlib.suppress(OSError, InputError):
        action()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _read_size(stream: Any) -> int:
    try:
        return FILE_READ if stat.S_ISREG(os.fstat(stream.fileno()).st_mode) else PIPE_READ
    except (AttributeError, OSError, ValueError):
        return PIPE_READ


def _check_inputs(files: list[str]) -> None:
    """Every named input must be readable text (or compressed text) before anything is
    written (exit 2 otherwise).

    why: a missing second file, or a Parquet file among logs, should not leave the first
    one's output half done. Regular files are opened and their first bytes identified; a
    FIFO or device only checked, since opening one may block or consume it (its first
    bytes are identified when it is read).
    """
    for name in files:
        if name == "-":
            continue
        try:
            mode = os.stat(name).st_mode
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot open ({exc.strerror})") from None
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a directory")
        if stat.S_ISREG(mode):
            check_named_input(name, "mask")
        elif not os.access(name, os.R_OK):
            raise InputError(f"{name}: cannot open (permission denied)")


def _read(reader: Any, name: str) -> bytes:
    try:
        return reader.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None


def _open_output(path: str) -> Any:
    try:
        return open(path, "wb")  # closed in _finish
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None


def _refuse_overwrite(files: list[str], output: str) -> None:
    """``-o`` naming one of the inputs would truncate it before it is read."""
    if output == "-" or not os.path.exists(output):
        return
    for name in files:
        if name != "-" and os.path.exists(name) and os.path.samefile(name, output):
            raise ConfigError(f"{output}: output is also an input; write somewhere else")


def _progress(args: argparse.Namespace) -> Any:
    """A tqdm bar over the named files' bytes, only when stderr is a terminal."""
    named = [name for name in args.files if name != "-"]
    if args.no_progress or not named or not _isatty(sys.stderr):
        return None
    try:
        from tqdm import tqdm  # optional: pip install 'pimask[progress]'
    except ImportError:
        return None
    total = 0
    for name in named:
        with contextlib.suppress(OSError):
            total += os.path.getsize(name)
    return tqdm(total=total or None, unit="B", unit_scale=True, file=sys.stderr, leave=False)
