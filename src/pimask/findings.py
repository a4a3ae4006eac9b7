"""What a scan returns: where personal information is, how sure we are, and why.

A :class:`Finding` holds offsets into the caller's original text and never the value
itself, so findings can be logged, printed and serialized without leaking what they point
at. Slice the text you scanned (``text[f.start:f.end]``) when you need the value.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


@dataclass(frozen=True, slots=True, order=False)
class Finding:
    """One detected entity: ``entity`` in ``text[start:end]`` with confidence ``score``."""

    entity: str
    start: int
    end: int
    score: float
    explanation: Explanation = field(repr=False, compare=False)

    def __repr__(self) -> str:
        # why: explicit, so no future field can ever drag the value into a log line.
        return (
            f"Finding(entity={self.entity!r}, start={self.start}, end={self.end}, "
            f"score={self.score:.2f})"
        )

    @property
    def length(self) -> int:
        return self.end - self.start

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
