"""Block-level line flagging shared by the fast backends.

A *line flagger* reads a block of raw log bytes (lines end at ``\\n``; the newline is not
part of what is scanned) and says, for each line, which patterns MAY match on it. The
scanner then runs only those exact Python patterns on only those lines, so what is
reported is exactly what the reference backend reports, while most of a log is never
decoded or touched by Python.

A flagger that knows where on the line its superset matches lie also says so, per line and
pattern, as spans that hold every exact match: Hyperscan reports every end offset ``e`` of a
superset match, and an exact match ``[a, b)`` then has one with ``b <= e <= b + 1`` (the
superset consumes at most one boundary character after the body), so ``(e - width - 2, e)``
holds it (``width``: the most characters the pattern can match); the pure-Python flagger
knows the class runs its patterns' matches lie in. The scanner searches from those spans
(:func:`pimask.scanner.hinted_matches`) instead of trying the pattern at every offset of the
line, which is what a leading lookbehind forces ``re`` to do.

Flaggers are built on ASCII supersets (:class:`~pimask.backends.superset.ByteEmitter` with
``fold=False``): they are sound on raw lines that hold no *relevant* full-width character
(one that folds to a character some pattern uses). Lines that do hold one are folded
(:func:`pimask.normalize.fold`, the same view the scanner uses), re-encoded and scanned
again; the union of both answers is the flag set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pimask.backends.superset import fold_sources
from pimask.normalize import fold

# Line start offset in the block -> pattern index -> where that pattern's matches lie on the
# line: spans ``(lo, hi)`` of character offsets from the line start such that every match
# lies inside one of them (:func:`pimask.scanner.hinted_matches`), or None when the flagger
# cannot say (the scanner then searches the whole line). While a flagger works, a pattern's
# list may hold byte offsets, and bare ends (Hyperscan) instead of spans.
Hints = list[Any] | None
Flags = dict[int, dict[int, Hints]]
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


def merge_hints(first: Hints, second: Hints) -> Hints:
    """Both flaggers' answers for one (line, pattern): None (unknown) wins."""
    if first is None or second is None:
        return None
    return first + second


def offsets_in_characters(data: bytes, flags: Flags) -> Flags:
    """``flags`` with byte offsets (from the line start) turned into character offsets.

    Offsets are bare ends (upper bounds: Hyperscan) or ``(lo, hi)`` spans. Lines that are
    ASCII are left as they are (bytes are characters there). Elsewhere an offset inside a
    character moves to that character's start for a ``lo`` and to its end for an end or
    ``hi``, so a span still holds every match made of whole characters. Characters are
    what the line decodes to (UTF-8, ``surrogateescape``): a stray byte 0x80-0xBF is a
    character of its own there, not the middle of one.
    """
    if data.isascii():
        return flags
    for start, patterns in flags.items():
        newline = data.find(b"\n", start)
        line = data[start:] if newline < 0 else data[start:newline]
        if line.isascii():
            continue
        position = _CharacterPositions(line)
        for index, offsets in patterns.items():
            if offsets is None:
                continue
            patterns[index] = [
                (position.at_or_before(item[0]), position.at_or_after(item[1]))
                if isinstance(item, tuple)
                else position.at_or_after(item)
                for item in offsets
            ]
    return flags


class _CharacterPositions:
    """Byte offset -> character offset on one decoded line, rounding to whole characters.

    An offset is a character boundary exactly when the two halves decode to as many
    characters as the whole line: cutting a multi-byte character leaves each half with
    bytes that ``surrogateescape`` turns into one character each, which adds characters.
    """

    def __init__(self, line: bytes) -> None:
        self._line = line
        self._total = len(line.decode(ENCODING, ERRORS))

    def _count(self, offset: int) -> int | None:
        """Characters before ``offset`` when it is a boundary, else None."""
        line = self._line
        before = len(line[:offset].decode(ENCODING, ERRORS))
        if before + len(line[offset:].decode(ENCODING, ERRORS)) == self._total:
            return before
        return None

    def at_or_before(self, offset: int) -> int:
        offset = min(max(offset, 0), len(self._line))
        while (count := self._count(offset)) is None:
            offset -= 1
        return count

    def at_or_after(self, offset: int) -> int:
        offset = min(max(offset, 0), len(self._line))
        while (count := self._count(offset)) is None:
            offset += 1
        return count


def _add_always(flags: Flags, start: int, always: Sequence[int]) -> None:
    slot = flags.get(start)
    if slot is None:
        flags[start] = dict.fromkeys(always)
    else:
        for index in always:
            slot[index] = None


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
        flags = offsets_in_characters(data, self._scan_ascii(data))
        if self._always:
            for start in every_line(data):
                _add_always(flags, start, self._always)
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
        # why: folding keeps one character per character, so character offsets on a folded
        # line are character offsets on the original line.
        folded_flags = offsets_in_characters(buffer, self._scan_ascii(buffer))
        for folded_start, patterns in folded_flags.items():
            start = origin[folded_start]
            slot = flags.get(start)
            if slot is None:
                flags[start] = patterns
                continue
            for index, hints in patterns.items():
                slot[index] = merge_hints(slot[index], hints) if index in slot else hints
        return flags
