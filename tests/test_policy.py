"""Policy files: loading, level rules, error messages, and Engine.apply with a policy."""

from __future__ import annotations

import textwrap

import pytest

import pimask
from pimask.cli import main
from pimask.engine import Engine
from pimask.errors import ConfigError
from pimask.keys import load_keys
from pimask.policy import BUILTIN_POLICIES, CompiledPolicy, Policy, load_policy, parse_policy

KEY = "policy-test-key-0123456789"
LINE = "手机 13912345678，身份证 11010519491231002X，邮箱 zhang.san@example.com"


@pytest.fixture
def key_env(monkeypatch):
    monkeypatch.setenv("PIMASK_KEY", KEY)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)


def write(tmp_path, text: str, name: str = "policy.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", BUILTIN_POLICIES)
def test_builtins_load_and_name_their_level(name) -> None:
    policy = load_policy(name)
    assert policy.level == name and policy.name == name


def test_load_policy_returns_policy_objects_unchanged_and_caches_files(tmp_path) -> None:
    policy = load_policy("anonymize")
    assert load_policy(policy) is policy
    assert load_policy("anonymize") is policy
    path = write(tmp_path, "name: p\nlevel: anonymize\n")
    assert load_policy(path) is load_policy(str(path))


# A table of broken policies: each must fail at load time with a message naming the
# file, the line and the field / entity, and the CLI must exit 2 without a traceback.
BROKEN = [
    ("pseudonym-in-anonymize",
     "name: p\nlevel: anonymize\noperators:\n  CN_MOBILE: {type: pseudonymize}\n",
     ":4: operators.CN_MOBILE: pseudonymize cannot keep level 'anonymize'", "linkable"),
    ("encrypt-in-anonymize",
     "name: p\nlevel: anonymize\noperators:\n  BANK_CARD: {type: encrypt}\n",
     ":4: operators.BANK_CARD: encrypt cannot keep level 'anonymize'", "reversible"),
    ("partial-mask-in-deidentify",
     "name: p\nlevel: deidentify\noperators:\n  BANK_CARD: {type: mask, preset: first6-last4}\n",
     ":4: operators.BANK_CARD: mask cannot keep level 'deidentify'", "fragments"),
    ("keep-last-in-deidentify",
     "name: p\nlevel: deidentify\noperators:\n  default: {type: mask, keep_last: 4}\n",
     ":4: operators.default: mask cannot keep level 'deidentify'", "fragments"),
    ("mask-in-anonymize",
     "name: p\nlevel: anonymize\noperators:\n  CN_MOBILE: {type: mask, preset: full}\n",
     "operators.CN_MOBILE: mask cannot keep level 'anonymize'", "length"),
    ("fine-ipv4-in-anonymize",
     "name: p\nlevel: anonymize\noperators:\n  IP_ADDRESS: {type: generalize, ipv4_prefix: 24}\n"
     "  CN_RESIDENT_ID: {type: generalize, birth: year}\n",
     ":5: operators.CN_RESIDENT_ID: generalize cannot keep level 'anonymize'", "birth: year"),
    ("ipv6-too-fine",
     "name: p\nlevel: anonymize\noperators:\n  IP_ADDRESS: {type: generalize, ipv6_prefix: 64}\n",
     "operators.IP_ADDRESS: generalize", "/64 is too fine"),
    ("ipv4-32-not-offered",
     "name: p\nlevel: display\noperators:\n  IP_ADDRESS: {type: generalize, ipv4_prefix: 32}\n",
     ":4: operators.IP_ADDRESS.ipv4_prefix:", "Input should be 8, 16 or 24"),
    ("tag-in-delete",
     "name: p\nlevel: delete\noperators:\n  default: {type: tag}\n",
     ":4: operators.default: tag cannot keep level 'delete'", "only 'drop'"),
    ("unknown-entity",
     "name: p\nlevel: anonymize\noperators:\n  CN_MOBLE: {type: tag}\n",
     ":4: operators.CN_MOBLE: unknown entity CN_MOBLE", "known: BANK_CARD"),
    ("unknown-entity-in-list",
     "name: p\nlevel: anonymize\nentities: [CN_MOBILE, PASSPORT]\n",
     ":3: entities[1]: unknown entity PASSPORT", "CN_MOBILE"),
    ("operator-for-uncovered",
     "name: p\nlevel: anonymize\nentities: [CN_MOBILE]\noperators:\n  EMAIL: {type: tag}\n",
     ":5: operators.EMAIL: EMAIL has an operator but is not in 'entities'", "never run"),
    ("unknown-operator",
     "name: p\nlevel: anonymize\noperators:\n  EMAIL: {type: hash}\n",
     ":4: operators.EMAIL: unknown operator type", "pseudonymize"),
    ("missing-type",
     "name: p\nlevel: anonymize\noperators:\n  EMAIL: {template: x}\n",
     ":4: operators.EMAIL: missing 'type'", "tag"),
    ("typo-field",
     "name: p\nlevel: display\noperators:\n  EMAIL: {type: mask, keep_frist: 1}\n",
     ":4: operators.EMAIL.keep_frist: unknown field", "typo"),
    ("entities-not-a-list",
     "name: p\nlevel: anonymize\nentities: CN_MOBILE\n",
     ":3: entities: write 'all' or a list of entity names", "[CN_MOBILE]"),
    ("unknown-level",
     "name: p\nlevel: pseudonymous\n", ":2: level:", "'display', 'deidentify'"),
    ("missing-level", "name: p\n", ": level: Field required", ""),
    ("key-in-policy",
     "name: p\nlevel: deidentify\nkey: abcdef0123456789abcdef\n", ":3: key: unknown field", ""),
    ("encrypt-email",
     "name: p\nlevel: deidentify\noperators:\n  EMAIL: {type: encrypt}\n",
     ":4: operators.EMAIL: encrypt keeps the format of digit-shaped values only", "pseudonymize"),
    # why: a list of entities, so the first entity encrypt refuses stays EMAIL whatever
    # entities other recognizers add (CN_LICENSE_PLATE sorts before it)
    ("default-encrypt-covers-email",
     "name: p\nlevel: deidentify\nentities: [CN_MOBILE, EMAIL]\noperators:\n"
     "  default: {type: encrypt}\n",
     ":5: operators.default: for EMAIL: encrypt keeps the format", ""),
    ("bad-allow-regex",
     "name: p\nlevel: anonymize\nallow:\n  patterns: ['400-(']\n",
     ":4: allow.patterns[0]: regex does not compile", ""),
    ("bad-yaml", "name: p\nlevel: [anonymize\n", ": not valid YAML", ""),
    ("not-a-mapping", "- a\n- b\n", ": expected a mapping", ""),
    ("min-score-range", "name: p\nlevel: display\nmin_score: 2\n", ":3: min_score:", "1"),
    ("tag-template-value",
     "name: p\nlevel: anonymize\noperators:\n  EMAIL: {type: tag, template: '<{value}>'}\n",
     ":4: operators.EMAIL.template:", "unknown placeholder"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "message", "reason"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_policies_are_rejected_with_a_precise_message(
    tmp_path, capsys, name, text, message, reason
) -> None:
    path = write(tmp_path, text, f"{name}.yaml")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    error = str(info.value)
    assert error.startswith(str(path)), error
    assert message in error, error
    assert reason in error, error
    assert "abcdef0123456789abcdef" not in error  # never echo values from the file
    assert main(["policy", "check", str(path)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err


def test_policy_check_ok_and_show(tmp_path, capsys) -> None:
    path = write(
        tmp_path, "name: p\nlevel: anonymize\noperators:\n  CN_MOBILE: {type: generalize}\n"
    )
    assert main(["policy", "check", str(path)]) == 0
    assert "ok (policy p, level anonymize)" in capsys.readouterr().out
    assert main(["policy", "show", "display"]) == 0
    shown = capsys.readouterr().out
    assert "level display" in shown and "BANK_CARD: mask preset=pimask-display" in shown
    assert main(["policy", "show", "--yaml", "anonymize"]) == 0
    assert "default: {type: tag}" in capsys.readouterr().out
    assert main(["policy", "list"]) == 0
    assert capsys.readouterr().out.count("\n") == len(BUILTIN_POLICIES)


def test_unknown_policy_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no such policy file"):
        load_policy("anonymise")


def test_policy_display_is_exactly_the_default_masking(engine) -> None:
    for text in (LINE, "IP 10.24.3.17 MAC 3C:22:FB:1A:2B:3C", "nothing here"):
        assert engine.apply(text, "display").text == engine.apply(text).text


def test_apply_with_builtins(engine, key_env) -> None:
    fresh = Engine()
    anonymized = fresh.apply(LINE, "anonymize")
    assert anonymized.text == "手机 <CN_MOBILE>，身份证 <CN_RESIDENT_ID>，邮箱 <EMAIL>"
    assert anonymized.actions == [
        ("CN_MOBILE", "tag"), ("CN_RESIDENT_ID", "tag"), ("EMAIL", "tag")
    ]  # fmt: skip
    assert not anonymized.dropped and len(anonymized.findings) == 3
    deidentified = fresh.apply(LINE, "deidentify").text
    assert "13912345678" not in deidentified and "<CN_MOBILE:k1:" in deidentified
    deleted = fresh.apply(LINE, "delete")
    assert deleted.dropped and deleted.text == ""
    clean = fresh.apply("没有个人信息", "delete")
    assert not clean.dropped and clean.text == "没有个人信息"


def test_pimask_mask_passes_the_policy_through() -> None:
    assert pimask.mask("手机13912345678", policy="anonymize") == "手机<CN_MOBILE>"
    assert pimask.mask("手机13912345678") == pimask.mask("手机13912345678", policy="display")


def test_deidentify_without_a_key_is_an_error_naming_the_variable(monkeypatch) -> None:
    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    with pytest.raises(ConfigError, match=r"builtin:deidentify: .*PIMASK_KEY"):
        Engine().apply(LINE, "deidentify")


def test_entities_and_min_score_limit_what_is_covered(tmp_path) -> None:
    path = write(
        tmp_path,
        "name: p\nlevel: anonymize\nentities: [CN_MOBILE]\nmin_score: 0.9\n",
    )
    result = Engine().apply(LINE + " 13812345678", path)
    assert "zhang.san@example.com" in result.text and "11010519491231002X" in result.text
    assert "<CN_MOBILE>" in result.text
    assert {entity for entity, _ in result.actions} == {"CN_MOBILE"}


def test_allowlist_values_and_patterns(tmp_path) -> None:
    path = write(
        tmp_path,
        """\
        name: company
        level: anonymize
        allow:
          values: [support@cloudcsp.com, "139-1234-5678"]
          patterns: ['.*@example\\.com']
        """,
    )
    text = "客服 SUPPORT@cloudcsp.com 或 400-181-6806；用户 13912345678 / 13812345678 a@example.com"
    result = Engine().apply(text, path)
    assert result.text == (
        "客服 SUPPORT@cloudcsp.com 或 400-181-6806；用户 13912345678 / <CN_MOBILE> a@example.com"
    )
    assert ("EMAIL", "allow") in result.actions and ("CN_MOBILE", "tag") in result.actions


def test_per_entity_operators_and_default(tmp_path, key_env) -> None:
    path = write(
        tmp_path,
        """\
        name: mixed
        level: deidentify
        operators:
          default: {type: tag, template: "[{label}]"}
          CN_MOBILE: {type: encrypt}
          CN_RESIDENT_ID: {type: generalize}
          EMAIL: {type: redact}
        """,
    )
    result = Engine().apply(LINE, path)
    assert result.text.startswith("手机 <enc:CN_MOBILE:k1:")
    assert "身份证 <CN_RESIDENT_ID:北京/1940s/女>，邮箱 " in result.text
    assert result.text.endswith("邮箱 ")
    from pimask.operators import reveal_text

    assert reveal_text(result.text, load_keys())[0].startswith("手机 13912345678，")


def test_applying_an_encrypting_policy_twice_changes_nothing(tmp_path, key_env) -> None:
    path = write(tmp_path, "name: e\nlevel: deidentify\noperators:\n  default: {type: tag}\n"
                 "  CN_MOBILE: {type: encrypt}\n  BANK_CARD: {type: encrypt}\n")  # fmt: skip
    engine = Engine()
    text = "卡号 6222021234567890128 手机 13912345678 13812345678 15812345678"
    once = engine.apply(text, path).text
    assert engine.apply(once, path).text == once


def test_policy_with_own_recognizers_and_disable(tmp_path) -> None:
    recognizer = write(
        tmp_path,
        """\
        id: employee_id
        entity: EMPLOYEE_ID
        patterns:
          - {name: emp, regex: 'EMP-[0-9]{6}', score: 0.9}
        """,
        "employee.yaml",
    )
    del recognizer
    path = write(
        tmp_path,
        """\
        name: hr
        level: anonymize
        recognizers: {files: [employee.yaml]}
        operators:
          EMPLOYEE_ID: {type: tag}
        """,
    )
    assert Engine().apply("工号 EMP-123456 手机13912345678", path).text == (
        "工号 <EMPLOYEE_ID> 手机<CN_MOBILE>"
    )


def test_compiled_policy_is_cached_per_engine(monkeypatch) -> None:
    engine = Engine()
    first = engine.compiled_policy("anonymize")
    import pimask.policy.loader as loader

    def fail(*args, **kwargs):
        raise AssertionError("policy parsed again")

    monkeypatch.setattr(loader, "parse_policy", fail)
    for _ in range(3):
        engine.apply("手机13912345678", "anonymize")
    assert engine.compiled_policy("anonymize") is first


def test_policy_built_in_code_is_checked_too() -> None:
    policy = Policy(name="code", level="anonymize", operators={"CN_MOBLE": {"type": "tag"}})
    with pytest.raises(ConfigError, match="unknown entity CN_MOBLE"):
        CompiledPolicy(policy, Engine())
    with pytest.raises(ValueError, match="linkable"):
        Policy(name="code", level="anonymize", operators={"default": {"type": "pseudonymize"}})


def test_region_limits_policy_actions() -> None:
    text = "13912345678 13812345678"
    result = Engine().apply(text, "anonymize", region=(0, 5))
    assert result.text == "<CN_MOBILE> 13812345678"


def test_parse_policy_from_text_with_promise() -> None:
    policy = parse_policy(
        "name: p\nlevel: anonymize\npromise: {text: 匿名化处理, source: 灵境云}\n", "inline"
    )
    assert policy.promise is not None and policy.promise.source == "灵境云"
