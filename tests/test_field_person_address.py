"""Field-driven PERSON and ADDRESS (person_field.yaml, address_field.yaml): a value under a
key that names a person or an address is found by the key and its shape, on by default, in
mask, scan, check and the logging filter alike, with the same findings on both engines.

All names and addresses here are made up; none belongs to anyone.
"""

from __future__ import annotations

import functools
import io
import json
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pimask
from pimask.cli import main
from pimask.datasets.core import ValueScanner
from pimask.errors import ConfigError
from pimask.integrations.logging import MaskingFilter
from pimask.masking import display_mask
from pimask.ner.surnames import surnames
from pimask.recognizers import parse_recognizer
from pimask.shapes_person_address import person_name, postal_address

BACKENDS = ["native", "reference"]

# (text, entity, value): honest keys in logs, JSON, CSV-style "header: value"
FOUND = [
    ("姓名: 张伟", "PERSON", "张伟"),
    ("客户姓名：李娜，订单已发货", "PERSON", "李娜"),
    ('{"receiver_name":"王小明","phone_verified":true}', "PERSON", "王小明"),
    ("收货人=欧阳娜娜&status=1", "PERSON", "欧阳娜娜"),
    ("联系人: 艾力·买买提", "PERSON", "艾力·买买提"),
    ("cardholder: John Smith", "PERSON", "John Smith"),
    ("Full_Name: Mary Ann Lee", "PERSON", "Mary Ann Lee"),
    ("customerName=赵丽颖 page=2", "PERSON", "赵丽颖"),
    ("姓名=高伟 ok", "PERSON", "高伟"),
    ('{"buyer":{"name":"John Smith"}}', "PERSON", "John Smith"),
    ("receiver_name: Xiaoming Wang", "PERSON", "Xiaoming Wang"),
    ("收货地址：北京市海淀区中关村大街27号", "ADDRESS", "北京市海淀区中关村大街27号"),
    ("addr=上海市浦东新区世纪大道100号 status=sent", "ADDRESS", "上海市浦东新区世纪大道100号"),
    ('{"shipping_address":"广东省深圳市南山区科技园路1号3栋201室"}', "ADDRESS",
     "广东省深圳市南山区科技园路1号3栋201室"),
    ("address: 12 Main Street, Springfield", "ADDRESS", "12 Main Street, Springfield"),
    ('"street": "Flat 3, 12 baker st"', "ADDRESS", "Flat 3, 12 baker st"),
]  # fmt: skip

# keys that look like a name or address key, or values under honest keys that are not one
NOT_FOUND = [
    "name: 小米手环",
    "name: iPhone 15",
    "name=Apple Watch",
    "name: 华为",
    "name: 金龙鱼",
    "name: 支付宝",  # a rare surname under the bare key `name`
    "name=Google Maps",  # not a common given name under the bare key `name`
    "username=zhangwei88",
    "user_name: 张伟",
    "userName=张伟",
    "nick_name=李娜",
    "file_name: 张伟",
    "fileName=王芳",
    "host_name=王五",
    "product_name: 王者荣耀",
    "app_name=刘备",
    "addr=10.0.0.1:8080",
    "ip_address=192.168.1.20",
    "email_address=zhang@example.com",
    "remote_addr=北京市海淀区中关村大街27号",
    "address: 上海",
    "服务器地址：10.0.0.1",
    "the name is 张伟",  # no key: free text is the NER's job (enable=zh_person)
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("text", "entity", "value"), FOUND)
def test_a_value_under_a_name_or_address_key_is_found(
    backend: str, text: str, entity: str, value: str
) -> None:
    engine = pimask.Engine(backend=backend)
    found = [(f.entity, text[f.start : f.end]) for f in engine.scan(text)]
    assert (entity, value) in found
    masked = engine.mask(text)
    assert value not in masked
    assert engine.mask(masked) == masked  # a mask never rescans as a name or an address


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", NOT_FOUND)
def test_look_alikes_and_other_keys_are_not_persons_or_addresses(backend: str, text: str) -> None:
    engine = pimask.Engine(backend=backend)
    assert [f for f in engine.scan(text) if f.entity in ("PERSON", "ADDRESS")] == []


@pytest.mark.parametrize(
    ("entity", "value", "masked"),
    [
        ("PERSON", "张伟", "张*"),
        ("PERSON", "欧阳娜娜", "欧阳**"),
        ("PERSON", "艾力·买买提", "艾力·***"),
        ("PERSON", "John Smith", "**** Smith"),
        ("ADDRESS", "北京市海淀区中关村大街27号", "北京市海淀区********"),
        ("ADDRESS", "12 Main Street", "** **** ******"),
    ],
)
def test_display_masks_keep_the_surname_and_the_district(
    entity: str, value: str, masked: str
) -> None:
    from pimask import _core

    assert display_mask(entity, value) == masked
    assert _core.display_mask(entity, value) == masked


def test_both_engines_mask_a_block_alike() -> None:
    lines = [text for text, _e, _v in FOUND] + NOT_FOUND
    blob = ("\n".join(lines) + "\n").encode()
    native = pimask.Engine(backend="native").apply_block(blob).out
    reference = pimask.Engine(backend="reference").apply_block(blob).out
    assert native == reference
    assert b"\xe5\xbc\xa0\xe4\xbc\x9f" not in native.split(b"\n")[0]  # 张伟 of line 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_dataset_column_is_judged_by_its_header(backend: str) -> None:
    """The check path scans a cell as "header: value": the header is the key."""
    scanner = ValueScanner(pimask.Engine(backend=backend))
    cells = [
        ("张伟", "姓名"),
        ("John Smith", "Customer Name"),
        ("北京市海淀区中关村大街27号", "详细地址"),
        ("12 Main Street, Springfield", "Shipping Address"),
        ("小米手环", "name"),
        ("zhangwei88", "username"),
        ("张伟", "User Name"),
        ("web-01.example.com", "host"),
        ("张伟.pdf", "file_name"),
        ("张伟", "remark"),  # no key: not field-driven
    ]
    results = scanner.scan_many(cells)
    entities = [[f.entity for f in found] for found in results]
    assert entities == [["PERSON"], ["PERSON"], ["ADDRESS"], ["ADDRESS"]] + [[]] * 6


def test_check_finds_names_in_csv_and_nested_json_and_fix_masks_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "id,姓名,收货地址,name,host\n"
        "1,张伟,北京市海淀区中关村大街27号,小米手环,web-01\n"
        "2,李娜,上海市浦东新区世纪大道100号,iPhone 15,db-02\n",
        encoding="utf-8",
    )
    orders = tmp_path / "orders.json"
    orders.write_text(
        json.dumps({"orders": [{"receiver": {"full_name": "欧阳娜娜", "file_name": "王芳"}}]},
                   ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    capsys.readouterr()
    assert main(["check", "--format", "json", str(export), str(orders)]) == 1
    text = capsys.readouterr().out
    assert "张伟" not in text and "欧阳娜娜" not in text  # reports never show values
    hits = json.loads(text)["findings"]
    assert sorted(hit["entity"] for hit in hits) == ["ADDRESS", "ADDRESS", "PERSON", "PERSON",
                                                    "PERSON"]  # fmt: skip
    assert main(["check", "--fix", "--policy", "display", str(export), str(orders)]) == 0
    fixed = export.read_text(encoding="utf-8")
    assert "1,张*,北京市海淀区********,小米手环,web-01" in fixed
    assert "欧阳**" in orders.read_text(encoding="utf-8")
    assert "王芳" in orders.read_text(encoding="utf-8")


def test_the_logging_filter_reads_extra_keys() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s %(receiver_name)s %(address)s"))
    handler.addFilter(MaskingFilter(engine=pimask.Engine()))
    logger = logging.getLogger("pimask-test-field-person")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.warning(
            "order shipped name=%s",
            "李娜",
            extra={"receiver_name": "王小明", "address": "北京市海淀区中关村大街27号"},
        )
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue() == "order shipped name=李* 王** 北京市海淀区********\n"


@pytest.mark.parametrize("policy", ["anonymize", "deidentify"])
def test_strict_policies_leave_no_surname(policy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIMASK_KEY", "q8Zr3vN1xT5kLw0Pj7Ys2Hd4Bc6Fm9Ea")
    result = pimask.Engine().apply("姓名: 欧阳娜娜 地址=北京市海淀区中关村大街27号", policy)
    assert "欧阳" not in result.text and "海淀" not in result.text
    assert sorted(entity for entity, _op in result.actions) == ["ADDRESS", "PERSON"]


def test_not_after_is_for_key_driven_patterns_only() -> None:
    text = "id: x\nentity: X\npatterns:\n  - {name: p, regex: 'a', score: 0.9, not_after: [user]}\n"
    with pytest.raises(ConfigError, match="not_after"):
        parse_recognizer(text, "x.yaml")


_SURNAMES = sorted(surnames().common)
_GIVEN = st.text(alphabet="伟娜明芳军静磊洋艳勇杰娟涛超秀英华丽强", min_size=1, max_size=2)


@given(surname=st.sampled_from(_SURNAMES), given_name=_GIVEN, backend=st.sampled_from(BACKENDS))
def test_any_common_surname_and_given_name_under_a_key_is_a_person(
    surname: str, given_name: str, backend: str
) -> None:
    name = surname + given_name
    assert person_name(name) == ("valid", "surname")
    text = f'{{"contact_name":"{name}"}}'
    engine = pimask.Engine(backend=backend)
    [finding] = engine.scan(text)
    assert (finding.entity, text[finding.start : finding.end]) == ("PERSON", name)
    assert engine.mask(text) == f'{{"contact_name":"{surname}{"*" * len(given_name)}"}}'


@given(st.text(max_size=30))
def test_the_shapes_never_raise_and_refuse_masks(value: str) -> None:
    assert person_name(value)[0] in ("valid", "invalid")
    assert postal_address(value)[0] in ("valid", "invalid")
    assert postal_address(value + "*")[0] == "invalid"


def test_the_export_benchmark_runs_and_meets_its_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """benchmarks/gen_export.py on 60 records: F1 >= 0.98 and nothing under non-person keys."""
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "gen_export.py"
    spec = importlib.util.spec_from_file_location("gen_export", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--rows", "60", "--seed", "3"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["findings_in_non_person_columns"] == {}
    assert result["ADDRESS"]["f1"] >= 0.98 and result["PERSON"]["precision"] == 1.0
    assert result["PERSON"]["f1"] >= 0.95
    assert set(result["missed_per_column"]) <= {"json:receiver.name"}


@functools.cache
def _engine(backend: str) -> pimask.Engine:
    return pimask.Engine(backend=backend)


_KEYS = st.sampled_from(["name", "user_name", "receiver_name", "姓名", "收件人", "address",
                         "ip_address", "收货地址", "fileName", "contact", "street"])  # fmt: skip
_VALUE = st.text(
    alphabet=st.sampled_from(list("张王欧阳李娜伟明小米手环·* ,.-:Ab JohnSmithStreet12号路区市室")),
    max_size=16,
)


@given(key=_KEYS, separator=st.sampled_from(["=", ": ", '":"', "：", " "]), value=_VALUE)
def test_both_engines_agree_on_keyed_names_and_addresses(
    key: str, separator: str, value: str
) -> None:
    text = f"{key}{separator}{value} ok"
    native, reference = _engine("native"), _engine("reference")

    def seen(engine: pimask.Engine) -> list[tuple[str, int, int, float]]:
        return [(f.entity, f.start, f.end, f.score) for f in engine.scan(text)]

    assert seen(native) == seen(reference)
    assert native.mask(text) == reference.mask(text)


def test_parquet_columns_are_judged_by_their_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "receiver_name": ["张伟", "John Smith"],
            "shipping_address": ["北京市海淀区中关村大街27号", "12 Main Street, Springfield"],
            "name": ["小米手环", "Google Maps"],
            "hostname": ["web-01", "db-02"],
        }
    )
    path = tmp_path / "orders.parquet"
    pq.write_table(table, path)
    capsys.readouterr()
    assert main(["check", "--format", "json", str(path)]) == 1
    hits = json.loads(capsys.readouterr().out)["findings"]
    assert sorted((hit["field"], hit["entity"]) for hit in hits) == [
        ("receiver_name", "PERSON"),
        ("receiver_name", "PERSON"),
        ("shipping_address", "ADDRESS"),
        ("shipping_address", "ADDRESS"),
    ]
