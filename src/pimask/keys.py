"""Secret keys for the keyed operators (pseudonymize, encrypt), from the environment only.

Keys never live in policy files: a policy is shared, reviewed and committed; a key is not.
They come from ``PIMASK_KEY`` (+ ``PIMASK_KEY_ID``, default ``k1``) or from a key file
named by ``PIMASK_KEY_FILE``. A missing key is a :class:`ConfigError`, never a silent
fallback to an unkeyed hash: an unkeyed hash of an 11-digit phone number is reversed by
enumerating 10^11 candidates in minutes.

Key file format (one key per line, ``#`` comments and blank lines ignored)::

    # id   secret
    k2     7d1c...   <- the first key is the current one: new tokens are written with it
    k1     91ab...   <- older keys still reveal / recognise tokens written with them

Every key id appears in the tokens it produced (``<CN_MOBILE:k2:…>``), so rotating means
putting the new key first and keeping the old one for as long as old tokens must be read.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pimask.errors import ConfigError

KEY_ENV = "PIMASK_KEY"
KEY_ID_ENV = "PIMASK_KEY_ID"
KEY_FILE_ENV = "PIMASK_KEY_FILE"
DEFAULT_KEY_ID = "k1"
MIN_SECRET_BYTES = 16
KEY_ID_PATTERN = r"[A-Za-z0-9_.-]{1,32}"
_KEY_ID = re.compile(rf"^{KEY_ID_PATTERN}$")


@dataclass(frozen=True, slots=True)
class Key:
    """One secret with its public id. ``repr`` never shows the secret."""

    id: str
    secret: bytes = field(repr=False)

    def derive(self, purpose: str) -> bytes:
        """A 32-byte subkey for one purpose, so pseudonyms and ciphers never share a key."""
        return hmac.new(self.secret, b"pimask/" + purpose.encode(), hashlib.sha256).digest()

    def __repr__(self) -> str:
        return f"Key(id={self.id!r})"


@dataclass(frozen=True, slots=True)
class KeyRing:
    """The current key (writes tokens) and every key that may read them, by id."""

    current: Key
    by_id: Mapping[str, Key]

    def get(self, key_id: str) -> Key:
        try:
            return self.by_id[key_id]
        except KeyError:
            known = ", ".join(sorted(self.by_id))
            raise ConfigError(
                f"no key with id {key_id!r} (known: {known}); add it to {KEY_FILE_ENV}"
            ) from None

    def __repr__(self) -> str:
        return f"KeyRing(current={self.current.id!r}, ids={sorted(self.by_id)!r})"


def _check_id(key_id: str, where: str) -> str:
    if not _KEY_ID.match(key_id):
        raise ConfigError(f"{where}: key id must match {KEY_ID_PATTERN} (letters, digits, _.-)")
    return key_id


def _check_secret(secret: str, where: str) -> bytes:
    data = secret.encode("utf-8")
    if len(data) < MIN_SECRET_BYTES:
        raise ConfigError(
            f"{where}: key is too short ({len(data)} bytes; at least {MIN_SECRET_BYTES}, "
            "e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`)"
        )
    return data


def parse_key_file(path: str | Path) -> KeyRing:
    """Read a key file (see module docstring); errors name the file and line, never a key."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: key file not found ({KEY_FILE_ENV})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{name}: cannot read key file ({type(exc).__name__})") from None
    keys: dict[str, Key] = {}
    first: Key | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        if len(parts) != 2:
            raise ConfigError(f"{name}:{number}: expected 'KEY_ID SECRET'")
        key_id = _check_id(parts[0], f"{name}:{number}")
        if key_id in keys:
            raise ConfigError(f"{name}:{number}: key id {key_id!r} appears twice")
        key = Key(key_id, _check_secret(parts[1], f"{name}:{number}"))
        keys[key_id] = key
        first = first or key
    if first is None:
        raise ConfigError(f"{name}: key file holds no key")
    return KeyRing(first, keys)


def load_keys(environ: Mapping[str, str] | None = None) -> KeyRing:
    """The key ring from ``PIMASK_KEY_FILE`` or ``PIMASK_KEY`` (+ ``PIMASK_KEY_ID``).

    Raises :class:`ConfigError` when neither is set: keyed operators have no fallback.
    """
    env = os.environ if environ is None else environ
    key_file = env.get(KEY_FILE_ENV)
    secret = env.get(KEY_ENV)
    if key_file and secret:
        raise ConfigError(f"set either {KEY_ENV} or {KEY_FILE_ENV}, not both")
    if key_file:
        return parse_key_file(key_file)
    if secret:
        key_id = _check_id(env.get(KEY_ID_ENV) or DEFAULT_KEY_ID, KEY_ID_ENV)
        key = Key(key_id, _check_secret(secret, KEY_ENV))
        return KeyRing(key, {key_id: key})
    raise ConfigError(
        f"this policy needs a secret key (pseudonymize/encrypt): set {KEY_ENV} "
        f"(and optionally {KEY_ID_ENV}) or {KEY_FILE_ENV}; keys never live in policy files"
    )
