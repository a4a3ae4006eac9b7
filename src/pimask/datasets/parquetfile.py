"""Parquet: scan and fix row group by row group, so memory stays bounded by one group.

Needs ``pyarrow`` (the ``parquet`` extra), imported only when a Parquet file is checked;
without it a Parquet file named on the command line fails the check and one met in a
directory walk is skipped with a note (:class:`MissingPyarrow`).
Every column that can hold a value is scanned, whatever its type: strings, binary (decoded
when it holds text), numbers (exports store phone and card numbers as int64 or float64;
an integral float is read as its digits), and lists, structs and maps, leaf by leaf with
the nearest field name as context. Only bool, date and time columns are skipped (nothing
there can be an entity). A value that cannot be read as text — undecodable binary, an
ID-shaped number in a float64 that has already lost digits — fails the check (exit 2): it
was not examined.

``--fix`` rewrites string and binary leaves (nested ones too); a number cannot hold a
mask, so numeric findings are reported, left as they are, and keep the check failing
(exit 1) with a note naming the column. It writes a new file with the same schema
(metadata included), the same row group boundaries and the same compression per column,
then renames it over the original.
"""

from __future__ import annotations

import datetime
import decimal
import math
import os
from dataclasses import replace
from typing import Any

from pimask.datasets.core import (
    CheckOptions,
    FileReport,
    Hit,
    ValueScanner,
    classify,
    describe,
    fix_value,
)
from pimask.datasets.edits import Snapshot, atomic_write, snapshot
from pimask.datasets.jsonfile import show_path
from pimask.errors import ConfigError, InputError
from pimask.policy.compiled import screen


class MissingPyarrow(ConfigError):
    """pyarrow is not installed: Parquet files cannot be examined here."""


def _pyarrow() -> tuple[Any, Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingPyarrow(
            "checking Parquet files needs pyarrow: pip install 'pimask[parquet]'"
        ) from None
    return pa, pc, pq


# Leaf types that cannot hold any entity pimask finds: nothing to examine there.
_NOT_TEXT = (bool, datetime.date, datetime.time, datetime.timedelta)
_EXACT_FLOAT = 2**53  # integers above this are not exact in a float64
_ID_SHAPED_DIGITS = 11  # a mobile has 11 digits; IDs and cards more


def _decoded(pa: Any, data_type: Any) -> Any:
    """A dictionary-encoded column's value type; any other type as it is."""
    return data_type.value_type if pa.types.is_dictionary(data_type) else data_type


def _scanned(pa: Any, data_type: Any) -> bool:
    """False for columns whose every value is a bool, date or time (nothing to examine)."""
    data_type = _decoded(pa, data_type)
    return not (
        pa.types.is_boolean(data_type)
        or pa.types.is_temporal(data_type)
        or pa.types.is_null(data_type)
    )


def _numeric(pa: Any, data_type: Any) -> bool:
    """Integer, float and decimal columns: findings there cannot take a mask in place."""
    data_type = _decoded(pa, data_type)
    return bool(
        pa.types.is_integer(data_type)
        or pa.types.is_floating(data_type)
        or pa.types.is_decimal(data_type)
    )


def check_parquet(path: str, options: CheckOptions, report: FileReport) -> FileReport:
    pa, _, pq = _pyarrow()
    try:
        before = snapshot(path)
        parquet = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({type(exc).__name__})") from None
    schema = parquet.schema_arrow
    scanned = [name for name in schema.names if _scanned(pa, schema.field(name).type)]
    numeric = {name for name in schema.names if _numeric(pa, schema.field(name).type)}
    scanner = ValueScanner(options.engine, options.min_score)
    walk = _Walk(path, scanner, options, numeric, report)
    fixes = walk.groups(parquet, scanned)
    if walk.problems:
        # why: a value that cannot be examined is never passed as clean (exit 2)
        report.error = f"{path}: not fully examined: " + "; ".join(_summary(walk.problems))
        return report
    if not options.fix:
        return report
    if fixes:
        _rewrite(path, parquet, fixes, pa, pq, before)
        changes = [v for group in fixes.values() for col in group.values() for v in col.values()]
        report.fixed = sum(1 for value in changes if value is not _DROP)
        report.dropped = len(
            {
                (group, row)
                for group, cols in fixes.items()
                for col in cols.values()
                for row, value in col.items()
                if value is _DROP
            }
        )
        # why: re-check what was written; unfixable values still count.
        again = FileReport(path, "parquet", limit=report.limit)
        check_parquet(path, replace(options, fix=False, progress=None), again)
        report.hits = again.hits
        report.counts = again.counts
        report.field_counts = again.field_counts
        report.entity_counts = again.entity_counts
        if again.error:
            report.error = again.error
            return report
    # why: the counts, not the kept hits: --max-findings may have kept only a few
    stuck = sorted(
        {
            column
            for column in (_column(name) for name, _ in report.field_counts)
            if column in numeric
        }
    )
    if stuck:
        report.notes.append(
            "numeric columns cannot hold a mask, so their findings were not fixed: "
            f"{', '.join(stuck)} (store them as strings, then run --fix again)"
        )
    return report


def _column(stable_field: str) -> str:
    """The top-level column of a (possibly nested) field path: ``a[].b`` → ``a``."""
    return stable_field.split("[")[0].split(".")[0]


def _summary(problems: dict[str, list[int]]) -> list[str]:
    out = []
    for reason, rows in sorted(problems.items()):
        shown = ", ".join(str(row) for row in rows[:5]) + (", …" if len(rows) > 5 else "")
        out.append(f"{reason} (row{'s' if len(rows) > 1 else ''} {shown})")
    return out


_DROP = object()  # the policy drops the record
Fixes = dict[int, dict[str, dict[int, Any]]]  # group → column → row in group → new value


class _Walk:
    """Scans every leaf of every cell (nested lists, structs and maps too) and computes
    the fixed cell when ``--fix`` asks for it.

    Leaves are read as text: strings as they are, binary values decoded (UTF-8, then
    GB18030), integral numbers as their digits (``1.3812345678e10`` → ``13812345678``).
    What cannot be read as text — undecodable bytes, an ID-shaped integer in a float that
    has already lost digits, a type pimask does not know — is a problem: the check fails.
    """

    def __init__(
        self,
        path: str,
        scanner: ValueScanner,
        options: CheckOptions,
        numeric: set[str],
        report: FileReport,
    ) -> None:
        self.path = path
        self.scanner = scanner
        self.options = options
        self.numeric = numeric
        self.report = report  # hits are added (and counted) as found: bounded by its limit
        self.problems: dict[str, list[int]] = {}

    def groups(self, parquet: Any, columns: list[str]) -> Fixes:
        fixes: Fixes = {}
        first_row = 0
        groups = parquet.num_row_groups
        # why: a progress bar moves by bytes; row groups are read whole, so each moves it by
        # its share of the file
        progress = self.options.progress
        share = os.path.getsize(self.path) // max(1, groups) if progress is not None else 0
        for group in range(groups):
            table = parquet.read_row_group(group, columns=columns)
            for name in columns:
                for offset, value in enumerate(table.column(name).to_pylist()):
                    row = first_row + offset + 1
                    new = self.cell(value, (name,), name, row)
                    if new is not value and self.options.fix:
                        fixes.setdefault(group, {}).setdefault(name, {})[offset] = new
            first_row += table.num_rows
            del table
            if progress is not None:
                progress(share)
        return fixes

    def cell(self, value: Any, path: tuple, key: str, row: int) -> Any:
        """``value`` (fixed when needed: a new object, or _DROP), scanning every leaf."""
        if value is None or isinstance(value, _NOT_TEXT):
            return value
        if isinstance(value, dict):  # a struct
            new = {}
            for name, item in value.items():
                fixed = self.cell(item, (*path, name), name, row)
                if fixed is _DROP:
                    return _DROP
                new[name] = fixed
            return value if all(new[k] is value[k] for k in value) else new
        if isinstance(value, list):  # a list, or a map as (key, value) pairs
            items = []
            for index, item in enumerate(value):
                if isinstance(item, tuple) and len(item) == 2:  # a map entry
                    name = self.leaf(item[0], (*path, index, "key"), key, row)
                    entry_key = item[0] if isinstance(item[0], str) else key
                    fixed = self.cell(item[1], (*path, index), entry_key, row)
                    new_item: Any = (name, fixed) if (name, fixed) != item else item
                    if name is _DROP or fixed is _DROP:
                        return _DROP
                else:
                    new_item = self.cell(item, (*path, index), key, row)
                    if new_item is _DROP:
                        return _DROP
                items.append(new_item)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        return self.leaf(value, path, key, row)

    def leaf(self, value: Any, path: tuple, key: str, row: int) -> Any:
        text = self.text(value, path, row)
        if text is None or not text.strip():
            return value
        findings = self.scanner.scan(text, key)
        forbidden = False
        for finding, allowed in screen(
            text, findings, self.options.covered, self.options.allowlisted, self.options.own_token
        ):
            if allowed:
                continue
            # why: a top-level column keeps its name as it is (reports, baselines)
            field = path[0] if len(path) == 1 else show_path(path)
            stable = path[0] if len(path) == 1 else show_path(path, stable=True)
            hit = classify(
                Hit(
                    file=self.path,
                    entity=finding.entity,
                    score=finding.score,
                    line=0,
                    column=None,
                    row=row,
                    field=field,
                    stable_field=stable,
                    length=finding.end - finding.start,
                    where=describe("parquet", 0, None, row, field),
                    value=text[finding.start : finding.end],
                ),
                None,
                self.options,
            )
            self.report.add(hit)
            forbidden = forbidden or hit.status == "forbidden"
        if not (forbidden and self.options.fix) or not isinstance(value, (str, bytes)):
            return value  # numbers cannot take a mask: reported, left, the check fails
        fixed = fix_value(self.options.engine, self.options.policy, text, key)
        if fixed is None:
            return _DROP
        if fixed == text:
            return value
        return fixed if isinstance(value, str) else fixed.encode(self._codec(value))

    def text(self, value: Any, path: tuple, row: int) -> str | None:
        """``value`` as the text to scan; None (and a problem noted) when it has none."""
        if isinstance(value, str):
            return value
        if isinstance(value, bytes):
            for codec in ("utf-8", "gb18030"):
                try:
                    return value.decode(codec)
                except UnicodeDecodeError:
                    continue
            self.problem(
                f"column {show_path(path, stable=True)}: binary values that are not text", row
            )
            return None
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            if not math.isfinite(value):
                return None
            if value.is_integer():
                digits = str(int(value))
                if abs(value) > _EXACT_FLOAT and len(digits.lstrip("-")) > _ID_SHAPED_DIGITS:
                    self.problem(
                        f"column {show_path(path, stable=True)}: numbers too long for a float "
                        "(an ID or card stored as float has lost digits; store it as a string)",
                        row,
                    )
                    return None
                return digits
            return repr(value)
        if isinstance(value, decimal.Decimal):
            if value.is_finite() and value == value.to_integral_value():
                return str(int(value))
            return str(value)
        self.problem(
            f"column {show_path(path, stable=True)}: values of type {type(value).__name__}", row
        )
        return None

    @staticmethod
    def _codec(value: bytes) -> str:
        try:
            value.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            return "gb18030"

    def problem(self, reason: str, row: int) -> None:
        rows = self.problems.setdefault(reason, [])
        if len(rows) < 6:
            rows.append(row)


def _rewrite(path: str, parquet: Any, fixes: Fixes, pa: Any, pq: Any, before: Snapshot) -> None:
    schema = parquet.schema_arrow
    metadata = parquet.metadata
    compression: dict[str, str] = {}
    if metadata.num_row_groups:
        first = metadata.row_group(0)
        for index in range(first.num_columns):
            chunk = first.column(index)
            codec = chunk.compression.lower()
            compression[chunk.path_in_schema] = "none" if codec == "uncompressed" else codec

    def write(temp_name: str) -> None:
        writer = pq.ParquetWriter(temp_name, schema, compression=compression or "snappy")
        try:
            for group in range(parquet.num_row_groups):
                table = parquet.read_row_group(group)
                changes = fixes.get(group)
                if changes:
                    table = _apply(table, changes, pa)
                writer.write_table(table, row_group_size=max(1, table.num_rows))
        finally:
            writer.close()

    try:
        atomic_write(path, write, before)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the fixed file ({exc.strerror})") from None


def _apply(table: Any, changes: dict[str, dict[int, Any]], pa: Any) -> Any:
    dropped: set[int] = set()
    for name, rows in changes.items():
        index = table.schema.get_field_index(name)
        column = table.column(index)
        values = column.to_pylist()
        for offset, new in rows.items():
            if new is _DROP:
                dropped.add(offset)
            else:
                values[offset] = new
        table = table.set_column(
            index, table.schema.field(index), pa.array(values, type=column.type)
        )
    if dropped:
        keep = pa.array([offset not in dropped for offset in range(table.num_rows)])
        table = table.filter(keep)
    return table
