"""``pimask check --fix`` round trips: only the personal values change, byte for byte.

Each test builds the expected file by replacing the personal values of the original with
their masks; the fixed file must equal it exactly (delimiter, quoting, CRLF, embedded
newlines, encoding, key order, escapes all untouched).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pimask.cli import main
from pimask.datasets import CheckOptions, check_file
from pimask.masking import display_mask

from .strategies import mobiles, resident_ids

MOBILE = "13912345678"
MOBILE2 = "15812345678"
ID = "11010519491231002X"
CARD = "6222021234567890128"


def masked(entity: str, value: str) -> str:
    return display_mask(entity, value)


def fix(path: Path, *extra: str) -> int:
    return main(["check", "--fix", "--no-baseline", *extra, str(path)])


def test_csv_gb18030_crlf_quoted_multiline_fields(tmp_path: Path, capsys) -> None:
    template = (
        "编号,姓名,手机号,身份证号,备注\r\n"
        '1,{n1},{m1},{id},"第一行\r\n第二行, 联系 {m2}"\r\n'
        '2,"李""四",{m2},,"无"\r\n'
        "3,{n3},未知,,普通\r\n"
    )
    original = template.format(m1=MOBILE, m2=MOBILE2, id=ID, n1="张三", n3="王五")
    # why: names under 姓名 are PERSON findings (李"四 has no name's shape)
    expected = template.format(
        m1=masked("CN_MOBILE", MOBILE),
        m2=masked("CN_MOBILE", MOBILE2),
        id=masked("CN_RESIDENT_ID", ID),
        n1="张*",
        n3="王*",
    )
    path = tmp_path / "export.csv"
    path.write_bytes(original.encode("gb18030"))

    assert fix(path) == 0
    assert path.read_bytes() == expected.encode("gb18030")
    assert "fixed 6 values" in capsys.readouterr().out
    # and the fixed file is clean
    assert main(["check", "--no-baseline", str(path)]) == 0


def test_tsv_with_bom_and_lf(tmp_path: Path) -> None:
    template = "name\tphone\temail\nzhang\t{m}\t{e}\n"
    email = "zhang.san@example.com"
    path = tmp_path / "users.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + template.format(m=MOBILE, e=email).encode())
    assert fix(path) == 0
    expected = template.format(m=masked("CN_MOBILE", MOBILE), e=masked("EMAIL", email))
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode()


def test_jsonl_only_values_change(tmp_path: Path) -> None:
    template = (
        '{{"ts": 1700000000, "user": {{"phone": "{m}", "name": "{n}"}}, "ok": true}}\n'
        '{{ "event" : "login",\t"ip_note": "none", "tel": {m2} }}\r\n'
        "\n"
        '{{"msg": "\\u624b\\u673a {m}", "list": [1, 2.5, null]}}\n'
        '{{"clean": "nothing here"}}'
    )
    original = template.format(m=MOBILE, m2=MOBILE2, n="张三")
    path = tmp_path / "events.jsonl"
    path.write_text(original, encoding="utf-8", newline="")
    assert fix(path) == 0
    after = path.read_bytes().decode("utf-8")
    expected = template.format(
        m=masked("CN_MOBILE", MOBILE), m2=json.dumps(masked("CN_MOBILE", MOBILE2)), n="张*"
    )
    assert after == expected
    # still JSON Lines, record by record
    assert [json.loads(line) for line in after.splitlines() if line.strip()][1]["tel"] == (
        masked("CN_MOBILE", MOBILE2)
    )


def test_json_document_keeps_indentation_and_order(tmp_path: Path) -> None:
    document = {"users": [{"手机号": MOBILE, "id": 7}, {"手机号": "", "email": "a@b.cn"}]}
    original = json.dumps(document, ensure_ascii=False, indent=4) + "\n"
    path = tmp_path / "users.json"
    path.write_text(original, encoding="utf-8")
    assert fix(path) == 0
    assert path.read_text(encoding="utf-8") == original.replace(
        MOBILE, masked("CN_MOBILE", MOBILE)
    ).replace("a@b.cn", masked("EMAIL", "a@b.cn"))


def test_text_fix_keeps_pragma_lines_and_line_endings(tmp_path: Path) -> None:
    original = (
        f"2024-01-01 login phone={MOBILE}\r\n"
        f"support hotline {MOBILE2}  # pimask: allow\r\n"
        "no newline at end"
    )
    path = tmp_path / "app.log"
    path.write_bytes(original.encode())
    assert fix(path) == 0
    assert path.read_bytes() == original.replace(MOBILE, masked("CN_MOBILE", MOBILE)).encode()


def test_fix_with_a_policy(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text(f"phone,note\n{MOBILE},ok\n", encoding="utf-8")
    assert fix(path, "--policy", "anonymize") == 0
    after = path.read_text(encoding="utf-8")
    assert MOBILE not in after and after.startswith("phone,note\n") and after.endswith(",ok\n")


def test_delete_policy_removes_the_record(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text(f"phone,note\r\n{MOBILE},a\r\nnone,b\r\n{MOBILE2},c\r\n", encoding="utf-8")
    assert fix(path, "--policy", "delete") == 0
    assert path.read_bytes() == b"phone,note\r\nnone,b\r\n"


def test_check_never_writes_without_fix(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text(f"phone\n{MOBILE}\n", encoding="utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert main(["check", str(path)]) == 1
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_unencodable_replacement_leaves_the_file_untouched(tmp_path: Path, capsys) -> None:
    # a latin-1 file cannot hold the anonymize policy's Chinese tag, if it uses one; the
    # display mask ('*') always fits, so force an impossible encoding with ascii + a tag
    path = tmp_path / "u.csv"
    original = f"phone\n{MOBILE}\n".encode("ascii")
    path.write_bytes(original)
    code = main(["check", "--fix", "--encoding", "ascii", str(path)])
    assert code == 0  # '*' is ASCII: fixed
    assert path.read_bytes() == original.replace(MOBILE.encode(), b"139****5678")


# --- Hypothesis: any CSV dialect round-trips ---------------------------------------------

SAFE_CELL = st.text(alphabet=st.sampled_from(list('abc xyz,;"\n\t-北京上海')), max_size=10)


@st.composite
def personal(draw) -> tuple[str, str]:
    kind = draw(st.sampled_from(["CN_MOBILE", "CN_RESIDENT_ID"]))
    value = draw(mobiles() if kind == "CN_MOBILE" else resident_ids())
    return kind, value


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(SAFE_CELL, st.one_of(SAFE_CELL.map(lambda c: (None, c)), personal())),
        min_size=1,
        max_size=6,
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
    terminator=st.sampled_from(["\n", "\r\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_any_csv_dialect_round_trips(
    tmp_path_factory, engine, rows, delimiter, terminator, quoting, encoding
) -> None:
    table = [["备注", "联系方式"]] + [[note, value] for note, (_, value) in rows]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting).writerows(
        table
    )
    path = tmp_path_factory.mktemp("rt") / "data.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))

    # the library entry point behind `pimask check --fix --delimiter D` (one shared engine)
    options = CheckOptions(engine=engine, delimiter=delimiter, fix=True)
    report = check_file(str(path), options)
    assert report.error is None and not report.forbidden

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    text = data.decode(encoding)
    after = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert len(after) == len(table)
    for (note, (kind, value)), fixed in zip(rows, after[1:], strict=True):
        assert fixed[0] == note  # non-personal cells are untouched
        if kind is not None:
            assert fixed[1] == masked(kind, value)
    # only personal values changed: re-inserting them restores the original bytes exactly
    restored = text
    for _, (kind, value) in rows:
        if kind is not None:
            restored = restored.replace(masked(kind, value), value, 1)
    assert restored.encode(encoding) == buffer.getvalue().encode(encoding)


# --- Parquet ----------------------------------------------------------------------------


def test_parquet_fix_keeps_schema_row_groups_and_other_values(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = 50
    phones = [MOBILE if i % 7 == 0 else f"n/a {i}" for i in range(rows)]
    table = pa.table(
        {
            "id": pa.array(range(rows), pa.int64()),
            "手机号": pa.array(phones, pa.string()),
            "city": pa.array(["北京", "上海"] * (rows // 2)).dictionary_encode(),
            "email": pa.array(
                [None if i % 2 else f"user{i}@example.com" for i in range(rows)], pa.large_string()
            ),
            "amount": pa.array([i * 1.5 for i in range(rows)], pa.float64()),
        }
    ).replace_schema_metadata({"origin": "export v2"})
    path = tmp_path / "users.parquet"
    pq.write_table(table, path, row_group_size=16, compression="zstd")
    before = pq.ParquetFile(path)

    assert fix(path) == 0

    after = pq.ParquetFile(path)
    assert after.schema_arrow.equals(before.schema_arrow, check_metadata=True)
    assert after.metadata.num_row_groups == before.metadata.num_row_groups
    assert [after.metadata.row_group(i).num_rows for i in range(after.num_row_groups)] == [
        before.metadata.row_group(i).num_rows for i in range(before.num_row_groups)
    ]
    assert after.metadata.row_group(0).column(1).compression == "ZSTD"
    new = after.read()
    for name in ("id", "city", "amount"):
        assert new.column(name).equals(table.column(name))
    assert new.column("手机号").to_pylist() == [
        masked("CN_MOBILE", v) if v == MOBILE else v for v in phones
    ]
    assert new.column("email").to_pylist() == [
        None if v is None else masked("EMAIL", v) for v in table.column("email").to_pylist()
    ]
    assert main(["check", "--no-baseline", str(path)]) == 0


def test_parquet_integer_column_is_reported_but_not_rewritten(tmp_path: Path, capsys) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "ints.parquet"
    pq.write_table(pa.table({"phone": pa.array([int(MOBILE), 1], pa.int64())}), path)
    original = path.read_bytes()
    assert fix(path) == 1
    out = capsys.readouterr().out
    assert "row 1, column phone: CN_MOBILE" in out
    assert "numeric columns cannot hold a mask, so their findings were not fixed: phone" in out
    assert path.read_bytes() == original


def test_delete_policy_on_parquet_and_json(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    parquet = tmp_path / "u.parquet"
    pq.write_table(
        pa.table({"id": [1, 2, 3, 4], "phone": ["none", MOBILE, "none", MOBILE2]}),
        parquet,
        row_group_size=2,
    )
    document = tmp_path / "u.json"
    document.write_text(f'{{"a": {{"phone": "{MOBILE}"}}, "b": 1}}', encoding="utf-8")
    assert main(["check", "--fix", "--policy", "delete", str(parquet), str(document)]) == 0
    assert pq.read_table(parquet).to_pylist() == [
        {"id": 1, "phone": "none"},
        {"id": 3, "phone": "none"},
    ]
    assert document.read_text(encoding="utf-8") == '{"a": {"phone": null}, "b": 1}'
