"""Transform a whole block of lines at once: the fast path behind ``pimask mask``.

:func:`apply_block` gives exactly what calling :meth:`pimask.Engine.apply` on every line
(without its newline) and re-joining would give. With the native core, one call scans the
whole block with the GIL released: without a policy it also masks and splices, so no line
becomes a Python object at all; with a policy only the lines that hold findings are decoded
and handed to the policy's operators. With the reference engine every line goes through
``Engine.apply``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pimask.engine import Result

ENCODING = "utf-8"
ERRORS = "surrogateescape"  # why: lossless for bytes that are not UTF-8


@dataclass(slots=True)
class BlockResult:
    """What :func:`apply_block` did. ``error`` = (line index in the block, exception)."""

    out: bytes
    lines: int
    dropped: int
    actions: Counter = field(default_factory=Counter)
    error: tuple[int, BaseException] | None = None


def _line_count(blob: bytes) -> int:
    if not blob:
        return 0
    return blob.count(b"\n") + (0 if blob.endswith(b"\n") else 1)


def _all_lines(blob: bytes) -> dict[int, None]:
    starts: dict[int, None] = {0: None} if blob else {}
    position = blob.find(b"\n")
    size = len(blob)
    while position >= 0:
        if position + 1 < size:
            starts[position + 1] = None
        position = blob.find(b"\n", position + 1)
    return starts


def apply_block(
    engine: Any, blob: bytes, policy: object | None = None, encoding: str | None = None
) -> BlockResult:
    """Every line of ``blob`` through ``engine.apply(line, policy)``, output as bytes.

    Lines end at ``\\n``, which is not part of the scanned text; the last line may lack
    it. A dropped line disappears with its newline. Processing stops at the first line
    whose transformation raises; ``out`` then holds every line before it.

    Each line is read in the encoding :func:`pimask.linecodec.line_codec` picks for it
    (``encoding`` None: UTF-8, or GB18030 for a Chinese line that is not UTF-8) and its
    output written back in that encoding.
    """
    if encoding is not None and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8"
    if blob.isascii() or (encoding is None and _utf8(blob)):
        return _apply_utf8(engine, blob, policy)
    foreign = _foreign_lines(blob, encoding)
    if not foreign:
        return _apply_utf8(engine, blob, policy)
    return _apply_mixed(engine, blob, policy, foreign)


def _utf8(blob: bytes) -> bool:
    try:
        blob.decode(ENCODING)
    except UnicodeDecodeError:
        return False
    return True


def _foreign_lines(blob: bytes, encoding: str | None) -> list[tuple[int, int, str]]:
    """``(start, stop, codec)`` of the lines not read as UTF-8 (stop excludes the newline)."""
    from pimask.linecodec import line_codec

    found = []
    start = 0
    size = len(blob)
    while start < size:
        newline = blob.find(b"\n", start)
        stop = size if newline < 0 else newline
        codec = line_codec(blob[start:stop], encoding)
        if codec is not None:
            found.append((start, stop, codec))
        start = stop + 1
    return found


def _apply_mixed(
    engine: Any, blob: bytes, policy: object | None, foreign: list[tuple[int, int, str]]
) -> BlockResult:
    """Stretches of UTF-8 lines through the fast path, each foreign line on its own."""
    from pimask.linecodec import also_utf8, encode_back

    pieces: list[bytes] = []
    actions: Counter = Counter()
    lines = dropped = 0
    cursor = 0

    def take(done: BlockResult) -> BlockResult | None:
        nonlocal lines, dropped
        pieces.append(done.out)
        actions.update(done.actions)
        dropped += done.dropped
        if done.error is not None:
            index, exc = done.error
            return BlockResult(
                b"".join(pieces), lines + index, dropped, actions, (lines + index, exc)
            )
        lines += done.lines
        return None

    for start, stop, codec in foreign:
        if start > cursor:
            failed = take(_apply_utf8(engine, blob[cursor:start], policy))
            if failed is not None:
                return failed
        end = stop + 1 if stop < len(blob) else stop
        chunk = blob[start:end]

        def transform(text: str, _hint: Any) -> Result:
            return engine.apply(text, policy)

        done = _apply_lines(chunk, {0: None}, transform, codec, encode_back)
        if done.error is None and not done.dropped and also_utf8(blob[start:stop], codec):
            # why: an ambiguous line is masked in both readings (linecodec.also_utf8)
            again = _apply_lines(done.out, {0: None}, transform)
            again.actions.update(done.actions)
            done = again
        failed = take(done)
        if failed is not None:
            return failed
        cursor = end
    if cursor < len(blob):
        failed = take(_apply_utf8(engine, blob[cursor:], policy))
        if failed is not None:
            return failed
    return BlockResult(b"".join(pieces), lines, dropped, actions)


def _apply_utf8(engine: Any, blob: bytes, policy: object | None) -> BlockResult:
    """:func:`apply_block` for lines read as UTF-8 (invalid bytes kept as they are)."""
    # why: a policy that loads recognizer files or enables detectors scans with its own
    # engine; the scan must come from (and the NER check apply to) that engine.
    compiled = None if policy is None else engine.compiled_policy(policy)
    effective = engine if compiled is None else compiled.engine
    scanner = effective._scanner
    core = getattr(scanner, "core", None)
    if core is None:
        # why: the reference engine is the specification, line by line
        return _apply_lines(blob, _all_lines(blob), lambda text, _hint: engine.apply(text, policy))
    from pimask.backends.native import today

    if effective.ner is not None:
        return _apply_utf8_ner(effective, compiled, blob, today())

    if compiled is None:
        out, lines, counts = core.mask_block(blob, scanner.threshold(None), today())
        actions: Counter = Counter({(entity, "mask"): count for entity, count in counts})
        return BlockResult(out, lines, 0, actions)
    found = core.scan_block(blob, scanner.threshold(compiled.min_score), today())
    flags = {start: raw for _line, start, _end, raw in found}
    to_findings = scanner.findings
    apply_found = compiled.apply_found

    def apply(text: str, raw: Any) -> Result:
        return apply_found(text, to_findings(raw))

    return _apply_lines(blob, flags, apply)


def _apply_utf8_ner(effective: Any, compiled: Any, blob: bytes, day: Any) -> BlockResult:
    """The native block path with model-based detectors switched on.

    The core scans the whole block for patterns; the detectors (Python) then read only the
    lines the core flagged and the lines holding a CJK character, so a block of ASCII log
    lines costs what it costs without them. Same output as ``Engine.apply`` per line.
    """
    scanner = effective._scanner
    threshold = effective.min_score if compiled is None else compiled.min_score
    found = scanner.core.scan_block(blob, scanner.threshold(threshold), day)
    flags: dict[int, Any] = {start: raw for _line, start, _end, raw in found}
    for start in _non_ascii_lines(blob):
        flags.setdefault(start, None)
    to_findings = scanner.findings
    merge = effective.merge_ner
    ner_threshold = effective.min_score if threshold is None else threshold

    def apply(text: str, raw: Any) -> Result | None:
        findings = merge(text, [] if raw is None else to_findings(raw), ner_threshold)
        if not findings:
            return None
        if compiled is None:
            from pimask.engine import displayed

            return displayed(text, findings)
        return compiled.apply_found(text, findings)

    return _apply_lines(blob, flags, apply)


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _non_ascii_lines(blob: bytes) -> list[int]:
    """Start offsets of the lines holding a byte >= 0x80 (every CJK line in UTF-8)."""
    starts: list[int] = []
    search = _NON_ASCII.search
    position = 0
    while True:
        match = search(blob, position)
        if match is None:
            return starts
        start = blob.rfind(b"\n", 0, match.start()) + 1
        starts.append(start)
        newline = blob.find(b"\n", match.end())
        if newline < 0:
            return starts
        position = newline + 1


def _apply_lines(
    blob: bytes,
    flags: dict[int, Any],
    transform: Callable[[str, Any], Result | None],
    codec: str = ENCODING,
    encode: Callable[[str, str], bytes] | None = None,
) -> BlockResult:
    """Run ``transform(line text, line flags)`` on the lines starting at ``flags``' keys.

    ``transform`` returns the line's :class:`~pimask.engine.Result`, or None for "unchanged,
    nothing found"; every other line is copied as raw bytes.
    """
    actions: Counter = Counter()
    pieces: list[bytes] = []
    cursor = 0
    dropped = 0
    size = len(blob)
    find = blob.find
    for start in sorted(flags):
        newline = find(b"\n", start)
        stop = size if newline < 0 else newline
        text = blob[start:stop].decode(codec, ERRORS)
        try:
            result = transform(text, flags[start])
            if result is not None and not result.dropped and result.text != text:
                written = (
                    result.text.encode(codec, ERRORS)
                    if encode is None
                    else encode(result.text, codec)
                )
        except Exception as exc:
            pieces.append(blob[cursor:start])
            index = blob.count(b"\n", 0, start)
            return BlockResult(b"".join(pieces), index, dropped, actions, (index, exc))
        if result is None:
            continue
        actions.update(result.actions)
        if result.dropped:
            pieces.append(blob[cursor:start])
            dropped += 1
            cursor = stop if newline < 0 else stop + 1
        elif result.text != text:
            pieces.append(blob[cursor:start])
            pieces.append(written)
            cursor = stop
    if not pieces:
        return BlockResult(blob, _line_count(blob), dropped, actions)
    pieces.append(blob[cursor:])
    return BlockResult(b"".join(pieces), _line_count(blob), dropped, actions)
