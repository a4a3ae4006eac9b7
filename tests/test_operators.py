"""Each operator on the written forms of each entity: exact outputs and the rules behind them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pimask.keys import load_keys
from pimask.operators import (
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

KEYS = load_keys({"PIMASK_KEY": "test-key-0123456789abcdef"})
OTHER = load_keys({"PIMASK_KEY": "other-key-0123456789abcdef", "PIMASK_KEY_ID": "k2"})


def run(entity: str, config, value: str, keys=KEYS) -> str:
    operator = build_operator(entity, config, keys)
    assert operator is not None
    return operator(value)


@pytest.mark.parametrize(
    ("entity", "config", "value", "expected"),
    [
        ("BANK_CARD", MaskConfig(preset="first6-last4"), "6222 0212 3456 7890 128",
         "6222 02** **** ***0 128"),
        ("BANK_CARD", MaskConfig(preset="hutool-bank-card"), "6222021234567890128",
         "6222***********0128"),
        ("CN_MOBILE", MaskConfig(preset="hutool-mobile"), "139-1234-5678", "139-****-5678"),
        ("CN_MOBILE", MaskConfig(preset="hutool-mobile"), "+86 13912345678", "+86 139****5678"),
        ("CN_MOBILE", MaskConfig(keep_first=0, keep_last=4, char="#"), "13912345678",
         "#######5678"),
        ("CN_RESIDENT_ID", MaskConfig(preset="hutool-id-card"), "11010519491231002X",
         "1***************2X"),
        ("EMAIL", MaskConfig(preset="hutool-email"), "zhang.san@example.com",
         "z********@example.com"),
        ("MAC_ADDRESS", MaskConfig(preset="full"), "3C:22:FB:1A:2B:3C", "**:**:**:**:**:**"),
        ("CN_MOBILE", MaskConfig(), "13912345678", "139****5678"),
    ],
    ids=["card-first6-last4", "card-hutool", "mobile-hyphens", "mobile-+86", "mobile-last4-hash",
         "id-hutool", "email-hutool", "mac-full", "default-display"],
)  # fmt: skip
def test_mask_keeps_separators_in_place(entity, config, value, expected) -> None:
    assert run(entity, config, value) == expected


def test_mask_config_rejects_preset_and_counts_together() -> None:
    with pytest.raises(ValidationError, match="either preset or keep_first"):
        MaskConfig(preset="last4", keep_first=1)


def test_mask_config_rejects_unknown_preset_and_data_char() -> None:
    with pytest.raises(ValidationError, match="unknown mask preset"):
        MaskConfig(preset="hutool")
    with pytest.raises(ValidationError, match="letter or digit"):
        MaskConfig(char="x")


def test_tag_replace_redact() -> None:
    assert run("CN_MOBILE", TagConfig(), "13912345678") == "<CN_MOBILE>"
    assert run("CN_MOBILE", TagConfig(template="[{label}]"), "13912345678") == "[手机号]"
    assert run("EMAIL", ReplaceConfig(value="[已隐藏]"), "a@b.cn") == "[已隐藏]"
    assert run("EMAIL", RedactConfig(), "a@b.cn") == ""


def test_tag_template_rejects_unknown_placeholders() -> None:
    with pytest.raises(ValidationError, match="unknown placeholder"):
        TagConfig(template="<{value}>")  # would write the value back out


def test_pseudonym_token_shape_and_consistency_across_spellings() -> None:
    config = PseudonymizeConfig()
    token = run("CN_MOBILE", config, "13912345678")
    assert token.startswith("<CN_MOBILE:k1:") and len(token) == len("<CN_MOBILE:k1:>") + 12
    for spelling in ("139-1234-5678", "+86 139 1234 5678", "１３９１２３４５６７８"):
        assert run("CN_MOBILE", config, spelling) == token
    assert run("CN_MOBILE", config, "13912345679") != token


def test_pseudonym_differs_across_keys_and_entities_and_names_its_key() -> None:
    config = PseudonymizeConfig(digest_chars=8)
    mine = run("CN_MOBILE", config, "13912345678")
    theirs = run("CN_MOBILE", config, "13912345678", OTHER)
    assert mine != theirs and theirs.startswith("<CN_MOBILE:k2:")
    assert run("IMEI", config, "13912345678")[6:] != mine[11:]


def test_pseudonym_is_not_an_unkeyed_hash() -> None:
    import hashlib

    token = run("CN_MOBILE", PseudonymizeConfig(digest_chars=64), "13912345678")
    digest = token.rsplit(":", 1)[1].rstrip(">")
    assert digest != hashlib.sha256(b"13912345678").hexdigest()


@pytest.mark.parametrize(
    ("entity", "value"),
    [
        ("CN_MOBILE", "13912345678"),
        ("CN_MOBILE", "+86 139-1234-5678"),
        ("BANK_CARD", "6222 0212 3456 7890 128"),
        ("BANK_CARD", "4111111111111111"),
        ("CN_RESIDENT_ID", "11010519491231002X"),
        ("IMEI", "49-015420-323751-8"),
        ("MAC_ADDRESS", "3C:22:fb:1A:2b:3C"),
        ("CN_MOBILE", "１３９１２３４５６７８"),
    ],
)
def test_encrypt_preserves_format_and_reveals(entity, value) -> None:
    bare = run(entity, EncryptConfig(marker=False), value)
    assert bare != value
    assert len(bare) == len(value)
    for original, cipher in zip(value, bare, strict=True):
        # digits stay digits (hex stays hex), everything else stays exactly where it was
        assert original.isdigit() == cipher.isdigit() or entity == "MAC_ADDRESS"
        if not original.isalnum():
            assert cipher == original
    assert reveal_value(bare, entity, KEYS) == value
    marked = run(entity, EncryptConfig(), value)
    assert marked == f"<enc:{entity}:k1:{bare}~{KEYS.current.check}>"
    assert reveal_text(f"电话{marked}。", KEYS) == (f"电话{value}。", 1)


def test_encrypt_phone_stays_eleven_digits() -> None:
    cipher = run("CN_MOBILE", EncryptConfig(marker=False), "13912345678")
    assert len(cipher) == 11 and cipher.isascii() and cipher.isdigit()


def test_reveal_needs_the_right_key() -> None:
    marked = run("CN_MOBILE", EncryptConfig(), "13912345678", OTHER)
    from pimask.errors import ConfigError

    with pytest.raises(ConfigError, match="no key with id 'k2'"):
        reveal_text(marked, KEYS)
    assert reveal_text(marked, OTHER)[0] == "13912345678"


def test_encrypt_too_short_is_tagged_not_leaked() -> None:
    assert run("CN_MOBILE", EncryptConfig(), "12345") == "<CN_MOBILE>"


def test_encrypt_refuses_entities_it_cannot_preserve() -> None:
    assert EncryptConfig().entity_problem("EMAIL") is not None
    assert EncryptConfig().entity_problem("CN_MOBILE") is None


@pytest.mark.parametrize(
    ("entity", "config", "value", "expected"),
    [
        ("CN_RESIDENT_ID", GeneralizeConfig(), "11010519491231002X",
         "<CN_RESIDENT_ID:北京/1940s/女>"),
        ("CN_RESIDENT_ID", GeneralizeConfig(), "440308199901011234",
         "<CN_RESIDENT_ID:广东/1990s/男>"),
        ("CN_RESIDENT_ID", GeneralizeConfig(birth="year", sex=False), "32010219851120104x",
         "<CN_RESIDENT_ID:江苏/1985>"),
        ("CN_RESIDENT_ID", GeneralizeConfig(), "110105491231003", "<CN_RESIDENT_ID:北京/1940s/男>"),
        ("IP_ADDRESS", GeneralizeConfig(), "10.24.3.17", "<IP_ADDRESS:10.24.3.*>"),
        ("IP_ADDRESS", GeneralizeConfig(ipv4_prefix=16), "10.24.3.17", "<IP_ADDRESS:10.24.*.*>"),
        ("IP_ADDRESS", GeneralizeConfig(), "2001:db8:85a3::8a2e:370:7334",
         "<IP_ADDRESS:2001:db8:85a3:*>"),
        ("EMAIL", GeneralizeConfig(), "Zhang.San@Example.COM", "<EMAIL:@example.com>"),
        ("BANK_CARD", GeneralizeConfig(), "6222 0212 3456 7890 128", "<BANK_CARD:中国工商银行>"),
        ("BANK_CARD", GeneralizeConfig(), "4111111111111111", "<BANK_CARD:Visa>"),
        ("CN_MOBILE", GeneralizeConfig(), "+86 139-1234-5678", "<CN_MOBILE:中国移动>"),
        ("CN_MOBILE", GeneralizeConfig(template="{label}"), "18612345678", "中国联通"),
        ("IMEI", GeneralizeConfig(), "490154203237518", "<IMEI>"),
        ("CN_RESIDENT_ID", GeneralizeConfig(region="none", birth="none", sex=False),
         "11010519491231002X", "<CN_RESIDENT_ID>"),
    ],
    ids=["id-x", "id-male", "id-year", "id-15", "ipv4-24", "ipv4-16", "ipv6-48", "email",
         "card-bin", "card-network", "mobile", "mobile-bare", "imei-tag", "id-nothing-kept"],
)  # fmt: skip
def test_generalize(entity, config, value, expected) -> None:
    assert run(entity, config, value) == expected


def test_generalized_output_never_rescans_as_the_entity(engine) -> None:
    outputs = [
        run("IP_ADDRESS", GeneralizeConfig(), "10.24.3.17"),
        run("IP_ADDRESS", GeneralizeConfig(ipv6_prefix=112), "2001:db8:85a3::8a2e:370:7334"),
        run("EMAIL", GeneralizeConfig(), "zhang.san@example.com"),
    ]
    for output in outputs:
        assert engine.scan(f"登录IP {output} 邮箱") == []


def test_drop_has_no_function() -> None:
    from pimask.operators import DropConfig

    assert build_operator("CN_MOBILE", DropConfig(), None) is None
