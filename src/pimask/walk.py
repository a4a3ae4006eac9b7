"""Which files a directory argument means: every file under it, minus what is ignored.

``pimask check exports/`` walks the tree like ripgrep: every file, tracked or not, except
what ``.gitignore`` excludes, what ``.pimaskignore`` files exclude (same syntax, for data
that git tracks but pimask should not check) and ``--exclude`` globs.

Inside a git work tree, git itself answers which files are not ignored
(``git ls-files --cached --others --exclude-standard``): it knows nested ``.gitignore``
files, ``.git/info/exclude`` and the user's global excludes, and it lists tracked files
even when a pattern matches them, as git does. Outside a repository (an unpacked data drop,
or no ``git`` installed) nested ``.gitignore`` files under the walked directory are read
with the same gitignore rules (``pathspec``). The ``.git`` folder and pimask's own baseline
files are never walked.

Files named explicitly are never filtered: naming a file means checking it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from pimask.errors import ConfigError

IGNORE_FILES = (".gitignore", ".pimaskignore")
PIMASK_IGNORE = ".pimaskignore"
# pimask's own files: the baseline holds keyed fingerprints, the key file the secret
OWN_FILES = frozenset({".pimask-baseline.json", ".pimask-baseline.key"})
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check and how it was chosen.

    ``explicit`` files were named on the command line: one that cannot be examined
    (binary, unsupported) fails the check. Files met in a walk are skipped with a note.
    """

    path: str
    explicit: bool


class Rules:
    """gitignore-style rules from per-directory files under ``root`` plus extra patterns.

    ``ignored(rel)`` follows git: the deepest directory's file decides first, the last
    matching pattern in a file wins, ``!pattern`` re-includes, and nothing inside an
    ignored directory comes back.
    """

    def __init__(self, root: Path, names: Sequence[str], extra: Sequence[str] = ()) -> None:
        self.root = root
        self.names = tuple(names)
        self.extra = pathspec.GitIgnoreSpec.from_lines(extra) if extra else None
        self._specs: dict[str, pathspec.GitIgnoreSpec | None] = {}
        self._dirs: dict[str, bool] = {}

    def _spec(self, directory: str) -> pathspec.GitIgnoreSpec | None:
        if directory not in self._specs:
            lines: list[str] = []
            for name in self.names:
                path = self.root / directory / name
                try:
                    lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
                except OSError:
                    continue
            self._specs[directory] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[directory]

    def _matches(self, rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        if self.extra is not None and self.extra.match_file(probe):
            return True
        parts = rel.split("/")
        for depth in range(len(parts) - 1, -1, -1):
            directory = "/".join(parts[:depth])
            spec = self._spec(directory)
            if spec is None:
                continue
            below = "/".join(parts[depth:]) + ("/" if is_dir else "")
            result = spec.check_file(below).include
            if result is not None:
                return result
        return False

    def dir_ignored(self, rel: str) -> bool:
        """Whether directory ``rel`` (or one above it) is ignored."""
        if not rel:
            return False
        cached = self._dirs.get(rel)
        if cached is None:
            parent = rel.rpartition("/")[0]
            cached = self.dir_ignored(parent) or self._matches(rel, True)
            self._dirs[rel] = cached
        return cached

    def ignored(self, rel: str) -> bool:
        """Whether file ``rel`` (relative to ``root``, ``/``-separated) is ignored."""
        return self.dir_ignored(rel.rpartition("/")[0]) or self._matches(rel, False)


def expand(
    names: Iterable[str], *, exclude: Sequence[str] = (), use_git: bool = True
) -> Iterator[Target]:
    """The files that ``names`` mean: directories walked, files and ``-`` as given."""
    for name in names:
        if name != STDIN and os.path.isdir(name):
            for rel in walk(name, exclude=exclude, use_git=use_git):
                yield Target(_join(name, rel), explicit=False)
        else:
            yield Target(name, explicit=True)


def _join(directory: str, rel: str) -> str:
    if directory in (".", "./"):
        return rel
    return directory.rstrip("/\\") + "/" + rel


def walk(directory: str, *, exclude: Sequence[str] = (), use_git: bool = True) -> list[str]:
    """Files under ``directory`` that are not ignored, relative to it, sorted.

    ``exclude`` patterns are gitignore-style and relative to ``directory``.
    """
    root = Path(directory)
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    repo = _git_repo(root) if use_git else None
    if repo is None:
        rules = Rules(root, IGNORE_FILES, exclude)
        return sorted(_walk_plain(root, rules))
    top, prefix = repo
    listed = _git_files(root)
    if listed is None:
        rules = Rules(root, IGNORE_FILES, exclude)
        return sorted(_walk_plain(root, rules))
    # why: .pimaskignore files count from the top of the repository, like .gitignore
    rules = Rules(top, (PIMASK_IGNORE,))
    files = []
    for rel in listed:
        if rel.endswith("/") or _own(rel) or rules.ignored(prefix + rel):
            continue  # a nested repository, pimask's files, or ignored
        if excluded is not None and excluded.match_file(rel):
            continue
        if (root / rel).is_file():  # why: deleted but still in the index; a submodule
            files.append(rel)
    return sorted(files)


def _own(rel: str) -> bool:
    return rel.rpartition("/")[2] in OWN_FILES


def _walk_plain(root: Path, rules: Rules) -> Iterator[str]:
    """Without git: walk the directory, reading ``.gitignore`` files as git would."""
    for current, dirs, files in os.walk(root):
        base = Path(current).relative_to(root).as_posix()
        prefix = "" if base == "." else base + "/"
        dirs[:] = [d for d in dirs if d != ".git" and not rules.dir_ignored(prefix + d)]
        for name in files:
            rel = prefix + name
            if name in OWN_FILES or rules.ignored(rel):
                continue
            if os.path.isfile(os.path.join(current, name)):  # not a broken link
                yield rel


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    if shutil.which("git") is None:
        return None
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


def _git_repo(root: Path) -> tuple[Path, str] | None:
    """The top of the work tree holding ``root`` and ``root``'s path below it (ending in
    ``/`` unless empty); None outside a work tree or without git."""
    found = _git(root, "rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix")
    if found is None or found.returncode != 0:
        return None
    lines = os.fsdecode(found.stdout).split("\n")
    if len(lines) < 3 or lines[0] != "true":
        return None
    return Path(lines[1]), lines[2]


def _git_files(root: Path) -> list[str] | None:
    """Tracked and untracked, not ignored files under ``root`` by git; None: git failed."""
    listed = _git(root, "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", ".")
    if listed is None or listed.returncode != 0:
        return None
    names = [os.fsdecode(item) for item in listed.stdout.split(b"\0") if item]
    return list(dict.fromkeys(names))  # why: a file with merge conflicts is listed per stage


def staged(exclude: Sequence[str] = ()) -> list[Target]:
    """Files added, copied, modified or renamed in the index (what a commit is about to
    record), as walked targets relative to the current directory, for ``--staged``.

    ``.pimaskignore`` rules and ``exclude`` (relative to the current directory) apply.
    """
    repo = _git_repo(Path("."))
    if repo is None:
        raise ConfigError("--staged: not inside a git work tree (or git is not installed)")
    top, _ = repo
    diff = _git(top, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")
    if diff is None or diff.returncode != 0:
        raise ConfigError("--staged: 'git diff --cached' failed")
    rules = Rules(top, (PIMASK_IGNORE,))
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    targets = []
    for item in diff.stdout.split(b"\0"):
        if not item:
            continue
        rel_top = os.fsdecode(item)
        if _own(rel_top) or rules.ignored(rel_top):
            continue
        here = os.path.relpath(top / rel_top)
        rel_here = Path(here).as_posix()
        outside = rel_here.startswith("../")
        if excluded is not None and not outside and excluded.match_file(rel_here):
            continue
        targets.append(Target(here, explicit=False))
    return targets
