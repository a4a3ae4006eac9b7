"""Pure-Python fast backend: cheap block-wide prefilters, exact patterns on flagged lines.

Used where Hyperscan is not installed, or by choice (``PIMASK_BACKEND=python``). The
reference finder runs every pattern, each starting with a lookbehind, on every line; this
one runs a handful of *anchor* scans over a whole block of raw bytes instead:

* a **run anchor**: every character a pattern's match can hold is in its body class ``T``
  and a match is at least ``k`` characters long, so it lies inside a run of ``T`` of length
  ``>= k`` (``[0-9]{13,}`` for a bank card, ``[0-9.]{7,}`` for an IPv4 address). Patterns
  with the same ``T`` share one scan: the block is mapped to 0/1 bytes with
  ``bytes.translate`` and ``re`` searches a literal run of ones (its fast substring
  search, not a class tried at every offset). Each run is then checked against the
  pattern's ASCII superset body (``search`` inside the run, or ``fullmatch`` of the whole
  run when the boundaries forbid every character of ``T``: a 15-digit IMEI is never part of
  a 19-digit id);
* a **literal anchor** where the run class would match ordinary words: the pattern's
  ``prefilter`` (IPv6: ``::`` or four colons between hex groups), else its
  ``requires_any`` literals (``@`` for email).

The exact pattern then runs only on flagged lines, and for run anchors only from the runs
that passed (they are the spans of :mod:`pimask.backends.lines`). Lines with full-width
characters are folded and scanned again, so the anchors stay ASCII.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from pimask.backends.lines import Flags, FoldingFlagger, trigger_regex
from pimask.backends.superset import (
    ByteEmitter,
    Translation,
    Unsupported,
    translate,
    translate_patterns,
)
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
    # (min run length, pattern index, body superset or None, match must be the whole run);
    # a literal anchor uses length 0
    members: list[tuple[int, int, re.Pattern[bytes] | None, bool]] = field(default_factory=list)


class FastPythonFinder:
    """Candidate finder and line flagger in pure Python (``PIMASK_BACKEND=python``)."""

    name = "python"

    def __init__(self, patterns: Sequence[CompiledPattern]) -> None:
        self._patterns = list(patterns)
        self._reference = PythonFinder(self._patterns)
        anchors: dict[bytes, _Anchor] = {}
        always: list[int] = []
        used_chars: set[int] = set()
        for pattern, translation in translate_patterns(self._patterns, ByteEmitter(fold=False)):
            if translation is None:
                always.append(pattern.index)
                continue
            used_chars.update(translation.body_chars.ascii)
            used_chars.update(translation.required_chars.ascii)
            key: tuple[bytes, int] | None = None
            literal = _literal_regex(pattern.spec.requires_any)
            if literal is not None:
                key = (literal, 0)
                # why: a full-width spelling of the literal must send its line to folding.
                used_chars.update(ord(fold(ch)) for ch in pattern.spec.requires_any)
            prefilter = _prefilter_translation(pattern)
            if prefilter is not None:
                # why: sharper than a literal (IPv6 needs "::" or a run of colon groups; a
                # ":" is on every line with a time in it)
                key = (prefilter.pattern.encode("ascii"), 0)
                used_chars.update(prefilter.body_chars.ascii)
                used_chars.update(prefilter.required_chars.ascii)
            run = _run_class(translation.body_chars, translation.min_width)
            # why: a run of words flags nearly every line; a literal such as "@" does not.
            if run is not None and (key is None or not run[0] & _WORD_LETTERS):
                key = (bytes(sorted(run[0])), run[1])
            if key is None:
                always.append(pattern.index)
                continue
            source, length = key
            body: re.Pattern[bytes] | None = None
            whole = False
            if length:
                # why: a run of the right class is necessary, the body's shape inside the
                # run is the sharper test ("2023-11-22 08" is a run of [0-9 -], no mobile).
                text = translation.pattern
                text = text[len(translation.left) : len(text) - len(translation.right)]
                body = re.compile(text.encode("ascii"))
                whole = _bounded_by_run(translation, source)
            anchor = anchors.get(source)
            if anchor is None:
                if length:  # a run anchor over a class
                    table = bytes(1 if b in source else 0 for b in range(256))
                    anchor = _Anchor(re.compile(b"\x01" * _MIN_RUN + b"\x01*"), table)
                else:
                    # why: MULTILINE, so a superset's "^" alternative matches at each line
                    # start (the scan skips to the next line after a hit)
                    anchor = _Anchor(re.compile(source, re.MULTILINE))
                anchors[source] = anchor
            anchor.members.append((length, pattern.index, body, whole))
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
        """Flags with the class runs that hold each run-anchored pattern's matches.

        Every run that passes a pattern's body check is kept as a span, so the scanner can
        search from the runs instead of the whole line. Literal anchors (``@``) say nothing
        about where the match is: their patterns are flagged without spans.
        """
        flagged: Flags = {}
        rfind = data.rfind
        find = data.find
        for anchor in self._anchors:
            members = anchor.members
            if anchor.table is None:  # a literal anchor: flag the line, go to the next one
                search = anchor.regex.search
                position = 0
                while (match := search(data, position)) is not None:
                    # why: the last byte is in the body; a consumed boundary byte before it
                    # may be the previous line's newline
                    last = match.end() - 1
                    start = rfind(b"\n", 0, last) + 1
                    slot = flagged.setdefault(start, {})
                    for _need, index, _body, _whole in members:
                        slot[index] = None
                    position = find(b"\n", last)
                    if position < 0:
                        break
                    position += 1
                continue
            haystack = data.translate(anchor.table)
            runs = _run_literal(min(member[0] for member in members)).finditer(haystack)
            for match in runs:
                run_start, run_end = match.span()
                length = run_end - run_start
                start = -1
                for need, index, body, whole in members:
                    if length < need:
                        continue
                    if whole:
                        if body.fullmatch(data, run_start, run_end) is None:  # type: ignore[union-attr]
                            continue
                    elif body.search(data, run_start, run_end) is None:  # type: ignore[union-attr]
                        continue
                    if start < 0:
                        start = rfind(b"\n", 0, run_start) + 1
                        slot = flagged.setdefault(start, {})
                    span = (run_start - start, run_end - start)
                    spans = slot.get(index)
                    if spans is None:
                        slot[index] = [span]
                    else:
                        spans.append(span)
        return flagged


def _prefilter_translation(pattern: CompiledPattern) -> Translation | None:
    """A raw-bytes superset of the pattern's ``prefilter``, usable as a line anchor, or None.

    Only when no match of it can hold a newline: the anchor scan files a hit under the line
    of its last byte and then skips to the next line.
    """
    if pattern.spec.prefilter is None:
        return None
    flags = re.IGNORECASE if pattern.spec.ignore_case else 0
    try:
        translation = translate(pattern.spec.prefilter, flags, ByteEmitter(fold=False))
    except Unsupported:
        return None
    if 10 in translation.body_chars.ascii:
        return None
    return translation


def _bounded_by_run(translation: Translation, run_class: bytes) -> bool:
    """True when a match must be a whole maximal run of ``run_class`` (not just inside one).

    So it is when the run class is plain ASCII and both boundaries forbid every character
    of it: a match that started or ended inside a longer run would touch a forbidden
    neighbour (``(?<![0-9])[0-9]{15}(?![0-9])`` in a 19-digit run).
    """
    members = set(run_class)
    if any(b >= 128 for b in members):
        return False
    left, right = translation.left_excluded, translation.right_excluded
    return (
        left is not None
        and right is not None
        and members <= set(left.ascii)
        and members <= set(right.ascii)
    )


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
