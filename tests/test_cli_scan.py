"""`pimask scan` and `pimask recognizers`: output formats, value hiding, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pimask.cli import main

LOG = (
    "login ok phone=13912345678 ip=10.24.3.17\n"
    "订单号13912345678已发货\r\n"
    "邮箱 zhang.san@example.com"
)


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "app.log"
    path.write_bytes(LOG.encode("utf-8"))
    return path


def test_scan_text_output_names_file_line_column_entity(log_file: Path, capsys) -> None:
    assert main(["scan", str(log_file)]) == 1  # findings listed: exit 1, like check
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit(" score=", 1)[0] for line in lines] == [
        f"{log_file}:1:16: CN_MOBILE",
        f"{log_file}:1:31: IP_ADDRESS",
        f"{log_file}:3:4: EMAIL",
    ]
    assert all(0.5 <= float(line.rsplit("score=", 1)[1]) <= 1.0 for line in lines)


def test_scan_never_prints_values_unless_asked(log_file: Path, capsys) -> None:
    main(["scan", "--explain", "--format", "jsonl", str(log_file)])
    out = capsys.readouterr().out
    for value in ("13912345678", "10.24.3.17", "zhang.san@example.com"):
        assert value not in out
    main(["scan", "--show-values", str(log_file)])
    assert "value='13912345678'" in capsys.readouterr().out


def test_scan_jsonl_records(log_file: Path, capsys) -> None:
    main(["scan", "--format", "jsonl", "--show-values", str(log_file)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0] == {
        "file": str(log_file),
        "line": 1,
        "column": 16,
        "entity": "CN_MOBILE",
        "score": records[0]["score"],
        "value": "13912345678",
    }
    assert [r["entity"] for r in records] == ["CN_MOBILE", "IP_ADDRESS", "EMAIL"]


def test_scan_entities_option(log_file: Path, capsys) -> None:
    main(["scan", "--entities", "EMAIL", str(log_file)])
    assert capsys.readouterr().out.count("EMAIL") == 1


def test_missing_file_is_exit_2_with_clear_message(tmp_path: Path, capsys) -> None:
    assert main(["scan", str(tmp_path / "absent.log")]) == 2
    assert "absent.log: no such file" in capsys.readouterr().err


def test_unknown_entity_is_exit_2(log_file: Path, capsys) -> None:
    assert main(["scan", "--entities", "NOPE", str(log_file)]) == 2
    assert "unknown entities: NOPE" in capsys.readouterr().err


def test_scan_handles_invalid_utf8_without_crashing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bin.log"
    path.write_bytes(b"\xff\xfe\x00 phone=13912345678 \xc3\x28\n")
    assert main(["scan", str(path)]) == 1  # named explicitly: scanned despite the NUL
    assert "CN_MOBILE" in capsys.readouterr().out


def test_recognizers_list_and_test(capsys) -> None:
    assert main(["recognizers", "list"]) == 0
    listing = capsys.readouterr().out
    for rid in ("cn_resident_id", "cn_mobile", "bank_card", "imei", "mac_address", "email"):
        assert rid in listing
    assert main(["recognizers", "test"]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_console_script_runs_as_a_module(log_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pimask", "scan", "--format", "jsonl", str(log_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert len(result.stdout.splitlines()) == 3


# --- exit codes, formats and conventions (issue 17) ------------------------------------


def test_scan_exit_codes_match_check(tmp_path: Path, log_file: Path, capsys) -> None:
    clean = tmp_path / "clean.log"
    clean.write_text("nothing personal here\n", encoding="utf-8")
    assert main(["scan", str(clean)]) == 0
    assert main(["scan", str(clean), str(log_file)]) == 1
    # a missing file is an error, but the other files are still scanned
    assert main(["scan", str(tmp_path / "absent.log"), str(log_file)]) == 2
    captured = capsys.readouterr()
    assert "absent.log: no such file" in captured.err
    assert f"{log_file}:1:16: CN_MOBILE" in captured.out


def test_scan_stdin_dash(monkeypatch, capsys) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(LOG.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["scan", "-"]) == 1
    assert "-:1:16: CN_MOBILE" in capsys.readouterr().out


def test_scan_walks_a_directory_and_skips_binaries(tmp_path: Path, capsys) -> None:
    tree = tmp_path / "logs"
    (tree / "old").mkdir(parents=True)
    (tree / "old" / "a.log").write_text("phone=13912345678\n", encoding="utf-8")
    (tree / "image.png").write_bytes(b"\x89PNG\x00\x00 13912345678")
    (tree / "ignored.log").write_text("phone=13912345678\n", encoding="utf-8")
    (tree / ".gitignore").write_text("ignored.log\n", encoding="utf-8")
    assert main(["scan", str(tree)]) == 1
    captured = capsys.readouterr()
    assert f"{tree}/old/a.log:1:7: CN_MOBILE" in captured.out
    assert "ignored.log" not in captured.out
    assert "image.png: skipped: binary file" in captured.err


def test_scan_json_and_sarif_documents(log_file: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("PIMASK_BASELINE_KEY", raising=False)
    monkeypatch.delenv("PIMASK_BASELINE_KEY_FILE", raising=False)
    monkeypatch.chdir(log_file.parent)
    assert main(["scan", "--format", "json", str(log_file)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["forbidden"] == 3
    assert [f["entity"] for f in document["findings"]] == ["CN_MOBILE", "IP_ADDRESS", "EMAIL"]
    assert main(["scan", "--format", "sarif", str(log_file)]) == 1
    out = capsys.readouterr().out
    sarif = json.loads(out)
    results = sarif["runs"][0]["results"]
    assert len(results) == 3
    # no key here: no fingerprints at all (never values, never unkeyed hashes)
    assert all("partialFingerprints" not in result for result in results)
    assert "13912345678" not in out and "zhang.san" not in out


def test_sarif_partial_fingerprints_only_from_the_keyed_fingerprint(
    log_file: Path, capsys, monkeypatch
) -> None:
    import hashlib

    monkeypatch.chdir(log_file.parent)
    monkeypatch.setenv("PIMASK_BASELINE_KEY", "a-team-secret-0123456789")
    assert main(["scan", "--format", "sarif", str(log_file)]) == 1
    out = capsys.readouterr().out
    results = json.loads(out)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["pimaskKeyedFingerprint/v1"] for r in results]
    assert all(p.startswith("hmac-sha256:") for p in prints) and len(set(prints)) == 3
    for value in ("13912345678", "10.24.3.17", "zhang.san@example.com"):
        assert value not in out
        assert hashlib.sha256(value.encode()).hexdigest()[:32] not in out
    # another key, other fingerprints: they identify findings only for the key's holders
    monkeypatch.setenv("PIMASK_BASELINE_KEY", "another-secret-0123456789")
    main(["scan", "--format", "sarif", str(log_file)])
    other = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert [r["partialFingerprints"]["pimaskKeyedFingerprint/v1"] for r in other] != prints


def test_short_version_flag(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["-V"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("pimask ")


@pytest.mark.parametrize("command", [["mask"], ["scan"], ["check"], ["baseline", "audit"]])
def test_unknown_option_prints_the_subcommands_usage(command, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main([*command, "--bogus"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: pimask {' '.join(command)} ")
    assert f"pimask {' '.join(command)}: error: unrecognized arguments: --bogus" in err


def _all_parsers():
    import argparse

    from pimask.cli import build_parser

    pending = [("", build_parser())]
    while pending:
        path, parser = pending.pop()
        yield path, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    pending.append((f"{path} {name}".strip(), sub))


def test_every_command_help_has_examples_and_no_repository_paths() -> None:
    import re

    for path, parser in _all_parsers():
        text = parser.format_help()
        assert "docs/" not in text, path  # a pip user has no docs/ folder
        assert not re.search(r"https?://", text), path  # no invented URLs
        if parser.get_default("handler") is not None or not path:  # commands that run
            assert "examples:" in text, path


def test_help_topics_ship_with_the_package(capsys) -> None:
    assert main(["help"]) == 0
    assert "pre-commit" in capsys.readouterr().out
    assert main(["help", "baseline"]) == 0
    assert "PIMASK_BASELINE_KEY" in capsys.readouterr().out
    assert main(["help", "nope"]) == 2
    assert "no help topic 'nope'" in capsys.readouterr().err


def test_help_topics_are_copies_of_the_docs() -> None:
    from pimask.cli.help import TOPICS

    root = Path(__file__).resolve().parents[1]
    for file, _ in TOPICS.values():
        shipped = root / "src" / "pimask" / "help" / file
        assert shipped.read_text("utf-8") == (root / "docs" / file).read_text("utf-8"), (
            f"copy docs/{file} to src/pimask/help/{file}"
        )


def test_user_facing_messages_do_not_point_at_repository_paths() -> None:
    from pimask.baseline import KEY_HELP

    root = Path(__file__).resolve().parents[1]
    assert "docs/" not in KEY_HELP
    for module in ("baseline.py", "cli/mask.py", "cli/check.py", "cli/scan.py"):
        source = (root / "src" / "pimask" / module).read_text("utf-8")
        strings = re.findall(r'"[^"\n]*docs/[^"\n]*"', source)
        assert not strings, (module, strings)
