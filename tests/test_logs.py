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
