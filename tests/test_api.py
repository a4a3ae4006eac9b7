"""The public API contract: scan, mask, Finding, Engine configuration and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import pimask
from pimask.errors import ConfigError
from pimask.recognizers import load_builtin

TICKET = (
    "客户反馈：手机号13912345678无法登录，身份证号11010519491231002X，邮箱zhang.san@example.com。"
)


def test_scan_returns_sorted_findings_with_offsets_into_original_text() -> None:
    findings = pimask.scan(TICKET)
    assert [f.entity for f in findings] == ["CN_MOBILE", "CN_RESIDENT_ID", "EMAIL"]
    assert [TICKET[f.start : f.end] for f in findings] == [
        "13912345678",
        "11010519491231002X",
        "zhang.san@example.com",
    ]
    assert all(0.5 <= f.score <= 1.0 for f in findings)


def test_finding_repr_and_dict_never_show_the_value() -> None:
    for finding in pimask.scan(TICKET):
        value = TICKET[finding.start : finding.end]
        assert value not in repr(finding)
        assert value not in str(finding)
        assert value not in repr(finding.to_dict(explain=True))


def test_explanation_says_why() -> None:
    (finding,) = pimask.scan("phone=13912345678")
    explanation = finding.explanation
    assert explanation.recognizer == "cn_mobile"
    assert explanation.pattern == "mobile"
    assert (explanation.validator, explanation.verdict) == ("cn_mobile", "valid")
    assert [(h.word, h.polarity, h.source) for h in explanation.context] == [
        ("phone", "positive", "key")
    ]
    assert explanation.score == pytest.approx(finding.score)


def test_mask_applies_default_display_masking() -> None:
    assert pimask.mask(TICKET) == (
        "客户反馈：手机号139****5678无法登录，身份证号1***************2X，邮箱z***@example.com。"
    )
    assert pimask.mask("卡号 6222 0212 3456 7890 128") == "卡号 6222 02** **** ***0 128"
    assert pimask.mask("mac=3C:22:FB:1A:2B:3C") == "mac=3C:22:FB:**:**:**"
    assert pimask.mask("联系电话：+86 139-1234-5678") == "联系电话：+86 139-****-5678"


def test_fullwidth_input_is_masked_in_place() -> None:
    text = "邮箱：ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｎ，手机１３９１２３４５６７８"
    assert pimask.mask(text) == "邮箱：ｌ***＠ｅｘａｍｐｌｅ．ｃｎ，手机１３９****５６７８"


def test_validated_id_beats_mobile_shaped_digits_inside_it() -> None:
    text = "证件号码 440308199901011234"
    assert [(f.entity, f.start, f.end) for f in pimask.scan(text)] == [("CN_RESIDENT_ID", 5, 23)]


def test_negative_context_suppresses_look_alikes() -> None:
    assert pimask.scan("订单号13912345678已发货") == []
    assert pimask.scan("order_id=13912345678 trace_id=6222021234567890128") == []


def test_numbers_inside_longer_tokens_are_not_reported() -> None:
    assert pimask.scan("trace=9fa13912345678c2 blk_1391234567800 v=2023-13912345678") == []
    assert pimask.scan("uuid 13912345-6789-4abc-8def-13912345678a") == []


def test_scan_rejects_bytes_with_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="expects str"):
        pimask.default_engine().scan(b"13912345678")  # type: ignore[arg-type]


def test_engine_entities_filter_and_threshold() -> None:
    engine = pimask.Engine(entities=["EMAIL"])
    assert engine.entities == ("EMAIL",)
    assert [f.entity for f in engine.scan(TICKET)] == ["EMAIL"]
    strict = pimask.Engine(min_score=0.9)
    assert [f.entity for f in strict.scan("手机号：13912345678")] == ["CN_MOBILE"]
    assert strict.scan("13912345678") == []


def test_engine_rejects_unknown_entities_and_bad_threshold() -> None:
    with pytest.raises(ConfigError, match="unknown entities: NOPE"):
        pimask.Engine(entities=["NOPE"])
    with pytest.raises(ConfigError, match="min_score"):
        pimask.Engine(min_score=1.5)


def test_engine_with_zero_recognizers_refuses_to_run() -> None:
    every_id = [spec.id for spec in load_builtin()]
    with pytest.raises(ConfigError, match="no active recognizers"):
        pimask.Engine(disabled=every_id)


def test_disabling_unknown_recognizer_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown recognizer ids: nope"):
        pimask.Engine(disabled=["nope"])


EMPLOYEE_ID = """
id: employee_id
entity: EMPLOYEE_ID
patterns:
  - name: emp
    regex: 'EMP[0-9]{6}'
    boundary: digit
    score: 0.9
examples:
  match:
    - text: 'owner EMP123456 approved'
      values: [EMP123456]
  no_match: ['EMP12345']
"""


def test_user_recognizer_files_extend_the_builtins(tmp_path: Path) -> None:
    path = tmp_path / "employee.yaml"
    path.write_text(EMPLOYEE_ID, encoding="utf-8")
    engine = pimask.Engine(recognizer_files=[path])
    assert "EMPLOYEE_ID" in engine.entities and "CN_MOBILE" in engine.entities
    text = "owner EMP123456 phone 13912345678"
    assert [f.entity for f in engine.scan(text)] == ["EMPLOYEE_ID", "CN_MOBILE"]
    assert engine.mask(text) == "owner ********* phone 139****5678"


def test_user_file_reusing_a_builtin_id_must_say_replace(tmp_path: Path) -> None:
    path = tmp_path / "mobile.yaml"
    path.write_text(EMPLOYEE_ID.replace("id: employee_id", "id: cn_mobile"), encoding="utf-8")
    with pytest.raises(ConfigError, match="'cn_mobile' already exists"):
        pimask.Engine(recognizer_files=[path])
    path.write_text(EMPLOYEE_ID.replace("id: employee_id", "id: cn_mobile\nreplace: true"))
    engine = pimask.Engine(recognizer_files=[path])
    assert "CN_MOBILE" not in engine.entities


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id: x\nentity: X\npatterns: [", "not valid YAML"),
        ("- a list", "expected a mapping"),
        ("id: x\nentity: lower\npatterns: []", "field entity: Value error, entity must be"),
        ("id: x\nentity: X\npatterns: []", "field patterns: Tuple should have at least 1"),
        (
            "id: x\nentity: X\npatterns: [{name: p, regex: '(', score: 0.5}]",
            "field patterns.0.regex",
        ),
        (
            "id: x\nentity: X\nvalidator: nope\npatterns: [{name: p, regex: 'a', score: 0.5}]",
            "field validator: Value error, unknown validator 'nope'",
        ),
        (
            "id: x\nentity: X\ntypo: 1\npatterns: [{name: p, regex: 'a', score: 0.5}]",
            "field typo: Extra inputs are not permitted",
        ),
        (
            "id: x\nentity: X\npatterns: [{name: p, regex: 'a', score: 0.5, prefilter: '(a'}]",
            "field patterns.0.prefilter: Value error, regex does not compile",
        ),
    ],
)
def test_broken_recognizer_files_name_the_file_and_field(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        pimask.Engine(recognizer_files=[path])
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


def test_missing_recognizer_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read recognizer file"):
        pimask.Engine(recognizer_files=[tmp_path / "absent.yaml"])


def test_engine_repr_is_short_and_safe() -> None:
    from pimask.recognizers import load_builtin

    text = repr(pimask.Engine())
    assert text.startswith(f"Engine(recognizers={len(load_builtin())},")
    assert len(text) < 80


def test_zero_keep_masks_leave_no_fragment_of_chinese_values(tmp_path: Path) -> None:
    from pimask.masking import mask_middle

    assert mask_middle("王小明", 0, 0) == "***"
    assert mask_middle("张三@例子.中国", 0, 0) == "**@**.**"
    path = tmp_path / "dept.yaml"
    path.write_text(
        "id: dept\nentity: DEPT_CODE\npatterns:\n"
        "  - {name: d, regex: '部门[甲乙丙丁]{2}', score: 0.9}\n",
        encoding="utf-8",
    )
    engine = pimask.Engine(recognizer_files=[path])
    assert engine.mask("属于部门甲乙的员工") == "属于****的员工"


def test_hash_written_for_at_is_an_email_with_context() -> None:
    text = "联系邮箱：zhangsan#example.com（#换成@）"
    assert pimask.mask(text) == "联系邮箱：z***#example.com（#换成@）"
    assert pimask.scan("see docs/page#intro.html for details") == []


def test_hash_for_at_gets_the_same_pseudonym_as_the_address() -> None:
    from pimask.operators.keyed import canonical

    assert canonical("EMAIL", "ZhangSan#Example.com") == canonical("EMAIL", "zhangsan@example.com")
