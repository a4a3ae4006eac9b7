"""The code that runs on Spark executors: Arrow record batches in, record batches out.

Everything here needs only ``pyarrow`` and pimask (no pyspark import), and is reached
through module-level functions so that cloudpickle ships a *reference* to them, not a copy:
the engine cache below then lives once per Python worker process. Spark reuses Python
workers between tasks (``spark.python.worker.reuse``, on by default), so an engine is
compiled once per worker and job, not once per partition, and never once per row.

Strings cross the Arrow boundary as UTF-8 bytes and are decoded with ``surrogateescape``,
like the CLI does, so a Spark string holding invalid UTF-8 comes back byte for byte.
"""

from __future__ import annotations

import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pyarrow as pa

from pimask.engine import Engine

ENCODING = "utf-8"
ERRORS = "surrogateescape"
ON_DROP = ("null", "row")
# why: the high bits of a positional row id hold the partition, like Spark's
# monotonically_increasing_id(), so ids are unique without a shuffle or a second pass.
PARTITION_SHIFT = 33


@dataclass(frozen=True)
class KeySource:
    """Where an executor gets the secret keys, without them being part of the plan.

    ``broadcast`` holds a :class:`pyspark.Broadcast` of a :class:`pimask.keys.KeyRing`
    (pickled as an id only; the value travels through Spark's block manager). When it is
    None the executor loads the keys itself from its own environment (``PIMASK_KEY`` /
    ``PIMASK_KEY_FILE``; a relative key file name is looked up among the files shipped
    with ``--files``).
    """

    broadcast: Any = field(default=None, repr=False)

    def load(self) -> Any:
        if self.broadcast is not None:
            return self.broadcast.value
        return load_executor_keys(os.environ)


@dataclass(frozen=True)
class Job:
    """What one ``mask_columns`` / ``scan_columns`` call asks of every partition.

    ``token`` identifies the call: the engine built for it is cached per worker under it.
    ``policy`` is a loaded policy object (not secret; None = display masking).
    """

    token: str
    engine_options: Mapping[str, Any]
    policy: Any = None
    keys: KeySource | None = None
    columns: tuple[str, ...] = ()
    on_drop: str = "null"
    id_column: str | None = None
    examples: int = 5
    column_context: bool = False

    def __repr__(self) -> str:
        # why: the plan and logs may show a repr; it names columns only, never keys.
        return f"Job(token={self.token!r}, columns={list(self.columns)!r})"


def load_executor_keys(environ: Mapping[str, str]) -> Any:
    """Keys from an executor's environment; a bare key file name may come from SparkFiles."""
    from pimask import keys as keys_module

    env = dict(environ)
    name = env.get(keys_module.KEY_FILE_ENV)
    if name and not os.path.isabs(name) and not os.path.exists(name):
        try:
            from pyspark import SparkFiles

            shipped = SparkFiles.get(os.path.basename(name))
        except Exception:  # why: not inside Spark; keep the name as given
            shipped = None
        if shipped and os.path.exists(shipped):
            env[keys_module.KEY_FILE_ENV] = shipped
    return keys_module.load_keys(env)


class _Worker:
    """An engine (and compiled policy with its keys) for one job, built once per process."""

    def __init__(self, job: Job) -> None:
        from pimask.datasets.core import ValueScanner, context_prefix

        self.engine = Engine(**job.engine_options)
        self._apply: Callable[..., Any] = self.engine.apply
        if job.policy is not None:
            from pimask.policy import CompiledPolicy

            # why: exactly what Engine.apply(text, policy=...) runs, with the job's keys
            # (None: CompiledPolicy reads this executor's PIMASK_KEY / PIMASK_KEY_FILE).
            keys = job.keys.load() if job.keys is not None else None
            self._apply = CompiledPolicy(job.policy, self.engine, keys).apply
        self.prefixes = {
            name: context_prefix(name) if job.column_context else "" for name in job.columns
        }
        self.scanner = ValueScanner(self.engine)
        self.column_context = job.column_context

    def apply(self, text: str, column: str) -> Any:
        """``Engine.apply(text, policy)``; with column context, read ``column: `` first.

        The prefixed form is what ``pimask check --fix`` does to a CSV/Parquet cell
        (:func:`pimask.datasets.core.fix_value`): the column name is context only.
        """
        prefix = self.prefixes[column]
        if not prefix:
            return self._apply(text)
        result = self._apply(prefix + text, region=(len(prefix), len(prefix) + len(text)))
        if result.dropped or not result.text.startswith(prefix):
            return result if result.dropped else self._apply(text)
        return replace(result, text=result.text[len(prefix) :])

    def scan(self, text: str, column: str) -> list[Any]:
        return self.scanner.scan(text, column if self.column_context else None)


_CACHE: OrderedDict[str, _Worker] = OrderedDict()
_CACHE_SIZE = 4
_CACHE_LOCK = threading.Lock()
# Engines built in this process, per job token: lets tests check "once per worker".
BUILDS: Counter[str] = Counter()


def worker_for(job: Job) -> _Worker:
    """The cached worker for ``job`` in this process (built on first use)."""
    with _CACHE_LOCK:
        worker = _CACHE.get(job.token)
        if worker is None:
            worker = _Worker(job)
            BUILDS[job.token] += 1
            _CACHE[job.token] = worker
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        else:
            _CACHE.move_to_end(job.token)
        return worker


def _as_binary(array: pa.Array) -> tuple[pa.Array, pa.DataType]:
    binary_type = pa.large_binary() if pa.types.is_large_string(array.type) else pa.binary()
    return array.view(binary_type), binary_type


def mask_batches(job: Job, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Rewrite ``job.columns`` of every batch; other columns pass through untouched."""
    worker = worker_for(job)
    for batch in batches:
        arrays = list(batch.columns)
        keep: list[bool] | None = None
        for name in job.columns:
            index = batch.schema.get_field_index(name)
            original = arrays[index]
            binary, binary_type = _as_binary(original)
            out: list[bytes | None] = []
            for row, raw in enumerate(binary.to_pylist()):
                if raw is None:
                    out.append(None)
                    continue
                text = raw.decode(ENCODING, ERRORS)
                result = worker.apply(text, name)
                if result.dropped:
                    out.append(None)
                    if job.on_drop == "row":
                        if keep is None:
                            keep = [True] * batch.num_rows
                        keep[row] = False
                elif result.text is text:
                    out.append(raw)  # unchanged: skip re-encoding
                else:
                    out.append(result.text.encode(ENCODING, ERRORS))
            arrays[index] = pa.array(out, type=binary_type).view(original.type)
        rebuilt = pa.RecordBatch.from_arrays(arrays, schema=batch.schema)
        if keep is not None:
            rebuilt = rebuilt.filter(pa.array(keep, type=pa.bool_()))
        yield rebuilt


def scan_batches(
    job: Job, batches: Iterable[pa.RecordBatch], partition: int, out_schema: pa.Schema
) -> Iterator[pa.RecordBatch]:
    """One summary batch per partition: per (column, entity) findings, rows, example ids.

    Only counts and row ids leave the executor, never a scanned value.
    """
    worker = worker_for(job)
    counts: dict[tuple[str, str], list[Any]] = {}
    position = partition << PARTITION_SHIFT
    for batch in batches:
        ids: Sequence[Any]
        if job.id_column is not None:
            ids = batch.column(batch.schema.get_field_index(job.id_column)).to_pylist()
        else:
            ids = range(position, position + batch.num_rows)
            position += batch.num_rows
        for name in job.columns:
            binary, _ = _as_binary(batch.column(batch.schema.get_field_index(name)))
            for row, raw in enumerate(binary.to_pylist()):
                if raw is None:
                    continue
                per_entity: dict[str, int] = {}
                for finding in worker.scan(raw.decode(ENCODING, ERRORS), name):
                    per_entity[finding.entity] = per_entity.get(finding.entity, 0) + 1
                for entity, found in per_entity.items():
                    entry = counts.setdefault((name, entity), [0, 0, []])
                    entry[0] += found
                    entry[1] += 1
                    if len(entry[2]) < job.examples:
                        entry[2].append(ids[row])
    keys = sorted(counts)
    yield pa.RecordBatch.from_arrays(
        [
            pa.array([key[0] for key in keys], type=out_schema.field(0).type),
            pa.array([key[1] for key in keys], type=out_schema.field(1).type),
            pa.array([counts[key][0] for key in keys], type=out_schema.field(2).type),
            pa.array([counts[key][1] for key in keys], type=out_schema.field(3).type),
            pa.array([counts[key][2] for key in keys], type=out_schema.field(4).type),
        ],
        schema=out_schema,
    )
