"""All outgoing Bot API calls made with python-telegram-bot: retries, rate limits, harmless
errors; the same rules as `bot.telegram.outbox`."""

from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBUserWarning

from bot.botapi import retry
from bot.botapi.markup import inline_keyboard
from bot.botapi.port import Pauser
from bot.botapi.retry import MESSAGE_LIMIT
from bot.i18n import RenderedReply

T = TypeVar("T")
SEND, EDIT = "sendMessage", "editMessageText"
"""Sent with `Bot.do_api_request`, reading back only the message id: PTB's own methods build
a whole `Message` from Telegram's echo (every keyboard button too), about half of a send's
cost, measured. PTB asks to use its own methods for these; that advice is left out."""
warnings.filterwarnings(
    "ignore",
    message=r"Please use 'Bot\.(sendMessage|editMessageText)' instead",
    category=PTBUserWarning,
)


def retry_seconds(exc: RetryAfter) -> float:
    """PTB 22 returns an int or a timedelta here, warning about the int."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


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
        params: dict[str, object] = {"chat_id": chat_id, "text": text}
        markup = inline_keyboard(reply, self.prefix)
        if markup is not None:
            params["reply_markup"] = markup
        sent = await self.call(lambda: self.bot.do_api_request(SEND, params), on_wait=on_wait)
        return int(sent["message_id"]) if isinstance(sent, dict) else None

    async def close_keyboard(self, chat_id: int, message_id: int, text: str | None) -> None:
        """Make an answered message inert: drop its buttons, optionally note the choice."""
        request: Callable[[], Awaitable[object]]  # the result is not read
        if text is not None:
            params = {"chat_id": chat_id, "message_id": message_id, "text": text[:MESSAGE_LIMIT]}
            request = lambda: self.bot.do_api_request(EDIT, params)  # noqa: E731
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
