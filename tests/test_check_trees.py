"""``pimask check`` on trees, standard input and staged files (issue 17).

A directory is walked like ripgrep walks it: every file, tracked or not, minus what
.gitignore, .pimaskignore and --exclude exclude. Git answers inside a repository; outside
one, nested .gitignore files are read with the same rules.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pimask.cli import main
from pimask.walk import walk

MOBILE = "13912345678"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("PIMASK_BASELINE_KEY", "PIMASK_BASELINE_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def make_tree(root: Path) -> None:
    """exports/ with findings at several depths, ignored files and a binary."""
    (root / "exports" / "2024" / "raw").mkdir(parents=True)
    (root / "exports" / "users.csv").write_text(f"name,手机号\n张三,{MOBILE}\n", "utf-8")
    (root / "exports" / "2024" / "notes.txt").write_text("hello\n", "utf-8")
    (root / "exports" / "2024" / "app.log").write_text(f"tel {MOBILE}\n", "utf-8")
    (root / "exports" / "2024" / "raw" / "dump.csv").write_text(f"phone\n{MOBILE}\n", "utf-8")
    (root / "exports" / "2024" / "skip.tmp").write_text(f"tel {MOBILE}\n", "utf-8")
    (root / "exports" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + MOBILE.encode())
    (root / ".gitignore").write_text("*.tmp\n", "utf-8")
    (root / "exports" / "2024" / ".gitignore").write_text("raw/\n", "utf-8")


def git(cwd: Path, *args: str) -> None:
    env = {"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd), "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_a_directory_is_walked_not_refused(workdir: Path, capsys) -> None:
    make_tree(workdir)
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "exports/users.csv: row 1, column 手机号 (line 2): CN_MOBILE" in out
    assert "exports/2024/app.log:1:5: CN_MOBILE" in out
    assert "raw/dump.csv" not in out  # a nested .gitignore excludes raw/
    assert "skip.tmp" not in out  # the top .gitignore (*.tmp) applies below it
    assert "exports/logo.png: skipped: binary file" in out
    assert "pimask: 1 file skipped" in out
    assert MOBILE not in out


def test_exclude_globs_and_pimaskignore(workdir: Path, capsys) -> None:
    make_tree(workdir)
    assert main(["check", "--exclude", "*.log", "--exclude", "users.csv", "."]) == 0
    (workdir / "exports" / ".pimaskignore").write_text("*.log\n/users.csv\n", "utf-8")
    capsys.readouterr()
    assert main(["check", "."]) == 0
    # a file named explicitly is always checked
    assert main(["check", "exports/users.csv"]) == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_inside_git_the_walk_asks_git(workdir: Path, capsys) -> None:
    make_tree(workdir)
    git(workdir, "init", "-q")
    (workdir / ".git" / "info").mkdir(exist_ok=True)
    (workdir / ".git" / "info" / "exclude").write_text("users.csv\n", "utf-8")
    assert sorted(walk("exports")) == [
        "2024/.gitignore",
        "2024/app.log",
        "2024/notes.txt",
        "logo.png",
    ]
    # a tracked file is checked even when an ignore pattern matches it, as git lists it
    git(workdir, "add", "-f", "exports/2024/raw/dump.csv")
    assert "2024/raw/dump.csv" in walk("exports")
    # .pimaskignore counts from the top of the repository
    (workdir / ".pimaskignore").write_text("exports/2024/\n", "utf-8")
    assert sorted(walk("exports")) == ["logo.png"]
    assert main(["check", "exports"]) == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_staged_checks_what_the_commit_records(workdir: Path, capsys) -> None:
    make_tree(workdir)
    git(workdir, "init", "-q")
    git(workdir, "add", "exports/2024/notes.txt", "exports/logo.png")
    assert main(["check", "--staged"]) == 0  # the binary is skipped, notes.txt is clean
    assert "exports/logo.png: skipped: binary file" in capsys.readouterr().out
    git(workdir, "add", "exports/users.csv")
    assert main(["check", "--staged"]) == 1
    assert "exports/users.csv: row 1" in capsys.readouterr().out


def test_outside_git_the_fallback_reads_gitignore_files(workdir: Path) -> None:
    # why outside git only files in and below the walked directory count: there is no
    # repository top to stop at when looking upwards
    make_tree(workdir)
    (workdir / "exports" / "2024" / ".gitignore").write_text("*\n!notes.txt\n", "utf-8")
    assert sorted(walk("exports", use_git=False)) == [
        "2024/notes.txt",
        "logo.png",
        "users.csv",
    ]


def test_stdin_dash(workdir: Path, capsys, monkeypatch) -> None:
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    feed(f"tel {MOBILE}\n".encode())
    assert main(["check", "-"]) == 1
    assert "-:1:5: CN_MOBILE" in capsys.readouterr().out
    feed(f"name,手机号\n张三,{MOBILE}\n".encode("gb18030"))
    assert main(["check", "--as", "csv", "-"]) == 1
    assert "-: row 1, column 手机号 (line 2): CN_MOBILE" in capsys.readouterr().out
    feed(b"hello\n")
    assert main(["check", "--fix", "-"]) == 2
    assert "--fix cannot rewrite standard input" in capsys.readouterr().err


def test_no_paths_is_a_usage_error(workdir: Path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    assert "usage: pimask check" in capsys.readouterr().err
