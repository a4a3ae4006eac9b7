"""pimask inside Presidio: recognizers, the jieba NLP engine, the anonymizer, offline."""

from __future__ import annotations

import contextlib
import io
import json
import re
import socket
from pathlib import Path

import pytest

pytest.importorskip("presidio_analyzer")
pytest.importorskip("presidio_anonymizer")

from presidio_analyzer import (
    AnalyzerEngine,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
)
from presidio_analyzer.nlp_engine import NoOpNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IpRecognizer,
    PhoneRecognizer,
)
from presidio_anonymizer import AnonymizerEngine

import pimask
from pimask.integrations import presidio as integration
from pimask.ner import tokenizer

DOCS = Path(__file__).resolve().parents[1] / "docs" / "presidio.md"


def _noop() -> NoOpNlpEngine:
    return NoOpNlpEngine(models=[{"lang_code": "zh", "model_name": "none"}])


@pytest.fixture(scope="module")
def analyzer() -> AnalyzerEngine:
    tokenizer.load()
    return integration.analyzer_engine()


@pytest.fixture(scope="module")
def presidio_builtin() -> AnalyzerEngine:
    """Presidio's own phone, card and IP recognizers, switched on for Chinese."""
    registry = RecognizerRegistry(supported_languages=["zh"])
    for recognizer in (PhoneRecognizer, CreditCardRecognizer, IpRecognizer):
        registry.add_recognizer(recognizer(supported_language="zh"))
    return AnalyzerEngine(registry=registry, nlp_engine=_noop(), supported_languages=["zh"])


# (text, pimask entity as Presidio names it, the exact value)
GLUED = [
    ("手机号13912345678无法登录", "CN_MOBILE", "13912345678"),
    ("卡号6217009876543210015已冻结", "BANK_CARD", "6217009876543210015"),  # 19-digit UnionPay
    ("银联卡6222021234567890128请核实", "BANK_CARD", "6222021234567890128"),
    ("卡号4111111111111111已冻结", "BANK_CARD", "4111111111111111"),
    ("IP地址10.24.3.17访问异常", "IP_ADDRESS", "10.24.3.17"),
]


@pytest.mark.parametrize(("text", "entity", "value"), GLUED, ids=[g[1] + g[2][:4] for g in GLUED])
def test_presidio_builtins_miss_what_pimask_finds(
    presidio_builtin: AnalyzerEngine,
    analyzer: AnalyzerEngine,
    text: str,
    entity: str,
    value: str,
) -> None:
    start = text.index(value)
    span = (start, start + len(value))
    # Presidio alone: nothing at a usable score (its phone recognizer gives the mobile 0.4).
    builtin = presidio_builtin.analyze(text, language="zh", score_threshold=0.5)
    assert [(r.start, r.end) for r in builtin if (r.start, r.end) == span] == []
    # pimask inside Presidio: the exact span, the pimask entity, pimask's score.
    results = analyzer.analyze(text, language="zh")
    assert [(r.entity_type, r.start, r.end) for r in results] == [(entity, *span)]
    expected_score = [f.score for f in pimask.Engine().scan(text)]
    assert [r.score for r in results] == expected_score


def test_person_and_location_exact_spans(analyzer: AnalyzerEngine) -> None:
    text = "客户王小明反映，寄到上海市浦东新区碧波路690号的快递丢了，联系电话13912345678"
    results = sorted(analyzer.analyze(text, language="zh"), key=lambda r: r.start)
    assert [(r.entity_type, text[r.start : r.end]) for r in results] == [
        ("PERSON", "王小明"),
        ("LOCATION", "上海市浦东新区碧波路690号"),
        ("CN_MOBILE", "13912345678"),
    ]


def test_results_carry_pimask_explanations(analyzer: AnalyzerEngine) -> None:
    text = "客户王小明的手机号13912345678"
    results = analyzer.analyze(text, language="zh", return_decision_process=True)
    by_entity = {r.entity_type: r for r in results}
    mobile = by_entity["CN_MOBILE"]
    assert mobile.analysis_explanation.pattern_name == "cn_mobile/mobile"
    assert mobile.analysis_explanation.validation_result is True
    assert mobile.analysis_explanation.supportive_context_word == "手机号"
    explanation = mobile.recognition_metadata[integration.EXPLANATION_KEY]
    assert explanation["recognizer"] == "cn_mobile" and explanation["score"] == mobile.score
    person = by_entity["PERSON"].analysis_explanation
    assert person.pattern_name.startswith("zh_person/")
    assert person.supportive_context_word == "客户"
    assert "13912345678" not in str(explanation) and "王小明" not in person.textual_explanation


def test_anonymizer_end_to_end(analyzer: AnalyzerEngine) -> None:
    text = "联系人：欧阳娜娜，手机13912345678，邮箱zhang.san@example.com，卡号6217009876543210015"
    results = analyzer.analyze(text, language="zh")
    tagged = AnonymizerEngine().anonymize(text, results).text
    assert tagged == "联系人：<PERSON>，手机<CN_MOBILE>，邮箱<EMAIL_ADDRESS>，卡号<BANK_CARD>"
    masked = AnonymizerEngine().anonymize(text, results, operators=integration.display_operators())
    assert masked.text == (
        "联系人：欧阳**，手机139****5678，邮箱z***@example.com，卡号621700*********0015"
    )


def test_documented_five_line_example_runs_as_documented() -> None:
    source = DOCS.read_text(encoding="utf-8")
    block = re.search(r"## Five lines\n\n```python\n(.*?)```", source, re.S)
    assert block is not None
    code = block.group(1)
    assert len(code.strip().splitlines()) == 6  # five lines of code and one blank line
    printed = re.search(r"prints `([^`]+)`", source)
    assert printed is not None
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, str(DOCS), "exec"), {})
    assert output.getvalue().strip() == printed.group(1)


def test_register_onto_registry_and_analyzer() -> None:
    registry = RecognizerRegistry(supported_languages=["zh", "en"])
    added = integration.register(registry, languages=["zh", "en"])
    assert [r.supported_language for r in added] == ["zh", "en"]
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=NoOpNlpEngine(
            models=[{"lang_code": "zh", "model_name": "x"}, {"lang_code": "en", "model_name": "x"}]
        ),
        supported_languages=["zh", "en"],
    )
    english = "call 13912345678 or mail zhang.san@example.com"
    assert sorted(r.entity_type for r in analyzer.analyze(english, language="en")) == [
        "CN_MOBILE",
        "EMAIL_ADDRESS",
    ]
    other = AnalyzerEngine(
        registry=RecognizerRegistry(supported_languages=["zh"]),
        nlp_engine=_noop(),
        supported_languages=["zh"],
    )
    integration.register(other, entity_names={"CN_MOBILE": "PHONE_NUMBER"})
    found = other.analyze("手机号13912345678", language="zh", entities=["PHONE_NUMBER"])
    assert [(r.entity_type, r.start, r.end) for r in found] == [("PHONE_NUMBER", 3, 14)]
    with pytest.raises(TypeError, match="AnalyzerEngine or RecognizerRegistry"):
        integration.register(object())  # type: ignore[arg-type]


def test_recognizer_uses_the_given_engine() -> None:
    engine = pimask.Engine(entities=["CN_RESIDENT_ID"])
    recognizer = integration.PimaskRecognizer(engine)
    assert recognizer.supported_entities == ["CN_RESIDENT_ID"]
    text = "身份证11010519491231002X，手机13912345678"
    results = recognizer.analyze(text, entities=[])
    assert [(r.entity_type, text[r.start : r.end]) for r in results] == [
        ("CN_RESIDENT_ID", "11010519491231002X")
    ]


def test_jieba_nlp_engine_artifacts() -> None:
    nlp = integration.JiebaNlpEngine()
    text = "客户王小明反映，寄到北京市海淀区中关村大街27号3栋 ok"
    artifacts = nlp.process_text(text, "zh")
    tokens = [token.text for token in artifacts.tokens]
    assert "".join(tokens) == text
    assert artifacts.tokens_indices == [token.idx for token in artifacts.tokens]
    assert artifacts.lemmas == tokens
    assert "客户" in artifacts.keywords and "，" not in artifacts.keywords
    assert [(e.label_, e.text) for e in artifacts.entities] == [
        ("PERSON", "王小明"),
        ("LOCATION", "北京市海淀区中关村大街27号3栋"),
    ]
    assert artifacts.scores == [
        f.score for f in pimask.Engine(enable=["zh_person", "zh_address"]).scan(text)
    ]
    person = artifacts.tokens[1]
    assert (person.text, person.tag_, person.pos_) == ("王小明", "nr", "PROPN")
    assert nlp.get_supported_entities() == ["LOCATION", "PERSON"]
    assert nlp.is_punct("，", "zh") and not nlp.is_punct("王", "zh")
    assert nlp.is_stopword("的", "zh")
    with pytest.raises(ValueError, match="language 'en' is not supported"):
        nlp.process_text(text, "en")
    batch = list(nlp.process_batch([("你好", 1), ("王小明说", 2)], "zh", as_tuples=True))
    assert [(t, c, [e.text for e in a.entities]) for t, a, c in batch] == [
        ("你好", 1, []),
        ("王小明说", 2, ["王小明"]),
    ]
    empty = nlp.process_text("", "zh")
    assert len(empty.tokens) == 0 and empty.entities == []


def test_presidio_context_enhancement_works_on_jieba_tokens() -> None:
    """A plain Presidio PatternRecognizer gets its context boost from Chinese words."""

    def analyzer_with(nlp_engine: object) -> AnalyzerEngine:
        registry = RecognizerRegistry(supported_languages=["zh"])
        registry.add_recognizer(
            PatternRecognizer(
                supported_entity="ORDER_ID",
                patterns=[Pattern("six digits", r"\d{6}", 0.3)],
                context=["订单"],
                supported_language="zh",
            )
        )
        return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["zh"])

    text = "您的订单 123456 已发货"
    with_jieba = analyzer_with(integration.JiebaNlpEngine(ner=())).analyze(text, "zh")
    without = analyzer_with(_noop()).analyze(text, "zh")
    assert [round(r.score, 2) for r in without] == [0.3]
    assert [round(r.score, 2) for r in with_jieba] == [0.65]


def test_presidio_spacy_recognizer_reads_jieba_entities() -> None:
    """Presidio's stock NER recognizer works on the jieba engine unchanged."""
    nlp = integration.JiebaNlpEngine()
    registry = RecognizerRegistry(supported_languages=["zh"])
    registry.add_nlp_recognizer(nlp)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["zh"])
    text = "用户刘德华投诉"
    assert [(r.entity_type, r.start, r.end) for r in analyzer.analyze(text, "zh")] == [
        ("PERSON", 2, 5)
    ]


def test_everything_runs_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(tokenizer, "_state", {})  # load jieba again, offline
    analyzer = integration.analyzer_engine()
    text = "客户王小明，手机号13912345678，访问 https://example.com/a 失败"
    results = analyzer.analyze(text, language="zh")
    assert sorted(r.entity_type for r in results) == ["CN_MOBILE", "PERSON", "URL"]
    assert AnonymizerEngine().anonymize(text, results).text.startswith("客户<PERSON>，")


def test_without_ner_and_in_batches() -> None:
    from presidio_analyzer import BatchAnalyzerEngine

    analyzer = integration.analyzer_engine(ner=False)
    # why: PERSON by field name is a pattern recognizer; free text needs the NER
    assert "PERSON" in analyzer.get_supported_entities("zh")
    texts = ["客户王小明，手机号13912345678", "银联卡6222021234567890128"]
    batch = BatchAnalyzerEngine(analyzer).analyze_iterator(texts, language="zh")
    assert [[(r.entity_type, r.start, r.end) for r in results] for results in batch] == [
        [("CN_MOBILE", 9, 20)],
        [("BANK_CARD", 3, 22)],
    ]


def test_decision_process_logging_serialises_the_artifacts() -> None:
    """Presidio's log_decision_process dumps NlpArtifacts as JSON: ours must survive it."""
    nlp = integration.JiebaNlpEngine()
    artifacts = nlp.process_text("客户王小明，手机号13912345678", "zh")
    dumped = json.loads(artifacts.to_json())
    assert dumped["entities"] == ["王小明"] and dumped["scores"] == [0.8]
    analyzer = integration.analyzer_engine()
    analyzer.log_decision_process = True
    results = analyzer.analyze("客户王小明反映", language="zh", return_decision_process=True)
    assert [(r.entity_type, r.analysis_explanation.pattern_name) for r in results] == [
        ("PERSON", "zh_person/jieba_nr")
    ]
