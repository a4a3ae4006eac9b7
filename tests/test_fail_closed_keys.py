"""Keys (issue 15): ``reveal`` never prints a value decrypted with the wrong key; key files
others can read or write, and keys that look guessable, are called out."""

from __future__ import annotations

import secrets
import warnings
from pathlib import Path

import pytest

from pimask.cli import main
from pimask.errors import ConfigError
from pimask.keys import KeyWarning, load_keys, parse_key_file
from pimask.operators import EncryptConfig, build_operator, reveal_text

MOBILE = "13812345678"
GOOD = secrets.token_urlsafe(32)
OTHER = secrets.token_urlsafe(32)


def _encrypt(secret: str, value: str = MOBILE) -> str:
    keys = load_keys({"PIMASK_KEY": secret})
    return build_operator("CN_MOBILE", EncryptConfig(), keys)(value)


def test_reveal_with_the_wrong_key_exits_2_and_prints_no_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    protected = tmp_path / "p.log"
    token = _encrypt(GOOD)
    protected.write_text(f"clean line\nphone {token}\n", encoding="utf-8")
    monkeypatch.setenv("PIMASK_KEY", OTHER)  # same id k1, another secret
    out = tmp_path / "out.log"
    assert main(["reveal", str(protected), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{protected}:2: key 'k1' is not the key these tokens were written with" in err
    assert token.split(":")[3][:11] not in out.read_text(encoding="utf-8")  # no wrong value
    assert "phone" not in out.read_text(encoding="utf-8")
    monkeypatch.setenv("PIMASK_KEY", GOOD)
    assert main(["reveal", str(protected), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == f"clean line\nphone {MOBILE}\n"


def test_tokens_written_before_the_key_check_stay_readable_with_a_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _encrypt(GOOD).rsplit("~", 1)[0] + ">"  # the form pimask wrote until now
    keys = load_keys({"PIMASK_KEY": GOOD})
    with pytest.raises(ConfigError, match="no key check"):
        reveal_text(old, keys)
    assert reveal_text(old, keys, unverified=True) == (MOBILE, 1)
    protected = tmp_path / "old.log"
    protected.write_text(old + "\n", encoding="utf-8")
    monkeypatch.setenv("PIMASK_KEY", GOOD)
    assert main(["reveal", str(protected)]) == 2
    assert "--unverified" in capsys.readouterr().err
    assert main(["reveal", "--unverified", str(protected)]) == 0
    assert capsys.readouterr().out == MOBILE + "\n"


def test_the_key_check_is_bound_to_the_key_id() -> None:
    one = load_keys({"PIMASK_KEY": GOOD, "PIMASK_KEY_ID": "k1"}).current
    two = load_keys({"PIMASK_KEY": GOOD, "PIMASK_KEY_ID": "k2"}).current
    assert one.check != two.check
    assert len(one.check) == 8


def _key_file(tmp_path: Path, mode: int, secret: str = GOOD) -> Path:
    path = tmp_path / "pimask.keys"
    path.write_text(f"k1 {secret}\n", encoding="utf-8")
    path.chmod(mode)
    return path


def test_a_world_writable_key_file_is_refused(tmp_path: Path) -> None:
    path = _key_file(tmp_path, 0o666)
    with pytest.raises(ConfigError, match="writable by everyone"):
        load_keys({"PIMASK_KEY_FILE": str(path)})


def test_a_key_file_others_can_read_gets_a_warning_that_can_be_silenced(tmp_path: Path) -> None:
    path = _key_file(tmp_path, 0o644)
    with pytest.warns(KeyWarning, match="PIMASK_KEY_FILE_MODE_OK=1"):
        parse_key_file(path, {})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_key_file(path, {"PIMASK_KEY_FILE_MODE_OK": "1"})  # a mounted secret
        parse_key_file(_key_file(tmp_path, 0o600), {})


@pytest.mark.parametrize(
    "secret",
    ["aaaaaaaaaaaaaaaa", "abcdabcdabcdabcdabcd", "0123456789abcdefghij", "correct-password-42!"],
)
def test_a_weak_key_gets_a_warning_with_the_recipe(secret: str) -> None:
    with pytest.warns(KeyWarning, match=r"secrets\.token_urlsafe\(32\)"):
        load_keys({"PIMASK_KEY": secret})


def test_random_keys_get_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(50):
            load_keys({"PIMASK_KEY": secrets.token_urlsafe(32)})
            load_keys({"PIMASK_KEY": secrets.token_hex(32)})


def test_a_common_word_inside_a_long_random_key_is_no_weakness() -> None:
    # why: 1 in ~500 runs a random urlsafe key contains "test" or "admin" by chance
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_keys({"PIMASK_KEY": "q7Rk2_vTestZp9LmXw4Nc8Hs0dYbJ6fGu1AeKo3iWxV"})
        load_keys({"PIMASK_KEY": "9f3b7c2e1d0a" + "admin" + "4e8f6a2b9c7d1e3f5a0b8c6d2e4f"})


def test_the_cli_prints_the_warning_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.log"
    source.write_text(f"phone={MOBILE}\n", encoding="utf-8")
    monkeypatch.setenv("PIMASK_KEY", "aaaaaaaaaaaaaaaa")
    assert main(["mask", "--policy", "deidentify", str(source), "-o", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "pimask: warning: PIMASK_KEY: the key looks weak" in err
    assert "aaaaaaaaaaaaaaaa" not in err
