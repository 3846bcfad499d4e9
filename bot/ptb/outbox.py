"""All outgoing Bot API calls made with python-telegram-bot: retries, rate limits, harmless
errors; the same rules as `bot.telegram.outbox`."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.botapi.port import Blocked
from bot.core import actions
from bot.i18n import RenderedReply

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


def retry_seconds(exc: RetryAfter) -> float:
    """PTB 22 returns an int or a timedelta here, warning about the int."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def keyboard(reply: RenderedReply, prefix: str = "") -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, callback_data=prefix + actions.encode(b.action))
                for b in row
            ]
            for row in reply.buttons
        ]
    )


class Outbox:
    """Sends with bounded retries. A 429 waits `retry_after` in this chat's task only; network
    and server errors (an HTML 502 included) back off; harmless 400s are ignored; 403 raises
    `Blocked`. `prefix` goes before every button's data (rolebot inside another bot)."""

    def __init__(self, bot: Bot, *, backoff: float = 0.5, prefix: str = "") -> None:
        self.bot = bot
        self.backoff = backoff
        self.prefix = prefix

    async def send(self, chat_id: int, reply: RenderedReply) -> int | None:
        text = reply.text if len(reply.text) <= MESSAGE_LIMIT else reply.text[: MESSAGE_LIMIT - 1]
        markup = keyboard(reply, self.prefix)
        message = await self.call(
            lambda: self.bot.send_message(chat_id, text, reply_markup=markup)
        )
        return message.message_id if message is not None else None

    async def close_keyboard(self, chat_id: int, message_id: int, text: str | None) -> None:
        """Make an answered message inert: drop its buttons, optionally note the choice."""
        request: Callable[[], Awaitable[Message | bool]]
        if text is not None:
            body = text[:MESSAGE_LIMIT]
            request = lambda: self.bot.edit_message_text(  # noqa: E731
                body, chat_id=chat_id, message_id=message_id
            )
        else:
            request = lambda: self.bot.edit_message_reply_markup(  # noqa: E731
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )
        await self.call(request)

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        await self.call(lambda: self.bot.answer_callback_query(callback_id, text=text))

    async def call(self, request: Callable[[], Awaitable[T]], *, strict: bool = False) -> T | None:
        """The request's result, or None when it failed for good. `strict`: a 400 that is not
        harmless raises `BadRequest` instead (the caller cannot go on without it)."""
        delay = self.backoff
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return await request()
            except RetryAfter as exc:
                wait = min(retry_seconds(exc), MAX_RETRY_AFTER)
                log.warning("rate limited", extra={"retry_after": wait, "attempt": attempt})
                await asyncio.sleep(wait)
            except Forbidden as exc:
                raise Blocked(exc.message) from None
            except BadRequest as exc:  # before NetworkError: PTB derives it from that
                if any(h in exc.message.lower() for h in HARMLESS):
                    log.debug("harmless bad request", extra={"description": exc.message})
                    return None
                if strict:
                    raise
                log.error("bad request", extra={"description": exc.message})
                return None
            except NetworkError as exc:
                # NetworkError: 5xx (a proxy's HTML page too), timeouts, dropped connections.
                # Never log the message: PTB quotes a body it could not parse in it.
                log.warning(
                    "network error, backing off",
                    extra={"error": type(exc).__name__, "attempt": attempt, "delay": delay},
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
        log.error("giving up after retries", extra={"attempts": MAX_ATTEMPTS})
        return None
