"""The native core behind :class:`pimask.Engine`: findings and display masks from Rust.

One :class:`NativeScanner` per engine compiles the engine's recognizers (as a plan, see
:mod:`pimask.plan`) once; every call hands the core a whole text or block of lines as bytes
and gets compact tuples back, which become :class:`~pimask.findings.Finding` objects only
where Python needs them (``Engine.scan``, policies). Offsets are character offsets of the
text decoded with ``surrogateescape`` — the same as ``str`` indices in the reference.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence
from typing import Any

from pimask.findings import ContextHit, Explanation, Finding
from pimask.plan import plan_json
from pimask.recognizers import RecognizerSpec
from pimask.scanner import MAX_SCORE_BP, Scanner, threshold_bp

ENCODING = "utf-8"
ERRORS = "surrogateescape"  # why: lossless for bytes that are not UTF-8

# (pattern index, start, end, score bp, verdict, reason, hit or None)
Raw = tuple[int, int, int, int, str, str, tuple[str, bool, str] | None]


def today() -> tuple[int, int, int]:
    """Today's date for birth-date checks; read here, never inside the core."""
    date = _dt.date.today()
    return date.year, date.month, date.day


class NativeScanner:
    """The scanner interface of :class:`pimask.scanner.Scanner`, run by the native core."""

    name = "native"

    def __init__(self, recognizers: Sequence[RecognizerSpec], *, min_score: float) -> None:
        from pimask import _core

        self.recognizers = list(recognizers)
        self.min_score = min_score
        self.core = _core.NativeEngine(plan_json(self.recognizers))
        # pattern index -> what a Finding and its Explanation need
        self._patterns = [
            (spec.entity, spec.id, pattern.name, spec.validator, pattern.score)
            for spec in self.recognizers
            for pattern in spec.patterns
        ]
        self._reference: Scanner | None = None

    def threshold(self, min_score: float | None) -> int:
        return threshold_bp(self.min_score if min_score is None else min_score)

    def scan(self, text: str, *, min_score: float | None = None) -> list[Finding]:
        """Findings in ``text`` (offsets into ``text``), sorted by start."""
        blob = encode(text)
        if blob is None:
            # why: a str whose surrogates do not round-trip through bytes (not from a
            # decoder): the reference engine reads it as it is
            if self._reference is None:
                self._reference = Scanner(self.recognizers, min_score=self.min_score)
            return self._reference.scan(text, min_score=min_score)
        raw = self.core.scan_text(blob, self.threshold(min_score), today())
        return self.findings(raw) if raw else []

    def findings(self, raw: Sequence[Raw]) -> list[Finding]:
        """Finding objects for the core's tuples; explanations are built when read."""
        patterns = self._patterns
        out = []
        for item in raw:
            index, start, end, score_bp = item[0], item[1], item[2], item[3]
            entity = patterns[index][0]
            explain = functools.partial(_explanation, patterns[index], item)
            out.append(Finding(entity, start, end, score_bp / MAX_SCORE_BP, explain))
        return out

    def scan_many(
        self, texts: Sequence[str], *, min_score: float | None = None
    ) -> list[list[Finding]]:
        """:meth:`scan` of each text, in one call into the core for all of them."""
        blobs = [encode(text) for text in texts]
        ready = [blob for blob in blobs if blob is not None]
        raw = iter(self.core.scan_many(ready, self.threshold(min_score), today()) if ready else ())
        out = []
        for text, blob in zip(texts, blobs, strict=True):
            if blob is None:
                out.append(self.scan(text, min_score=min_score))
            else:
                found = next(raw)
                out.append(self.findings(found) if found else [])
        return out

    def mask(self, text: str) -> tuple[str, list[Finding]] | None:
        """``text`` display-masked by the core, with its findings; None when the text
        cannot go to the core as bytes (the caller takes the Python path)."""
        blob = encode(text)
        if blob is None:
            return None
        out, raw = self.core.mask_text(blob, self.threshold(None), today())
        if out is None:
            return text, []
        return out.decode(ENCODING, ERRORS), self.findings(raw)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.recognizers, self.min_score))


def _rebuild(recognizers: list[RecognizerSpec], min_score: float) -> NativeScanner:
    return NativeScanner(recognizers, min_score=min_score)


def _explanation(pattern: tuple, raw: Raw) -> Explanation:
    _entity, recognizer, name, validator, base = pattern
    _index, _start, _end, score_bp, verdict, reason, hit = raw
    hits = () if hit is None else (_hit(hit),)
    return Explanation(
        recognizer, name, validator, verdict, reason, base, hits, score_bp / MAX_SCORE_BP
    )


def _hit(hit: tuple[str, bool, str]) -> ContextHit:
    word, positive, source = hit
    return ContextHit(word, "positive" if positive else "negative", source)  # type: ignore[arg-type]


def encode(text: str) -> bytes | None:
    """``text`` as the bytes the core reads, or None when offsets would not line up."""
    if text.isascii():
        return text.encode("ascii")
    try:
        return text.encode(ENCODING)
    except UnicodeEncodeError:
        pass
    try:
        blob = text.encode(ENCODING, ERRORS)
    except UnicodeEncodeError:
        return None
    # why: escaped bytes that happen to form valid UTF-8 would decode as fewer characters
    return blob if blob.decode(ENCODING, ERRORS) == text else None
