"""Shape checks and display masks for field-driven PERSON and ADDRESS values.

A value under a key that names a person (``姓名``, ``receiver_name``) or an address (``地址``,
``shipping_address``) is found by the key-driven patterns of ``person_field.yaml`` and
``address_field.yaml``; these validators decide whether the value has the shape. The key
already says what the value is, so the shape only has to refuse what commonly stands under
such keys and is not a person or an address: product names under ``name`` (小米手环,
iPhone 15, Apple Watch), handles, host and file names, IP or e-mail addresses under
``address``, and what a mask left (``张*``). The native core implements the same rules
(``rust/core/src/validators.rs``: ``person_name``, ``postal_address``) from the same
tables (:mod:`pimask.reference`, the surname list), shipped in the plan.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from pimask import reference

# why: "·" (U+00B7) is the standard joiner of transliterated and minority names; people
# also type "•", "・" (Japanese keyboards) and "‧"
NAME_JOINERS = "·•・‧"
_MASK = "*"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@functools.cache
def _surnames() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames, common single-character surnames);
    imported late: ``pimask.ner`` imports the masking module, which imports this one."""
    from pimask.ner.surnames import surnames

    table = surnames()
    return table.common | table.rare, table.compound, table.common


def person_surname(value: str) -> str | None:
    """The surname a Chinese name of the field shape starts with, or None.

    Compound surnames win when the name has a given name after them (欧阳娜娜 → 欧阳).
    """
    single, compound, _common = _surnames()
    if len(value) >= 3 and value[:2] in compound:
        return value[:2]
    if value and value[0] in single:
        return value[0]
    return None


def person_name(value: str, *, strict: bool = False) -> tuple[str, str]:
    """``(status, reason)`` for a value under a person key (``validators.person_name``).

    ``strict`` (``validators.person_name_strict``, under the bare key ``name``, which also
    names products, apps and hosts): a single-character surname must be a common one
    (支付宝 starts with a rare one) and a Latin name must start with a common given name
    (``reference.GIVEN_NAMES``: John Smith, not Google Maps).

    Accepted shapes: a Chinese name of 2–3 characters after a single-character surname or
    3–4 after a compound one, none of its given-name characters a thing's character
    (``reference.NON_NAME_CHARS``: 小米手环, 华为 are products); a ``·``-joined name of
    2–4 Chinese parts (艾力·买买提); a Latin "Given Family" name of 2–3 capitalised words,
    none of them a product or account word (``reference.NON_NAME_WORDS``: Apple Watch,
    Test User).
    """
    if not value:
        return "invalid", "empty"
    if any(ch in NAME_JOINERS for ch in value):
        parts = re.split(f"[{NAME_JOINERS}]", value)
        if 2 <= len(parts) <= 4 and all(p and all(_is_han(ch) for ch in p) for p in parts):
            return ("valid", "joined_name") if len(value) <= 24 else ("invalid", "length")
        return "invalid", "shape"
    if all(_is_han(ch) for ch in value):
        surname = person_surname(value)
        if surname is None:
            return "invalid", "no_surname"
        given = value[len(surname) :]
        if not 1 <= len(given) <= 2:
            return "invalid", "length"
        if any(ch in reference.NON_NAME_CHARS for ch in given):
            return "invalid", "not_a_name"
        if strict and len(surname) == 1 and surname not in _surnames()[2]:
            return "invalid", "rare_surname"
        return "valid", "compound_surname" if len(surname) == 2 else "surname"
    words = value.split(" ")
    if 2 <= len(words) <= 3 and all(_latin_word(w) for w in words):
        if any(w in reference.NON_NAME_WORDS for w in words):
            return "invalid", "not_a_name"
        if strict and words[0] not in reference.GIVEN_NAMES:
            return "invalid", "unknown_given_name"
        return "valid", "latin_name"
    return "invalid", "shape"


def _latin_word(word: str) -> bool:
    return (
        len(word) >= 2
        and "A" <= word[0] <= "Z"
        and all("a" <= ch <= "z" for ch in word[1:])
    )


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def postal_address(value: str) -> tuple[str, str]:
    """``(status, reason)`` for a value under an address key (``validators.postal_address``).

    At least 6 characters; no mask character, ``@`` or ``://`` (an e-mail or URL address);
    with Chinese characters, at least two address words (``reference.ADDRESS_MARKS``: 省 市
    区 县 … 路 街 号 栋 单元 室 楼: 北京市海淀区, 建国路88号); otherwise at least one digit
    and one street or unit word (``reference.ADDRESS_WORDS``: 12 Main Street, No. 5 …).
    """
    if len(value) < 6:
        return "invalid", "length"
    if _MASK in value or "@" in value or "://" in value:
        return "invalid", "not_an_address"
    if any(_is_han(ch) for ch in value):
        marks = sum(value.count(mark) for mark in reference.ADDRESS_MARKS)
        return ("valid", "address_words") if marks >= 2 else ("invalid", "no_address_words")
    if not any("0" <= ch <= "9" for ch in value):
        return "invalid", "no_number"
    words = {word.lower() for word in _LATIN_WORD.findall(value)}
    if words & reference.ADDRESS_WORDS:
        return "valid", "street_words"
    return "invalid", "no_address_words"


def mask_person_name(value: str, mask_han: Callable[[str], str]) -> str:
    """Display mask of a PERSON value: the surname stays, the given name is hidden.

    ``艾力·买买提`` → ``艾力·***`` (the first part and the joiners stay), ``John Smith`` →
    ``**** Smith`` (the family name stays); a Chinese name goes to ``mask_han``
    (``ner.person.mask_person``: ``张*``, ``欧阳**``).
    """
    if any(ch in NAME_JOINERS for ch in value):
        first = min(value.find(j) for j in NAME_JOINERS if j in value)
        if first > 0 and all(_is_han(ch) for ch in value[:first]):
            rest = "".join(ch if ch in NAME_JOINERS else _MASK for ch in value[first:])
            return value[:first] + rest
    elif value.isascii() and " " in value and _latin_word(value.rsplit(" ", 1)[1]):
        given, family = value.rsplit(" ", 1)
        return "".join(" " if ch == " " else _MASK for ch in given) + " " + family
    return mask_han(value)
