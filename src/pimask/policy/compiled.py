"""A policy bound to an engine and keys: the per-line hot path of ``Engine.apply``.

Everything that can be done once is done here once: operator functions built, keys
loaded, allowlists normalized and compiled into one regex. Applying to a line is then a
scan plus one dict lookup and one call per finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pimask.errors import ConfigError
from pimask.keys import KeyRing, load_keys
from pimask.normalize import fold
from pimask.operators import build_operator
from pimask.operators.keyed import canonical
from pimask.operators.tokens import encrypted_spans
from pimask.policy.loader import check_entities, source_of
from pimask.policy.model import Policy

if TYPE_CHECKING:
    from pimask.engine import Engine, Result

Operator = Callable[[str], str]
ALLOW = "allow"


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
            enabled = engine.ner.ids if engine.ner is not None else ()
            engine = Engine(
                recognizer_files=selection.files,
                disabled=selection.disable,
                min_score=engine.min_score,
                backend=engine.backend,
                enable=(*enabled, *selection.enable),
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
        self._allow_values = frozenset(fold(v).casefold() for v in policy.allow.values)
        self._allow_canonical = frozenset(
            (entity, canonical(entity, value))
            for entity in self.covered
            for value in policy.allow.values
        )
        patterns = policy.allow.patterns
        self._allow_re = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    def allowed(self, entity: str, value: str) -> bool:
        """True when ``value`` is on the policy's allowlist (never treated as personal)."""
        if not (self._allow_values or self._allow_re):
            return False
        folded = fold(value)
        if folded.casefold() in self._allow_values:
            return True
        if (entity, canonical(entity, value)) in self._allow_canonical:
            return True
        return self._allow_re is not None and self._allow_re.fullmatch(folded) is not None

    def apply(self, text: str, *, region: tuple[int, int] | None = None) -> Result:
        """Rewrite ``text``; with ``region=(lo, hi)`` act only on findings starting there."""
        from pimask.engine import Result

        found = self.engine.scan(text, min_score=self.min_score)
        if region is not None:
            found = [f for f in found if region[0] <= f.start < region[1]]
        if not found:
            return Result(text, False, [], [])
        covered = self.covered
        skip = encrypted_spans(text)
        findings = []
        actions: list[tuple[str, str]] = []
        pieces: list[str] = []
        cursor = 0
        dropped = False
        for finding in found:
            entity = finding.entity
            if entity not in covered:
                continue
            start, end = finding.start, finding.end
            if skip and any(s <= start and end <= e for s, e in skip):
                continue  # why: our own ciphertext, shaped like the value it hides
            value = text[start:end]
            findings.append(finding)
            if self.allowed(entity, value):
                actions.append((entity, ALLOW))
                continue
            operator = self.operators[entity]
            actions.append((entity, self.operator_names[entity]))
            if operator is None:
                dropped = True
                continue
            pieces.append(text[cursor:start])
            pieces.append(operator(value))
            cursor = end
        if dropped:
            return Result("", True, findings, actions)
        if cursor == 0 and not pieces:
            return Result(text, False, findings, actions)
        pieces.append(text[cursor:])
        return Result("".join(pieces), False, findings, actions)

    def __repr__(self) -> str:
        return f"CompiledPolicy(name={self.policy.name!r}, level={self.policy.level!r})"
