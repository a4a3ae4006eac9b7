"""The native core reports exactly what the reference engine reports.

The reference is :mod:`pimask.scanner` (pure Python, ``re``); the native core
(:mod:`pimask._core`) must agree with it. Compared: findings with their explanations
(``Engine.scan``), and the block path (``Engine.apply_block``) against ``Engine.apply`` line
by line, on recognizer examples, the labeled benchmark corpus, tricky hand-written lines,
custom patterns and Hypothesis-generated text. tests/test_native.py adds validators, masks,
policies and the plan.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pimask.backends import available_backends, resolve_backend
from pimask.engine import Engine
from pimask.errors import ConfigError
from pimask.normalize import fold
from pimask.recognizers import RecognizerSpec
from tests.strategies import VALUES, to_fullwidth

FAST = [name for name in available_backends() if name != "reference"]
ENCODING, ERRORS = "utf-8", "surrogateescape"


def _load_corpus_module():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("pimask_bench_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def engines() -> dict[str, Engine]:
    return {name: Engine(backend=name) for name in available_backends()}


def _full(findings) -> list[tuple]:
    """Everything a finding says, explanation included."""
    return [(f.entity, f.start, f.end, f.score, f.explanation) for f in findings]


def _per_line(engine: Engine, blob: bytes, policy: object | None = None) -> tuple[bytes, int]:
    """The reference for ``apply_block``: decode, apply, encode, one line at a time (each
    line in the encoding :func:`pimask.linecodec.line_codec` reads it with)."""
    from pimask.linecodec import line_codec

    out: list[bytes] = []
    dropped = 0
    lines = blob.split(b"\n")
    final_newline = lines[-1] == b""
    if final_newline:
        lines.pop()
    for index, raw in enumerate(lines):
        codec = line_codec(raw, None) or ENCODING
        result = engine.apply(raw.decode(codec, ERRORS), policy)
        if result.dropped:
            dropped += 1
            continue
        out.append(result.text.encode(codec, ERRORS))
        out.append(b"\n" if index < len(lines) - 1 or final_newline else b"")
    return b"".join(out), dropped


def _assert_same(engines: dict[str, Engine], texts: list[str]) -> None:
    reference = engines["reference"]
    for text in texts:
        expected = _full(reference.scan(text))
        for name in FAST:
            assert _full(engines[name].scan(text)) == expected, (name, text)
    blob = "\n".join(texts).encode(ENCODING, ERRORS)
    expected_out, expected_dropped = _per_line(reference, blob)
    for name in FAST:
        result = engines[name].apply_block(blob)
        assert result.error is None
        assert result.out == expected_out, name
        assert result.dropped == expected_dropped


# --------------------------------------------------------------------------- selection


def test_auto_means_native() -> None:
    assert resolve_backend("auto") == "native"
    assert resolve_backend(None) == "native"
    assert Engine().backend == "native"


def test_environment_variable_selects_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIMASK_BACKEND", "reference")
    assert Engine().backend == "reference"
    assert Engine(backend="native").backend == "native"  # the argument wins


def test_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown scanner backend 'fast'"):
        Engine(backend="fast")


def test_missing_core_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import pimask.backends as backends

    monkeypatch.setattr(backends, "native_problem", lambda: "ImportError: no _core")
    with pytest.raises(ConfigError, match="PIMASK_BACKEND=reference"):
        backends.resolve_backend("auto")
    assert backends.resolve_backend("reference") == "reference"


# --------------------------------------------------------------------------- equality


def test_recognizer_examples_identical(engines: dict[str, Engine]) -> None:
    texts: list[str] = []
    for spec in engines["reference"].recognizers:
        texts.extend(example.text for example in spec.examples.match)
        texts.extend(spec.examples.no_match)
    assert len(texts) > 50
    _assert_same(engines, texts)


def test_labeled_corpus_identical(engines: dict[str, Engine]) -> None:
    corpus = _load_corpus_module()
    records = list(corpus.generate_labeled(400, seed=11))
    texts = [str(record["text"]) for record in records]
    labeled = sum(len(record["spans"]) for record in records)  # type: ignore[arg-type]
    assert labeled > 200  # the corpus really carries values to find
    _assert_same(engines, texts)


def test_throughput_corpus_block_identical(engines: dict[str, Engine], tmp_path: Path) -> None:
    corpus = _load_corpus_module()
    path = tmp_path / "mix.log"
    with path.open("wb") as out:
        corpus.write_throughput(out, 120_000, seed=3, pool_size=600)
    blob = path.read_bytes()
    expected, _dropped = _per_line(engines["reference"], blob)
    assert expected != blob  # something was masked
    for name in FAST:
        assert engines[name].apply_block(blob).out == expected, name


TRICKY = [
    # full-width values and full-width neighbours (the folded-rescan path)
    "手机号１３９１２３４５６７８，身份证１１０１０５１９４９１２３１００２Ｘ。",
    "地址：fe80::1ff:fe23:4567:890a，网卡３Ｃ：２２：ＦＢ：１Ａ：２Ｂ：３Ｃ",
    "邮箱：ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ 或 zhang.san@example.com",
    "登录IP：１０．２４．３．１７ 电话（＋８６）１５８１２３４５６７８",
    "card 6222　0212　3456　7890　128 end",  # ideographic spaces
    "卡号６２２２０２１２３４５６７８９０１２８转账",
    # digit runs around real values
    "order 440308199901011234440308199901011234 ts=1700000000000",
    "13912345678139123456781391234567813912345678",
    "x13912345678y 2023-13912345678 13912345678.50 ID13912345678",
    "tel:13912345678,13812345678;15812345678",
    # values at line edges, CR, tabs, invalid bytes decoded as surrogates
    "13912345678",
    "\r13912345678\r",
    "\t4111111111111111\t",
    "bad \udcff\udcfe bytes 13912345678 \udc80",
    "",
    "2001:db8::1",
    "::ffff:192.0.2.128",
    "3c:22:fb:1a:2b:3c:4d 3C:22:FB:1A:2B:3C",
    "uuid 550e8400-e29b-41d4-a716-446655440000 mac=3c22fb1a2b3c",
    "a@b.c user@localhost li_si-99@mail.corp.cn user+tag@例子.中国",
    # stray continuation bytes (one character each) right after values
    "13912345678\udca0 10.24.3.17\udcb0\udcb0 tel 13912345678\udc80",
]


def test_tricky_lines_identical(engines: dict[str, Engine]) -> None:
    _assert_same(engines, TRICKY)


def test_block_edges(engines: dict[str, Engine]) -> None:
    blobs = [
        b"",
        b"\n",
        b"\n\n\n",
        b"no newline 13912345678",
        b"crlf 13912345678\r\nnext\r\n",
        b"\xff\xfe invalid 13912345678 \xe4\xb8\n\xe6\x89\x8b\xe6\x9c\xba13912345678\n",
        b"clean line\n" * 50 + b"tail 4111111111111111",
    ]
    for blob in blobs:
        expected, dropped = _per_line(engines["reference"], blob)
        for name in FAST:
            result = engines[name].apply_block(blob)
            assert (result.out, result.dropped) == (expected, dropped), (name, blob)
            assert result.lines == (blob.count(b"\n") + (not blob.endswith(b"\n") and bool(blob)))


def test_block_with_dropping_policy(engines: dict[str, Engine]) -> None:
    blob = "keep me\n手机号13912345678\nalso keep\ncard_no=4111111111111111".encode()
    for name in available_backends():
        result = engines[name].apply_block(blob, "delete")
        expected, dropped = _per_line(engines[name], blob, "delete")
        assert (result.out, result.dropped) == (expected, dropped)
        assert result.dropped == 2
        assert b"13912345678" not in result.out


def test_block_reaches_a_policy_with_its_own_engine(engines: dict[str, Engine]) -> None:
    policy_module = pytest.importorskip("pimask.policy")
    policy = policy_module.Policy(
        name="own-engine",
        level="display",
        recognizers=policy_module.model.RecognizerSelection(disable=("imei",)),
    )
    blob = (
        "plain line\n手机号13912345678\nimei 490154203237518\nmail zhang.san@example.com".encode()
    )
    for name in FAST:
        own = engines[name].compiled_policy(policy).engine
        assert own is not engines[name]
        result = engines[name].apply_block(blob, policy)
        expected, dropped = _per_line(engines[name], blob, policy)
        assert (result.out, result.dropped) == (expected, dropped), name
        assert b"139****5678" in result.out and b"490154203237518" in result.out


# --------------------------------------------------------------------------- Hypothesis

_NOISE = st.text(
    alphabet=st.sampled_from(
        [*"0123456789abcdefABCDEF:.-_@ =,;\"'()+/%xX手机号身份证卡：，．＠（）\u3000", "\t", "\r"]
    ),
    max_size=14,
)


@st.composite
def _lines(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(_NOISE))
        entity = draw(st.sampled_from(sorted(VALUES)))
        value = draw(VALUES[entity])
        if draw(st.integers(0, 5)) == 0:
            value = to_fullwidth(value)
        parts.append(value)
    parts.append(draw(_NOISE))
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(st.lists(_lines(), min_size=1, max_size=6))
def test_random_text_identical(engines: dict[str, Engine], texts: list[str]) -> None:
    _assert_same(engines, texts)


# --------------------------------------------------------------------------- custom patterns

_CUSTOM = {
    "id": "custom_shapes",
    "entity": "CUSTOM_SHAPE",
    "priority": 5,
    "patterns": [
        {
            "name": "word_digits",
            "regex": r"[A-Za-z]{2}[0-9]{3,}",
            "score": 0.9,
            "boundary": "digit",
        },
        {"name": "ci_key", "regex": r"key-[a-z]{2,4}", "score": 0.9, "ignore_case": True},
        {"name": "negated", "regex": r"<[^> \t]{1,6}>", "score": 0.9},
        {"name": "alternation", "regex": r"(?:ab|cd)-(?:ab|cd)", "score": 0.9},
        {
            "name": "greedy_then_boundary",
            "regex": r"qu[0-9]{2,3}",
            "score": 0.9,
            "boundary": "digit",
        },
        {"name": "inline_flag", "regex": r"(?i:zz)[0-9]", "score": 0.9},
        {"name": "cjk", "regex": r"编号[0-9]{4}", "score": 0.9, "boundary": "digit"},
        {"name": "optional_all", "regex": r"m?n?o", "score": 0.9},
        # a prefilter narrower than the pattern: every backend must skip the same texts
        {"name": "gated", "regex": r"g[0-9]{3}", "score": 0.9, "prefilter": "g[0-4]"},
    ],
}


@pytest.fixture(scope="module")
def custom_engines() -> dict[str, Engine]:
    spec = RecognizerSpec.model_validate(_CUSTOM)
    return {name: Engine(recognizer_files=[spec], backend=name) for name in available_backends()}


_CUSTOM_ALPHABET = st.text(
    alphabet=st.sampled_from(
        [*"abcdgKEYkey-<> \t0123456789quxzmno编号手机KＫ\u212a\u017f１２３ｇ", "\n"]
    ),
    max_size=40,
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_CUSTOM_ALPHABET, min_size=1, max_size=4))
def test_custom_patterns_identical(custom_engines: dict[str, Engine], texts: list[str]) -> None:
    # why: scan() takes multi-line text too; apply_block splits lines itself.
    _assert_same(custom_engines, [t.replace("\n", " ") for t in texts])
    reference = custom_engines["reference"]
    for text in texts:
        for name in FAST:
            assert _full(custom_engines[name].scan(text)) == _full(reference.scan(text))


def test_custom_examples_hit(custom_engines: dict[str, Engine]) -> None:
    texts = [
        "xy12345 KEY-AbC <ab!> ab-ab qu12 编号1234 zz1 o g123",
        "zz9 at start g987",
        "ＫＥＹ－ＡＢ",
    ]
    reference = custom_engines["reference"]
    names = {f.explanation.pattern for t in texts for f in reference.scan(t)}
    assert {"word_digits", "ci_key", "negated", "alternation", "greedy_then_boundary"} <= names
    assert "inline_flag" in names
    assert "gated" in names
    # g987 alone: the prefilter (g[0-4]) is absent, so no backend runs the pattern
    assert not [f for f in reference.scan("zz9 at start g987") if f.explanation.pattern == "gated"]
    _assert_same(custom_engines, texts)


# --------------------------------------------------------------------------- prefilters


def _prefiltered_patterns() -> list:
    from pimask.engine import _builtin
    from pimask.scanner import compile_patterns

    return [p for p in compile_patterns(_builtin()) if p.spec.prefilter is not None]


def test_builtin_prefilters_exist() -> None:
    assert {p.spec.name for p in _prefiltered_patterns()} >= {"ipv6"}


@settings(max_examples=200, deadline=None)
@given(_lines())
def test_builtin_prefilters_hold_inside_every_match(text: str) -> None:
    """A prefilter is a promise: it is found inside every match of its pattern. Checked on
    the match alone (not the line), on text full of generated values of every entity."""
    view = fold(text)
    for pattern in _prefiltered_patterns():
        regex = re.compile(pattern.source, re.IGNORECASE if pattern.spec.ignore_case else 0)
        prefilter = re.compile(pattern.spec.prefilter)
        for match in regex.finditer(view):
            assert prefilter.search(match.group()) is not None, (pattern.spec.name, text)


# --------------------------------------------------------------------------- odd shapes

_ODD = {
    "id": "odd_shapes",
    "entity": "ODD_SHAPE",
    "priority": 5,
    "patterns": [
        # bounded widths over non-ASCII characters: spans must be whole characters
        {"name": "circled", "regex": r"[①-⑳]{1,2}", "score": 0.9},
        {"name": "non_space", "regex": r"[^ \t]{3,5}", "score": 0.9, "prefilter": "q"},
    ],
}


def _engines_for(recognizer: dict) -> dict[str, Engine]:
    """One engine per backend reporting only ``recognizer``'s entity."""
    spec = RecognizerSpec.model_validate(recognizer)
    return {
        name: Engine(recognizer_files=[spec], backend=name, entities=[spec.entity])
        for name in available_backends()
    }


@pytest.fixture(scope="module")
def odd_engines() -> dict[str, Engine]:
    return _engines_for(_ODD)


_ODD_ALPHABET = st.text(
    alphabet=st.sampled_from(
        [*"①⑳x q AＡZIＩDＤ0123456789 ", "\udca0", "\udcb0", "\udcff", "\udce4", "\t"]
    ),
    max_size=30,
)


def test_odd_shapes_examples(odd_engines: dict[str, Engine]) -> None:
    texts = ["①①①\udca0", "xq\udcb0\udcb0\udcb0\udcb0\udcb0 y"]
    reference = odd_engines["reference"]
    assert {f.explanation.pattern for t in texts for f in reference.scan(t)} == {
        "circled",
        "non_space",
    }
    _assert_same(odd_engines, texts)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ODD_ALPHABET, min_size=1, max_size=4))
def test_odd_shapes_identical(odd_engines: dict[str, Engine], texts: list[str]) -> None:
    _assert_same(odd_engines, texts)


def test_full_width_text_a_lookbehind_requires_is_folded() -> None:
    # the built-in case: after_mac's "MAC", where no other MAC pattern folds the line
    mac = {n: Engine(backend=n, entities=["MAC_ADDRESS"]) for n in available_backends()}
    _assert_same(mac, ["ＭAC1e297466e898", "ＭＡＣ1e297466e898 id", "MAC1e297466e898"])
    assert b"e898" not in mac["reference"].apply_block("ＭAC1e297466e898".encode()).out


def test_matches_at_the_very_end_of_the_input() -> None:
    """Matches ending exactly at the end of the input (the Hyperscan backend once missed
    some; kept as a regression test of every engine)."""
    engines = _engines_for(
        {
            "id": "short_tail",
            "entity": "SHORT_TAIL",
            "priority": 5,
            "patterns": [{"name": "z", "regex": r"Z[0-9]{1,2}", "score": 0.9}],
        }
    )
    texts = ["x" * n + " Z0" for n in range(40)]
    for text in texts:
        assert [f.start for f in engines["reference"].scan(text)] == [len(text) - 2]
    _assert_same(engines, texts)  # scan() on each text, apply_block on all (last: no newline)
    for name in FAST:
        for text in texts:
            assert engines[name].apply_block(text.encode()).out.endswith(b" **"), (name, text)
