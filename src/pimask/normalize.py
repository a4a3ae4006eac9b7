"""A same-length ASCII view of text, so one set of patterns covers full-width input.

Chinese input methods produce full-width digits, letters and punctuation
(``１３８１２３４５６７８``, ``ｚ＠ｅｘａｍｐｌｅ．ｃｏｍ``). Detection runs on a folded
view in which each such character is replaced by its ASCII twin. Folding maps one code point to
one code point, so every offset in the view is also an offset in the original text: spans
found on the view are reported on, and replacements spliced into, the original.
"""

from __future__ import annotations

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
