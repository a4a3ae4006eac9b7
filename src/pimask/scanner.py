"""Candidates → validated, context-scored, overlap-resolved findings: the reference engine.

This module is the executable specification of detection: the native core
(``rust/core/src/engine.rs``) gives the same findings (entity, span, score) for every
recognizer, which the test suite checks. It is used as it is when
``PIMASK_BACKEND=reference`` (or when a test asks for it).

How a pattern matches (docs/recognizers.md): :func:`candidates` searches for the leftmost
match of the pattern (Python's ``re`` and the core's regex engine agree on leftmost-first
matches of the patterns we accept: no look-around, no back-references); a match is a
candidate when its boundary kind allows its start, its end and the token around it. A match
the boundary rejects is dropped and the search restarts one character after its start, so
it never hides a value that starts inside it. A candidate is consumed: the search goes on at
its end. Scores are integers in basis points (1/10,000) until they leave the scanner.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from pimask import validators
from pimask.boundaries import BOUNDARIES, Accept, Boundary
from pimask.context import ContextScorer, strong_forms, strong_key_hit
from pimask.findings import ContextHit, Explanation, Finding
from pimask.normalize import original_span
from pimask.normalize import view as normalized_view
from pimask.plan import basis_points
from pimask.recognizers import PatternSpec, RecognizerSpec, ascii_lower, key_regex

Candidate = tuple[int, int, int]  # (pattern index, start, end) in the normalized view
MAX_SCORE_BP = 10_000


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """A pattern with everything the shared pipeline needs to judge its candidates."""

    index: int
    recognizer: RecognizerSpec
    spec: PatternSpec
    source: str  # the recognizer's regex as written (no look-around is added)
    boundary: Boundary
    scorer: ContextScorer
    gate: Gate | None = None  # requires_any and prefilter; None when the pattern has neither
    score_bp: int = 0
    strong: frozenset[str] = frozenset()  # the recognizer's strong keys (strong_forms)


def compile_patterns(recognizers: Sequence[RecognizerSpec]) -> list[CompiledPattern]:
    compiled: list[CompiledPattern] = []
    for recognizer in recognizers:
        scorer = ContextScorer(recognizer.context)
        for spec in recognizer.patterns:
            compiled.append(
                CompiledPattern(
                    len(compiled),
                    recognizer,
                    spec,
                    spec.regex,
                    BOUNDARIES[spec.boundary],
                    scorer,
                    _gate(spec),
                    basis_points(spec.score),
                    strong_forms(recognizer.context.strong),
                )
            )
    return compiled


@dataclass(frozen=True, slots=True)
class Gate:
    """What every match of a pattern needs in its view: a literal, a prefilter match.

    Both engines check it before running the pattern, so it is part of what the pattern
    means. A class, not a closure: engines go to worker processes by pickling.
    """

    literals: tuple[str, ...]
    prefilter: re.Pattern[str] | None

    def __call__(self, view: str) -> bool:
        if self.literals and not any(literal in view for literal in self.literals):
            return False
        return self.prefilter is None or self.prefilter.search(view) is not None


def _gate(spec: PatternSpec) -> Gate | None:
    if not spec.requires_any and spec.prefilter is None:
        return None
    flags = re.IGNORECASE if spec.ignore_case else 0
    prefilter = None if spec.prefilter is None else re.compile(spec.prefilter, flags)
    return Gate(spec.requires_any, prefilter)


def candidates(
    regex: re.Pattern[str], boundary: Boundary, view: str, positions: list[int] | None = None
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every candidate of ``regex`` in ``view`` (the matching rule).

    ``positions`` is the view's map back (:func:`pimask.normalize.view`): where an invisible
    character was dropped right before or after the match, ``accept`` reads the token only
    up to that point (:func:`accepted`).
    """
    left_ok, right_ok, accept = boundary.left_ok, boundary.right_ok, boundary.accept
    position = 0
    size = len(view)
    search = regex.search
    while position <= size:
        match = search(view, position)
        if match is None:
            return
        start, end = match.span()
        if (
            start < end
            and left_ok(view, start)
            and right_ok(view, end)
            and accepted(accept, view, start, end, positions)
        ):
            yield start, end
            position = end
        else:
            position = start + 1


def accepted(accept: Accept, view: str, start: int, end: int, positions: list[int] | None) -> bool:
    """``accept`` on the token around ``view[start:end]``, cut at dropped invisible characters.

    why: an invisible character the view dropped right next to a match separated it in the
    original (``a\\u200b13910819844``): the letter before it is not glued to the number, so
    the token rules (hex tokens, digit chains) read only what is on the match's side of it.
    The native core cuts the same way (``boundaries::accept_cut``).
    """
    if positions is None:
        return accept(view, start, end)
    lo = start if start > 0 and positions[start] != positions[start - 1] + 1 else 0
    hi = end if end < len(view) and positions[end] != positions[end - 1] + 1 else len(view)
    if lo == 0 and hi == len(view):
        return accept(view, start, end)
    return accept(view[lo:hi], start - lo, end - lo)


class CandidateFinder(Protocol):
    """Every candidate of every compiled pattern in ``view``."""

    name: str

    def find(self, view: str, positions: list[int] | None = None) -> Iterable[Candidate]: ...


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_KEY_JOINERS = _LOWER | _UPPER | frozenset("0123456789")


def key_starts(view: str, start: int) -> bool:
    """Can a key start at ``view[start]``? Not glued to an ASCII letter or digit before it
    (``max_token``), except at a camelCase hump (``newPassword``)."""
    if start == 0:
        return True
    before = view[start - 1]
    return before not in _KEY_JOINERS or (before in _LOWER and view[start] in _UPPER)


_KEY_GLUE = frozenset("_-.")


def key_excluded(view: str, start: int, not_after: Sequence[str]) -> bool:
    """Is the key at ``view[start]`` the tail of another key: right after one of
    ``not_after`` (lower-cased ASCII words), with one ``_``, ``-``, ``.`` between or none
    (``user_name``, ``fileName``)?"""
    if not not_after:
        return False
    end = start - 1 if start > 0 and view[start - 1] in _KEY_GLUE else start
    return any(
        len(word) <= end and ascii_lower(view[end - len(word) : end]) == word
        for word in not_after
    )


def has_key(keys: Sequence[str], view: str) -> bool:
    """Does ``view`` hold one of ``keys`` (lower-cased), ASCII-case-insensitively?"""
    lowered = ascii_lower(view)
    return any(key in lowered for key in keys)


def keyed_candidates(
    key: re.Pattern[str],
    value: re.Pattern[str],
    boundary: Boundary,
    view: str,
    not_after: Sequence[str] = (),
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every value of a key-driven pattern in ``view`` (the keyed rule).

    Search the leftmost match of the key and its separator; it counts when no ASCII letter
    or digit comes right before the key (``max_token=`` is not ``token=``; ``api-token=``
    and ``newPassword=`` are keys: see :func:`key_starts`) and the value grammar matches,
    anchored, right after the separator — a non-empty
    value the boundary allows at its end. The value is the candidate and the search goes on
    at its end; otherwise the search restarts one character after the key's start. Two
    anchored searches per key: linear time, no look-behind.
    """
    right_ok, accept = boundary.right_ok, boundary.accept
    position = 0
    size = len(view)
    while position <= size:
        found = key.search(view, position)
        if found is None:
            return
        start, middle = found.span()
        if key_starts(view, start) and not key_excluded(view, start, not_after):
            grammar = value.match(view, middle)
            if grammar is not None:
                end = grammar.end()
                if middle < end and right_ok(view, end) and accept(view, middle, end):
                    yield middle, end
                    position = end
                    continue
        position = start + 1


class PythonFinder:
    """The reference candidate finder, on the stdlib ``re`` module."""

    name = "reference"

    def __init__(self, patterns: Sequence[CompiledPattern]) -> None:
        self._compiled = [
            (
                p.index,
                re.compile(p.source, re.IGNORECASE if p.spec.ignore_case else 0),
                p.boundary,
                p.gate,
                _keyed(p.spec),
            )
            for p in patterns
        ]

    def find(self, view: str, positions: list[int] | None = None) -> Iterator[Candidate]:
        for index, regex, boundary, gate, keyed in self._compiled:
            if gate is not None and not gate(view):
                continue
            if keyed is None:
                found = candidates(regex, boundary, view, positions)
            else:
                keys, key, not_after = keyed
                if not has_key(keys, view):
                    continue
                found = keyed_candidates(key, regex, boundary, view, not_after)
            for start, end in found:
                yield index, start, end


def _keyed(
    spec: PatternSpec,
) -> tuple[tuple[str, ...], re.Pattern[str], tuple[str, ...]] | None:
    """A key-driven pattern's lower-cased keys, compiled key regex and lower-cased
    ``not_after`` words, or None."""
    if not spec.keys:
        return None
    keys = tuple(ascii_lower(key) for key in spec.keys)
    not_after = tuple(word.lower() for word in spec.not_after)
    return keys, re.compile(key_regex(spec.keys, spec.separator)), not_after


def resolve_overlaps(findings: list[Finding], priorities: dict[str, int]) -> list[Finding]:
    """Keep a deterministic set of non-overlapping findings, sorted by start.

    Longest span first (a validated 18-digit ID beats the mobile-shaped digits inside it,
    an email beats the phone number that is its local part), then higher score, then
    recognizer priority, then position.
    """
    if len(findings) == 1:
        return findings
    ranked = sorted(
        findings,
        key=lambda f: (
            -(f.end - f.start),
            -f.score,
            priorities.get(f.explanation.recognizer, 1000),
            f.start,
            f.entity,
        ),
    )
    taken: list[tuple[int, int]] = []
    kept: list[Finding] = []
    for finding in ranked:
        if any(finding.start < end and start < finding.end for start, end in taken):
            continue
        taken.append((finding.start, finding.end))
        kept.append(finding)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


class Scanner:
    """Finds entities in text with one candidate finder and the shared pipeline."""

    def __init__(
        self,
        recognizers: Sequence[RecognizerSpec],
        *,
        min_score: float = 0.5,
        finder: CandidateFinder | None = None,
    ) -> None:
        self.recognizers = list(recognizers)
        self.patterns = compile_patterns(self.recognizers)
        self.min_score = min_score
        self.finder: CandidateFinder = finder or PythonFinder(self.patterns)
        self._priorities = {r.id: r.priority for r in self.recognizers}

    def scan(self, text: str, *, min_score: float | None = None) -> list[Finding]:
        """Findings in ``text`` (offsets into ``text`` itself), sorted by start."""
        threshold = threshold_bp(self.min_score if min_score is None else min_score)
        view, positions = normalized_view(text)
        findings: dict[tuple[int, int, str], Finding] = {}
        for index, start, end in self.finder.find(view, positions):
            pattern = self.patterns[index]
            if pattern.spec.labels:
                start = label_cut(view, start, end, pattern.spec.labels, pattern.spec.label_stop)
            if pattern.spec.split:
                judged = self._judge_split(view, pattern, start, end, threshold)
            else:
                one = self._judge(view, pattern, start, end, threshold)
                judged = [] if one is None else [one]
            for finding in judged:
                slot = (finding.start, finding.end, finding.entity)
                previous = findings.get(slot)
                if previous is None or finding.score > previous.score:
                    findings[slot] = finding
        if not findings:
            return []
        kept = resolve_overlaps(list(findings.values()), self._priorities)
        if positions is None:
            return kept
        # why: the view dropped invisible characters or decoded escapes; report spans of the
        # original text (a span covers the whole original spelling, escape bytes included),
        # after overlaps were resolved on the view as the native core does
        return [_moved_to(f, *original_span(positions, f.start, f.end)) for f in kept]

    def _judge(
        self, view: str, pattern: CompiledPattern, start: int, end: int, threshold: int
    ) -> Finding | None:
        """The finding for one candidate, or None (rejected, or scoring under ``threshold``)."""
        recognizer = pattern.recognizer
        if recognizer.validator is not None:
            verdict = validators.run(recognizer.validator, view[start:end])
            if verdict.rejected:
                if not pattern.strong:
                    return None
                return self._strong(view, pattern, start, end, threshold, verdict.reason)
            status, reason = verdict.status, verdict.reason
            adjust = basis_points(verdict.score_adjust)
        else:
            status, reason, adjust = "unknown", "no_validator", 0
        context = pattern.scorer.score(view, start, end)
        score = pattern.score_bp + adjust + basis_points(context.adjust)
        score = min(MAX_SCORE_BP, max(0, score))
        if score < threshold:
            return None  # why: many candidates end here; skip building their explanation
        return _finding(pattern, start, end, score, (status, reason), context.hits)

    def _judge_split(
        self, view: str, pattern: CompiledPattern, start: int, end: int, threshold: int
    ) -> list[Finding]:
        """One finding per piece of a ``split`` pattern's match, or none.

        why: ``经纪人：1391234567813812345678`` is two mobiles glued into one run. Only a run
        of whole pieces that all pass the validator splits, and only with the context a
        single number would need (the run's context, read once before its start): every
        other long digit run stays "not a phone".
        """
        size = pattern.spec.split
        if (end - start) % size or end - start < 2 * size:
            return []
        recognizer = pattern.recognizer
        adjusts: list[tuple[str, str, int]] = []
        for piece in range(start, end, size):
            if recognizer.validator is None:
                adjusts.append(("unknown", "no_validator", 0))
                continue
            verdict = validators.run(recognizer.validator, view[piece : piece + size])
            if verdict.rejected:
                return []
            adjusts.append((verdict.status, verdict.reason, basis_points(verdict.score_adjust)))
        context = pattern.scorer.score(view, start, end)
        found: list[Finding] = []
        for piece, (status, reason, adjust) in zip(range(start, end, size), adjusts, strict=True):
            score = pattern.score_bp + adjust + basis_points(context.adjust)
            score = min(MAX_SCORE_BP, max(0, score))
            if score < threshold:
                return []
            found.append(
                _finding(pattern, piece, piece + size, score, (status, reason), context.hits)
            )
        return found

    def _strong(
        self, view: str, pattern: CompiledPattern, start: int, end: int, threshold: int, reason: str
    ) -> Finding | None:
        """A candidate its validator rejected: a finding only right after a strong key.

        why: a typo'd check digit, test data or an unlisted issuer after ``身份证号：`` or
        ``card=`` is still a value someone meant to write there; a missed value is worse
        than a masked look-alike. The verdict stays "invalid" in the explanation.
        """
        context = pattern.scorer.score(view, start, end)
        hit = strong_key_hit(view, start, context, pattern.strong)
        if hit is None:
            return None
        recognizer = pattern.recognizer
        score = basis_points(recognizer.context.strong_score)
        if score < threshold:
            return None
        return _finding(pattern, start, end, score, ("invalid", reason), (hit,))


def _finding(
    pattern: CompiledPattern,
    start: int,
    end: int,
    score: int,
    verdict: tuple[str, str],
    hits: tuple[ContextHit, ...],
) -> Finding:
    """The finding of ``pattern`` at ``start:end`` scoring ``score`` basis points, with its
    explanation (the one builder of the judge, split and strong-key paths, as the core's
    ``Engine::finding``)."""
    recognizer = pattern.recognizer
    explanation = Explanation(
        recognizer=recognizer.id,
        pattern=pattern.spec.name,
        validator=recognizer.validator,
        verdict=verdict[0],
        reason=verdict[1],
        base_score=pattern.spec.score,
        context=hits,
        score=score / MAX_SCORE_BP,
    )
    return Finding(recognizer.entity, start, end, score / MAX_SCORE_BP, explanation)


def label_cut(view: str, start: int, end: int, labels: Sequence[str], stop: str) -> int:
    """Where a match of a pattern with ``labels`` starts once a glued label is cut off.

    why: in ``邮箱张三@例子.中国`` the label is glued to a CJK local part and the regex takes
    both. The value starts after the label ending rightmost before the first ``stop`` (a
    label inside the name masks part of the label too: the safe direction), and keeps at
    least one character, so the name is never cut in half the other way. The native core
    does the same (``Pattern::label_cut``).
    """
    at = view.find(stop, start, end)
    if at < 0:
        return start
    cut = start
    for label in labels:
        found = view.rfind(label, start, at - 1)
        if found >= 0:
            cut = max(cut, found + len(label))
    return cut


def _moved_to(finding: Finding, start: int, end: int) -> Finding:
    return Finding(finding.entity, start, end, finding.score, finding.explanation)


def threshold_bp(min_score: float) -> int:
    """The least score in basis points that meets ``min_score`` (0.5 → 5000)."""
    return math.ceil(round(min_score * MAX_SCORE_BP, 6))
