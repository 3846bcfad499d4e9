"""The derived tables: kept in step on every commit, equal to a rebuild and to plain SQL."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.core import events
from bot.core.loader import Library
from bot.storage import Change, sql
from bot.storage.sqlite import SqliteStorage, derived, migrations
from bot.storage.sqlite.connection import connect
from tests.analytics import reference
from tests.analytics.conftest import SIM_END
from tests.analytics.logs import T0
from tests.sync_store import SyncStore, stats_of

CUTOFF = SIM_END - 24 * 3_600_000


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: sorted(conn.execute(f"select * from {table}").fetchall(), key=repr)
        for table in sql.DERIVED_TABLES
    }


def test_incremental_tables_equal_a_rebuild(simulated: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(simulated, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    written = dump(conn)
    assert sum(len(rows) for rows in written.values()) > 1000
    conn.execute("begin")
    derived.rebuild(conn)
    conn.execute("commit")
    assert dump(conn) == written
    conn.close()


def test_funnel_equals_plain_sql_over_events(simulated: Path, library: Library) -> None:
    conn = sqlite3.connect(simulated)
    stats = stats_of(conn, library, now=SIM_END)
    checked = 0
    for scenario in stats.scenarios:
        ours = {s.step: (s.reach, s.dropped) for s in scenario.all.steps.values() if s.reach}
        plain = reference.funnel(conn, scenario.scenario, scenario.versions[0], cutoff=CUTOFF)
        assert ours == plain, scenario.scenario
        runs = scenario.all.runs
        outcomes = {
            "completed": runs.completed,
            "restarted": runs.restarted,
            "superseded": runs.superseded,
            "blocked": runs.blocked,
            "dropped": runs.dropped,
            "in_progress": runs.in_progress,
        }
        expected = {k: v for k, v in outcomes.items() if v}
        assert reference.overview(
            conn, scenario.scenario, scenario.versions[0], cutoff=CUTOFF
        ) == (expected)
        settled = reference.completion(
            conn, scenario.scenario, scenario.versions[0], cutoff=CUTOFF
        )
        assert (runs.settled_completed, runs.settled) == settled
        checked += sum(reach for reach, _ in plain.values())
    assert checked > 1000
    conn.close()


def test_migration_fills_the_tables_from_existing_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = connect(path)
    saved = list(migrations.MIGRATIONS)
    migrations.MIGRATIONS[:] = saved[:1]
    try:
        migrations.migrate(db.conn, lambda: None)
        for kind, step in (
            ("run_started", "intro"),
            ("step_shown", "intro"),
            ("step_shown", "q1"),
        ):
            db.execute(
                "insert into events (user_id, scenario, version, run, step, locale, kind, at_ms)"
                " values (1, 'demo', '2', 1, ?, 'ru', ?, ?)",
                [step, kind, T0],
            )
    finally:
        migrations.MIGRATIONS[:] = saved
    assert "runs" not in db.table_names()
    db.close()
    storage = SqliteStorage.open(path)  # applies the rest, m002 rebuilding from events
    conn = storage.conn
    assert conn.execute("select scenario, run, last_step from runs").fetchall() == [
        ("demo", 1, "q1")
    ]
    assert conn.execute("select sum(reach) from step_daily").fetchone() == (2,)
    conn.close()


def shown(step: str, at: int) -> events.StepShown:
    return events.StepShown(scenario="demo", version="2", run=1, step=step, locale="ru", at_ms=at)


def test_replayed_update_adds_nothing_to_the_tables(store: SyncStore) -> None:
    user = store.user("tg:1", "ru", T0)
    assert store.commit(Change(user.id, T0, events=(shown("intro", T0),)), update_id=5)
    before = dump(store.conn)
    assert not store.commit(Change(user.id, T0, events=(shown("q1", T0),)), update_id=5)
    assert dump(store.conn) == before


def test_failed_commit_leaves_the_tables_unchanged(store: SyncStore) -> None:
    user = store.user("tg:1", "ru", T0)
    store.commit(Change(user.id, T0, events=(shown("intro", T0),)))
    before = dump(store.conn)
    bad = Change(
        user.id,
        T0,
        events=(shown("q1", T0),),
        locale="en",
        active_scenario=object(),  # type: ignore[arg-type]
    )
    with pytest.raises(sqlite3.ProgrammingError):
        store.commit(bad)
    assert dump(store.conn) == before
    store.commit(Change(user.id, T0, events=(shown("fork", T0),)))
    steps = store.conn.execute("select step, reach from step_daily order by step").fetchall()
    assert steps == [("fork", 1), ("intro", 1)]


async def test_batch_is_all_or_nothing(tmp_path: Path) -> None:
    storage = SqliteStorage.open(tmp_path / "batch.sqlite3")

    async def commit(step: str) -> None:
        async with storage.unit("tg:1") as unit:
            user = await unit.user("tg:1", "ru", T0)
            await unit.apply(Change(user.id, T0, events=(shown(step, T0),)))

    with pytest.raises(RuntimeError):
        async with storage.batch():
            await commit("intro")
            raise RuntimeError("stop")
    assert await storage.events() == []
    assert dump(storage.conn) == {table: [] for table in sql.DERIVED_TABLES}
    async with storage.batch():
        await commit("intro")
        await commit("q1")
    assert storage.conn.execute("select steps, last_step from runs").fetchall() == [(2, "q1")]
    await storage.close()
