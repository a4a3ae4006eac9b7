"""Parquet: scan and fix row group by row group, so memory stays bounded by one group.

Needs ``pyarrow`` (the ``parquet`` extra), imported only when a Parquet file is checked.
String columns (and dictionary-encoded strings) are scanned and fixed; integer columns are
scanned too, because exports often store phone and card numbers as int64, but cannot be
fixed without changing the schema, so their findings remain and the check keeps failing.
``--fix`` writes a new file with the same schema (metadata included), the same row group
boundaries and the same compression per column, then renames it over the original.
"""

from __future__ import annotations

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
from pimask.datasets.edits import atomic_write
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


def _kind(pa: Any, data_type: Any) -> str | None:
    """``"string"`` for text columns, ``"integer"`` for integer ones, None: not scanned."""
    if pa.types.is_dictionary(data_type):
        data_type = data_type.value_type
    if pa.types.is_string(data_type) or pa.types.is_large_string(data_type):
        return "string"
    if pa.types.is_integer(data_type):
        return "integer"
    return None


def check_parquet(path: str, options: CheckOptions, report: FileReport) -> FileReport:
    pa, _, pq = _pyarrow()
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({type(exc).__name__})") from None
    schema = parquet.schema_arrow
    kinds = {name: _kind(pa, schema.field(name).type) for name in schema.names}
    scanned = [name for name, kind in kinds.items() if kind is not None]
    skipped = [name for name, kind in kinds.items() if kind is None]
    if skipped:
        report.notes.append(f"columns not checked (not string or integer): {', '.join(skipped)}")
    scanner = ValueScanner(options.engine, options.min_score)
    fixes = _scan_groups(path, parquet, scanned, kinds, scanner, options, report)
    if not options.fix:
        return report
    if fixes:
        _rewrite(path, parquet, fixes, pa, pq)
        changes = [v for group in fixes.values() for col in group.values() for v in col.values()]
        report.fixed = sum(1 for value in changes if value is not None)
        report.dropped = sum(1 for value in changes if value is None)
        # why: re-check what was written; unfixable values still count.
        again = FileReport(path, "parquet", limit=report.limit)
        check_parquet(path, replace(options, fix=False, progress=None), again)
        report.hits = again.hits
        report.counts = again.counts
        report.field_counts = again.field_counts
        report.entity_counts = again.entity_counts
    stuck = sorted({name for name, _ in report.field_counts if kinds.get(name) == "integer"})
    if stuck:
        report.notes.append(
            f"integer columns cannot be fixed without changing the schema: {', '.join(stuck)}"
        )
    return report


Fixes = dict[int, dict[str, dict[int, str | None]]]  # group → column → row in group → new


def _scan_groups(
    path: str,
    parquet: Any,
    columns: list[str],
    kinds: dict[str, str | None],
    scanner: ValueScanner,
    options: CheckOptions,
    report: FileReport,
) -> Fixes:
    fixes: Fixes = {}
    groups = parquet.num_row_groups
    # why: a progress bar moves by bytes; row groups are read whole, so each moves it by
    # its share of the file
    share = os.path.getsize(path) // max(1, groups) if options.progress else 0
    covered = options.covered
    # why: the same filter as every other format (policy.compiled.screen): coverage, the
    # allowlist, and the policy's own pseudonyms and ciphertexts
    own = options.own_token
    first_row = 0
    for group in range(parquet.num_row_groups):
        table = parquet.read_row_group(group, columns=columns)
        for name in columns:
            values = table.column(name).to_pylist()
            for offset, value in enumerate(values):
                if value is None:
                    continue
                text = value if isinstance(value, str) else str(value)
                if not text.strip():
                    continue
                findings = scanner.scan(text, name)
                forbidden_here = False
                for finding, allowed in screen(text, findings, covered, options.allowlisted, own):
                    if allowed:
                        continue
                    row = first_row + offset + 1
                    hit = classify(
                        Hit(
                            file=path,
                            entity=finding.entity,
                            score=finding.score,
                            line=0,
                            column=None,
                            row=row,
                            field=name,
                            stable_field=name,
                            length=finding.end - finding.start,
                            where=describe("parquet", 0, None, row, name),
                            value=text[finding.start : finding.end],
                        ),
                        None,
                        options,
                    )
                    report.add(hit)
                    forbidden_here = forbidden_here or hit.status == "forbidden"
                if options.fix and forbidden_here and kinds[name] == "string":
                    fixed = fix_value(options.engine, options.policy, text, name)
                    if fixed != text:
                        fixes.setdefault(group, {}).setdefault(name, {})[offset] = fixed
        first_row += table.num_rows
        del table
        if options.progress is not None:
            options.progress(share)
    return fixes


def _rewrite(path: str, parquet: Any, fixes: Fixes, pa: Any, pq: Any) -> None:
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
        atomic_write(path, write)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the fixed file ({exc.strerror})") from None


def _apply(table: Any, changes: dict[str, dict[int, str | None]], pa: Any) -> Any:
    dropped: set[int] = set()
    for name, rows in changes.items():
        index = table.schema.get_field_index(name)
        column = table.column(index)
        values = column.to_pylist()
        for offset, new in rows.items():
            if new is None:
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
