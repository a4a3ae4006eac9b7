"""``pimask check``: exit codes, what the report names (and never shows), formats, guards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pimask.cli import check as check_cli
from pimask.cli import main
from pimask.datasets import FORMATS
from pimask.datasets.core import DEFAULT_MAX_BYTES

MOBILE = "13912345678"
ID = "11010519491231002X"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray baseline from elsewhere
    return tmp_path


def test_exit_codes_clean_findings_usage(workdir: Path, capsys) -> None:
    # why: a name column of product names is clean (张三 there would be a PERSON)
    (workdir / "clean.csv").write_text("name,city\n小米手环,北京\n", encoding="utf-8")
    (workdir / "dirty.csv").write_text(f"name,手机号\n张三,{MOBILE}\n", encoding="utf-8")
    assert main(["check", "clean.csv"]) == 0
    assert main(["check", "clean.csv", "dirty.csv"]) == 1
    assert main(["check", "missing.csv"]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2


def test_report_names_file_row_column_entity_never_the_value(workdir: Path, capsys) -> None:
    (workdir / "users.csv").write_text(
        f"编号,手机号,身份证号\n1,{MOBILE},\n2,,{ID}\n", encoding="utf-8"
    )
    assert main(["check", "users.csv"]) == 1
    out = capsys.readouterr().out
    assert "users.csv: row 1, column 手机号 (line 2): CN_MOBILE" in out
    assert "users.csv: row 2, column 身份证号 (line 3): CN_RESIDENT_ID" in out
    assert "users.csv: column 手机号: 1 CN_MOBILE" in out  # per-column summary
    assert MOBILE not in out and ID not in out
    assert main(["check", "--show-values", "users.csv"]) == 1
    assert MOBILE in capsys.readouterr().out


def test_text_and_jsonl_locations(workdir: Path, capsys) -> None:
    (workdir / "app.log").write_text(f"ok\nuser phone={MOBILE} login\n", encoding="utf-8")
    (workdir / "ev.jsonl").write_text(
        f'{{"a": 1}}\n{{"user": {{"contacts": [{{"tel": "{MOBILE}"}}]}}}}\n', encoding="utf-8"
    )
    assert main(["check", "app.log", "ev.jsonl"]) == 1
    out = capsys.readouterr().out
    assert "app.log:2:12: CN_MOBILE" in out
    assert "ev.jsonl: line 2, key user.contacts[0].tel: CN_MOBILE" in out
    assert "ev.jsonl: key user.contacts[].tel: 1 CN_MOBILE" in out


def test_json_format(workdir: Path, capsys) -> None:
    (workdir / "u.csv").write_text(f"phone\n{MOBILE}\n", encoding="utf-8")
    assert main(["check", "--format", "json", "u.csv"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["forbidden"] == 1
    (finding,) = report["findings"]
    assert finding["row"] == 1 and finding["field"] == "phone"
    assert finding["entity"] == "CN_MOBILE" and "value" not in finding
    assert report["files"][0]["fields"] == [{"field": "phone", "entity": "CN_MOBILE", "count": 1}]


def test_sarif_format(workdir: Path, capsys) -> None:
    (workdir / "a.log").write_text(
        f"tel {MOBILE}\nhotline {MOBILE} pimask: allow\n", encoding="utf-8"
    )
    assert main(["check", "--format", "sarif", "a.log"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["CN_MOBILE"]
    first, second = run["results"]
    assert first["ruleId"] == "CN_MOBILE" and "suppressions" not in first
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 5, "endColumn": 16}
    assert second["suppressions"] == [{"kind": "inSource"}]
    assert MOBILE not in json.dumps(sarif)


def test_gbk_file_is_detected_and_checked(workdir: Path, capsys) -> None:
    (workdir / "gbk.csv").write_bytes(f"姓名,联系电话\n张三,{MOBILE}\n".encode("gbk"))
    assert main(["check", "gbk.csv"]) == 1
    assert "column 联系电话" in capsys.readouterr().out


def test_undecodable_file_is_reported_and_others_still_checked(workdir: Path, capsys) -> None:
    (workdir / "bad.csv").write_bytes(b"a,b\n\xff\xfe\xfd,1\n")
    (workdir / "good.csv").write_text(f"phone\n{MOBILE}\n", encoding="utf-8")
    assert main(["check", "bad.csv", "good.csv"]) == 2
    captured = capsys.readouterr()
    assert "bad.csv: not UTF-8 (line 2, byte offset 4)" in captured.err
    assert "good.csv: row 1, column phone" in captured.out


def test_encoding_option(workdir: Path, capsys) -> None:
    (workdir / "u.csv").write_bytes(f"手机\n{MOBILE}\n".encode("gb18030"))
    assert main(["check", "--encoding", "utf-8", "u.csv"]) == 2
    assert "cannot decode as utf-8" in capsys.readouterr().err
    assert main(["check", "--encoding", "gbk", "u.csv"]) == 1


def test_max_bytes_guard(workdir: Path, capsys) -> None:
    (workdir / "big.log").write_text("x" * 2000 + "\n", encoding="utf-8")
    assert main(["check", "--max-bytes", "1000", "big.log"]) == 2
    assert "more than --max-bytes 1000" in capsys.readouterr().err
    assert main(["check", "--max-bytes", "0", "big.log"]) == 0
    assert main(["check", "--max-bytes", "-1", "big.log"]) == 2


def test_malformed_json_and_csv_name_the_line(workdir: Path, capsys) -> None:
    (workdir / "x.json").write_text('{\n  "a": [1, 2,\n}\n', encoding="utf-8")
    (workdir / "y.csv").write_text('a,b\n1,"open\n', encoding="utf-8")
    assert main(["check", "x.json", "y.csv"]) == 2
    err = capsys.readouterr().err
    assert "x.json: line 3, column 1: invalid JSON" in err
    assert "y.csv: line 2: unterminated quoted field" in err


def test_binary_file_named_explicitly_is_refused_but_skipped_in_a_walk(
    workdir: Path, capsys
) -> None:
    # why (issue 15): a file named by the user that was not examined never passes, while a
    # tree holds images and archives that are skipped with a note and a count
    (workdir / "data").mkdir()
    (workdir / "data" / "blob.txt").write_bytes(b"\x00\x01" + MOBILE.encode())
    assert main(["check", "data/blob.txt"]) == 2
    assert "data/blob.txt: not examined: binary data" in capsys.readouterr().err
    assert main(["check", "data"]) == 0
    out = capsys.readouterr().out
    assert "data/blob.txt: skipped: binary file" in out
    assert "pimask: 1 file skipped" in out


def test_binary_stdin_fails_not_skipped(workdir: Path, capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01" * 50)))
    assert main(["check", "-"]) == 2
    assert "-: not examined: binary data" in capsys.readouterr().err


def test_compressed_file_is_read_when_named_and_skipped_in_a_walk(workdir: Path, capsys) -> None:
    import gzip

    (workdir / "logs").mkdir()
    (workdir / "logs" / "app.log.gz").write_bytes(gzip.compress(f"phone={MOBILE}\n".encode()))
    assert main(["check", "logs/app.log.gz"]) == 1
    assert "logs/app.log.gz:1:7: CN_MOBILE" in capsys.readouterr().out
    assert main(["check", "logs"]) == 0
    out = capsys.readouterr().out
    assert "logs/app.log.gz: skipped: gzip-compressed file" in out
    assert "pimask: 1 file skipped" in out


def test_policy_selects_forbidden_entities(workdir: Path, tmp_path: Path) -> None:
    (workdir / "u.csv").write_text("ip\n10.24.3.17\n", encoding="utf-8")
    policy = tmp_path / "mobiles-only.yaml"
    policy.write_text(
        "version: 1\nname: mobiles-only\nlevel: display\nentities: [CN_MOBILE]\n",
        encoding="utf-8",
    )
    assert main(["check", "u.csv"]) == 1  # default: every entity is forbidden
    assert main(["check", "--policy", str(policy), "u.csv"]) == 0


def test_policy_allowlist_is_respected(workdir: Path, tmp_path: Path) -> None:
    (workdir / "u.csv").write_text(f"hotline\n{MOBILE}\n", encoding="utf-8")
    policy = tmp_path / "p.yaml"
    policy.write_text(
        f"version: 1\nname: p\nlevel: display\nallow:\n  values: ['{MOBILE}']\n",
        encoding="utf-8",
    )
    assert main(["check", "--policy", str(policy), "u.csv"]) == 0


def test_keyed_policy_checks_without_a_key(workdir: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    (workdir / "u.csv").write_text(f"phone\n{MOBILE}\n", encoding="utf-8")
    assert main(["check", "--policy", "deidentify", "u.csv"]) == 1
    assert main(["check", "--fix", "--policy", "deidentify", "u.csv"]) == 2  # fixing needs it
    assert "PIMASK_KEY" in capsys.readouterr().err


def test_parquet_locations(workdir: Path, capsys) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": [1, 2, 3], "手机号": ["x", None, MOBILE], "tags": [[1], [2], [3]]})
    pq.write_table(table, workdir / "u.parquet", row_group_size=2)
    assert main(["check", "u.parquet"]) == 1
    out = capsys.readouterr().out
    assert "u.parquet: row 3, column 手机号: CN_MOBILE" in out
    assert "not checked" not in out  # issue 15: every column that can hold a value is read


def test_not_parquet_is_reported(workdir: Path, capsys) -> None:
    pytest.importorskip("pyarrow")
    (workdir / "fake.parquet").write_bytes(b"not parquet at all")
    assert main(["check", "fake.parquet"]) == 2
    assert "fake.parquet: not a readable Parquet file" in capsys.readouterr().err


def test_cli_constants_match_the_library() -> None:
    assert check_cli.FORMATS == FORMATS
    assert check_cli.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES


def test_delimiter_option_accepts_tab_spellings(workdir: Path, capsys) -> None:
    (workdir / "u.txt").write_text(f"a\tphone\n1\t{MOBILE}\n", encoding="utf-8")
    for spelling in ("\\t", "tab", "\t"):
        assert main(["check", "--as", "csv", "--delimiter", spelling, "u.txt"]) == 1
        assert "row 1, column phone" in capsys.readouterr().out
    assert main(["check", "--as", "csv", "--delimiter", ",,", "u.txt"]) == 2
    assert "invalid CSV delimiter" in capsys.readouterr().err


EMAIL = "zhang.san@example.com"


def _keyed_by_personal_data(workdir: Path) -> list[str]:
    """A JSONL keyed by a phone number and a CSV whose header is a phone number."""
    (workdir / "a.jsonl").write_text(f'{{"users": {{"{MOBILE}": "x"}}}}\n', encoding="utf-8")
    (workdir / "b.csv").write_text(f"{MOBILE}\n{EMAIL}\n", encoding="utf-8")
    return ["a.jsonl", "b.csv"]


def test_personal_data_in_keys_and_headers_is_not_shown(workdir: Path, capsys) -> None:
    files = _keyed_by_personal_data(workdir)
    assert main(["check", *files]) == 1
    out = capsys.readouterr().out
    assert MOBILE not in out
    assert 'a.jsonl: line 1, key users["<CN_MOBILE>"] (key): CN_MOBILE' in out
    assert "b.csv: row 1, column <CN_MOBILE> (line 2): EMAIL" in out
    assert "b.csv: column <CN_MOBILE>: 1 EMAIL" in out  # per-column summary
    for report_format in ("json", "sarif"):
        assert main(["check", "--format", report_format, *files]) == 1
        assert MOBILE not in capsys.readouterr().out
    # a narrower engine (--entities, a policy) does not narrow what is hidden
    assert main(["check", "--entities", "EMAIL", "b.csv"]) == 1
    out = capsys.readouterr().out
    assert "EMAIL" in out and MOBILE not in out


def test_show_values_shows_keys_and_headers(workdir: Path, capsys) -> None:
    files = _keyed_by_personal_data(workdir)
    assert main(["check", "--show-values", "--format", "json", *files]) == 1
    report = json.loads(capsys.readouterr().out)
    fields = {finding["field"] for finding in report["findings"]}
    assert f'users["{MOBILE}"] (key)' in fields and MOBILE in fields


def test_own_pseudonyms_pass_check_in_every_format(workdir: Path, monkeypatch, capsys) -> None:
    """Output of `mask --policy deidentify` passes `check --policy deidentify`, Parquet too:
    a 12-hex digest next to a MAC_ADDRESS token rescans as a MAC address, but it is the
    policy's own token (the filter every format shares)."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from pimask.engine import Engine

    monkeypatch.setenv("PIMASK_KEY", "policy-review-key-0123456789")
    masked = Engine().apply("邮箱：a@a0.comMAC地址：00:00:00:00:00:5a", "deidentify").text
    assert any(
        f.entity == "MAC_ADDRESS" and f.end <= masked.index(">") for f in Engine().scan(masked)
    )
    pq.write_table(pa.table({"备注": [masked]}), workdir / "m.parquet")
    (workdir / "m.csv").write_text(f"备注\n{masked}\n", encoding="utf-8")
    assert main(["check", "--policy", "deidentify", "m.parquet", "m.csv"]) == 0
    assert main(["check", "m.parquet"]) == 1  # without the policy it is just a MAC
    capsys.readouterr()
