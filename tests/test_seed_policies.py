"""The acceptance test of the policy system: each example policy in docs/policies/ encodes a
promise from one of the five seed privacy policies, and sample data run through it keeps it.
"""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path

import pytest
import yaml

from pimask.engine import Engine
from pimask.errors import ConfigError
from pimask.keys import load_keys
from pimask.operators import reveal_text
from pimask.policy import CompiledPolicy, load_policy
from pimask.verify import verify_lines

POLICIES = Path(__file__).resolve().parents[1] / "docs" / "policies"
SEEDS = Path(os.environ.get("PIMASK_SEEDS", "/work/shared/seeds"))
KEYS = load_keys({"PIMASK_KEY": "seed-policy-test-key-0123456789"})
OTHER_KEYS = load_keys({"PIMASK_KEY": "a-different-key-0123456789ab"})  # same id "k1"
ENGINE = Engine()

SAMPLE = [
    "10:00:01 INFO login user_phone=13912345678 ip=10.24.3.17 email=zhang.san@example.com",
    "10:00:05 INFO pay user_phone=139-1234-5678 card=6222021234567890128 amount=99.00",
    "10:01:00 INFO kyc id_card=11010519491231002X phone=15812345678 bank_card=4111111111111111",
    "10:02:00 INFO device imei=490154203237518 mac=3C:22:FB:1A:2B:3C ip=10.24.3.99",
    "10:02:30 INFO kyc id_card=440308199901011234 phone=+86 186 1234 5678 imei=352099001761481",
    "10:03:00 INFO health check ok latency=12ms order_id=20250720100300123",
    "10:04:00 INFO 客服 support@cloudcsp.com 热线 400-181-6806 邮箱 leaflow@lifergroup.com",
]  # fmt: skip
# The personal values in SAMPLE, and the fragments a partial mask would leave of them.
PERSONAL = ["13912345678", "15812345678", "18612345678", "6222021234567890128",
            "4111111111111111", "11010519491231002X", "440308199901011234", "490154203237518",
            "352099001761481", "3C:22:FB:1A:2B:3C", "zhang.san@example.com"]  # fmt: skip
TAILS = ["5678", "0128", "1111", "002X", "1234", "7518", "1481", "zhang.san"]


def run(name: str, keys=KEYS) -> list[str]:
    compiled = CompiledPolicy(load_policy(POLICIES / f"{name}.yaml"), ENGINE, keys)
    return [compiled.apply(line).text for line in SAMPLE]


def digits(text: str) -> str:
    return re.sub(r"[^0-9Xx]", "", text)


def assert_no_personal_value(lines: list[str]) -> None:
    joined = "\n".join(lines)
    compact = digits(joined)
    for value in PERSONAL:
        assert value not in joined
        if len(digits(value)) >= 11:
            assert digits(value) not in compact, value


def test_every_example_policy_loads_and_quotes_its_promise() -> None:
    files = sorted(POLICIES.glob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        policy = load_policy(path)
        assert policy.promise is not None and policy.promise.source, path.name
        assert policy.description, path.name


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed privacy policies not available")
def test_promises_are_verbatim_quotes_of_the_seed_policies() -> None:
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    for path in sorted(POLICIES.glob("*.yaml")):
        quote = yaml.safe_load(path.read_text(encoding="utf-8"))["promise"]["text"]
        assert quote in seeds, path.name


# --- Leaflow: analysis data 去标识化或聚合 -----------------------------------------------


def test_leaflow_analytics_is_deidentified_or_aggregated_and_still_joins() -> None:
    out = run("leaflow-analytics")
    assert_no_personal_value(out)
    for tail in TAILS:
        assert not any(tail in line for line in out), tail  # no original fragments
    assert verify_lines(out, load_policy(POLICIES / "leaflow-analytics.yaml"), ENGINE).ok
    # one user (two spellings of one phone) is one pseudonym, so usage analysis still joins
    token = re.search(r"user_phone=(<CN_MOBILE:k1:[0-9a-f]{12}>)", out[0])
    assert token and token.group(1) in out[1]
    assert token.group(1) not in out[2]  # a different user is a different pseudonym
    # aggregated: card → issuer, IP → /24 network
    assert "card=<BANK_CARD:中国工商银行>" in out[1] and "<IP_ADDRESS:10.24.3.*>" in out[3]
    assert "leaflow@lifergroup.com" in out[6]  # the company's own address is not personal
    assert out[5] == SAMPLE[5]


def test_leaflow_analytics_refuses_to_run_without_its_key(monkeypatch) -> None:
    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    with pytest.raises(ConfigError, match="PIMASK_KEY"):
        Engine().apply(SAMPLE[0], POLICIES / "leaflow-analytics.yaml")


# --- Leaflow: bank card only partially visible (部分脱敏信息) ----------------------------


def test_leaflow_billing_shows_cards_only_partially() -> None:
    out = run("leaflow-billing-display")
    assert "card=622202*********0128" in out[1]
    assert "bank_card=411111******1111" in out[2]
    for line in out:
        for card in re.findall(r"card=([0-9*]+)", line):
            assert sum(ch.isdigit() for ch in card) <= 10  # at most BIN + last 4
    assert "6222021234567890128" not in "".join(out)
    policy = load_policy(POLICIES / "leaflow-billing-display.yaml")
    assert verify_lines(out, policy, ENGINE).ok
    assert "imei=490154203237518" in out[3]  # not covered by this display policy


# --- 灵境云: analytics only on 匿名化处理后的综合信息和统计性信息 ------------------------


def test_lingjing_analytics_is_anonymous_and_still_counts() -> None:
    out = run("lingjing-analytics")
    assert_no_personal_value(out)
    policy = load_policy(POLICIES / "lingjing-analytics.yaml")
    report = verify_lines(out, policy, ENGINE)
    assert report.ok and report.linking == [], report.to_dict()
    # statistics still work on the classes: carriers, provinces, email domains
    carriers = collections.Counter(re.findall(r"<CN_MOBILE:([^>]+)>", "\n".join(out)))
    assert carriers == {"中国移动": 3, "中国联通": 1}
    assert "<CN_RESIDENT_ID:北京/1940s/女>" in out[2] and "<CN_RESIDENT_ID:广东/1990s/男>" in out[4]
    assert "<IP_ADDRESS:10.24.*.*>" in out[0] and "<EMAIL:@example.com>" in out[0]
    # the company's hotline and support address are kept (allowlist)
    assert "support@cloudcsp.com" in out[6] and "400-181-6806" in out[6]


def test_lingjing_two_people_in_one_class_are_indistinguishable() -> None:
    policy = load_policy(POLICIES / "lingjing-analytics.yaml")
    a = ENGINE.apply("phone=13912345678 id_card=11010519491231002X", policy).text
    b = ENGINE.apply("phone=13812345679 id_card=110101194507070020", policy).text
    assert a == b  # same carrier, province, decade and sex: nothing tells them apart


# --- 须云: 6个月后将删除您的用户信息 ---------------------------------------------------


def test_xuyun_retention_deletes_every_record_with_personal_information() -> None:
    policy = load_policy(POLICIES / "xuyun-retention.yaml")
    results = [ENGINE.apply(line, policy) for line in SAMPLE]
    kept = [r.text for r in results if not r.dropped]
    assert kept == [SAMPLE[5]]  # the only record without personal information, unchanged
    assert all(r.text == "" for r in results if r.dropped)
    assert verify_lines(kept, policy, ENGINE).ok


# --- 环界云: cross-border 去标识化处理、加密传输 ----------------------------------------


def test_huanjie_crossborder_is_deidentified_and_reversible_only_with_the_key() -> None:
    out = run("huanjie-crossborder")
    assert_no_personal_value(out)
    policy = load_policy(POLICIES / "huanjie-crossborder.yaml")
    assert verify_lines(out, policy, ENGINE).ok
    phones = re.findall(r"<enc:CN_MOBILE:k1:([^>~]+)~[0-9a-f]{8}>", "\n".join(out))
    assert len(phones) == 4
    # format-preserving: still 11 digits (after the +86 prefix), separators in place
    assert all(len(digits(p.removeprefix("+86 "))) == 11 for p in phones)
    assert re.fullmatch(r"\+86 \d{3} \d{4} \d{4}", phones[3])
    assert phones[0] == phones[1].replace("-", "")  # same person, same ciphertext
    restored = [reveal_text(line, KEYS)[0] for line in out]
    assert "user_phone=13912345678" in restored[0] and "+86 186 1234 5678" in restored[4]
    # without the key (same id, other secret): refused, never a wrong "plaintext"
    with pytest.raises(ConfigError, match="key check failed"):
        reveal_text(out[0], OTHER_KEYS)
    assert re.search(r"id_card=<CN_RESIDENT_ID:k1:[0-9a-f]{12}>", out[2])
    assert "<IP_ADDRESS:10.24.3.*>" in out[0]


# --- 花支优品: 信息展示、信息关联计算 use 数据脱敏技术 ------------------------------------


def test_huazhi_display_masks_for_staff_and_pseudonymizes_devices() -> None:
    out = run("huazhi-display")
    assert_no_personal_value(out)
    policy = load_policy(POLICIES / "huazhi-display.yaml")
    assert verify_lines(out, policy, ENGINE).ok
    assert "user_phone=139****5678" in out[0] and "user_phone=139-****-5678" in out[1]
    assert "id_card=1***************2X" in out[2]
    assert "card=6222***********0128" in out[1]
    imei = re.search(r"imei=(<IMEI:k1:[0-9a-f]{12}>)", out[3])
    assert imei is not None
    again = CompiledPolicy(policy, ENGINE, KEYS).apply("imei=490154203237518 again").text
    assert imei.group(1) in again  # 关联计算: the same device links across records
    assert (
        "yikai@yikaionline.com"
        in CompiledPolicy(policy, ENGINE, KEYS).apply("邮箱 yikai@yikaionline.com").text
    )


@pytest.mark.parametrize("path", sorted(POLICIES.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_policies_are_idempotent(path) -> None:
    compiled = CompiledPolicy(load_policy(path), ENGINE, KEYS)
    for line in SAMPLE:
        once = compiled.apply(line)
        if not once.dropped:
            assert compiled.apply(once.text).text == once.text
