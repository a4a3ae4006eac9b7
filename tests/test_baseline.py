"""The baseline accepts reviewed findings and leaks nothing about them.

It is committed next to the data, so it must contain neither the values nor anything that
enumeration reverses (a plain hash of an 11-digit phone number), and it must not churn when
lines move.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pimask.baseline import (
    BASELINE_FILE,
    KEY_ENV,
    KEY_FILE,
    KEY_FILE_ENV,
    Baseline,
    BaselineKey,
    normalize_value,
)
from pimask.cli import main
from pimask.errors import ConfigError

from .strategies import bank_cards, emails, mobiles, resident_ids

MOBILE = "13912345678"
MOBILE2 = "15812345678"
SECRET = "test-secret-0123456789abcdef"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(KEY_FILE_ENV, raising=False)
    return tmp_path


def write_csv(path: Path, rows: list[tuple[str, str]]) -> None:
    lines = ["name,手机号", *(f"{name},{phone}" for name, phone in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def plain_digests(value: str) -> set[str]:
    """Every unkeyed hash an attacker would try, of the value and its normal forms."""
    forms = {value, value.lower(), value.upper(), normalize_value(value)}
    digests = set()
    for form in forms:
        data = form.encode()
        for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "sha3_256"):
            digests.add(hashlib.new(name, data).hexdigest())
    return digests


def assert_leaks_nothing(baseline_text: str, values: list[str]) -> None:
    lowered = baseline_text.lower()
    hex_runs = re.findall(r"[0-9a-f]{8,}", lowered)
    for value in values:
        for form in {value, normalize_value(value), value.replace(" ", "")}:
            assert form.lower() not in lowered
        digits = re.sub(r"\D", "", value)  # the number without its separators
        if len(digits) >= 6:  # also when written with other separators
            assert digits not in re.sub(r"[\s\-()+.]", "", baseline_text)
        for digest in plain_digests(value):
            # no full digest and no truncation of one (first or last 8+ hex characters)
            for run in hex_runs:
                assert run not in digest and digest[:8] not in run and digest[-8:] not in run


def test_create_accepts_current_findings_and_check_passes(repo: Path, capsys) -> None:
    write_csv(repo / "users.csv", [("张三", MOBILE), ("李四", MOBILE2)])
    assert main(["check", "users.csv"]) == 1
    assert main(["baseline", "create", "users.csv"]) == 0
    out = capsys.readouterr().out
    assert "accepted 4 finding(s)" in out  # 2 mobiles, 2 names (the name column)
    assert (repo / KEY_FILE).exists()
    assert f"/{KEY_FILE}" in (repo / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert main(["check", "users.csv"]) == 0
    assert "2 accepted by the baseline" not in capsys.readouterr().out  # clean: no summary


def test_baseline_holds_no_values_and_no_plain_hashes(repo: Path) -> None:
    values = [MOBILE, "11010519491231002X", "6222021234567890128", "zhang.san@example.com"]
    (repo / "mixed.log").write_text(
        f"手机 {values[0]}\n身份证 {values[1]}\n卡号 {values[2]}\n邮箱 {values[3]}\n",
        encoding="utf-8",
    )
    assert main(["baseline", "create", "mixed.log"]) == 0
    text = (repo / BASELINE_FILE).read_text(encoding="utf-8")
    assert len(json.loads(text)["findings"]) == 4
    assert_leaks_nothing(text, values)
    assert SECRET not in text and (repo / KEY_FILE).read_text().strip() not in text


@settings(
    max_examples=15,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    values=st.lists(
        st.one_of(mobiles(), resident_ids(), bank_cards(), emails()), min_size=1, max_size=4
    )
)
def test_no_generated_value_or_its_plain_hash_reaches_the_baseline(
    tmp_path_factory, engine, values: list[str]
) -> None:
    root = tmp_path_factory.mktemp("bl")
    key = BaselineKey(SECRET.encode(), "test")
    baseline = Baseline(root / BASELINE_FILE, key)
    data = root / "data.csv"
    data.write_text("联系方式\n" + "\n".join(f'"{v}"' for v in values) + "\n", encoding="utf-8")
    from pimask.datasets import CheckOptions, check_file

    report = check_file(str(data), CheckOptions(engine=engine, min_score=0.0))
    baseline.entries = {baseline.entry_for(hit) for hit in report.hits}
    assert baseline.entries  # something was accepted, so the file has fingerprints
    assert_leaks_nothing(baseline.to_json(), values)


def test_fingerprints_do_not_depend_on_line_numbers(repo: Path) -> None:
    path = repo / "users.csv"
    write_csv(path, [("张三", MOBILE), ("李四", MOBILE2)])
    assert main(["baseline", "create", "users.csv"]) == 0
    before = (repo / BASELINE_FILE).read_bytes()
    # insert rows above, reorder, change other columns: accepted values stay accepted
    write_csv(path, [("新", "无"), ("李四", MOBILE2), ("x", "y"), ("张三（改名）", MOBILE)])
    assert main(["check", "users.csv"]) == 0
    assert main(["baseline", "update", "users.csv"]) == 0
    assert (repo / BASELINE_FILE).read_bytes() == before


def test_pragma_lines_need_no_baseline(repo: Path) -> None:
    (repo / "README.txt").write_text(
        f"客服电话 {MOBILE}  <!-- pimask: allow -->\n"
        f"only mail allowed {MOBILE2} pimask: allow EMAIL\n",
        encoding="utf-8",
    )
    assert main(["check", "README.txt"]) == 1  # the second line's pragma is for EMAIL only
    (repo / "README.txt").write_text(f"客服电话 {MOBILE} pimask: allow\n", encoding="utf-8")
    assert main(["check", "README.txt"]) == 0


def test_update_adds_new_and_forgets_gone_findings(repo: Path, capsys) -> None:
    path = repo / "users.csv"
    write_csv(path, [("a", MOBILE)])
    main(["baseline", "create", "users.csv"])
    write_csv(path, [("b", MOBILE2)])
    assert main(["check", "users.csv"]) == 1
    capsys.readouterr()
    assert main(["baseline", "update", "users.csv"]) == 0
    assert "1 added, 1 removed" in capsys.readouterr().out
    assert main(["check", "users.csv"]) == 0


def test_update_keeps_entries_of_files_not_rescanned(repo: Path) -> None:
    write_csv(repo / "a.csv", [("a", MOBILE)])
    write_csv(repo / "b.csv", [("b", MOBILE2)])
    main(["baseline", "create", "a.csv", "b.csv"])
    write_csv(repo / "a.csv", [("a", "none")])
    main(["baseline", "update", "a.csv"])
    entries = json.loads((repo / BASELINE_FILE).read_text(encoding="utf-8"))["findings"]
    assert [entry["file"] for entry in entries] == ["b.csv"]


def test_the_same_value_elsewhere_is_not_accepted(repo: Path) -> None:
    write_csv(repo / "a.csv", [("a", MOBILE)])
    main(["baseline", "create", "a.csv"])
    write_csv(repo / "b.csv", [("b", MOBILE)])
    assert main(["check", "a.csv", "b.csv"]) == 1


def test_audit_reports_present_and_stale(repo: Path, capsys) -> None:
    path = repo / "users.csv"
    write_csv(path, [("a", MOBILE), ("b", MOBILE2)])
    main(["baseline", "create", "users.csv"])
    write_csv(path, [("a", MOBILE)])
    capsys.readouterr()
    assert main(["baseline", "audit", "users.csv"]) == 0
    out = capsys.readouterr().out
    assert "present at row 1, column 手机号" in out and "STALE" in out and "1 stale" in out
    assert MOBILE not in out
    assert main(["baseline", "audit", "--fail-on-stale", "users.csv"]) == 1
    assert main(["baseline", "audit", "--show-values", "users.csv"]) == 0
    assert MOBILE in capsys.readouterr().out


def test_wrong_key_is_a_config_error(repo: Path, monkeypatch, capsys) -> None:
    write_csv(repo / "u.csv", [("a", MOBILE)])
    main(["baseline", "create", "u.csv"])
    (repo / KEY_FILE).unlink()
    monkeypatch.setenv(KEY_ENV, "another-secret-0123456789")
    assert main(["check", "u.csv"]) == 2
    assert "different secret key" in capsys.readouterr().err


def test_key_from_environment_and_key_file(repo: Path, monkeypatch) -> None:
    monkeypatch.setenv(KEY_ENV, SECRET)
    write_csv(repo / "u.csv", [("a", MOBILE)])
    assert main(["baseline", "create", "u.csv"]) == 0
    assert not (repo / KEY_FILE).exists()  # the environment provided the key
    monkeypatch.delenv(KEY_ENV)
    key_file = repo.parent / f"{repo.name}-secret"
    key_file.write_text(SECRET + "\n")
    monkeypatch.setenv(KEY_FILE_ENV, str(key_file))
    assert main(["check", "u.csv"]) == 0


def test_short_key_is_refused() -> None:
    with pytest.raises(ConfigError, match="too short"):
        BaselineKey(b"short", "test")


def test_personal_looking_names_are_keyed(repo: Path) -> None:
    name = f"{MOBILE}.csv"
    write_csv(repo / name, [("a", MOBILE2)])
    main(["baseline", "create", name])
    text = (repo / BASELINE_FILE).read_text(encoding="utf-8")
    assert MOBILE not in text and "<keyed:" in text
    assert main(["check", name]) == 0


def test_corrupt_baseline_names_file_and_field(repo: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv(KEY_ENV, SECRET)
    write_csv(repo / "u.csv", [("a", MOBILE)])
    main(["baseline", "create", "u.csv"])
    data = json.loads((repo / BASELINE_FILE).read_text(encoding="utf-8"))
    data["findings"][0]["fingerprint"] = 7
    (repo / BASELINE_FILE).write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", "u.csv"]) == 2
    assert "findings[0]" in capsys.readouterr().err


def test_create_refuses_to_overwrite(repo: Path, capsys) -> None:
    write_csv(repo / "u.csv", [("a", MOBILE)])
    main(["baseline", "create", "u.csv"])
    assert main(["baseline", "create", "u.csv"]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["baseline", "create", "--force", "u.csv"]) == 0


def test_repr_of_key_never_shows_the_secret() -> None:
    assert SECRET not in repr(BaselineKey(SECRET.encode(), "env"))


def test_the_leak_check_itself_catches_plain_hashes() -> None:
    """The property above is only as good as its detector: it must see these leaks."""
    for leak in (
        hashlib.sha256(MOBILE.encode()).hexdigest(),
        hashlib.sha1(MOBILE.encode()).hexdigest()[:16],
        hashlib.md5(MOBILE.encode()).hexdigest()[-12:],
        "139 1234 5678",
    ):
        with pytest.raises(AssertionError):
            assert_leaks_nothing(json.dumps({"fingerprint": leak}), [MOBILE])


def test_personal_keys_and_headers_stay_hidden_and_fingerprints_stable(repo: Path, capsys) -> None:
    (repo / "k.csv").write_text(f"{MOBILE}\n{MOBILE2}\n", encoding="utf-8")
    assert main(["baseline", "create", "k.csv"]) == 0
    # the fingerprint does not depend on whether values are shown
    assert main(["check", "k.csv"]) == 0
    assert main(["check", "--show-values", "k.csv"]) == 0
    capsys.readouterr()
    assert main(["baseline", "audit", "--fail-on-stale", "k.csv"]) == 0
    out = capsys.readouterr().out
    assert "present at row 1, column <CN_MOBILE> (line 2)" in out
    assert MOBILE not in out and MOBILE2 not in out
    assert main(["baseline", "audit", "--fail-on-stale", "--show-values", "k.csv"]) == 0
    assert f"column {MOBILE} (line 2)" in capsys.readouterr().out


# --- a teammate without the key (issue 17) ---------------------------------------------


def test_without_the_key_files_without_findings_pass(repo: Path, capsys) -> None:
    write_csv(repo / "fixtures.csv", [("hotline", MOBILE)])
    assert main(["baseline", "create", "fixtures.csv"]) == 0
    (repo / KEY_FILE).unlink()  # the teammate cloned the repository: no key
    (repo / "notes.txt").write_text("hello\n", encoding="utf-8")
    assert main(["check", "notes.txt"]) == 0  # the key is only needed to compare findings
    assert main(["check", "fixtures.csv", "notes.txt"]) == 1  # never 0 with findings
    out = capsys.readouterr().out
    assert "could not be compared" in out and "PIMASK_BASELINE_KEY" in out
    assert "CI" in out and MOBILE not in out


def test_without_the_key_findings_elsewhere_are_plain_findings(repo: Path, capsys) -> None:
    write_csv(repo / "fixtures.csv", [("hotline", MOBILE)])
    main(["baseline", "create", "fixtures.csv"])
    (repo / KEY_FILE).unlink()
    write_csv(repo / "new.csv", [("a", MOBILE2)])
    capsys.readouterr()
    assert main(["check", "new.csv"]) == 1
    out = capsys.readouterr().out
    assert "new.csv: row 1, column 手机号" in out
    assert "could not be compared" not in out  # the baseline has no entry for new.csv


def test_stale_entries_are_a_hint_for_files_checked_in_this_run(repo: Path, capsys) -> None:
    write_csv(repo / "a.csv", [("x", MOBILE), ("y", MOBILE2)])
    write_csv(repo / "b.csv", [("x", MOBILE)])
    main(["baseline", "create", "a.csv", "b.csv"])
    write_csv(repo / "a.csv", [("x", MOBILE)])
    capsys.readouterr()
    assert main(["check", "a.csv"]) == 0  # a hint, not a failure
    out = capsys.readouterr().out
    assert "hint: a.csv: 1 baseline entry no longer matches anything" in out
    assert "b.csv" not in out  # not checked in this run: nothing said about it
    assert main(["check", "b.csv"]) == 0
    assert "hint" not in capsys.readouterr().out


def test_locked_baseline_reveals_nothing_it_cannot_without_the_key(repo: Path) -> None:
    from pimask.baseline import LockedBaseline

    write_csv(repo / "fixtures.csv", [("hotline", MOBILE)])
    (repo / f"{MOBILE2}.csv").write_text(f"phone\n{MOBILE2}\n", encoding="utf-8")
    main(["baseline", "create", "fixtures.csv", f"{MOBILE2}.csv"])
    locked = LockedBaseline.read(repo / BASELINE_FILE)
    assert MOBILE2 not in " ".join(locked.files)  # a personal file name stays keyed
    assert locked.might_cover("anything.csv")  # so any file might be covered
