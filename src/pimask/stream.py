"""The streaming core behind ``pimask mask``: bytes in, bytes out, nothing lost.

Guarantees (docs/streaming.md states them for users):

* **Lossless.** A record is everything up to and including a ``\\n`` (the last one may lack
  it). Bytes are decoded as UTF-8 with ``surrogateescape`` so invalid bytes survive the round
  trip; every byte outside a masked span comes out exactly as it went in. ``\\r`` (in CRLF or
  alone) is ordinary line content; the newline itself is never part of what is scanned.
* **Ordered and parallel.** Work goes out in batches of whole lines (or windows of one
  overlong line) to an in-process transformer or a pool of worker processes, each of which
  builds its engine once; results are written strictly in input order.
* **Bounded memory.** A line longer than ``window_bytes`` is cut into windows of that size;
  each window is scanned together with ``margin_bytes`` of context on either side and acts
  only on findings that *start* inside it (:meth:`pimask.Engine.apply` with ``region``), so
  an entity straddling a window edge is found once, with the same context, and the output
  is identical to whole-line processing (for entities and context shorter than the margin).
* **Live.** :meth:`StreamMasker.flush` writes and flushes everything done so far; the CLI
  calls it whenever the input goes idle, so a followed stream is never held back.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from json.decoder import scanstring
from typing import Any, BinaryIO

from pimask.errors import InputError, PimaskError

ENCODING = "utf-8"
ERRORS = "surrogateescape"

DEFAULT_BATCH_BYTES = 256 * 1024
DEFAULT_WINDOW_BYTES = 256 * 1024  # why: measured fastest per byte (benchmarks/memory.py)
# why: 8 KiB is at least 2048 characters even for 4-byte UTF-8, far more than the longest
# entity plus the widest context look-back (200 characters) and look-ahead any recognizer uses.
DEFAULT_MARGIN_BYTES = 8192
# why: a value straddling a window edge is found only if the margin holds all of it plus
# the context it needs; below this (an email of 254 characters at 4 bytes each) a real
# engine could leave a value unmasked without a word, so such settings are refused.
MIN_ENGINE_MARGIN_BYTES = 1024
FORMATS = ("text", "jsonl")

Actions = Counter  # (entity, operator) -> count


# --------------------------------------------------------------------------- transformer


class Transformer:
    """One engine + one policy + one record format: turns a line's text into its output.

    Built once per process (the main one for ``-j 1``, each worker otherwise).
    """

    def __init__(
        self,
        engine: Any,
        policy: object | None = None,
        fmt: str = "text",
        encoding: str | None = None,
    ) -> None:
        if fmt not in FORMATS:
            raise PimaskError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
        self.engine = engine
        self.policy = policy
        self.fmt = fmt
        # None: UTF-8, GB18030 for Chinese lines that are not UTF-8 (pimask.linecodec)
        self.encoding = encoding

    def line(self, text: str, actions: Actions) -> str | None:
        """The output for one line's text (no newline), or None when the policy drops it."""
        if self.fmt == "jsonl":
            structured = _json_line(self, text, actions)
            if structured is not _NOT_JSON:
                return structured
        result = self.engine.apply(text, self.policy)
        actions.update(result.actions)
        return None if result.dropped else result.text

    def value(self, context: str, value: str, actions: Actions) -> str | None:
        """``value`` transformed with ``context`` read before it (the key), or None: drop."""
        text = context + value
        result = self.engine.apply(text, self.policy, region=(len(context), len(text)))
        actions.update(result.actions)
        return None if result.dropped else result.text[len(context) :]


# --------------------------------------------------------------------------- JSON lines

_NOT_JSON = object()
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = ("true", "false", "null", "NaN", "Infinity", "-Infinity")


def _json_line(transformer: Transformer, text: str, actions: Actions) -> Any:
    """Mask the object keys and string (and number) values of a JSON object/array line in
    place.

    Only the changed key and value tokens are rewritten; key order, whitespace and every
    other token keep their exact bytes. Returns ``_NOT_JSON`` for anything that is not a JSON
    object or array, which then takes the text path.
    """
    stripped = text.lstrip(" \t\r")
    if not stripped.startswith(("{", "[")):
        return _NOT_JSON
    try:
        json.loads(text)
        tokens: list[tuple[int, int, str | None, str, bool]] = []
        _walk(text, _WS.match(text, 0).end(), None, tokens)
    except (ValueError, RecursionError):
        return _NOT_JSON
    pieces: list[str] = []
    cursor = 0
    local: Actions = Counter()
    for start, end, key, value, is_string in tokens:
        context = f'"{key}": "' if key is not None else ""
        masked = transformer.value(context, value, local)
        if masked is None:
            actions.update(local)
            return None
        if masked == value:
            continue
        raw = text[start:end]
        if not is_string or "\\" not in raw or not _has_lone_surrogate(masked):
            token = json.dumps(masked, ensure_ascii=False)
        else:
            token = json.dumps(masked, ensure_ascii=True)
        pieces.append(text[cursor:start])
        pieces.append(token)
        cursor = end
    actions.update(local)
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


def _has_lone_surrogate(value: str) -> bool:
    # why: a surrogate decoded from a JSON "\ud800" escape is no raw byte and cannot be
    # written back raw; such values are re-escaped instead.
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def _walk(
    s: str, i: int, key: str | None, out: list[tuple[int, int, str | None, str, bool]]
) -> int:
    """Record (start, end, key, value, is_string) of every key and value token, in order
    of position (a key token has ``key`` None); return the end.

    ``s`` is already known to be valid JSON, so the walker checks nothing.
    """
    ch = s[i]
    if ch == "{":
        i = _WS.match(s, i + 1).end()
        if s[i] == "}":
            return i + 1
        while True:
            start = i
            name, i = scanstring(s, i + 1)
            # why: maps keyed by phone number or email are common; a key is scanned alone
            # (no key context) and rewritten like a value, as a JSON string.
            out.append((start, i, None, name, True))
            i = _WS.match(s, i).end() + 1  # the ':'
            i = _walk(s, _WS.match(s, i).end(), name, out)
            i = _WS.match(s, i).end()
            if s[i] == "}":
                return i + 1
            i = _WS.match(s, i + 1).end()  # after ','
    if ch == "[":
        i = _WS.match(s, i + 1).end()
        if s[i] == "]":
            return i + 1
        while True:
            i = _walk(s, i, key, out)
            i = _WS.match(s, i).end()
            if s[i] == "]":
                return i + 1
            i = _WS.match(s, i + 1).end()
    if ch == '"':
        value, end = scanstring(s, i + 1)
        out.append((i, end, key, value, True))
        return end
    for literal in _LITERALS:
        if s.startswith(literal, i):
            return i + len(literal)
    match = _NUMBER.match(s, i)
    if match is None:  # pragma: no cover - json.loads accepted it
        raise ValueError("unexpected JSON token")
    out.append((i, match.end(), key, match.group(), False))
    return match.end()


# --------------------------------------------------------------------------- tasks


@dataclass(slots=True)
class LinesResult:
    """A batch of whole lines, transformed. ``error`` = (index in batch, message)."""

    out: bytes
    lines: int
    dropped: int
    actions: Actions
    error: tuple[int, str] | None = None


@dataclass(slots=True)
class WindowResult:
    """One window of an overlong line.

    ``out`` covers the original bytes ``[lo, hi + overshoot)``: a finding that starts in the
    core and crosses its end is emitted whole here. The first ``head_clean`` bytes of ``out``
    are original bytes, unchanged, which is what the next window may need to skip.
    """

    out: bytes
    head_clean: int
    overshoot: int
    dropped: bool
    actions: Actions
    error: str | None = None


def describe_error(exc: BaseException) -> str:
    """A message for ``exc`` that cannot contain line content."""
    if isinstance(exc, PimaskError):
        return str(exc)
    return f"internal error ({type(exc).__name__})"


def run_lines(transformer: Transformer, blob: bytes) -> LinesResult:
    """Transform every line in ``blob`` (``\\n``-terminated, the last one may not be)."""
    block = getattr(transformer.engine, "apply_block", None)
    if transformer.fmt == "text" and block is not None:
        # why: the engine's block path skips lines no pattern can match without decoding
        # them; its output is defined to equal the per-line loop below.
        done = block(blob, transformer.policy, transformer.encoding)
        error = None if done.error is None else (done.error[0], describe_error(done.error[1]))
        return LinesResult(done.out, done.lines, done.dropped, Counter(done.actions), error)
    from pimask.linecodec import also_utf8, encode_back, line_codec

    lines = blob.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
        final_newline = True
    else:
        final_newline = False
    actions: Actions = Counter()
    out: list[bytes] = []
    dropped = 0
    error = None
    last = len(lines) - 1
    for index, raw in enumerate(lines):
        codec = line_codec(raw, transformer.encoding) or ENCODING
        try:
            masked = transformer.line(raw.decode(codec, ERRORS), actions)
            if masked is not None and transformer.encoding is None and also_utf8(raw, codec):
                # why: both readings of an ambiguous line are scanned (linecodec.also_utf8)
                once = encode_back(masked, codec).decode(ENCODING, ERRORS)
                masked, codec = transformer.line(once, actions), ENCODING
            if masked is not None:
                out.append(encode_back(masked, codec))
        except Exception as exc:
            error = (index, describe_error(exc))
            break
        if masked is None:
            dropped += 1
            continue
        out.append(b"\n" if index < last or final_newline else b"")
    return LinesResult(
        b"".join(out),
        len(lines) if error is None else error[0],
        dropped,
        actions,
        error,
    )


def run_window(transformer: Transformer, left: bytes, core: bytes, right: bytes) -> WindowResult:
    """Transform the findings that start in ``core``, reading ``left``/``right`` as context."""
    left_text = left.decode(ENCODING, ERRORS)
    core_text = core.decode(ENCODING, ERRORS)
    text = left_text + core_text + right.decode(ENCODING, ERRORS)
    lo = len(left_text)
    hi = lo + len(core_text)
    actions: Actions = Counter()
    try:
        result = transformer.engine.apply(text, transformer.policy, region=(lo, hi))
    except Exception as exc:
        return WindowResult(b"", 0, 0, False, actions, describe_error(exc))
    actions.update(result.actions)
    findings = result.findings
    cut = max(hi, findings[-1].end) if findings else hi
    produced = result.text[lo : len(result.text) - (len(text) - cut)]
    out = produced.encode(ENCODING, ERRORS)
    if findings:
        head_clean = len(text[lo : findings[0].start].encode(ENCODING, ERRORS))
        overshoot = len(text[hi:cut].encode(ENCODING, ERRORS))
    else:
        head_clean, overshoot = len(out), 0
    return WindowResult(out, head_clean, overshoot, result.dropped, actions)


def run_task(transformer: Transformer, task: tuple) -> LinesResult | WindowResult:
    if task[0] == "lines":
        return run_lines(transformer, task[1])
    return run_window(transformer, task[1], task[2], task[3])


# --------------------------------------------------------------------------- worker pool

_WORKER: Transformer | None = None
# A transformer the parent already built, handed to workers it forks (none otherwise).
_INHERITED: Transformer | None = None


def _worker_init(factory: Callable[[], Transformer]) -> None:
    global _WORKER
    # why: Ctrl-C goes to the whole process group; the parent decides what is flushed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not ours
    # why: a forked worker already holds the parent's engine (copy-on-write); building
    # another would only cost startup time. Spawned workers build their own, once.
    _WORKER = _INHERITED if _INHERITED is not None else factory()


def _worker_run(task: tuple) -> LinesResult | WindowResult:
    assert _WORKER is not None
    return run_task(_WORKER, task)


class _Done:
    """An already computed result with the AsyncResult interface the pipeline uses."""

    __slots__ = ("value",)

    def __init__(self, value: LinesResult | WindowResult) -> None:
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self) -> LinesResult | WindowResult:
        return self.value


def resolve_jobs(value: str | int) -> int:
    """``-j`` value: a positive integer or ``auto`` (one worker per CPU)."""
    if value == "auto":
        # why: the CPUs this process may run on (taskset, container cpusets), if known
        affinity = getattr(os, "sched_getaffinity", None)
        return max(1, len(affinity(0)) if affinity else os.cpu_count() or 1)
    try:
        jobs = int(value)
    except ValueError:
        raise PimaskError(f"-j expects a positive number or 'auto', got {value!r}") from None
    if jobs < 1:
        raise PimaskError(f"-j expects a positive number or 'auto', got {value!r}")
    return jobs


# --------------------------------------------------------------------------- statistics


@dataclass
class Stats:
    """What ``--stats`` reports: counts only, never a value."""

    lines: int = 0
    dropped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    actions: Actions = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def report(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.bytes_in / elapsed / 1e6
        lines = [
            f"pimask: {self.lines} lines ({self.dropped} dropped), "
            f"{self.bytes_in} bytes in, {self.bytes_out} bytes out, "
            f"{elapsed:.2f} s, {rate:.2f} MB/s"
        ]
        if self.actions:
            width = max(len(entity) for entity, _ in self.actions)
            for (entity, operator), count in sorted(self.actions.items()):
                lines.append(f"pimask:   {entity:<{width}}  {operator:<12} {count}")
        else:
            lines.append("pimask:   no findings")
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- signals


class Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C (log shippers stop their filters this way).

    why: a BaseException, like KeyboardInterrupt, so no ``except Exception`` on the way (a
    line that fails to mask is reported as an error) turns a SIGTERM into exit 2.
    """


class SignalGuard:
    """Turns SIGINT/SIGTERM into exceptions, but never in the middle of writing a result.

    why: an exception raised inside a big ``write`` leaves half a line in the output, and one
    raised between taking a result off the queue and writing it leaves a gap. Inside
    ``with guard:`` the signal is remembered and raised when the block ends; outside (reading,
    waiting for a worker) it is raised at once, so Ctrl-C never waits for more input.
    """

    def __init__(self) -> None:
        self._depth = 0
        self._pending: int | None = None
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous[signum] = signal.signal(signum, self._handle)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _handle(self, signum: int, frame: Any) -> None:
        if self._depth:
            self._pending = signum
            return
        self._raise(signum)

    @staticmethod
    def _raise(signum: int) -> None:
        if signum == signal.SIGTERM:
            raise Terminated
        raise KeyboardInterrupt

    def __enter__(self) -> SignalGuard:
        self._depth += 1
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        self._depth -= 1
        if self._depth == 0 and self._pending is not None and exc_type is None:
            signum, self._pending = self._pending, None
            self._raise(signum)


# --------------------------------------------------------------------------- the masker


def _refuse_small_margin(transformer: Transformer, margin_bytes: int) -> None:
    """Refuse a margin a real engine's values and context may not fit in (fail closed)."""
    from pimask.engine import Engine

    if isinstance(getattr(transformer, "engine", None), Engine):
        raise ValueError(
            f"margin_bytes={margin_bytes} is too small for the engine: a value straddling a "
            f"window edge could be left unmasked; use at least {MIN_ENGINE_MARGIN_BYTES}"
        )


def _align(buf: bytearray | bytes, pos: int, floor: int) -> int:
    """A cut position at or just before ``pos`` that splits no UTF-8 character.

    why: decoding both sides of the cut separately must give the same characters as decoding
    the whole; a cut before a byte that is not a continuation byte (10xxxxxx) guarantees it.
    Four continuation bytes in a row cannot belong to one character, so ``pos`` is then safe.
    """
    for back in range(4):
        at = pos - back
        if at <= floor:
            return pos if back else at
        if at >= len(buf) or (buf[at] & 0xC0) != 0x80:
            return at
    return pos


class _LongLine:
    """Cuts one overlong line into windows as its bytes arrive; keeps O(window) bytes."""

    def __init__(self, window: int, margin: int, line_no: int) -> None:
        self.window = window
        self.margin = margin
        self.line_no = line_no
        self.buf = bytearray()
        self.base = 0  # line offset of buf[0]
        self.lo = 0  # line offset where the next window's core starts
        self.first = True

    def add(self, data: bytes | bytearray | memoryview) -> None:
        self.buf += data

    def windows(self, final: bool) -> Iterator[tuple[int, bytes, bytes, bytes]]:
        """(lo, left, core, right) for every window that can be cut now."""
        window, margin, buf = self.window, self.margin, self.buf
        while True:
            end = self.base + len(buf)
            if not final and end < self.lo + window + margin + 4:
                return
            if final and end - self.lo <= window:
                hi = right_end = end
            else:
                hi = _align(buf, self.lo + window - self.base, self.lo - self.base + 1) + self.base
                right_end = min(hi + margin, end)
                if right_end < end:
                    right_end = _align(buf, right_end - self.base, hi - self.base) + self.base
            left_start = max(self.base, self.lo - margin)
            if left_start > self.base:
                left_start = _align(buf, left_start - self.base, 0) + self.base
            b = self.base
            yield (
                self.lo,
                bytes(buf[left_start - b : self.lo - b]),
                bytes(buf[self.lo - b : hi - b]),
                bytes(buf[hi - b : right_end - b]),
            )
            self.lo = hi
            keep_from = max(self.base, self.lo - margin - 4)
            del buf[: keep_from - self.base]
            self.base = keep_from
            if hi == end:
                return


@dataclass(slots=True)
class _Pending:
    handle: Any  # AsyncResult or _Done
    kind: str  # "lines" | "window"
    source: str
    line_no: int  # first line of the batch, or the windowed line
    size: int  # input bytes
    lo: int = 0  # window: line offset of the core
    last: bool = False  # window: the line's final window
    newline: bool = False  # window: the line ended with "\n"


class StreamMasker:
    """Feeds bytes through a :class:`Transformer` (inline or in worker processes) to ``out``.

    Use: ``begin(name)``, ``feed(data)`` as bytes arrive, ``end()`` at the end of each
    source, ``flush()`` whenever the input goes idle, ``close()`` at the very end (or
    ``abort()`` on Ctrl-C, which writes only what is finished).
    """

    def __init__(
        self,
        factory: Callable[[], Transformer],
        out: BinaryIO,
        *,
        jobs: int = 1,
        batch_bytes: int = DEFAULT_BATCH_BYTES,
        window_bytes: int = DEFAULT_WINDOW_BYTES,
        margin_bytes: int = DEFAULT_MARGIN_BYTES,
        stats: Stats | None = None,
        transformer: Transformer | None = None,
        guard: SignalGuard | None = None,
    ) -> None:
        if window_bytes < 16 or margin_bytes < 16:
            raise ValueError("window and margin must be at least 16 bytes")
        if margin_bytes < MIN_ENGINE_MARGIN_BYTES:
            _refuse_small_margin(transformer or factory(), margin_bytes)
        self._out = out
        self._batch_bytes = batch_bytes
        self._window = window_bytes
        self._margin = margin_bytes
        self.stats = stats or Stats()
        self._guard = guard or SignalGuard()
        self._pending: deque[_Pending] = deque()
        self._max_pending = 0 if jobs <= 1 else 2 * jobs
        if jobs <= 1:
            self._transformer = transformer or factory()
            self._pool = None
        else:
            self._transformer = None
            import multiprocessing  # why: imported only when needed; keeps startup fast

            # why: fork starts workers in milliseconds; elsewhere (macOS, Windows) fork is
            # unsafe or missing, so the platform's default start method.
            linux = sys.platform.startswith("linux")
            context = multiprocessing.get_context("fork" if linux else None)
            global _INHERITED
            _INHERITED = transformer if linux else None
            try:
                self._pool = context.Pool(jobs, _worker_init, (factory,))
            finally:
                _INHERITED = None  # workers re-forked later (after a crash) build their own
        self._source = "-"
        self._line_no = 1  # number of the next line to start
        self._partial = bytearray()
        self._batch = bytearray()
        self._batch_line = 1
        self._long: _LongLine | None = None
        # window stitching state (output side)
        self._emitted_to = 0
        self._line_dropped = False
        self._sink: Any = None
        self._warned = False
        self._failed = False  # a result reported an error: nothing after it may be written

    # ---- input side

    def set_output(self, out: BinaryIO) -> None:
        """Write to ``out`` from now on (call :meth:`flush` first: a UTF-16 source's output
        goes through a transcoding writer, the next source's does not)."""
        self._out = out

    def begin(self, source: str) -> None:
        self._source = source
        self._line_no = 1
        self._batch_line = 1

    def feed(self, data: bytes) -> None:
        """Accept the next bytes of the current source (any split point)."""
        self.stats.bytes_in += len(data)
        view = memoryview(data)
        pos = 0
        if self._long is not None:
            nl = data.find(b"\n")
            if nl < 0:
                self._long.add(view)
                self._submit_windows(final=False)
                return
            self._long.add(view[:nl])
            self._finish_long(newline=True)
            pos = nl + 1
        last_nl = data.rfind(b"\n", pos)
        if last_nl >= 0:
            if self._partial:
                nl = data.find(b"\n", pos)
                self._partial += view[pos : nl + 1]
                self._add_complete(bytes(self._partial))
                self._partial = bytearray()
                pos = nl + 1
            if pos <= last_nl:
                self._add_complete(view[pos : last_nl + 1])
            pos = last_nl + 1
        if pos < len(data):
            self._partial += view[pos:]
            if len(self._partial) > self._window:
                self._start_long(self._partial)
                self._partial = bytearray()

    def end(self) -> None:
        """End of the current source: its last line may lack a newline."""
        if self._long is not None:
            self._finish_long(newline=False)
        elif self._partial:
            self._add_complete(bytes(self._partial))
            self._partial = bytearray()
        self._submit_batch()

    def _add_complete(self, chunk: bytes | memoryview) -> None:
        """Whole lines (each ends with "\\n" except possibly at the end of a source)."""
        if len(chunk) > self._window + 1:
            self._add_split(bytes(chunk))
            return
        self._batch += chunk
        if len(self._batch) >= self._batch_bytes:
            self._submit_batch()

    def _add_split(self, chunk: bytes) -> None:
        """A big chunk of whole lines that may hold overlong ones: route each by its length.

        why: every line that lies inside a stretch of ``window + 1`` bytes is short, so one
        ``rfind`` per stretch classifies the chunk without a Python loop per line.
        """
        pos = 0
        size = len(chunk)
        span = self._window + 1
        while pos < size:
            last = chunk.rfind(b"\n", pos, pos + span)
            if last >= 0 or size - pos <= self._window:
                stop = last + 1 if last >= 0 else size
                self._batch += chunk[pos:stop]
                if len(self._batch) >= self._batch_bytes:
                    self._submit_batch()
                pos = stop
                continue
            nl = chunk.find(b"\n", pos)
            end = size if nl < 0 else nl
            self._start_long(memoryview(chunk)[pos:end])
            self._finish_long(newline=nl >= 0)
            pos = end + 1

    def _start_long(self, first: bytes | bytearray | memoryview) -> None:
        self._submit_batch()
        self._long = _LongLine(self._window, self._margin, self._line_no)
        self._long.add(first)
        self._submit_windows(final=False)

    def _finish_long(self, newline: bool) -> None:
        self._submit_windows(final=True, newline=newline)
        self._long = None
        self._line_no += 1
        self._batch_line = self._line_no

    def _submit_windows(self, final: bool, newline: bool = False) -> None:
        long = self._long
        assert long is not None
        windows = list(long.windows(final))
        for index, (lo, left, core, right) in enumerate(windows):
            last = final and index == len(windows) - 1
            size = len(core) + (1 if last and newline else 0)
            task = ("window", left, core, right)
            pending = _Pending(
                self._dispatch(task), "window", self._source, long.line_no, size, lo, last, newline
            )
            self._enqueue(pending)

    def _submit_batch(self) -> None:
        if not self._batch:
            return
        blob = bytes(self._batch)
        self._batch = bytearray()
        lines = blob.count(b"\n") + (0 if blob.endswith(b"\n") else 1)
        pending = _Pending(
            self._dispatch(("lines", blob)), "lines", self._source, self._batch_line, len(blob)
        )
        self._line_no = self._batch_line + lines
        self._batch_line = self._line_no
        self._enqueue(pending)

    def _dispatch(self, task: tuple) -> Any:
        if self._pool is None:
            assert self._transformer is not None
            return _Done(run_task(self._transformer, task))
        return self._pool.apply_async(_worker_run, (task,))

    def _enqueue(self, pending: _Pending) -> None:
        self._pending.append(pending)
        self._drain(block_over=self._max_pending)

    # ---- output side

    def _drain(self, block_over: int) -> None:
        """Write finished results in order; wait while more than ``block_over`` are queued."""
        queue = self._pending
        while queue and (len(queue) > block_over or queue[0].handle.ready()):
            result = queue[0].handle.get()  # may be interrupted: the queue is still intact
            with self._guard:
                self._write(queue.popleft(), result)

    def _write(self, pending: _Pending, result: LinesResult | WindowResult) -> None:
        stats = self.stats
        stats.actions.update(result.actions)
        if isinstance(result, LinesResult):
            if result.out:
                write_all(self._out, result.out)
                stats.bytes_out += len(result.out)
            stats.lines += result.lines
            stats.dropped += result.dropped
            if result.error is not None:
                self._failed = True
                index, message = result.error
                raise InputError(f"{pending.source}:{pending.line_no + index}: {message}")
            return
        if result.error is not None:
            self._failed = True
            if self._sink is not None:
                self._sink.close()
                self._sink = None
            raise InputError(f"{pending.source}:{pending.line_no}: {result.error}")
        if pending.lo == 0:
            self._emitted_to = 0
            self._line_dropped = False
            self._sink = self._open_sink()
        skip = self._emitted_to - pending.lo
        out = result.out
        if skip > 0:
            if skip <= result.head_clean or result.head_clean == len(out):
                out = out[skip:]
            else:  # pragma: no cover - needs an entity or context longer than the margin
                self._warn_inconsistent(pending)
                out = out[result.head_clean :]
        self._emitted_to = max(self._emitted_to, pending.lo + len_core(pending) + result.overshoot)
        self._line_dropped = self._line_dropped or result.dropped
        if not self._line_dropped and out:
            self._sink.write(out)
        if pending.last:
            stats.lines += 1
            if self._line_dropped:
                stats.dropped += 1
                self._sink.close()
            else:
                self._close_sink(b"\n" if pending.newline else b"")
            self._sink = None

    def _open_sink(self) -> Any:
        # why: a drop decision or an error may come in the line's last window; until then the
        # line's output waits (on disk past 8 MiB), so no line is ever half-written.
        import tempfile

        return tempfile.SpooledTemporaryFile(max_size=8 << 20)

    def _close_sink(self, newline: bytes) -> None:
        sink = self._sink
        sink.seek(0)
        while chunk := sink.read(1 << 20):
            write_all(self._out, chunk)
            self.stats.bytes_out += len(chunk)
        sink.close()
        write_all(self._out, newline)
        self.stats.bytes_out += len(newline)

    def _warn_inconsistent(self, pending: _Pending) -> None:
        if not self._warned:
            self._warned = True
            print(
                f"pimask: warning: {pending.source}:{pending.line_no}: an entity or its context "
                "is longer than the window margin; output near a window edge may differ",
                file=sys.stderr,
            )

    # ---- control

    def flush(self) -> None:
        """Process everything complete so far, write it in order and flush ``out``."""
        self._submit_batch()
        self._drain(block_over=0)
        with self._guard:
            self._out.flush()

    def push(self) -> None:
        """Send off the partial batch and write whatever is finished, without waiting.

        For a steady trickle of input that is never idle: its lines still come out within a
        batch's processing time, while workers stay busy.
        """
        self._submit_batch()
        self._drain(block_over=self._max_pending)
        with self._guard:
            self._out.flush()

    def close(self) -> None:
        """End of all input: finish, flush, stop the workers."""
        try:
            self.flush()
        finally:
            self._shutdown(graceful=True)

    def abort(self) -> None:
        """Ctrl-C: write the results that are already finished (in order), flush, stop."""
        try:
            queue = self._pending
            while queue and queue[0].handle.ready():
                result = queue[0].handle.get()
                with self._guard:
                    self._write(queue.popleft(), result)
            with self._guard:
                self._out.flush()
        finally:
            self._shutdown(graceful=False)

    def salvage(self) -> None:
        """After an error on the input side (a file that cannot be opened or read): write
        every whole line already read, in order, and flush; a partial line never.

        why: with workers, finished batches wait in the queue, and ``-j 1`` would already
        have written them; throwing them away would lose lines before the bad input. After
        an error in a result nothing more is written: what follows it comes after the bad
        line. Raises :class:`InputError` if a queued result holds an (earlier) error.
        """
        if not self._failed:
            self._submit_batch()
            self._drain(block_over=0)
        if self._sink is not None:  # an overlong line cut short: it is not written
            self._sink.close()
            self._sink = None
        with self._guard:
            self._out.flush()

    def terminate(self) -> None:
        """Stop the workers now, writing nothing more (after an error or a broken pipe)."""
        self._shutdown(graceful=False)

    def _shutdown(self, graceful: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if graceful:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def write_all(out: BinaryIO, data: bytes) -> None:
    """Write every byte of ``data``.

    why: with ``PYTHONUNBUFFERED=1`` (common in containers) ``sys.stdout.buffer`` is a raw
    FileIO whose ``write`` may write only part of the data (a signal during a pipe write),
    returning the count; ignoring it would silently lose output.
    """
    view = memoryview(data)
    while view:
        written = out.write(view)
        if written is None:  # a non-blocking raw stream that is full: wait for it
            select.select([], [out], [])
            continue
        view = view[written:]


def len_core(pending: _Pending) -> int:
    """Core length of a window task (its input size without the line's newline)."""
    return pending.size - (1 if pending.last and pending.newline else 0)


# --------------------------------------------------------------------------- reading


class ChunkReader:
    """Reads whatever is available (never waits for a full buffer) and says when idle.

    why: a followed pipe or a terminal must not be held back waiting for more input, and a
    file or a busy pipe should be read in big chunks. ``idle()`` is True when the next read
    would block, which is exactly when the output must be flushed.
    """

    def __init__(self, stream: BinaryIO, size: int = 1 << 20) -> None:
        self._stream = stream
        try:
            self._fd: int | None = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None
        self._size = size

    def read(self) -> bytes:
        if self._fd is not None:
            return os.read(self._fd, self._size)
        read1 = getattr(self._stream, "read1", None)
        return read1(self._size) if read1 is not None else self._stream.read(self._size)

    def idle(self, grace: float = 0.0) -> bool:
        """True when no input arrives within ``grace`` seconds.

        why: right after a read has emptied a pipe the writer needs a moment to refill it;
        calling that moment "idle" would flush (and wait for every worker) after each read
        of ``cat big.log | pimask mask -j 8`` and serialize the pool.
        """
        if self._fd is None:
            return False
        try:
            ready, _, _ = select.select([self._fd], [], [], grace)
        except (OSError, ValueError):
            return True
        return not ready


def mask_bytes(
    data: bytes,
    transformer: Transformer,
    *,
    chunks: Iterator[int] | None = None,
    **options: Any,
) -> bytes:
    """Run ``data`` through a :class:`StreamMasker` (split at ``chunks`` sizes) and return
    the output; the reference entry point for tests and library callers."""
    import io

    out = io.BytesIO()
    masker = StreamMasker(lambda: transformer, out, transformer=transformer, **options)
    masker.begin("<bytes>")
    pos = 0
    sizes = iter(chunks) if chunks is not None else iter(())
    while pos < len(data):
        size = next(sizes, len(data) - pos) or 1
        masker.feed(data[pos : pos + size])
        pos += size
    masker.end()
    masker.close()
    return out.getvalue()
