"""What a scan returns: where personal information is, how sure we are, and why.

A :class:`Finding` holds offsets into the caller's original text and never the value
itself, so findings can be logged, printed and serialized without leaking what they point
at. Slice the text you scanned (``text[f.start:f.end]``) when you need the value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

Polarity = Literal["positive", "negative"]


@dataclass(frozen=True, slots=True)
class ContextHit:
    """A context word that moved the score: the word is from our keyword list, not the text."""

    word: str
    polarity: Polarity
    source: Literal["key", "window"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a span was reported, in enough detail to debug a false alarm or a miss."""

    recognizer: str
    pattern: str
    validator: str | None
    verdict: str
    reason: str
    base_score: float
    context: tuple[ContextHit, ...] = ()
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["context"] = [asdict(hit) for hit in self.context]
        return data


class Finding:
    """One detected entity: ``entity`` in ``text[start:end]`` with confidence ``score``.

    Immutable; equal when entity, span and score are equal (the explanation does not take
    part). The explanation is built when first read: the native core returns compact
    findings, and most callers (masking a stream) never ask why.
    """

    __slots__ = ("_explanation", "end", "entity", "score", "start")

    entity: str
    start: int
    end: int
    score: float

    def __init__(
        self,
        entity: str,
        start: int,
        end: int,
        score: float,
        explanation: Explanation | Callable[[], Explanation],
    ) -> None:
        setter = object.__setattr__
        setter(self, "entity", entity)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "score", score)
        setter(self, "_explanation", explanation)

    @property
    def explanation(self) -> Explanation:
        """Why this span was reported (built on first access, then kept)."""
        explanation = self._explanation
        if not isinstance(explanation, Explanation):
            explanation = explanation()
            object.__setattr__(self, "_explanation", explanation)
        return explanation

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Finding is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Finding is immutable: cannot delete {name!r}")

    def _key(self) -> tuple[str, int, int, float]:
        return (self.entity, self.start, self.end, self.score)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[object, ...]:
        return (Finding, (*self._key(), self.explanation))

    def __repr__(self) -> str:
        # why: explicit, so no future field can ever drag the value into a log line.
        return (
            f"Finding(entity={self.entity!r}, start={self.start}, end={self.end}, "
            f"score={self.score:.2f})"
        )

    @property
    def length(self) -> int:
        return self.end - self.start

    def moved(self, delta: int) -> Finding:
        """The same finding with its span shifted by ``delta`` characters."""
        return Finding(
            self.entity, self.start + delta, self.end + delta, self.score, self._explanation
        )

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "entity": self.entity,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 3),
        }
        if explain:
            data["explanation"] = self.explanation.to_dict()
        return data
