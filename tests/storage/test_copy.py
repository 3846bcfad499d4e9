"""`rolebot db copy`: a whole installation moves between databases and reads the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.analytics import metrics
from bot.analytics.filters import Filters
from bot.cli import cli
from bot.core.loader import Library
from bot.service import Conversation
from bot.simulator import simulate
from bot.storage import Storage, open_storage
from bot.storage.copying import TargetNotEmptyError, copy
from tests.conftest import NO_POSTGRES, POSTGRES_URL, empty_postgres

END_MS = 1_780_000_000_000


async def figures(storage: Storage, library: Library) -> dict[str, Any]:
    filters = Filters(version="all")
    tallies = await storage.tallies(filters, metrics.idle_cutoff(END_MS, 24))
    return metrics.compute(tallies, library, filters, now=END_MS).as_dict()


async def snapshot(storage: Storage, library: Library) -> tuple[Any, ...]:
    events = [{k: v for k, v in e.items()} for e in await storage.events()]
    runs = [row async for row in storage.export("runs", Filters())]
    return events, runs, await figures(storage, library), await storage.users_by_source()


async def filled(database: str, library: Library) -> Storage:
    storage = open_storage(database)
    await simulate(
        library, Conversation(library, storage), users=50, days=3, seed=11, end_ms=END_MS
    )
    return storage


async def test_sqlite_to_postgres_and_back_reads_the_same(
    tmp_path: Path, library: Library
) -> None:
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    source = await filled(str(tmp_path / "a.sqlite3"), library)
    middle = open_storage(await empty_postgres())
    back = open_storage(str(tmp_path / "b.sqlite3"))
    counts = await copy(source, middle)
    assert counts["events"] > 300
    await copy(middle, back)
    first, second, third = [await snapshot(s, library) for s in (source, middle, back)]
    assert first == second == third
    with pytest.raises(TargetNotEmptyError):
        await copy(source, middle)
    # new users continue above the copied numbers on the target
    async with middle.unit("tg:new") as unit:
        newcomer = await unit.user("tg:new", "en", END_MS)
    assert newcomer.id > max(e["user_id"] for e in first[0])
    for storage in (source, middle, back):
        await storage.close()


def test_the_command_copies_and_refuses_a_full_target(tmp_path: Path) -> None:
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    runner = CliRunner()
    made = runner.invoke(
        cli, ["--database", str(source), "simulate", "--users", "30", "--days", "2"]
    )
    assert made.exit_code == 0, made.output
    copied = runner.invoke(cli, ["db", "copy", str(source), str(target)])
    assert copied.exit_code == 0, copied.output
    assert "copied" in copied.output
    stats = [
        json.loads(runner.invoke(cli, ["--database", str(db), "stats", "--format", "json"]).output)
        for db in (source, target)
    ]
    for one in stats:
        one.pop("generated_at")
    assert stats[0]["scenarios"] and stats[0] == stats[1]
    again = runner.invoke(cli, ["db", "copy", str(source), str(target)])
    assert again.exit_code == 1
    assert "already holds users or events" in again.output
