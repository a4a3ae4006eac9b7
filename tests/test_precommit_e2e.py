"""End to end with the real ``pre-commit`` tool and real ``git commit``s.

The hook definition is taken from this repository's ``.pre-commit-hooks.yaml`` (id, entry,
``files``/``exclude`` filters) and run as a ``repo: local`` hook with ``language: system``
pointing at the pimask installed in this environment. Why not ``language: python``: that
makes pre-commit build a virtualenv and ``pip install`` this checkout, which needs the
hatchling build backend and pimask's dependencies from an index, i.e. the network. That
path is covered by ``test_try_repo_installs_the_shipped_hook``, which runs only when
``PIMASK_E2E_NETWORK=1``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytest.importorskip("pre_commit")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
MOBILE = "13912345678"


def pimask_executable() -> str:
    beside = Path(sys.executable).parent / "pimask"
    if beside.exists():
        return str(beside)
    found = shutil.which("pimask")
    if found is None:
        pytest.skip("the pimask console script is not installed")
    return found


def system_language() -> str:
    from pre_commit import all_languages

    return "unsupported" if "unsupported" in all_languages.languages else "system"


@pytest.fixture
def git_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIMASK_BASELINE", "GIT_", "PRE_COMMIT"))
    }
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(tmp_path / "home"),
    )
    (tmp_path / "home").mkdir()
    return env


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run(["git", *args], cwd, env)


@pytest.fixture
def repo(tmp_path: Path, git_env: dict[str, str]) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    path = tmp_path / "project"
    path.mkdir()
    assert git(path, git_env, "init", "-q").returncode == 0
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "pimask-check" and hook["entry"].startswith("pimask ")
    local = dict(hook)
    local["language"] = system_language()
    local["entry"] = shlex.quote(pimask_executable()) + hook["entry"][len("pimask") :]
    local.pop("minimum_pre_commit_version", None)
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    installed = run([sys.executable, "-m", "pre_commit", "install"], path, git_env)
    assert installed.returncode == 0, installed.stderr
    git(path, git_env, "add", ".pre-commit-config.yaml")
    first = git(path, git_env, "commit", "-q", "-m", "config")
    assert first.returncode == 0, first.stdout + first.stderr
    return path


def commit(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    git(repo, env, "add", *files)
    return git(repo, env, "commit", "-m", "add data")


def test_commit_with_a_mobile_fails_then_passes_after_fix(repo: Path, git_env) -> None:
    data = repo / "exports" / "users.csv"
    data.parent.mkdir()
    data.write_bytes(f"编号,姓名,手机号\r\n1,张三,{MOBILE}\r\n2,李四,无\r\n".encode("gb18030"))

    refused = commit(repo, git_env, "exports/users.csv")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "exports/users.csv: row 1, column 手机号 (line 2): CN_MOBILE" in output
    assert MOBILE not in output  # the hook names where, never what
    assert git(repo, git_env, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    fixed = run([pimask_executable(), "check", "--fix", "exports/users.csv"], repo, git_env)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    # why: names under 姓名 are PERSON findings too; the display fix keeps the surname
    assert data.read_bytes() == "编号,姓名,手机号\r\n1,张*,139****5678\r\n2,李*,无\r\n".encode(
        "gb18030"
    )
    accepted = commit(repo, git_env, "exports/users.csv")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(repo, git_env, "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_commit_passes_with_a_baseline_entry(repo: Path, git_env) -> None:
    (repo / "fixtures.csv").write_text(f"name,phone\nhotline,{MOBILE}\n", encoding="utf-8")
    assert commit(repo, git_env, "fixtures.csv").returncode != 0

    created = run([pimask_executable(), "baseline", "create", "fixtures.csv"], repo, git_env)
    assert created.returncode == 0, created.stderr
    # the generated secret is git-ignored, the baseline itself is committed with the data
    ignored = git(repo, git_env, "check-ignore", "-q", ".pimask-baseline.key")
    assert ignored.returncode == 0
    accepted = commit(repo, git_env, "fixtures.csv", ".pimask-baseline.json", ".gitignore")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    committed = git(repo, git_env, "show", "HEAD:.pimask-baseline.json").stdout
    assert MOBILE not in committed and "hmac-sha256:" in committed


def test_hook_ignores_files_outside_its_filter(repo: Path, git_env) -> None:
    (repo / "notes.py").write_text(f'PHONE = "{MOBILE}"\n', encoding="utf-8")
    result = commit(repo, git_env, "notes.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_team_workflow_with_and_without_the_baseline_key(repo: Path, git_env) -> None:
    """A tree with a committed baseline: the key holder, then a teammate without the key."""
    pimask = pimask_executable()
    fixtures = repo / "exports" / "fixtures"
    fixtures.mkdir(parents=True)
    (fixtures / "hotline.csv").write_text(f"name,phone\nhotline,{MOBILE}\n", encoding="utf-8")
    (repo / "exports" / "readme.txt").write_text("sample exports\n", encoding="utf-8")
    created = run([pimask, "baseline", "create", "exports"], repo, git_env)
    assert created.returncode == 0, created.stdout + created.stderr
    key = (repo / ".pimask-baseline.key").read_text()
    with_key = commit(repo, git_env, "exports", ".pimask-baseline.json", ".gitignore")
    assert with_key.returncode == 0, with_key.stdout + with_key.stderr
    everything = run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, git_env)
    assert everything.returncode == 0, everything.stdout + everything.stderr

    # a teammate clones the repository: no key. Files without findings still commit.
    (repo / ".pimask-baseline.key").unlink()
    (repo / "notes.txt").write_text("hello\n", encoding="utf-8")
    plain = commit(repo, git_env, "notes.txt")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    # a change to a file the baseline covers cannot be decided without the key: refused,
    # with advice, and never with the value
    with (fixtures / "hotline.csv").open("a", encoding="utf-8") as handle:
        handle.write("office,none\n")
    refused = commit(repo, git_env, "exports/fixtures/hotline.csv")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "could not be compared" in output and "PIMASK_BASELINE_KEY" in output
    assert MOBILE not in output
    # CI, or the teammate once given the key, decides: the accepted value passes
    ci_env = {**git_env, "PIMASK_BASELINE_KEY": key.strip()}
    accepted = commit(repo, ci_env, "exports/fixtures/hotline.csv")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    checked = run([pimask, "check", "."], repo, ci_env)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(
    os.environ.get("PIMASK_E2E_NETWORK") != "1",
    reason="pre-commit's pip install of this checkout needs a package index (set "
    "PIMASK_E2E_NETWORK=1)",
)
def test_try_repo_installs_the_shipped_hook(tmp_path: Path, git_env) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = tmp_path / "try"
    project.mkdir()
    git(project, git_env, "init", "-q")
    (project / "users.csv").write_text(f"手机号\n{MOBILE}\n", encoding="utf-8")
    git(project, git_env, "add", "users.csv")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "pimask-check",
            "--files",
            "users.csv",
        ],
        cwd=project,
        env=git_env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "users.csv: row 1, column 手机号 (line 2): CN_MOBILE" in output


def test_the_documented_rev_exists() -> None:
    """docs/pre-commit.md tells users a ``rev:``; it must name a commit of this repository."""
    import re

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    text = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(\S+)", text, flags=re.MULTILINE)
    assert revs, "docs/pre-commit.md shows no rev:"
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True
    )
    for rev in revs:
        found = subprocess.run(
            ["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True
        )
        if found.returncode != 0 and shallow.stdout.strip() == "true":
            pytest.skip("shallow clone: older commits are not here")
        assert found.returncode == 0, f"rev {rev} is not a commit of this repository"
