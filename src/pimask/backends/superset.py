"""Loosen a compiled pattern into a *superset* pattern that a fast prefilter can run.

Why: Hyperscan has no lookarounds, counts bytes rather than characters, and runs on the raw
(unfolded) UTF-8 bytes of a log block; the pure-Python prefilter runs on unfolded text. Both
only have to answer "may this pattern match somewhere on this line?". The exact Python regex
then runs on the flagged lines, so results equal the reference exactly as long as every
translation here is a superset: whatever the Python pattern matches on the folded view of a
line, the translated pattern matches on that line's raw bytes (or unfolded text).

The translation walks the ``re`` parse tree:

* a character set keeps its ASCII members exactly, adds the full-width (and other folded)
  spellings of those members (``[0-9]`` also accepts ``０``-``９``), and keeps small
  non-ASCII sets; big non-ASCII ranges, ``\\w``, ``\\d``, ``.`` and negated sets accept any
  non-ASCII character (any lone undecodable byte too, which ``surrogateescape`` maps to one
  character);
* lookarounds inside a pattern and anchors are dropped (dropping a condition only widens);
* a negative one-character lookbehind at the very start and a negative one-character
  lookahead at the very end (the boundaries in :mod:`pimask.boundaries`) become a consumed
  character outside the class (or a line / buffer edge): a 40-digit run then yields no
  match at all for ``(?<![0-9])[0-9]{15}(?![0-9])`` instead of one per end offset;
* back-references and conditionals cannot be loosened usefully: :class:`Unsupported`
  (the caller then runs that pattern with Python on every line).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # why: the same case mapping `re` itself uses
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pimask.normalize import _FOLD_TABLE

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older layout
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_ASCII = frozenset(range(128))
_BIG_RANGE = 256  # a non-ASCII range wider than this becomes "any non-ASCII character"
_MAX_EXACT_REPEAT = 40  # larger repeat bounds are loosened (compile size, not correctness)


class Unsupported(ValueError):
    """The pattern has a construct that cannot be loosened into a useful superset."""


# ASCII character -> code points that fold to it (full-width forms, ideographic space …).
_FOLD_SOURCES: dict[int, tuple[int, ...]] = {}
for _src, _dst in sorted(_FOLD_TABLE.items()):
    _FOLD_SOURCES[_dst] = (*_FOLD_SOURCES.get(_dst, ()), _src)


@dataclass(frozen=True, slots=True)
class CharSet:
    """What one character position of a pattern may match, split for byte-level emission."""

    ascii: frozenset[int]
    extra: frozenset[int] = frozenset()  # explicit non-ASCII code points
    any_nonascii: bool = False

    def union(self, other: CharSet) -> CharSet:
        return CharSet(
            self.ascii | other.ascii,
            self.extra | other.extra,
            self.any_nonascii or other.any_nonascii,
        )

    @property
    def empty(self) -> bool:
        return not self.ascii and not self.extra and not self.any_nonascii


@functools.cache
def _ascii_case_twins() -> dict[int, frozenset[int]]:
    """Non-ASCII code points that ``re.IGNORECASE`` treats as equal to an ASCII letter."""
    twins: dict[int, set[int]] = {}
    for cp in range(0x80, 0x10000):
        low = _sre.unicode_tolower(cp)
        if low < 128 and chr(low).isalpha():
            twins.setdefault(low, set()).add(cp)
    twins.setdefault(ord("i"), set()).add(0x131)  # dotless i (re._casefix)
    twins.setdefault(ord("s"), set()).add(0x17F)  # long s
    return {k: frozenset(v) for k, v in twins.items()}


def _case_variants(cp: int) -> set[int]:
    variants = {cp}
    ch = chr(cp)
    for other in (ch.lower(), ch.upper(), ch.casefold(), ch.title()):
        if len(other) == 1:
            variants.add(ord(other))
    variants.add(_sre.unicode_tolower(cp))
    low = _sre.unicode_tolower(cp)
    if low < 128:
        variants.update(_ascii_case_twins().get(low, ()))
        variants.add(ord(chr(low).upper()))
    return variants


def _from_code_points(points: Iterable[int], any_nonascii: bool = False) -> CharSet:
    points = set(points)
    return CharSet(
        frozenset(p for p in points if p < 128),
        frozenset(p for p in points if p >= 128),
        any_nonascii,
    )


_CATEGORY_SOURCE = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _category(cat: object, flags: int) -> CharSet:
    source = _CATEGORY_SOURCE.get(cat)  # type: ignore[call-overload]
    if source is None:
        raise Unsupported(f"category {cat}")
    ascii_only = bool(flags & re.ASCII)
    regex = re.compile(source, re.ASCII if ascii_only else 0)
    members = frozenset(cp for cp in range(128) if regex.fullmatch(chr(cp)))
    negated = source.isupper() or source[1].isupper()
    # why: \d, \s, \w match non-ASCII digits, spaces and letters unless re.ASCII is set.
    return CharSet(members, frozenset(), negated or not ascii_only)


def _charset(op: object, av: object, flags: int) -> CharSet:
    """The characters one LITERAL / NOT_LITERAL / ANY / IN / CATEGORY item may match."""
    ignore_case = bool(flags & re.IGNORECASE)
    if op is _c.LITERAL:
        points = _case_variants(av) if ignore_case else {av}  # type: ignore[arg-type]
        return _from_code_points(points)
    if op is _c.NOT_LITERAL:
        excluded = _case_variants(av) if ignore_case else {av}  # type: ignore[arg-type]
        return CharSet(_ASCII - frozenset(excluded), frozenset(), True)
    if op is _c.ANY:
        ascii_members = _ASCII if flags & re.DOTALL else _ASCII - {10}
        return CharSet(frozenset(ascii_members), frozenset(), True)
    if op is _c.CATEGORY:
        return _category(av, flags)
    if op is _c.IN:
        result = CharSet(frozenset())
        negate = False
        for item_op, item_av in av:  # type: ignore[union-attr]
            if item_op is _c.NEGATE:
                negate = True
            elif item_op is _c.RANGE:
                lo, hi = item_av
                ascii_part = set(range(lo, min(hi, 127) + 1))
                big = hi >= 128 and hi - max(lo, 128) + 1 > _BIG_RANGE
                extra = set() if big or hi < 128 else set(range(max(lo, 128), hi + 1))
                if ignore_case:
                    for cp in list(ascii_part) + list(extra):
                        for twin in _case_variants(cp):
                            (ascii_part if twin < 128 else extra).add(twin)
                    if big:
                        # why: a big non-ASCII range may hold twins of ASCII letters (K, ſ).
                        ascii_part |= {cp for cp in range(128) if chr(cp).isalpha()}
                result = result.union(_from_code_points(ascii_part | extra, big))
            else:
                result = result.union(_charset(item_op, item_av, flags))
        if negate:
            return CharSet(_ASCII - result.ascii, frozenset(), True)
        return result
    raise Unsupported(f"not a character set: {op}")


_SET_OPS = (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.CATEGORY)
_REPEAT_OPS = (
    _c.MAX_REPEAT,
    _c.MIN_REPEAT,
    *((_c.POSSESSIVE_REPEAT,) if hasattr(_c, "POSSESSIVE_REPEAT") else ()),
)


# --------------------------------------------------------------------------- emitters


def _ranges(values: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted ``values`` grouped into inclusive runs of consecutive integers."""
    runs: list[tuple[int, int]] = []
    for value in sorted(set(values)):
        if runs and value == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def _byte_class(values: Iterable[int]) -> str:
    """``[...]`` over byte values, as ``\\xHH`` ranges (valid in Hyperscan and Python)."""
    parts = [
        f"\\x{first:02x}" if first == last else f"\\x{first:02x}-\\x{last:02x}"
        for first, last in _ranges(values)
    ]
    return "[" + "".join(parts) + "]"


def _code_class(values: Iterable[int], any_nonascii: bool) -> str:
    """``[...]`` over code points for a Python ``str`` pattern."""
    parts = [
        _code_escape(first) if first == last else f"{_code_escape(first)}-{_code_escape(last)}"
        for first, last in _ranges(values)
    ]
    if any_nonascii:
        parts.append("\\u0080-\\U0010ffff")
    return "[" + "".join(parts) + "]"


def _code_escape(cp: int) -> str:
    return f"\\x{cp:02x}" if cp < 0x100 else (f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}")


_ANY_NONASCII_BYTES = r"[\x80-\xff][\x80-\xbf]{0,3}"


class _Emitter:
    """Turns character sets into pattern text; the tree walk is shared."""

    def charset(self, cs: CharSet) -> tuple[str, bool]:
        """Pattern text for one character of ``cs`` and whether it is one unit wide."""
        raise NotImplementedError

    def boundary(self, cs: CharSet) -> str:
        """One consumed character that is NOT in ``cs`` (a relaxed negative lookaround)."""
        raise NotImplementedError


class ByteEmitter(_Emitter):
    """Patterns over raw UTF-8 bytes (undecodable bytes appear as themselves).

    With ``fold=False`` the full-width spellings are left out: such a pattern is a superset
    only on text that is already folded, or on lines holding no character of
    :func:`fold_sources` (the caller folds those lines and scans them again). Hyperscan runs
    single-byte classes several times faster than ``(?:[0-9]|\xef\xbc[\x90-\x99])``.
    """

    def __init__(self, *, fold: bool = True) -> None:
        self.fold = fold

    def charset(self, cs: CharSet) -> tuple[str, bool]:
        alternatives: list[str] = []
        single = True
        if cs.ascii:
            alternatives.append(_byte_class(cs.ascii))
        if cs.any_nonascii:
            alternatives.append(_ANY_NONASCII_BYTES)
            single = False
        else:
            sequences: set[bytes] = set()
            for cp in cs.ascii if self.fold else ():
                for source in _FOLD_SOURCES.get(cp, ()):
                    sequences.add(chr(source).encode("utf-8"))
            for cp in cs.extra:
                sequences.add(chr(cp).encode("utf-8", "surrogatepass"))
                if 0xDC80 <= cp <= 0xDCFF:  # surrogateescape: one undecodable byte
                    sequences.add(bytes([cp - 0xDC00]))
            by_prefix: dict[bytes, set[int]] = {}
            for seq in sequences:
                by_prefix.setdefault(seq[:-1], set()).add(seq[-1])
            for prefix in sorted(by_prefix):
                head = "".join(f"\\x{b:02x}" for b in prefix)
                alternatives.append(head + _byte_class(by_prefix[prefix]))
                single = single and not prefix
        if not alternatives:
            raise Unsupported("empty character set")
        if len(alternatives) == 1:
            return alternatives[0], single
        return "(?:" + "|".join(alternatives) + ")", False

    def boundary(self, cs: CharSet) -> str:
        # why: only the first (or last) byte of the neighbouring character is consumed; any
        # byte >= 0x80 is allowed, so a full-width neighbour never hides a real match.
        allowed = (set(range(128)) - set(cs.ascii)) | {10} | set(range(128, 256))
        return _byte_class(allowed)


class TextEmitter(_Emitter):
    """Python ``re`` on unfolded text (full-width forms appear as themselves)."""

    def charset(self, cs: CharSet) -> tuple[str, bool]:
        points = set(cs.ascii) | set(cs.extra)
        for cp in cs.ascii:
            points.update(_FOLD_SOURCES.get(cp, ()))
        if not points and not cs.any_nonascii:
            raise Unsupported("empty character set")
        return _code_class(points, cs.any_nonascii), True

    def boundary(self, cs: CharSet) -> str:
        excluded = (set(cs.ascii) - {10}) | {
            source for cp in cs.ascii if cp != 10 for source in _FOLD_SOURCES.get(cp, ())
        }
        if not excluded:
            return r"[\s\S]"
        return "[^" + _code_class(excluded, False)[1:]


@dataclass(frozen=True, slots=True)
class Translation:
    """A superset pattern, and facts about the pattern body that prefilters use."""

    pattern: str
    left: str  # text of the consumed left boundary, "" when none
    right: str
    body_chars: CharSet  # every character the body (boundaries excluded) can match
    min_width: int  # the fewest characters a match of the body has
    # characters the boundary lookarounds forbid just before / after a match (None: none)
    left_excluded: CharSet | None = None
    right_excluded: CharSet | None = None
    # characters a positive lookbehind requires before a match (after_mac's "MAC"): kept
    # out of body_chars, but a full-width spelling of one must still send its line to
    # folding, like a body character's
    required_chars: CharSet = CharSet(frozenset())


def _single_set(subpattern: object, flags: int) -> CharSet | None:
    """The union of one-character alternatives in a lookaround body, or None."""
    items = list(subpattern)  # type: ignore[call-overload]
    if len(items) == 1 and items[0][0] in _SET_OPS:
        return _charset(items[0][0], items[0][1], flags)
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        union: CharSet | None = None
        for branch in items[0][1][1]:
            branch_items = list(branch)
            if len(branch_items) == 1 and branch_items[0][0] in _SET_OPS:
                cs = _charset(branch_items[0][0], branch_items[0][1], flags)
                union = cs if union is None else union.union(cs)
        return union
    return None


def translate(source: str, flags: int, emitter: _Emitter) -> Translation:
    """A superset of ``re.compile(source, flags)`` in the emitter's syntax.

    Raises :class:`Unsupported` for back-references, conditionals, and patterns that could
    match the empty string (a prefilter cannot flag those usefully).
    """
    try:
        parsed = _sre_parse.parse(source, flags)
    except re.error as exc:  # pragma: no cover - recognizer loading already compiled it
        raise Unsupported(str(exc)) from None
    flags = flags | parsed.state.flags
    items = list(parsed.data)
    excluded_left: CharSet | None = None
    excluded_right: CharSet | None = None
    required_before: list[str] = []  # positive lookbehinds: text that must precede
    required_chars = CharSet(frozenset())
    while items and items[0][0] in (_c.ASSERT, _c.ASSERT_NOT) and items[0][1][0] == -1:
        op, (_direction, body) = items.pop(0)
        if op is _c.ASSERT_NOT:
            cs = _single_set(body, flags)
            if cs is not None:
                excluded_left = cs if excluded_left is None else excluded_left.union(cs)
        else:
            # why: consuming a required prefix (after_mac's "MAC") keeps the superset sharp;
            # dropping it would flag every line with a hex run.
            required_before.append(_emit_sequence(list(body), flags, emitter)[0])
            for charset in _body_charsets(list(body), flags):
                required_chars = required_chars.union(charset)
    while items and items[-1][0] in (_c.ASSERT, _c.ASSERT_NOT) and items[-1][1][0] == 1:
        op, (_direction, body) = items.pop()
        if op is _c.ASSERT_NOT:
            cs = _single_set(body, flags)
            if cs is not None:
                excluded_right = cs if excluded_right is None else excluded_right.union(cs)
    body_text, min_width = _emit_sequence(items, flags, emitter)
    if min_width == 0:
        raise Unsupported("pattern can match the empty string")
    left = right = ""
    if required_before:
        # a looser superset: the required text alone (any exclusion next to it is dropped)
        left = "".join(required_before)
        excluded_left = None
    elif excluded_left is not None:
        left = f"(?:^|{emitter.boundary(excluded_left)})"
    if excluded_right is not None:
        right = f"(?:{emitter.boundary(excluded_right)}|$)"
    body_chars = CharSet(frozenset())
    for charset in _body_charsets(items, flags):
        body_chars = body_chars.union(charset)
    return Translation(
        left + body_text + right,
        left,
        right,
        body_chars,
        min_width,
        excluded_left,
        excluded_right,
        required_chars,
    )


def translate_patterns(
    patterns: Iterable[Any], emitter: _Emitter
) -> Iterator[tuple[Any, Translation | None]]:
    """``(pattern, translation)`` for compiled patterns; None where :class:`Unsupported`.

    Shared by the backends so each treats an untranslatable pattern the same way: it is
    run by the exact Python regex on every line.
    """
    for pattern in patterns:
        flags = re.IGNORECASE if pattern.spec.ignore_case else 0
        try:
            yield pattern, translate(pattern.source, flags, emitter)
        except Unsupported:
            yield pattern, None


def _body_charsets(items: Iterable, flags: int) -> Iterable[CharSet]:
    """Every character set the sequence can use (lookarounds excluded)."""
    for op, av in items:
        if op in _SET_OPS:
            yield _charset(op, av, flags)
        elif op is _c.BRANCH:
            for branch in av[1]:
                yield from _body_charsets(branch, flags)
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            yield from _body_charsets(body, (flags | add_flags) & ~del_flags)
        elif hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            yield from _body_charsets(av, flags)
        elif op in _REPEAT_OPS:
            yield from _body_charsets(av[2], flags)


def fold_sources(ascii_chars: Iterable[int]) -> frozenset[str]:
    """The characters that :func:`pimask.normalize.fold` turns into one of ``ascii_chars``."""
    return frozenset(chr(src) for cp in ascii_chars for src in _FOLD_SOURCES.get(cp, ()))


def _emit_sequence(items: Iterable, flags: int, emitter: _Emitter) -> tuple[str, int]:
    """Pattern text for a sequence and the minimum number of characters it matches."""
    parts: list[str] = []
    min_width = 0
    for op, av in items:
        text, width = _emit_item(op, av, flags, emitter)
        parts.append(text)
        min_width += width
    return "".join(parts), min_width


def _emit_item(op: object, av: object, flags: int, emitter: _Emitter) -> tuple[str, int]:
    if op in _SET_OPS:
        text, _single = emitter.charset(_charset(op, av, flags))
        return text, 1
    if op is _c.BRANCH:
        texts: list[str] = []
        widths: list[int] = []
        for branch in av[1]:  # type: ignore[index]
            text, width = _emit_sequence(branch, flags, emitter)
            texts.append(text)
            widths.append(width)
        if any(not text for text in texts):
            # why: an empty alternative makes the whole group optional.
            nonempty = [t for t in texts if t]
            return ("(?:" + "|".join(nonempty) + ")?" if nonempty else ""), 0
        return "(?:" + "|".join(texts) + ")", min(widths)
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, body = av  # type: ignore[misc]
        inner_flags = (flags | add_flags) & ~del_flags
        text, width = _emit_sequence(body, inner_flags, emitter)
        return (f"(?:{text})" if text else ""), width
    if hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
        text, width = _emit_sequence(av, flags, emitter)
        return (f"(?:{text})" if text else ""), width
    if op in _REPEAT_OPS:
        low, high, body = av  # type: ignore[misc]
        text, width = _emit_sequence(body, flags, emitter)
        if not text:
            return "", 0
        return f"(?:{text}){_quantifier(low, high)}", low * width
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return "", 0  # why: dropping a condition only widens the pattern
    raise Unsupported(f"cannot loosen {op}")


def _quantifier(low: int, high: int) -> str:
    unbounded = high is _c.MAXREPEAT or high == _c.MAXREPEAT
    if unbounded or high > _MAX_EXACT_REPEAT:
        low = min(low, _MAX_EXACT_REPEAT)
        return "*" if low == 0 else ("+" if low == 1 else f"{{{low},}}")
    if low == high:
        return "" if low == 1 else f"{{{low}}}"
    if (low, high) == (0, 1):
        return "?"
    return f"{{{low},{high}}}"
