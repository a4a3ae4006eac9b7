"""Datasets fail closed (issue 15): every Parquet column that can hold a value is examined
— nested lists, structs and maps, binary, numbers — and what cannot be examined fails the
check instead of passing it with a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from pimask.cli import main

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

MOBILE = "13812345678"
ID = "11010519491231002X"
ID_DIGITS = "110105194912310021"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(path: Path, columns: dict) -> None:
    pq.write_table(pa.table(columns), path, compression="zstd")


@pytest.mark.parametrize(
    ("column", "where"),
    [
        (pa.array([["a", MOBILE]], pa.list_(pa.string())), "column c[1]"),
        (pa.array([{"tel": MOBILE, "n": 1}]), "column c.tel"),
        (pa.array([[("tel", MOBILE)]], pa.map_(pa.string(), pa.string())), "column c[0]"),
        (pa.array([[(MOBILE, "x")]], pa.map_(pa.string(), pa.string())), "column c[0].key"),
        (pa.array([MOBILE.encode()], pa.binary()), "column c"),
        (pa.array([MOBILE.encode("gb18030")], pa.large_binary()), "column c"),
        (pa.array([1.3812345678e10], pa.float64()), "column c"),
        (pa.array([int(MOBILE)], pa.int64()), "column c"),
        (pa.array([[{"phones": [MOBILE]}]]), "column c[0].phones[0]"),
    ],
    ids=[
        "list",
        "struct",
        "map-value",
        "map-key",
        "binary",
        "large_binary",
        "float",
        "int",
        "deep",
    ],
)
def test_values_in_every_kind_of_column_are_found(
    workdir: Path, capsys: pytest.CaptureFixture[str], column, where: str
) -> None:
    _write(workdir / "u.parquet", {"c": column})
    assert main(["check", "u.parquet"]) == 1
    out = capsys.readouterr().out
    assert f"u.parquet: row 1, {where}: CN_MOBILE" in out
    assert MOBILE not in out


def test_an_id_that_lost_digits_in_a_float_fails_the_check(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(workdir / "u.parquet", {"sfz": pa.array([float(ID_DIGITS), 1.5], pa.float64())})
    assert main(["check", "u.parquet"]) == 2
    err = capsys.readouterr().err
    assert "column sfz: numbers too long for a float" in err
    assert "row 1" in err


def test_binary_that_is_not_text_fails_the_check(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(workdir / "u.parquet", {"blob": pa.array([b"\xff\xfe\x00\x81\x30", b"ok"])})
    assert main(["check", "u.parquet"]) == 2
    assert "column blob: binary values that are not text" in capsys.readouterr().err


def test_bool_and_time_columns_need_no_examination(workdir: Path) -> None:
    import datetime

    _write(
        workdir / "u.parquet",
        {"flag": [True], "at": [datetime.datetime(2026, 1, 1)], "day": [datetime.date.today()]},
    )
    assert main(["check", "u.parquet"]) == 0


def test_fix_rewrites_nested_and_binary_leaves(workdir: Path) -> None:
    path = workdir / "u.parquet"
    schema = pa.schema(
        [
            ("contacts", pa.list_(pa.struct([("tel", pa.string()), ("n", pa.int32())]))),
            ("raw", pa.binary()),
            ("tags", pa.map_(pa.string(), pa.string())),
            ("keep", pa.string()),
        ]
    )
    table = pa.table(
        {
            "contacts": [[{"tel": MOBILE, "n": 1}, {"tel": "无", "n": 2}]],
            "raw": [f"phone={MOBILE}".encode()],
            "tags": [[("mobile", MOBILE), ("city", "北京")]],
            "keep": ["北京"],
        },
        schema=schema,
    )
    pq.write_table(table, path)
    assert main(["check", "--fix", str(path)]) == 0
    fixed = pq.read_table(path)
    assert fixed.schema.equals(schema)
    row = fixed.to_pylist()[0]
    assert row["contacts"] == [{"tel": "138****5678", "n": 1}, {"tel": "无", "n": 2}]
    assert row["raw"] == b"phone=138****5678"
    assert row["tags"] == [("mobile", "138****5678"), ("city", "北京")]
    assert row["keep"] == "北京"


def test_fix_on_a_numeric_column_refuses_naming_it(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "u.parquet"
    _write(path, {"phone": pa.array([1.3812345678e10, 2.5], pa.float64()), "s": ["a", "b"]})
    before = path.read_bytes()
    assert main(["check", "--fix", str(path)]) == 1
    out = capsys.readouterr().out
    assert "numeric columns cannot hold a mask, so their findings were not fixed: phone" in out
    assert path.read_bytes() == before
