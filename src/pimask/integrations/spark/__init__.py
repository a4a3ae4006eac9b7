"""Run pimask inside Apache Spark: mask or audit string columns of a DataFrame.

Install with ``pip install 'pimask[spark]'`` (pyspark, pyarrow, pandas). pyspark is imported
only when a function here is called, so ``import pimask`` never pays for it.

* :func:`mask_columns` rewrites string columns with a policy, exactly as
  ``Engine.apply(value, policy=...)`` would on one machine, field by field;
* :func:`scan_columns` summarises findings per column and entity (counts and row ids,
  never values) to audit a table before it is exported.

Both run as Arrow batches (``DataFrame.mapInArrow``): each Python worker builds its engine
once per job and reuses it for every partition it processes; rows are never sent one by
one. Secret keys for ``pseudonymize`` / ``encrypt`` reach the executors through a broadcast
variable or the executors' own environment, never through the plan (see docs/spark.md).
The batch entry point is ``python -m pimask.integrations.spark`` (``spark-submit``-able).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pimask.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

__all__ = ["SCAN_COLUMNS", "mask_columns", "scan_columns"]

KEYS_FROM_DRIVER = "driver"
KEYS_FROM_EXECUTOR = "executor"
SCAN_COLUMNS = ("column", "entity", "count", "rows", "example_row_ids")
_ENGINE_OPTIONS = {
    *("recognizer_files", "disabled", "entities", "min_score", "backend", "enable"),
    "ner_backend",
}


def _require_pyspark() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ConfigError(
            f"pimask.integrations.spark needs {exc.name}: pip install 'pimask[spark]'"
        ) from None


def _string_columns(df: DataFrame, columns: str | Sequence[str] | None) -> tuple[str, ...]:
    """The named columns, checked to exist and hold strings (None: every string column)."""
    from pyspark.sql.types import StringType

    fields = {f.name: f for f in df.schema.fields}
    if columns is None:
        return tuple(f.name for f in df.schema.fields if isinstance(f.dataType, StringType))
    names = [columns] if isinstance(columns, str) else list(columns)
    if not names:
        raise ConfigError("columns: name at least one column (or None for all string columns)")
    for name in names:
        if name not in fields:
            raise ConfigError(
                f"columns: no column {name!r} in the DataFrame (it has: {', '.join(fields)})"
            )
        data_type = fields[name].dataType
        if not isinstance(data_type, StringType):
            raise ConfigError(
                f"columns: column {name!r} is {data_type.simpleString()}, not string; "
                "pimask rewrites top-level string columns only"
            )
    return tuple(dict.fromkeys(names))


# Numbers this large may be phone (11 digits), ID or card numbers; smaller ones cannot.
_ENTITY_SIZED = 10**10


def _refuse_unexamined(df: DataFrame) -> None:
    """``columns=None`` promises every column: refuse those it would pass through unseen.

    why: an export often stores mobiles as bigint; "mask every string column" then wrote
    them out in clear with success, while ``pimask check`` flags the same file. Numeric
    columns are measured in one aggregation (largest absolute value): one that may hold
    11+ digit numbers is refused, as are binary and nested columns, which the string path
    cannot read. Naming the columns (``columns=[...]``, ``--columns``) is the explicit way
    to leave other columns as they are.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    numeric = (T.IntegralType, T.DecimalType, T.FloatType, T.DoubleType)
    opaque = (T.BinaryType, T.ArrayType, T.MapType, T.StructType)
    refused: list[str] = []
    measured: list[str] = []
    for field in df.schema.fields:
        if isinstance(field.dataType, opaque):
            refused.append(f"{field.name} ({field.dataType.simpleString()})")
        elif isinstance(field.dataType, numeric) and not isinstance(
            field.dataType, (T.ByteType, T.ShortType, T.IntegerType)
        ):
            measured.append(field.name)
    if measured:
        largest = df.agg(
            *[F.max(F.abs(F.col(f"`{name}`"))).alias(f"c{i}") for i, name in enumerate(measured)]
        ).collect()[0]
        for i, name in enumerate(measured):
            value = largest[f"c{i}"]
            if value is not None and abs(value) >= _ENTITY_SIZED:
                kind = df.schema[name].dataType.simpleString()
                refused.append(f"{name} ({kind} holding numbers of 11+ digits)")
    if refused:
        raise ConfigError(
            "columns not examined: " + ", ".join(refused) + "; pimask rewrites string "
            "columns only: cast them to string (then they are masked), drop them, or name "
            "the columns to mask explicitly (columns=[...] / --columns) to leave the others"
        )


def _engine_options(options: Mapping[str, Any] | None) -> dict[str, Any]:
    """Engine keyword arguments, with recognizer files read HERE, on the driver.

    why: executors may not see the driver's files; parsed specs travel with the job.
    Building one engine now also turns a bad option into a ConfigError before any task runs.
    """
    from pimask.engine import Engine, recognizers_load
    from pimask.recognizers import RecognizerSpec

    resolved = dict(options or {})
    unknown = set(resolved) - _ENGINE_OPTIONS
    if unknown:
        raise ConfigError(
            f"engine_options: unknown option(s) {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(_ENGINE_OPTIONS))})"
        )
    if "recognizer_files" in resolved:
        resolved["recognizer_files"] = tuple(
            spec if isinstance(spec, RecognizerSpec) else recognizers_load(Path(spec))
            for spec in resolved["recognizer_files"]
        )
    for name in ("disabled", "entities", "enable"):
        if resolved.get(name) is not None:
            resolved[name] = tuple(resolved[name])
    Engine(**resolved)
    return resolved


def _load_policy(policy: Any) -> Any:
    """A loaded policy object (None stays None: the default display masking)."""
    if policy is None:
        return None
    from pimask.policy import load_policy

    return load_policy(policy)


def _policy_needs_keys(policy: Any) -> bool:
    return policy is not None and bool(policy.needs_key)


def _key_source(df: DataFrame, policy: Any, keys: Any) -> Any:
    """How executors will get keys: a broadcast, their own environment, or not at all."""
    from pimask.integrations.spark._executor import KeySource
    from pimask.keys import KeyRing, load_keys

    if not (keys in (KEYS_FROM_DRIVER, KEYS_FROM_EXECUTOR) or isinstance(keys, KeyRing)):
        raise ConfigError(
            f"keys must be {KEYS_FROM_DRIVER!r}, {KEYS_FROM_EXECUTOR!r} or a "
            f"pimask.keys.KeyRing, not {type(keys).__name__}"
        )
    if not _policy_needs_keys(policy):
        return None
    if keys == KEYS_FROM_EXECUTOR:
        return KeySource()
    ring = load_keys() if keys == KEYS_FROM_DRIVER else keys
    # why: a broadcast is pickled into the task as an id only; its value travels through
    # the block manager, so it is not in the plan, its string or the event log.
    return KeySource(df.sparkSession.sparkContext.broadcast(ring))


def mask_columns(
    df: DataFrame,
    columns: str | Sequence[str] | None = None,
    policy: Any = None,
    *,
    keys: Any = KEYS_FROM_DRIVER,
    on_drop: str = "null",
    column_context: bool = False,
    engine_options: Mapping[str, Any] | None = None,
) -> DataFrame:
    """``df`` with the string ``columns`` rewritten by ``policy``; everything else untouched.

    Each non-null value becomes ``Engine(**engine_options).apply(value, policy=policy).text``
    — the same bytes the library and CLI produce for the same policy and key. Nulls,
    other columns and the schema are unchanged; partitioning and row order are kept.

    Args:
        columns: a column name, several, or None for every top-level string column. With
            None, columns it cannot rewrite are refused (ConfigError) rather than passed
            through: binary, arrays, maps, structs, and numeric columns holding numbers of
            11+ digits (possible phones, IDs, cards). Name the columns to leave the others.
        policy: None (display masking), a built-in name (``"deidentify"``), a YAML path or
            a loaded policy; loaded here on the driver, so errors surface before any task.
        keys: for policies with ``pseudonymize`` / ``encrypt``: ``"driver"`` (default) loads
            them from the driver's ``PIMASK_KEY`` / ``PIMASK_KEY_FILE`` and broadcasts
            them; ``"executor"`` lets each executor load its own (``spark.executorEnv.*``,
            ``--files``); or a :class:`pimask.keys.KeyRing` to broadcast.
        on_drop: when a policy drops a value (``delete`` level): ``"null"`` nulls that field,
            ``"row"`` removes the whole row.
        column_context: read the column name as context (a column called ``手机号`` makes
            its digits a phone number more surely), as ``pimask check --fix`` does for a
            CSV/Parquet cell; off by default, so a value comes out as ``Engine.apply``
            alone would write it.
        engine_options: keyword arguments for :class:`pimask.Engine` (``entities``,
            ``min_score``, ``recognizer_files``, ``disabled``, ``backend``, ``enable``).
    """
    _require_pyspark()
    from pimask.integrations.spark import _executor

    if on_drop not in _executor.ON_DROP:
        raise ConfigError(f"on_drop must be one of {', '.join(_executor.ON_DROP)}, not {on_drop!r}")
    names = _string_columns(df, columns)
    if columns is None:
        _refuse_unexamined(df)
    loaded = _load_policy(policy)
    job = _executor.Job(
        token=uuid.uuid4().hex,
        engine_options=_engine_options(engine_options),
        policy=loaded,
        keys=_key_source(df, loaded, keys),
        columns=names,
        on_drop=on_drop,
        column_context=column_context,
    )
    if not names:
        return df

    def pimask_mask_columns(batches: Any) -> Any:
        return _executor.mask_batches(job, batches)

    return df.mapInArrow(pimask_mask_columns, df.schema)


def scan_columns(
    df: DataFrame,
    columns: str | Sequence[str] | None = None,
    *,
    id_column: str | None = None,
    examples: int = 5,
    column_context: bool = False,
    engine_options: Mapping[str, Any] | None = None,
) -> DataFrame:
    """Findings per (column, entity) in ``df``: an audit summary that never holds a value.

    Returns a DataFrame with ``column``, ``entity``, ``count`` (findings), ``rows`` (rows
    with at least one) and ``example_row_ids`` (up to ``examples`` smallest ids), sorted by
    column and entity. Row ids are the values of ``id_column`` when given (use a key that
    is not itself personal), otherwise positions equal to
    ``pyspark.sql.functions.monotonically_increasing_id()`` on the same DataFrame.
    ``column_context`` reads column names as context, as in :func:`mask_columns`.
    """
    _require_pyspark()
    from pyspark import TaskContext
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    from pimask.integrations.spark import _executor

    if examples < 0:
        raise ConfigError(f"examples must be 0 or more, not {examples}")
    names = _string_columns(df, columns)
    id_type: Any = LongType()
    if id_column is not None:
        fields = {f.name: f for f in df.schema.fields}
        if id_column not in fields:
            raise ConfigError(f"id_column: no column {id_column!r} in the DataFrame")
        id_type = fields[id_column].dataType
    schema = StructType(
        [
            StructField("column", StringType(), False),
            StructField("entity", StringType(), False),
            StructField("count", LongType(), False),
            StructField("rows", LongType(), False),
            StructField("example_row_ids", ArrayType(id_type, True), False),
        ]
    )
    arrow_schema = to_arrow_schema(schema)
    job = _executor.Job(
        token=uuid.uuid4().hex,
        engine_options=_engine_options(engine_options),
        columns=names,
        id_column=id_column,
        examples=examples,
        column_context=column_context,
    )
    selected = [*names, id_column] if id_column and id_column not in names else list(names)
    if not selected:
        return df.sparkSession.createDataFrame([], schema)

    def pimask_scan_columns(batches: Any) -> Any:
        context = TaskContext.get()
        partition = context.partitionId() if context is not None else 0
        return _executor.scan_batches(job, batches, partition, arrow_schema)

    partial = df.select(*selected).mapInArrow(pimask_scan_columns, schema)
    return (
        partial.groupBy("column", "entity")
        .agg(
            F.sum("count").alias("count"),
            F.sum("rows").alias("rows"),
            F.slice(F.array_sort(F.flatten(F.collect_list("example_row_ids"))), 1, examples).alias(
                "example_row_ids"
            ),
        )
        .orderBy("column", "entity")
    )
