"""All outgoing Bot API calls go through here: retries, rate limits and harmless errors."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import TypeVar

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteWebhook,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    GetUpdates,
    SendDocument,
    SendMessage,
    SetMyCommands,
    SetWebhook,
)
from aiogram.methods.base import Response, TelegramMethod, TelegramType
from pydantic import BaseModel, ConfigDict

from bot.botapi import retry
from bot.botapi.markup import inline_keyboard
from bot.botapi.port import Blocked, Pauser
from bot.botapi.retry import MESSAGE_LIMIT
from bot.i18n import RenderedReply

T = TypeVar("T")
__all__ = ["Blocked", "Outbox", "TelegramSession"]


class SentMessage(BaseModel):
    """What rolebot reads of a message Telegram sent or edited: its id. aiogram's `Message`
    would validate the whole echo (text, chat, sender, every keyboard button) on every call:
    about half of a send's cost, measured."""

    model_config = ConfigDict(extra="ignore")
    message_id: int


class SendText(TelegramMethod[SentMessage]):
    """sendMessage with rolebot's own payload: a chat, a text and a keyboard prepared once
    as JSON. aiogram's session, middlewares and errors apply as to its own methods."""

    __returning__ = SentMessage
    __api_method__ = "sendMessage"

    chat_id: int
    text: str
    reply_markup: str | None = None


class EditText(TelegramMethod[SentMessage | bool]):
    """editMessageText without a keyboard (closing a pressed message)."""

    __returning__ = SentMessage | bool
    __api_method__ = "editMessageText"

    chat_id: int
    message_id: int
    text: str


_RESPONSE_TYPES = tuple(
    Response[method.__returning__]  # type: ignore[name-defined]
    for method in (
        AnswerCallbackQuery, DeleteWebhook, EditMessageReplyMarkup, EditMessageText, EditText,
        GetMe, GetUpdates, SendDocument, SendMessage, SendText, SetMyCommands, SetWebhook,
    )
)  # fmt: skip
"""Strong references to the parametrised response models aiogram builds for every call.
pydantic caches them weakly, so after a garbage collection the next call rebuilds one
(measured: ~200 ms for `Response[Message | bool]`), which stalled every chat in turn."""


class TelegramSession(AiohttpSession):
    """aiogram's session, except that a 5xx is a server error whatever its body says.

    A proxy in front of Telegram answers 502/503/504 with an HTML page; aiogram reports that
    as `ClientDecodeError`, which nobody retries, and its message carries the whole body.
    """

    def check_response(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        status_code: int,
        content: str,
    ) -> Response[TelegramType]:
        if status_code >= HTTPStatus.INTERNAL_SERVER_ERROR and not _is_json(content):
            raise TelegramServerError(
                method=method, message=f"HTTP {status_code} with a body that is not JSON"
            )
        return super().check_response(bot, method, status_code, content)


def _is_json(content: str) -> bool:
    try:
        json.loads(content)
    except ValueError:
        return False
    return True


class Outbox:
    """Sends with bounded retries. A 429 waits `retry_after` in this chat's task only, so other
    chats go on; network and server errors back off; harmless 400s are ignored; 403 raises
    `Blocked`."""

    def __init__(self, bot: Bot, *, backoff: float = 0.5, prefix: str = "") -> None:
        self.bot = bot
        self.backoff = backoff
        self.prefix = prefix
        """Before every button's data (rolebot inside another bot)."""

    async def send(
        self, chat_id: int, reply: RenderedReply, *, on_wait: Pauser | None = None
    ) -> int | None:
        text = reply.text if len(reply.text) <= MESSAGE_LIMIT else reply.text[: MESSAGE_LIMIT - 1]
        method = SendText(
            chat_id=chat_id, text=text, reply_markup=inline_keyboard(reply, self.prefix)
        )
        message = await self.call(lambda: self.bot(method), on_wait=on_wait)
        return message.message_id if message is not None else None

    async def close_keyboard(self, chat_id: int, message_id: int, text: str | None) -> None:
        """Make an answered message inert: drop its buttons, optionally note the choice."""
        if text is not None:
            method = EditText(chat_id=chat_id, message_id=message_id, text=text[:MESSAGE_LIMIT])
            await self.call(lambda: self.bot(method))
        else:
            await self.call(
                lambda: self.bot.edit_message_reply_markup(
                    chat_id=chat_id, message_id=message_id, reply_markup=None
                )
            )

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
    """What an aiogram exception means for a retry."""
    match exc:
        case TelegramRetryAfter():
            return retry.Verdict(retry.Kind.WAIT, exc.message, float(exc.retry_after))
        case TelegramForbiddenError():
            return retry.Verdict(retry.Kind.BLOCKED, exc.message)
        case TelegramBadRequest():
            return retry.Verdict(retry.Kind.BAD_REQUEST, exc.message)
        case TelegramNetworkError() | TelegramServerError() | ClientDecodeError():
            return retry.Verdict(retry.Kind.TRANSIENT)
    return None
