"""Check one file: read it in its format, scan every value, classify, optionally fix.

``--fix`` computes the fixed text, re-reads and re-scans it (so a fix that would produce an
unreadable file or leave a forbidden value is noticed before anything is written), and only
then replaces the file atomically. Undecodable or malformed files are reported with file,
line and reason; they never stop the other files from being checked.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

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
from pimask.datasets.edits import Edit, apply_edits, atomic_write_bytes, snapshot
from pimask.datasets.encoding import decode, encode
from pimask.datasets.jsonfile import JsonFormat, JsonLinesFormat
from pimask.datasets.text import TextFormat
from pimask.datasets.units import Unit
from pimask.errors import InputError, PimaskError
from pimask.inputs import (
    COMPRESSED,
    PARQUET,
    UNDECODABLE,
    Kind,
    identify,
    mostly_control,
    open_text,
    refusal,
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

    def units(self, text: str) -> Iterator[Unit]: ...

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


def check_file(path: str, options: CheckOptions) -> FileReport:
    """Check (and with ``options.fix``, fix) one file; problems land in ``report.error``."""
    try:
        format_name = detect_format(path, options.as_format)
    except InputError as exc:
        return FileReport(path, "?", error=str(exc))
    report = FileReport(path, format_name)
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
    if options.max_bytes and size > options.max_bytes:
        report.error = (
            f"{path}: not checked: {size} bytes is more than --max-bytes {options.max_bytes} "
            "(raise the limit or exclude the file)"
        )
        return report
    try:
        if format_name != "parquet" and options.as_format is None and _is_parquet(path):
            format_name = report.format = "parquet"  # a Parquet file with another name
        if format_name == "parquet":
            from pimask.datasets.parquetfile import check_parquet

            return check_parquet(path, options, report)
        _check_text_based(path, format_name, options, report)
    except PimaskError as exc:  # undecodable, malformed, pyarrow missing: name it, go on
        report.error = str(exc)
    except OSError as exc:
        report.error = f"{path}: cannot read ({exc.strerror})"
    return report


def _check_text_based(
    path: str, format_name: str, options: CheckOptions, report: FileReport
) -> None:
    # why: --fix must not rename a fix of a stale read over a newer version of the file
    read_version = snapshot(path)
    with open(path, "rb") as handle:
        data = handle.read()
    # why: magic numbers only; the strict decoder below names line and offset of bad bytes
    kind = identify(data, content=False)
    if kind is None and options.encoding is None and mostly_control(data):
        kind = UNDECODABLE
    if kind is not None:
        # why: a compressed or binary file "checked" as text finds nothing: never exit 0
        data, format_name = _decompressed(path, data, kind, options)
        report.format = format_name
    decoded = decode(path, data, options.encoding)
    report.encoding = decoded.codec
    text = decoded.text
    if format_name == "json":
        format_name = _json_or_lines(path, text)
        report.format = format_name
    handler = _handler(format_name, path, options.delimiter)
    scanner = ValueScanner(options.engine, options.min_score)
    if not options.fix:
        report.hits = list(_scan(path, handler, text, scanner, options, None))
        return
    edits: list[Edit] = []
    before = list(_scan(path, handler, text, scanner, options, edits))
    if not edits:
        report.hits = before
        return
    fixed_text = apply_edits(text, edits)
    # why: re-read the fixed text before writing; a fix must never leave a file broken.
    recheck = _handler(format_name, path, getattr(handler, "delimiter", options.delimiter))
    report.hits = list(_scan(path, recheck, fixed_text, scanner, options, None))
    atomic_write_bytes(path, encode(path, fixed_text, decoded.codec), read_version)
    report.fixed = sum(1 for edit in edits if not edit.dropped)
    report.dropped = len({(edit.start, edit.end) for edit in edits if edit.dropped})


_COMPRESSION_SUFFIXES = (".gz", ".gzip", ".bz2", ".xz", ".zst", ".zstd")


def _is_parquet(path: str) -> bool:
    try:
        return sniff_file(path) is PARQUET
    except OSError:
        return False  # reported when the file is read


def _decompressed(path: str, data: bytes, kind: Kind, options: CheckOptions) -> tuple[bytes, str]:
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
    source = io.BytesIO(data)
    opened = open_text(path, lambda: source.read(1 << 20), "check")
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


def _scan(
    path: str,
    handler: TextBasedFormat,
    text: str,
    scanner: ValueScanner,
    options: CheckOptions,
    edits: list[Edit] | None,
) -> Iterator[Hit]:
    covered, allowlisted, own = options.covered, options.allowlisted, options.own_token
    cells = getattr(handler, "cells", None)
    stream = cells(text) if cells else ((u.text, u.context_key, u) for u in handler.units(text))
    for value, key, lazy in stream:
        findings = scanner.scan(value, key)
        if not findings:
            continue
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
