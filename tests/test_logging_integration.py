"""pimask.integrations.logging with the real stdlib logging machinery."""

from __future__ import annotations

import io
import json
import logging

import pytest

from pimask.engine import Result
from pimask.integrations.logging import WITHHELD, MaskingFilter, install, uninstall


@pytest.fixture
def logger_and_stream():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger(f"pimask-test-{id(stream)}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield logger, handler, stream
    logger.removeHandler(handler)


def test_message_and_args_are_masked_before_the_handler_writes(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    handler.addFilter(MaskingFilter())
    logger.info("user phone=%s email=%s", "13912345678", "zhang.san@example.com")
    logger.warning("身份证号11010519491231002X")
    out = stream.getvalue()
    assert "13912345678" not in out and "zhang.san" not in out and "11010519491231002X" not in out
    assert "INFO user phone=139****5678 email=" in out
    assert out.count("\n") == 2


def test_exception_text_is_masked(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    handler.addFilter(MaskingFilter())
    try:
        raise ValueError("cannot bind card for 13912345678")
    except ValueError:
        logger.exception("bind failed")
    out = stream.getvalue()
    assert "Traceback" in out and "ValueError: cannot bind card for 139****5678" in out
    assert "13912345678" not in out


def test_extra_string_fields_are_masked_with_their_key_as_context(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream

    class JsonFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return json.dumps({"msg": record.getMessage(), "card_no": record.card_no})

    handler.setFormatter(JsonFormatter())
    handler.addFilter(MaskingFilter())
    logger.info("bind", extra={"card_no": "6217009876543210015"})
    record = json.loads(stream.getvalue())
    assert record["msg"] == "bind"
    assert record["card_no"] != "6217009876543210015" and record["card_no"].endswith("0015")


def test_install_covers_every_handler_once_and_records_are_masked_once() -> None:
    logger = logging.getLogger("pimask-install-test")
    logger.propagate = False
    streams = [io.StringIO(), io.StringIO()]
    handlers = [logging.StreamHandler(s) for s in streams]
    for handler in handlers:
        logger.addHandler(handler)
    try:
        install(logger)
        install(logger)  # idempotent
        logger.warning("phone %s", "13912345678")
        assert [s.getvalue() for s in streams] == ["phone 139****5678\n"] * 2
    finally:
        uninstall()
        for handler in handlers:
            logger.removeHandler(handler)


def test_percent_signs_in_masked_message_do_not_break_formatting(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    handler.addFilter(MaskingFilter())
    logger.info("%d%% done for %s", 50, "13912345678")
    assert stream.getvalue() == "INFO 50% done for 139****5678\n"


class _DropEngine:
    def apply(self, text, policy=None, *, region=None):
        return Result("", "DROP" in text, [], [])


class _BrokenEngine:
    def apply(self, text, policy=None, *, region=None):
        raise RuntimeError("boom")


def test_a_dropping_policy_suppresses_the_record(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    handler.addFilter(MaskingFilter(engine=_DropEngine()))
    logger.info("DROP this")
    assert stream.getvalue() == ""


def test_a_failing_engine_withholds_the_message_never_leaks_it(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    handler.addFilter(MaskingFilter(engine=_BrokenEngine()))
    logger.error("phone %s", "13912345678")
    assert stream.getvalue() == f"ERROR {WITHHELD}\n"


def test_policy_is_passed_to_the_engine(logger_and_stream) -> None:
    pytest.importorskip("pimask.policy")
    logger, handler, stream = logger_and_stream
    handler.addFilter(MaskingFilter(policy="anonymize"))
    logger.info("phone %s", "13912345678")
    out = stream.getvalue()
    assert "13912345678" not in out and "139****5678" not in out


def test_extra_numbers_and_containers_are_masked(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    seen: dict = {}

    class JsonFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            fields = ("phone", "user", "ids", "count", "ok")
            seen.update({name: getattr(record, name) for name in fields})
            return json.dumps(seen, ensure_ascii=False)

    handler.setFormatter(JsonFormatter())
    handler.addFilter(MaskingFilter())
    user = {"mobile": "13912345678", "age": 30, "by_mail": {"zhang.san@example.com": 1}}
    ids = ["x", 13912345678, ("card_no", "6222021234567890128")]
    logger.info(
        "bind", extra={"phone": 13912345678, "user": user, "ids": ids, "count": 12, "ok": True}
    )
    out = stream.getvalue()
    assert "13912345678" not in out and "zhang.san" not in out and "6222021234567890128" not in out
    assert seen["phone"] == "139****5678" and seen["count"] == 12 and seen["ok"] is True
    assert seen["user"] == {"mobile": "139****5678", "age": 30, "by_mail": {"z***@example.com": 1}}
    assert seen["ids"][:2] == ["x", "139****5678"] and isinstance(seen["ids"][2], tuple)
    # the caller's own objects are not modified
    assert user["mobile"] == "13912345678" and ids[1] == 13912345678


def test_exc_info_is_cleared_so_no_formatter_can_re_render_it(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    rendered: list = []

    class ReRenderingFormatter(logging.Formatter):
        # like python-json-logger: formats record.exc_info itself when it is set
        def format(self, record: logging.LogRecord) -> str:
            if record.exc_info:
                rendered.append(self.formatException(record.exc_info))
            return super().format(record)

    handler.setFormatter(ReRenderingFormatter("%(message)s"))
    handler.addFilter(MaskingFilter())
    try:
        raise ValueError("cannot bind card for 13912345678")
    except ValueError:
        logger.exception("bind failed", stack_info=True)
    out = stream.getvalue()
    assert rendered == []
    assert "ValueError: cannot bind card for 139****5678" in out and "Stack (most recent" in out
    assert "13912345678" not in out


def test_a_failing_engine_withholds_extras_too(logger_and_stream) -> None:
    logger, handler, stream = logger_and_stream
    handler.setFormatter(logging.Formatter("%(message)s %(phone)s %(user)s"))
    handler.addFilter(MaskingFilter(engine=_BrokenEngine()))
    logger.error("x", extra={"phone": "13912345678", "user": {"mobile": 13912345678}})
    assert stream.getvalue() == f"{WITHHELD} {WITHHELD} {WITHHELD}\n"
