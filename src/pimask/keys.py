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
import itertools
import os
import re
import stat
import warnings
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
# Set to 1 when a key file is readable by group/others on purpose (a Kubernetes secret
# volume is mounted 0644 by default): silences the warning, never the world-writable refusal.
KEY_FILE_MODE_OK_ENV = "PIMASK_KEY_FILE_MODE_OK"
GOOD_KEY_HINT = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'
# why: words people put in keys; a random 32-character key contains none of them by chance
_WEAK_WORDS = ("password", "passwd", "secret", "changeme", "admin", "qwerty", "letmein",
               "welcome", "pimask", "example", "default", "test", "123456", "abcdef")  # fmt: skip
# characters beside the common words that make a key strong anyway (~120 bits in base64)
_STRONG_REST = 20


class KeyWarning(UserWarning):
    """A key that works but is exposed (file mode) or guessable (pattern, word).

    A warning, not an error: rotating a deployed key changes every pseudonym, so pimask
    keeps working and says how to do better. The CLI prints it as ``pimask: warning: …``.
    """


_KEY_ID = re.compile(rf"^{KEY_ID_PATTERN}$")


@dataclass(frozen=True, slots=True)
class Key:
    """One secret with its public id. ``repr`` never shows the secret."""

    id: str
    secret: bytes = field(repr=False)

    def derive(self, purpose: str) -> bytes:
        """A 32-byte subkey for one purpose, so pseudonyms and ciphers never share a key."""
        return hmac.new(self.secret, b"pimask/" + purpose.encode(), hashlib.sha256).digest()

    @property
    def check(self) -> str:
        """The key check value: 8 hex characters derived from the secret and bound to the
        key id. Written into ciphertext markers so ``reveal`` detects a wrong key (a wrong
        secret under the right id) instead of printing a wrong value. It is the same for
        every token of the key, so it says nothing about any value."""
        mac = hmac.new(self.secret, b"pimask/key-check/" + self.id.encode(), hashlib.sha256)
        return mac.hexdigest()[:8]

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
            f"e.g. `{GOOD_KEY_HINT}`)"
        )
    weakness = weak_key_reason(secret)
    if weakness is not None:
        warnings.warn(
            f"{where}: the key looks weak ({weakness}); make a good one with {GOOD_KEY_HINT} "
            "(rotating a deployed key changes every pseudonym, so this is only a warning)",
            KeyWarning,
            stacklevel=4,
        )
    return data


def weak_key_reason(secret: str) -> str | None:
    """Why ``secret`` looks guessable, or None: few distinct characters, a repeated or
    sequential pattern, or a common word. Never shows the secret itself."""
    if len(set(secret)) < 8:
        return "few distinct characters"
    for period in range(1, len(secret) // 2 + 1):
        if all(secret[i] == secret[i % period] for i in range(len(secret))):
            return "a repeated pattern"
    steps = [ord(b) - ord(a) for a, b in itertools.pairwise(secret)]
    if sum(1 for step in steps if step in (1, -1)) * 2 >= len(steps):
        return "a sequential pattern"
    rest = secret.lower()
    for word in _WEAK_WORDS:
        rest = rest.replace(word, "")
    # why: a common word only weakens a key whose other characters are few; a random
    # 43-character key that happens to contain "test" still holds ~230 random bits
    if len(rest) < len(secret) and len(rest) < _STRONG_REST:
        return "a dictionary word"
    return None


def _check_file_mode(path: str | Path, environ: Mapping[str, str]) -> None:
    """Refuse a world-writable key file; warn when group or others can read or write it.

    why: anyone who can read the key re-identifies every pseudonym and decrypts every
    ciphertext; anyone who can write it can swap the key. A mounted secret (Kubernetes
    volumes are 0644) keeps working: set PIMASK_KEY_FILE_MODE_OK=1 to silence the warning.
    """
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return  # reported by the read that follows
    if mode & 0o002:
        raise ConfigError(
            f"{path}: key file is writable by everyone (mode {mode:04o}); chmod 600 {path}"
        )
    if mode & 0o077 and environ.get(KEY_FILE_MODE_OK_ENV) != "1":
        warnings.warn(
            f"{path}: key file is accessible to group or others (mode {mode:04o}); "
            f"chmod 600 it, or set {KEY_FILE_MODE_OK_ENV}=1 if that is intended "
            "(a mounted secret)",
            KeyWarning,
            stacklevel=4,
        )


def parse_key_file(path: str | Path, environ: Mapping[str, str] | None = None) -> KeyRing:
    """Read a key file (see module docstring); errors name the file and line, never a key.

    A world-writable file is refused; one readable by group or others gets a
    :class:`KeyWarning` (unless ``PIMASK_KEY_FILE_MODE_OK=1``), and so does a weak key.
    """
    name = str(path)
    _check_file_mode(path, os.environ if environ is None else environ)
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
        return parse_key_file(key_file, env)
    if secret:
        key_id = _check_id(env.get(KEY_ID_ENV) or DEFAULT_KEY_ID, KEY_ID_ENV)
        key = Key(key_id, _check_secret(secret, KEY_ENV))
        return KeyRing(key, {key_id: key})
    raise ConfigError(
        f"this policy needs a secret key (pseudonymize/encrypt): set {KEY_ENV} "
        f"(and optionally {KEY_ID_ENV}) or {KEY_FILE_ENV}; keys never live in policy files"
    )
