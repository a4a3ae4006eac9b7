"""Hyperscan backend: one pass over a whole block of raw log bytes flags the lines to check.

Hyperscan runs every pattern at once over large blocks of raw UTF-8 bytes, so most of a log
is never decoded, folded or touched by Python. Its patterns are *supersets* of the Python
ones (:mod:`pimask.backends.superset`): no lookarounds, full-width spellings spelled out in
bytes, boundaries encoded as one consumed neighbouring byte so that a long digit run gives
no callback at all instead of one per end offset. Only end offsets are needed (which line a
match lies on, and where on it the exact pattern has to look: :mod:`pimask.backends.lines`),
so no pattern pays for ``HS_FLAG_SOM_LEFTMOST``.

A flagged ``(line, pattern)`` pair is then confirmed by the exact Python pattern on that
line alone, which is what makes the results identical to the reference backend.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import platform
import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import hyperscan

from pimask.backends.lines import Flags, FoldingFlagger, trigger_regex
from pimask.backends.superset import ByteEmitter, translate_patterns
from pimask.scanner import Candidate, CompiledPattern, max_width

_END_SLACK = 2  # characters between an exact match's end and a reported end, at most (+1)

logger = logging.getLogger(__name__)


class HyperscanFinder:
    """Candidate finder and line flagger on Hyperscan (``PIMASK_BACKEND=hyperscan``)."""

    name = "hyperscan"

    def __init__(self, patterns: Sequence[CompiledPattern]) -> None:
        self._patterns = list(patterns)
        self._regexes = [
            re.compile(p.source, re.IGNORECASE if p.spec.ignore_case else 0) for p in self._patterns
        ]
        self._gates = [p.gate for p in self._patterns]
        # why: a reported end e holds an exact match [a, b) with b <= e <= b + 1, and
        # a >= b - longest match; one more character of slack costs nothing
        self._widths = [
            None if (width := max_width(p)) is None else width + _END_SLACK for p in self._patterns
        ]
        expressions: list[bytes] = []
        ids: list[int] = []
        python_only: list[int] = []
        used_chars: set[int] = set()
        for pattern, translation in translate_patterns(self._patterns, ByteEmitter(fold=False)):
            if translation is None:
                python_only.append(pattern.index)
                continue
            expressions.append(translation.pattern.encode("ascii"))
            ids.append(pattern.index)
            used_chars.update(translation.body_chars.ascii)
            used_chars.update(translation.required_chars.ascii)
        self._database, rejected = _compile_all(expressions, ids)
        python_only.extend(rejected)
        self.python_only: tuple[int, ...] = tuple(sorted(python_only))
        self._local = threading.local()
        self._flagger = FoldingFlagger(
            self._flag_ascii, trigger_regex(used_chars), self.python_only
        )

    def __reduce__(self) -> tuple[type, tuple[list[CompiledPattern]]]:
        # why: worker processes get the finder by pickling; a database is rebuilt there.
        return (type(self), (self._patterns,))

    def _scratch(self) -> hyperscan.Scratch:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = hyperscan.Scratch(self._database)
            self._local.scratch = scratch
        return scratch

    def _scan(self, data: bytes, on_match: Any) -> None:
        """Run the database over ``data``, ending it with a newline if it lacks one.

        why: this Hyperscan build misses some matches that end exactly at the end of the
        buffer (``Z[0-9]{1,2}`` on ``b"x" * 15 + b" Z0"``, at some lengths only). A line
        ends at a newline anyway, and every superset boundary accepts one as its consumed
        character, so the extra byte only moves such ends off the edge; a match may end
        one past ``data`` (the newline), which callers file under the last line.
        """
        if not data.endswith(b"\n"):
            data += b"\n"
        self._database.scan(data, match_event_handler=on_match, scratch=self._scratch())

    def _hits(self, data: bytes) -> list[tuple[int, int]]:
        """``(pattern index, end offset)`` for every superset match in ``data``."""
        hits: list[tuple[int, int]] = []
        if self._database is None:
            return hits
        append = hits.append

        def on_match(index: int, _start: int, end: int, _flags: int, _ctx: object) -> None:
            append((index, end))

        self._scan(data, on_match)
        return hits

    def find(self, view: str) -> Iterator[Candidate]:
        """Reference semantics on ``view``: patterns with a superset hit run exactly.

        ``view`` is already folded, so the ASCII supersets are sound on it.
        """
        data = view.encode("utf-8", "surrogatepass")
        wanted = {index for index, _end in self._hits(data)}
        wanted.update(self.python_only)
        for index in sorted(wanted):
            gate = self._gates[index]
            if gate is not None and not gate(view):
                continue
            for match in self._regexes[index].finditer(view):
                yield index, match.start(), match.end()

    def flag_lines(self, data: bytes) -> Flags:
        """Line start offset -> indices of patterns that may match on that line.

        Lines end at ``\\n`` (not part of the line). A line missing from the result holds
        no match of any pattern; see :mod:`pimask.backends.lines`.
        """
        flags = self._flagger.flag_lines(data)
        widths = self._widths
        for patterns in flags.values():
            for index, ends in patterns.items():
                if ends is not None:
                    width = widths[index]
                    patterns[index] = (
                        None if width is None else [(end - width, end) for end in ends]
                    )
        return flags

    def _flag_ascii(self, data: bytes) -> Flags:
        flagged: Flags = {}
        if self._database is None:
            return flagged
        rfind = data.rfind
        find = data.find
        # why: one Python call per match is most of this pass's cost, so the callback does
        # all the work, and remembers the current line: matches come in end order, and
        # consecutive ones are mostly on the same line.
        size = len(data)
        line_start, line_stop = 0, -1  # the current line: start, and its newline (or size)
        line_slot: dict[int, list[int]] = {}

        def on_match(index: int, _start: int, end: int, _flags: int, _ctx: object) -> None:
            nonlocal line_start, line_stop, line_slot
            if not line_start < end <= line_stop + 1:
                line_start = rfind(b"\n", 0, end - 1) + 1
                stop = find(b"\n", line_start)
                line_stop = size if stop < 0 else stop
                line_slot = flagged.get(line_start)  # type: ignore[assignment]
                if line_slot is None:
                    line_slot = flagged[line_start] = {}
            ends = line_slot.get(index)
            if ends is None:
                line_slot[index] = [end - line_start]
            else:
                ends.append(end - line_start)

        self._scan(data, on_match)
        return flagged


def _compile(expressions: list[bytes], ids: list[int]) -> hyperscan.Database:
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=expressions,
        ids=ids,
        elements=len(expressions),
        flags=[0] * len(expressions),
    )
    return database


_DATABASES: dict[tuple[tuple[bytes, ...], tuple[int, ...]], tuple[Any, list[int]]] = {}
_DATABASES_LOCK = threading.Lock()


def _compile_all(
    expressions: list[bytes], ids: list[int]
) -> tuple[hyperscan.Database | None, list[int]]:
    """A database of every expression Hyperscan accepts, and the ids it refused.

    Compiling takes a good fraction of a second, so databases are cached per process by
    their expressions: every engine with the same recognizers shares one (a database is
    read-only while scanning; each thread has its own scratch space).
    """
    key = (tuple(expressions), tuple(ids))
    with _DATABASES_LOCK:
        cached = _DATABASES.get(key)
        if cached is None:
            cached = _DATABASES[key] = _disk_cached(expressions, ids)
            if len(_DATABASES) > 16:
                _DATABASES.pop(next(iter(_DATABASES)))
    return cached[0], list(cached[1])


def _cache_file(expressions: list[bytes], ids: list[int]) -> Path | None:
    """Where a compiled database for these expressions is kept between processes.

    ``$PIMASK_CACHE_DIR``, else ``$XDG_CACHE_HOME/pimask``, else ``~/.cache/pimask``; the
    name hashes the expressions, the Hyperscan build and the machine, so a cache shared
    between different CPUs or versions is never used for the wrong one.
    """
    base = os.environ.get("PIMASK_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "pimask")
    digest = hashlib.sha256()
    for part in (
        getattr(hyperscan, "__version__", ""),
        platform.machine(),
        platform.processor(),
        _cpu_flags(),
        repr(ids),
    ):
        digest.update(str(part).encode() + b"\0")
    for expression in expressions:
        digest.update(expression + b"\0")
    return Path(base) / f"hyperscan-{digest.hexdigest()[:32]}.db"


@functools.cache
def _cpu_flags() -> str:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith(("flags", "model name")):
                    return line
    except OSError:
        pass
    return ""


def _disk_cached(
    expressions: list[bytes], ids: list[int]
) -> tuple[hyperscan.Database | None, list[int]]:
    """:func:`_compile_uncached`, reusing a database another process compiled and saved."""
    if not expressions:
        return None, []
    path = _cache_file(expressions, ids)
    if path is not None and path.is_file():
        try:
            blob = path.read_bytes()
            rejected_count = int.from_bytes(blob[:4], "little")
            rejected = [
                int.from_bytes(blob[4 + 4 * i : 8 + 4 * i], "little") for i in range(rejected_count)
            ]
            database = hyperscan.loadb(blob[4 + 4 * rejected_count :], hyperscan.HS_MODE_BLOCK)
            database.scan(
                b"probe 0", match_event_handler=_ignore, scratch=hyperscan.Scratch(database)
            )
            return database, rejected
        except Exception:  # why: a stale or foreign cache file is only a missed shortcut
            logger.debug("ignoring unusable Hyperscan cache file %s", path)
    database, rejected = _compile_uncached(expressions, ids)
    if database is not None and path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            header = len(rejected).to_bytes(4, "little") + b"".join(
                index.to_bytes(4, "little") for index in rejected
            )
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(header + hyperscan.dumpb(database))
            os.replace(temporary, path)
        except OSError:
            logger.debug("cannot write Hyperscan cache file %s", path)
    return database, rejected


def _ignore(*_args: object) -> None:
    return None


def _compile_uncached(
    expressions: list[bytes], ids: list[int]
) -> tuple[hyperscan.Database | None, list[int]]:
    if not expressions:
        return None, []
    try:
        return _compile(expressions, ids), []
    except hyperscan.error:
        pass
    kept: list[tuple[bytes, int]] = []
    rejected: list[int] = []
    for expression, index in zip(expressions, ids, strict=True):
        try:
            _compile([expression], [index])
        except hyperscan.error:
            rejected.append(index)
        else:
            kept.append((expression, index))
    if not kept:
        return None, rejected
    return _compile([e for e, _ in kept], [i for _, i in kept]), rejected
