"""Shared pieces: a Bot API session that answers in-process, simulated chat users, timing."""

from __future__ import annotations

import functools
import itertools
import json
import resource
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Update

from bot.config import Config
from bot.core import actions
from bot.core.loader import Library, load_library
from bot.storage.sqlite import SqliteStorage
from bot.telegram.app import BotApp

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-token-not-real"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "rolebot", "username": "bench_bot"}


@functools.cache
def shipped_library() -> Library:
    """The shipped scenarios, loaded and validated once per process: loading is never what a
    benchmark times, and every round and section would otherwise parse the same files."""
    return load_library(ROOT / "scenarios", ROOT / "locales")


@dataclass
class NullSession(BaseSession):
    """Answers every Bot API call in-process, but does the work a real session does around the
    network: serialises every parameter and parses a JSON response into aiogram types."""

    keyboards: dict[int, list[str]] = field(default_factory=dict)
    calls: int = 0

    def __post_init__(self) -> None:
        super().__init__()
        self._message_ids = itertools.count(1)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        self.calls += 1
        files: dict[str, Any] = {}
        params = {
            key: self.prepare_value(value, bot=bot, files=files)
            for key, value in method.model_dump(warnings=False).items()
            if value is not None
        }
        content = json.dumps({"ok": True, "result": self._result(method, params)})
        return self.check_response(bot, method, 200, content).result  # type: ignore[return-value]

    def _result(self, method: TelegramMethod[Any], params: dict[str, Any]) -> Any:
        name = method.__api_method__
        if name in {"sendMessage", "editMessageText"}:
            chat_id = int(params["chat_id"])
            markup = json.loads(params["reply_markup"]) if "reply_markup" in params else None
            if name == "sendMessage" and markup:
                self.keyboards[chat_id] = [
                    b["callback_data"] for row in markup["inline_keyboard"] for b in row
                ]
            return {
                "message_id": next(self._message_ids),
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


class Chat:
    """A simulated user: opens a scenario and presses the answer buttons until the end."""

    def __init__(self, user_id: int, scenario: str, session: NullSession) -> None:
        self.user_id = user_id
        self.scenario = scenario
        self.session = session
        self.turn = 0

    def next_update(self, update_id: int) -> Update | None:
        self.turn += 1
        sender = {"id": self.user_id, "is_bot": False, "first_name": "U", "language_code": "ru"}
        if self.turn == 1:
            data = actions.encode(actions.Open(self.scenario))
        else:
            keyboard = [actions.decode(d) for d in self.session.keyboards.get(self.user_id, [])]
            choices = [a for a in keyboard if isinstance(a, actions.Answer | actions.Next)]
            rates = [a for a in keyboard if isinstance(a, actions.Rate)]
            if rates:
                return None
            if not choices:
                text = "x" * 120  # a text step
                message = {
                    "message_id": 1,
                    "date": 0,
                    "chat": {"id": self.user_id, "type": "private"},
                    "from": sender,
                    "text": text,
                }
                return Update.model_validate({"update_id": update_id, "message": message})
            data = actions.encode(choices[self.turn % len(choices)])
        message = {
            "message_id": 1,
            "date": 0,
            "chat": {"id": self.user_id, "type": "private"},
            "from": BOT_USER,
            "text": "step",
        }
        return Update.model_validate(
            {
                "update_id": update_id,
                "callback_query": {
                    "id": str(update_id),
                    "from": sender,
                    "chat_instance": "1",
                    "message": message,
                    "data": data,
                },
            }
        )


@asynccontextmanager
async def rolebot(folder: Path) -> AsyncIterator[tuple[BotApp, NullSession]]:
    """The real BotApp (aiogram Dispatcher, engine, SQLite file) on a NullSession."""
    config = Config(
        database=folder / "bench.sqlite3",
        scenarios_dir=ROOT / "scenarios",
        locales_dir=ROOT / "locales",
    )
    library = shipped_library()
    storage = SqliteStorage.open(config.database, background_checkpoints=True)
    session = NullSession()
    app = BotApp(config, library, storage, Bot(TOKEN, session=session))
    app.translator.warm()
    try:
        yield app, session
    finally:
        await storage.close()


def rss_kb() -> int:
    """Current resident set size in KiB (Linux)."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
