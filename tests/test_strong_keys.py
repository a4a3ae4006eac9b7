"""Strong keys: a value of an entity's shape right after one is reported even when its
check fails (verdict "invalid" in the explanation); without such a key the check decides.

The recognizer files hold the examples (match / no_match); these tests pin what the rule
promises around them: the score the default threshold masks, the verdict and reason, the
same behaviour in ``mask``, ``scan`` and ``check``, and the switch that turns it off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pimask
from pimask.cli import main
from pimask.errors import ConfigError
from pimask.recognizers import parse_recognizer

BACKENDS = ["native", "reference"]

# (text, entity, value, validator reason): every check here fails on purpose
ISSUE_CASES = [
    ("身份证号：440301199003071234", "CN_RESIDENT_ID", "440301199003071234", "check_digit"),
    ('"idcard":"110101199003077777"', "CN_RESIDENT_ID", "110101199003077777", "check_digit"),
    ("银行卡6217 0000 1234 5678 901", "BANK_CARD", "6217 0000 1234 5678 901", "luhn"),
    ("card=411111111111111118", "BANK_CARD", "411111111111111118", None),
    ("card=999999999999999997&x=1", "BANK_CARD", "999999999999999997", None),
]
LOOK_ALIKES = [
    "user 440301199003071234 ok",
    "订单号440301199003071234",
    "card_hash=999999999999999997",
    "/idcard/440301199003071234",
    "转账6222021234567890129失败",
    "手机号14012345678",  # CN_MOBILE has no strong keys
    "IMEI:490154203237519",  # nor has IMEI
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("text", "entity", "value", "reason"), ISSUE_CASES)
def test_a_failed_check_after_a_strong_key_is_reported_with_its_verdict(
    backend: str, text: str, entity: str, value: str, reason: str | None
) -> None:
    engine = pimask.Engine(backend=backend)
    [finding] = engine.scan(text)
    assert (finding.entity, text[finding.start : finding.end]) == (entity, value)
    assert finding.score == 0.6 >= engine.min_score
    assert finding.explanation.verdict == "invalid"
    if reason is not None:
        assert finding.explanation.reason == reason
    assert [hit.polarity for hit in finding.explanation.context] == ["positive"]
    assert value not in engine.mask(text)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_without_a_strong_key_stay_unreported(backend: str, text: str) -> None:
    assert pimask.Engine(backend=backend).scan(text) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_switch_turns_the_rule_off_and_keeps_valid_values(backend: str) -> None:
    engine = pimask.Engine(backend=backend, strong_keys=False)
    for text, *_ in ISSUE_CASES:
        assert engine.scan(text) == []
    assert len(engine.scan("身份证号：11010519491231002X")) == 1


def test_a_policy_with_its_own_recognizers_keeps_the_switch(tmp_path: Path) -> None:
    from pimask.policy import load_policy

    path = tmp_path / "p.yaml"
    path.write_text(
        "name: fixtures\nlevel: display\nrecognizers:\n  disable: [imei]\n", encoding="utf-8"
    )
    policy = load_policy(str(path))
    text = "身份证号：440301199003071234"
    off = pimask.Engine(strong_keys=False)
    assert off.compiled_policy(policy).engine.strong_keys is False
    assert off.apply(text, policy).text == text
    assert pimask.Engine().apply(text, policy).text != text


def test_a_strong_word_must_also_be_a_word() -> None:
    text = """
id: emp
entity: EMPLOYEE_ID
patterns: [{name: e, regex: 'EMP[0-9]{6}', score: 0.9}]
context: {words: [工号], strong: [员工号]}
"""
    with pytest.raises(ConfigError, match="strong words must also be listed in words"):
        parse_recognizer(text, "emp.yaml")


def test_mask_scan_and_check_agree_and_the_cli_switch_turns_it_off(tmp_path: Path, capsys) -> None:
    source = tmp_path / "fixture.log"
    source.write_text("身份证号：440301199003071234\n", encoding="utf-8")
    target = tmp_path / "out.log"
    assert main(["mask", str(source), "-o", str(target)]) == 0
    assert "440301199003071234" not in target.read_text(encoding="utf-8")
    assert main(["mask", "--no-strong-keys", str(source), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["scan", "--format", "jsonl", "--explain", str(source)]) == 1
    row = json.loads(capsys.readouterr().out)
    assert row["entity"] == "CN_RESIDENT_ID"
    assert row["explanation"]["verdict"] == "invalid"
    assert main(["scan", "--no-strong-keys", str(source)]) == 0
    capsys.readouterr()
    assert main(["check", str(source)]) == 1
    assert main(["check", "--no-strong-keys", str(source)]) == 0
