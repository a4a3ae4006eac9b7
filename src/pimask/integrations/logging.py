"""Mask personal information in stdlib :mod:`logging` records before any handler writes them.

Three lines::

    import logging, pimask.integrations.logging as pimask_logging
    pimask_logging.install()  # every record of every logger, whatever writes it
    logging.basicConfig(level=logging.INFO)

:func:`install` masks **every record of the application**: it wraps
``logging.Logger.callHandlers`` — the one place every logged record passes on its way to
handlers, whichever logger it was logged on — as Sentry's logging integration does. So
handlers added later, ``dictConfig``, non-propagating loggers, ``logging.lastResort`` and a
``QueueHandler`` feeding a ``QueueListener`` are all covered, in any order of set-up.
(Filters on handlers, the other option, miss every handler added afterwards; a LogRecord
factory runs before ``extra=`` is attached; a logger class only reaches loggers created
later.) It is idempotent (calling it again replaces the filter, never stacks a second one)
and reversible (:func:`uninstall`).

:class:`MaskingFilter` rewrites the record itself: the formatted message (``msg % args``,
so the key in ``"phone=%s"`` is context for the value), values passed with ``extra=``
(their key is the context: strings; numbers and ``Decimal``, which become their masked
string when they hold a finding; dicts, lists, tuples and sets, recursively, keys included;
bytes and any other object through its ``str()`` and ``repr()``, replaced by the masked
string when either holds a finding), the exception text (rendered here, then ``exc_info``
is cleared, so no formatter re-renders the unmasked exception) and the stack text.

It can also be put on a handler by hand (``handler.addFilter(MaskingFilter())``); a filter
on a logger only sees records logged on that very logger, not those propagated from its
children. A record handed straight to ``handler.handle()`` (not through a logger) is only
covered by such a handler filter.

A filter that cannot work — a keyed policy without a key, a detector without its extra —
raises :class:`pimask.errors.ConfigError` when it is built, with the message the CLI
prints. If masking a record fails, the message and every ``extra=`` value are withheld
rather than written unmasked. A policy that drops a record (``delete`` level) suppresses it.
"""

from __future__ import annotations

import decimal
import logging
import threading
from typing import Any

__all__ = ["MaskingFilter", "install", "uninstall"]

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
        if policy is not None:
            # why: a keyed policy without a key must fail here, with the CLI's message, not
            # later as "message withheld" on every record
            engine.apply("", policy)

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
        a new one otherwise (the caller's objects are never modified), or _DROP.

        Numbers (and ``Decimal``) that hold a finding become their masked string; dicts,
        lists, tuples, sets and frozensets are walked, their keys masked too (maps keyed by
        phone number or email, tuple keys). Bytes and any other object (a dataclass, an
        object with ``__str__``) are judged by their ``str()`` and ``repr()``, which is what
        formatters print: when either holds a finding, the masked string replaces them.
        """
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self._scalar(value, f'"{key}": "')
        if _is_number(value) or isinstance(value, decimal.Decimal):
            return self._scalar(value, f'"{key}": ')
        if isinstance(value, dict):
            items = []
            for name, item in value.items():
                new_name = (
                    self._value(name, key)
                    if not isinstance(name, str)
                    else (self._scalar(name, ""))
                )
                new_item = self._value(item, name if isinstance(name, str) else key)
                if new_name is _DROP or new_item is _DROP:
                    return _DROP
                items.append((new_name, new_item))
            if all(n is a and v is b for (n, v), (a, b) in zip(items, value.items(), strict=True)):
                return value
            return dict(items)
        if isinstance(value, (list, tuple, set, frozenset)):
            original = list(value)
            masked = [self._value(item, key) for item in original]
            if any(item is _DROP for item in masked):
                return _DROP
            if all(a is b for a, b in zip(masked, original, strict=True)):
                return value
            if isinstance(value, (set, frozenset)):
                return type(value)(masked) if type(value) in (set, frozenset) else set(masked)
            return tuple(masked) if type(value) is tuple else masked
        if isinstance(value, (bytes, bytearray)):
            text = bytes(value).decode("utf-8", "surrogateescape")
            masked_text = self._text(text, f'"{key}": "')
            if masked_text is None:
                return _DROP
            return value if masked_text == text else masked_text
        return self._object(value, key)

    def _object(self, value: Any, key: str) -> Any:
        """Any other object, judged by what a formatter prints: ``str()`` and ``repr()``."""
        shown = str(value)
        masked = self._text(shown, f'"{key}": "')
        if masked is None:
            return _DROP
        if masked != shown:
            return masked
        as_repr = repr(value)
        masked = self._text(as_repr, f'"{key}": ')
        if masked is None:
            return _DROP
        return value if masked == as_repr else masked

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


_lock = threading.Lock()
_installed: dict[str, Any] = {}  # "filter": the active MaskingFilter, "original": callHandlers


def install(
    logger: logging.Logger | str | None = None,
    *,
    engine: Any = None,
    policy: object | None = None,
) -> MaskingFilter:
    """Mask every record of every logger before any handler sees it; returns the filter.

    Wraps ``logging.Logger.callHandlers`` once: records of non-propagating loggers, of
    handlers added later (``basicConfig``, ``dictConfig``) and of a ``QueueHandler`` are
    all masked. Calling it again replaces the filter (with the new engine or policy);
    :func:`uninstall` restores logging as it was. ``logger`` is accepted for compatibility
    and changes nothing: every logger is covered.

    Raises :class:`pimask.errors.ConfigError` when the filter cannot work (a keyed policy
    without a key, a detector without its extra), before anything is changed.
    """
    del logger  # every logger is covered
    masking = MaskingFilter(engine=engine, policy=policy)
    with _lock:
        _installed["filter"] = masking
        if "original" not in _installed:
            original = logging.Logger.callHandlers
            _installed["original"] = original

            def callHandlers(self: logging.Logger, record: logging.LogRecord) -> None:
                active = _installed.get("filter")
                if active is not None and not active.filter(record):
                    return None  # the policy drops the record
                return original(self, record)

            callHandlers.__pimask__ = True  # type: ignore[attr-defined]
            logging.Logger.callHandlers = callHandlers  # type: ignore[method-assign]
    return masking


def uninstall() -> None:
    """Undo :func:`install`: records reach handlers unmasked again (idempotent)."""
    with _lock:
        _installed.pop("filter", None)
        original = _installed.pop("original", None)
        if original is not None:
            logging.Logger.callHandlers = original  # type: ignore[method-assign]


def installed() -> MaskingFilter | None:
    """The filter :func:`install` put in place, or None."""
    return _installed.get("filter")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
