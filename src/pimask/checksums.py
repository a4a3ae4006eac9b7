"""Pure check-digit algorithms, each citing its standard.

Every function takes a string of ASCII characters and never raises: anything that is not
what the algorithm expects simply fails the check. ``str.isdigit`` is not used because it
accepts ``'³'`` and ``'٣'``; digits are compared against ASCII ``0``-``9``.
"""

from __future__ import annotations

import operator

# GB 11643-1999 / ISO 7064 MOD 11-2: weights 2^(17-i) mod 11 for positions 0..16.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_WEIGHT_SUM = sum(_ID_WEIGHTS)
# Luhn: a doubled digit contributes the sum of the product's digits (6 -> 12 -> 3).
_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")
# GB 32100-2015: 31 characters, digits and capital letters without I, O, S, V, Z; the
# weight of position i (0..16) is 3^i mod 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {ch: index for index, ch in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
# GB 11714-1997 organisation code: 8 characters (digits, capital letters A=10 … Z=35) and
# a MOD 11 check character (10 -> X, 11 -> 0).
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def is_ascii_digits(value: str) -> bool:
    """True when ``value`` is non-empty and made only of ASCII ``0``-``9``."""
    # why: str.isdigit alone accepts '³' and '٣'; limited to ASCII it means exactly 0-9.
    return bool(value) and value.isascii() and value.isdigit()


def luhn_is_valid(number: str) -> bool:
    """Luhn (ISO/IEC 7812-1 Annex B) check used by bank cards and IMEI.

    >>> luhn_is_valid("6222021234567890123")
    False
    >>> luhn_is_valid("4111111111111111")
    True
    """
    if not is_ascii_digits(number) or len(number) < 2:
        return False
    # why: in C rather than a Python loop per digit; every second digit from the right is
    # doubled (digits of the product summed: 7 -> 14 -> 5), and an ASCII digit's byte
    # value is 48 + the digit.
    backwards = number[::-1]
    kept = backwards[0::2].encode("ascii")
    doubled = backwards[1::2].translate(_LUHN_DOUBLED).encode("ascii")
    return (sum(kept) + sum(doubled) - 48 * len(number)) % 10 == 0


def luhn_check_digit(payload: str) -> str:
    """The digit that makes ``payload + digit`` pass Luhn (used by test data generators).

    >>> luhn_check_digit("411111111111111")
    '1'
    """
    if not is_ascii_digits(payload):
        raise ValueError("payload must be ASCII digits")
    for digit in "0123456789":
        if luhn_is_valid(payload + digit):
            return digit
    raise AssertionError("unreachable: one Luhn digit always exists")


def gb11643_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of an 18-digit resident ID (GB 11643-1999).

    >>> gb11643_check_char("11010519491231002")
    'X'
    """
    if len(first17) != 17 or not is_ascii_digits(first17):
        raise ValueError("expected 17 ASCII digits")
    total = sum(map(operator.mul, first17.encode("ascii"), _ID_WEIGHTS)) - 48 * _ID_WEIGHT_SUM
    return _ID_CHECK_CHARS[total % 11]


def gb11643_is_valid(id18: str) -> bool:
    """True when an 18-character ID has a correct MOD 11-2 check character (``X``/``x`` = 10).

    >>> gb11643_is_valid("11010519491231002X")
    True
    >>> gb11643_is_valid("110105194912310021")
    False
    """
    if len(id18) != 18 or not is_ascii_digits(id18[:17]):
        return False
    return gb11643_check_char(id18[:17]) == id18[17].upper()


def gb32100_check_char(first17: str) -> str:
    """GB 32100-2015 check character of a 统一社会信用代码 from its first 17 characters.

    >>> gb32100_check_char("91350100M000100Y4")
    '3'
    """
    if len(first17) != 17 or any(ch not in _USCC_VALUE for ch in first17):
        raise ValueError("expected 17 characters of the GB 32100 alphabet")
    total = sum(_USCC_VALUE[ch] * weight for ch, weight in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def gb32100_is_valid(code: str) -> bool:
    """True when an 18-character 统一社会信用代码 has a correct check character.

    >>> gb32100_is_valid("91350100M000100Y43")
    True
    >>> gb32100_is_valid("91350100M000100Y44")
    False
    """
    if len(code) != 18 or any(ch not in _USCC_VALUE for ch in code):
        return False
    return gb32100_check_char(code[:17]) == code[17]


def gb11714_is_valid(code: str) -> bool:
    """True when a 9-character organisation code (组织机构代码, GB 11714-1997) checks.

    >>> gb11714_is_valid("802100433")
    True
    >>> gb11714_is_valid("802100434")
    False
    """
    if len(code) != 9 or not code.isascii() or not code[:8].isalnum():
        return False
    if any(ch.islower() for ch in code):
        return False
    values = [int(ch, 36) for ch in code[:8]]
    remainder = 11 - sum(v * w for v, w in zip(values, _ORG_WEIGHTS, strict=True)) % 11
    expected = "X" if remainder == 10 else "0" if remainder == 11 else str(remainder)
    return code[8] == expected
