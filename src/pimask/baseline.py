"""Accepted findings that leak nothing: a baseline of keyed fingerprints, no line numbers.

A baseline lists findings a team has reviewed and accepted (the company's own hotline in a
fixture, a published test card number), so ``pimask check`` stops reporting them. It is
committed to the repository, so it must not reveal what it accepts:

* each entry's fingerprint is ``HMAC-SHA256(secret, file, entity, field, value)``; a plain
  hash of an 11-digit phone number is reversed by enumerating 10^11 candidates in hours,
  a keyed one is not without the secret;
* the secret never lives in the repository: ``$PIMASK_BASELINE_KEY``, a file named by
  ``$PIMASK_BASELINE_KEY_FILE``, or ``.pimask-baseline.key`` next to the baseline, which
  ``pimask baseline create`` generates and adds to ``.gitignore``;
* no line or row numbers: moving, inserting or sorting rows never rewrites the baseline;
* file names and field names are kept in clear for review, unless they themselves look
  like personal data (a file called ``13912345678.csv``), then they are keyed too.

A key check value (an HMAC of a constant) in the file detects a wrong secret instead of
silently accepting nothing. Without the secret (a teammate who has not been given it) the
baseline is :class:`LockedBaseline`: it still says which files it has entries for, so a
check can pass files without findings and say which findings it could not compare, but it
can accept nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pimask.datasets.core import Hit
from pimask.datasets.edits import atomic_write_bytes
from pimask.errors import ConfigError
from pimask.normalize import clean, fold

BASELINE_FILE = ".pimask-baseline.json"
KEY_FILE = ".pimask-baseline.key"
KEY_ENV = "PIMASK_BASELINE_KEY"
KEY_FILE_ENV = "PIMASK_BASELINE_KEY_FILE"
FORMAT_VERSION = 1
MIN_KEY_LENGTH = 16
_SCHEME = "hmac-sha256"
_KEY_CHECK_MESSAGE = b"pimask baseline key check v1"
_VALUE_NOISE = re.compile(r"[\s\-()]+")
_LONG_DIGITS = re.compile(r"[0-9]{6,}")


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    """One accepted finding: where (file, field) and what (entity), keyed fingerprint."""

    file: str
    entity: str
    field: str
    fingerprint: str

    def to_dict(self) -> dict[str, str]:
        return {
            "file": self.file,
            "entity": self.entity,
            "field": self.field,
            "fingerprint": self.fingerprint,
        }


def normalize_value(value: str) -> str:
    """Same value, same fingerprint: full-width folded, lower case, separators removed."""
    return _VALUE_NOISE.sub("", clean(value)).lower()


class BaselineKey:
    """The repository secret; ``source`` says where it came from (never the secret)."""

    def __init__(self, secret: bytes, source: str) -> None:
        if len(secret) < MIN_KEY_LENGTH:
            raise ConfigError(
                f"baseline key from {source} is too short: at least {MIN_KEY_LENGTH} "
                "characters (pimask baseline create generates one)"
            )
        self._secret = secret
        self.source = source

    def __repr__(self) -> str:
        return f"BaselineKey(source={self.source!r})"

    def mac(self, *parts: str) -> str:
        message = "\x1f".join(parts).encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:32]

    def check_value(self) -> str:
        return hmac.new(self._secret, _KEY_CHECK_MESSAGE, hashlib.sha256).hexdigest()[:16]


class MissingKeyError(ConfigError):
    """No baseline secret in the environment or beside the baseline."""


KEY_HELP = (
    f"set ${KEY_ENV} or ${KEY_FILE_ENV}, or put it in {KEY_FILE} beside the baseline "
    "(ask whoever manages the repository's secrets; never commit it; 'pimask help baseline')"
)


def load_key(root: Path, *, create: bool = False) -> tuple[BaselineKey, bool]:
    """The baseline secret and whether it was just created (only with ``create``).

    Looked up in ``$PIMASK_BASELINE_KEY``, then the file ``$PIMASK_BASELINE_KEY_FILE``,
    then ``ROOT/.pimask-baseline.key``.
    """
    value = os.environ.get(KEY_ENV)
    if value:
        return BaselineKey(value.strip().encode("utf-8"), f"${KEY_ENV}"), False
    named = os.environ.get(KEY_FILE_ENV)
    if named:
        return _read_key_file(Path(named), f"${KEY_FILE_ENV} ({named})"), False
    default = root / KEY_FILE
    if default.exists():
        return _read_key_file(default, str(default)), False
    if not create:
        raise MissingKeyError(f"the baseline needs its secret key: {KEY_HELP}")
    secret = secrets.token_hex(32)
    descriptor = os.open(default, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secret + "\n")
    _ignore_in_git(root)
    return BaselineKey(secret.encode("ascii"), str(default)), True


def _read_key_file(path: Path, source: str) -> BaselineKey:
    try:
        secret = path.read_bytes().strip()
    except OSError as exc:
        raise ConfigError(f"cannot read the baseline key {source}: {exc.strerror}") from None
    return BaselineKey(secret, source)


def _ignore_in_git(root: Path) -> None:
    """Make sure the generated key file is never committed by accident."""
    ignore = root / ".gitignore"
    lines = ignore.read_text(encoding="utf-8").splitlines() if ignore.exists() else []
    if KEY_FILE in lines or f"/{KEY_FILE}" in lines:
        return
    prefix = "" if not lines or ignore.read_text(encoding="utf-8").endswith("\n") else "\n"
    with ignore.open("a", encoding="utf-8") as handle:
        handle.write(f"{prefix}# pimask baseline secret: never commit it\n/{KEY_FILE}\n")


def _looks_personal(name: str) -> bool:
    """Field or file names that may themselves be personal data are keyed, not shown."""
    if _LONG_DIGITS.search(fold(name)) or "@" in fold(name):
        return True
    from pimask import default_engine

    return bool(default_engine().scan(name, min_score=0.0))


def read_document(path: Path) -> tuple[list[Entry], str | None]:
    """The entries and key check value of a baseline file (no key needed to read them)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a pimask baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise ConfigError(f"{path}: field 'version': expected {FORMAT_VERSION}")
    if data.get("scheme") != _SCHEME:
        raise ConfigError(f"{path}: field 'scheme': expected {_SCHEME!r}")
    raw_entries = data.get("findings")
    if not isinstance(raw_entries, list):
        raise ConfigError(f"{path}: field 'findings': expected a list")
    entries = []
    for index, item in enumerate(raw_entries):
        fields = ("file", "entity", "field", "fingerprint")
        if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
            raise ConfigError(f"{path}: findings[{index}]: expected strings {', '.join(fields)}")
        entries.append(Entry(*(item[f] for f in fields)))
    key_check = data.get("key_check")
    return entries, key_check if isinstance(key_check, str) else None


def relative_name(root: Path, file: str) -> str:
    """``file`` relative to ``root`` (the baseline's folder), with forward slashes."""
    absolute = Path(os.path.abspath(file))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, root)).as_posix()


class LockedBaseline:
    """A baseline read without its secret: it accepts nothing, but knows its files.

    why: a teammate without the key must still be able to commit files that hold no
    findings, and be told precisely which findings only the key can decide about. File
    names are in clear unless they look personal (then keyed): with any keyed name, every
    file might be covered. Nothing here can enumerate or test a value.
    """

    def __init__(self, path: Path, entries: Iterable[Entry]) -> None:
        self.path = path
        self.root = path.resolve().parent
        files = {entry.file for entry in entries}
        self.keyed_names = any(name.startswith("<keyed:") for name in files)
        self.files = frozenset(files)

    @classmethod
    def read(cls, path: Path) -> LockedBaseline:
        entries, _ = read_document(path)
        return cls(path, entries)

    def might_cover(self, file: str) -> bool:
        """Whether the baseline may hold entries for ``file`` (it has, or cannot tell)."""
        return self.keyed_names or relative_name(self.root, file) in self.files


class Baseline:
    """A set of accepted findings for the files under ``root`` (the baseline's folder)."""

    def __init__(self, path: Path, key: BaselineKey, entries: Iterable[Entry] = ()) -> None:
        self.path = path
        self.root = path.resolve().parent
        self.key = key
        self.entries: set[Entry] = set(entries)
        self.matched: set[Entry] = set()  # entries that accepted a finding in this run
        self._names: dict[str, str] = {}

    @classmethod
    def load(cls, path: Path, key: BaselineKey) -> Baseline:
        entries, key_check = read_document(path)
        if key_check != key.check_value():
            raise ConfigError(
                f"{path}: the baseline was made with a different secret key than the one "
                f"from {key.source}"
            )
        return cls(path, key, entries)

    def display_name(self, name: str) -> str:
        """``name`` in clear, or keyed when it looks like personal data itself."""
        shown = self._names.get(name)
        if shown is None:
            shown = f"<keyed:{self.key.mac('name', name)[:16]}>" if _looks_personal(name) else name
            self._names[name] = shown
        return shown

    def relative(self, file: str) -> str:
        """``file`` relative to the baseline's folder, with forward slashes."""
        return relative_name(self.root, file)

    def entry_for(self, hit: Hit) -> Entry:
        file = self.relative(hit.file)
        fingerprint = self.key.mac(
            "finding", file, hit.entity, hit.stable_field, normalize_value(hit.value)
        )
        return Entry(
            self.display_name(file),
            hit.entity,
            self.display_name(hit.stable_field),
            f"{_SCHEME}:{fingerprint}",
        )

    def accepts(self, hit: Hit) -> bool:
        entry = self.entry_for(hit)
        if entry in self.entries:
            self.matched.add(entry)
            return True
        return False

    def stale_for(self, file: str) -> int:
        """Entries for ``file`` that accepted nothing in this run (after checking it)."""
        name = self.file_key(file)
        return sum(1 for e in self.entries if e.file == name and e not in self.matched)

    def fingerprint(self, hit: Hit) -> str:
        """The keyed fingerprint of ``hit`` (what a baseline entry stores)."""
        return self.entry_for(hit).fingerprint

    def file_key(self, file: str) -> str:
        """How entries name ``file`` (for scoping an update to the files it rescanned)."""
        return self.display_name(self.relative(file))

    def to_json(self) -> str:
        document: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "scheme": _SCHEME,
            "key_check": self.key.check_value(),
            "note": (
                "Accepted pimask findings. Fingerprints are keyed with a secret that is not "
                "in this repository; see 'pimask help baseline'."
            ),
            "findings": [entry.to_dict() for entry in sorted(self.entries)],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def save(self) -> None:
        atomic_write_bytes(self.path, self.to_json().encode("utf-8"))
