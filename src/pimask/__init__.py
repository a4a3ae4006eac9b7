"""pimask: find personal information in Chinese and English text and protect it.

>>> import pimask
>>> pimask.mask("手机号13912345678无法登录")
'手机号139****5678无法登录'
>>> [f.entity for f in pimask.scan("邮箱 zhang@example.com")]
['EMAIL']
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

from pimask.errors import ConfigError, InputError, PimaskError

if TYPE_CHECKING:
    from pimask.engine import Engine
    from pimask.findings import ContextHit, Explanation, Finding

__all__ = [
    "ConfigError",
    "ContextHit",
    "Engine",
    "Explanation",
    "Finding",
    "InputError",
    "PimaskError",
    "default_engine",
    "mask",
    "scan",
]
__version__ = "0.1.0"



_LAZY = {
    "Engine": "pimask.engine",
    "ContextHit": "pimask.findings",
    "Explanation": "pimask.findings",
    "Finding": "pimask.findings",
}


def __getattr__(name: str) -> Any:
    """``pimask.Engine`` and the finding classes, imported on first use.

    why: the engine pulls in pydantic, yaml and the recognizers (0.4 s on a busy machine);
    ``import pimask.cli`` must not pay for it before it can handle Ctrl-C and ``--help``.
    """
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pimask' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


_default_engine: Engine | None = None
_default_lock = threading.Lock()


def default_engine() -> Engine:
    """The shared engine behind :func:`scan` and :func:`mask` (built on first use)."""
    global _default_engine
    if _default_engine is None:
        with _default_lock:
            if _default_engine is None:
                from pimask.engine import Engine

                _default_engine = Engine()
    return _default_engine


def scan(text: str) -> list[Finding]:
    """Findings in ``text`` with the built-in recognizers, sorted by start."""
    return default_engine().scan(text)


def mask(text: str, policy: object | None = None) -> str:
    """``text`` protected by ``policy``: a built-in name (``"display"``, ``"deidentify"``,
    ``"anonymize"``, ``"delete"``), a policy file path or a :class:`pimask.policy.Policy`.

    Without a policy: the default display mask (展示脱敏). A ``drop`` operator (the
    ``delete`` policy) returns ``""`` for a text that holds a covered entity.
    """
    if policy is None:
        return default_engine().mask(text)
    return default_engine().apply(text, policy).text
