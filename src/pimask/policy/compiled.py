"""A policy bound to an engine and keys: the per-line hot path of ``Engine.apply``.

Everything that can be done once is done here once: operator functions built, keys
loaded, allowlist patterns compiled (each on its own: joined, their flags, group names and
back-references would collide). Applying to a line is then a scan plus one dict lookup and
one call per finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from pimask.errors import ConfigError
from pimask.keys import KeyRing, load_keys
from pimask.normalize import clean, fold, through_escapes
from pimask.operators import build_operator
from pimask.operators.configs import EncryptConfig, PseudonymizeConfig
from pimask.operators.keyed import alphabet_for, canonical
from pimask.operators.masks import _split_mobile_prefix
from pimask.operators.tokens import ENCRYPTED_RE, PSEUDONYM_RE
from pimask.policy.loader import check_entities, source_of
from pimask.policy.model import Policy

if TYPE_CHECKING:
    from pimask.engine import Engine, Result
    from pimask.findings import Finding

Operator = Callable[[str], str]
ALLOW = "allow"
_CIPHER_SEPARATORS = frozenset(" -:./,")
# How many cipher-alphabet symbols (X of an ID included) a value of each encryptable
# entity has, as its recognizer finds it: our ciphertext of it has exactly as many.
_CIPHER_SYMBOLS: dict[str, frozenset[int]] = {
    "CN_MOBILE": frozenset({11, 13}),  # 13: a bare 86 prefix is encrypted with the number
    "CN_RESIDENT_ID": frozenset({15, 18}),
    "IMEI": frozenset({15, 16}),
    "BANK_CARD": frozenset(range(13, 20)),
    "MAC_ADDRESS": frozenset({12}),
    "IMSI": frozenset({15}),
    "DEVICE_ID": frozenset(range(8, 33)),  # longer ids exceed FF3-1 over 62 symbols: fallback
    "GEO_COORDINATES": frozenset(range(6, 19)),  # 5-digit singles are too short: fallback
    "CN_PASSPORT": frozenset({7, 8}),  # E + 8, G + 8, EA + 7, D/S/P(E) + 7
    "CN_TRAVEL_PERMIT": frozenset({7, 8, 9, 10}),  # C + 8, CA + 7, H/M + 8-10, 台胞证 8
}


class CompiledPolicy:
    """``policy`` ready to run on ``engine`` (its own engine when it loads recognizers)."""

    def __init__(
        self,
        policy: Policy,
        engine: Engine,
        keys: KeyRing | None = None,
        *,
        build_operators: bool = True,
    ) -> None:
        """``build_operators=False`` gives a scan-only view (``pimask verify``): no keys."""
        from pimask.engine import Engine

        source = source_of(policy) or f"policy {policy.name!r}"
        if source_of(policy) is None:
            check_entities(policy, source)  # a Policy built in code skipped the loader
        selection = policy.recognizers
        if selection.files or selection.disable or selection.enable:
            # why: the caller's own recognizers, disabled ids and entity filter still hold
            engine = Engine(
                recognizer_files=(*engine.extra_recognizers, *selection.files),
                disabled=(*engine.disabled, *selection.disable),
                entities=engine.selected_entities,
                min_score=engine.min_score,
                backend=engine.backend,
                enable=(*engine.enabled, *selection.enable),
                strong_keys=engine.strong_keys,
                ner_backend=engine.ner_backend,
            )
        self.policy = policy
        self.engine = engine
        self.min_score = policy.min_score
        entities = engine.entities
        self.covered = frozenset(e for e in entities if policy.covers(e))
        if policy.needs_key and keys is None and build_operators:
            try:
                keys = load_keys()
            except ConfigError as exc:
                raise ConfigError(f"{source}: {exc}") from None
        self.keys = keys
        self.operators: dict[str, Operator | None] = {}
        self.operator_names: dict[str, str] = {}
        for entity in self.covered:
            config = policy.operator_for(entity)
            problem = config.entity_problem(entity)
            if problem:
                raise ConfigError(f"{source}: operators: for {entity}: {problem}")
            if build_operators:
                self.operators[entity] = build_operator(entity, config, keys)
            self.operator_names[entity] = config.type
        self._allow_values = frozenset(clean(v).casefold() for v in policy.allow.values)
        self._allow_canonical = frozenset(
            (entity, canonical(entity, value))
            for entity in self.covered
            for value in policy.allow.values
        )
        self._allow_res = tuple(re.compile(p) for p in policy.allow.patterns)
        # entity -> digest length, for entities this policy writes as <ENTITY:key:digest>
        self.pseudonym_digits = {
            entity: config.digest_chars
            for entity in self.covered
            if isinstance(config := policy.operator_for(entity), PseudonymizeConfig)
        }
        # entities whose values this policy writes as <enc:ENTITY:key:cipher> markers
        self.marked_cipher = frozenset(
            entity
            for entity in self.covered
            if isinstance(config := policy.operator_for(entity), EncryptConfig) and config.marker
        )

    def allowed(self, entity: str, value: str) -> bool:
        """True when ``value`` is on the policy's allowlist (never treated as personal)."""
        if not (self._allow_values or self._allow_res):
            return False
        folded = clean(value)
        if folded.casefold() in self._allow_values:
            return True
        if (entity, canonical(entity, value)) in self._allow_canonical:
            return True
        return any(p.fullmatch(folded) is not None for p in self._allow_res)

    def own_output(self, text: str, finding: Finding, markers: Sequence[re.Match]) -> bool:
        """True when ``finding`` lies in a token this policy could have written itself.

        A pseudonym's digest is 12 (``digest_chars``) hex characters, which may rescan as a
        bare MAC address next to a word such as 地址; a ciphertext keeps its value's shape.
        Either is skipped (applying a policy twice changes nothing; verify and check do not
        report it) only when it is exactly what this policy writes: a pseudonym token of an
        entity it pseudonymizes, with that digest length and a key id the key ring knows;
        a ciphertext as :meth:`own_ciphertext` says.
        """
        for match in markers:
            if match.re is not PSEUDONYM_RE:
                continue
            if match.start() <= finding.start and finding.end <= match.end():
                entity, key_id, digest = match.groups()
                return self.pseudonym_digits.get(entity) == len(digest) and (
                    self.keys is None or key_id in self.keys.by_id
                )
        return self.own_ciphertext(text, finding, markers)

    def own_ciphertext(self, text: str, finding: Finding, markers: Sequence[re.Match]) -> bool:
        """True when ``finding`` lies in a ciphertext marker this policy could have written.

        A ciphertext keeps the shape of the value it hides, so it may rescan as a value
        (of its own entity, or another: an ID's 18 digits as a bank card, part of a spaced
        card number); it is skipped (applying a policy twice changes nothing, verify and
        check do not report it) only when this policy encrypts the marker's entity with
        markers, the key id is one the key ring knows (where there is one), and the whole
        marker body has exactly the shape of our ciphertext of that entity: its alphabet,
        separators and symbol count, nothing else. Any other text inside ``<enc:…>`` is
        acted on like text anywhere else.
        """
        for match in markers:
            if match.re is not ENCRYPTED_RE:
                continue
            lo, hi = match.span(3)
            if not (lo <= finding.start and finding.end <= hi):
                continue
            entity = match[1]
            if entity not in self.marked_cipher:
                return False
            if self.keys is not None and match[2] not in self.keys.by_id:
                return False
            checked = match[4] is not None and self.keys is not None
            if checked and match[4] != self.keys.by_id[match[2]].check:  # type: ignore[union-attr]
                return False  # another key's token (or a forged check)
            return _cipher_shaped(entity, _split_mobile_prefix(entity, text[lo:hi])[1])
        return False

    def screen(self, text: str, found: Iterable[Finding]) -> list[tuple[Finding, bool]]:
        """:func:`screen` with this policy's coverage, allowlist and own tokens."""
        own = self.own_output if (self.marked_cipher or self.pseudonym_digits) else None
        return screen(text, found, self.covered, self.allowed, own)

    def apply(self, text: str, *, region: tuple[int, int] | None = None) -> Result:
        """Rewrite ``text``; with ``region=(lo, hi)`` act only on findings starting there."""

        found = self.engine.scan(text, min_score=self.min_score)
        if region is not None:
            found = [f for f in found if region[0] <= f.start < region[1]]
        return self.apply_found(text, found)

    def apply_found(self, text: str, found: list[Finding]) -> Result:
        """Rewrite ``text`` given what this policy's engine found in it (at ``min_score``).

        Split from :meth:`apply` for the block path, which scans with the line flags.
        """
        from pimask.engine import Result

        if not found:
            return Result(text, False, [], [])
        findings = []
        actions: list[tuple[str, str]] = []
        pieces: list[str] = []
        cursor = 0
        dropped = False
        for finding, allowed in self.screen(text, found):
            entity = finding.entity
            start, end = finding.start, finding.end
            value = text[start:end]
            findings.append(finding)
            if allowed:
                actions.append((entity, ALLOW))
                continue
            operator = self.operators[entity]
            actions.append((entity, self.operator_names[entity]))
            if operator is None:
                dropped = True
                continue
            pieces.append(text[cursor:start])
            # why: operators read the decoded value; the replacement keeps its escapes
            pieces.append(through_escapes(value, operator))
            cursor = end
        if dropped:
            return Result("", True, findings, actions)
        if cursor == 0 and not pieces:
            return Result(text, False, findings, actions)
        pieces.append(text[cursor:])
        return Result("".join(pieces), False, findings, actions)

    def __repr__(self) -> str:
        return f"CompiledPolicy(name={self.policy.name!r}, level={self.policy.level!r})"


def screen(
    text: str,
    found: Iterable[Finding],
    covered: frozenset[str] | None,
    allowed: Callable[[str, str], bool] | None = None,
    own_token: Callable[[str, Finding, Sequence[re.Match]], bool] | None = None,
) -> list[tuple[Finding, bool]]:
    """The findings a policy acts on, each with whether its value is allowlisted.

    Kept: covered (``covered`` None: every entity) and not inside one of the policy's own
    pseudonym tokens or ciphertext markers (:meth:`CompiledPolicy.own_output`). The one
    filter ``Engine.apply``, ``pimask verify`` and ``pimask check`` share.
    """
    markers: list[re.Match] = []
    if own_token is not None and "<" in text:
        if "<enc:" in text:
            markers.extend(ENCRYPTED_RE.finditer(text))
        markers.extend(PSEUDONYM_RE.finditer(text))
    kept = []
    for finding in found:
        if covered is not None and finding.entity not in covered:
            continue
        if markers and own_token(text, finding, markers):  # type: ignore[misc]
            continue
        value = text[finding.start : finding.end]
        kept.append((finding, allowed is not None and allowed(finding.entity, value)))
    return kept


def _cipher_shaped(entity: str, core: str) -> bool:
    """``core`` has the exact shape of our ciphertext of an ``entity`` value."""
    folded = fold(core)
    if entity == "CN_RESIDENT_ID" and folded[-1:] in ("X", "x"):
        folded = folded[:-1] + "0"  # the check character X is kept in clear, and counts
    symbols = alphabet_for(entity)
    count = 0
    for char in folded:
        if char in symbols:
            count += 1
        elif char not in _CIPHER_SEPARATORS:
            return False
    return count in _CIPHER_SYMBOLS.get(entity, ())
