"""Self-verification: rescan transformed output and report what the policy missed.

Two questions, answered without ever printing a value:

* Does any value of a covered entity remain? (A recognizer finds it in the output, it is
  not on the allowlist and not inside one of our own ciphertext markers.)
* For ``anonymize``: does any token link records? Pseudonyms and ciphertexts link records
  by design (and should never be in anonymized output); a hash-like hex string (32, 40 or
  64 hex digits: MD5, SHA-1, SHA-256) seen in two or more records links them too, and is
  often an unkeyed hash of a phone number, reversible by enumeration.

The report carries line numbers, entity names and counts only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pimask.engine import Engine
from pimask.operators.configs import EncryptConfig
from pimask.operators.tokens import ENCRYPTED_RE, PSEUDONYM_RE
from pimask.policy import CompiledPolicy, Policy, load_policy

LinkKind = Literal["pseudonym", "ciphertext", "hash"]
_HASH_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32}|[0-9A-F]{64}|[0-9A-F]{40}|"
    r"[0-9A-F]{32})(?![0-9A-Za-z])"
)
MAX_TRACKED_HASHES = 100_000
MAX_LINES_PER_TOKEN = 5


@dataclass(frozen=True, slots=True)
class Remaining:
    """A covered entity still present in the output (position only, never the value)."""

    line: int
    entity: str
    start: int
    end: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "entity": self.entity,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class LinkingToken:
    """A token that links records: its kind, entity / key id where known, where it occurs."""

    kind: LinkKind
    entity: str | None
    key_id: str | None
    count: int
    lines: tuple[int, ...]  # the first few lines it occurs on

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "entity": self.entity,
            "key_id": self.key_id,
            "count": self.count,
            "lines": list(self.lines),
        }


@dataclass
class VerifyReport:
    """What :func:`verify_lines` found. ``ok`` is the verdict the CLI's exit code follows."""

    policy: str
    level: str
    records: int = 0
    remaining: list[Remaining] = field(default_factory=list)
    linking: list[LinkingToken] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.remaining and not self.linking

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "level": self.level,
            "records": self.records,
            "ok": self.ok,
            "remaining": [item.to_dict() for item in self.remaining],
            "linking": [item.to_dict() for item in self.linking],
            "unchecked": self.unchecked,
        }


class _LinkTracker:
    def __init__(self) -> None:
        self.seen: dict[tuple[LinkKind, str], list[Any]] = {}
        self.truncated = False

    def add(self, kind: LinkKind, token: str, entity: str | None, key_id: str | None, line: int):
        slot = (kind, token)
        entry = self.seen.get(slot)
        if entry is None:
            if len(self.seen) >= MAX_TRACKED_HASHES:
                self.truncated = True
                return
            self.seen[slot] = [entity, key_id, 1, [line]]
            return
        entry[2] += 1
        if len(entry[3]) < MAX_LINES_PER_TOKEN and entry[3][-1] != line:
            entry[3].append(line)

    def tokens(self) -> list[LinkingToken]:
        found = []
        for (kind, _token), (entity, key_id, count, lines) in self.seen.items():
            # why: one pseudonym already links this output to every other output made
            # with the same key; a lone hex string may be a commit id, so it must repeat.
            if kind == "hash" and len(lines) < 2:
                continue
            found.append(LinkingToken(kind, entity, key_id, count, tuple(lines)))
        found.sort(key=lambda t: (t.lines[0], t.kind))
        return found


def verify_lines(
    lines: Iterable[str],
    policy: str | Policy,
    engine: Engine | None = None,
    *,
    check_linking: bool | None = None,
) -> VerifyReport:
    """Rescan ``lines`` (output of ``policy``) and report remaining values and linking tokens.

    ``check_linking`` defaults to True for ``anonymize`` policies and False otherwise
    (pseudonyms are the point of ``deidentify``).
    """
    loaded = load_policy(policy)
    compiled = CompiledPolicy(loaded, engine or Engine(), build_operators=False)
    report = VerifyReport(loaded.name, loaded.level)
    bare_cipher = {
        entity
        for entity in compiled.covered
        if isinstance(config := loaded.operator_for(entity), EncryptConfig) and not config.marker
    }
    report.unchecked = sorted(bare_cipher)
    linking = loaded.level == "anonymize" if check_linking is None else check_linking
    tracker = _LinkTracker()
    scan = compiled.engine.scan
    for number, line in enumerate(lines, start=1):
        report.records = number
        findings = scan(line, min_score=compiled.min_score)
        if findings:
            for finding, allowed in compiled.screen(line, findings):
                if allowed or finding.entity in bare_cipher:
                    continue
                report.remaining.append(
                    Remaining(number, finding.entity, finding.start, finding.end, finding.score)
                )
        if linking:
            if "<" in line:
                for match in PSEUDONYM_RE.finditer(line):
                    tracker.add("pseudonym", match.group(0), match[1], match[2], number)
                for match in ENCRYPTED_RE.finditer(line):
                    tracker.add("ciphertext", match.group(0), match[1], match[2], number)
            for match in _HASH_RE.finditer(line):
                tracker.add("hash", match.group(0).lower(), None, None, number)
    report.linking = tracker.tokens()
    if tracker.truncated:
        report.unchecked.append(f"hash-like tokens beyond the first {MAX_TRACKED_HASHES}")
    return report
