"""The configured, reusable entry point: recognizers + scanner + how to rewrite text.

Build one :class:`Engine` and reuse it: compiling recognizers costs milliseconds, scanning
a line microseconds. Engines are immutable after construction and safe to share between
threads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pimask import recognizers as recognizer_files
from pimask.errors import ConfigError
from pimask.findings import Finding
from pimask.masking import display_mask
from pimask.ner import DETECTORS, NerPipeline
from pimask.policy.model import ORGANISATION_ENTITIES
from pimask.recognizers import RecognizerSpec
from pimask.scanner import Scanner, resolve_overlaps

DEFAULT_MIN_SCORE = 0.5
BACKEND_ENV = "PIMASK_BACKEND"

Replacer = Callable[[Finding, str], str]


@dataclass(frozen=True, slots=True)
class Result:
    """What :meth:`Engine.apply` did to one text (a line, a field, a document).

    ``dropped`` is True when the policy removes the whole record (``text`` is then "");
    ``actions`` lists ``(entity, operator)`` per finding acted on, for ``--stats``.
    """

    text: str
    dropped: bool
    findings: list[Finding]
    actions: list[tuple[str, str]]

    def __repr__(self) -> str:
        return f"Result(dropped={self.dropped}, findings={self.findings!r})"


def splice(text: str, findings: Sequence[Finding], replace: Replacer) -> str:
    """Replace each finding's span of the ORIGINAL ``text`` with ``replace(finding, value)``.

    ``findings`` must be sorted and non-overlapping (what :meth:`Engine.scan` returns).
    """
    if not findings:
        return text
    pieces: list[str] = []
    cursor = 0
    for finding in findings:
        pieces.append(text[cursor : finding.start])
        pieces.append(replace(finding, text[finding.start : finding.end]))
        cursor = finding.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _display(finding: Finding, value: str) -> str:
    return display_mask(finding.entity, value)


def displayed(text: str, findings: list[Finding]) -> Result:
    """``text`` with ``findings`` display-masked: what :meth:`Engine.apply` gives without a
    policy (shared with the block path, which scans with line flags)."""
    # why: masking without a policy is the display policy, which does not name an
    # organisation's id (policy.model.ORGANISATION_ENTITIES): found, left as written
    findings = [finding for finding in findings if finding.entity not in ORGANISATION_ENTITIES]
    actions = [(finding.entity, "mask") for finding in findings]
    return Result(splice(text, findings, _display), False, findings, actions)


class Engine:
    """Scans and masks text with a fixed set of recognizers.

    Args:
        recognizer_files: extra recognizer YAML files (or parsed specs) that extend the
            built-ins by id (``replace: true`` in a file replaces a built-in).
        disabled: recognizer ids to switch off, explicitly.
        entities: report only these entity types (None: all).
        min_score: findings scoring below this are not reported.
        backend: ``"native"`` (the compiled core; ``"auto"`` means it too) or
            ``"reference"`` (the pure-Python specification); default from
            ``$PIMASK_BACKEND``, else native (:mod:`pimask.backends`).
        enable: model-based detectors to switch on by id, off by default because they cost
            more than patterns: ``"zh_person"`` (PERSON) and ``"zh_address"`` (ADDRESS),
            run only on text containing CJK (:mod:`pimask.ner`). Their findings join the
            same overlap resolution and carry Explanations like pattern findings.
        ner_backend: the segmenter of those detectors: ``"lac"`` (``pimask[zh-lac]``),
            ``"jieba"`` or ``"rjieba"`` (``pimask[zh]``); default from ``$PIMASK_ZH_NER``,
            else ``"lac"`` (docs/entities-zh.md compares them). A missing extra is a
            ConfigError with the pip command.
        strong_keys: report a value of an entity's shape right after one of its strong keys
            (``身份证号：``, ``"idcard":``, ``card=``) even when its checksum or issuer check
            fails, with verdict "invalid" in its explanation (docs/recognizers.md). False:
            the validator alone decides (fixtures full of fake IDs).
    """

    def __init__(
        self,
        *,
        recognizer_files: Iterable[str | Path | RecognizerSpec] = (),
        disabled: Iterable[str] = (),
        entities: Iterable[str] | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
        backend: str | None = None,
        enable: Iterable[str] = (),
        strong_keys: bool = True,
        ner_backend: str | None = None,
    ) -> None:
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(f"min_score must be between 0 and 1, got {min_score}")
        extra = [
            spec if isinstance(spec, RecognizerSpec) else recognizers_load(spec)
            for spec in recognizer_files
        ]
        disabled, enable = tuple(disabled), tuple(enable)
        entities = None if entities is None else tuple(entities)
        # why: a policy with its own recognizers builds an engine from these plus its own
        self.extra_recognizers: tuple[RecognizerSpec, ...] = tuple(extra)
        self.disabled: tuple[str, ...] = disabled
        self.selected_entities: tuple[str, ...] | None = entities
        self.enabled: tuple[str, ...] = enable
        active = recognizer_files_combine(extra, disabled)
        self.strong_keys = strong_keys
        if not strong_keys:
            active = _without_strong_keys(active)
        ner = NerPipeline.create(enable, ner_backend)
        # why: a policy's own engine (CompiledPolicy) keeps the caller's backend
        self.ner_backend: str | None = ner.backend if ner is not None else ner_backend
        if entities is not None:
            wanted = set(entities)
            known = {spec.entity for spec in active} | set(ner.entities if ner else ())
            unknown = wanted - known
            if unknown:
                hint = [
                    f"{rid} for {entity}" for rid, entity in DETECTORS.items() if entity in unknown
                ]
                extra_hint = f" (switch on with enable=: {', '.join(hint)})" if hint else ""
                raise ConfigError(f"unknown entities: {', '.join(sorted(unknown))}{extra_hint}")
            active = [spec for spec in active if spec.entity in wanted]
            ner = ner.only(wanted) if ner else None
            if not active and ner is None:
                raise ConfigError("no active recognizers for the selected entities")
        self.ner: NerPipeline | None = ner
        self.recognizers: tuple[RecognizerSpec, ...] = tuple(active)
        self._priorities = {spec.id: spec.priority for spec in self.recognizers}
        self.min_score = min_score
        from pimask.backends import resolve_backend

        backend_name = resolve_backend(backend or os.environ.get(BACKEND_ENV))
        self._scanner: Any
        if backend_name == "native":
            from pimask.backends.native import NativeScanner

            self._scanner = NativeScanner(self.recognizers, min_score=min_score)
        else:
            self._scanner = Scanner(self.recognizers, min_score=min_score)
        self.backend = backend_name
        # policy spec (name, path or id of a Policy) -> (spec, CompiledPolicy); see apply()
        self._policies: dict[object, tuple[object, Any]] = {}
        self._policies_lock = threading.Lock()

    @property
    def entities(self) -> tuple[str, ...]:
        """Entity types this engine can report, in recognizer order, without repeats."""
        ner = self.ner.entities if self.ner else ()
        return tuple(dict.fromkeys([*(spec.entity for spec in self.recognizers), *ner]))

    def scan(self, text: str, *, min_score: float | None = None) -> list[Finding]:
        """Findings in ``text``, sorted by start, offsets into ``text``."""
        if not isinstance(text, str):
            raise TypeError(f"scan() expects str, got {type(text).__name__}")
        findings = self._scanner.scan(text, min_score=min_score)
        if self.ner is not None:
            threshold = self.min_score if min_score is None else min_score
            findings = self.merge_ner(text, findings, threshold)
        return findings

    def scan_many(
        self, texts: Sequence[str], *, min_score: float | None = None
    ) -> list[list[Finding]]:
        """:meth:`scan` of each of ``texts`` (independent values: CSV fields, JSON values),
        batched: the native core scans them all in one call."""
        batch = getattr(self._scanner, "scan_many", None)
        if batch is None:
            return [self.scan(text, min_score=min_score) for text in texts]
        if self.ner is not None:
            return self._scan_many_ner(batch(texts, min_score=min_score), texts, min_score)
        return batch(texts, min_score=min_score)

    def _scan_many_ner(
        self, found: list[list[Finding]], texts: Sequence[str], min_score: float | None
    ) -> list[list[Finding]]:
        """Add the NER findings to a native batch: the detectors read only texts with CJK."""
        threshold = self.min_score if min_score is None else min_score
        return [
            self.merge_ner(text, findings, threshold)
            for text, findings in zip(texts, found, strict=True)
        ]

    def merge_ner(self, text: str, findings: list[Finding], threshold: float) -> list[Finding]:
        """``findings`` (of the pattern scanner, on ``text``) with the NER findings added.

        The block path calls this on the lines the core hands back and on lines with CJK.
        """
        if self.ner is None:
            return findings
        extra = self.ner.scan(text, threshold)
        if not extra:
            return findings
        return resolve_overlaps(findings + extra, self._priorities)

    def mask(self, text: str) -> str:
        """``text`` with every finding replaced by its default display mask."""
        return self.apply(text).text

    def apply(
        self,
        text: str,
        policy: object | None = None,
        *,
        region: tuple[int, int] | None = None,
    ) -> Result:
        """Scan ``text`` and rewrite it; the one place every front end transforms text.

        ``policy`` is a :class:`pimask.policy.Policy`, a built-in name (``"display"``,
        ``"deidentify"``, ``"anonymize"``, ``"delete"``) or a policy file path; ``None``
        means the default display masking. A policy is loaded and compiled (operators
        built, keys read) once per engine and reused on every later call.

        ``region=(lo, hi)`` acts only on findings that START in ``text[lo:hi]``; the rest of
        ``text`` is context, returned unchanged. The stream uses it to process overlong lines
        in overlapping windows with results identical to whole-line processing.
        """
        if policy is not None:
            return self.compiled_policy(policy).apply(text, region=region)
        if region is None and self.ner is None and isinstance(text, str):
            native_mask = getattr(self._scanner, "mask", None)
            done = None if native_mask is None else native_mask(text)
            if done is not None:
                masked, found = done
                # the core left organisation ids as written (plan "display_skip")
                findings = [f for f in found if f.entity not in ORGANISATION_ENTITIES]
                actions = [(finding.entity, "mask") for finding in findings]
                return Result(masked, False, findings, actions)
        findings = self.scan(text)
        if region is not None:
            findings = [f for f in findings if region[0] <= f.start < region[1]]
        return displayed(text, findings)

    def apply_block(
        self, blob: bytes, policy: object | None = None, encoding: str | None = None
    ) -> Any:
        """:meth:`apply` on every line of ``blob`` (``\\n``-separated bytes), as bytes.

        The fast path for streams: the native core scans (and, without a policy, masks)
        the whole block in one call with the GIL released; lines without findings are
        copied without being decoded. The output is identical to decoding each line (UTF-8,
        ``surrogateescape``; or the line's own encoding, see :mod:`pimask.linecodec`),
        applying, encoding back. Returns a :class:`pimask.backends.block.BlockResult`.
        """
        from pimask.backends.block import apply_block

        return apply_block(self, blob, policy, encoding)

    def compiled_policy(self, policy: object) -> Any:
        """The :class:`pimask.policy.CompiledPolicy` for ``policy`` on this engine (cached)."""
        slot = policy if isinstance(policy, (str, Path)) else id(policy)
        cached = self._policies.get(slot)
        if cached is not None and (cached[0] is policy or isinstance(policy, (str, Path))):
            return cached[1]
        from pimask.policy import CompiledPolicy, load_policy

        with self._policies_lock:
            compiled = CompiledPolicy(load_policy(policy), self)  # type: ignore[arg-type]
            if len(self._policies) > 32:
                self._policies.clear()
            self._policies[slot] = (policy, compiled)
        return compiled

    def __repr__(self) -> str:
        return (
            f"Engine(recognizers={len(self.recognizers)}, min_score={self.min_score}, "
            f"backend={self.backend!r})"
        )


def recognizers_load(path: str | Path) -> RecognizerSpec:
    return recognizer_files.load_recognizer_file(path)


def recognizer_files_combine(
    extra: Sequence[RecognizerSpec], disabled: Iterable[str]
) -> list[RecognizerSpec]:
    return recognizer_files.combine(_builtin(), extra, disabled)


def _without_strong_keys(specs: Sequence[RecognizerSpec]) -> list[RecognizerSpec]:
    return recognizer_files.without_strong_keys(specs)


_BUILTIN_CACHE: list[RecognizerSpec] | None = None


def _builtin() -> list[RecognizerSpec]:
    global _BUILTIN_CACHE
    if _BUILTIN_CACHE is None:
        _BUILTIN_CACHE = recognizer_files.load_builtin()
    return _BUILTIN_CACHE
