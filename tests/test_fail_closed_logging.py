"""Logging covers the application (issue 15): ``install()`` masks every record whatever
handler writes it, ``extra=`` values of any type, exceptions and stack text, through a
queue too; a filter that cannot work fails when it is built."""

from __future__ import annotations

import dataclasses
import decimal
import io
import logging
import logging.config
import logging.handlers
import queue
from collections.abc import Iterator
from pathlib import Path

import pytest

from pimask.errors import ConfigError
from pimask.integrations import logging as pimask_logging

MOBILE = "13812345678"


@pytest.fixture
def installed() -> Iterator[None]:
    pimask_logging.install()
    try:
        yield
    finally:
        pimask_logging.uninstall()


def _logger(name: str, stream: io.StringIO, fmt: str = "%(message)s") -> logging.Logger:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(fmt))
    logger = logging.getLogger(f"pimask-fail-closed-{name}")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger


def test_dictconfig_file_handler_on_a_non_propagating_logger(installed, tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"file": {"class": "logging.FileHandler", "filename": str(path)}},
            "loggers": {
                "pimask-fail-closed-billing": {
                    "handlers": ["file"],
                    "propagate": False,
                    "level": "INFO",
                }
            },
        }
    )
    logger = logging.getLogger("pimask-fail-closed-billing")
    try:
        logger.info("退款失败 手机号%s", MOBILE)
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers.clear()
    text = path.read_text(encoding="utf-8")
    assert "退款失败 手机号138****5678" in text
    assert MOBILE not in text


def test_install_before_the_handler_exists_still_masks(installed) -> None:
    stream = io.StringIO()
    logger = _logger("later", stream)  # the handler is added after install()
    logger.warning("phone=%s", MOBILE)
    assert stream.getvalue() == "phone=138****5678\n"


def test_uninstall_restores_logging_and_install_is_idempotent() -> None:
    stream = io.StringIO()
    logger = _logger("toggle", stream)
    original = logging.Logger.callHandlers
    first = pimask_logging.install()
    second = pimask_logging.install()
    assert pimask_logging.installed() is second is not first
    logger.warning("a %s", MOBILE)
    pimask_logging.uninstall()
    pimask_logging.uninstall()
    assert logging.Logger.callHandlers is original
    logger.warning("b %s", MOBILE)
    assert stream.getvalue() == f"a 138****5678\nb {MOBILE}\n"


@dataclasses.dataclass
class Customer:
    phone: str


class Ticket:
    def __str__(self) -> str:
        return f"ticket for {MOBILE}"


class OnlyRepr:
    def __repr__(self) -> str:
        return f"OnlyRepr(phone='{MOBILE}')"

    def __str__(self) -> str:
        return "OnlyRepr"


@pytest.mark.parametrize(
    "value",
    [
        Customer(MOBILE),
        Ticket(),
        OnlyRepr(),
        {MOBILE},
        frozenset({MOBILE}),
        MOBILE.encode(),
        decimal.Decimal(MOBILE),
        {("phone", MOBILE): 1},
        [Customer(MOBILE)],
    ],
    ids=["dataclass", "str", "repr", "set", "frozenset", "bytes", "decimal", "tuple-key", "nested"],
)
@pytest.mark.parametrize("conversion", ["s", "r"])
def test_extra_values_of_any_type_are_masked(installed, value: object, conversion: str) -> None:
    stream = io.StringIO()
    logger = _logger(f"extra-{conversion}", stream, f"%(message)s %(customer){conversion}")
    logger.info("saved", extra={"customer": value})
    assert MOBILE not in stream.getvalue()
    assert stream.getvalue().startswith("saved ")


def test_exception_stack_info_and_queue_are_covered(installed) -> None:
    stream = io.StringIO()
    target = logging.StreamHandler(stream)
    target.setFormatter(logging.Formatter("%(message)s"))
    records: queue.Queue = queue.Queue()
    listener = logging.handlers.QueueListener(records, target)
    logger = logging.getLogger("pimask-fail-closed-queue")
    logger.handlers[:] = [logging.handlers.QueueHandler(records)]
    logger.propagate = False
    listener.start()
    try:
        try:
            raise ValueError(f"cannot bind card for {MOBILE}")
        except ValueError:
            logger.exception("bind failed for %s", MOBILE)
        logger.warning("where", stack_info=True)  # this source line holds 13812345678
    finally:
        listener.stop()
        logger.handlers.clear()
    out = stream.getvalue()
    assert "ValueError: cannot bind card for 138****5678" in out
    assert "Stack (most recent call last)" in out
    assert MOBILE not in out


def test_a_filter_that_cannot_work_fails_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PIMASK_KEY", raising=False)
    monkeypatch.delenv("PIMASK_KEY_FILE", raising=False)
    with pytest.raises(ConfigError, match="PIMASK_KEY"):
        pimask_logging.MaskingFilter(policy="deidentify")
    with pytest.raises(ConfigError, match="PIMASK_KEY"):
        pimask_logging.install(policy="deidentify")
    assert pimask_logging.installed() is None
    monkeypatch.setitem(__import__("sys").modules, "jieba", None)
    with pytest.raises(ConfigError, match=r"pimask\[zh\]"):
        pimask_logging.install(engine=__import__("pimask").Engine(enable=["zh_person"]))
