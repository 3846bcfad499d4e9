"""The SQLite backend of the storage port on a real file: one transaction per unit of work,
replayed updates, deletion that leaves nothing on disk, migrations."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import events
from bot.core.progress import Progress, Status
from bot.storage import Change, User, open_storage
from bot.storage.sqlite import SqliteStorage, migrations


def shown(step: str, at_ms: int = 1) -> events.StepShown:
    return events.StepShown(scenario="s", version="1", run=1, step=step, locale="ru", at_ms=at_ms)


def progress(step: str) -> Progress:
    return Progress("s", "1", run=1, status=Status.ACTIVE, step=step, shown_at_ms=1)


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[SqliteStorage]:
    opened = SqliteStorage.open(tmp_path / "rolebot.sqlite3")
    yield opened
    await opened.close()


async def user(storage: SqliteStorage, external_id: str, locale: str = "ru") -> User:
    async with storage.unit(external_id) as unit:
        return await unit.user(external_id, locale, 0)


async def commit(storage: SqliteStorage, change: Change, update_id: int | None = None) -> bool:
    async with storage.unit(str(change.user_id)) as unit:
        if update_id is not None and not await unit.claim(update_id, change.now_ms):
            return False
        await unit.apply(change)
        return True


async def read_progress(storage: SqliteStorage, user_id: int) -> Progress:
    async with storage.unit("reader") as unit:
        return await unit.progress(user_id, "s")


def processed(storage: SqliteStorage, update_id: int) -> bool:
    query = "select 1 from processed_updates where update_id = ?"
    return storage.conn.execute(query, [update_id]).fetchone() is not None


async def test_wal_synchronous_normal_and_secure_delete(storage: SqliteStorage) -> None:
    conn = storage.conn
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("pragma synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("pragma secure_delete").fetchone()[0] == 1


def test_migrations_apply_once(tmp_path: Path) -> None:
    storage = SqliteStorage.open(tmp_path / "m.sqlite3")
    assert migrations.applied(storage.conn) == [m.name for m in migrations.MIGRATIONS]
    assert storage.migrate_now() == []
    tables = {r[0] for r in storage.conn.execute("select name from sqlite_master")}
    assert {"users", "progress", "events", "processed_updates", "runs"} <= tables
    storage.conn.close()


def test_migrations_import_no_live_code() -> None:
    """Frozen DDL: changing the analytics rules never changes what an old migration did."""
    source = Path(migrations.__file__).read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert all("bot." not in line for line in imports), imports


def test_open_storage_accepts_paths_and_sqlite_urls(tmp_path: Path) -> None:
    path = tmp_path / "u.sqlite3"
    for database in (path, f"sqlite:///{path}"):
        opened = open_storage(database)
        assert isinstance(opened, SqliteStorage)
        opened.conn.close()
    with pytest.raises(ValueError, match="unsupported database"):
        open_storage("mysql://localhost/x")


async def test_user_created_once_with_random_key(storage: SqliteStorage) -> None:
    first = await user(storage, "tg:987654321012", "ru")
    again = await user(storage, "tg:987654321012", "en")
    other = await user(storage, "tg:987654321013", "en")
    assert first == again
    assert first.locale == "ru" and not first.locale_chosen
    assert len(first.key) == 16 and first.key != other.key
    assert "987654321012" not in first.key


async def test_unit_writes_progress_events_and_update_together(storage: SqliteStorage) -> None:
    u = await user(storage, "tg:1")
    change = Change(
        user_id=u.id,
        now_ms=5,
        progress=progress("pin"),
        events=(shown("pin"),),
        locale="en",
        active_scenario="s",
    )
    assert await commit(storage, change, update_id=100)
    assert await read_progress(storage, u.id) == progress("pin")
    assert [e["kind"] for e in await storage.events()] == ["step_shown"]
    assert processed(storage, 100)
    refreshed = await user(storage, "tg:1")
    assert (refreshed.locale, refreshed.locale_chosen, refreshed.active_scenario) == (
        "en",
        True,
        "s",
    )


async def test_event_details_are_columns(storage: SqliteStorage) -> None:
    u = await user(storage, "tg:1")
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
    await commit(storage, Change(u.id, 3, events=(answer, changed)))
    first, second = await storage.events(u.id)
    assert (first["option"], first["correct"], first["attempt"], first["elapsed_ms"]) == (
        "shield",
        1,
        2,
        1500,
    )
    assert first["extra"] is None
    assert second["extra"] == '{"from_locale": "ru"}'


def test_old_databases_get_numbers_above_every_event(tmp_path: Path) -> None:
    """m003 on a database whose newest user was already forgotten: the sequence starts above
    the numbers in events, not only those in users."""
    from bot.storage.sqlite.connection import connect

    db = connect(tmp_path / "old.sqlite3")
    saved = list(migrations.MIGRATIONS)
    migrations.MIGRATIONS[:] = saved[:2]
    try:
        migrations.migrate(db.conn, lambda: None)
    finally:
        migrations.MIGRATIONS[:] = saved
    db.execute("insert into events (user_id, scenario, version, run, locale, kind, at_ms)"
               " values (7, 's', '1', 1, 'ru', 'run_started', 1)")  # fmt: skip
    db.close()
    storage = SqliteStorage.open(tmp_path / "old.sqlite3")
    storage.conn.execute(
        "insert into users (external_id, key, locale, created_ms) values ('tg:5', 'k', 'ru', 0)"
    )
    assert storage.conn.execute("select id from users").fetchone() == (8,)
    storage.conn.close()


async def test_forget_leaves_nothing_readable_on_disk(tmp_path: Path) -> None:
    """Issue 11.9: after /forget the external id must not survive in the database file or
    its -wal, even with background checkpoints (the bot's mode)."""
    path = tmp_path / "f.sqlite3"
    storage = SqliteStorage.open(path, background_checkpoints=True)
    u = await user(storage, "tg:555123")
    await commit(storage, Change(u.id, 1, progress("a"), (shown("a"),)), update_id=1)
    for n in range(20):  # other users' writes around it
        other = await user(storage, f"tg:{900000 + n}")
        await commit(storage, Change(other.id, 1, progress("a"), (shown("a"),)))
    async with storage.unit("tg:555123") as unit:
        await unit.forget(u)
    raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    assert b"555123" not in raw
    assert u.key.encode() not in raw
    async with storage.unit("tg:555123") as unit:
        assert await unit.find_user("tg:555123") is None
        assert await unit.all_progress(u.id) == {}
    assert len(await storage.events(u.id)) == 1  # statistics keep the anonymous fact
    await storage.close()


async def test_commit_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    first = SqliteStorage.open(path)
    u = await user(first, "tg:9", "en")
    await commit(first, Change(u.id, 1, progress("x"), (shown("x"),)), update_id=3)
    await first.close()
    second = SqliteStorage.open(path)
    assert (await read_progress(second, u.id)).step == "x"
    assert processed(second, 3)
    await second.close()
