"""Candidates → validated, context-scored, overlap-resolved findings.

The scanner is split in two so that backends can differ in speed but never in results:

* a **candidate finder** (backend) reports ``(pattern index, start, end)`` for every
  match of every pattern in the folded view, with that pattern's boundary lookarounds;
  the reference semantics are ``re.finditer`` per pattern (leftmost, non-overlapping);
* the **shared pipeline** here applies the boundary post-check, the validator, context
  scoring, the threshold and overlap resolution. All per-candidate Python work lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from re import _parser as _sre_parse  # type: ignore[attr-defined]  # why: getwidth()
from typing import Protocol

from pimask import validators
from pimask.boundaries import BOUNDARIES, Accept
from pimask.context import ContextScorer
from pimask.findings import Explanation, Finding
from pimask.normalize import fold
from pimask.recognizers import PatternSpec, RecognizerSpec

Candidate = tuple[int, int, int]  # (pattern index, start, end) in the folded view


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """A pattern with everything the shared pipeline needs to judge its candidates."""

    index: int
    recognizer: RecognizerSpec
    spec: PatternSpec
    source: str  # the full regex, boundaries included (what backends must match)
    accept: Accept
    scorer: ContextScorer
    gate: Gate | None = None  # requires_any and prefilter; None when the pattern has neither


def compile_patterns(recognizers: Sequence[RecognizerSpec]) -> list[CompiledPattern]:
    compiled: list[CompiledPattern] = []
    for recognizer in recognizers:
        scorer = ContextScorer(recognizer.context)
        for spec in recognizer.patterns:
            boundary = BOUNDARIES[spec.boundary]
            source = f"{boundary.left}(?:{spec.regex}){boundary.right}"
            compiled.append(
                CompiledPattern(
                    len(compiled), recognizer, spec, source, boundary.accept, scorer, _gate(spec)
                )
            )
    return compiled


@dataclass(frozen=True, slots=True)
class Gate:
    """What every match of a pattern needs in its view: a literal, a prefilter match.

    Every backend checks it before running the pattern, so it is part of what the pattern
    means, never a backend's shortcut. A class, not a closure: engines go to worker
    processes by pickling.
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


class CandidateFinder(Protocol):
    """A backend: every match of every compiled pattern in ``view``."""

    name: str

    def find(self, view: str) -> Iterable[Candidate]: ...


class PythonFinder:
    """Reference backend on the stdlib ``re`` module.

    One ``finditer`` per pattern, skipping patterns whose required literal (``@`` for
    email, ``:`` for IPv6 …) is absent. Correct everywhere; the fast path is elsewhere.
    """

    name = "python"

    def __init__(self, patterns: Sequence[CompiledPattern]) -> None:
        self._compiled = [
            (p.index, re.compile(p.source, re.IGNORECASE if p.spec.ignore_case else 0), p.gate)
            for p in patterns
        ]

    def find(self, view: str) -> Iterator[Candidate]:
        for index, regex, gate in self._compiled:
            if gate is not None and not gate(view):
                continue
            for match in regex.finditer(view):
                yield index, match.start(), match.end()

    def find_only(
        self, view: str, indices: Iterable[int] | Mapping[int, Sequence[Span] | None]
    ) -> Iterator[Candidate]:
        """:meth:`find` restricted to the patterns ``indices`` (in pattern order).

        ``indices`` may map each pattern to spans of ``view`` that hold all its matches (a
        line flagger's answer, see :mod:`pimask.backends.lines`); the pattern is then
        searched only from those spans on, with the same results as searching everywhere.
        """
        compiled = self._compiled
        hinted = indices if isinstance(indices, Mapping) else None
        for index in sorted(indices):
            _index, regex, gate = compiled[index]
            if gate is not None and not gate(view):
                continue
            spans = None if hinted is None else hinted[index]
            if spans is None:
                for match in regex.finditer(view):
                    yield index, match.start(), match.end()
                continue
            for start, end in hinted_matches(regex, view, spans):
                yield index, start, end


Span = tuple[int, int]  # (lo, hi): a match lies inside view[lo:hi]

# why: a pattern longer than this gains little from searching near its ends
_MAX_HINTED_WIDTH = 512


def max_width(pattern: CompiledPattern) -> int | None:
    """Most characters a match of ``pattern`` can span, or None (unbounded, or empty)."""
    flags = re.IGNORECASE if pattern.spec.ignore_case else 0
    low, high = _sre_parse.parse(pattern.source, flags).getwidth()
    if low == 0 or high > _MAX_HINTED_WIDTH:
        return None
    return int(high)


def hinted_matches(
    regex: re.Pattern[str], view: str, spans: Iterable[Span]
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of ``regex.finditer(view)``, searching only from ``spans``.

    ``spans`` promises: every match ``[a, b)`` that ``finditer`` yields lies inside some
    ``(lo, hi)`` of them (``lo <= a``, ``b <= hi``), and no match is empty. Searching from
    the lowest ``lo`` of a span that can still hold a match not yet reported finds the same
    leftmost match ``finditer`` would find next: a match starting earlier would lie in a
    span with a lower ``lo``. Spans may be spurious or overlap. ``search`` sees the whole
    ``view``, so lookbehinds and lookaheads read the same characters as in ``finditer``.
    """
    search = regex.search
    ordered = sorted(spans)
    position = 0
    i = 0
    count = len(ordered)
    while i < count:
        lo, hi = ordered[i]
        if hi <= position:
            i += 1
            continue
        match = search(view, lo if lo > position else position)
        if match is None:
            return
        start, end = match.span()
        if start == end:
            # why: an empty match breaks the promise (and would never advance); stay exact
            # by letting finditer continue from where the reported matches end
            for later in regex.finditer(view):
                if later.start() >= position:
                    yield later.span()
            return
        position = end
        yield start, end


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
        self._exact = PythonFinder(self.patterns)
        self.finder: CandidateFinder = finder or self._exact
        self._priorities = {r.id: r.priority for r in self.recognizers}

    def scan(
        self,
        text: str,
        *,
        min_score: float | None = None,
        patterns: Iterable[int] | Mapping[int, Sequence[Span] | None] | None = None,
        verdicts: dict[tuple[str, str], validators.Verdict] | None = None,
    ) -> list[Finding]:
        """Findings in ``text`` (offsets into ``text`` itself), sorted by start.

        ``patterns`` (indices into :attr:`patterns`) restricts the candidate search to those
        patterns. Callers pass it only when they KNOW no other pattern matches in ``text``
        (a backend's line flags), so the result is the same as without it, only cheaper.
        ``verdicts`` memoizes validator answers by value across calls (the block path keeps
        one per block: ids, IPs and timestamps repeat from line to line).
        """
        threshold = self.min_score if min_score is None else min_score
        view = fold(text)
        findings: dict[tuple[int, int, str], Finding] = {}
        candidates = (
            self.finder.find(view) if patterns is None else self._exact.find_only(view, patterns)
        )
        for index, start, end in candidates:
            finding = self._judge(view, self.patterns[index], start, end, verdicts, threshold)
            if finding is None:
                continue
            slot = (start, end, finding.entity)
            previous = findings.get(slot)
            if previous is None or finding.score > previous.score:
                findings[slot] = finding
        if not findings:
            return []
        return resolve_overlaps(list(findings.values()), self._priorities)

    def _judge(
        self,
        view: str,
        pattern: CompiledPattern,
        start: int,
        end: int,
        verdicts: dict[tuple[str, str], validators.Verdict] | None = None,
        threshold: float = 0.0,
    ) -> Finding | None:
        """The finding for one candidate, or None (rejected, or scoring under ``threshold``)."""
        if start == end or not pattern.accept(view, start, end):
            return None
        recognizer = pattern.recognizer
        if recognizer.validator is not None:
            if verdicts is None:
                verdict = validators.run(recognizer.validator, view[start:end])
            else:
                key = (recognizer.validator, view[start:end])
                verdict = verdicts.get(key)  # type: ignore[assignment]
                if verdict is None:
                    verdict = verdicts[key] = validators.run(*key)
            if verdict.rejected:
                return None
            status, reason, adjust = verdict.status, verdict.reason, verdict.score_adjust
        else:
            status, reason, adjust = "unknown", "no_validator", 0.0
        context = pattern.scorer.score(view, start, end)
        # why: rounded so 0.15 + 0.35 meets a 0.5 threshold despite binary floating point
        score = round(min(1.0, max(0.0, pattern.spec.score + adjust + context.adjust)), 4)
        if score < threshold:
            return None  # why: many candidates end here; skip building their explanation
        explanation = Explanation(
            recognizer=recognizer.id,
            pattern=pattern.spec.name,
            validator=recognizer.validator,
            verdict=status,
            reason=reason,
            base_score=pattern.spec.score,
            context=context.hits,
            score=score,
        )
        return Finding(recognizer.entity, start, end, score, explanation)
