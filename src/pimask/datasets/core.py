"""Scanning a value with its field name as context, fixing it, and what a check reports.

Field names are the strongest context there is: a cell under a column called ``手机号`` or
``phone`` is a phone number far more surely than the same digits in free text. The engine
reads context from text, so a value is scanned as ``name: value`` and the findings are
mapped back onto the value (findings inside the name itself are dropped).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pimask.engine import Engine
from pimask.findings import Finding

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_CACHED_LENGTH = 256  # values longer than this are not remembered: memory stays bounded

# why: the engine recognises a key only if it looks like an identifier (letters, digits,
# _ . - and 汉字, at most 48 characters); other characters in a header become "_" and the
# tail is kept, because in both Chinese and English the head noun comes last.
_NOT_KEY_CHAR = re.compile(r"[^A-Za-z0-9_.\-\u4e00-\u9fff]+")
_KEY_START = re.compile(r"^[^A-Za-z_\u4e00-\u9fff]+")


def context_prefix(key: str | None) -> str:
    """The ``name: `` put in front of a value so the engine reads ``name`` as its key."""
    if not key:
        return ""
    cleaned = _NOT_KEY_CHAR.sub("_", key.strip())[-48:].strip("_.-")
    cleaned = _KEY_START.sub("", cleaned)
    return f"{cleaned}: " if cleaned else ""


class ValueScanner:
    """Scans values with context and remembers recent answers (exports repeat values)."""

    def __init__(self, engine: Engine, min_score: float | None = None, cache_size: int = 65536):
        self.engine = engine
        self.min_score = min_score
        self._cache: dict[tuple[str | None, str], list[Finding]] = {}
        self._prefixes: dict[str | None, str] = {}
        self._cache_size = cache_size

    def scan(self, text: str, key: str | None) -> list[Finding]:
        slot = (key, text)
        cached = self._cache.get(slot)
        if cached is not None:
            return cached
        prefix = self._prefixes.get(key)
        if prefix is None:
            prefix = self._prefixes[key] = context_prefix(key)
        if prefix:
            shift = len(prefix)
            found = [
                f.moved(-shift)
                for f in self.engine.scan(prefix + text, min_score=self.min_score)
                if f.start >= shift
            ]
        else:
            found = self.engine.scan(text, min_score=self.min_score)
        if len(text) <= _CACHED_LENGTH:  # why: repeats are short (cities, statuses, flags)
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[slot] = found
        return found

    def scan_many(self, items: Sequence[tuple[str, str | None]]) -> list[list[Finding]]:
        """:meth:`scan` of each ``(text, key)``, with the uncached ones in one engine call."""
        out: list[list[Finding] | None] = []
        todo: list[int] = []
        texts: list[str] = []
        shifts: list[int] = []
        for index, (text, key) in enumerate(items):
            cached = self._cache.get((key, text))
            out.append(cached)
            if cached is not None:
                continue
            prefix = self._prefixes.get(key)
            if prefix is None:
                prefix = self._prefixes[key] = context_prefix(key)
            todo.append(index)
            texts.append(prefix + text)
            shifts.append(len(prefix))
        if todo:
            results = self.engine.scan_many(texts, min_score=self.min_score)
            for index, shift, found in zip(todo, shifts, results, strict=True):
                if shift:
                    found = [f.moved(-shift) for f in found if f.start >= shift]
                out[index] = found
                text, key = items[index]
                if len(text) <= _CACHED_LENGTH:
                    if len(self._cache) >= self._cache_size:
                        self._cache.clear()
                    self._cache[(key, text)] = found
        return out  # type: ignore[return-value]


def fix_value(engine: Engine, policy: object | None, text: str, key: str | None) -> str | None:
    """``text`` rewritten by the policy (None: the policy drops the record)."""
    prefix = context_prefix(key)
    # why: region= acts only on findings in the value; the "name: " prefix is context only.
    region = (len(prefix), len(prefix) + len(text))
    result = engine.apply(prefix + text, policy=policy, region=region)
    if result.dropped:
        return None
    if result.text.startswith(prefix):
        return result.text[len(prefix) :]
    # not expected with region=, but never splice a rewritten key back into the value
    alone = engine.apply(text, policy=policy)
    return None if alone.dropped else alone.text


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding in a file, located for people; ``value`` never appears in the repr."""

    file: str
    entity: str
    score: float
    line: int
    column: int | None
    row: int | None
    # why: a JSON key or CSV header can itself be personal (users["13912345678"]); the
    # reports redact these, and the repr never shows them.
    field: str | None = dataclasses.field(repr=False)
    stable_field: str = dataclasses.field(repr=False)
    length: int = dataclasses.field()
    where: str = dataclasses.field(repr=False)  # "12:5", "row 2, column 手机号 (line 3)"
    value: str = dataclasses.field(repr=False)
    status: str = "forbidden"  # forbidden | baseline | pragma
    # keyed (HMAC) fingerprint, as in a baseline entry; only when the baseline key is there
    fingerprint: str | None = None

    def to_dict(self, *, show_values: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.file,
            "entity": self.entity,
            "score": round(self.score, 3),
            "status": self.status,
            "line": self.line or None,
            "column": self.column,
            "row": self.row,
            "field": self.field,
            "where": self.where,
        }
        if self.fingerprint is not None:
            data["fingerprint"] = self.fingerprint
        if show_values:
            data["value"] = self.value
        return data


@dataclass(slots=True)
class FileReport:
    """What checking (and fixing) one file found.

    ``hits`` keeps at most ``limit`` findings of each kind (forbidden, accepted) when a
    limit is set; every finding is still counted (``counts``, ``field_counts``,
    ``entity_counts``). why: a dense 400k-row export holds over a million findings; keeping
    them all cost 750 MB and a report nobody reads, while the counts say where it leaks.
    """

    file: str
    format: str
    hits: list[Hit] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None  # why the file could not be examined (binary, no pyarrow)
    encoding: str | None = None
    fixed: int = 0  # values rewritten by --fix
    dropped: int = 0  # records removed by --fix (a drop operator)
    notes: list[str] = field(default_factory=list)
    limit: int | None = None  # findings kept per kind; None: all
    counts: Counter[str] = field(default_factory=Counter)  # per status, every finding
    field_counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # forbidden
    entity_counts: Counter[str] = field(default_factory=Counter)  # forbidden
    baseline_unverified: bool = False  # findings the baseline may cover; no key to compare
    stale: int = 0  # baseline entries for this file that matched nothing in this run

    def add(self, hit: Hit) -> None:
        """Count ``hit`` and keep it unless the limit for its kind is reached."""
        self.counts[hit.status] += 1
        forbidden = hit.status == "forbidden"
        if forbidden:
            self.entity_counts[hit.entity] += 1
            if hit.stable_field:
                self.field_counts[(hit.stable_field, hit.entity)] += 1
        if self.limit is None:
            self.hits.append(hit)
            return
        kind_count = self.counts["forbidden"] if forbidden else self.accepted
        if kind_count <= self.limit:
            self.hits.append(hit)

    def clear_hits(self) -> None:
        """Forget every finding (a file read again: after --fix, or in another encoding)."""
        self.hits = []
        self.counts = Counter()
        self.field_counts = Counter()
        self.entity_counts = Counter()

    @property
    def accepted(self) -> int:
        """Findings accepted by the baseline or an inline pragma."""
        return self.counts["baseline"] + self.counts["pragma"]

    @property
    def forbidden(self) -> list[Hit]:
        """The forbidden findings kept (all of them unless ``limit`` is set)."""
        return [hit for hit in self.hits if hit.status == "forbidden"]

    @property
    def forbidden_total(self) -> int:
        """Every forbidden finding, kept or only counted."""
        return self.counts["forbidden"]

    @property
    def omitted(self) -> int:
        """Findings counted but not kept because of ``limit``."""
        return sum(self.counts.values()) - len(self.hits)

    def column_summary(self) -> Counter[tuple[str, str]]:
        """Forbidden findings per (column or key, entity): where a dataset leaks."""
        return Counter(self.field_counts)


@dataclass(slots=True)
class CheckOptions:
    """How to check: which engine and policy, how to read files, what is accepted."""

    engine: Engine
    policy: object | None = None
    covered: frozenset[str] | None = None  # entities the policy forbids; None: all
    min_score: float | None = None
    encoding: str | None = None
    as_format: str | None = None
    delimiter: str | None = None
    # files read whole (a single JSON document; any file with --fix) larger than this are
    # refused; streamed files (text, CSV, JSON Lines, Parquet) only with ``max_stream_bytes``
    max_bytes: int = DEFAULT_MAX_BYTES
    max_stream_bytes: int = 0  # 0: no limit
    max_hits: int | None = None  # findings kept per file and kind (FileReport.limit)
    progress: Callable[[int], None] | None = None  # called with bytes read, as they are
    accepted: Callable[[Hit], bool] | None = None  # the baseline
    allowlisted: Callable[[str, str], bool] | None = None  # policy allowlist (entity, value)
    # the policy's own tokens (pseudonyms, ciphertext markers): CompiledPolicy.own_output
    own_token: Callable[[str, Any, Sequence[re.Match]], bool] | None = None
    fix: bool = False


def classify(hit: Hit, pragma: frozenset[str] | None, options: CheckOptions) -> Hit:
    """Mark a hit allowed by an inline pragma or by the baseline."""
    if pragma is not None and (not pragma or hit.entity in pragma):
        return replace(hit, status="pragma")
    if options.accepted is not None and options.accepted(hit):
        return replace(hit, status="baseline")
    return hit


def describe(
    format_name: str, unit_line: int, column: int | None, row: int | None, field_name: str | None
) -> str:
    """Where a finding is, in the words of its format (never the value)."""
    if format_name == "text" or field_name is None:
        return f"{unit_line}:{column}" if column is not None else f"line {unit_line}"
    if format_name == "parquet":
        return f"row {row}, column {field_name}"
    if format_name in ("csv", "tsv"):
        if row is None:
            return f"line {unit_line}, header"
        return f"row {row}, column {field_name} (line {unit_line})"
    return f"line {unit_line}, key {field_name}"
