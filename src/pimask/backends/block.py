"""Transform a whole block of lines at once: the fast path behind ``pimask mask``.

:func:`apply_block` gives exactly what calling :meth:`pimask.Engine.apply` on every line
(without its newline) and re-joining would give, but asks the backend's line flagger
first: lines no pattern can match are copied as raw bytes, never decoded, folded or
scanned; a flagged line is scanned with only the patterns flagged on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pimask.engine import Result, displayed

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


def apply_block(engine: Any, blob: bytes, policy: object | None = None) -> BlockResult:
    """Every line of ``blob`` through ``engine.apply(line, policy)``, output as bytes.

    Lines end at ``\\n``, which is not part of the scanned text; the last line may lack
    it. A dropped line disappears with its newline. Processing stops at the first line
    whose transformation raises; ``out`` then holds every line before it.
    """
    # why: a policy that loads recognizer files or enables detectors scans with its own
    # engine; the flags must come from (and the NER check apply to) that engine.
    compiled = None if policy is None else engine.compiled_policy(policy)
    effective = engine if compiled is None else compiled.engine
    flag_lines = getattr(effective._scanner.finder, "flag_lines", None)
    if flag_lines is None or effective.ner is not None:
        # why: the reference finder has no prefilter, and model-based detectors may find
        # entities on lines that no pattern touches: every line goes through apply().
        return _apply_lines(blob, _all_lines(blob), lambda text, _hint: engine.apply(text, policy))
    flags = flag_lines(blob)
    scan = effective._scanner.scan
    # why: validators are the largest cost per candidate and values repeat across the lines
    # of a block (client IPs, times shaped like IPv6). Scoped to one block: a verdict that
    # depends on today's date never outlives it by more than a block.
    verdicts: dict = {}
    if compiled is None:

        def display(text: str, hint: Any) -> Result | None:
            # why: Engine.apply(text) without its per-call set-up; same scan, same masks
            found = scan(text, patterns=hint, verdicts=verdicts)
            return displayed(text, found) if found else None

        return _apply_lines(blob, flags, display)
    min_score = compiled.min_score
    apply_found = compiled.apply_found

    def apply(text: str, hint: Any) -> Result:
        return apply_found(text, scan(text, min_score=min_score, patterns=hint, verdicts=verdicts))

    return _apply_lines(blob, flags, apply)


def _apply_lines(
    blob: bytes, flags: dict[int, Any], transform: Callable[[str, Any], Result | None]
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
        text = blob[start:stop].decode(ENCODING, ERRORS)
        try:
            result = transform(text, flags[start])
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
            pieces.append(result.text.encode(ENCODING, ERRORS))
            cursor = stop
    if not pieces:
        return BlockResult(blob, _line_count(blob), dropped, actions)
    pieces.append(blob[cursor:])
    return BlockResult(b"".join(pieces), _line_count(blob), dropped, actions)
