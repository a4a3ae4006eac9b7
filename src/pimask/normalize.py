"""The normalized view of text that detection reads, with a map back to the original.

Chinese input methods produce full-width digits, letters and punctuation
(``１３８１２３４５６７８``, ``ｚ＠ｅｘａｍｐｌｅ．ｃｏｍ``); other keyboards produce the
decimal digits of their own script (``١٣٩``, ``१३९``, mathematical bold ``𝟏𝟑𝟗``); pasted text
carries invisible format characters (a zero-width space inside ``138\u200b1234\u200b5678``).
Detection runs on a view in which:

* :func:`fold` replaces each full-width form, dash or space variant and each decimal digit of
  any script by its ASCII twin — one code point for one code point, so the view keeps the
  text's length;
* :func:`view` then drops the invisible/format characters (:data:`DROPPED`) — the only step
  that changes length, so it returns a map from view positions back to the original.

Spans found on the view are reported on, and replacements spliced into, the original: a span
covers the whole original spelling, invisible characters inside it included. Lines without
such characters take the same-length path (no map is built). The native core has the same
tables (``rust/core/src/view.rs``).
"""

from __future__ import annotations

import re

# why: U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E, at a fixed distance.
_FULLWIDTH_OFFSET = 0xFEE0
_FOLD_TABLE: dict[int, int] = {cp: cp - _FULLWIDTH_OFFSET for cp in range(0xFF01, 0xFF5F)}
_FOLD_TABLE[0x3000] = 0x20  # ideographic space
_FOLD_TABLE[0x2010] = 0x2D  # hyphen
_FOLD_TABLE[0x2011] = 0x2D  # non-breaking hyphen
_FOLD_TABLE[0x2012] = 0x2D  # figure dash
_FOLD_TABLE[0x2013] = 0x2D  # en dash, common in hand-typed phone numbers
_FOLD_TABLE[0x2212] = 0x2D  # minus sign
_FOLD_TABLE[0x00A0] = 0x20  # no-break space
_FOLD_TABLE[0xFE6B] = 0x40  # small commercial at
# why: thin, narrow and other typographic spaces are spaces: a separator, never glue
for _cp in (*range(0x2000, 0x200B), 0x202F, 0x205F):
    _FOLD_TABLE[_cp] = 0x20

# The zero of every run of ten Unicode decimal digits (category Nd, Unicode 14) other than
# ASCII and full-width (folded above). Fixed here, not read from ``unicodedata``, so that
# both engines and every Python version fold the same characters.
DIGIT_ZEROS: tuple[int, ...] = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
    0xABF0, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
    0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E950, 0x1FBF0,
)  # fmt: skip
for _zero in DIGIT_ZEROS:
    for _digit in range(10):
        _FOLD_TABLE[_zero + _digit] = 0x30 + _digit

# Invisible/format characters dropped from the view: soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings
# and isolates, word joiner and invisible operators, BOM / zero-width no-break space.
DROPPED: frozenset[str] = frozenset(
    chr(cp)
    for cp in (
        0x00AD, 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
        *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF,
    )
)  # fmt: skip
_DROPPED_RE = re.compile("[" + "".join(sorted(DROPPED)) + "]")

_NEEDS_FOLD = frozenset(chr(cp) for cp in _FOLD_TABLE)


def fold(text: str) -> str:
    """Return ``text`` with full-width forms replaced by ASCII, keeping its length.

    >>> fold("手机１３８－１２３４－５６７８")
    '手机138-1234-5678'
    >>> len(fold("ｚ＠ｅ．ｃｎ")) == len("ｚ＠ｅ．ｃｎ")
    True
    """
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


def needs_fold(text: str) -> bool:
    """True when ``fold`` would change ``text`` (used by tests and the explain output)."""
    return any(ch in _NEEDS_FOLD for ch in text)


def view(text: str) -> tuple[str, list[int] | None]:
    """The normalized view of ``text`` and, when it is shorter, its map back.

    The map holds, for each view position, the position of that character in ``text``; it
    is None when nothing was dropped (the view has the text's length, positions agree).

    >>> view("138\u200b1234")
    ('1381234', [0, 1, 2, 4, 5, 6, 7])
    >>> view("١٣٩")
    ('139', None)
    """
    folded = fold(text)
    if folded.isascii() or _DROPPED_RE.search(folded) is None:
        return folded, None
    positions = [i for i, ch in enumerate(folded) if ch not in DROPPED]
    return "".join([folded[i] for i in positions]), positions


def original_span(positions: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that view span ``start:end`` came from (see :func:`view`)."""
    if positions is None or start >= end:
        return start, end
    return positions[start], positions[end - 1] + 1


def clean(value: str) -> str:
    """A value as detection saw it: invisible characters dropped, then folded.

    What operators that compare or hash values (pseudonyms, allowlists, baselines,
    generalization) read, so ``１３９…``, ``١٣٩…`` and ``139\u200b…`` are one value.
    """
    if value.isascii():
        return value
    return fold(_DROPPED_RE.sub("", value))
