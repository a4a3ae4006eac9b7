"""Model-based recognizers: Chinese person names and addresses, on LAC, jieba or rjieba.

The pattern recognizers (``recognizers/*.yaml``) cannot find a name or an address: those
have no fixed shape. These detectors segment the text (with LAC by default, or jieba /
rjieba: :mod:`pimask.ner.tokenizer`) and read its part-of-speech tags, a surname list and
the structure of Chinese addresses instead.

They are **off by default** — they cost far more than the patterns (see docs/entities-zh.md
for MB/s) and only apply to Chinese — and are switched on by id::

    Engine(enable=["zh_person", "zh_address"])

Their findings join the pattern findings in the same overlap resolution and carry the same
:class:`~pimask.findings.Explanation`. Text without a single CJK character never reaches
a segmenter, and the segmenter itself is imported (by :mod:`pimask.ner.tokenizer`) on the
first text that does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pimask.errors import ConfigError
from pimask.findings import Finding
from pimask.ner import address, person, tokenizer
from pimask.ner.tokenizer import Token
from pimask.normalize import fold

# recognizer id -> entity it reports
DETECTORS: dict[str, str] = {"zh_person": "PERSON", "zh_address": "ADDRESS"}

# ASCII characters on either side of Chinese text that jieba still segments: enough for a
# key (``name=``), a house or room number (``690号``, ``A座1001``) and their neighbours.
ASCII_CONTEXT = 24

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    """True when ``text`` contains a CJK ideograph (the only text these detectors read)."""
    return _CJK.search(text) is not None


@dataclass(frozen=True, slots=True)
class NerPipeline:
    """The enabled detectors, run over one segmentation of the text by ``backend``."""

    ids: tuple[str, ...]
    backend: str = "jieba"

    @classmethod
    def create(cls, ids: Iterable[str], backend: str | None = None) -> NerPipeline | None:
        """A pipeline for ``ids`` (None when empty); unknown ids are a ConfigError.

        ``backend`` None: ``$PIMASK_ZH_NER``, else LAC (:func:`tokenizer.resolve_backend`).
        """
        wanted = tuple(dict.fromkeys(ids))
        unknown = [rid for rid in wanted if rid not in DETECTORS]
        if unknown:
            known = ", ".join(DETECTORS)
            raise ConfigError(f"unknown detector ids: {', '.join(unknown)} (known: {known})")
        if not wanted:
            return None
        chosen = tokenizer.resolve_backend(backend)
        tokenizer.require_backend(chosen)  # a missing extra is a ConfigError now
        return cls(wanted, chosen)

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(DETECTORS[rid] for rid in self.ids)

    def only(self, entities: Iterable[str]) -> NerPipeline | None:
        """The same pipeline restricted to ``entities`` (None when nothing is left)."""
        wanted = set(entities)
        kept = tuple(rid for rid in self.ids if DETECTORS[rid] in wanted)
        return NerPipeline(kept, self.backend) if kept else None

    def scan(self, text: str, min_score: float) -> list[Finding]:
        """Findings of the enabled detectors (unresolved: they may overlap each other)."""
        if not has_cjk(text):
            return []
        view = fold(text)
        tokens = tokenizer.tokenize(view, ascii_context=ASCII_CONTEXT, backend=self.backend)
        return self.scan_tokens(view, tokens, min_score)

    def scan_tokens(self, view: str, tokens: list[Token], min_score: float) -> list[Finding]:
        """Like :meth:`scan` on an existing segmentation (the Presidio NLP engine has one)."""
        findings: list[Finding] = []
        if "zh_person" in self.ids:
            findings.extend(person.detect(tokens, min_score, self.backend))
        if "zh_address" in self.ids:
            findings.extend(address.detect(view, tokens, min_score, self.backend))
        return findings
