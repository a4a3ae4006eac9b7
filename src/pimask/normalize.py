"""The normalized view of text that detection reads, with a map back to the original.

Chinese input methods produce full-width digits, letters and punctuation
(``１３８１２３４５６７８``, ``ｚ＠ｅｘａｍｐｌｅ．ｃｏｍ``); other keyboards produce the
decimal digits of their own script (``١٣٩``, ``१३९``, mathematical bold ``𝟏𝟑𝟗``); pasted text
carries invisible format characters (a zero-width space inside ``138\u200b1234\u200b5678``).
Detection runs on a view in which:

* :func:`fold` replaces each full-width form, dash or space variant and each decimal digit of
  any script by its ASCII twin — one code point for one code point, so the view keeps the
  text's length;
* :func:`view` then drops the invisible/format characters (:data:`DROPPED`) and, on a line
  that holds one, decodes URL-percent (``%2B``, ``%E6%89%8B``) and JSON ``\\uXXXX`` escapes
  (:func:`decode_escapes`) — the steps that change length, so it returns a map from view
  positions back to the original.

Spans found on the view are reported on, and replacements spliced into, the original: a span
covers the whole original spelling, invisible characters and escape bytes inside it included.
Lines without such characters take the same-length path (no map is built); a line without
``%`` or ``\\`` never looks for escapes. The native core has the same tables and the same
decoder (``rust/core/src/view.rs``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


class Positions(list[int]):
    """For each view character, the position in the original text where it starts.

    ``ends`` is None when every view character came from one original character (only
    invisible characters were dropped); after escapes were decoded it holds, for each view
    character, the position just after its original spelling (``%40`` is three characters).
    """

    ends: list[int] | None = None


def view(text: str) -> tuple[str, Positions | None]:
    """The normalized view of ``text`` and, when it is shorter, its map back.

    The map holds, for each view position, the position of that character in ``text``; it
    is None when nothing was dropped or decoded (the view has the text's length, positions
    agree).

    >>> view("138\u200b1234")
    ('1381234', [0, 1, 2, 4, 5, 6, 7])
    >>> view("١٣٩")
    ('139', None)
    >>> view("tel=%2B86139")
    ('tel=+86139', [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
    """
    if ("%" in text or "\\" in text) and _ESCAPE.search(text) is not None:
        escaped = _escaped_view(text)
        if escaped is not None:
            return escaped
    folded = fold(text)
    if folded.isascii() or _DROPPED_RE.search(folded) is None:
        return folded, None
    positions = Positions(i for i, ch in enumerate(folded) if ch not in DROPPED)
    return "".join([folded[i] for i in positions]), positions


def original_span(positions: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that view span ``start:end`` came from (see :func:`view`)."""
    if positions is None or start >= end:
        return start, end
    ends = getattr(positions, "ends", None)
    return positions[start], (positions[end - 1] + 1 if ends is None else ends[end - 1])


# A sequence that may be an escape: the cheap test that sends a line to the decoder.
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|\\[\"\\/]")
# JSON's escapes of a quote, a backslash and a slash: a JSON text inside a JSON string
# (``"msg": "{\\"card_no\\":\\"6222…\\"}"``) has its keys read like plain JSON's
_SHORT = {'"': '"', "\\": "\\", "/": "/"}
_HEX = frozenset("0123456789abcdefABCDEF")
# why: code points from U+10FF00 stand for undecodable bytes in the native core; a decoded
# escape never becomes one of them
_DECODE_LIMIT = 0x10FF00


def _hex_at(text: str, at: int, count: int) -> int | None:
    """The value of ``count`` hex digits at ``text[at:]``, or None."""
    digits = text[at : at + count]
    if len(digits) != count or not all(ch in _HEX for ch in digits):
        return None
    return int(digits, 16)


def _percent_at(text: str, at: int) -> tuple[str, int] | None:
    """The character a URL-percent escape at ``text[at]`` decodes to, and its length.

    One ``%XX`` of an ASCII character, or the ``%XX`` bytes of one valid UTF-8 sequence
    (``%E6%89%8B`` is 手). Stray or invalid bytes stay as written: decoding them would put a
    guess in the view. (A control character decodes, and the view reads it as a space.)
    """
    lead = _hex_at(text, at + 1, 2) if text[at] == "%" else None
    if lead is None:
        return None
    if lead < 0x80:
        return chr(lead), 3
    if 0xC2 <= lead <= 0xDF:
        width = 2
    elif 0xE0 <= lead <= 0xEF:
        width = 3
    elif 0xF0 <= lead <= 0xF4:
        width = 4
    else:
        return None
    data = bytearray([lead])
    for k in range(1, width):
        at_k = at + 3 * k
        byte = _hex_at(text, at_k + 1, 2) if text[at_k : at_k + 1] == "%" else None
        if byte is None or not 0x80 <= byte <= 0xBF:
            return None
        data.append(byte)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:  # overlong, surrogate or beyond U+10FFFF
        return None
    if ord(decoded) >= _DECODE_LIMIT:
        return None
    return decoded, 3 * width


def _unicode_at(text: str, at: int) -> tuple[str, int] | None:
    """The character a JSON ``\\uXXXX`` escape (or surrogate pair) at ``text[at]`` decodes to."""
    if text[at : at + 2] != "\\u":
        return None
    unit = _hex_at(text, at + 2, 4)
    if unit is None or 0xDC00 <= unit <= 0xDFFF:
        return None
    if 0xD800 <= unit <= 0xDBFF:
        low = _hex_at(text, at + 8, 4) if text[at + 6 : at + 8] == "\\u" else None
        if low is None or not 0xDC00 <= low <= 0xDFFF:
            return None  # a lone high surrogate: not a character
        code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        return (chr(code), 12) if code < _DECODE_LIMIT else None
    return chr(unit), 6


def decode_escapes(text: str) -> list[tuple[str, int, int, str]]:
    """``text`` as ``(character, start, end, form)``: escapes decoded, one pass, left to right.

    ``form`` is ``"%"`` or ``"u"`` for a decoded escape, ``""`` for a character as written.
    JSON's ``\\"``, ``\\\\`` and ``\\/`` decode too (form ``"u"``); the ``u`` after an escaped
    backslash (``\\\\u0031``) is text, and a decoded ``%25`` or ``\\u005c`` never starts
    another escape.
    """
    out: list[tuple[str, int, int, str]] = []
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch == "\\":
            short = _SHORT.get(text[i + 1 : i + 2])
            if short is not None:
                out.append((short, i, i + 2, "u"))
                i += 2
                continue
            found = _unicode_at(text, i)
            if found is not None:
                out.append((found[0], i, i + found[1], "u"))
                i += found[1]
                continue
        elif ch == "%":
            found = _percent_at(text, i)
            if found is not None:
                out.append((found[0], i, i + found[1], "%"))
                i += found[1]
                continue
        out.append((ch, i, i + 1, ""))
        i += 1
    return out


def has_escape(text: str) -> bool:
    """Does ``text`` hold an escape the view decodes? (Cheap when it holds no ``%``/``\\``.)"""
    if "%" not in text and "\\" not in text:
        return False
    return any(form for _, _, _, form in decode_escapes(text))


def _is_control(ch: str) -> bool:
    return ord(ch) < 0x20 or ord(ch) == 0x7F


def _escaped_view(text: str) -> tuple[str, Positions] | None:
    """:func:`view` of a line holding escapes, or None when none of them decodes."""
    pieces = decode_escapes(text)
    if not any(form for _, _, _, form in pieces):
        return None
    chars: list[str] = []
    positions = Positions()
    ends: list[int] = []
    for ch, start, end, form in pieces:
        if ch in DROPPED:
            continue
        # why: an escaped control character (``%0A``, ``\\u0009``) separates like a space
        # and never puts a line break into the view
        chars.append(" " if form and _is_control(ch) else fold(ch))
        positions.append(start)
        ends.append(end)
    positions.ends = ends
    return "".join(chars), positions


def clean(value: str) -> str:
    """A value as detection saw it: escapes decoded, invisible characters dropped, folded.

    What operators that compare or hash values (pseudonyms, allowlists, baselines,
    generalization) read, so ``１３９…``, ``١٣٩…``, ``139\u200b…`` and ``%2B86139…`` are
    one value.
    """
    if ("%" in value or "\\" in value) and _ESCAPE.search(value) is not None:
        value = "".join(ch for ch, _, _, _ in decode_escapes(value))
    if value.isascii():
        return value
    return fold(_DROPPED_RE.sub("", value))


def through_escapes(value: str, apply: Callable[[str], str]) -> str:
    """``apply`` (a mask, an operator) on ``value`` with its escapes decoded, re-escaped after.

    why: a finding's span covers the whole escaped spelling (``%2B8613912345678``,
    ``zhang.san%40example.com``), so a mask must read the decoded value — masking the
    escape's hex digits as if they were the value's would keep the wrong characters — and
    the replacement must not read differently from what was there: each character other
    than an ASCII letter or digit that was escaped in the value is written in the same form
    again (``%2B``, ``%40``; ``\\u`` as
    JSON's ``ensure_ascii`` writes it), and next to a JSON escape a quote, a backslash or a
    control character in the replacement is escaped too, so a JSON string literal stays
    valid JSON. A value without a decodable escape goes to ``apply`` unchanged.
    """
    if "%" not in value and "\\" not in value:
        return apply(value)
    pieces = decode_escapes(value)
    forms: dict[str, str] = {}
    for ch, _, _, form in pieces:
        if form:
            forms.setdefault(ch, form)
    if not forms:
        return apply(value)
    return escape_like(apply("".join(ch for ch, _, _, _ in pieces)), forms)


def escape_like(text: str, forms: dict[str, str]) -> str:
    """``text`` with each character of ``forms`` written in that escape form.

    See :func:`through_escapes`.
    """
    json = "u" in forms.values()
    out: list[str] = []
    for ch in text:
        # why: an ASCII letter or digit never needs an escape; writing one back escaped
        # would only disguise an operator's token (k1 → k\\u0031)
        form = None if ch.isascii() and ch.isalnum() else forms.get(ch)
        if form is None and json and (ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F):
            form = "u"
        if form == "%":
            out.append("".join(f"%{byte:02X}" for byte in ch.encode("utf-8")))
        elif form == "u":
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
