"""Mask personal information in stdlib :mod:`logging` records before any handler writes them.

Three lines::

    import logging, pimask.integrations.logging as pimask_logging
    logging.basicConfig(level=logging.INFO)
    pimask_logging.install()  # every root handler now masks before it writes

:class:`MaskingFilter` rewrites the record itself: the formatted message (``msg % args``,
so the key in ``"phone=%s"`` is context for the value), string values passed with
``extra=`` (their key is the context, for JSON formatters), the exception text and the
stack text. Put it on **handlers** (what :func:`install` does): a filter on a logger only
sees records logged on that very logger, not those propagated from its children.

If masking itself fails, the message is withheld rather than written unmasked. A policy
that drops a record (``delete`` level) suppresses it.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["MaskingFilter", "install"]

WITHHELD = "[pimask: message withheld, masking failed]"
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
            keep = True
        setattr(record, _MARK, True)
        return keep

    def _mask(self, record: logging.LogRecord) -> bool:
        message = self._text(record.getMessage())
        if message is None:
            return False
        record.msg, record.args = message, ()
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD and isinstance(value, str):
                masked = self._text(value, context=f'"{key}": "')
                if masked is None:
                    return False
                setattr(record, key, masked)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            masked = self._text(record.exc_text)
            if masked is None:
                return False
            # why: formatters re-render exc_info only when exc_text is empty; keep the text.
            record.exc_text = masked
        if record.stack_info:
            masked = self._text(record.stack_info)
            if masked is None:
                return False
            record.stack_info = masked
        return True

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
