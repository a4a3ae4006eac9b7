"""Readers behind ``pimask check``: CSV tokenizer, JSON walker, text pragma, encodings,
atomic writes. Each reader must locate values exactly, or --fix would corrupt files."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pimask import Engine
from pimask.datasets import CheckOptions, check_file, context_prefix, detect_format
from pimask.datasets.csvfile import CsvFormat, field_value, iter_records, sniff_delimiter
from pimask.datasets.edits import Edit, apply_edits, atomic_write
from pimask.datasets.encoding import decode
from pimask.datasets.jsonfile import JsonFormat, JsonLinesFormat, show_path, walk
from pimask.datasets.text import TextFormat, parse_pragma
from pimask.errors import InputError

MOBILE = "13912345678"
CELL = st.text(alphabet=st.sampled_from(list("ab1,;\"\n\r\t 手机号'")), max_size=8)


# --- CSV --------------------------------------------------------------------------------


@settings(max_examples=150)
@given(
    rows=st.lists(st.lists(CELL, min_size=1, max_size=4), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", "\t", ";"]),
    terminator=st.sampled_from(["\n", "\r\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_csv_tokenizer_agrees_with_the_csv_module(rows, delimiter, terminator, quoting) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting).writerows(
        rows
    )
    text = buffer.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    records = list(iter_records("t.csv", text, delimiter))
    got = [[field_value(text, raw) for raw in record.fields] for record in records]
    # csv.reader returns [] for a blank line; the tokenizer one empty field
    assert [row or [""] for row in expected] == got
    # records tile the text exactly: --fix can drop a record by its span
    assert "".join(text[r.start : r.end] for r in records) == text


def test_csv_units_carry_header_context_row_and_line() -> None:
    text = 'name,手机号\r\n"多行\r\n备注",13912345678\r\n'
    units = list(CsvFormat("t.csv").units(text))
    phone = next(u for u in units if u.text == MOBILE)
    assert (phone.row, phone.field, phone.context_key, phone.line) == (1, "手机号", "手机号", 3)
    assert text[phone.start : phone.end] == MOBILE
    header = [u for u in units if u.row is None]
    assert [u.text for u in header] == ["name", "手机号"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('a,b\n"open,1\n', "line 2: unterminated quoted field"),
        ('a,b\n"x"y,1\n', "line 2: unexpected character after a closing quote"),
    ],
    ids=["unterminated", "garbage-after-quote"],
)
def test_malformed_csv_is_an_input_error_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(iter_records("bad.csv", text, ","))


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [("a,b,c", ","), ("a\tb\tc", "\t"), ("a;b;c", ";"), ('"x,y";b;c', ";"), ("single", ",")],
)
def test_sniff_delimiter(first_line: str, expected: str) -> None:
    assert sniff_delimiter(first_line + "\n1,2\n") == expected


def test_csv_encode_quotes_only_when_needed() -> None:
    fmt = CsvFormat("t.csv", ",")
    (unit,) = [u for u in fmt.units("h\nplain\n") if u.row]
    assert fmt.encode(unit, "139****5678") == "139****5678"
    assert fmt.encode(unit, 'a,"b"') == '"a,""b"""'


# --- JSON -------------------------------------------------------------------------------


def test_json_walk_yields_every_key_string_and_number_with_its_path() -> None:
    text = '{"user": {"phone": "139", "tags": ["a", 2, {"mail": "m"}]}, "ok": true, "n": null}'
    found = [(kind, text[s:e], show_path(path)) for kind, s, e, path in walk(text, 0, len(text))]
    assert found == [
        ("key", '"user"', "user"),
        ("key", '"phone"', "user.phone"),
        ("string", '"139"', "user.phone"),
        ("key", '"tags"', "user.tags"),
        ("string", '"a"', "user.tags[0]"),
        ("number", "2", "user.tags[1]"),
        ("key", '"mail"', "user.tags[2].mail"),
        ("string", '"m"', "user.tags[2].mail"),
        ("key", '"ok"', "ok"),
        ("key", '"n"', "n"),
    ]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=150)
@given(value=json_values, indent=st.sampled_from([None, 2]), ascii_only=st.booleans())
def test_json_walk_finds_every_string_exactly(value, indent, ascii_only) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    tokens = list(walk(text, 0, len(text)))
    strings = sorted(json.loads(text[s:e]) for kind, s, e, _ in tokens if kind != "number")

    def collect(node) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [s for item in node for s in collect(item)]
        if isinstance(node, dict):
            return [s for k, v in node.items() for s in [k, *collect(v)]]
        return []

    assert strings == sorted(collect(value))


def test_show_path_stable_form_drops_indices() -> None:
    assert show_path(("a", 3, "phone"), stable=True) == "a[].phone"
    assert show_path(("a b", "x")) == '["a b"].x'
    assert show_path(()) == "$"


def test_jsonl_error_names_line_and_column() -> None:
    with pytest.raises(InputError, match=r"e\.jsonl: line 2, column 7: invalid JSON"):
        list(JsonLinesFormat("e.jsonl").units('{"a": 1}\n{"b": }\n'))


def test_json_string_encoding_keeps_escape_style() -> None:
    fmt = JsonFormat("t.json")
    text = '{"手机": "\\u624b13912345678", "b": "手13912345678"}'
    escaped, plain = [u for u in fmt.units(text) if u.context_key]
    assert fmt.encode(escaped, "手139****5678") == '"\\u624b139****5678"'
    assert fmt.encode(plain, "手139****5678") == '"手139****5678"'


# --- text, pragma -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("call 139 # pimask: allow", frozenset()),
        ("x  pimask: allow CN_MOBILE, EMAIL", frozenset({"CN_MOBILE", "EMAIL"})),
        ("pimask:allow=CN_MOBILE", frozenset({"CN_MOBILE"})),
        ("pimask: allow test fixture", frozenset()),
        ("pimask: allowed", None),
        ("no pragma here", None),
    ],
)
def test_parse_pragma(line: str, expected) -> None:
    assert parse_pragma(line) == expected


def test_text_units_keep_line_endings_out_of_the_value() -> None:
    text = "a\r\nb\n\nc"
    units = list(TextFormat().units(text))
    assert [(u.text, u.line, u.record) for u in units] == [
        ("a", 1, (0, 3)),
        ("b", 2, (3, 5)),
        ("c", 4, (6, 7)),
    ]


# --- encodings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        ("手机号13912345678".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "手机号".encode(), "utf-8-sig"),
        ("手机号,电话".encode("gb18030"), "gb18030"),
        ("手机号,电话".encode("gbk"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk"],
)
def test_encoding_detection(data: bytes, codec: str) -> None:
    decoded = decode("f.csv", data)
    assert decoded.codec == codec
    assert decoded.text.encode(codec) == data


def test_undecodable_file_names_line_and_offset_not_content() -> None:
    data = b"ok line\nsecret \xff\xfe\x80 13912345678\n"
    with pytest.raises(InputError) as info:
        decode("x.log", data)
    message = str(info.value)
    assert "x.log" in message and "line 2" in message and "byte offset 15" in message
    assert MOBILE not in message and "secret" not in message


def test_explicit_encoding_is_strict() -> None:
    with pytest.raises(InputError, match="cannot decode as utf-8: line 1"):
        decode("x.csv", "手机".encode("gb18030"), "utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode("x.csv", b"", "no-such-codec")


# --- edits and atomic writes ------------------------------------------------------------


def test_apply_edits_skips_edits_inside_a_dropped_record() -> None:
    text = "keep\ndrop 1 2\nkeep"
    edits = [Edit(5, 14, "", dropped=True), Edit(10, 11, "X"), Edit(0, 1, "K")]
    assert apply_edits(text, edits) == "Keep\nkeep"


def test_atomic_write_failure_leaves_the_original_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "data.csv"
    target.write_bytes(b"original")
    os.chmod(target, 0o640)

    def half_write(temp_name: str) -> None:
        Path(temp_name).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(target, half_write)
    assert target.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]

    atomic_write(target, lambda temp: Path(temp).write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


# --- context and format detection -------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "prefix"),
    [
        ("手机号", "手机号: "),
        ("Phone Number", "Phone_Number: "),
        ("2nd phone", "nd_phone: "),
        ("", ""),
        ("***", ""),
    ],
)
def test_context_prefix_is_a_key_the_engine_recognises(header: str, prefix: str) -> None:
    assert context_prefix(header) == prefix


def test_header_context_raises_and_lowers_scores(tmp_path: Path, engine: Engine) -> None:
    scores = {}
    for header in ("手机号", "phone", "备注", "order_id"):
        path = tmp_path / f"{header}.csv"
        path.write_text(f"{header}\n{MOBILE}\n", encoding="utf-8")
        report = check_file(str(path), CheckOptions(engine=engine, min_score=0.0))
        scores[header] = max((hit.score for hit in report.hits), default=0.0)
    assert scores["手机号"] > scores["备注"]
    assert scores["phone"] > scores["备注"]
    assert scores["order_id"] < scores["备注"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.CSV", "csv"),
        ("a.tsv", "tsv"),
        ("a.ndjson", "jsonl"),
        ("a.json", "json"),
        ("a.parquet", "parquet"),
        ("app.log", "text"),
        ("README", "text"),
    ],
)
def test_detect_format(name: str, expected: str) -> None:
    assert detect_format(name) == expected


def test_json_file_holding_json_lines_is_read_as_lines(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "events.json"
    path.write_text('{"phone": "13912345678"}\n{"phone": "15812345678"}\n', encoding="utf-8")
    report = check_file(str(path), CheckOptions(engine=engine))
    assert report.format == "jsonl"
    assert [hit.where for hit in report.forbidden] == ["line 1, key phone", "line 2, key phone"]


def test_atomic_write_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    atomic_write(link, lambda temp: Path(temp).write_bytes(b"new"))
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_parquet_is_read_one_row_group_at_a_time(
    tmp_path: Path, monkeypatch, engine: Engine
) -> None:
    """Bounded memory: the checker never asks pyarrow for the whole file at once."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "g.parquet"
    phones = ["none"] * 9 + [MOBILE]
    pq.write_table(pa.table({"phone": phones}), path, row_group_size=3)
    groups: list[int] = []
    original = pq.ParquetFile.read_row_group

    def spy(self, index, *args, **kwargs):
        groups.append(index)
        return original(self, index, *args, **kwargs)

    def whole_file(*args, **kwargs):
        raise AssertionError("read the whole file")

    monkeypatch.setattr(pq.ParquetFile, "read_row_group", spy)
    monkeypatch.setattr(pq.ParquetFile, "read", whole_file)
    monkeypatch.setattr(pq, "read_table", whole_file)
    report = check_file(str(path), CheckOptions(engine=engine, fix=True))
    assert report.error is None and report.fixed == 1
    # scan: groups 0-3; rewrite: 0-3; re-check of the written file: 0-3
    assert groups == [0, 1, 2, 3] * 3
    assert [h.row for h in report.hits] == []  # the fix left nothing behind
