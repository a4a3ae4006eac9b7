"""Properties of detection and masking over generated synthetic values and noise."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import pimask
from pimask import checksums, reference, validators

from .strategies import CONTEXT_WORDS, NOISE, VALUES, resident_ids, to_fullwidth

ENTITIES = sorted(VALUES)


@pytest.mark.parametrize("entity", ENTITIES)
@given(data=st.data())
def test_valid_value_in_noise_is_found_with_exact_span(entity: str, data: st.DataObject) -> None:
    engine = pimask.default_engine()
    value = data.draw(VALUES[entity], label="value")
    if data.draw(st.booleans(), label="fullwidth"):
        value = to_fullwidth(value)
    before = data.draw(NOISE, label="before") + data.draw(st.sampled_from(CONTEXT_WORDS[entity]))
    separator = data.draw(st.sampled_from(["", "：", ":", " ", "是"]), label="separator")
    after = data.draw(NOISE, label="after")
    text = before + separator + value + after
    start = len(before) + len(separator)
    spans = [(f.start, f.end) for f in engine.scan(text) if f.entity == entity]
    assert (start, start + len(value)) in spans


@given(resident_ids(), st.integers(1, 10), NOISE, NOISE)
def test_wrong_check_digit_is_not_a_resident_id(
    value: str, shift: int, before: str, after: str
) -> None:
    check_chars = "0123456789X"
    wrong = check_chars[(check_chars.index(value[-1].upper()) + shift) % 11]
    bad = value[:-1] + wrong
    # without a strong key the check decides; right after one the value is still reported
    # (verdict invalid), unless strong keys are switched off
    text = f"{before}用户 {bad} 已登记{after}"
    assert [f for f in pimask.scan(text) if f.entity == "CN_RESIDENT_ID"] == []
    keyed = f"{before}。身份证号{bad}{after}"
    start = keyed.index(bad)
    found = [f for f in pimask.scan(keyed) if f.entity == "CN_RESIDENT_ID"]
    assert [(f.start, f.end, f.explanation.verdict) for f in found] == [
        (start, start + len(bad), "invalid")
    ]
    off = pimask.Engine(strong_keys=False)
    assert [f for f in off.scan(keyed) if f.entity == "CN_RESIDENT_ID"] == []


@given(VALUES["BANK_CARD"], st.integers(1, 9))
def test_wrong_luhn_digit_is_not_a_bank_card(value: str, delta: int) -> None:
    wrong_last = str((int(value[-1]) + delta) % 10)
    bad = value[:-1] + wrong_last
    assert [f for f in pimask.scan(f"转账 {bad} 失败") if f.entity == "BANK_CARD"] == []
    found = [f for f in pimask.scan(f"银行卡号{bad}") if f.entity == "BANK_CARD"]
    assert [(f.start, f.explanation.verdict) for f in found] == [(4, "invalid")]
    off = pimask.Engine(strong_keys=False)
    assert [f for f in off.scan(f"银行卡号{bad}") if f.entity == "BANK_CARD"] == []


@given(st.text(alphabet="0123456789", min_size=14, max_size=14), st.integers(1, 9))
def test_wrong_luhn_digit_is_not_an_imei(payload: str, delta: int) -> None:
    check = int(checksums.luhn_check_digit(payload))
    text = f"IMEI:{payload}{(check + delta) % 10}"
    assert [f for f in pimask.scan(text) if f.entity == "IMEI"] == []


@pytest.mark.parametrize("name", sorted(validators.VALIDATORS))
@given(text=st.text(max_size=40))
def test_validators_never_raise(name: str, text: str) -> None:
    verdict = validators.VALIDATORS[name](text)
    assert verdict.status in ("valid", "invalid", "unknown")


@pytest.mark.parametrize("name", sorted(validators.VALIDATORS))
def test_validators_reject_non_strings(name: str) -> None:
    for junk in (None, 123, b"13912345678", ["x"]):
        assert validators.run(name, junk).status == "invalid"  # type: ignore[arg-type]


@given(data=st.data())
def test_masking_is_idempotent(data: st.DataObject) -> None:
    parts = []
    for _ in range(data.draw(st.integers(1, 4))):
        entity = data.draw(st.sampled_from(ENTITIES))
        parts.append(data.draw(NOISE) + CONTEXT_WORDS[entity][0] + data.draw(VALUES[entity]))
    text = "".join(parts) + data.draw(NOISE)
    once = pimask.mask(text)
    assert pimask.mask(once) == once


@given(data=st.data())
def test_masking_removes_every_finding(data: st.DataObject) -> None:
    entity = data.draw(st.sampled_from(ENTITIES))
    value = data.draw(VALUES[entity])
    text = CONTEXT_WORDS[entity][0] + "：" + value + "。"
    masked = pimask.mask(text)
    assert value not in masked
    assert pimask.scan(masked) == []


@given(st.text(max_size=200))
def test_scan_never_raises_and_spans_are_sane(text: str) -> None:
    findings = pimask.scan(text)
    previous_end = 0
    for finding in findings:
        assert 0 <= previous_end <= finding.start < finding.end <= len(text)
        previous_end = finding.end
    assume(True)


# --------------------------------------------------------------------------- ID shapes


def _id_patterns() -> dict[str, re.Pattern[str]]:
    from pimask.engine import _builtin

    spec = next(r for r in _builtin() if r.id == "cn_resident_id")
    return {p.name: re.compile(p.regex) for p in spec.patterns}


@settings(max_examples=300, deadline=None)
@given(resident_ids())
def test_every_valid_id_has_the_id18_shape(value: str) -> None:
    """The id18 regex spells out province, year, month and day: it must never be stricter
    than the validator, or valid IDs would stop being candidates."""
    assert validators.cn_resident_id(value).status == "valid"
    patterns = _id_patterns()
    assert patterns["id18"].fullmatch(value)
    spaced = f"{value[:6]} {value[6:14]} {value[14:]}"
    assert patterns["id18_spaced"].fullmatch(spaced)
    legacy = value[:6] + value[8:17]  # the same person's 15-digit number: YYMMDD, no check
    if validators.cn_resident_id(legacy).status == "valid":
        assert patterns["id15_legacy"].fullmatch(legacy)


@pytest.mark.parametrize("code", [f"{n:02d}" for n in range(10, 100)])
def test_id_province_codes_in_the_regex_match_the_reference_list(code: str) -> None:
    first17 = code + "0105" + "19851120" + "104"
    value = first17 + checksums.gb11643_check_char(first17)
    assert bool(_id_patterns()["id18"].fullmatch(value)) == (code in reference.PROVINCES)
