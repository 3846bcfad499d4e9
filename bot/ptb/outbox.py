"""All outgoing Bot API calls made with python-telegram-bot: retries, rate limits, harmless
errors; the same rules as `bot.telegram.outbox`."""

from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.botapi import retry
from bot.botapi.port import Pauser
from bot.botapi.retry import MESSAGE_LIMIT
from bot.core import actions
from bot.i18n import RenderedReply

T = TypeVar("T")


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

    async def send(
        self, chat_id: int, reply: RenderedReply, *, on_wait: Pauser | None = None
    ) -> int | None:
        text = reply.text if len(reply.text) <= MESSAGE_LIMIT else reply.text[: MESSAGE_LIMIT - 1]
        markup = keyboard(reply, self.prefix)
        message = await self.call(
            lambda: self.bot.send_message(chat_id, text, reply_markup=markup), on_wait=on_wait
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

    async def call(
        self,
        request: Callable[[], Awaitable[T]],
        *,
        strict: bool = False,
        on_wait: Pauser | None = None,
    ) -> T | None:
        """The request's result, or None when it failed for good (`bot.botapi.retry`).
        `strict`: a 400 that is not harmless raises `Refused`."""
        return await retry.call(
            request, judge, backoff=self.backoff, strict=strict, on_wait=on_wait
        )


def judge(exc: Exception) -> retry.Verdict | None:
    """What a python-telegram-bot exception means for a retry. BadRequest comes before
    NetworkError: PTB derives it from that. A NetworkError's message is never kept: PTB
    quotes in it a body it could not parse."""
    match exc:
        case RetryAfter():
            return retry.Verdict(retry.Kind.WAIT, exc.message, retry_seconds(exc))
        case Forbidden():
            return retry.Verdict(retry.Kind.BLOCKED, exc.message)
        case BadRequest():
            return retry.Verdict(retry.Kind.BAD_REQUEST, exc.message)
        case NetworkError():
            return retry.Verdict(retry.Kind.TRANSIENT)
    return None
