"""A test client that talks to the real aiogram Dispatcher and handlers without HTTP: it
builds Telegram updates (text, button presses) for `BotApp.process` and records every Bot
API call the bot makes through an in-process session (aiogram_dialog's test_tools are the
model). Fast flow tests use it; transport behaviour stays with the HTTP e2e tests."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Update

from bot.telegram.app import BotApp
from tests.telegram.fakeapi import Call

TOKEN = "123456:CLIENT-token-not-real"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "rolebot", "username": "test_bot"}


@dataclass
class Sent(Call):
    """One Bot API call the bot made."""

    message_id: int | None = None
    """The id Telegram gave the message sent."""


@dataclass
class RecordingSession(BaseSession):
    """Answers every Bot API call in-process, doing the work a real session does around the
    network: serialises every parameter and parses a JSON answer into aiogram types."""

    calls: list[Sent] = field(default_factory=list)
    keyboards: dict[int, list[str]] = field(default_factory=dict)
    """The callback data of the newest keyboard sent to each chat."""
    keyboard_messages: dict[int, int] = field(default_factory=dict)
    """The id of the message that keyboard is on."""
    record: bool = True

    def __post_init__(self) -> None:
        super().__init__()
        self._message_ids = itertools.count(1)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        files: dict[str, Any] = {}
        params = {
            key: self.prepare_value(value, bot=bot, files=files)
            for key, value in method.model_dump(warnings=False).items()
            if value is not None
        }
        if "reply_markup" in params:
            params["reply_markup"] = json.loads(params["reply_markup"])
        result = self._result(method, params)
        if self.record:
            message_id = result.get("message_id") if isinstance(result, dict) else None
            self.calls.append(Sent(method.__api_method__, params, message_id=message_id))
        content = json.dumps({"ok": True, "result": result})
        return self.check_response(bot, method, 200, content).result  # type: ignore[return-value]

    def _result(self, method: TelegramMethod[Any], params: dict[str, Any]) -> Any:
        name = method.__api_method__
        if name in {"sendMessage", "editMessageText", "sendDocument"}:
            chat_id = int(params["chat_id"])
            markup = params.get("reply_markup")
            message_id = next(self._message_ids)
            if name == "sendMessage" and markup:
                self.keyboards[chat_id] = [
                    b["callback_data"] for row in markup["inline_keyboard"] for b in row
                ]
                self.keyboard_messages[chat_id] = message_id
            return {
                "message_id": message_id,
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
                **({"reply_markup": markup} if markup else {}),
            }
        if name == "getMe":
            return BOT_USER
        return True

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - aiogram's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError
        yield b""  # pragma: no cover


_update_ids = itertools.count(1)


class BotClient:
    """One Telegram user in a private chat with the bot."""

    def __init__(
        self, app: BotApp, session: RecordingSession, user_id: int, language: str = "en"
    ) -> None:
        self.app = app
        self.session = session
        self.user_id = user_id
        self.language = language
        self.last_update: Update | None = None

    def _sender(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "is_bot": False,
            "first_name": "Test",
            "language_code": self.language,
        }

    def _chat(self) -> dict[str, Any]:
        return {"id": self.user_id, "type": "private"}

    async def feed(self, update: Update) -> list[Sent]:
        """Process one update; the Bot API calls it caused."""
        before = len(self.session.calls)
        self.last_update = update
        await self.app.process(update)
        return self.session.calls[before:]

    async def send(self, text: str | None = None, **content: Any) -> list[Sent]:
        """A message: text, or other content such as `sticker={...}`."""
        message: dict[str, Any] = {
            "message_id": next(_update_ids),
            "date": 0,
            "chat": self._chat(),
            "from": self._sender(),
            **({"text": text} if text is not None else {}),
            **content,
        }
        update = Update.model_validate({"update_id": next(_update_ids), "message": message})
        return await self.feed(update)

    async def press(self, data: str, shown: Sent | None = None) -> list[Sent]:
        """Press a button with this callback data on a message of the bot (`shown`: the
        message it was on, which Telegram sends back with its keyboard)."""
        message: dict[str, Any] = {
            "message_id": shown.message_id if shown and shown.message_id else next(_update_ids),
            "date": 0,
            "chat": self._chat(),
            "from": BOT_USER,
            "text": shown.text if shown else "",
        }
        if shown is not None and shown.params.get("reply_markup"):
            message["reply_markup"] = shown.params["reply_markup"]
        update = Update.model_validate(
            {
                "update_id": next(_update_ids),
                "callback_query": {
                    "id": str(next(_update_ids)),
                    "from": self._sender(),
                    "chat_instance": "1",
                    "message": message,
                    "data": data,
                },
            }
        )
        return await self.feed(update)

    async def click(self, label: str) -> list[Sent]:
        """Press the button whose label contains `label` in the newest message with buttons."""
        for sent in reversed(self.session.calls):
            if sent.method == "sendMessage" and int(sent.params["chat_id"]) == self.user_id:
                for text, data in sent.buttons:
                    if label in text:
                        return await self.press(data, sent)
                if sent.buttons:
                    break
        raise AssertionError(f"no button with {label!r} in the newest keyboard")

    def messages(self) -> list[Sent]:
        return [
            c
            for c in self.session.calls
            if c.method == "sendMessage" and int(c.params["chat_id"]) == self.user_id
        ]
