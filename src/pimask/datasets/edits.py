"""Write a fixed file back safely: splice edits into the original text, replace atomically.

Only the spans that held personal values change; every other character (delimiters,
quoting, whitespace, line endings) is copied from the original. The new content goes to a
temporary file in the same directory, is flushed to disk, and then renamed over the
original, so a crash or a full disk leaves either the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pimask.errors import InputError


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    dropped: bool = False  # the edit removes a whole record (a drop operator)

    def __repr__(self) -> str:  # why: the replacement may still hold a fragment of a value
        return f"Edit(start={self.start}, end={self.end})"


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit applied; an edit inside an earlier, wider one is skipped
    (a dropped record swallows the field edits within it)."""
    ordered = sorted(edits, key=lambda e: (e.start, -(e.end - e.start)))
    pieces: list[str] = []
    cursor = 0
    for edit in ordered:
        if edit.start < cursor:
            continue
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


Snapshot = tuple[int, int, int, int]  # device, inode, size, mtime (ns)


def snapshot(path: str | Path) -> Snapshot:
    """What identifies the version of ``path`` that was read (taken before reading it)."""
    info = os.stat(path)
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def atomic_write(
    path: str | Path, write: Callable[[str], None], expect: Snapshot | None = None
) -> None:
    """Call ``write(temp_path)`` to produce the new file, then rename it over ``path``.

    The temporary file lives next to ``path`` (a rename across file systems is not atomic)
    and gets ``path``'s permission bits; a symlink is followed, so the link stays a link.
    With ``expect`` (the :func:`snapshot` taken before the file was read), ``path`` is
    checked again just before the rename: if it changed meanwhile (a row appended, the
    file replaced), nothing is renamed and InputError says so — renaming a fix of a stale
    read would silently discard the change. On any error, and on Ctrl-C or SIGTERM (raised
    as exceptions by the CLI), the temporary file is removed and ``path`` is intact.
    """
    # why: fixing a symlinked file must change the file, not replace the link with a copy
    target = Path(os.path.realpath(path))
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".pimask-tmp", dir=target.parent or "."
    )
    os.close(handle)
    try:
        write(temp_name)
        if target.exists():
            shutil.copymode(target, temp_name)
        else:  # a new file gets the usual permissions, not mkstemp's 0600
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        with open(temp_name, "rb") as flushed:
            os.fsync(flushed.fileno())
        if expect is not None and _changed(target, expect):
            raise InputError(
                f"{path}: changed while it was being fixed; left as it is "
                "(run --fix again on the new version)"
            )
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def _changed(target: Path, expect: Snapshot) -> bool:
    try:
        return snapshot(target) != expect
    except OSError:
        return True  # deleted or unreadable meanwhile


def atomic_write_bytes(path: str | Path, data: bytes, expect: Snapshot | None = None) -> None:
    def write(temp_name: str) -> None:
        with open(temp_name, "wb") as out:
            out.write(data)

    try:
        atomic_write(path, write, expect)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the fixed file ({exc.strerror})") from None
