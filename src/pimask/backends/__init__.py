"""Which engine scans: the native core, or the Python reference. Chosen once per Engine.

* ``native`` (the default; ``auto`` and an unset variable mean it) — the Rust core
  (:mod:`pimask._core`, built by ``pip install``): finds, validates, scores, resolves and
  display-masks whole blocks of lines with the GIL released (:mod:`pimask.backends.native`).
* ``reference`` — the pure-Python pipeline of :mod:`pimask.scanner`: the executable
  specification the native core must match byte for byte (the test suite compares them).

Chosen by ``Engine(backend=...)`` or the ``PIMASK_BACKEND`` environment variable. The names
of removed backends (``hyperscan``, ``python``) are configuration errors, not silent
fallbacks: a deployment that pinned one should learn that it changed.
"""

from __future__ import annotations

import functools

from pimask.errors import ConfigError

BACKENDS = ("auto", "native", "reference")
_REMOVED = {
    "hyperscan": "the Hyperscan backend was replaced by the native core",
    "python": "the pure-Python fast backend was replaced by the native core",
}


@functools.cache
def native_problem() -> str | None:
    """None when the compiled core imports, else why not (for the error message)."""
    try:
        from pimask import _core  # noqa: F401
    except ImportError as exc:
        return f"{exc.__class__.__name__}: {exc}"
    return None


def native_available() -> bool:
    return native_problem() is None


def available_backends() -> tuple[str, ...]:
    """Concrete backends usable here, fastest first."""
    return ("native", "reference") if native_available() else ("reference",)


def resolve_backend(name: str | None) -> str:
    """The concrete backend ``name`` stands for (``auto`` / None: the native core)."""
    name = (name or "auto").strip().lower()
    if name in _REMOVED:
        raise ConfigError(
            f"scanner backend {name!r} no longer exists ({_REMOVED[name]}): unset "
            "PIMASK_BACKEND, or set it to 'native' or 'reference'"
        )
    if name not in BACKENDS:
        raise ConfigError(f"unknown scanner backend {name!r} (known: {', '.join(BACKENDS)})")
    if name == "reference":
        return name
    problem = native_problem()
    if problem is not None:
        raise ConfigError(
            "pimask's compiled core (pimask._core) is missing or broken "
            f"({problem}); reinstall with 'pip install pimask' (a source install needs a Rust "
            "toolchain), or set PIMASK_BACKEND=reference for the slow pure-Python engine"
        )
    return "native"
