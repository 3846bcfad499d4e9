"""The SQLite storage driven from synchronous tests: each call is one real unit of work on
a private event loop (no internals replaced)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from bot.analytics import metrics
from bot.analytics.filters import Filters
from bot.core.loader import Library
from bot.core.progress import Progress
from bot.storage import Change, User
from bot.storage.sqlite import SqliteStorage

T = TypeVar("T")


class SyncStore:
    def __init__(self, path: Path | str) -> None:
        self.loop = asyncio.new_event_loop()
        self.storage = SqliteStorage.open(path)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.storage.conn

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    def user(self, external_id: str, locale: str, now_ms: int) -> User:
        async def go() -> User:
            async with self.storage.unit(external_id) as unit:
                return await unit.user(external_id, locale, now_ms)

        return self.run(go())

    def commit(self, change: Change, update_id: int | None = None) -> bool:
        """Apply one change; False (writing nothing) when `update_id` was seen before."""

        async def go() -> bool:
            async with self.storage.unit(str(change.user_id)) as unit:
                if update_id is not None and not await unit.claim(update_id, change.now_ms):
                    return False
                await unit.apply(change)
                return True

        return self.run(go())

    def progress(self, user_id: int, scenario: str) -> Progress:
        async def go() -> Progress:
            async with self.storage.unit(str(user_id)) as unit:
                return await unit.progress(user_id, scenario)

        return self.run(go())

    def forget(self, external_id: str) -> bool:
        async def go() -> bool:
            async with self.storage.unit(external_id) as unit:
                user = await unit.find_user(external_id)
                if user is None:
                    return False
                await unit.forget(user)
                return True

        return self.run(go())

    def events(self) -> list[dict[str, Any]]:
        return self.run(self.storage.events())

    def stats(
        self,
        library: Library | None,
        filters: Filters | None = None,
        *,
        now: int,
        idle_timeout_hours: float = metrics.DEFAULT_IDLE_HOURS,
    ) -> metrics.Stats:
        """Figures through the port (`Storage.tallies`), as the CLI computes them."""
        filters = filters or Filters()
        cutoff = metrics.idle_cutoff(now, idle_timeout_hours)
        tallies = self.run(self.storage.tallies(filters, cutoff))
        return metrics.compute(
            tallies, library, filters, now=now, idle_timeout_hours=idle_timeout_hours
        )

    def close(self) -> None:
        self.run(self.storage.close())
        self.loop.close()


def stats_of(
    conn: sqlite3.Connection,
    library: Library | None,
    filters: Filters | None = None,
    *,
    now: int,
    idle_timeout_hours: float = metrics.DEFAULT_IDLE_HOURS,
) -> metrics.Stats:
    """Figures from a database connection, read the way `SqliteStorage.tallies` reads."""
    from bot.storage.sqlite import reading

    filters = filters or Filters()
    tallies = reading.tallies(conn, filters, metrics.idle_cutoff(now, idle_timeout_hours))
    return metrics.compute(
        tallies, library, filters, now=now, idle_timeout_hours=idle_timeout_hours
    )
