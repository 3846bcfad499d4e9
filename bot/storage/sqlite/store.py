"""The storage port on one SQLite file: units of work, batches, reads for owners."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from bot.analytics.filters import Filters
from bot.analytics.metrics import Tallies
from bot.analytics.rollup import Rollup, fact_from_event
from bot.core.events import Event
from bot.core.progress import Progress, Status
from bot.storage.port import KEEP, Change, ExportKind, User
from bot.storage.sqlite import derived, migrations, reading
from bot.storage.sqlite.connection import Checkpointer, connect, connect_readonly

log = logging.getLogger(__name__)
T = TypeVar("T")

EVENT_COLUMNS = ("option", "correct", "attempt", "elapsed_ms", "level", "length", "score")
_INSERT_EVENT = (
    "insert into events (user_id, scenario, version, run, step, locale, kind, at_ms, "
    f"{', '.join(EVENT_COLUMNS)}, extra) values ({', '.join(['?'] * (len(EVENT_COLUMNS) + 9))})"
)
_UPSERT_PROGRESS = """
insert into progress (user_id, scenario, version, run, status, step, attempts, help_level,
                      shown_at_ms, rated, updated_ms, shown)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (user_id, scenario) do update set
    version = excluded.version, run = excluded.run, status = excluded.status,
    step = excluded.step, attempts = excluded.attempts, help_level = excluded.help_level,
    shown_at_ms = excluded.shown_at_ms, rated = excluded.rated, updated_ms = excluded.updated_ms,
    shown = excluded.shown
"""


class SqliteStorage:
    """One connection that writes, on the event loop: one input's reads and commit take tens
    of microseconds (WAL, synchronous=NORMAL, no fsync), less than handing them to a thread.
    Units run one at a time (an asyncio lock), so one process needs no per-user lock; other
    processes wait on SQLite's own write lock (BEGIN IMMEDIATE). Reports read on a second,
    read-only connection in a thread. docs/storage.md has the measurements."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        """None for an in-memory database (tests)."""
        self.rollup = Rollup()
        """Keeps the analytics tables (runs, visits, counters) in step with `events`."""
        self.checkpointer: Checkpointer | None = None
        self._writer = asyncio.Lock()
        self._batch_owner: asyncio.Task[Any] | None = None
        self._forgot = False

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        migrate: bool = True,
        background_checkpoints: bool = False,
    ) -> SqliteStorage:
        """`background_checkpoints`: move WAL pages to the file in a thread instead of
        during a commit (the bot); the default suits short commands."""
        memory = str(path) == ":memory:"
        db = connect(path, autocheckpoint=not background_checkpoints)
        storage = cls(db, None if memory else Path(path))
        if migrate:
            storage.migrate_now()
        if background_checkpoints and not memory:
            storage.checkpointer = Checkpointer(path).start()
        return storage

    # -- schema ---------------------------------------------------------------------------

    def migrate_now(self) -> list[str]:
        return migrations.migrate(self.conn, lambda: derived.rebuild(self.conn))

    async def migrate(self) -> list[str]:
        async with self._writer:
            return self.migrate_now()

    def pending_migrations(self) -> list[str]:
        return migrations.pending(self.conn)

    # -- units of work --------------------------------------------------------------------

    def _in_batch(self) -> bool:
        return self._batch_owner is not None and self._batch_owner is asyncio.current_task()

    @asynccontextmanager
    async def unit(self, lock_key: str) -> AsyncIterator[SqliteUnit]:
        if self._in_batch():
            yield SqliteUnit(self)
            return
        async with self._writer:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteUnit(self)
                derived.write(self.conn, self.rollup.take())
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            if self._forgot:
                self._forgot = False
                self._truncate_wal()

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        async with self._writer:
            self._batch_owner = asyncio.current_task()
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                derived.write(self.conn, self.rollup.take())
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            finally:
                self._batch_owner = None
            if self._forgot:
                self._forgot = False
                self._truncate_wal()

    def _rollback(self) -> None:
        self.rollup.discard()  # its cached rows may hold this unit's effects
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _truncate_wal(self) -> None:
        """After a forget: copy the WAL into the file and empty it, so the deleted rows'
        old page images do not linger in the -wal file (secure_delete clears the file)."""
        if self.path is None:
            return
        busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("WAL not truncated after a deletion: a reader was busy; retrying later")
            self._forgot = True

    # -- reads for owners -----------------------------------------------------------------

    async def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        if self.path is None:
            return fn(self.conn)

        def run() -> T:
            assert self.path is not None
            conn = connect_readonly(self.path)
            try:
                return fn(conn)
            finally:
                conn.close()

        return await asyncio.to_thread(run)

    async def tallies(self, filters: Filters, cutoff_ms: int) -> Tallies:
        return await self._read(lambda conn: reading.tallies(conn, filters, cutoff_ms))

    async def export(self, kind: ExportKind, filters: Filters) -> AsyncIterator[tuple[Any, ...]]:
        conn = self.conn if self.path is None else connect_readonly(self.path)
        try:
            for row in reading.export(conn, kind, filters):
                yield row
        finally:
            if conn is not self.conn:
                conn.close()

    async def scenarios_seen(self) -> set[str]:
        return await self._read(reading.scenarios_seen)

    async def users_by_source(self) -> dict[str, int]:
        return await self._read(reading.users_by_source)

    async def events(self, user_id: int | None = None) -> list[dict[str, Any]]:
        if user_id is None:
            return list(self.db.query("select * from events order by id"))
        return list(self.db.query("select * from events where user_id = ? order by id", [user_id]))

    async def rebuild_analytics(self) -> int:
        async with self._writer:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                total = derived.rebuild(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return total

    async def close(self) -> None:
        if self.checkpointer is not None:
            await asyncio.to_thread(self.checkpointer.stop)
        self.conn.close()


class SqliteUnit:
    """Reads and writes of one unit of work, inside the transaction `SqliteStorage.unit`
    opened."""

    def __init__(self, storage: SqliteStorage) -> None:
        self.storage = storage
        self.conn = storage.conn

    async def claim(self, update_id: int, now_ms: int) -> bool:
        return bool(
            self.conn.execute(
                "insert or ignore into processed_updates (update_id, at_ms) values (?, ?)",
                [update_id, now_ms],
            ).rowcount
        )

    async def find_user(self, external_id: str) -> User | None:
        row = self.conn.execute(
            "select id, external_id, key, locale, locale_chosen, active_scenario, blocked "
            "from users where external_id = ?",
            [external_id],
        ).fetchone()
        return _user(row) if row else None

    async def user(self, external_id: str, locale: str, now_ms: int) -> User:
        found = await self.find_user(external_id)
        if found is not None:
            return found
        self.conn.execute(
            "insert into users (external_id, key, locale, locale_chosen, blocked, created_ms)"
            " values (?, ?, ?, 0, 0, ?)",
            [external_id, secrets.token_hex(8), locale, now_ms],
        )
        found = await self.find_user(external_id)
        assert found is not None
        return found

    async def progress(self, user_id: int, scenario: str) -> Progress:
        row = self.conn.execute(
            f"select {_PROGRESS_COLUMNS} from progress where user_id = ? and scenario = ?",
            [user_id, scenario],
        ).fetchone()
        return _progress(row) if row else Progress(scenario=scenario)

    async def all_progress(self, user_id: int) -> dict[str, Progress]:
        rows = self.conn.execute(
            f"select {_PROGRESS_COLUMNS} from progress where user_id = ?", [user_id]
        ).fetchall()
        return {row[0]: _progress(row) for row in rows}

    async def apply(self, change: Change) -> None:
        if change.progress is not None:
            p = change.progress
            self.conn.execute(
                _UPSERT_PROGRESS,
                [
                    change.user_id,
                    p.scenario,
                    p.version,
                    p.run,
                    p.status.value,
                    p.step,
                    p.attempts,
                    p.help_level,
                    p.shown_at_ms,
                    int(p.rated),
                    change.now_ms,
                    p.shown,
                ],
            )
        if change.events:
            self.conn.executemany(
                _INSERT_EVENT, [_event_row(change.user_id, e) for e in change.events]
            )
            facts = [fact_from_event(change.user_id, e) for e in change.events]
            derived.fold(self.conn, self.storage.rollup, facts)
        sets: dict[str, Any] = {}
        if change.locale is not None:
            sets |= {"locale": change.locale, "locale_chosen": 1}
        if change.active_scenario is not KEEP:
            sets["active_scenario"] = change.active_scenario
        if change.blocked is not None:
            sets["blocked"] = int(change.blocked)
        if sets:
            assignments = ", ".join(f"{column} = ?" for column in sets)
            self.conn.execute(
                f"update users set {assignments} where id = ?", [*sets.values(), change.user_id]
            )

    async def forget(self, user: User) -> None:
        self.conn.execute("delete from progress where user_id = ?", [user.id])
        self.conn.execute("delete from users where id = ?", [user.id])
        self.storage._forgot = True


_PROGRESS_COLUMNS = (
    "scenario, version, run, status, step, attempts, help_level, shown_at_ms, rated, shown"
)


def _event_row(user_id: int, event: Event) -> list[Any]:
    details = event.details()
    columns = [details.pop(name, None) for name in EVENT_COLUMNS]
    columns = [int(v) if isinstance(v, bool) else v for v in columns]
    extra = (
        json.dumps(details, sort_keys=True)
        if any(v is not None for v in details.values())
        else None
    )
    return [
        user_id,
        event.scenario,
        event.version,
        event.run,
        event.step,
        event.locale,
        event.kind,
        event.at_ms,
        *columns,
        extra,
    ]


def _user(row: tuple[Any, ...]) -> User:
    (id_, external_id, key, locale, chosen, active, blocked) = row
    return User(id_, external_id, key, locale, bool(chosen), active, bool(blocked))


def _progress(row: tuple[Any, ...]) -> Progress:
    (scenario, version, run, status, step, attempts, help_level, shown_at_ms, rated, shown) = row
    return Progress(
        scenario=scenario,
        version=version,
        run=run,
        status=Status(status),
        step=step,
        attempts=attempts,
        help_level=help_level,
        shown_at_ms=shown_at_ms,
        rated=bool(rated),
        shown=shown,
    )
