"""The native core against the reference engine: same findings, same bytes.

The reference engine (:mod:`pimask.scanner`, pure Python) is the specification; the native
core (:mod:`pimask._core`) must give identical findings (entity, span, score, explanation)
and identical output for every built-in and custom recognizer, on CJK, full-width, invalid
UTF-8, CRLF and long lines. Generated alphabets stay where Python 3.11 and Rust agree on
Unicode tables (whitespace, case, digits); docs/backends.md says where they differ.

``-m slow`` runs the same properties with many more examples (PIMASK_NATIVE_EXAMPLES).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import string
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask import _core, plan, validators
from pimask.backends import resolve_backend
from pimask.errors import ConfigError
from pimask.masking import display_mask
from pimask.recognizers import load_builtin, parse_recognizer

from .strategies import VALUES, to_fullwidth

EXAMPLES = int(os.environ.get("PIMASK_NATIVE_EXAMPLES", "150"))
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pair() -> tuple[pimask.Engine, pimask.Engine]:
    return pimask.Engine(backend="native"), pimask.Engine(backend="reference")


def describe(engine: pimask.Engine, text: str) -> list[tuple]:
    return [(f.entity, f.start, f.end, f.score, f.explanation) for f in engine.scan(text)]


def assert_same(pair: tuple[pimask.Engine, pimask.Engine], text: str) -> None:
    native, reference = pair
    assert describe(native, text) == describe(reference, text), repr(text)
    assert native.mask(text) == reference.mask(text), repr(text)


# Characters the two languages classify alike (no U+001C-001F, no exotic case mappings).
_NOISE = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.sampled_from(list(string.ascii_letters + string.digits + " \t.,:;=-_/@#%+()\"'[]{}")),
    st.sampled_from(list("，。：；（）【】、　＠＃０１２３４５６７８９ＡＢａｂ－–")),
)
NOISY_TEXT = st.text(alphabet=_NOISE, max_size=80)

CONTEXT = [
    "手机号", "身份证号：", "卡号 ", "IMEI:", "mac=", "邮箱", "ip=", '"phone": "', "订单号",
    "order_id=", "trace_id=", "tel:", "银行卡", "登录IP", "证件号码是", "phoneNo=", "imei1 ",
]  # fmt: skip


# Invisible characters the view drops, and digit zeros of other scripts it folds.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"]
DIGIT_ZEROS = [0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x1D7CE, 0x1D7EC]


@st.composite
def disguised(draw, value: str) -> str:
    """``value`` with invisible characters inside it or its digits in another script."""
    if draw(st.booleans()):
        chars = list(value)
        for _ in range(draw(st.integers(1, 3))):
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(INVISIBLE)))
        return "".join(chars)
    zero = draw(st.sampled_from(DIGIT_ZEROS))
    return "".join(chr(zero + int(ch)) if ch in string.digits else ch for ch in value)


@st.composite
def lines_with_values(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        pieces.append(draw(NOISY_TEXT))
        if draw(st.booleans()):
            pieces.append(draw(st.sampled_from(CONTEXT)))
        value = draw(st.sampled_from(list(VALUES.values())).flatmap(lambda s: s))
        if draw(st.integers(0, 5)) == 0:
            value = to_fullwidth(value)
        elif draw(st.integers(0, 4)) == 0:
            value = draw(disguised(value))
        pieces.append(value)
    pieces.append(draw(NOISY_TEXT))
    return "".join(pieces)


@settings(max_examples=EXAMPLES)
@given(lines_with_values())
def test_findings_and_masks_match_on_generated_lines(pair, text: str) -> None:
    assert_same(pair, text)


# Strong keys in their spellings, separators between key and value, and values of the
# entity's shape that fail their check (and look-alike keys that are not strong).
STRONG_KEYS = [
    "身份证号", "身份证号码", "证件号码", "idcard", "idCardNo", '"id_card"', "sfzh", "卡号",
    "银行卡", "card", "cardNo", "bank_card_no", "card_hash", "idcard_hash", "驾驶证号",
    "/idcard/", "订单号", "用户身份证", "IMEI", "imei1", "discard",
]  # fmt: skip
STRONG_GAPS = ["", ":", "=", "：", "是", " ", '":"', "' = '", " : ", "为", "\t", "：" * 9]
STRONG_VALUES = [
    "440301199003071234", "110101199003077777", "11010519491231002X", "110105491231002",
    "6222021234567890129", "6217 0000 1234 5678 901", "999999999999999997",
    "411111111111111118", "4111111111111111", "490154203237519", "1234567890123",
]  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(
    NOISY_TEXT,
    st.sampled_from(STRONG_KEYS),
    st.sampled_from(STRONG_GAPS),
    st.sampled_from(STRONG_VALUES),
    NOISY_TEXT,
)
def test_strong_keys_match(pair, before: str, key: str, gap: str, value: str, after: str) -> None:
    assert_same(pair, before + key + gap + value + after)


@settings(max_examples=EXAMPLES)
@given(NOISY_TEXT)
def test_findings_match_on_noise(pair, text: str) -> None:
    assert_same(pair, text)


# Pieces glued with nothing between (issue 16 part C): values, the words and hex letters
# that glue to them, invisible characters that cut them, contact words before 22-digit runs,
# e-mail local parts in alphabetic and CJK scripts.
GLUE = [
    "E-mail:", "e-4f1a", "ken", "E", "ab", "9f", "-", "_", ".", "经纪人：", "电话", "手机",
    "订单号", "tel=", "a\u200b", "\u200b", "\ufeff", "@example.com", "Müller.hans@example.de",
    "ivan.петров@example.ru", "josé.garcia@", "张三@例子.中国", "邮箱", "请发邮件给", "ü", "ß",
    "13912345678", "13812345678", "12012345678", "1", "0", "zhangsan@example.com",
]  # fmt: skip
GLUED_TEXT = st.lists(
    st.one_of(st.sampled_from(GLUE), VALUES["CN_MOBILE"], VALUES["EMAIL"]), max_size=8
).map("".join)


@settings(max_examples=EXAMPLES)
@given(GLUED_TEXT)
def test_glued_values_match(pair, text: str) -> None:
    assert_same(pair, text)


@settings(max_examples=EXAMPLES)
@given(st.lists(GLUED_TEXT, min_size=1, max_size=6))
def test_glued_blocks_match_byte_for_byte(pair, lines: list[str]) -> None:
    """The block path searches lines whose view dropped characters on their own."""
    native, reference = pair
    blob = "\n".join(lines).encode()
    ours, theirs = native.apply_block(blob), reference.apply_block(blob)
    assert ours.out == theirs.out
    assert ours.actions == theirs.actions


# CJK e-mail local parts (issue 16 part M): label words glued before a name, pieces of
# labels, CJK punctuation, Kana and Hangul, so both engines cut the same label off.
CJK_GLUE = [
    "邮箱", "邮件", "邮箱地址", "请", "发给", "给", "发送至", "联系人", "电邮", "郵箱", "請寄給",
    "邮", "箱", "张", "三", "欧阳", "娜", "やまだ", "김철수", "：", "，", " ", "@", "＠", ".",
    "@例子.中国", "@example.com", "@公司.cn", "＠例子．香港", "13912345678", "a", "\u200b",
    "𠮷", "・", "·", "abc", "x.", "邮件给", "交给",
]  # fmt: skip
CJK_TEXT = st.lists(st.sampled_from(CJK_GLUE), max_size=10).map("".join)


@settings(max_examples=EXAMPLES)
@given(CJK_TEXT)
def test_cjk_email_labels_match(pair, text: str) -> None:
    assert_same(pair, text)


@settings(max_examples=EXAMPLES)
@given(st.lists(st.one_of(lines_with_values(), NOISY_TEXT), max_size=6), st.data())
def test_blocks_match_byte_for_byte(pair, lines: list[str], data) -> None:
    """``apply_block`` (native: one call per block) equals the reference line by line,
    with CRLF, invalid UTF-8 and a missing final newline."""
    native, reference = pair
    raw = [line.encode() for line in lines]
    for index in range(len(raw)):
        choice = data.draw(st.integers(0, 4))
        if choice == 0:
            raw[index] += b"\r"
        elif choice == 1:
            cut = data.draw(st.integers(0, len(raw[index])))
            raw[index] = raw[index][:cut] + b"\xff\xe6\x89" + raw[index][cut:]
    blob = b"\n".join(raw) + data.draw(st.sampled_from([b"", b"\n"]))
    ours, theirs = native.apply_block(blob), reference.apply_block(blob)
    assert ours.out == theirs.out
    assert ours.lines == theirs.lines
    assert ours.actions == theirs.actions


def test_blocks_match_under_a_policy(pair, monkeypatch) -> None:
    monkeypatch.setenv("PIMASK_KEY", "k1:" + "tG7vQ2xL9pR4mZ8wK3nB6yH1cF5dJ0sA")
    rng = random.Random(7)
    lines = [
        "手机号13912345678 身份证11010519491231002X",
        "card=6222021234567890128 ip 10.2.3.4 mac 3c:22:fb:1a:2b:3c",
        "nothing here",
        "邮箱zhang.san@example.com IMEI:490154203237518",
    ]
    blob = "\n".join(rng.choice(lines) for _ in range(40)).encode()
    native, reference = pair
    for policy in ("display", "deidentify", "anonymize", "delete"):
        ours, theirs = native.apply_block(blob, policy), reference.apply_block(blob, policy)
        assert (ours.out, ours.lines, ours.dropped) == (theirs.out, theirs.lines, theirs.dropped)
        assert ours.actions == theirs.actions


def test_examples_of_every_recognizer_match() -> None:
    """Every match/no_match example of the data files gives the same findings."""
    native, reference = pimask.Engine(backend="native"), pimask.Engine(backend="reference")
    for spec in load_builtin():
        texts = [m.text for m in spec.examples.match] + list(spec.examples.no_match)
        for text in texts:
            assert describe(native, text) == describe(reference, text), (spec.id, text)


def test_quality_corpus_lines_match() -> None:
    """A slice of the labelled quality corpus (hard negatives included) scans alike."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "pimask_native_corpus", ROOT / "benchmarks/corpus.py"
    )
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # why: its dataclasses look their module up
    spec.loader.exec_module(corpus)
    native, reference = pimask.Engine(backend="native"), pimask.Engine(backend="reference")
    lines = [str(record["text"]) for record in corpus.generate_labeled(800, 11)]
    for text in lines:
        assert describe(native, text) == describe(reference, text), text
    blob = "\n".join(lines).encode()
    assert native.apply_block(blob).out == reference.apply_block(blob).out


CUSTOM = """
id: employee
entity: EMPLOYEE_ID
patterns:
  - {name: emp, regex: 'EMP[0-9]{6}', boundary: digit, score: 0.6}
  - {name: emp_lower, regex: 'emp-[0-9a-f]{4}', boundary: hexword, score: 0.4, ignore_case: true}
context:
  words: [工号, employee]
  negative: [测试]
"""


@settings(max_examples=EXAMPLES)
@given(NOISY_TEXT, st.sampled_from(["EMP123456", "emp-beef", "EMP-BEEF", "EMP1234567"]), NOISY_TEXT)
def test_custom_recognizers_match(before: str, value: str, after: str) -> None:
    spec = parse_recognizer(CUSTOM, "custom.yaml")
    engines = (
        pimask.Engine(recognizer_files=[spec], backend="native"),
        pimask.Engine(recognizer_files=[spec], backend="reference"),
    )
    assert_same(engines, before + "工号" + value + after)


@settings(max_examples=EXAMPLES)
@given(
    st.sampled_from(sorted(validators.VALIDATORS)),
    st.one_of(
        st.sampled_from(list(VALUES.values())).flatmap(lambda s: s),
        st.text(alphabet="0123456789Xx -:.+()@#abcdefABCDEF中国", max_size=24),
    ),
)
def test_validators_agree(name: str, value: str) -> None:
    engine = pimask.Engine(backend="native")._scanner.core
    expected = validators.run(name, value)
    today = dt.date.today()
    status, reason, adjust = engine.validate(name, value, (today.year, today.month, today.day))
    assert (status, reason, adjust) == (
        expected.status,
        expected.reason,
        plan.basis_points(expected.score_adjust),
    )


@settings(max_examples=EXAMPLES)
@given(
    st.sampled_from(list(VALUES)),
    st.sampled_from(list(VALUES.values())).flatmap(lambda s: s),
    st.booleans(),
)
def test_display_masks_agree(entity: str, value: str, wide: bool) -> None:
    value = to_fullwidth(value) if wide else value
    assert _core.display_mask(entity, value) == display_mask(entity, value)


def test_builtin_plan_file_is_fresh() -> None:
    """rust/core/data/builtin-plan.json (what the Rust tests use) is what Python writes."""
    committed = (ROOT / "rust" / "core" / "data" / "builtin-plan.json").read_text("utf-8")
    assert committed == plan.builtin_plan_json(), "run: python -m pimask.plan --write"


def test_engines_pickle_by_rebuilding_from_the_plan() -> None:
    import pickle

    engine = pimask.Engine(backend="native")
    clone = pickle.loads(pickle.dumps(engine._scanner))
    text = "手机号13912345678"
    assert [f.entity for f in clone.scan(text)] == ["CN_MOBILE"]


@pytest.mark.parametrize("name", ["hyperscan", "python", "bogus"])
def test_old_backend_names_are_config_errors(name: str) -> None:
    with pytest.raises(ConfigError, match="native"):
        resolve_backend(name)


@pytest.mark.parametrize(
    ("regex", "reason"),
    [
        ("(?<![0-9])1[3-9][0-9]{9}", "look-around"),
        ("(a)\\1", "back-references"),
        ("\\d{11}", "ASCII class"),
        ("\\bEMP[0-9]+", "boundary"),
        ("[[:digit:]]+", "POSIX"),
    ],
)
def test_patterns_outside_the_common_subset_are_refused(regex: str, reason: str) -> None:
    text = f"id: x\nentity: X\npatterns: [{{name: p, regex: '{regex}', score: 0.5}}]"
    with pytest.raises(ConfigError, match=r"field patterns\.0\.regex") as error:
        parse_recognizer(text, "custom.yaml")
    assert reason in str(error.value)


def test_redos_pattern_runs_in_linear_time() -> None:
    """``(a|aa)*b`` on a long run of a's: catastrophic in a backtracking engine."""
    spec = parse_recognizer(
        "id: x\nentity: X\npatterns: [{name: p, regex: '(?:a|aa)*b', score: 0.9}]", "x.yaml"
    )
    engine = pimask.Engine(recognizer_files=[spec], entities=["X"], backend="native")
    assert engine.scan("a" * 100_000) == []  # returns at all: linear time


@settings(max_examples=EXAMPLES)
@given(
    st.lists(st.one_of(lines_with_values(), NOISY_TEXT, st.just(""), st.just("a\nb 13912345678")))
)
def test_batched_scans_equal_single_scans(pair, texts: list[str]) -> None:
    """``Engine.scan_many`` (one core call for a batch of fields) equals one scan each."""
    native, reference = pair
    batched = native.scan_many(texts)
    assert [[describe_one(f) for f in found] for found in batched] == [
        [describe_one(f) for f in reference.scan(text)] for text in texts
    ]


def describe_one(f) -> tuple:
    return (f.entity, f.start, f.end, f.score, f.explanation)


def test_the_stub_lists_what_the_extension_has() -> None:
    """src/pimask/_core.pyi names every public function and method of the compiled module."""
    stub = (ROOT / "src" / "pimask" / "_core.pyi").read_text("utf-8")
    public = [name for name in dir(_core) if not name.startswith("_")]
    methods = [name for name in dir(_core.NativeEngine) if not name.startswith("_")]
    for name in public + methods:
        assert f"def {name}(" in stub or f"class {name}" in stub or f"{name}:" in stub, name


@pytest.mark.stress
@settings(max_examples=3000)
@given(st.lists(st.one_of(lines_with_values(), NOISY_TEXT), min_size=1, max_size=8))
def test_stress_generated_blocks(pair, lines: list[str]) -> None:
    """``pytest -m stress``: thousands of generated blocks, findings and bytes."""
    for text in lines:
        assert_same(pair, text)
    native, reference = pair
    blob = "\n".join(lines).encode()
    assert native.apply_block(blob).out == reference.apply_block(blob).out


@pytest.mark.stress
def test_stress_whole_quality_corpus() -> None:
    """``pytest -m stress``: the 20,000-line labelled corpus of docs/quality.md, line by line."""
    import importlib.util

    path = ROOT / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("pimask_native_corpus_stress", path)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus
    spec.loader.exec_module(corpus)
    native, reference = pimask.Engine(backend="native"), pimask.Engine(backend="reference")
    for record in corpus.generate_labeled(20_000, 7):
        text = str(record["text"])
        assert describe(native, text) == describe(reference, text), text
