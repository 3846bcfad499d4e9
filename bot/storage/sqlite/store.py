"""The storage port on one SQLite file: units of work, batches, reads for owners."""

from __future__ import annotations

import asyncio
import logging
import secrets
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from bot.analytics.filters import Filters
from bot.analytics.metrics import Tallies
from bot.analytics.rollup import Fact, Rollup, fact_from_event
from bot.core.progress import Progress
from bot.storage import pacing, sql
from bot.storage.port import Change, Claim, DueJob, ExportKind, Job, Outgoing, User
from bot.storage.sqlite import derived, migrations, reading
from bot.storage.sqlite.connection import Checkpointer, connect_readonly, open_connection

log = logging.getLogger(__name__)
T = TypeVar("T")


class SqliteStorage:
    """One connection that writes, on the event loop: one input's reads and commit take tens
    of microseconds (WAL, synchronous=NORMAL, no fsync), less than handing them to a thread.
    Units run one at a time (an asyncio lock), so one process needs no per-user lock; other
    processes wait on SQLite's own write lock (BEGIN IMMEDIATE). Reports read on a second,
    read-only connection in a thread. docs/storage.md has the measurements."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        """None for an in-memory database (tests)."""
        self.rollup = Rollup()
        """Keeps the analytics tables (runs, visits, counters) in step with `events`."""
        self.checkpointer: Checkpointer | None = None
        self._writer = asyncio.Lock()
        self._batch_owner: asyncio.Task[Any] | None = None
        self._pending: Pending | None = None
        """A batch's writes not yet in the tables (see `BatchUnit`)."""
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
        conn = open_connection(path, autocheckpoint=not background_checkpoints)
        storage = cls(conn, None if memory else Path(path))
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

    def unit(self, lock_key: str) -> AbstractAsyncContextManager[SqliteUnit]:
        if self._in_batch():
            assert self._pending is not None
            return BatchUnit(self, self._pending)
        return self._unit(lock_key)

    @asynccontextmanager
    async def _unit(self, lock_key: str) -> AsyncIterator[SqliteUnit]:
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
            self._pending = Pending()
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._pending.flush(self.conn, self.rollup)
                derived.write(self.conn, self.rollup.take())
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            finally:
                self._batch_owner = None
                self._pending = None
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
            cursor = self.conn.execute("select * from events order by id")
        else:
            cursor = self.conn.execute(
                "select * from events where user_id = ? order by id", [user_id]
            )
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

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

    async def forget_processed_before(self, before_ms: int) -> int:
        async with self._writer:
            return int(self.conn.execute(sql.FORGET_PROCESSED, [before_ms]).rowcount)

    async def dump(self, table: str) -> AsyncIterator[list[tuple[Any, ...]]]:
        cursor = self.conn.execute(sql.copy_select(table))
        while rows := cursor.fetchmany(5_000):
            yield rows

    async def restore(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        async with self._writer:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany(sql.copy_insert(table), rows)
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    async def restored(self) -> None:
        """AUTOINCREMENT follows the copied ids by itself; above events' user ids too."""
        async with self._writer:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "update sqlite_sequence set seq = max(seq, "
                "coalesce((select max(user_id) from events), 0)) where name = 'users'"
            )
            self.conn.execute("COMMIT")
        await self.rebuild_analytics()

    # -- the outbox -----------------------------------------------------------------------

    async def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """A short write transaction of its own."""
        async with self._writer:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return result

    async def claim_chat(self, chat_id: int, claim: Claim, now_ms: int) -> tuple[Outgoing, ...]:
        return await self._write(lambda conn: claim_rows(conn, chat_id, claim, now_ms))

    async def claim_jobs(
        self, token: str, now_ms: int, lease_ms: int, limit: int, *, prefix: str
    ) -> list[DueJob]:
        def claim(conn: sqlite3.Connection) -> list[DueJob]:
            conn.execute(
                sql.CLAIM_JOBS, [token, now_ms + lease_ms, prefix + "%", now_ms, now_ms, limit]
            )
            return [DueJob(*row) for row in conn.execute(sql.CLAIMED_JOBS, [token])]

        return await self._write(claim)

    async def next_job_ms(self) -> int | None:
        async with self._writer:
            value = self.conn.execute(sql.NEXT_JOB).fetchone()[0]
        return int(value) if value is not None else None

    async def waiting_chats(self, now_ms: int, limit: int) -> list[int]:
        async with self._writer:  # between transactions: never another unit's rows
            rows = self.conn.execute(sql.WAITING_CHATS, [now_ms, now_ms, limit]).fetchall()
        return [row[0] for row in rows]

    async def sent(self, ids: list[int]) -> None:
        if len(ids) == 1:  # the usual case: one statement, its own transaction
            async with self._writer:
                self.conn.execute(sql.DELETE_OUTGOING, ids)
            return
        await self._write(lambda conn: conn.executemany(sql.DELETE_OUTGOING, [[i] for i in ids]))

    async def sent_then_claim(
        self, ids: list[int], chat_id: int, claim: Claim, now_ms: int
    ) -> tuple[Outgoing, ...]:
        def both(conn: sqlite3.Connection) -> tuple[Outgoing, ...]:
            conn.executemany(sql.DELETE_OUTGOING, [[i] for i in ids])
            return claim_rows(conn, chat_id, claim, now_ms)

        return await self._write(both)

    async def extend(self, token: str, until_ms: int) -> bool:
        async with self._writer:
            return bool(self.conn.execute(sql.EXTEND_CLAIM, [until_ms, token]).rowcount)

    async def reserve_bot(self, now_ms: int, pace: pacing.Pace) -> int:
        def reserve(conn: sqlite3.Connection) -> int:
            conn.execute(sql.PACE_SEED, [pacing.BOT_SCOPE])
            tat = conn.execute(sql.PACE_READ, [pacing.BOT_SCOPE]).fetchone()[0]
            tat, slot = pacing.bot_slot(pace, tat, now_ms)
            conn.execute(sql.PACE_WRITE, [tat, pacing.BOT_SCOPE])
            return slot

        return await self._write(reserve)

    async def pause(
        self, chat_id: int, until_ms: int, pace: pacing.Pace, *, whole_bot: bool
    ) -> None:
        def push(conn: sqlite3.Connection) -> None:
            conn.execute(sql.PACE_PUSH, [chat_id, pacing.paused_tat(pace, until_ms, chat=True)])
            if whole_bot:
                bot_tat = pacing.paused_tat(pace, until_ms, chat=False)
                conn.execute(sql.PACE_PUSH, [pacing.BOT_SCOPE, bot_tat])

        await self._write(push)

    async def tidy_pace(self, before_ms: int) -> int:
        async with self._writer:
            return int(self.conn.execute(sql.PACE_TIDY, [before_ms]).rowcount)

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
        return bool(self.conn.execute(sql.CLAIM, [update_id, now_ms]).rowcount)

    async def find_user(self, external_id: str) -> User | None:
        row = self.conn.execute(sql.SELECT_USER, [external_id]).fetchone()
        if row is None:
            return None
        user = sql.user_from_row(row)
        self.storage.rollup.source_known(user.id, sql.source_of(external_id))
        return user

    async def user(self, external_id: str, locale: str, now_ms: int) -> User:
        found = await self.find_user(external_id)
        if found is not None:
            return found
        self.conn.execute(sql.INSERT_USER, [external_id, secrets.token_hex(8), locale, now_ms])
        found = await self.find_user(external_id)
        assert found is not None
        return found

    async def progress(self, user_id: int, scenario: str) -> Progress:
        row = self.conn.execute(sql.SELECT_PROGRESS, [user_id, scenario]).fetchone()
        return sql.progress_from_row(row) if row else Progress(scenario=scenario)

    async def all_progress(self, user_id: int) -> dict[str, Progress]:
        rows = self.conn.execute(sql.SELECT_ALL_PROGRESS, [user_id]).fetchall()
        return {row[0]: sql.progress_from_row(row) for row in rows}

    async def apply(self, change: Change) -> None:
        if change.progress is not None:
            self.conn.execute(sql.UPSERT_PROGRESS, sql.progress_row(change))
        if change.events:
            rows = [sql.event_row(change.user_id, e) for e in change.events]
            self.conn.executemany(sql.INSERT_EVENT, rows)
            facts = [fact_from_event(change.user_id, e) for e in change.events]
            derived.fold(self.conn, self.storage.rollup, facts)
        update = sql.user_update(change)
        if update is not None:
            self.conn.execute(*update)

    async def record_failed(
        self, update_id: int, kind: str, error: str, attempts: int, now_ms: int
    ) -> None:
        self.conn.execute(sql.INSERT_FAILED, [update_id, kind, error, attempts, now_ms])

    async def post(
        self, chat_id: int, bodies: list[str], now_ms: int, claim: Claim
    ) -> tuple[Outgoing, ...]:
        self.conn.executemany(sql.INSERT_OUTGOING, [[chat_id, b, now_ms] for b in bodies])
        return claim_rows(self.conn, chat_id, claim, now_ms)

    async def unpace(self, chat_id: int) -> None:
        self.conn.execute(sql.PACE_DELETE, [chat_id])

    async def schedule(self, job: Job) -> None:
        self.conn.execute(
            sql.UPSERT_JOB, [job.user_id, job.kind, job.scenario, job.run, job.due_ms]
        )

    async def cancel(
        self, user_id: int, kind: str | None = None, scenario: str | None = None
    ) -> None:
        statement, params = sql.delete_jobs(kind, scenario)
        self.conn.execute(statement, [user_id, *params])

    async def take_job(self, job_id: int) -> Job | None:
        row = self.conn.execute(sql.TAKE_JOB, [job_id]).fetchone()
        return Job(*row) if row else None

    async def cards(self, user_id: int) -> list[str]:
        return [row[0] for row in self.conn.execute(sql.SELECT_CARDS, [user_id])]

    async def save_card(self, user_id: int, scenario: str, step: str, card: str) -> None:
        self.conn.execute(sql.UPSERT_CARD, [user_id, scenario, step, card])

    async def drop_cards(
        self, user_id: int, scenario: str | None = None, step: str | None = None
    ) -> None:
        statement, params = sql.delete_cards(scenario, step)
        self.conn.execute(statement, [user_id, *params])

    async def forget(self, user: User) -> None:
        self.conn.execute(sql.DELETE_JOBS, [user.id])
        self.conn.execute(sql.DELETE_CARDS, [user.id])
        self.conn.execute(sql.DELETE_PROGRESS, [user.id])
        self.conn.execute(sql.DELETE_USER, [user.id])
        self.storage._forgot = True


def claim_rows(
    conn: sqlite3.Connection, chat_id: int, claim: Claim, now_ms: int
) -> tuple[Outgoing, ...]:
    """Inside a write transaction (SQLite has one writer, so nothing else claims meanwhile)."""
    until = now_ms + claim.lease_ms
    params = [claim.token, until, chat_id, chat_id, claim.token, now_ms]
    rows = sorted(conn.execute(sql.CLAIM_CHAT, params).fetchall())
    if not rows:
        return ()
    at, later = [now_ms] * len(rows), [False] * len(rows)
    if claim.pace is not None:
        tats = []
        for scope in (chat_id, pacing.BOT_SCOPE):
            conn.execute(sql.PACE_SEED, [scope])
            tats.append(conn.execute(sql.PACE_READ, [scope]).fetchone()[0])
        chat_tat, bot_tat, at, later = pacing.schedule(
            claim.pace, tats[0], tats[1], now_ms, len(rows)
        )
        conn.execute(sql.PACE_WRITE, [chat_tat, chat_id])
        conn.execute(sql.PACE_WRITE, [bot_tat, pacing.BOT_SCOPE])
    items = zip(rows, at, later, strict=True)
    return tuple(Outgoing(row[0], chat_id, row[1], slot, wait) for row, slot, wait in items)


class Pending:
    """What a batch's units wrote and read, kept in memory until the batch commits.

    The batch holds SQLite's write lock for its whole transaction, so nothing else changes
    these rows meanwhile: users and progress read once are known for the rest of the
    batch, and progress and events are the rows the units would have written one statement
    at a time, in the same order (events keep their ids), in two `executemany` at the end.
    User fields are written at once (they are few, and a reader may join on them).
    """

    def __init__(self) -> None:
        self.users: dict[str, User] = {}
        """By external id: every user read or created in this batch, as changed since."""
        self.external_ids: dict[int, str] = {}
        self.progress: dict[int, dict[str, Progress | None]] = {}
        """By user id and scenario: progress read or written in this batch (None: no row)."""
        self.complete: set[int] = set()
        """Users whose every progress row is in `progress`."""
        self.written: dict[tuple[int, str], list[Any]] = {}
        """Progress rows to upsert (the last write of each)."""
        self.events: list[list[Any]] = []
        self.facts: list[Fact] = []
        """The events as the rollup reads them, folded in one go."""

    def flush(self, conn: sqlite3.Connection, rollup: Rollup) -> None:
        """Write what the units kept, in the order they wrote it, and fold the events into
        the rollup (inside the batch; the derived tables are not written before its end,
        so the rows it loads are the same as unit by unit)."""
        if self.facts:
            derived.fold(conn, rollup, self.facts)
        if self.written:
            conn.executemany(sql.UPSERT_PROGRESS, list(self.written.values()))
        if self.events:
            conn.executemany(sql.INSERT_EVENT, self.events)
        self.written.clear()
        self.events.clear()
        self.facts.clear()

    def forget(self, user: User) -> None:
        self.users.pop(user.external_id, None)
        self.external_ids.pop(user.id, None)
        self.progress.pop(user.id, None)
        self.complete.discard(user.id)


class BatchUnit(SqliteUnit):
    """A unit of work inside `SqliteStorage.batch`: the reads and writes of `SqliteUnit`,
    served from and kept in the batch's `Pending` (the simulator's bulk writes;
    tests/storage/test_batch.py checks the tables come out identical)."""

    def __init__(self, storage: SqliteStorage, pending: Pending) -> None:
        super().__init__(storage)
        self.pending = pending

    async def __aenter__(self) -> BatchUnit:
        """Entered as is: the batch owns the transaction (cheaper than a generator)."""
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def find_user(self, external_id: str) -> User | None:
        found = self.pending.users.get(external_id)
        if found is None:
            found = await super().find_user(external_id)
            if found is not None:
                self.pending.users[external_id] = found
                self.pending.external_ids[found.id] = external_id
        return found

    async def progress(self, user_id: int, scenario: str) -> Progress:
        known = self.pending.progress.setdefault(user_id, {})
        if scenario not in known:
            row = self.conn.execute(sql.SELECT_PROGRESS, [user_id, scenario]).fetchone()
            known[scenario] = sql.progress_from_row(row) if row else None
        return known[scenario] or Progress(scenario=scenario)

    async def all_progress(self, user_id: int) -> dict[str, Progress]:
        known = self.pending.progress.setdefault(user_id, {})
        if user_id not in self.pending.complete:
            for scenario, stored in (await super().all_progress(user_id)).items():
                if known.get(scenario) is None:  # else read or written since: newer
                    known[scenario] = stored
            self.pending.complete.add(user_id)
        return {s: p for s, p in sorted(known.items()) if p is not None}

    async def apply(self, change: Change) -> None:
        pending = self.pending
        if change.progress is not None:
            scenario = change.progress.scenario
            pending.written[(change.user_id, scenario)] = sql.progress_row(change)
            pending.progress.setdefault(change.user_id, {})[scenario] = change.progress
        if change.events:
            pending.events.extend(sql.event_row(change.user_id, e) for e in change.events)
            pending.facts.extend(fact_from_event(change.user_id, e) for e in change.events)
        update = sql.user_update(change)
        if update is not None:
            # Written now, as by a unit of its own; RETURNING keeps the cached user as the
            # table has it, whatever columns a change may set.
            statement, params = update
            row = self.conn.execute(f"{statement} returning {sql.USER_COLUMNS}", params)
            user = sql.user_from_row(row.fetchone())
            pending.users[user.external_id] = user

    async def forget(self, user: User) -> None:
        self.pending.flush(self.conn, self.storage.rollup)
        self.pending.forget(user)
        await super().forget(user)
