"""pimask inside Microsoft Presidio: Chinese recognizers, a jieba NLP engine, one-call setup.

Presidio has no mainland-China recognizers, its ``\\b`` patterns miss numbers glued to 汉字
(``手机号13912345678无法登录``), its card pattern stops at 17 digits (19-digit UnionPay
cards), and its default NLP engine downloads a spaCy model. This module fixes all four
without any model download::

    from presidio_anonymizer import AnonymizerEngine
    from pimask.integrations.presidio import analyzer_engine

    text = "客户王小明反映，手机号13912345678无法登录"
    results = analyzer_engine().analyze(text, language="zh")
    print(AnonymizerEngine().anonymize(text, results).text)
    # 客户<PERSON>反映，手机号<CN_MOBILE>无法登录

Pieces, usable on their own:

* :class:`PimaskRecognizer` — one Presidio ``EntityRecognizer`` backed by a pimask
  :class:`~pimask.Engine`: the same spans, scores and explanations for every pimask entity.
  :func:`register` adds it to a ``RecognizerRegistry`` or an ``AnalyzerEngine`` in one call.
* :class:`JiebaNlpEngine` — a Presidio ``NlpEngine`` for ``zh``: jieba tokens, lemmas and
  part-of-speech tags (so Presidio's context enhancement works on Chinese), and PERSON /
  LOCATION entities from pimask's jieba-based recognizers (so NER-based recognizers work).
* :func:`analyzer_engine` — both, plus Presidio's language-neutral recognizers for what
  pimask does not cover (URL, IBAN, crypto wallets).
* :func:`display_operators` — anonymizer operators that apply pimask's display masks
  (``139****5678``, ``张**``) instead of ``<ENTITY>`` tags.

Entity names: pimask's names are kept except where Presidio has its own name for the same
thing (:data:`PRESIDIO_ENTITY_NAMES`: EMAIL → EMAIL_ADDRESS, ADDRESS → LOCATION); pass
``entity_names`` to change the mapping. Requires ``pip install 'pimask[presidio]'``;
importing this module imports Presidio, ``import pimask`` never does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

try:
    from presidio_analyzer import (
        AnalysisExplanation,
        AnalyzerEngine,
        LocalRecognizer,
        RecognizerRegistry,
        RecognizerResult,
    )
    from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "pimask.integrations.presidio needs Presidio: pip install 'pimask[presidio]'"
    ) from exc

from pimask import ner as zh_ner
from pimask.engine import DEFAULT_MIN_SCORE, Engine
from pimask.findings import Explanation, Finding
from pimask.masking import display_mask
from pimask.ner import tokenizer
from pimask.normalize import fold
from pimask.scanner import resolve_overlaps

__all__ = [
    "PRESIDIO_ENTITY_NAMES",
    "JiebaNlpEngine",
    "PimaskNerRecognizer",
    "PimaskRecognizer",
    "analyzer_engine",
    "display_operators",
    "register",
]

PRESIDIO_ENTITY_NAMES: Mapping[str, str] = {"EMAIL": "EMAIL_ADDRESS", "ADDRESS": "LOCATION"}
"""pimask entity → Presidio entity, where Presidio already names the same thing."""

_FINDINGS_KEY = "pimask_findings"

EXPLANATION_KEY = "pimask_explanation"
"""Key of pimask's full :class:`~pimask.findings.Explanation` in ``recognition_metadata``."""


def _names(entity_names: Mapping[str, str] | None) -> dict[str, str]:
    return {**PRESIDIO_ENTITY_NAMES, **(entity_names or {})}


def _explanation(recognizer: str, explanation: Explanation) -> AnalysisExplanation:
    """Presidio's explanation object carrying pimask's reasons (never the value)."""
    context = ", ".join(f"{hit.word} ({hit.polarity}, {hit.source})" for hit in explanation.context)
    text = f"pimask {explanation.recognizer}/{explanation.pattern}: {explanation.reason}"
    if explanation.validator:
        text += f"; validator {explanation.validator}: {explanation.verdict}"
    if context:
        text += f"; context {context}"
    result = AnalysisExplanation(
        recognizer=recognizer,
        original_score=explanation.base_score,
        pattern_name=f"{explanation.recognizer}/{explanation.pattern}",
        validation_result=explanation.verdict == "valid" if explanation.validator else None,
        textual_explanation=text,
    )
    positive = [hit.word for hit in explanation.context if hit.polarity == "positive"]
    if positive:
        result.set_supportive_context_word(positive[0])
    result.set_improved_score(explanation.score)
    return result


def _result(recognizer: LocalRecognizer, entity: str, finding: Finding) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity,
        start=finding.start,
        end=finding.end,
        score=finding.score,
        analysis_explanation=_explanation(recognizer.name, finding.explanation),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            EXPLANATION_KEY: finding.explanation.to_dict(),
        },
    )


class PimaskRecognizer(LocalRecognizer):
    """Every entity of a pimask :class:`~pimask.Engine`, as one Presidio recognizer.

    pimask already scored context (key names, Chinese and English words), so this
    recognizer declares no Presidio context words and its scores are not boosted twice.
    """

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        supported_language: str = "zh",
        entity_names: Mapping[str, str] | None = None,
        name: str = "PimaskRecognizer",
    ) -> None:
        self.engine = engine if engine is not None else Engine()
        self.entity_names = _names(entity_names)
        entities = [self.entity_names.get(e, e) for e in self.engine.entities]
        super().__init__(
            supported_entities=entities, name=name, supported_language=supported_language
        )

    def load(self) -> None:
        """Nothing to load: the engine compiled its recognizers when it was built."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        wanted = set(entities) if entities else set(self.supported_entities)
        results = []
        for finding in self.engine.scan(text):
            entity = self.entity_names.get(finding.entity, finding.entity)
            if entity in wanted:
                results.append(_result(self, entity, finding))
        return results


def register(
    target: AnalyzerEngine | RecognizerRegistry,
    *,
    engine: Engine | None = None,
    languages: Iterable[str] = ("zh",),
    entity_names: Mapping[str, str] | None = None,
) -> list[PimaskRecognizer]:
    """Add pimask's recognizers to an ``AnalyzerEngine`` or ``RecognizerRegistry``.

    One :class:`PimaskRecognizer` per language (Presidio picks recognizers by language;
    pimask's patterns and context words cover Chinese and English alike), sharing one
    engine. Returns the recognizers added.
    """
    registry = target.registry if isinstance(target, AnalyzerEngine) else target
    if not isinstance(registry, RecognizerRegistry):
        raise TypeError(
            f"register() expects an AnalyzerEngine or RecognizerRegistry, "
            f"got {type(target).__name__}"
        )
    shared = engine if engine is not None else Engine()
    added = [
        PimaskRecognizer(shared, supported_language=language, entity_names=entity_names)
        for language in dict.fromkeys(languages)
    ]
    for recognizer in added:
        registry.add_recognizer(recognizer)
    return added


# --- the jieba NLP engine --------------------------------------------------------------

# Function words carry no context; Presidio drops stop words from its context keywords.
_STOPWORDS_TEXT = (
    "的 了 是 在 和 与 及 或 也 就 都 而 着 把 被 让 给 对 从 向 到 于 以 为 这 那 其 之 "
    "一个 我 你 他 她 它 我们 你们 他们 她们 请 吗 呢 吧 啊 哦 嗯 很 还 又 再 已 已经"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# jieba (ICTCLAS) tag prefix → Universal POS tag, for spaCy's token.pos_.
_UPOS = (
    ("nr", "PROPN"),
    ("ns", "PROPN"),
    ("nt", "PROPN"),
    ("nz", "PROPN"),
    ("eng", "X"),
    ("n", "NOUN"),
    ("v", "VERB"),
    ("a", "ADJ"),
    ("d", "ADV"),
    ("m", "NUM"),
    ("q", "NOUN"),
    ("r", "PRON"),
    ("p", "ADP"),
    ("c", "CCONJ"),
    ("u", "PART"),
    ("y", "PART"),
    ("e", "INTJ"),
    ("o", "INTJ"),
    ("t", "NOUN"),
    ("s", "NOUN"),
    ("f", "NOUN"),
)


def _upos(word: str, flag: str) -> str:
    if word.isspace():
        return "SPACE"
    if _is_punct(word):
        return "PUNCT"
    for prefix, upos in _UPOS:
        if flag.startswith(prefix):
            return upos
    return "X"


def _is_punct(word: str) -> bool:
    return bool(word) and all(unicodedata.category(ch).startswith(("P", "S")) for ch in word)


class JiebaNlpEngine(NlpEngine):
    """A Presidio ``NlpEngine`` for Chinese on jieba: no model download, works offline.

    Tokens, lemmas (the words themselves: Chinese does not inflect) and POS tags come from
    jieba; entities (``PERSON``, ``LOCATION``) from pimask's ``zh_person`` / ``zh_address``
    recognizers on the same segmentation, with their scores. Spans are exact: tokens are
    split wherever an entity starts or ends.

    Args:
        languages: language codes this engine answers for (jieba segments Chinese; ASCII
            runs come through as single tokens).
        ner: pimask detector ids whose findings become entities; ``()`` for tokens only.
        min_score: entities scoring below this are left out.
        entity_names: pimask entity → entity label (default :data:`PRESIDIO_ENTITY_NAMES`).
    """

    engine_name = "pimask_jieba"
    is_available = True

    def __init__(
        self,
        *,
        languages: Sequence[str] = ("zh",),
        ner: Iterable[str] = tuple(zh_ner.DETECTORS),
        min_score: float = DEFAULT_MIN_SCORE,
        entity_names: Mapping[str, str] | None = None,
    ) -> None:
        from spacy.vocab import Vocab

        if not languages:
            raise ValueError("JiebaNlpEngine needs at least one language")
        self.languages = tuple(dict.fromkeys(languages))
        self.pipeline = _pipeline(ner)
        self.min_score = min_score
        self.entity_names = _names(entity_names)
        self._vocab = Vocab()
        self._loaded = False

    def load(self) -> None:
        """Load jieba's dictionary (about a second; once per process)."""
        tokenizer.load()
        self._loaded = True

    def is_loaded(self) -> bool:
        return self._loaded

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        self._check_language(language)
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {type(text).__name__}")
        return self._artifacts(text, language)

    def process_batch(
        self,
        texts: Iterable[str | tuple[str, Any]],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        as_tuples: bool = False,
        **kwargs: Any,
    ) -> Iterator[tuple[str, NlpArtifacts] | tuple[str, NlpArtifacts, Any]]:
        self._check_language(language)
        for item in texts:
            if as_tuples:
                text, context = item  # type: ignore[misc]
                yield str(text), self._artifacts(str(text), language), context
            else:
                yield str(item), self._artifacts(str(item), language)

    def is_stopword(self, word: str, language: str) -> bool:
        return word in STOPWORDS

    def is_punct(self, word: str, language: str) -> bool:
        return _is_punct(word)

    def get_supported_entities(self) -> list[str]:
        if self.pipeline is None:
            return []
        return sorted({self.entity_names.get(e, e) for e in self.pipeline.entities})

    def get_supported_languages(self) -> list[str]:
        return list(self.languages)

    def _check_language(self, language: str) -> None:
        if language not in self.languages:
            raise ValueError(
                f"language {language!r} is not supported by JiebaNlpEngine "
                f"(configured: {', '.join(self.languages)})"
            )

    def _artifacts(self, text: str, language: str) -> NlpArtifacts:
        from spacy.tokens import Doc, Span

        if not self._loaded:
            self.load()
        view = fold(text)
        tokens = tokenizer.tokenize(view) if text else []
        findings: list[Finding] = []
        if self.pipeline is not None and zh_ner.has_cjk(text):
            found = self.pipeline.scan_tokens(view, tokens, self.min_score)
            findings = resolve_overlaps(found, {})
        # why: split tokens at entity edges so every entity is a whole number of tokens.
        cuts = sorted(
            {t.start for t in tokens} | {f.start for f in findings} | {f.end for f in findings}
        )
        cuts = [c for c in cuts if 0 <= c < len(text)]
        bounds = list(zip(cuts, [*cuts[1:], len(text)], strict=True)) if cuts else []
        flags = _flags_by_start(tokens)
        words = [text[start:end] for start, end in bounds]
        tags, current = [], "x"
        for start, _ in bounds:
            current = flags.get(start, current)
            tags.append(current)
        doc = Doc(
            self._vocab,
            words=words,
            spaces=[False] * len(words),
            tags=tags,
            lemmas=words,
            pos=[_upos(word, tag) for word, tag in zip(words, tags, strict=True)],
        )
        index_of = {start: i for i, (start, _) in enumerate(bounds)}
        index_of[len(text)] = len(bounds)
        spans = [
            Span(
                doc,
                index_of[f.start],
                index_of[f.end],
                label=self.entity_names.get(f.entity, f.entity),
            )
            for f in findings
        ]
        doc.ents = spans
        # why: lets PimaskNerRecognizer explain each entity the way pimask would; kept on the
        # Doc, not on NlpArtifacts, whose to_json (log_decision_process) dumps its __dict__.
        doc.user_data[_FINDINGS_KEY] = {(f.start, f.end): f for f in findings}
        artifacts = NlpArtifacts(
            entities=list(doc.ents),
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=words,
            nlp_engine=self,
            language=language,
            scores=[f.score for f in findings],
        )
        return artifacts


def _flags_by_start(tokens: Sequence[tokenizer.Token]) -> dict[int, str]:
    return {token.start: token.flag for token in tokens}


def _pipeline(ids: Iterable[str]) -> zh_ner.NerPipeline | None:
    # why: JiebaNlpEngine hands the detectors jieba's tokens, whatever $PIMASK_ZH_NER says
    return zh_ner.NerPipeline.create(ids, "jieba")


class PimaskNerRecognizer(LocalRecognizer):
    """Turns :class:`JiebaNlpEngine` entities into results, with pimask's explanations.

    Presidio's own ``SpacyRecognizer`` also reads them (as it does with any NLP engine);
    this one adds pimask's reasons and falls back to plain explanations otherwise.
    """

    def __init__(
        self,
        *,
        supported_language: str = "zh",
        supported_entities: Sequence[str] = ("PERSON", "LOCATION"),
        name: str = "PimaskJiebaRecognizer",
    ) -> None:
        super().__init__(
            supported_entities=list(supported_entities),
            name=name,
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Nothing to load: the NLP engine did the work."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        wanted = set(entities) if entities else set(self.supported_entities)
        user_data = getattr(nlp_artifacts.tokens, "user_data", None) or {}
        known: dict[tuple[int, int], Finding] = user_data.get(_FINDINGS_KEY, {})
        results = []
        for span, score in zip(nlp_artifacts.entities, nlp_artifacts.scores, strict=True):
            label = span.label_
            if label not in wanted or label not in self.supported_entities:
                continue
            finding = known.get((span.start_char, span.end_char))
            if finding is not None:
                results.append(_result(self, label, finding))
                continue
            results.append(
                RecognizerResult(
                    entity_type=label,
                    start=span.start_char,
                    end=span.end_char,
                    score=score,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name,
                        original_score=score,
                        textual_explanation=f"{label} from the NLP engine",
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def analyzer_engine(
    *,
    language: str = "zh",
    engine: Engine | None = None,
    ner: bool = True,
    presidio_recognizers: bool = True,
    entity_names: Mapping[str, str] | None = None,
) -> AnalyzerEngine:
    """A ready ``AnalyzerEngine`` for Chinese text; downloads nothing.

    * NLP engine: :class:`JiebaNlpEngine` (PERSON / LOCATION when ``ner`` is true);
    * pimask's pattern recognizers (``engine``, default: the built-ins) via
      :class:`PimaskRecognizer`, and :class:`PimaskNerRecognizer` for the NLP entities;
    * Presidio's language-neutral recognizers for entities pimask lacks (URL, IBAN_CODE,
      CRYPTO), unless ``presidio_recognizers`` is false. Presidio's email, phone, card and
      IP recognizers are left out: pimask's find the same things in Chinese text.
    """
    from presidio_analyzer.predefined_recognizers import (
        CryptoRecognizer,
        IbanRecognizer,
        UrlRecognizer,
    )

    names = _names(entity_names)
    nlp_engine = JiebaNlpEngine(
        languages=[language], ner=tuple(ner_ids()) if ner else (), entity_names=names
    )
    registry = RecognizerRegistry(supported_languages=[language])
    register(registry, engine=engine, languages=[language], entity_names=names)
    if ner:
        registry.add_recognizer(
            PimaskNerRecognizer(
                supported_language=language,
                supported_entities=nlp_engine.get_supported_entities(),
            )
        )
    if presidio_recognizers:
        for recognizer in (CryptoRecognizer, IbanRecognizer, UrlRecognizer):
            registry.add_recognizer(recognizer(supported_language=language))
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[language])


def ner_ids() -> tuple[str, ...]:
    """Ids of pimask's jieba-based detectors (``zh_person``, ``zh_address``)."""
    return tuple(zh_ner.DETECTORS)


def display_operators(entity_names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """presidio-anonymizer operators applying pimask's display masks (``139****5678``).

    Pass as ``AnonymizerEngine().anonymize(text, results, operators=display_operators())``.
    Entities without a pimask rule get ``DEFAULT``: every letter and digit masked.
    """
    from presidio_anonymizer.entities import OperatorConfig

    names = _names(entity_names)
    back = {presidio: pimask_name for pimask_name, presidio in names.items()}
    from pimask.masking import DISPLAY_RULES

    operators: dict[str, Any] = {}
    for entity in DISPLAY_RULES:
        label = names.get(entity, entity)
        operators[label] = OperatorConfig("custom", {"lambda": _masker(back.get(label, entity))})
    operators["DEFAULT"] = OperatorConfig("custom", {"lambda": _masker("DEFAULT")})
    return operators


def _masker(entity: str) -> Any:
    def mask(value: str) -> str:
        return display_mask(entity, value)

    return mask
