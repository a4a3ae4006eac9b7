"""Token boundaries that work in Chinese text (no ``\\b``, no ``\\w``).

In Unicode regex 汉字 are word characters, so ``\\b1[3-9]\\d{9}\\b`` finds nothing in
``电话13800138000``. Each boundary kind is defined once here, in three checks around a
regex match ``view[start:end]`` (the native core has the same three, in
``rust/core/src/boundaries.rs``):

* ``left_ok`` / ``right_ok``: what may precede and follow the match, so a digit pattern
  never starts or ends inside a longer digit run;
* ``accept``: a post-check on the token around the match, for rules about more than one
  character (a number inside a longer hex token such as a trace id, ``2023-13812345678``,
  ``13812345678.50``).

Patterns carry no look-around (both engines run them in linear time): a match the boundary
rejects is dropped and the search restarts one character after its start (see
:func:`pimask.scanner.candidates`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_DIGITS = frozenset("0123456789")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _DIGITS | _ASCII_LETTERS
_HEX = frozenset("0123456789abcdefABCDEF")
_JOINERS = frozenset(".-_")

Accept = Callable[[str, int, int], bool]
Edge = Callable[[str, int], bool]


def _digit_token_outside(view: str, start: int, end: int) -> bool:
    """False when the digits at ``view[start:end]`` are part of a longer token.

    A longer token is: hex letters glued to the number that themselves touch a digit
    (``a1b2c13812345678``, a hex trace id), or a digit-dot/dash/underscore-digit chain
    (``2023-13812345678``, ``13812345678.50``, ``1_13812345678``). Plain words glued to the
    number (``ID13812345678``, ``tel13812345678``) and 汉字 do not make a longer token.
    Neither do letters that are all hex digits, if the whole token is hex: ``14691341293c``
    and ``ab13912345678`` are short hashes, not a phone glued to a word.
    """
    i = start - 1
    glued = False
    if i >= 0:
        ch = view[i]
        if ch in _JOINERS:
            if i >= 1 and view[i - 1] in _ALNUM and _run_has_digit(view, i - 1, -1):
                return False
        elif ch in _ASCII_LETTERS:
            if _run_has_digit(view, i, -1):
                return False
            glued = True
    j = end
    if j < len(view):
        ch = view[j]
        if ch in _JOINERS:
            if j + 1 < len(view) and view[j + 1] in _ALNUM and _run_has_digit(view, j + 1, 1):
                return False
        elif ch in _ASCII_LETTERS:
            if _run_has_digit(view, j, 1):
                return False
            glued = True
    return not glued or not _hex_token(view, start, end)


def _hex_token(view: str, start: int, end: int) -> bool:
    """Is the ASCII alphanumeric token around ``view[start:end]`` made only of hex digits?

    Glued hex letters that begin a hyphenated word are a word, not hex: in
    ``13910819844E-mail`` the ``E`` starts ``E-mail`` (a non-hex letter follows the joiner),
    while a UUID group after the joiner (``…a-bf48``) is hex again.
    """
    i = start - 1
    while i >= 0 and view[i] in _ALNUM:
        if view[i] not in _HEX:
            return False
        i -= 1
    if i < start - 1 and i >= 1 and view[i] in _JOINERS and _word_run(view, i - 1, -1):
        return False
    j, limit = end, len(view)
    while j < limit and view[j] in _ALNUM:
        if view[j] not in _HEX:
            return False
        j += 1
    return not (j > end and j + 1 < limit and view[j] in _JOINERS and _word_run(view, j + 1, 1))


def _word_run(view: str, index: int, step: int) -> bool:
    """Does the ASCII letter run from ``view[index]`` (walking ``step``) hold a non-hex letter?"""
    limit = len(view)
    while 0 <= index < limit and view[index] in _ASCII_LETTERS:
        if view[index] not in _HEX:
            return True
        index += step
    return False


def _run_has_digit(view: str, index: int, step: int) -> bool:
    """Is ``view[index]`` (walking ``step``) part of a hex token that holds a digit?

    Only hex letters continue the token: ``9fa13812345678`` is inside a trace-id-like
    token, while ``IMEI352099001761481`` or ``card6222…`` are a word glued to a number.
    """
    limit = len(view)
    while 0 <= index < limit:
        ch = view[index]
        if ch in _DIGITS:
            return True
        if ch not in _HEX:
            return False
        index += step
    return False


def _hex_group_outside(view: str, start: int, end: int) -> bool:
    """False when a MAC-shaped match continues a longer separator-joined hex sequence.

    ``fe80:0:0:3c:22:fb:1a:2b:3c`` holds MAC-shaped runs, but the group before (a short
    all-hex word joined by the same separator) shows it is part of something longer.
    ``MAC:3c:22:…`` is fine: ``MAC`` is not a hex group. A bare 12-hex run joined to any
    hex group (the last group of a UUID, ``…-bf48-aa482df9cb07``) is part of that token.
    A word glued in front (``无线MAC3c:22:…``, ``MAC3c22fb1a2b3c``) is fine when it is a
    word, i.e. holds a letter beyond a-f; glued hex letters would make a longer hex run.
    """
    i = start - 1
    if i >= 0 and view[i] in _ASCII_LETTERS and not _word_before(view, i):
        return False
    candidate = view[start:end]
    separators = {ch for ch in candidate if ch in ":-."}
    longest = 4
    if not separators:
        separators, longest = _BARE_JOINERS, 64
    i = start - 1
    if i >= 0 and view[i] in separators:
        run = _hex_run(view, i - 1, -1)
        if 0 < run <= longest:
            return False
    j = end
    if j < len(view) and view[j] in separators:
        run = _hex_run(view, j + 1, 1)
        if 0 < run <= longest:
            return False
    return True


_BARE_JOINERS = frozenset(":-.")


def _word_before(view: str, index: int) -> bool:
    """Does the ASCII alphanumeric run ending at ``view[index]`` hold a non-hex letter?"""
    while index >= 0 and view[index] in _ALNUM:
        if view[index] not in _HEX:
            return True
        index -= 1
    return False


def _hex_run(view: str, index: int, step: int) -> int:
    """Length of the run of hex digits from ``index``; 0 if an other ASCII letter ends it."""
    length = 0
    limit = len(view)
    while 0 <= index < limit and view[index] in _HEX:
        length += 1
        index += step
    if 0 <= index < limit and view[index] in _ASCII_LETTERS:
        return 0  # the run is part of a word such as "MAC" or "addr"
    return length


def _always(view: str, start: int, end: int) -> bool:
    return True


def _no_digit_before(view: str, start: int) -> bool:
    return start == 0 or view[start - 1] not in _DIGITS


def _no_digit_after(view: str, end: int) -> bool:
    return end >= len(view) or view[end] not in _DIGITS


def _hex_right(view: str, end: int) -> bool:
    """No letter or digit after, nor a further ``:hex``/``-hex`` group."""
    if end >= len(view):
        return True
    ch = view[end]
    if ch in _ALNUM:
        return False
    if ch in ":-":
        return end + 1 >= len(view) or view[end + 1] not in _HEX
    return True


def _hexword_left(view: str, start: int) -> bool:
    return start == 0 or (view[start - 1] not in _ALNUM and view[start - 1] != "-")


def _hexword_right(view: str, end: int) -> bool:
    return end >= len(view) or (view[end] not in _ALNUM and view[end] != "-")


def _after_mac(view: str, start: int) -> bool:
    return (
        start >= 3
        and view[start - 3 : start].isascii()
        and view[start - 3 : start].lower() == "mac"
    )


def _ip_left(view: str, start: int) -> bool:
    return start == 0 or (view[start - 1] not in _DIGITS and view[start - 1] != ".")


def _ip_right(view: str, end: int) -> bool:
    if end >= len(view):
        return True
    ch = view[end]
    if ch in _DIGITS:
        return False
    if ch == ".":
        return end + 1 >= len(view) or view[end + 1] not in _DIGITS
    return True


def _ipv6_left(view: str, start: int) -> bool:
    return start == 0 or view[start - 1] not in _HEX


def _ipv6_right(view: str, end: int) -> bool:
    return end >= len(view) or (view[end] not in _ALNUM and view[end] not in ":.%")


_EMAIL_BEFORE = _ALNUM | frozenset("._%+-")


def _email_left(view: str, start: int) -> bool:
    return start == 0 or view[start - 1] not in _EMAIL_BEFORE


def _email_right(view: str, end: int) -> bool:
    # why: a digit may follow the TLD (a TLD has no digits, and a longer domain would have
    # been matched): zhangsan@example.com13912345678 is an address glued to a phone number
    return end >= len(view) or (view[end] not in _ASCII_LETTERS and view[end] != "-")


def _anywhere(view: str, index: int) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Boundary:
    left_ok: Edge
    right_ok: Edge
    accept: Accept


BOUNDARIES: dict[str, Boundary] = {
    "digit": Boundary(_no_digit_before, _no_digit_after, _digit_token_outside),
    # why: a word may be glued in front (无线MAC3c:22:fb:1a:2b:3c): letters may precede a
    # match and accept() rejects glued hex letters (a longer hex run). The right side also
    # refuses a further ":hex"/"-hex" group, so a match never starts inside a word and ends
    # inside the address (MAC:22:… must not match "AC:22:…").
    "hex": Boundary(_no_digit_before, _hex_right, _hex_group_outside),
    # why: a bare 12-hex MAC stands alone between non-word characters: no letter, digit or
    # hyphen may touch it, so hex ids (…0cbe48129ddd6cc6) and UUID tails never become
    # candidates at all.
    "hexword": Boundary(_hexword_left, _hexword_right, _always),
    # why: Chinese tickets glue the value to its label (蓝牙MAC1e297466e898); only the word
    # "MAC" itself may touch a bare MAC on the left.
    "after_mac": Boundary(_after_mac, _hexword_right, _always),
    # why: letters may touch an address (登录IP10.2.3.4); "v1.2.3.4" is handled by context.
    "ip": Boundary(_ip_left, _ip_right, _always),
    # why: a colon may precede an address (地址：fe80::1 folds to "地址:fe80::1"). Other
    # letters may touch it (登录IP2001:db8::1); short forms such as "d::" (std::) are
    # scored down by the validator.
    "ipv6": Boundary(_ipv6_left, _ipv6_right, _always),
    "email": Boundary(_email_left, _email_right, _always),
    "none": Boundary(_anywhere, _anywhere, _always),
}
