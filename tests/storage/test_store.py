"""Storage on a real SQLite file: atomic commits, replayed updates, deletion, migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from bot.core import events
from bot.core.progress import Progress, Status
from bot.storage import AsyncStore, Commit, Store, open_database
from bot.storage.migrations import MIGRATIONS, applied, migrate


def shown(step: str, at_ms: int = 1) -> events.StepShown:
    return events.StepShown(scenario="s", version="1", run=1, step=step, locale="ru", at_ms=at_ms)


def progress(step: str) -> Progress:
    return Progress("s", "1", run=1, status=Status.ACTIVE, step=step, shown_at_ms=1)


def test_wal_and_synchronous_normal(store: Store) -> None:
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("pragma synchronous").fetchone()[0] == 1  # NORMAL


def test_migrations_apply_once(tmp_path: Path) -> None:
    db = open_database(tmp_path / "m.sqlite3")
    assert applied(db) == [name for name, _ in MIGRATIONS]
    assert migrate(db) == []
    assert {"users", "progress", "events", "processed_updates"} <= set(db.table_names())
    db.close()


def test_user_created_once_with_random_key(store: Store) -> None:
    first = store.user("tg:987654321012", "ru", 10)
    again = store.user("tg:987654321012", "en", 20)
    other = store.user("tg:987654321013", "en", 20)
    assert first == again
    assert first.locale == "ru" and not first.locale_chosen
    assert len(first.key) == 16 and first.key != other.key
    assert "987654321012" not in first.key


def test_commit_writes_progress_events_and_update_together(store: Store) -> None:
    user = store.user("tg:1", "ru", 0)
    change = Commit(
        user_id=user.id,
        now_ms=5,
        progress=progress("pin"),
        events=(shown("pin"),),
        update_id=100,
        locale="en",
        active_scenario="s",
    )
    assert store.commit(change)
    assert store.progress(user.id, "s") == progress("pin")
    assert [e["kind"] for e in store.events()] == ["step_shown"]
    assert store.is_processed(100)
    refreshed = store.find_user("tg:1")
    assert refreshed is not None
    assert (refreshed.locale, refreshed.locale_chosen, refreshed.active_scenario) == (
        "en",
        True,
        "s",
    )


def test_replayed_update_changes_nothing(store: Store) -> None:
    user = store.user("tg:1", "ru", 0)
    store.commit(Commit(user.id, 1, progress("a"), (shown("a"),), update_id=7))
    replay = Commit(user.id, 2, progress("b"), (shown("b"),), update_id=7)
    assert store.commit(replay) is False
    assert store.progress(user.id, "s").step == "a"
    assert len(store.events()) == 1


@dataclass(frozen=True, kw_only=True)
class Unstorable(events.Event):
    """An event whose detail SQLite cannot bind, to make the insert fail mid-transaction."""

    kind: ClassVar[str] = "unstorable"
    option: object


def test_failure_mid_transaction_leaves_nothing(store: Store) -> None:
    user = store.user("tg:1", "ru", 0)
    store.commit(Commit(user.id, 1, progress("a"), (shown("a"),), update_id=1))
    bad = Unstorable(scenario="s", version="1", run=1, step="b", locale="ru", at_ms=2, option={})
    change = Commit(user.id, 2, progress("b"), (shown("b"), bad), update_id=2, locale="en")
    with pytest.raises(sqlite3.ProgrammingError):
        store.commit(change)
    assert store.progress(user.id, "s").step == "a"
    assert [e["step"] for e in store.events()] == ["a"]
    assert not store.is_processed(2)
    found = store.find_user("tg:1")
    assert found is not None and found.locale == "ru"
    # and the connection is still usable afterwards
    assert store.commit(Commit(user.id, 3, progress("c"), (shown("c"),), update_id=2))


def test_event_details_are_columns(store: Store) -> None:
    user = store.user("tg:1", "ru", 0)
    answer = events.AnswerGiven(
        scenario="s",
        version="1",
        run=1,
        step="pin",
        locale="ru",
        at_ms=3,
        option="shield",
        correct=True,
        attempt=2,
        elapsed_ms=1500,
    )
    changed = events.LanguageChanged(
        scenario="s", version="1", run=1, step="pin", locale="en", at_ms=4, from_locale="ru"
    )
    store.commit(Commit(user.id, 3, events=(answer, changed)))
    first, second = store.events(user.id)
    assert (first["option"], first["correct"], first["attempt"], first["elapsed_ms"]) == (
        "shield",
        1,
        2,
        1500,
    )
    assert first["extra"] is None
    assert second["extra"] == '{"from_locale": "ru"}'


def test_forget_removes_every_link_to_the_external_id(store: Store, tmp_path: Path) -> None:
    user = store.user("tg:555123", "ru", 0)
    store.commit(Commit(user.id, 1, progress("a"), (shown("a"),), update_id=1))
    assert store.forget("tg:555123")
    assert store.find_user("tg:555123") is None
    assert store.all_progress(user.id) == {}
    store.db.execute("pragma wal_checkpoint(TRUNCATE)")
    raw = (tmp_path / "rolebot.sqlite3").read_bytes()
    assert b"555123" not in raw
    assert len(store.events()) == 1  # statistics keep the anonymous fact
    assert not store.forget("tg:555123")


def test_commit_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    first = Store(open_database(path))
    user = first.user("tg:9", "en", 0)
    first.commit(Commit(user.id, 1, progress("x"), (shown("x"),), update_id=3))
    first.db.close()
    second = Store(open_database(path))
    assert second.progress(user.id, "s").step == "x"
    assert second.is_processed(3)
    second.db.close()


async def test_async_store_reads_and_commits(tmp_path: Path) -> None:
    store = AsyncStore(Store(open_database(tmp_path / "a.sqlite3")))
    user = await store.call(store.store.user, "tg:3", "en", 0)
    committed = await store.call(
        store.store.commit, Commit(user.id, 1, progress("x"), (shown("x"),), update_id=1)
    )
    assert committed
    assert (await store.call(store.store.progress, user.id, "s")).step == "x"
    await store.close()
