"""pimask verify: remaining values and linking tokens, reported without values; reveal CLI."""

from __future__ import annotations

import json

import pytest

from pimask.cli import main
from pimask.engine import Engine
from pimask.verify import verify_lines

KEY = "verify-test-key-0123456789"
RAW = [
    "用户 13912345678 登录，IP 10.24.3.17",
    "用户 13812345678 下单，卡号 6222021234567890128",
    "客服 support@cloudcsp.com",
]


@pytest.fixture
def key_env(monkeypatch):
    monkeypatch.setenv("PIMASK_KEY", KEY)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)


def test_unprotected_lines_are_reported_with_positions_only() -> None:
    report = verify_lines(RAW, "anonymize")
    assert not report.ok and report.records == 3
    assert [(r.line, r.entity, r.start) for r in report.remaining] == [
        (1, "CN_MOBILE", 3), (1, "IP_ADDRESS", 21), (2, "CN_MOBILE", 3), (2, "BANK_CARD", 21),
        (3, "EMAIL", 3),
    ]  # fmt: skip
    assert "13912345678" not in json.dumps(report.to_dict())


def test_protected_output_verifies_clean() -> None:
    engine = Engine()
    out = [engine.apply(line, "anonymize").text for line in RAW]
    report = verify_lines(out, "anonymize", engine)
    assert report.ok, report.to_dict()


def test_pseudonyms_are_linking_tokens_for_anonymize_but_fine_for_deidentify(key_env) -> None:
    engine = Engine()
    out = [engine.apply(line, "deidentify").text for line in [*RAW, RAW[0]]]
    assert verify_lines(out, "deidentify", engine).ok
    report = verify_lines(out, "anonymize", engine)
    assert report.remaining == []
    kinds = {(t.kind, t.entity, t.key_id) for t in report.linking}
    assert ("pseudonym", "CN_MOBILE", "k1") in kinds
    repeated = [t for t in report.linking if t.entity == "CN_MOBILE" and t.lines == (1, 4)]
    assert repeated and repeated[0].count == 2


def test_repeated_hashes_link_records_single_ones_do_not() -> None:
    digest = "5d41402abc4b2a76b9719d911017c592"
    report = verify_lines([f"user={digest}", "other", f"again {digest}", "commit " + "a" * 40],
                          "anonymize")  # fmt: skip
    assert [(t.kind, t.lines) for t in report.linking] == [("hash", (1, 3))]


def test_allowlisted_values_are_not_reported(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: p\nlevel: anonymize\nallow:\n  values: [support@cloudcsp.com]\n")
    assert verify_lines([RAW[2]], str(path)).ok


def test_bare_ciphertext_entities_are_listed_as_unchecked(tmp_path, key_env) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "name: p\nlevel: deidentify\noperators:\n  CN_MOBILE: {type: encrypt, marker: false}\n"
    )
    report = verify_lines(["x"], str(path))
    assert report.unchecked == ["CN_MOBILE"]


def test_marked_ciphertexts_are_not_remaining_values(tmp_path, key_env) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: p\nlevel: deidentify\noperators:\n  CN_MOBILE: {type: encrypt}\n")
    engine = Engine()
    segments = ("139", "158", "186", "177", "199", "135", "150", "188", "130", "133")
    out = [
        engine.apply(f"手机 {seg}{n:08d}", str(path)).text for n in range(40) for seg in segments
    ]
    assert all("<enc:CN_MOBILE:k1:" in line for line in out)
    assert verify_lines(out, str(path), engine).ok


def test_cli_verify_exit_codes_and_no_values(tmp_path, capsys) -> None:
    raw = tmp_path / "raw.log"
    raw.write_text("\n".join(RAW) + "\n", encoding="utf-8")
    assert main(["verify", "--policy", "anonymize", str(raw)]) == 1
    out = capsys.readouterr().out
    assert f"{raw}:1:4: CN_MOBILE remains" in out and "FAILED: 3 records" in out
    assert "13912345678" not in out and "support@" not in out
    clean = tmp_path / "clean.log"
    assert main(["mask", "--policy", "anonymize", str(raw), "-o", str(clean)]) == 0
    assert main(["verify", "--policy", "anonymize", "--format", "json", str(clean)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["records"] == 3


def test_cli_verify_bad_policy_exits_2(tmp_path, capsys) -> None:
    raw = tmp_path / "raw.log"
    raw.write_text("x\n")
    assert main(["verify", "--policy", "anonymise", str(raw)]) == 2
    assert "no such policy file" in capsys.readouterr().err


def test_cli_reveal_round_trip(tmp_path, key_env, capsys) -> None:
    policy = tmp_path / "enc.yaml"
    policy.write_text(
        "name: enc\nlevel: deidentify\noperators:\n  default: {type: tag}\n"
        "  CN_MOBILE: {type: encrypt}\n  BANK_CARD: {type: encrypt}\n"
    )
    raw = tmp_path / "raw.log"
    raw.write_bytes("\n".join(RAW[:2]).encode() + b"\n\xff tail no newline")
    protected = tmp_path / "protected.log"
    revealed = tmp_path / "revealed.log"
    assert main(["mask", "--policy", str(policy), str(raw), "-o", str(protected)]) == 0
    assert b"13912345678" not in protected.read_bytes()
    assert main(["reveal", str(protected), "-o", str(revealed)]) == 0
    expected = raw.read_bytes().replace(b"10.24.3.17", b"<IP_ADDRESS>")
    assert revealed.read_bytes() == expected


def test_cli_reveal_values_mode(tmp_path, key_env, capsys) -> None:
    from pimask.keys import load_keys
    from pimask.operators import EncryptConfig, build_operator

    encrypt = build_operator("CN_MOBILE", EncryptConfig(marker=False), load_keys())
    column = tmp_path / "column.txt"
    column.write_text(f"{encrypt('13912345678')}\n{encrypt('13812345678')}\n")
    out = tmp_path / "out.txt"
    assert main(["reveal", "--values", "--entity", "CN_MOBILE", str(column), "-o", str(out)]) == 2
    assert "--unverified" in capsys.readouterr().err  # bare values carry no key check
    argv = ["reveal", "--values", "--unverified", "--entity", "CN_MOBILE", str(column)]
    assert main([*argv, "-o", str(out)]) == 0
    assert out.read_text() == "13912345678\n13812345678\n"
    bad = tmp_path / "bad.txt"
    bad.write_text("12\n")
    argv = ["reveal", "--values", "--unverified", "--entity", "CN_MOBILE", str(bad)]
    assert main([*argv, "-o", str(out)]) == 2
    assert f"{bad}:1: not a ciphertext of CN_MOBILE" in capsys.readouterr().err


def test_cli_reveal_without_key_exits_2(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    path = tmp_path / "x"
    path.write_text("x\n")
    assert main(["reveal", str(path)]) == 2
    assert "PIMASK_KEY" in capsys.readouterr().err


def test_cli_reveal_unwritable_output_exits_2(tmp_path, key_env, capsys) -> None:
    path = tmp_path / "x"
    path.write_text("x\n")
    target = tmp_path / "missing-dir" / "out.txt"
    assert main(["reveal", str(path), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"{target}: cannot write" in err and "Traceback" not in err
