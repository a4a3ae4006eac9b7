"""Block-level line flagging shared by the fast backends.

A *line flagger* reads a block of raw log bytes (lines end at ``\\n``; the newline is not
part of what is scanned) and says, for each line, which patterns MAY match on it. The
scanner then runs only those exact Python patterns on only those lines, so what is
reported is exactly what the reference backend reports, while most of a log is never
decoded or touched by Python.

Flaggers are built on ASCII supersets (:class:`~pimask.backends.superset.ByteEmitter` with
``fold=False``): they are sound on raw lines that hold no *relevant* full-width character
(one that folds to a character some pattern uses). Lines that do hold one are folded
(:func:`pimask.normalize.fold`, the same view the scanner uses), re-encoded and scanned
again; the union of both answers is the flag set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from pimask.backends.superset import fold_sources
from pimask.normalize import fold

Flags = dict[int, set[int]]  # line start offset in the block -> pattern indices
ENCODING = "utf-8"
ERRORS = "surrogateescape"


def line_start(data: bytes, end: int) -> int:
    """Start offset of the line holding the byte before ``end`` (a match end offset)."""
    return data.rfind(b"\n", 0, end - 1) + 1


def every_line(data: bytes) -> list[int]:
    """Start offsets of all lines in ``data`` (a final line without newline counts)."""
    starts = [0] if data else []
    find = data.find
    position = find(b"\n")
    size = len(data)
    while position >= 0:
        if position + 1 < size:
            starts.append(position + 1)
        position = find(b"\n", position + 1)
    return starts


def trigger_regex(ascii_chars: Iterable[int]) -> re.Pattern[bytes] | None:
    """A bytes regex for the UTF-8 of every character that folds into ``ascii_chars``."""
    sources = sorted(fold_sources(ascii_chars))
    if not sources:
        return None
    return re.compile(b"|".join(re.escape(ch.encode(ENCODING)) for ch in sources))


class FoldingFlagger:
    """Runs an ASCII-superset scan, then again on folded copies of lines that need it."""

    def __init__(
        self,
        scan_ascii: Callable[[bytes], Flags],
        trigger: re.Pattern[bytes] | None,
        always: Sequence[int] = (),
    ) -> None:
        self._scan_ascii = scan_ascii
        self._trigger = trigger
        self._always = tuple(always)

    def flag_lines(self, data: bytes) -> Flags:
        flags = self._scan_ascii(data)
        if self._always:
            for start in every_line(data):
                slot = flags.get(start)
                if slot is None:
                    flags[start] = set(self._always)
                else:
                    slot.update(self._always)
        if self._trigger is None or data.isascii():
            return flags
        starts: list[int] = []
        last = -1
        for match in self._trigger.finditer(data):
            start = data.rfind(b"\n", 0, match.start()) + 1
            if start != last:
                starts.append(start)
                last = start
        if not starts:
            return flags
        folded: list[bytes] = []
        origin: dict[int, int] = {}
        offset = 0
        for start in starts:
            end = data.find(b"\n", start)
            raw = data[start:] if end < 0 else data[start:end]
            line = fold(raw.decode(ENCODING, ERRORS)).encode(ENCODING, ERRORS)
            origin[offset] = start
            folded.append(line)
            offset += len(line) + 1
        buffer = b"\n".join(folded)
        for folded_start, indices in self._scan_ascii(buffer).items():
            start = origin[folded_start]
            slot = flags.get(start)
            if slot is None:
                flags[start] = set(indices)
            else:
                slot.update(indices)
        return flags
