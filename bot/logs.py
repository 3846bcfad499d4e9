"""Structured logs (one JSON object per line) that never contain the token or card-like digits."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from typing import Any

DIGIT_RUN = re.compile(r"(?<!\w)(?:\d[ -]?){4,}\d(?!\w)|(?<!\w)\d{4}(?!\w)")
"""Four or more digits, possibly grouped by spaces or dashes: PINs, card and account numbers."""
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """Remove secrets verbatim, then any run of digits that could be a PIN or card number."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[token]")
    return DIGIT_RUN.sub("[digits]", text)


class RedactingFilter(logging.Filter):
    """Applied to every record before any handler formats it."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg = redact(message, self.secrets)
        record.args = None
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, redact(value, self.secrets))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry |= {k: v for k, v in vars(record).items() if k not in _STANDARD}
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup(level: str = "INFO", secrets: tuple[str, ...] = ()) -> None:
    """Send every log record, from us, aiogram and aiohttp alike, through redaction as JSON."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
