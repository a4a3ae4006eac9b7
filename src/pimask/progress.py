"""A progress bar for long jobs: on a terminal only, never in pipes, logs or CI output.

why: checking a gigabyte export takes minutes; silence looks like a hang, and people kill
the job. The bar goes to stderr, appears only when stderr is a terminal (so redirected
output and CI logs stay clean) and is switched off by ``--no-progress``. tqdm is small,
pure Python and a regular dependency; should it be missing anyway, there is no bar.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO


class NoProgress:
    """The bar when none is shown: every call does nothing."""

    def update(self, amount: int) -> None:
        pass

    def set_description(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class ByteBar:
    """A tqdm bar counting bytes, closed (and erased) when the job ends."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def update(self, amount: int) -> None:
        if amount > 0:
            self._bar.update(amount)

    def set_description(self, text: str) -> None:
        self._bar.set_description_str(text, refresh=False)

    def close(self) -> None:
        self._bar.close()


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def byte_bar(total: int | None, *, enabled: bool = True, stream: TextIO | None = None):
    """A bar over ``total`` bytes on ``stream`` (stderr), or :class:`NoProgress` when it
    is disabled, ``stream`` is not a terminal or tqdm is unavailable."""
    stream = sys.stderr if stream is None else stream
    if not enabled or not is_terminal(stream):
        return NoProgress()
    try:
        from tqdm import tqdm
    except ImportError:  # a regular dependency; a stripped-down install just has no bar
        return NoProgress()
    return ByteBar(
        tqdm(
            total=total or None,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=stream,
            leave=False,
            dynamic_ncols=True,
            mininterval=0.5,
        )
    )
