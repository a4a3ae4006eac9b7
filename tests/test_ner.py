"""The jieba-based Chinese PERSON / ADDRESS recognizers (pimask.ner) and the engine hook."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask.errors import ConfigError
from pimask.masking import display_mask
from pimask.ner import NerPipeline, has_cjk, tokenizer
from pimask.ner.address import mask_address
from pimask.ner.person import mask_person
from pimask.ner.surnames import parse, surnames

NER = ("zh_person", "zh_address")


@pytest.fixture(scope="session")
def zh_engine() -> pimask.Engine:
    tokenizer.load()  # jieba's dictionary: about a second, once per session
    return pimask.Engine(enable=NER)


def _values(engine: pimask.Engine, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in engine.scan(text) if f.entity == entity]


PERSON_CASES = [
    ("客户王小明反映无法登录", ["王小明"]),
    ("张三先生的快递丢了", ["张三"]),
    ("联系人：欧阳娜娜，电话13912345678", ["欧阳娜娜"]),
    ("收件人：李秀英", ["李秀英"]),
    ("name=王芳, phone=13912345678", ["王芳"]),
    ("客户陈志强来电咨询退款", ["陈志强"]),
    ("彭小军认为，国内银行现在走的是台湾的发卡模式", ["彭小军"]),
    ("市公安局副局长张涛在接受采访时说", ["张涛"]),  # a job title before the name
]


@pytest.mark.parametrize(("text", "expected"), PERSON_CASES, ids=[c[0][:8] for c in PERSON_CASES])
def test_person_spans(zh_engine: pimask.Engine, text: str, expected: list[str]) -> None:
    assert _values(zh_engine, text, "PERSON") == expected


PERSON_NEGATIVES = [
    "英超联赛今晚开打",  # jieba tags 英超 nr; no surname
    "张总让我们加班",  # surname + title is not a name
    "我们在张江镇见面",  # a town, not a person
    "王道连胜三场",  # dictionary words that jieba tags nr
    "本赛季阿森纳表现不错",
    "陈先生的手机号13912345678",  # surname + honorific only: nothing to hide
    "你好，我是客服小王",
    "吴小姐的订单已退款",  # jieba takes 吴小姐 for one name: the "given name" is an honorific
    "东方早报记者报道",  # compound surname + 早报 is a newspaper
]


@pytest.mark.parametrize("text", PERSON_NEGATIVES)
def test_person_negatives(zh_engine: pimask.Engine, text: str) -> None:
    assert _values(zh_engine, text, "PERSON") == []


ADDRESS_CASES = [
    (
        "收货地址：北京市海淀区中关村大街27号3栋2单元501室",
        ["北京市海淀区中关村大街27号3栋2单元501室"],
    ),
    ("寄到上海市浦东新区张江镇碧波路690号的快递丢了", ["上海市浦东新区张江镇碧波路690号"]),
    (
        "浙江省杭州市西湖区文三路478号华星时代广场A座1001",
        ["浙江省杭州市西湖区文三路478号华星时代广场A座1001"],
    ),
    ("住在朝阳区望京西园三区212号楼1102", ["朝阳区望京西园三区212号楼1102"]),
    ("家住北京市朝阳区", ["北京市朝阳区"]),  # a district alone counts only with 家住 / 地址
    (
        "地址：广州市天河区体育西路191号中石化大厦B塔2001室",  # 体育 is tagged a verb
        ["广州市天河区体育西路191号中石化大厦B塔2001室"],
    ),
    ("北京市朝阳区建国路88号SOHO现代城A座1801", ["北京市朝阳区建国路88号SOHO现代城A座1801"]),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESS_CASES, ids=[c[0][:8] for c in ADDRESS_CASES])
def test_address_spans(zh_engine: pimask.Engine, text: str, expected: list[str]) -> None:
    assert _values(zh_engine, text, "ADDRESS") == expected


ADDRESS_NEGATIVES = [
    "我在北京工作",  # a lone place name
    "北京市海淀区人民法院判决",  # an area without context is not someone's address
    "时间定在北美时间4月21号",  # a date, not a house number
    "并携带证件到南京路某号办理业务",  # a road with no number
    "订单已发往杭州",
    "这是最受欢迎的一条峡湾旅游线路",  # 线路 is a route, not a road
    "上海市规划局公布55号文件",  # a document number after a verb
]


@pytest.mark.parametrize("text", ADDRESS_NEGATIVES)
def test_address_negatives(zh_engine: pimask.Engine, text: str) -> None:
    assert _values(zh_engine, text, "ADDRESS") == []


def test_findings_join_overlap_resolution_and_explain(zh_engine: pimask.Engine) -> None:
    text = "客户王小明反映，他在上海市浦东新区张江镇碧波路690号的快递丢了，手机号13912345678"
    findings = zh_engine.scan(text)
    assert [(f.entity, text[f.start : f.end]) for f in findings] == [
        ("PERSON", "王小明"),
        ("ADDRESS", "上海市浦东新区张江镇碧波路690号"),  # 张江镇 (tagged nr) is inside it
        ("CN_MOBILE", "13912345678"),
    ]
    person = findings[0].explanation
    assert person.recognizer == "zh_person"
    assert person.score == findings[0].score >= 0.5
    assert [(hit.word, hit.polarity) for hit in person.context] == [("客户", "positive")]
    assert findings[1].explanation.recognizer == "zh_address"
    assert "王小明" not in repr(findings)


def test_display_masks_through_the_engine(zh_engine: pimask.Engine) -> None:
    text = "客户王小明反映，他在上海市浦东新区张江镇碧波路690号的快递丢了"
    assert zh_engine.mask(text) == "客户王**反映，他在上海市浦东新区**********的快递丢了"


def test_policy_tags_person_and_address(zh_engine: pimask.Engine) -> None:
    text = "联系人：欧阳娜娜，收货地址：北京市海淀区中关村大街27号"
    result = zh_engine.apply(text, policy="anonymize")
    assert result.text == "联系人：<PERSON>，收货地址：<ADDRESS>"
    assert ("PERSON", "tag") in result.actions


def test_off_by_default() -> None:
    engine = pimask.Engine()
    assert engine.ner is None
    assert [f.entity for f in engine.scan("客户王小明反映无法登录")] == []
    # why: PERSON and ADDRESS by field name are on by default (person_field, address_field)
    assert "PERSON" in engine.entities and "ADDRESS" in engine.entities
    assert [f.entity for f in engine.scan("姓名：王小明")] == ["PERSON"]
    with pytest.raises(ConfigError, match=r"unknown entities: NOBODY"):
        pimask.Engine(entities=["NOBODY"])


def test_enable_validates_ids_and_respects_entities() -> None:
    with pytest.raises(ConfigError, match="unknown detector ids: zh_nobody"):
        pimask.Engine(enable=["zh_nobody"])
    engine = pimask.Engine(enable=NER, entities=["PERSON"])
    assert engine.entities == ("PERSON",)
    assert [spec.id for spec in engine.recognizers] == ["person_field", "person_name_field"]
    text = "客户王小明，手机号13912345678，北京市海淀区中关村大街27号"
    tokenizer.load()
    assert [f.entity for f in engine.scan(text)] == ["PERSON"]


def test_text_without_cjk_never_reaches_jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> list:
        raise AssertionError("jieba was called on text without CJK")

    monkeypatch.setattr(tokenizer, "tokenize", fail)
    engine = pimask.Engine(enable=NER)
    findings = engine.scan("user Wang Xiaoming, phone=13912345678, 10.24.3.17")
    assert [f.entity for f in findings] == ["CN_MOBILE", "IP_ADDRESS"]
    assert not has_cjk("ｆｕｌｌ-width ＡＳＣＩＩ") and has_cjk("a王b")


def test_import_pimask_does_not_import_jieba() -> None:
    code = (
        "import sys, pimask\n"
        "pimask.Engine(enable=['zh_person']).scan('no cjk here')\n"
        "assert 'jieba' not in sys.modules, 'jieba imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_min_score_applies_to_detectors(zh_engine: pimask.Engine) -> None:
    text = "李雷和韩梅梅"  # two-character names without context score below 0.5
    assert _values(zh_engine, text, "PERSON") == ["韩梅梅"]
    low = [text[f.start : f.end] for f in zh_engine.scan(text, min_score=0.3)]
    assert low == ["李雷", "韩梅梅"]


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("张三", "张*"),
        ("王小明", "王**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳锋", "欧阳*"),
        ("温格", "温*"),
    ],
)
def test_mask_person(value: str, masked: str) -> None:
    assert mask_person(value) == masked
    assert display_mask("PERSON", value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("北京市海淀区中关村大街27号", "北京市海淀区" + "*" * 8),
        ("广东省深圳市南山区科技园南区高新南一道9号", "广东省深圳市南山区" + "*" * 12),
        ("浙江省杭州市西湖区文三路478号", "浙江省杭州市西湖区*******"),
        ("上海市浦东新区张江镇碧波路690号", "上海市浦东新区**********"),
        ("阳光小区3栋2单元", "*********"),  # 小区 is not a district
        ("碧波路690号", "*******"),
        ("北京市朝阳区", "******"),  # an area with nothing finer is hidden whole
    ],
)
def test_mask_address(value: str, masked: str) -> None:
    assert mask_address(value) == masked


@settings(max_examples=60)
@given(st.text(alphabet="王李欧阳娜小明张江镇路号栋单元室0123456789 ", min_size=1, max_size=12))
def test_masks_keep_length_and_hide_digits(value: str) -> None:
    for masked in (mask_person(value), mask_address(value)):
        assert len(masked) == len(value)
        assert not any(ch.isdigit() for ch in masked)


_CJK_TEXT = st.text(
    alphabet=st.sampled_from(
        list("王李张欧阳小明红客户先生地址北京市海淀区路街号栋单元室的了，：")
        + list("0123456789 a\udcff")
    ),
    max_size=40,
)


@settings(max_examples=30)
@given(text=_CJK_TEXT)
def test_findings_are_sorted_disjoint_and_in_bounds(zh_engine: pimask.Engine, text: str) -> None:
    findings = zh_engine.scan(text)
    previous_end = 0
    for finding in findings:
        assert previous_end <= finding.start < finding.end <= len(text)
        assert finding.score >= zh_engine.min_score
        previous_end = finding.end


def test_tokens_cover_the_text_exactly() -> None:
    text = "a\udcff张三\n  李四 13912345678，全角１３９"
    tokens = tokenizer.tokenize(text)
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start : t.end] == t.word for t in tokens)


def test_pipeline_ids() -> None:
    assert NerPipeline.create([]) is None
    pipeline = NerPipeline.create(["zh_address", "zh_person", "zh_address"])
    assert pipeline is not None and pipeline.entities == ("ADDRESS", "PERSON")
    assert pipeline.only(["EMAIL"]) is None


def test_surname_data() -> None:
    names = surnames()
    assert names.of("欧阳娜娜") == ("欧阳", "compound")
    assert names.of("王小明") == ("王", "common")
    assert names.of("萨雷") is None
    assert not names.common & names.rare
    with pytest.raises(ConfigError, match=r"x\.txt: line 2: expected"):
        parse("common: 王\nbogus 李\n", "x.txt")
    with pytest.raises(ConfigError, match="line 1: compound surnames have 2"):
        parse("compound: 欧阳娜\n", "x.txt")


def test_cluener_benchmark_smoke(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """benchmarks/cluener.py stays runnable (built-in sample; never reads ../shared)."""
    import importlib.util
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "cluener.py"
    spec = importlib.util.spec_from_file_location("pimask_bench_cluener", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look the module up
    spec.loader.exec_module(module)
    assert module.main(["--smoke", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["entities"]["PERSON"]["tp"] == 2
    assert report["entities"]["PERSON"]["precision"] == 1.0
    assert report["entities"]["ADDRESS"]["tp"] == 1
    assert report["speed_mb_s"]["with_zh_person_address"] > 0


def test_policy_file_enables_detectors(zh_engine: pimask.Engine, tmp_path) -> None:
    policy = tmp_path / "tickets.yaml"
    policy.write_text(
        "name: tickets\nlevel: anonymize\nentities: [PERSON, ADDRESS, CN_MOBILE]\n"
        "recognizers:\n  enable: [zh_person, zh_address]\n",
        encoding="utf-8",
    )
    text = "客户王小明反映，寄到上海市浦东新区碧波路690号，手机号13912345678"
    result = pimask.Engine().apply(text, policy=str(policy))
    assert result.text == "客户<PERSON>反映，寄到<ADDRESS>，手机号<CN_MOBILE>"


def test_policy_rejects_unknown_detector_with_file_and_line(tmp_path) -> None:
    from pimask.policy import load_policy

    policy = tmp_path / "bad.yaml"
    policy.write_text(
        "name: bad\nlevel: display\nrecognizers:\n  enable: [zh_person, zh_nobody]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"bad\.yaml:4: recognizers\.enable\[1\]: unknown"):
        load_policy(str(policy))
    plain = tmp_path / "plain.yaml"
    plain.write_text("name: p\nlevel: display\nentities: [PERSON]\n", encoding="utf-8")
    # why: PERSON by field name needs no detector; in free text it needs zh_person
    assert load_policy(str(plain)).entities == ("PERSON",)


def test_cli_enable_and_policy_mask_name_only_lines(zh_engine: pimask.Engine, tmp_path) -> None:
    """`pimask mask` runs the detectors on lines no pattern touches (the block fast path)."""
    from pimask.cli import main

    source = tmp_path / "tickets.txt"
    source.write_text(
        "客户王小明反映无法登录\n客户李秀英，手机号13912345678\nok\n", encoding="utf-8"
    )
    expected = "客户王**反映无法登录\n客户李**，手机号139****5678\nok\n"
    out = tmp_path / "out.txt"
    assert main(["mask", "--enable", "zh_person", str(source), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "name: tickets\nlevel: display\nrecognizers:\n  enable: [zh_person]\n", encoding="utf-8"
    )
    out.unlink()
    assert main(["mask", "--policy", str(policy), str(source), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected
    assert main(["mask", "--enable", "zh_nobody", str(source), "-o", str(tmp_path / "x")]) == 2


def test_no_false_alarms_on_the_synthetic_log_mix(zh_engine: pimask.Engine, monkeypatch) -> None:
    """benchmarks/corpus.py's ticket and log lines hold IDs, phones, cards — no names."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "cluener.py"
    spec = importlib.util.spec_from_file_location("pimask_bench_cluener_mix", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    lines = module.log_mix_lines(60_000, seed=3)
    assert sum(has_cjk(line) for line in lines) > 50
    flagged = [
        (f.entity, line[f.start : f.end])
        for line in lines
        for f in zh_engine.scan(line)
        if f.entity in ("PERSON", "ADDRESS")
    ]
    assert flagged == []


@settings(max_examples=40)
@given(
    text=st.text(alphabet=st.sampled_from([*"王小明路号 =ab0123456789-:", "\u3000"]), max_size=80),
    margin=st.integers(min_value=0, max_value=8),
)
def test_ascii_context_tokens_still_cover_the_text(zh_engine, text: str, margin: int) -> None:
    tokens = tokenizer.tokenize(text, ascii_context=margin)
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start : t.end] == t.word for t in tokens)


def test_long_ascii_stretches_skip_jieba(zh_engine: pimask.Engine) -> None:
    prefix = "2023-11-22T08:00:00.667+08:00 trace=aea0b61d988bce9c16075db14e0cfec3 "
    text = prefix + "name=王芳 phone=13912345678 " + "f" * 64
    tokens = tokenizer.tokenize(text, ascii_context=24)
    han = text.index("王")
    assert (tokens[0].word, tokens[0].flag) == (text[: han - 24], "x")
    assert (tokens[-1].word, tokens[-1].flag) == (text[han + 2 + 24 :], "x")
    assert [(f.entity, text[f.start : f.end]) for f in zh_engine.scan(text)] == [
        ("PERSON", "王芳"),
        ("CN_MOBILE", "13912345678"),
    ]


def test_check_finds_names_in_a_name_column(zh_engine: pimask.Engine, tmp_path, capsys) -> None:
    """In datasets the column name is the key: 李雷 (two characters) needs it."""
    from pimask.cli import main

    table = tmp_path / "people.csv"
    table.write_text(
        "姓名,手机号,地址\n李雷,13912345678,北京市海淀区中关村大街27号3栋\n", encoding="utf-8"
    )
    assert main(["check", "--enable", "zh_person", "--enable", "zh_address", str(table)]) == 1
    out = capsys.readouterr().out
    assert "column 姓名 (line 2): PERSON" in out and "column 地址 (line 2): ADDRESS" in out
    assert "李雷" not in out
