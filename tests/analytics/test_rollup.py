"""The derived tables: kept in step on every commit, equal to a rebuild and to plain SQL."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.analytics import metrics, reference, rollup
from bot.core import events
from bot.core.loader import Library
from bot.storage import Commit, Store, open_database
from bot.storage.migrations import MIGRATIONS, migrate
from tests.analytics.conftest import SIM_END
from tests.analytics.logs import T0

CUTOFF = SIM_END - 24 * 3_600_000


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: sorted(conn.execute(f"select * from {table}").fetchall(), key=repr)
        for table in rollup.DERIVED_TABLES
    }


def test_incremental_tables_equal_a_rebuild(simulated: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(simulated, copy)
    conn = sqlite3.connect(copy)
    written = dump(conn)
    assert sum(len(rows) for rows in written.values()) > 1000
    with conn:
        rollup.rebuild(conn)
    assert dump(conn) == written
    conn.close()


def test_funnel_equals_plain_sql_over_events(simulated: Path, library: Library) -> None:
    conn = sqlite3.connect(simulated)
    stats = metrics.compute(conn, library, now=SIM_END)
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
        checked += sum(reach for reach, _ in plain.values())
    assert checked > 1000
    conn.close()


def test_migration_fills_the_tables_from_existing_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(path, migrate_schema=False)
    first = MIGRATIONS[0]
    saved = list(MIGRATIONS)
    MIGRATIONS[:] = [first]
    try:
        migrate(db)
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
        MIGRATIONS[:] = saved
    assert "runs" not in db.table_names()
    migrate(db)
    assert db.execute("select scenario, run, last_step from runs").fetchall() == [
        ("demo", 1, "q1")
    ]
    assert db.execute("select sum(reach) from step_daily").fetchone() == (2,)
    db.close()


def shown(step: str, at: int) -> events.StepShown:
    return events.StepShown(scenario="demo", version="2", run=1, step=step, locale="ru", at_ms=at)


def test_replayed_update_adds_nothing_to_the_tables(store: Store) -> None:
    user = store.user("tg:1", "ru", T0)
    assert store.commit(Commit(user.id, T0, events=(shown("intro", T0),), update_id=5))
    before = dump(store.db.conn)
    assert not store.commit(Commit(user.id, T0, events=(shown("q1", T0),), update_id=5))
    assert dump(store.db.conn) == before


def test_failed_commit_leaves_the_tables_unchanged(store: Store) -> None:
    user = store.user("tg:1", "ru", T0)
    store.commit(Commit(user.id, T0, events=(shown("intro", T0),)))
    before = dump(store.db.conn)
    bad = Commit(user.id, T0, events=(shown("q1", T0),), locale="en", active_scenario=object())
    with pytest.raises(sqlite3.ProgrammingError):
        store.commit(bad)
    assert dump(store.db.conn) == before
    store.commit(Commit(user.id, T0, events=(shown("fork", T0),)))
    steps = store.db.execute("select step, reach from step_daily order by step").fetchall()
    assert steps == [("fork", 1), ("intro", 1)]


def test_batch_is_all_or_nothing(store: Store) -> None:
    user = store.user("tg:1", "ru", T0)
    with pytest.raises(RuntimeError), store.batch():
        store.commit(Commit(user.id, T0, events=(shown("intro", T0),)))
        raise RuntimeError("stop")
    assert store.events() == []
    assert dump(store.db.conn) == {table: [] for table in rollup.DERIVED_TABLES}
    with store.batch():
        store.commit(Commit(user.id, T0, events=(shown("intro", T0),)))
        store.commit(Commit(user.id, T0, events=(shown("q1", T0),)))
    assert store.db.execute("select steps, last_step from runs").fetchall() == [(2, "q1")]
