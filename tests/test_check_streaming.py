"""Big exports: ``pimask check`` streams text, CSV and JSON Lines and bounds its report.

The block size is shrunk to a few bytes so that every record boundary case (a quoted field
with newlines across blocks, a GB18030 file that starts as ASCII, a BOM) is crossed by
small files. Results must be those of reading the file whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pimask import Engine
from pimask.cli import main
from pimask.datasets import CheckOptions, check_file, streamed

MOBILE = "13912345678"
ID = "11010519491231002X"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def tiny_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streamed, "BLOCK", 7)
    import pimask.datasets.checker as checker

    monkeypatch.setattr(checker, "BLOCK", 7)


def located(path: Path, **options) -> list[tuple]:
    report = check_file(str(path), CheckOptions(engine=Engine(), **options))
    assert report.error is None, report.error
    return [(h.where, h.entity, h.row, h.line) for h in report.hits]


def whole(path: Path) -> list[tuple]:
    """The same file through the whole-file reader (as --fix reads it)."""
    from pimask.datasets.checker import _check_text_based, detect_format
    from pimask.datasets.core import FileReport

    report = FileReport(str(path), detect_format(str(path)))
    _check_text_based(str(path), path.read_bytes(), report.format, CheckOptions(Engine()), report)
    return [(h.where, h.entity, h.row, h.line) for h in report.hits]


CSV = (
    f'id,备注,手机号\r\n1,"多行\r\n备注,带""引号""",{MOBILE}\r\n2,,\r\n3,"a\nb\nc",{MOBILE}\r\n'
    f'4,"身份证 {ID}",x\r\n'
)


def test_csv_across_blocks_equals_whole_file(workdir: Path, tiny_blocks) -> None:
    path = workdir / "u.csv"
    path.write_text(CSV, encoding="utf-8")
    got = located(path)
    assert got == whole(path)
    assert [(where, row) for where, _, row, _ in got] == [
        ("row 1, column 手机号 (line 3)", 1),
        ("row 3, column 手机号 (line 7)", 3),
        ("row 4, column 备注 (line 8)", 4),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encodings_across_blocks(workdir: Path, tiny_blocks, encoding: str) -> None:
    path = workdir / "u.csv"
    # ASCII first, Chinese later: GB18030 is only noticed after some blocks
    path.write_bytes(("a,b\n" * 5 + f"姓名,{MOBILE}\n张三,{MOBILE}\n").encode(encoding))
    report = check_file(str(path), CheckOptions(engine=Engine()))
    assert report.error is None and report.encoding == encoding
    assert len(report.hits) == 2


def test_gb18030_after_utf8_looking_text_is_read_again(workdir: Path, tiny_blocks) -> None:
    path = workdir / "u.log"
    # "é" is valid UTF-8 and valid GB18030; the file only fails UTF-8 later
    data = "café\n".encode() + f"电话 {MOBILE}\n".encode("gb18030")
    path.write_bytes(data)
    report = check_file(str(path), CheckOptions(engine=Engine()))
    assert report.encoding == "gb18030" and len(report.hits) == 1


def test_undecodable_names_line_and_offset_of_the_whole_file(workdir: Path, tiny_blocks) -> None:
    path = workdir / "bad.log"
    path.write_bytes(b"ok line\nsecond\n\xff\xfe\xfd\n")
    report = check_file(str(path), CheckOptions(engine=Engine()))
    assert report.error == (
        f"{path}: not UTF-8 (line 3, byte offset 15) and not GB18030/GBK either; pass --encoding"
    )


def test_jsonl_under_a_json_name_streams_a_document_is_read_whole(workdir: Path) -> None:
    lines = workdir / "events.json"
    lines.write_text('{"a": 1}\n{"tel": "' + MOBILE + '"}\n', encoding="utf-8")
    report = check_file(str(lines), CheckOptions(engine=Engine(), max_bytes=10))
    assert report.format == "jsonl" and report.error is None  # streamed: no size limit
    document = workdir / "doc.json"
    document.write_text('{\n  "tel": "' + MOBILE + '"\n}\n', encoding="utf-8")
    report = check_file(str(document), CheckOptions(engine=Engine(), max_bytes=10))
    assert "read whole" in report.error and "JSON Lines" in report.error
    assert located(document) == [("line 2, key tel", "CN_MOBILE", None, 2)]


def test_streamed_files_have_no_size_limit_by_default(workdir: Path, capsys) -> None:
    from pimask.datasets.core import DEFAULT_MAX_BYTES

    path = workdir / "big.csv"
    row = "小米手环,北京,2024-01-01,ok\n"  # a name column of products: no PERSON
    with path.open("w", encoding="utf-8") as handle:
        handle.write("name,city,date,status\n")
        handle.write(row * (DEFAULT_MAX_BYTES // len(row.encode()) + 10))
    assert path.stat().st_size > DEFAULT_MAX_BYTES
    assert main(["check", "--no-progress", str(path)]) == 0


def test_a_record_that_never_ends_is_refused_not_buffered(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, tiny_blocks
) -> None:
    monkeypatch.setattr(streamed, "MAX_RECORD", 100)
    path = workdir / "open.csv"
    path.write_text('a,b\n1,"never closed\n' + "x\n" * 200, encoding="utf-8")
    report = check_file(str(path), CheckOptions(engine=Engine()))
    assert "line 2: a record longer than" in report.error


# --- bounded reports ---------------------------------------------------------------------


def dense_csv(path: Path, rows: int) -> None:
    lines = ["name,手机号,身份证号"]
    lines += [f"u{n},{MOBILE},{ID}" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_report_lists_n_findings_per_file_then_counts(workdir: Path, capsys) -> None:
    dense_csv(workdir / "dense.csv", 30)
    assert main(["check", "dense.csv"]) == 1
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.startswith("dense.csv: row ")]
    assert len(listed) == 20  # the default
    assert "dense.csv: 40 more forbidden findings not listed" in out
    assert "dense.csv: column 手机号: 30 CN_MOBILE" in out
    assert "dense.csv: column 身份证号: 30 CN_RESIDENT_ID" in out
    assert "pimask: 60 forbidden findings in 1 file" in out

    assert main(["check", "--max-findings", "0", "dense.csv"]) == 1
    assert capsys.readouterr().out.count("dense.csv: row ") == 60
    assert main(["check", "--summary", "dense.csv"]) == 1
    out = capsys.readouterr().out
    assert "dense.csv: row " not in out and "dense.csv: column 手机号: 30 CN_MOBILE" in out


def test_text_files_get_counts_per_entity_when_truncated(workdir: Path, capsys) -> None:
    (workdir / "a.log").write_text(f"tel {MOBILE}\n" * 5, encoding="utf-8")
    assert main(["check", "--max-findings", "2", "a.log"]) == 1
    out = capsys.readouterr().out
    assert "a.log: 3 more forbidden findings not listed" in out
    assert "a.log: 5 CN_MOBILE" in out


def test_json_and_sarif_are_bounded_too(workdir: Path, capsys) -> None:
    dense_csv(workdir / "dense.csv", 30)
    assert main(["check", "--format", "json", "dense.csv"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert len(report["findings"]) == 20
    assert report["summary"]["forbidden"] == 60 and report["summary"]["not_listed"] == 40
    assert report["files"][0]["entities"] == {"CN_MOBILE": 30, "CN_RESIDENT_ID": 30}
    assert main(["check", "--format", "sarif", "dense.csv"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert len(sarif["runs"][0]["results"]) == 20
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("40 more findings not listed" in n["message"]["text"] for n in notes)


def test_negative_max_findings_is_a_usage_error(workdir: Path, capsys) -> None:
    dense_csv(workdir / "dense.csv", 1)
    assert main(["check", "--max-findings", "-1", "dense.csv"]) == 2
    assert "--max-findings" in capsys.readouterr().err


# --- progress ---------------------------------------------------------------------------


def test_progress_only_on_a_terminal(workdir: Path, capsys, monkeypatch) -> None:
    from pimask import progress

    assert isinstance(progress.byte_bar(100), progress.NoProgress)  # captured: not a TTY

    class Terminal:
        def __init__(self) -> None:
            self.text = ""

        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            self.text += text
            return len(text)

        def flush(self) -> None:
            pass

    terminal = Terminal()
    bar = progress.byte_bar(1000, stream=terminal)
    bar.update(500)
    bar.close()
    assert "500" in terminal.text or "%" in terminal.text
    assert isinstance(progress.byte_bar(1000, stream=terminal, enabled=False), progress.NoProgress)
    # pimask check hands the bar every block it reads
    seen: list[int] = []
    monkeypatch.setattr(
        progress, "byte_bar", lambda total, enabled=True, stream=None: _Recorder(seen, total)
    )
    dense_csv(workdir / "dense.csv", 10)
    main(["check", "dense.csv"])
    assert sum(seen[1:]) == (workdir / "dense.csv").stat().st_size == seen[0]


class _Recorder:
    def __init__(self, seen: list[int], total: int | None) -> None:
        seen.append(total or 0)
        self.seen = seen

    def update(self, amount: int) -> None:
        self.seen.append(amount)

    def close(self) -> None:
        pass
