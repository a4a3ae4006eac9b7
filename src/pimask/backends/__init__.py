"""Candidate-finder backends: which one runs, chosen once per :class:`pimask.Engine`.

* ``hyperscan`` — all patterns in one Hyperscan pass over large blocks of raw bytes
  (:mod:`pimask.backends.hyperscan`); needs the ``hyperscan`` package, a default dependency
  on the platforms where it ships wheels (Linux x86-64, macOS, Windows x86-64).
* ``python`` — pure Python: anchor prefilters over blocks, exact patterns on flagged lines
  (:mod:`pimask.backends.fastpython`).
* ``reference`` — one ``re.finditer`` per pattern per text; the definition of the results
  that the other two must reproduce exactly (the test suite compares them).
* ``auto`` (default) — ``hyperscan`` when it imports, else ``python``.

Chosen by ``Engine(backend=...)`` or the ``PIMASK_BACKEND`` environment variable.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from pimask.errors import ConfigError
from pimask.scanner import CandidateFinder, CompiledPattern, PythonFinder

logger = logging.getLogger(__name__)

BACKENDS = ("auto", "hyperscan", "python", "reference")


@functools.cache
def hyperscan_available() -> bool:
    """True when the ``hyperscan`` package imports (and its native library loads)."""
    try:
        import hyperscan  # noqa: F401
    except Exception:  # why: ImportError, or OSError from a missing native library
        return False
    return True


def available_backends() -> tuple[str, ...]:
    """Concrete backends usable here, fastest first."""
    names = ("hyperscan", "python", "reference")
    return names if hyperscan_available() else names[1:]


def resolve_backend(name: str | None) -> str:
    """The concrete backend ``name`` stands for (``auto`` / None pick the fastest)."""
    name = (name or "auto").strip().lower()
    if name not in BACKENDS:
        raise ConfigError(f"unknown scanner backend {name!r} (known: {', '.join(BACKENDS)})")
    if name == "auto":
        return "hyperscan" if hyperscan_available() else "python"
    if name == "hyperscan" and not hyperscan_available():
        raise ConfigError(
            "scanner backend 'hyperscan' requested but the hyperscan package is not "
            "installed (pip install hyperscan), or use PIMASK_BACKEND=python"
        )
    return name


def make_finder(name: str | None, patterns: Sequence[CompiledPattern]) -> CandidateFinder:
    """Build the candidate finder for backend ``name`` over compiled ``patterns``."""
    resolved = resolve_backend(name)
    if resolved == "hyperscan":
        from pimask.backends.hyperscan import HyperscanFinder

        return HyperscanFinder(patterns)
    if resolved == "python":
        from pimask.backends.fastpython import FastPythonFinder

        return FastPythonFinder(patterns)
    return PythonFinder(patterns)
