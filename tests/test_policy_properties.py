"""Hypothesis properties of the built-in policies on synthetic, checksum-valid values."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pimask.engine import Engine
from pimask.keys import load_keys
from pimask.policy import BUILTIN_POLICIES, CompiledPolicy, load_policy
from pimask.verify import verify_lines
from tests.strategies import CONTEXT_WORDS, NOISE, VALUES

ENGINE = Engine()
KEYS = load_keys({"PIMASK_KEY": "properties-key-0123456789"})
COMPILED = {name: CompiledPolicy(load_policy(name), ENGINE, KEYS) for name in BUILTIN_POLICIES}

entity_values = st.sampled_from(sorted(VALUES)).flatmap(
    lambda entity: st.tuples(st.just(entity), VALUES[entity])
)


@st.composite
def records(draw) -> str:
    """A line with 1-3 values, each after a context word, with Chinese noise between."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        entity, value = draw(entity_values)
        parts += [draw(NOISE), draw(st.sampled_from(CONTEXT_WORDS[entity])), "：", value]
    parts.append(draw(NOISE))
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(text=records(), name=st.sampled_from(BUILTIN_POLICIES))
def test_builtin_output_has_no_covered_finding(text, name) -> None:
    result = COMPILED[name].apply(text)
    report = verify_lines([result.text], load_policy(name), ENGINE, check_linking=False)
    assert report.remaining == [], (name, report.remaining)


@settings(max_examples=60, deadline=None)
@given(text=records(), name=st.sampled_from(BUILTIN_POLICIES))
def test_applying_a_builtin_twice_changes_nothing(text, name) -> None:
    once = COMPILED[name].apply(text).text
    assert COMPILED[name].apply(once).text == once


@settings(max_examples=60, deadline=None)
@given(text=records())
def test_default_masking_is_idempotent(text) -> None:
    once = ENGINE.mask(text)
    assert ENGINE.mask(once) == once


@settings(max_examples=60, deadline=None)
@given(data=st.data(), entity=st.sampled_from(sorted(VALUES)))
def test_anonymize_makes_two_people_indistinguishable(data, entity) -> None:
    first, second = data.draw(VALUES[entity]), data.draw(VALUES[entity])
    word = data.draw(st.sampled_from(CONTEXT_WORDS[entity]))
    texts = [f"用户{word}：{value}，已登录" for value in (first, second)]
    findings = [ENGINE.scan(text) for text in texts]
    # only meaningful when both values were found as one whole finding
    assume(
        all(
            len(f) == 1 and f[0].length == len(v)
            for f, v in zip(findings, (first, second), strict=True)
        )
    )
    outputs = {COMPILED["anonymize"].apply(text).text for text in texts}
    assert len(outputs) == 1


@settings(max_examples=40, deadline=None)
@given(text=records())
def test_anonymize_output_has_no_linking_tokens(text) -> None:
    out = COMPILED["anonymize"].apply(text).text
    report = verify_lines([out, out], load_policy("anonymize"), ENGINE)
    assert report.ok, report.to_dict()


@settings(max_examples=40, deadline=None)
@given(text=records())
def test_delete_drops_exactly_the_records_with_findings(text) -> None:
    result = COMPILED["delete"].apply(text)
    assert result.dropped == bool(ENGINE.scan(text))
    assert result.text == ("" if result.dropped else text)


@pytest.mark.parametrize("name", BUILTIN_POLICIES)
def test_builtin_keeps_text_without_findings_byte_for_byte(name) -> None:
    text = "订单号 20231122123456789 已发货\udcff，版本 1.2.3.4"
    assert ENGINE.scan(text) == []
    result = COMPILED[name].apply(text)
    assert result.text == text and not result.dropped and result.actions == []
