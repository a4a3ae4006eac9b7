"""Keys come from the environment or a key file, never from policies; no silent fallback."""

from __future__ import annotations

import pytest

from pimask.errors import ConfigError
from pimask.keys import load_keys, parse_key_file

SECRET = "0123456789abcdef0123456789abcdef"


def test_key_from_env_with_default_id() -> None:
    ring = load_keys({"PIMASK_KEY": SECRET})
    assert ring.current.id == "k1"
    assert ring.current.secret == SECRET.encode()


def test_key_id_from_env() -> None:
    assert load_keys({"PIMASK_KEY": SECRET, "PIMASK_KEY_ID": "2026q4"}).current.id == "2026q4"


def test_missing_key_is_an_error_not_a_fallback() -> None:
    with pytest.raises(ConfigError, match="PIMASK_KEY"):
        load_keys({})


def test_short_key_is_refused() -> None:
    with pytest.raises(ConfigError, match="too short"):
        load_keys({"PIMASK_KEY": "short"})


def test_bad_key_id_is_refused() -> None:
    with pytest.raises(ConfigError, match="key id"):
        load_keys({"PIMASK_KEY": SECRET, "PIMASK_KEY_ID": "k:1"})


def test_both_sources_is_ambiguous(tmp_path) -> None:
    path = tmp_path / "keys"
    path.write_text(f"k1 {SECRET}\n")
    with pytest.raises(ConfigError, match="not both"):
        load_keys({"PIMASK_KEY": SECRET, "PIMASK_KEY_FILE": str(path)})


def test_key_file_first_key_is_current_and_all_are_readable(tmp_path) -> None:
    path = tmp_path / "keys"
    path.write_text(f"# rotation\nk2 {SECRET}x\n\nk1 {SECRET}\n")
    ring = load_keys({"PIMASK_KEY_FILE": str(path)})
    assert ring.current.id == "k2"
    assert ring.get("k1").secret == SECRET.encode()
    with pytest.raises(ConfigError, match="no key with id 'k9'"):
        ring.get("k9")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "holds no key"),
        ("k1\n", ":1: expected 'KEY_ID SECRET'"),
        (f"k1 {SECRET}\nk1 {SECRET}\n", ":2: key id 'k1' appears twice"),
        ("k1 tooshort\n", ":1: key is too short"),
    ],
    ids=["empty", "no-secret", "duplicate", "short"],
)
def test_key_file_errors_name_the_line_and_never_the_secret(tmp_path, content, message) -> None:
    path = tmp_path / "keys"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message) as info:
        parse_key_file(path)
    assert SECRET not in str(info.value)
    assert "tooshort" not in str(info.value)


def test_missing_key_file() -> None:
    with pytest.raises(ConfigError, match="key file not found"):
        load_keys({"PIMASK_KEY_FILE": "/nonexistent/pimask.keys"})


def test_repr_never_shows_the_secret() -> None:
    ring = load_keys({"PIMASK_KEY": SECRET})
    assert SECRET not in repr(ring) and SECRET not in repr(ring.current)


def test_derived_subkeys_differ_by_purpose() -> None:
    key = load_keys({"PIMASK_KEY": SECRET}).current
    assert key.derive("pseudonym") != key.derive("ff3-1/key")
    assert len(key.derive("pseudonym")) == 32
