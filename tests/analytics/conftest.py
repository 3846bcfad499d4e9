"""A small simulated database shared by the analytics tests (read-only: copy it to change it)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.core.loader import Library
from bot.service import Conversation
from bot.simulator import simulate
from bot.storage.sqlite import SqliteStorage

SIM_END = 1_780_000_000_000
"""2026-05-28 20:26:40 UTC: the simulated period ends here."""


@pytest.fixture(scope="session")
def simulated(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    path = tmp_path_factory.mktemp("sim") / "simulated.sqlite3"

    async def fill() -> None:
        storage = SqliteStorage.open(path)
        service = Conversation(library, storage)
        await simulate(library, service, users=400, days=20, seed=3, end_ms=SIM_END)
        storage.conn.execute("pragma wal_checkpoint(TRUNCATE)")
        await storage.close()

    asyncio.run(fill())
    return path
