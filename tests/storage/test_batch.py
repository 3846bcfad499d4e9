"""`Storage.batch` on SQLite keeps its units' reads and writes in memory until it commits:
the tables must come out exactly as if every input had been its own unit of work, the way
the bot writes them."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.core import actions
from bot.core.loader import Library
from bot.service import BotBlocked, Command, Conversation, Press, Typed, UserInput, Who
from bot.simulator import simulate
from bot.storage.sqlite import SqliteStorage

END_MS = 1_780_000_000_000


class UnitByUnit(SqliteStorage):
    """The same storage with `batch` doing nothing: every input commits on its own."""

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        yield


def tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a stable order; users without their random `key` (and not
    when the migrations ran)."""
    conn = sqlite3.connect(path)
    names = [
        row[0]
        for row in conn.execute("select name from sqlite_master where type = 'table' order by 1")
        if row[0] != "_migrations"
    ]
    found = {}
    for name in names:
        columns = [row[1] for row in conn.execute(f"pragma table_info({name})")]
        kept = ", ".join(f'"{c}"' for c in columns if not (name == "users" and c == "key"))
        found[name] = conn.execute(f"select {kept} from {name} order by {kept}").fetchall()
    conn.close()
    return found


async def test_a_simulation_writes_the_same_rows_in_batches_as_unit_by_unit(
    tmp_path: Path, library: Library
) -> None:
    written = {}
    for name, kind in (("batched", SqliteStorage), ("units", UnitByUnit)):
        path = tmp_path / f"{name}.sqlite3"
        storage = kind.open(path)
        service = Conversation(library, storage)
        summary = await simulate(library, service, users=150, days=6, seed=5, end_ms=END_MS)
        await storage.close()
        written[name] = (summary, tables(path))
    (batched, rows), (units, expected) = written["batched"], written["units"]
    assert batched == units
    assert len(rows["events"]) > 1000 and len(rows["visits"]) > 300
    assert rows == expected


SCRIPT: list[tuple[str, UserInput]] = [
    ("a", Command("start")),
    ("a", Press(actions.Open("atm-withdrawal"))),
    ("b", Press(actions.Open("atm-withdrawal"))),
    ("a", Typed(12)),
    ("a", Press(actions.Language("en"))),
    ("a", Command("menu")),
    ("b", BotBlocked()),
    ("b", Command("continue")),
    ("a", Press(actions.Forget(True))),
    ("a", Press(actions.Open("atm-withdrawal"))),
    ("a", Command("menu")),
    ("c", Command("menu")),
    ("c", Press(actions.Open("atm-withdrawal"))),
]
"""Reads after writes in one batch: a language chosen, the menu reading every progress row,
a user blocking and coming back, a user forgotten and starting afresh."""


async def test_reads_after_writes_and_forget_in_one_batch(
    tmp_path: Path, library: Library
) -> None:
    written = {}
    for name, kind in (("batched", SqliteStorage), ("units", UnitByUnit)):
        path = tmp_path / f"{name}.sqlite3"
        storage = kind.open(path)
        service = Conversation(library, storage)
        replies = []
        async with storage.batch():
            for at, (who, inp) in enumerate(SCRIPT):
                response = await service.handle(Who(f"sim:{who}", "ru"), inp, now_ms=at * 1000)
                replies.append(response.replies)
        await storage.close()
        written[name] = (replies, tables(path))
    assert written["batched"] == written["units"]
    assert len(written["batched"][1]["users"]) == 3  # a's first row is gone


async def test_a_failed_batch_writes_nothing(tmp_path: Path, library: Library) -> None:
    storage = SqliteStorage.open(tmp_path / "x.sqlite3")
    service = Conversation(library, storage)
    try:
        async with storage.batch():
            await service.handle(Who("sim:a", "ru"), Press(actions.Open("atm-withdrawal")))
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert storage.conn.execute("select count(*) from events").fetchone() == (0,)
    assert storage._pending is None
    await service.handle(Who("sim:a", "ru"), Press(actions.Open("atm-withdrawal")))
    assert await storage.events() != []
    await storage.close()
