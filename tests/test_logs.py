"""Logs are JSON lines without the token or card-like digits, whoever logs them."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot import logs

TOKEN = "123456:AAE-secret_part"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    handler.addFilter(logs.RedactingFilter((TOKEN,)))
    logger = logging.getLogger("aiohttp.client.test")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield stream
    logger.removeHandler(handler)


def test_token_and_digits_are_redacted(captured: io.StringIO) -> None:
    logger = logging.getLogger("aiohttp.client.test")
    logger.warning("POST https://api.telegram.org/bot%s/sendMessage failed", TOKEN)
    logger.info("user typed %s", "card 4276 1234 5678 9012, pin 1234", extra={"note": "0000"})
    try:
        raise ValueError(f"bad url /bot{TOKEN}/getMe for card 4276123456789012")
    except ValueError:
        logger.exception("request failed")
    lines = [json.loads(line) for line in captured.getvalue().splitlines()]
    text = captured.getvalue()
    assert TOKEN not in text and "secret_part" not in text
    assert "4276" not in text and "1234" not in text and "0000" not in text
    assert lines[0]["msg"] == "POST https://api.telegram.org/bot[token]/sendMessage failed"
    assert lines[1]["note"] == "[digits]"
    assert "ValueError" in lines[2]["msg"]
    assert {"ts", "level", "logger", "msg"} <= set(lines[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("step 3 of 12", "step 3 of 12"),
        ("pin 4321", "pin [digits]"),
        ("card 4276-1234-5678-9012", "card [digits]"),
        ("+7 912 345 67 89", "+[digits]"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert logs.redact(text) == expected


def test_identical_lines_are_rate_limited() -> None:
    now = [0.0]
    repeats = logs.RepeatFilter(interval=10.0, clock=lambda: now[0])

    def line(msg: str, **extra: object) -> logging.LogRecord:
        record = logging.makeLogRecord({"name": "bot", "levelno": 20, "msg": msg, **extra})
        return record

    passed = [repeats.filter(line("duplicate update ignored", update_id=5)) for _ in range(430)]
    assert passed.count(True) == 1
    assert repeats.filter(line("duplicate update ignored", update_id=6))
    assert repeats.filter(line("another line", update_id=5))
    now[0] = 10.5
    after = line("duplicate update ignored", update_id=5)
    assert repeats.filter(after) and after.__dict__["repeated"] == 429


@pytest.fixture
def restored() -> Iterator[None]:
    """Every global `logs.setup` changes, put back afterwards."""
    import sys
    import threading

    root = logging.getLogger()
    saved = (root.handlers[:], root.level, sys.excepthook, threading.excepthook)
    saved_unraisable = sys.unraisablehook
    yield
    logging.captureWarnings(False)
    root.handlers[:], _, sys.excepthook, threading.excepthook = saved
    root.setLevel(saved[1])
    sys.unraisablehook = saved_unraisable


def test_warnings_and_uncaught_exceptions_are_redacted(
    restored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys
    import threading
    import warnings

    from aiogram.exceptions import ClientDecodeError

    logs.setup("INFO", secrets=(TOKEN,))
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"Update: card 4276 1234 5678 9012 {TOKEN}", RuntimeWarning, stacklevel=1)
    try:
        raise ValueError("card 4276123456789012")
    except ValueError as exc:
        sys.excepthook(ValueError, exc, exc.__traceback__)
    try:
        body = '{"ok": true, "result": [{"message": {"text": "my secret words 5555"}}]}'
        raise ClientDecodeError("Failed to deserialize object", ValueError("x"), body)
    except ClientDecodeError as exc:
        sys.excepthook(ClientDecodeError, exc, exc.__traceback__)

    def crash() -> None:
        raise RuntimeError("pin 9876")

    thread = threading.Thread(target=crash)
    thread.start()
    thread.join()
    err = capsys.readouterr().err
    lines = [json.loads(line) for line in err.splitlines()]
    assert [line["logger"] for line in lines] == ["py.warnings", "bot", "bot", "bot"]
    assert "ValueError" in lines[1]["msg"] and "ClientDecodeError" in lines[2]["msg"]
    for secret in ("4276", "5555", "9876", "secret words", TOKEN):
        assert secret not in err


def test_aiogram_line_per_update_is_left_out_unless_debugging(restored: None) -> None:
    """ "Update id=... is handled. Duration ... ms": one line per update, costing CPU on every
    update over the webhook (docs/performance.md); its warnings and errors still pass."""
    event = logging.getLogger("aiogram.event")
    try:
        logs.setup("INFO")
        assert not event.isEnabledFor(logging.INFO) and event.isEnabledFor(logging.WARNING)
        logs.setup("DEBUG")
        assert event.isEnabledFor(logging.INFO)
    finally:
        event.setLevel(logging.NOTSET)
