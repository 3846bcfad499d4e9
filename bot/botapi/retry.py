"""How every outgoing Bot API call is retried, whichever library makes it: a 429 waits
`retry_after` in this chat's task only (other chats go on), network and server errors back
off, harmless 400s are ignored, 403 raises `Blocked`. Each adapter only says what its
library's exception means (`Verdict`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from bot.botapi.port import Blocked, Refused

log = logging.getLogger(__name__)
T = TypeVar("T")

HARMLESS = (
    "message is not modified",
    "query is too old",
    "query id is invalid",
    "message to edit not found",
    "message can't be edited",
)
MAX_ATTEMPTS = 5
MAX_RETRY_AFTER = 60.0
MESSAGE_LIMIT = 4096


class Kind(Enum):
    WAIT = "wait"
    """429: wait `seconds`, then try again."""
    BLOCKED = "blocked"
    """403: the user blocked the bot."""
    BAD_REQUEST = "bad request"
    """400: ignored when harmless, else given up (or raised, for a strict call)."""
    TRANSIENT = "transient"
    """Network, timeout, 5xx (a proxy's HTML page too): back off and try again."""


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    message: str = ""
    """Telegram's description (never a body the library could not parse)."""
    seconds: float = 0.0


async def call(
    request: Callable[[], Awaitable[T]],
    judge: Callable[[Exception], Verdict | None],
    *,
    backoff: float,
    strict: bool = False,
    on_wait: Callable[[float], Awaitable[None]] | None = None,
) -> T | None:
    """The request's result, or None when it failed for good. `judge` says what an exception
    means (None: not a Bot API failure, raised as it is). `strict`: a 400 that is not
    harmless raises `Refused` (the caller cannot go on without it). `on_wait` hears of a 429's
    wait before it is waited (to hold other senders back too)."""
    delay = backoff
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return await request()
        except Exception as exc:
            verdict = judge(exc)
            if verdict is None:
                raise
            if verdict.kind is Kind.WAIT:
                wait = min(verdict.seconds, MAX_RETRY_AFTER)
                log.warning("rate limited", extra={"retry_after": wait, "attempt": attempt})
                if on_wait is not None:
                    await on_wait(wait)
                await asyncio.sleep(wait)
            elif verdict.kind is Kind.BLOCKED:
                raise Blocked(verdict.message) from None
            elif verdict.kind is Kind.BAD_REQUEST:
                if any(h in verdict.message.lower() for h in HARMLESS):
                    log.debug("harmless bad request", extra={"description": verdict.message})
                    return None
                if strict:
                    raise Refused(verdict.message) from None
                log.error("bad request", extra={"description": verdict.message})
                return None
            else:
                log.warning(
                    "network error, backing off",
                    extra={"error": type(exc).__name__, "attempt": attempt, "delay": delay},
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
    log.error("giving up after retries", extra={"attempts": MAX_ATTEMPTS})
    return None
