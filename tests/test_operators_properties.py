"""Hypothesis properties of operators: never raise, keyed consistency, reversible encryption."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pimask.keys import load_keys
from pimask.operators import (
    DropConfig,
    EncryptConfig,
    GeneralizeConfig,
    MaskConfig,
    PseudonymizeConfig,
    RedactConfig,
    ReplaceConfig,
    TagConfig,
    build_operator,
    reveal_text,
    reveal_value,
)
from pimask.operators.configs import ENCRYPTABLE_ENTITIES
from tests.strategies import DOCUMENT_VALUES, VALUES

KEY_A = load_keys({"PIMASK_KEY": "property-key-a-0123456789"})
KEY_B = load_keys({"PIMASK_KEY": "property-key-b-0123456789", "PIMASK_KEY_ID": "kb"})
ENTITIES = [*sorted(VALUES), "CUSTOM_THING"]
CONFIGS = [
    MaskConfig(),
    MaskConfig(preset="hutool-email"),
    MaskConfig(keep_first=3, keep_last=4),
    TagConfig(template="[{label}]"),
    ReplaceConfig(value="x"),
    RedactConfig(),
    PseudonymizeConfig(),
    EncryptConfig(),
    EncryptConfig(marker=False),
    GeneralizeConfig(),
    GeneralizeConfig(ipv4_prefix=8, ipv6_prefix=16, birth="year", region="none"),
]
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("0123456789０１２３xX-:.@#+ abcdefABCDEF")),
        st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),  # surrogateescape bytes
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(entity=st.sampled_from(ENTITIES), config=st.sampled_from(CONFIGS), value=ANY_TEXT)
def test_operators_never_raise_on_any_value(entity, config, value) -> None:
    operator = build_operator(entity, config, KEY_A)
    assert operator is not None
    assert isinstance(operator(value), str)


def test_drop_is_handled_by_the_engine() -> None:
    assert build_operator("CN_MOBILE", DropConfig(), KEY_A) is None


any_value = st.sampled_from(sorted(VALUES)).flatmap(
    lambda entity: st.tuples(st.just(entity), VALUES[entity])
)


@settings(max_examples=80, deadline=None)
@given(pair=any_value)
def test_pseudonym_equal_for_equal_values_and_differs_across_keys(pair) -> None:
    entity, value = pair
    config = PseudonymizeConfig()
    a1 = build_operator(entity, config, KEY_A)(value)
    a2 = build_operator(entity, config, KEY_A)(value)
    b = build_operator(entity, config, KEY_B)(value)
    assert a1 == a2
    assert a1 != b
    assert a1.split(":")[1] == "k1" and b.split(":")[1] == "kb"


@settings(max_examples=60, deadline=None)
@given(pair=any_value, other=st.data())
def test_pseudonyms_of_different_values_differ(pair, other) -> None:
    from pimask.operators.keyed import canonical

    entity, value = pair
    second = other.draw(VALUES[entity])
    operator = build_operator(entity, PseudonymizeConfig(), KEY_A)
    if canonical(entity, value) != canonical(entity, second):
        assert operator(value) != operator(second)


encryptable = st.sampled_from(sorted(ENCRYPTABLE_ENTITIES)).flatmap(
    lambda entity: st.tuples(st.just(entity), {**VALUES, **DOCUMENT_VALUES}[entity])
)


@settings(max_examples=80, deadline=None)
@given(pair=encryptable, marker=st.booleans())
def test_reveal_of_encrypt_is_identity(pair, marker) -> None:
    entity, value = pair
    out = build_operator(entity, EncryptConfig(marker=marker), KEY_A)(value)
    assert len(out) == len(value) or marker
    if marker:
        assert reveal_text(f"x{out}y", KEY_A) == (f"x{value}y", 1)
    else:
        assert reveal_value(out, entity, KEY_A) == value


@settings(max_examples=60, deadline=None)
@given(
    digits=st.text(alphabet="0123456789", min_size=6, max_size=40),
    separators=st.lists(st.sampled_from([" ", "-"]), max_size=5),
)
def test_encrypt_round_trips_any_digit_string(digits, separators) -> None:
    value = digits
    for i, sep in enumerate(separators):
        cut = (i * 3 + 1) % len(value)
        value = value[:cut] + sep + value[cut:]
    cipher = build_operator("BANK_CARD", EncryptConfig(marker=False), KEY_A)(value)
    assert len(cipher) == len(value)
    assert [c for c in cipher if not c.isdigit()] == [c for c in value if not c.isdigit()]
    assert reveal_value(cipher, "BANK_CARD", KEY_A) == value


@pytest.mark.parametrize("entity", sorted(ENCRYPTABLE_ENTITIES))
def test_encrypt_differs_across_keys(entity) -> None:
    value = {"CN_MOBILE": "13912345678", "BANK_CARD": "6222021234567890128",
             "CN_RESIDENT_ID": "11010519491231002X", "IMEI": "490154203237518",
             "MAC_ADDRESS": "3C:22:FB:1A:2B:3C", "IMSI": "460001234567890",
             "DEVICE_ID": "7d3e1c2a-5b4f-4e6d-8a9b-0c1d2e3f4a5b",
             "GEO_COORDINATES": "39.904211,116.407394", "CN_PASSPORT": "E12345678",
             "CN_TRAVEL_PERMIT": "H0123456700"}[entity]  # fmt: skip
    config = EncryptConfig(marker=False)
    assert build_operator(entity, config, KEY_A)(value) != build_operator(entity, config, KEY_B)(
        value
    )


@pytest.mark.parametrize(
    "value",
    [
        "a" + "0" * 63,  # a 64-hex OAID: twice FF3-1's 32-symbol cap for alphanumerics
        "0123456789abcdef" * 4,
        "f" * 33,  # one symbol over the cap: two chunks of 16 and 17
    ],
)
def test_device_ids_longer_than_one_ff3_message_encrypt_and_reveal(value) -> None:
    operator = build_operator("DEVICE_ID", EncryptConfig(marker=False), KEY_A)
    out = operator(value)
    assert len(out) == len(value) and out != value
    assert reveal_value(out, "DEVICE_ID", KEY_A) == value
    # the second chunk depends on the first: equal tails under different heads differ
    other = operator("b" + value[1:])
    assert other[len(value) // 2 + 1 :] != out[len(value) // 2 + 1 :]
