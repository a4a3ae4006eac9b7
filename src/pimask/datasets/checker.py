"""Check one file: read it in its format, scan every value, classify, optionally fix.

``--fix`` computes the fixed text, re-reads and re-scans it (so a fix that would produce an
unreadable file or leave a forbidden value is noticed before anything is written), and only
then replaces the file atomically. Undecodable or malformed files are reported with file,
line and reason; they never stop the other files from being checked.

Checking without ``--fix`` streams text, CSV and JSON Lines (:mod:`.streamed`) and Parquet
row group by row group, so memory does not grow with the file; a single JSON document and
every ``--fix`` read the file whole, up to ``max_bytes``.

Every file's first bytes are looked at before it is read as text (:mod:`pimask.inputs`):
a Parquet file is checked as Parquet whatever its name; a compressed file named by the
caller is checked decompressed (read whole, up to ``max_bytes``; never fixed); binary data,
archives and databases named by the caller fail (exit 2). Files met in a directory walk
(``explicit=False``) that are compressed or binary are skipped with a note instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from pimask.datasets.core import (
    CheckOptions,
    FileReport,
    Hit,
    ValueScanner,
    classify,
    describe,
    fix_value,
)
from pimask.datasets.csvfile import CsvFormat
from pimask.datasets.edits import Edit, Snapshot, apply_edits, atomic_write_bytes, snapshot
from pimask.datasets.encoding import ascii_compatible, canonical, decode, encode
from pimask.datasets.jsonfile import JsonFormat, JsonLinesFormat
from pimask.datasets.streamed import (
    BLOCK,
    Decoder,
    Restart,
    WholeDocument,
    looks_like_lines,
    pieces,
)
from pimask.datasets.text import TextFormat
from pimask.datasets.units import Unit
from pimask.errors import InputError, PimaskError
from pimask.findings import Finding
from pimask.inputs import (
    COMPRESSED,
    PARQUET,
    UNDECODABLE,
    Kind,
    identify,
    mostly_control,
    open_text,
    refusal,
    skip_reason,
    sniff_file,
)
from pimask.policy.compiled import screen

FORMATS = ("text", "csv", "tsv", "json", "jsonl", "parquet")

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


class TextBasedFormat(Protocol):
    name: str

    def units(self, text: str, first_line: int = 1) -> Iterator[Unit]: ...

    def encode(self, unit: Unit, value: str) -> str: ...

    def drop(self, unit: Unit) -> tuple[int, int, str]: ...


def detect_format(path: str, override: str | None = None) -> str:
    """The format of ``path``: ``override`` if given, else from the extension (text)."""
    if override is not None:
        if override not in FORMATS:
            raise InputError(f"unknown format {override!r} (known: {', '.join(FORMATS)})")
        return override
    return _EXTENSIONS.get(Path(path).suffix.lower(), "text")


def _handler(format_name: str, path: str, delimiter: str | None) -> TextBasedFormat:
    if format_name == "csv":
        return CsvFormat(path, delimiter)
    if format_name == "tsv":
        return CsvFormat(path, delimiter or "\t")
    if format_name == "json":
        return JsonFormat(path)
    if format_name == "jsonl":
        return JsonLinesFormat(path)
    return TextFormat()


def check_file(path: str, options: CheckOptions, *, explicit: bool = True) -> FileReport:
    """Check (and with ``options.fix``, fix) one file; problems land in ``report.error``.

    ``-`` is standard input (checked, never fixed). ``explicit`` files (named by the
    caller) are examined or fail: compressed text is read decompressed, binary data is an
    error. Files met in a directory walk (``explicit=False``) that are compressed or binary
    get ``report.skipped`` instead, as does Parquet without pyarrow: the caller decides
    whether that fails (a file named on the command line) or is a note.
    """
    try:
        format_name = detect_format(path, options.as_format)
    except InputError as exc:
        return FileReport(path, "?", error=str(exc))
    report = FileReport(path, format_name, limit=options.max_hits)
    if path == STDIN:
        return _check_stdin(options, report)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        report.error = f"{path}: no such file"
        return report
    except OSError as exc:
        report.error = f"{path}: cannot read ({exc.strerror})"
        return report
    if Path(path).is_dir():
        report.error = f"{path}: is a directory"
        return report
    if options.max_stream_bytes and size > options.max_stream_bytes:
        report.error = _too_big(path, size, options.max_stream_bytes)
        return report
    try:
        if format_name != "parquet" and options.as_format is None and _is_parquet(path):
            format_name = report.format = "parquet"  # a Parquet file with another name
        if format_name == "parquet":
            from pimask.datasets.parquetfile import MissingPyarrow, check_parquet

            try:
                return check_parquet(path, options, report)
            except MissingPyarrow as exc:
                report.skipped = str(exc)
                return report
        # why: --fix must not rename a fix of a stale read over a newer version of the file
        read_version = snapshot(path)
        with open(path, "rb") as handle:
            head = handle.read(BLOCK)
            kind = _unreadable_kind(head, options)
            if kind is not None:
                if not explicit:
                    report.skipped = skip_reason(kind)
                    return report
                # why: a compressed or binary file "checked" as text finds nothing: never
                # exit 0 on it
                data, format_name = _decompressed(path, _chunks(head, handle), kind, options)
                report.format = format_name
                _check_text_based(path, data, format_name, options, report, None)
                if options.progress is not None:
                    options.progress(size)
                return report
            if _streams(options, format_name):
                try:
                    _check_streamed(
                        path, handle, format_name, options, report, seekable=True, head=head
                    )
                    return report
                except WholeDocument:
                    pass
        if options.max_bytes and size > options.max_bytes:
            report.error = _too_big(path, size, options.max_bytes, whole=True)
            return report
        with open(path, "rb") as handle:
            data = handle.read()
        _check_text_based(path, data, format_name, options, report, read_version)
        if options.progress is not None:
            options.progress(len(data))
    except PimaskError as exc:  # undecodable, malformed: name it, go on
        report.error = str(exc)
    except OSError as exc:
        report.error = f"{path}: cannot read ({exc.strerror})"
    return report


STDIN = "-"


def _too_big(path: str, size: int, limit: int, *, whole: bool = False) -> str:
    if whole:
        return (
            f"{path}: not checked: {size} bytes is more than --max-bytes {limit}; such a file "
            "is read whole (a single JSON document, or --fix): export JSON Lines, raise "
            "--max-bytes or exclude the file"
        )
    return (
        f"{path}: not checked: {size} bytes is more than --max-bytes {limit} "
        "(raise the limit or exclude the file)"
    )


def _streams(options: CheckOptions, format_name: str) -> bool:
    """Checking (not fixing) text, CSV and JSON Lines in an encoding cut at newlines."""
    if options.fix or format_name == "parquet":
        return False
    return options.encoding is None or ascii_compatible(canonical(options.encoding))


def _check_stdin(options: CheckOptions, report: FileReport) -> FileReport:
    """Standard input: streamed like a file (JSON documents whole, up to --max-bytes)."""
    if options.fix:
        report.error = "-: --fix cannot rewrite standard input; name the file instead"
        return report
    if report.format == "parquet":
        report.error = "-: Parquet cannot be read from standard input; name the file instead"
        return report
    handle = sys.stdin.buffer
    try:
        head = handle.read(BLOCK)
        kind = _unreadable_kind(head, options)
        if kind is PARQUET:
            report.error = "-: Parquet cannot be read from standard input; name the file instead"
            return report
        if kind is not None:
            # why: piped binary or compressed data is examined or refused, never "clean"
            data, format_name = _decompressed(STDIN, _chunks(head, handle), kind, options)
            report.format = format_name
            _check_text_based(STDIN, data, format_name, options, report, None)
            return report
        if _streams(options, report.format):
            try:
                _check_streamed(
                    STDIN, handle, report.format, options, report, seekable=False, head=head
                )
                return report
            except WholeDocument as exc:
                head = exc.args[0]
        limit = options.max_bytes
        data = head + handle.read(limit + 1 - len(head) if limit else -1)
        if limit and len(data) > limit:
            report.error = _too_big(STDIN, len(data), limit, whole=True)
            return report
        _check_text_based(STDIN, data, report.format, options, report, None)
    except PimaskError as exc:
        report.error = str(exc)
    except OSError as exc:
        report.error = f"-: cannot read ({exc.strerror})"
    return report


_COMPRESSION_SUFFIXES = (".gz", ".gzip", ".bz2", ".xz", ".zst", ".zstd")


def _is_parquet(path: str) -> bool:
    try:
        return sniff_file(path) is PARQUET
    except OSError:
        return False  # reported when the file is read


def _unreadable_kind(head: bytes, options: CheckOptions) -> Kind | None:
    """What ``head`` (a file's first bytes) says the file is when it is not text to read:
    compressed, Parquet, an archive, binary data; None for text.

    why: magic numbers, and content that is mostly control bytes only when no encoding is
    given (UTF-16 without a BOM is text with ``--encoding``); the strict decoder names the
    line and offset of any other undecodable byte.
    """
    kind = identify(head, content=False)
    if kind is None and options.encoding is None and mostly_control(head):
        kind = UNDECODABLE
    return kind


def _chunks(head: bytes, handle: BinaryIO) -> Callable[[], bytes]:
    """A chunk reader that returns ``head`` first, then the rest of ``handle``."""
    pending = [head] if head else []

    def read() -> bytes:
        if pending:
            return pending.pop()
        return handle.read(1 << 20)

    return read


def _decompressed(
    path: str, read: Callable[[], bytes], kind: Kind, options: CheckOptions
) -> tuple[bytes, str]:
    """The text inside a compressed file and its format (from the inner name, e.g.
    ``users.csv.gz`` → csv); InputError for anything that is not compressed text, for
    ``--fix`` (a compressed file is not rewritten in place) and beyond ``--max-bytes``."""
    if kind.family != COMPRESSED:
        raise refusal(path, kind, "check")
    if options.fix:
        raise InputError(
            f"{path}: {kind.name}-compressed: --fix does not rewrite compressed files; "
            "decompress it, fix it, compress it again"
        )
    opened = open_text(path, read, "check")
    assert opened.text is not None
    limit = options.max_bytes or None
    inner = opened.text.read(limit + 1) if limit else opened.text.read()
    if limit and len(inner) > limit:
        raise InputError(
            f"{path}: not checked: more than --max-bytes {limit} bytes once decompressed "
            "(raise the limit or exclude the file)"
        )
    name = path
    while Path(name).suffix.lower() in _COMPRESSION_SUFFIXES:
        name = name[: -len(Path(name).suffix)]
    format_name = detect_format(name, options.as_format)
    if format_name == "parquet":
        raise InputError(f"{path}: not examined: Parquet inside {kind.name}; decompress it first")
    return inner, format_name


def _check_streamed(
    path: str,
    handle: BinaryIO,
    format_name: str,
    options: CheckOptions,
    report: FileReport,
    *,
    seekable: bool,
    head: bytes | None = None,
) -> None:
    """Check ``handle`` piece by piece (see :mod:`pimask.datasets.streamed`); ``head`` is
    its first block when the caller has read it already (to identify the input).

    Raises :class:`WholeDocument` (carrying the bytes read so far) for a ``.json`` file
    holding one document, which the caller reads whole.
    """
    if head is None:
        head = handle.read(BLOCK)
    if format_name == "json":
        if not looks_like_lines(head):
            raise WholeDocument(head)
        format_name = report.format = "jsonl"
    gb18030 = False
    while True:
        decoder = Decoder(path, head, options.encoding, gb18030=gb18030)
        handler = _handler(format_name, path, options.delimiter)
        scanner = ValueScanner(options.engine, options.min_score)
        csv = format_name in ("csv", "tsv")
        try:
            for piece, first_line in pieces(path, head, handle, decoder, csv, options.progress):
                for hit in _scan(path, handler, piece, scanner, options, None, first_line):
                    report.add(hit)
        except Restart as restart:
            if not seekable:
                raise InputError(
                    f"{path}: not UTF-8 (line {restart.line}, byte offset {restart.offset}); "
                    "pass --encoding (standard input is read once)"
                ) from None
            handle.seek(0)
            head = handle.read(BLOCK)
            report.clear_hits()
            gb18030 = True
            continue
        report.encoding = decoder.codec
        return


def _check_text_based(
    path: str,
    data: bytes,
    format_name: str,
    options: CheckOptions,
    report: FileReport,
    read_version: Snapshot | None = None,
) -> None:
    """Check (and fix) a file read whole: single JSON documents, and every --fix.

    ``read_version`` is the file's :func:`snapshot` from before it was read: a fix is not
    renamed over a file that changed meanwhile.
    """
    decoded = decode(path, data, options.encoding)
    report.encoding = decoded.codec
    text = decoded.text
    if format_name == "json":
        format_name = _json_or_lines(path, text)
        report.format = format_name
    handler = _handler(format_name, path, options.delimiter)
    scanner = ValueScanner(options.engine, options.min_score)
    if not options.fix:
        for hit in _scan(path, handler, text, scanner, options, None):
            report.add(hit)
        return
    edits: list[Edit] = []
    before = list(_scan(path, handler, text, scanner, options, edits))
    if not edits:
        for hit in before:
            report.add(hit)
        return
    fixed_text = apply_edits(text, edits)
    # why: re-read the fixed text before writing; a fix must never leave a file broken.
    recheck = _handler(format_name, path, getattr(handler, "delimiter", options.delimiter))
    for hit in _scan(path, recheck, fixed_text, scanner, options, None):
        report.add(hit)
    atomic_write_bytes(path, encode(path, fixed_text, decoded.codec), read_version)
    report.fixed = sum(1 for edit in edits if not edit.dropped)
    report.dropped = len({(edit.start, edit.end) for edit in edits if edit.dropped})


def _json_or_lines(path: str, text: str) -> str:
    """A ``.json`` file that holds one document per line is read as JSON Lines."""
    import json

    try:
        json.loads(text)
        return "json"
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and "\n" in text.strip():
            try:
                for line in text.splitlines():
                    if line.strip():
                        json.loads(line)
                return "jsonl"
            except json.JSONDecodeError:
                pass
        return "json"  # JsonFormat reports the error with line and column
    except RecursionError:
        return "json"


_BATCH_CELLS = 4096


def _batched(
    stream: Iterable[tuple[str, str | None, Any]], scanner: ValueScanner
) -> Iterator[tuple[str, str | None, Any, list[Finding]]]:
    """The cells of ``stream`` that hold findings, with them; scanned a batch at a time, so
    the engine does the work in one call per batch, not one per field."""
    batch: list[tuple[str, str | None, Any]] = []
    for cell in stream:
        batch.append(cell)
        if len(batch) >= _BATCH_CELLS:
            yield from _judged(batch, scanner)
            batch = []
    if batch:
        yield from _judged(batch, scanner)


def _judged(
    batch: list[tuple[str, str | None, Any]], scanner: ValueScanner
) -> Iterator[tuple[str, str | None, Any, list[Finding]]]:
    results = scanner.scan_many([(value, key) for value, key, _lazy in batch])
    for (value, key, lazy), findings in zip(batch, results, strict=True):
        if findings:
            yield value, key, lazy, findings


def _scan(
    path: str,
    handler: TextBasedFormat,
    text: str,
    scanner: ValueScanner,
    options: CheckOptions,
    edits: list[Edit] | None,
    first_line: int = 1,
) -> Iterator[Hit]:
    covered, allowlisted, own = options.covered, options.allowlisted, options.own_token
    cells = getattr(handler, "cells", None)
    if cells:
        stream = cells(text, first_line)
    else:
        stream = ((u.text, u.context_key, u) for u in handler.units(text, first_line))
    for _value, _key, lazy, findings in _batched(stream, scanner):
        unit = lazy if isinstance(lazy, Unit) else Unit(*lazy)
        forbidden_here = False
        for finding, allowed in screen(unit.text, findings, covered, allowlisted, own):
            if allowed:
                continue
            column = None if unit.column is None else unit.column + finding.start
            # why: a quoted CSV field may span lines; name the line the value is on
            line = unit.line + unit.text.count("\n", 0, finding.start)
            hit = classify(
                Hit(
                    file=path,
                    entity=finding.entity,
                    score=finding.score,
                    line=line,
                    column=column,
                    row=unit.row,
                    field=unit.field,
                    stable_field=unit.stable_field,
                    length=finding.end - finding.start,
                    where=describe(handler.name, line, column, unit.row, unit.field),
                    value=unit.text[finding.start : finding.end],
                ),
                unit.pragma,
                options,
            )
            forbidden_here = forbidden_here or hit.status == "forbidden"
            yield hit
        if edits is not None and forbidden_here:
            fixed = fix_value(options.engine, options.policy, unit.text, unit.context_key)
            if fixed is None:
                start, end, replacement = handler.drop(unit)
                edits.append(Edit(start, end, replacement, dropped=True))
            elif fixed != unit.text:
                edits.append(Edit(unit.start, unit.end, handler.encode(unit, fixed)))
