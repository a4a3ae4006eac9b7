"""Pure-Python fast backend: cheap block-wide prefilters, exact patterns on flagged lines.

Used where Hyperscan is not installed, or by choice (``PIMASK_BACKEND=python``). The
reference finder runs every pattern, each starting with a lookbehind, on every line; this
one runs a handful of *anchor* scans over a whole block of raw bytes instead:

* a **run anchor**: every character a pattern's match can hold is in its body class ``T``
  and a match is at least ``k`` characters long, so it lies inside a run of ``T`` of length
  ``>= k`` (``[0-9]{13,}`` for a bank card, ``[0-9.]{7,}`` for an IPv4 address). Patterns
  with the same ``T`` share one scan; a run flags each pattern of the group whose ``k`` it
  reaches. The regex starts with a character class, so ``re`` skips through the block with
  its fast first-character search instead of trying a lookbehind at every offset;
* a **literal anchor** from the recognizer's ``requires_any`` (``@`` for email, ``:`` for
  IPv6), shared the same way.

A pattern is flagged on a line when all its anchors hit that line; the exact pattern then
runs on that line only. Lines with full-width characters are folded and scanned again
(:mod:`pimask.backends.lines`), so the anchors stay plain ASCII classes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from pimask.backends.lines import Flags, FoldingFlagger, trigger_regex
from pimask.backends.superset import ByteEmitter, Unsupported, translate
from pimask.normalize import fold
from pimask.scanner import Candidate, CompiledPattern, PythonFinder

_MIN_RUN = 4  # a run anchor shorter than this flags nearly every line: not worth a scan


@dataclass(slots=True)
class _Anchor:
    """One scan shared by several patterns.

    ``table`` (run anchors) maps the anchor's class to ``\\x01`` and every other byte to
    ``\\x00``; the regex then looks for a literal run of ``\\x01`` — ``re`` finds a literal
    prefix with its fast substring search instead of trying a class at every offset.
    """

    regex: re.Pattern[bytes]
    table: bytes | None = None
    # (min run length, pattern index); a literal anchor uses length 0
    members: list[tuple[int, int]] = field(default_factory=list)


class FastPythonFinder:
    """Candidate finder and line flagger in pure Python (``PIMASK_BACKEND=python``)."""

    name = "python"

    def __init__(self, patterns: Sequence[CompiledPattern]) -> None:
        self._patterns = list(patterns)
        self._reference = PythonFinder(self._patterns)
        anchors: dict[bytes, _Anchor] = {}
        always: list[int] = []
        used_chars: set[int] = set()
        emitter = ByteEmitter(fold=False)
        for pattern in self._patterns:
            flags = re.IGNORECASE if pattern.spec.ignore_case else 0
            try:
                translation = translate(pattern.source, flags, emitter)
            except Unsupported:
                always.append(pattern.index)
                continue
            used_chars.update(translation.body_chars.ascii)
            key: tuple[bytes, int] | None = None
            literal = _literal_regex(pattern.spec.requires_any)
            if literal is not None:
                key = (literal, 0)
                # why: a full-width spelling of the literal must send its line to folding.
                used_chars.update(ord(fold(ch)) for ch in pattern.spec.requires_any)
            run = _run_class(translation.body_chars, translation.min_width)
            # why: a run of words flags nearly every line; a literal such as "@" does not.
            if run is not None and (key is None or not run[0] & _WORD_LETTERS):
                key = (bytes(sorted(run[0])), run[1])
            if key is None:
                always.append(pattern.index)
                continue
            source, length = key
            anchor = anchors.get(source)
            if anchor is None:
                if length:  # a run anchor over a class
                    table = bytes(1 if b in source else 0 for b in range(256))
                    anchor = _Anchor(re.compile(b"\x01" * _MIN_RUN + b"\x01*"), table)
                else:
                    anchor = _Anchor(re.compile(source))
                anchors[source] = anchor
            anchor.members.append((length, pattern.index))
        self._anchors = list(anchors.values())
        self.python_only: tuple[int, ...] = tuple(always)
        self._flagger = FoldingFlagger(self._flag_ascii, trigger_regex(used_chars), always)

    def __reduce__(self) -> tuple[type, tuple[list[CompiledPattern]]]:
        return (type(self), (self._patterns,))

    def find(self, view: str) -> Iterator[Candidate]:
        """The reference semantics (whole text, every pattern)."""
        return self._reference.find(view)

    def flag_lines(self, data: bytes) -> Flags:
        """Line start offset -> indices of patterns that may match on that line."""
        return self._flagger.flag_lines(data)

    def _flag_ascii(self, data: bytes) -> Flags:
        flagged: Flags = {}
        rfind = data.rfind
        find = data.find
        for anchor in self._anchors:
            members = anchor.members
            longest = max(length for length, _index in members)
            haystack = data
            regex = anchor.regex
            if anchor.table is not None:
                haystack = data.translate(anchor.table)
                regex = _run_literal(min(length for length, _index in members))
            search = regex.search
            position = 0
            while True:
                match = search(haystack, position)
                if match is None:
                    break
                start = rfind(b"\n", 0, match.start()) + 1
                length = match.end() - match.start()
                slot = flagged.get(start)
                if slot is None:
                    slot = flagged[start] = set()
                for need, index in members:
                    if length >= need:
                        slot.add(index)
                if length >= longest:
                    # why: every pattern of this anchor is flagged; skip to the next line.
                    position = find(b"\n", match.end())
                    if position < 0:
                        break
                    position += 1
                else:
                    position = match.end()
        return flagged


# letters that are not hex digits: a run class holding them matches ordinary words
_WORD_LETTERS = frozenset(b"GHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz")


def _run_class(chars: object, min_width: int) -> tuple[frozenset[int], int] | None:
    """The byte class and minimum length of a run anchor, or None when it would not filter."""
    if min_width < _MIN_RUN:
        return None
    members = set(chars.ascii) - {10}  # type: ignore[attr-defined]
    if not members:
        return None
    if chars.any_nonascii or chars.extra:  # type: ignore[attr-defined]
        members |= set(range(128, 256))
    return frozenset(members), min_width


@functools.cache
def _run_literal(length: int) -> re.Pattern[bytes]:
    return re.compile(b"\x01" * length + b"\x01*")


def _literal_regex(requires_any: Sequence[str]) -> bytes | None:
    """A class of the single ASCII characters ``requires_any`` needs on the folded view."""
    if not requires_any:
        return None
    chars: set[str] = set()
    for literal in requires_any:
        folded = fold(literal)
        if len(folded) != 1 or not folded.isascii() or folded == "\n":
            return None
        chars.add(folded)
    byte_class = "".join(f"\\x{ord(ch):02x}" for ch in sorted(chars))
    return f"[{byte_class}]".encode("ascii")
