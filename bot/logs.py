"""Structured logs (one JSON object per line) that never contain the token or card-like digits.

`setup` routes everything that could reach standard error through the same redaction:
log records, `warnings`, and uncaught exceptions (main thread, other threads, unraisable).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

DIGIT_RUN = re.compile(r"(?<!\w)(?:\d[ -]?){4,}\d(?!\w)|(?<!\w)\d{4}(?!\w)")
"""Four or more digits, possibly grouped by spaces or dashes: PINs, card and account numbers."""
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_INPUT_VALUE = re.compile(r"input_value=.*?, input_type=")
"""pydantic's validation errors quote the input, which may be what a user typed."""


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
            _omit_content(record.exc_info[1])
            trace = logging.Formatter().formatException(record.exc_info)
            message += "\n" + _INPUT_VALUE.sub("input_value=[omitted], input_type=", trace)
            record.exc_info = None
            record.exc_text = None
        record.msg = redact(message, self.secrets)
        record.args = None
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, redact(value, self.secrets))
        return True


def _omit_content(exc: BaseException | None) -> None:
    """aiogram's ClientDecodeError prints the whole answer it could not read, e.g. a batch
    of updates with everything users typed in them: keep the error, drop the content."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if type(exc).__name__ == "ClientDecodeError" and hasattr(exc, "data"):
            exc.data = "[content omitted]"
        exc = exc.__cause__ or exc.__context__


class RepeatFilter(logging.Filter):
    """Lets an identical line (same logger, level, message, fields and error) through once per
    `interval` seconds; the next one that passes says how many were held back (`repeated`).
    A loop that goes wrong must not fill the disk with the same line."""

    MAX_KEYS = 1000

    def __init__(
        self, interval: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.interval = interval
        self.clock = clock
        self.last: dict[tuple[Any, ...], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        fields = tuple(sorted((k, repr(v)) for k, v in vars(record).items() if k not in _STANDARD))
        error = record.exc_info[1] if record.exc_info else None
        key = (record.name, record.levelno, record.getMessage(), fields, repr(error))
        now = self.clock()
        shown = self.last.get(key)
        if shown is not None and now - shown[0] < self.interval:
            self.last[key] = (shown[0], shown[1] + 1)
            return False
        if shown is not None and shown[1]:
            record.repeated = shown[1]
        if len(self.last) >= self.MAX_KEYS:
            self.last = {k: v for k, v in self.last.items() if now - v[0] < self.interval}
            if len(self.last) >= self.MAX_KEYS:
                self.last.clear()
        self.last[key] = (now, 0)
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
    handler.addFilter(RepeatFilter())
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # aiogram says "Update id=... is handled. Duration ... ms" for every update at INFO: a
    # formatted, redacted JSON line per update, for nothing an operator acts on.
    # Kept at DEBUG, where an operator asked for everything.
    quiet = root.level > logging.DEBUG
    logging.getLogger("aiogram.event").setLevel(logging.WARNING if quiet else logging.NOTSET)
    logging.captureWarnings(True)  # `warnings` print their message, e.g. aiogram's updates
    sys.excepthook = _uncaught
    threading.excepthook = _uncaught_in_thread
    sys.unraisablehook = _unraisable


_log = logging.getLogger("bot")


def _uncaught(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, trace)
        return
    _log.critical("uncaught exception", exc_info=(kind, exc, trace))


def _uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else None
    _log.critical(
        "uncaught exception in a thread",
        extra={"thread_name": name},
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


def _unraisable(unraisable: Any) -> None:
    exc = unraisable.exc_value
    _log.error(
        "exception that could not be raised",
        extra={"context": unraisable.err_msg or ""},
        exc_info=(type(exc), exc, exc.__traceback__) if exc is not None else None,
    )
