"""Keyed operators: HMAC-SHA256 pseudonyms and FF3-1 format-preserving encryption.

Both take their key from :mod:`pimask.keys` (never from a policy) and write the key id
into their output, so keys can rotate: old tokens name the key that made them.

Pseudonyms hash a canonical form of the value (``139-1234-5678``, ``+86 13912345678`` and
``13912345678`` are one person), keyed per entity, so joins across records still work.

Encryption uses the ``ff3`` package (FF3-1, NIST SP 800-38G Rev. 1 draft) over the value's
digits (hex digits for MAC addresses, both letter cases kept as separate symbols); every
other character (separators, the ``X`` of an ID, a ``+86`` prefix) stays in place, and
full-width digits stay full-width. FF3-1 needs a domain of at least 10^6, so values with
fewer than 6 digits are tagged instead (never written out in clear). FF3-1 also caps a
message's length (56 digits, 32 alphanumerics): longer values (a 64-hex OAID) are encrypted
in chained chunks (see ``FormatPreservingCipher._chunked``).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Callable
from typing import Any

from pimask.keys import Key, KeyRing
from pimask.normalize import clean, fold
from pimask.operators.masks import _split_mobile_prefix
from pimask.operators.tokens import encrypted_token, pseudonym_token

DIGITS = "0123456789"
HEX_BOTH_CASES = "0123456789abcdefABCDEF"
_NON_DIGITS = re.compile(r"[^0-9]")
_NON_HEX = re.compile(r"[^0-9a-f]")
_PLATE_LAYOUT = re.compile("[ .\\-\u00b7\u30fb\u2022]")
_FULLWIDTH = 0xFEE0


def canonical(entity: str, value: str) -> str:
    """The form two spellings of one value share (the pseudonym's input).

    Read on the value as detection saw it (:func:`pimask.normalize.clean`): digits of any
    script and invisible characters inside a value do not make another person.
    """
    folded = clean(value)
    if entity == "CN_MOBILE":
        return _NON_DIGITS.sub("", _split_mobile_prefix(entity, folded)[1])
    if entity in ("BANK_CARD", "IMEI", "IMSI", "QQ_NUMBER", "CN_SERVICE_NUMBER"):
        return _NON_DIGITS.sub("", folded)
    if entity == "CN_LANDLINE":
        # why: (010)62345678, 010-62345678 and +86 10 6234 5678 are one line: the national
        # digits (a country code 86/0086 dropped, the trunk 0 restored), extension included
        digits = _NON_DIGITS.sub("", folded)
        for country in ("0086", "86"):
            if digits.startswith(country):
                digits = digits[len(country) :]
                return digits if digits.startswith("0") else "0" + digits
        return digits
    if entity == "WECHAT_ID":
        return folded.lower()  # why: WeChat ids are not case-sensitive
    if entity == "DEVICE_ID":
        return folded.lower()  # why: hex ids are written in either case
    if entity == "GEO_COORDINATES":
        return folded.replace(" ", "")
    if entity == "CN_RESIDENT_ID":
        return re.sub(r"[^0-9X]", "", folded.upper())
    if entity == "MAC_ADDRESS":
        return _NON_HEX.sub("", folded.lower())
    if entity in ("CN_PASSPORT", "CN_TRAVEL_PERMIT", "CN_USCC"):
        return folded.upper()
    if entity == "CN_LICENSE_PLATE":
        return _PLATE_LAYOUT.sub("", folded.upper())  # 京A·12345 and 京A12345 are one car
    if entity == "EMAIL":
        address = folded.strip().casefold()
        # why: "#" written for "@" is the same address, so it gets the same pseudonym
        return address if "@" in address else address.replace("#", "@", 1)
    if entity == "IP_ADDRESS":
        try:
            return ipaddress.ip_address(folded.split("%", 1)[0]).compressed
        except ValueError:
            return folded
    return folded


def _same_form(original: str, folded: str, symbol: str) -> str:
    """``symbol`` written the way ``original`` (which folds to ``folded``) was written."""
    if original == folded:
        return symbol
    if folded.isdigit() and symbol.isdigit():
        return chr(ord(original) - int(folded) + int(symbol))  # the script's own zero + n
    return chr(ord(symbol) + _FULLWIDTH)


def make_pseudonymizer(entity: str, keys: KeyRing, digest_chars: int) -> Callable[[str], str]:
    """``value -> <ENTITY:key_id:digest>`` with the current key; HMAC object built once."""
    key = keys.current
    base = hmac.new(key.derive("pseudonym"), entity.encode() + b"\0", hashlib.sha256)

    def apply(value: str) -> str:
        mac = base.copy()
        mac.update(canonical(entity, value).encode("utf-8", "surrogatepass"))
        return pseudonym_token(entity, key.id, mac.hexdigest()[:digest_chars])

    return apply


ALPHANUMERIC = DIGITS + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def alphabet_for(entity: str) -> str:
    if entity == "MAC_ADDRESS":
        return HEX_BOTH_CASES
    return ALPHANUMERIC if entity == "DEVICE_ID" else DIGITS


class FormatPreservingCipher:
    """FF3-1 over one entity's alphabet with one key; the tweak is derived per entity."""

    def __init__(self, key: Key, entity: str) -> None:
        try:
            from ff3 import FF3Cipher
        except ImportError as exc:  # pragma: no cover - ff3 is a core dependency
            from pimask.errors import ConfigError

            raise ConfigError("the encrypt operator needs the 'ff3' package") from exc
        self.alphabet = alphabet_for(entity)
        self._symbols = frozenset(self.alphabet)
        key_hex = key.derive("ff3-1/key").hex()  # 32 bytes: AES-256
        self._tweak_hex = key.derive(f"ff3-1/tweak/{entity}")[:7].hex()  # 56-bit FF3-1 tweak
        self._cipher: Any = FF3Cipher.withCustomAlphabet(key_hex, self._tweak_hex, self.alphabet)
        self.min_len: int = self._cipher.minLen
        self.max_len: int = self._cipher.maxLen

    def _transform(self, value: str, encrypt: bool) -> str | None:
        folded = fold(value)
        positions = [i for i, ch in enumerate(folded) if ch in self._symbols]
        if len(positions) < self.min_len:
            return None
        plain = "".join(folded[i] for i in positions)
        out = self._chunked(plain, encrypt)
        chars = list(value)
        for i, ch in zip(positions, out, strict=True):
            # why: a full-width digit stays full-width (a digit of another script stays in
            # its script), so the layout survives the round trip
            chars[i] = _same_form(value[i], folded[i], ch)
        return "".join(chars)

    def _chunked(self, symbols: str, encrypt: bool) -> str:
        """FF3-1 caps a message at ``max_len`` symbols (32 for alphanumerics, so a 64-hex
        OAID does not fit): longer values are cut into near-equal chunks, and each chunk
        after the first is tweaked by its index and the plaintext before it, so equal
        chunks of different values do not encrypt alike unless everything before them is
        equal too. A value that fits is one chunk with the entity's tweak (unchanged)."""
        if len(symbols) <= self.max_len:
            return self._cipher.encrypt(symbols) if encrypt else self._cipher.decrypt(symbols)
        count = -(-len(symbols) // self.max_len)
        bounds = [len(symbols) * i // count for i in range(count + 1)]
        done: list[str] = []
        plain_so_far = ""
        for index in range(count):
            piece = symbols[bounds[index] : bounds[index + 1]]
            if index == 0:
                tweak = self._tweak_hex
            else:
                material = f"{self._tweak_hex}/{index}/{plain_so_far}".encode()
                tweak = hashlib.sha256(material).digest()[:7].hex()
            if encrypt:
                result = self._cipher.encrypt_with_tweak(piece, tweak)
                plain_so_far += piece
            else:
                result = self._cipher.decrypt_with_tweak(piece, tweak)
                plain_so_far += result
            done.append(result)
        return "".join(done)

    def encrypt(self, value: str) -> str | None:
        """Ciphertext of the same shape, or None when the value has too few symbols."""
        return self._transform(value, True)

    def decrypt(self, value: str) -> str | None:
        return self._transform(value, False)


_CIPHERS: dict[tuple[str, bytes, str], FormatPreservingCipher] = {}


def cipher_for(key: Key, entity: str) -> FormatPreservingCipher:
    """Cached per (key, entity): building one runs AES key expansion."""
    slot = (key.id, key.secret, entity)
    cipher = _CIPHERS.get(slot)
    if cipher is None:
        if len(_CIPHERS) > 256:
            _CIPHERS.clear()
        cipher = _CIPHERS[slot] = FormatPreservingCipher(key, entity)
    return cipher


def make_encryptor(
    entity: str, keys: KeyRing, marker: bool, fallback: Callable[[str], str]
) -> Callable[[str], str]:
    """``value -> ciphertext`` (marked or bare); ``fallback`` when it cannot be encrypted."""
    key = keys.current
    cipher = cipher_for(key, entity)

    def apply(value: str) -> str:
        prefix, body = _split_mobile_prefix(entity, value)
        if marker and any(ch in body for ch in "<>~\r\n"):
            return fallback(value)
        encrypted = cipher.encrypt(body)
        if encrypted is None:
            return fallback(value)
        if not marker:
            return prefix + encrypted
        return encrypted_token(entity, key.id, prefix + encrypted, key.check)

    return apply


def decrypt_value(keys: KeyRing, entity: str, key_id: str, cipher_text: str) -> str | None:
    """The original of one ciphertext (without its marker), or None if it cannot be one."""
    key = keys.get(key_id)
    prefix, body = _split_mobile_prefix(entity, cipher_text)
    plain = cipher_for(key, entity).decrypt(body)
    return None if plain is None else prefix + plain
