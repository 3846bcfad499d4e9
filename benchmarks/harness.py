"""Shared pieces: a Bot API session that answers in-process, simulated chat users, timing."""

from __future__ import annotations

import asyncio
import functools
import itertools
import resource
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from aiogram import Bot
from aiogram.types import Update

from benchmarks.timing import now
from bot.config import Config
from bot.core import actions
from bot.core.loader import Library, load_library
from bot.storage import Storage, open_storage
from bot.storage.sqlite import SqliteStorage
from bot.telegram.app import BotApp
from tests.telegram.client import BOT_USER, RecordingSession

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-token-not-real"


@functools.cache
def shipped_library() -> Library:
    """The shipped scenarios, loaded and validated once per process: loading is never what a
    benchmark times, and every round and section would otherwise parse the same files."""
    return load_library(ROOT / "scenarios", ROOT / "locales")


@dataclass
class NullSession(RecordingSession):
    """Answers every Bot API call in-process (tests/telegram/client.py), doing the work a real
    session does around the network, and records nothing: only the newest keyboard per chat,
    which the simulated users press."""

    record: bool = False


class Keyboards(Protocol):
    """Where a simulated user sees its newest keyboard (NullSession, or a PTB request)."""

    keyboards: dict[int, list[str]]
    keyboard_messages: dict[int, int]


class Chat:
    """A simulated user: opens a scenario and presses the answer buttons until the end."""

    def __init__(
        self, user_id: int, scenario: str, session: Keyboards, language: str = "ru"
    ) -> None:
        self.user_id = user_id
        self.language = language
        self.scenario = scenario
        self.session = session
        self.turn = 0
        self.choosing = 0.0
        """Seconds this user spent choosing (`next_raw`): the simulated person's time, not the
        bot's, so a benchmark takes it off the bot's elapsed time. It never awaits, so nothing
        else runs inside it."""

    def next_update(self, update_id: int, bot: Bot | None = None) -> Update | None:
        """The next update read as aiogram's polling reads it: bound to `bot` (without one,
        aiogram's `feed_update` rebuilds the whole update through JSON to bind it)."""
        raw = self.next_raw(update_id)
        if raw is None:
            return None
        return Update.model_validate(raw, context={"bot": bot} if bot else None)

    def next_raw(self, update_id: int) -> dict[str, Any] | None:
        """The next update as Telegram sends it (JSON), None at the end."""
        started = now()
        try:
            return self._choose(update_id)
        finally:
            self.choosing += now() - started

    def _choose(self, update_id: int) -> dict[str, Any] | None:
        self.turn += 1
        sender = {
            "id": self.user_id,
            "is_bot": False,
            "first_name": "U",
            "language_code": self.language,
        }
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
                return {"update_id": update_id, "message": message}
            data = actions.encode(choices[self.turn % len(choices)])
        message = {
            # The message the keyboard is on: a second press on one message is a double tap.
            # The first press (Open) is on a message the bot never sent: id 0, not the id of
            # the session's first reply, which would make the next press a double tap.
            "message_id": self.session.keyboard_messages.get(self.user_id, 0),
            "date": 0,
            "chat": {"id": self.user_id, "type": "private"},
            "from": BOT_USER,
            "text": "step",
        }
        return {
            "update_id": update_id,
            "callback_query": {
                "id": str(update_id),
                "from": sender,
                "chat_instance": "1",
                "message": message,
                "data": data,
            },
        }


MAX_PRESSES = 60
"""A bound on one simulated user's walk (every shipped scenario ends well before)."""


async def walk_to_the_end(
    chats: list[Chat], process_raw: Callable[[dict[str, Any]], Awaitable[Any]]
) -> tuple[float, list[list[dict[str, Any]]]]:
    """Every chat presses until its walk ends, chats concurrently, each update going in as
    Telegram's JSON through `process_raw` (reading it is the bot's work, timed). Returns the
    bot's elapsed time, the users' choosing taken off (`Chat.choosing`: not the bot's work),
    and the updates each chat sent, for a baseline fed the same."""
    ids = itertools.count(1)
    sent: list[list[dict[str, Any]]] = [[] for _ in chats]

    async def walk(chat: Chat, mine: list[dict[str, Any]]) -> None:
        for _ in range(MAX_PRESSES):
            raw = chat.next_raw(next(ids))
            if raw is None:
                return
            mine.append(raw)
            await process_raw(raw)

    started = now()
    await asyncio.gather(*(walk(c, m) for c, m in zip(chats, sent, strict=True)))
    return now() - started - sum(c.choosing for c in chats), sent


@asynccontextmanager
async def rolebot(
    folder: Path, database: str | None = None
) -> AsyncIterator[tuple[BotApp, NullSession]]:
    """The real BotApp (aiogram Dispatcher, engine, storage) on a NullSession: a SQLite file
    in `folder`, or the `database` setting given (e.g. a PostgreSQL URL)."""
    config = Config(
        database=database or str(folder / "bench.sqlite3"),
        scenarios_dir=ROOT / "scenarios",
        locales_dir=ROOT / "locales",
        send_rate=0,  # a null Bot API has no limits to keep (pacing's cost: backends.py)
    )
    library = shipped_library()
    storage: Storage = (
        open_storage(database)
        if database
        else SqliteStorage.open(config.database, background_checkpoints=True)
    )
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
