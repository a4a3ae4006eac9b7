"""Mask personal information in stdlib :mod:`logging` records before any handler writes them.

Three lines::

    import logging, pimask.integrations.logging as pimask_logging
    logging.basicConfig(level=logging.INFO)
    pimask_logging.install()  # every root handler now masks before it writes

:class:`MaskingFilter` rewrites the record itself: the formatted message (``msg % args``,
so the key in ``"phone=%s"`` is context for the value), values passed with ``extra=``
(their key is the context, for JSON formatters: strings; numbers, which become their masked
string when they hold a finding; dicts, lists and tuples, recursively, keys included), the
exception text (``exc_info`` is then cleared, so no formatter re-renders the unmasked
exception) and the stack text. Put it on **handlers** (what :func:`install` does): a filter
on a logger only sees records logged on that very logger, not those propagated from its
children.

If masking itself fails, the message and every ``extra=`` value are withheld rather than
written unmasked. A policy that drops a record (``delete`` level) suppresses it.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["MaskingFilter", "install"]

WITHHELD = "[pimask: message withheld, masking failed]"
_DROP = object()  # the policy drops the record
_MARK = "_pimask_masked"
# LogRecord's own attributes; anything else on a record came from ``extra=``.
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    _MARK,
}


class MaskingFilter(logging.Filter):
    """A :class:`logging.Filter` that masks a record in place and keeps it (unless dropped).

    Args:
        engine: the :class:`pimask.Engine` to use (default: :func:`pimask.default_engine`).
        policy: a policy name, file or :class:`pimask.policy.Policy` (default: display
            masking).
        name: passed to :class:`logging.Filter`.
    """

    def __init__(self, name: str = "", *, engine: Any = None, policy: object | None = None):
        super().__init__(name)
        if engine is None:
            import pimask

            engine = pimask.default_engine()
        self.engine = engine
        self.policy = policy

    def filter(self, record: logging.LogRecord) -> bool:
        if not super().filter(record):
            return False
        if getattr(record, _MARK, False):  # several handlers share one record
            return True
        try:
            keep = self._mask(record)
        except Exception:
            record.msg, record.args = WITHHELD, ()
            record.exc_info, record.exc_text, record.stack_info = None, None, None
            # why: an extra not yet masked when the failure came would be written in clear
            for key in list(record.__dict__):
                if key not in _STANDARD:
                    setattr(record, key, WITHHELD)
            keep = True
        setattr(record, _MARK, True)
        return keep

    def _mask(self, record: logging.LogRecord) -> bool:
        message = self._text(record.getMessage())
        if message is None:
            return False
        record.msg, record.args = message, ()
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD:
                masked = self._value(value, key)
                if masked is _DROP:
                    return False
                if masked is not value:
                    setattr(record, key, masked)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            masked = self._text(record.exc_text)
            if masked is None:
                return False
            # why: the stdlib Formatter prints exc_text, but some formatters (e.g.
            # python-json-logger) re-render exc_info itself, unmasked: drop it.
            record.exc_text, record.exc_info = masked, None
        if record.stack_info:
            masked = self._text(record.stack_info)
            if masked is None:
                return False
            record.stack_info = masked
        return True

    def _value(self, value: Any, key: str) -> Any:
        """``value`` masked with ``key`` as context: the same object when nothing changed,
        a new one otherwise (the caller's dicts and lists are never modified), or _DROP.

        Numbers that hold a finding become their masked string; dicts, lists and tuples are
        walked, their keys masked too (maps keyed by phone number or email). Other types
        are left as they are.
        """
        if isinstance(value, str):
            return self._scalar(value, f'"{key}": "')
        if _is_number(value):
            return self._scalar(value, f'"{key}": ')
        if isinstance(value, dict):
            items = []
            for name, item in value.items():
                new_name = (
                    self._scalar(name, "") if _is_number(name) or isinstance(name, str) else name
                )
                new_item = self._value(item, name if isinstance(name, str) else key)
                if new_name is _DROP or new_item is _DROP:
                    return _DROP
                items.append((new_name, new_item))
            if all(n is a and v is b for (n, v), (a, b) in zip(items, value.items(), strict=True)):
                return value
            return dict(items)
        if isinstance(value, (list, tuple)):
            masked = [self._value(item, key) for item in value]
            if any(item is _DROP for item in masked):
                return _DROP
            if all(a is b for a, b in zip(masked, value, strict=True)):
                return value
            return tuple(masked) if type(value) is tuple else masked
        return value

    def _scalar(self, value: str | int | float, context: str) -> Any:
        """A string or number: itself if clean, else its masked string, or _DROP."""
        text = str(value)
        masked = self._text(text, context)
        if masked is None:
            return _DROP
        return value if masked == text else masked

    def _text(self, text: str, context: str = "") -> str | None:
        whole = context + text
        region = (len(context), len(whole)) if context else None
        result = self.engine.apply(whole, self.policy, region=region)
        if result.dropped:
            return None
        return result.text[len(context) :]


def install(
    logger: logging.Logger | str | None = None,
    *,
    engine: Any = None,
    policy: object | None = None,
) -> MaskingFilter:
    """Add one :class:`MaskingFilter` to every handler of ``logger`` (default: root).

    Handlers added later need ``handler.addFilter(the_returned_filter)`` themselves.
    """
    if not isinstance(logger, logging.Logger):
        logger = logging.getLogger(logger)
    masking = MaskingFilter(engine=engine, policy=policy)
    for handler in logger.handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(masking)
    return masking


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
