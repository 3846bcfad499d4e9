"""The storage port on PostgreSQL (asyncpg): several bot processes share one database.

Every unit of work is a transaction on a pooled connection that first takes
`pg_advisory_xact_lock` on the user's key: one user's inputs are serialised across every
process, different users run in parallel, and the lock ends with the transaction. The update
id is claimed with `insert ... on conflict do nothing` inside the same transaction.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from typing import Any

import asyncpg

from bot.analytics.filters import Filters
from bot.analytics.metrics import Tallies
from bot.analytics.rollup import Fact, Rollup, RunRow, VisitRow, fact_from_event
from bot.core.progress import Progress
from bot.storage import pacing, sql
from bot.storage.port import Change, Claim, DueJob, ExportKind, Job, Outgoing, User
from bot.storage.postgres import migrations

EVENTS_CHUNK = 50_000


@cache
def q(statement: str) -> str:
    """Portable SQL with PostgreSQL's numbered placeholders (converted once each)."""
    return sql.numbered(statement)


class PostgresStorage:
    """The pool opens on first use (the running event loop owns it); migrations run then,
    unless the storage was opened with `migrate=False`."""

    def __init__(self, dsn: str, *, migrate: bool = True, statement_cache_size: int = 100):
        self.dsn = dsn
        self.migrate_on_open = migrate
        self.statement_cache_size = statement_cache_size
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()
        self._batch: tuple[asyncio.Task[Any], asyncpg.Connection, Rollup] | None = None

    async def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._opening:
                if self._pool is None:
                    pool = await asyncpg.create_pool(
                        self.dsn,
                        min_size=1,
                        max_size=10,
                        statement_cache_size=self.statement_cache_size,
                    )
                    if self.migrate_on_open:
                        async with pool.acquire() as conn:
                            await migrations.migrate(conn, rebuild)
                    self._pool = pool
        return self._pool

    async def migrate(self) -> list[str]:
        pool = await self.pool()
        async with pool.acquire() as conn:
            return await migrations.migrate(conn, rebuild)

    # -- units of work --------------------------------------------------------------------

    @asynccontextmanager
    async def unit(self, lock_key: str) -> AsyncIterator[PostgresUnit]:
        if self._batch is not None and self._batch[0] is asyncio.current_task():
            yield PostgresUnit(self._batch[1], self._batch[2])
            return
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute("select pg_advisory_xact_lock(hashtextextended($1, 0))", lock_key)
            rolling = Rollup()
            yield PostgresUnit(conn, rolling)
            await write(conn, rolling)

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            rolling = Rollup()
            self._batch = (asyncio.current_task(), conn, rolling)  # type: ignore[assignment]
            try:
                yield
                await write(conn, rolling)
            finally:
                self._batch = None

    # -- reads for owners -----------------------------------------------------------------

    async def tallies(self, filters: Filters, cutoff_ms: int) -> Tallies:
        pool = await self.pool()
        found: dict[str, Any] = {}
        async with pool.acquire() as conn:
            for name, (query, params) in sql.tallies_queries(filters, cutoff_ms).items():
                found[name] = [tuple(row) for row in await conn.fetch(q(query), *params)]
        found["blocked_users"] = found["blocked_users"][0][0]
        return Tallies(**found)

    async def export(self, kind: ExportKind, filters: Filters) -> AsyncIterator[tuple[Any, ...]]:
        query, params = sql.export_query(kind, filters)
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            async for row in conn.cursor(q(query), *params):
                yield tuple(row)

    async def scenarios_seen(self) -> set[str]:
        pool = await self.pool()
        return {row[0] for row in await pool.fetch(sql.SCENARIOS_SEEN)}

    async def users_by_source(self) -> dict[str, int]:
        pool = await self.pool()
        found: dict[str, int] = {}
        for row in await pool.fetch(sql.EXTERNAL_IDS):
            source = sql.source_of(row[0])
            found[source] = found.get(source, 0) + 1
        return found

    async def events(self, user_id: int | None = None) -> list[dict[str, Any]]:
        pool = await self.pool()
        if user_id is None:
            rows = await pool.fetch("select * from events order by id")
        else:
            rows = await pool.fetch("select * from events where user_id = $1 order by id", user_id)
        return [dict(row) for row in rows]

    async def rebuild_analytics(self) -> int:
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            return await rebuild(conn)

    async def forget_processed_before(self, before_ms: int) -> int:
        pool = await self.pool()
        status = await pool.execute(q(sql.FORGET_PROCESSED), before_ms)
        return int(status.rsplit(" ", 1)[-1])

    async def dump(self, table: str) -> AsyncIterator[list[tuple[Any, ...]]]:
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            cursor = await conn.cursor(sql.copy_select(table))
            while rows := await cursor.fetch(5_000):
                yield [tuple(row) for row in rows]

    async def restore(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        identity = table in ("users", "events", "jobs")
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.executemany(q(sql.copy_insert(table, overriding=identity)), rows)

    async def restored(self) -> None:
        """Identity sequences continue above the copied ids (users: above every number in
        events too, so a forgotten user's number is never given again)."""
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "select setval(pg_get_serial_sequence('users', 'id'), greatest(1, "
                "(select max(id) from users), (select max(user_id) from events)))"
            )
            for table in ("events", "jobs"):
                await conn.execute(
                    f"select setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"greatest(1, (select max(id) from {table})))"
                )
        await self.rebuild_analytics()

    # -- the outbox -----------------------------------------------------------------------

    async def claim_chat(self, chat_id: int, claim: Claim, now_ms: int) -> tuple[Outgoing, ...]:
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            return await claim_rows(conn, chat_id, claim, now_ms)

    async def claim_jobs(
        self, token: str, now_ms: int, lease_ms: int, limit: int, *, prefix: str
    ) -> list[DueJob]:
        """`skip locked`: instances claiming at once take different jobs."""
        statement = sql.CLAIM_JOBS.replace("limit ?)", "limit ? for update of j skip locked)")
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute(
                q(statement), token, now_ms + lease_ms, prefix + "%", now_ms, now_ms, limit
            )
            rows = await conn.fetch(q(sql.CLAIMED_JOBS), token)
        return [DueJob(row[0], row[1], row[2]) for row in rows]

    async def next_job_ms(self) -> int | None:
        pool = await self.pool()
        value = await pool.fetchval(sql.NEXT_JOB)
        return int(value) if value is not None else None

    async def waiting_chats(self, now_ms: int, limit: int) -> list[int]:
        pool = await self.pool()
        rows = await pool.fetch(q(sql.WAITING_CHATS), now_ms, now_ms, limit)
        return [row[0] for row in rows]

    async def sent(self, ids: list[int]) -> None:
        """Without waiting for the WAL flush: if the server crashed before it, the message
        would be sent again (at most once more), which the outbox allows anyway."""
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute("set local synchronous_commit to off")
            await conn.executemany(q(sql.DELETE_OUTGOING), [(i,) for i in ids])

    async def sent_then_claim(
        self, ids: list[int], chat_id: int, claim: Claim, now_ms: int
    ) -> tuple[Outgoing, ...]:
        """Without waiting for the WAL flush, as `sent`: a claim lost in a server crash only
        leaves the rows for the sweep."""
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute("set local synchronous_commit to off")
            await conn.executemany(q(sql.DELETE_OUTGOING), [(i,) for i in ids])
            return await claim_rows(conn, chat_id, claim, now_ms)

    async def extend(self, token: str, until_ms: int) -> bool:
        pool = await self.pool()
        status = await pool.execute(q(sql.EXTEND_CLAIM), until_ms, token)
        return not status.endswith(" 0")

    async def reserve_bot(self, now_ms: int, pace: pacing.Pace) -> int:
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute(q(sql.PACE_SEED), pacing.BOT_SCOPE)
            tat = await conn.fetchval(q(sql.PACE_READ) + " for update", pacing.BOT_SCOPE)
            tat, slot = pacing.bot_slot(pace, tat, now_ms)
            await conn.execute(q(sql.PACE_WRITE), tat, pacing.BOT_SCOPE)
        return slot

    async def pause(
        self, chat_id: int, until_ms: int, pace: pacing.Pace, *, whole_bot: bool
    ) -> None:
        pool = await self.pool()
        async with pool.acquire() as conn, conn.transaction():
            chat_tat = pacing.paused_tat(pace, until_ms, chat=True)
            await conn.execute(q(sql.PACE_PUSH), chat_id, chat_tat)
            if whole_bot:
                bot_tat = pacing.paused_tat(pace, until_ms, chat=False)
                await conn.execute(q(sql.PACE_PUSH), pacing.BOT_SCOPE, bot_tat)

    async def tidy_pace(self, before_ms: int) -> int:
        pool = await self.pool()
        status = await pool.execute(q(sql.PACE_TIDY), before_ms)
        return int(status.rsplit(" ", 1)[-1])

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None


class PostgresUnit:
    """Reads and writes of one unit of work, on its connection and transaction."""

    def __init__(self, conn: asyncpg.Connection, rolling: Rollup) -> None:
        self.conn = conn
        self.rollup = rolling

    async def claim(self, update_id: int, now_ms: int) -> bool:
        status = await self.conn.execute(q(sql.CLAIM), update_id, now_ms)
        return bool(status.endswith(" 1"))

    async def find_user(self, external_id: str) -> User | None:
        row = await self.conn.fetchrow(q(sql.SELECT_USER), external_id)
        if row is None:
            return None
        user = sql.user_from_row(row)
        self.rollup.source_known(user.id, sql.source_of(external_id))
        return user

    async def user(self, external_id: str, locale: str, now_ms: int) -> User:
        found = await self.find_user(external_id)
        if found is not None:
            return found
        await self.conn.execute(
            q(sql.INSERT_USER), external_id, secrets.token_hex(8), locale, now_ms
        )
        found = await self.find_user(external_id)
        assert found is not None
        return found

    async def progress(self, user_id: int, scenario: str) -> Progress:
        row = await self.conn.fetchrow(q(sql.SELECT_PROGRESS), user_id, scenario)
        return sql.progress_from_row(row) if row else Progress(scenario=scenario)

    async def all_progress(self, user_id: int) -> dict[str, Progress]:
        rows = await self.conn.fetch(q(sql.SELECT_ALL_PROGRESS), user_id)
        return {row[0]: sql.progress_from_row(row) for row in rows}

    async def apply(self, change: Change) -> None:
        if change.progress is not None:
            await self.conn.execute(q(sql.UPSERT_PROGRESS), *sql.progress_row(change))
        if change.events:
            rows = [sql.event_row(change.user_id, e) for e in change.events]
            await self.conn.executemany(q(sql.INSERT_EVENT), rows)
            facts = [fact_from_event(change.user_id, e) for e in change.events]
            await fold(self.conn, self.rollup, facts)
        update = sql.user_update(change)
        if update is not None:
            statement, params = update
            await self.conn.execute(q(statement), *params)

    async def record_failed(
        self, update_id: int, kind: str, error: str, attempts: int, now_ms: int
    ) -> None:
        await self.conn.execute(q(sql.INSERT_FAILED), update_id, kind, error, attempts, now_ms)

    async def post(
        self, chat_id: int, bodies: list[str], now_ms: int, claim: Claim
    ) -> tuple[Outgoing, ...]:
        await self.conn.executemany(q(sql.INSERT_OUTGOING), [(chat_id, b, now_ms) for b in bodies])
        return await claim_rows(self.conn, chat_id, claim, now_ms)

    async def unpace(self, chat_id: int) -> None:
        await self.conn.execute(q(sql.PACE_DELETE), chat_id)

    async def schedule(self, job: Job) -> None:
        await self.conn.execute(
            q(sql.UPSERT_JOB), job.user_id, job.kind, job.scenario, job.run, job.due_ms
        )

    async def cancel(
        self, user_id: int, kind: str | None = None, scenario: str | None = None
    ) -> None:
        statement, params = sql.delete_jobs(kind, scenario)
        await self.conn.execute(q(statement), user_id, *params)

    async def take_job(self, job_id: int) -> Job | None:
        row = await self.conn.fetchrow(q(sql.TAKE_JOB), job_id)
        return Job(*row) if row else None

    async def cards(self, user_id: int) -> list[str]:
        return [row[0] for row in await self.conn.fetch(q(sql.SELECT_CARDS), user_id)]

    async def save_card(self, user_id: int, scenario: str, step: str, card: str) -> None:
        await self.conn.execute(q(sql.UPSERT_CARD), user_id, scenario, step, card)

    async def drop_cards(
        self, user_id: int, scenario: str | None = None, step: str | None = None
    ) -> None:
        statement, params = sql.delete_cards(scenario, step)
        await self.conn.execute(q(statement), user_id, *params)

    async def forget(self, user: User) -> None:
        await self.conn.execute(q(sql.DELETE_JOBS), user.id)
        await self.conn.execute(q(sql.DELETE_CARDS), user.id)
        await self.conn.execute(q(sql.DELETE_PROGRESS), user.id)
        await self.conn.execute(q(sql.DELETE_USER), user.id)


async def claim_rows(
    conn: asyncpg.Connection, chat_id: int, claim: Claim, now_ms: int
) -> tuple[Outgoing, ...]:
    """Inside the caller's transaction, holding the chat's advisory lock, so two senders never
    both see a chat free; then the pacing rows, chat before bot (one order, no deadlock)."""
    await conn.execute("select pg_advisory_xact_lock(hashtextextended($1, 1))", f"chat:{chat_id}")
    until = now_ms + claim.lease_ms
    found = await conn.fetch(
        q(sql.CLAIM_CHAT), claim.token, until, chat_id, chat_id, claim.token, now_ms
    )
    rows = sorted((row[0], row[1]) for row in found)
    if not rows:
        return ()
    at, later = [now_ms] * len(rows), [False] * len(rows)
    if claim.pace is not None:
        tats = []
        for scope in (chat_id, pacing.BOT_SCOPE):
            await conn.execute(q(sql.PACE_SEED), scope)
            tats.append(await conn.fetchval(q(sql.PACE_READ) + " for update", scope))
        chat_tat, bot_tat, at, later = pacing.schedule(
            claim.pace, tats[0], tats[1], now_ms, len(rows)
        )
        await conn.execute(q(sql.PACE_WRITE), chat_tat, chat_id)
        await conn.execute(q(sql.PACE_WRITE), bot_tat, pacing.BOT_SCOPE)
    items = zip(rows, at, later, strict=True)
    return tuple(Outgoing(row[0], chat_id, row[1], slot, wait) for row, slot, wait in items)


async def fold(conn: asyncpg.Connection, rolling: Rollup, facts: list[Fact]) -> None:
    """Load what the facts touch, then add them (rows are written by `write`)."""
    wanted = rolling.wanted(facts)
    if wanted:
        runs: list[RunRow] = []
        visits: list[VisitRow] = []
        for key in wanted.runs:
            row = await conn.fetchrow(q(sql.SELECT_RUN), *key)
            if row is not None:
                runs.append(RunRow(*row))
                visits.extend(VisitRow(*v) for v in await conn.fetch(q(sql.SELECT_VISITS), *key))
        sources = {}
        for user in wanted.users:
            external_id = await conn.fetchval(q(sql.SELECT_EXTERNAL_ID), user)
            if external_id is not None:
                sources[user] = sql.source_of(external_id)
        rolling.load(wanted, runs, visits, sources)
    rolling.add(facts)


async def write(conn: asyncpg.Connection, rolling: Rollup) -> None:
    for statement, rows in sql.delta_statements(rolling.take()):
        await conn.executemany(q(statement), rows)


async def rebuild(conn: asyncpg.Connection) -> int:
    """Recompute every derived table from `events` (inside the caller's transaction)."""
    for table in sql.DERIVED_TABLES:
        await conn.execute(f"delete from {table}")
    rolling = Rollup()
    total, last = 0, 0
    while True:
        rows = await conn.fetch(q(sql.EVENTS_AFTER), last, EVENTS_CHUNK)
        if not rows:
            return total
        last = rows[-1][0]
        facts = [sql.fact_from_row(tuple(row)[1:]) for row in rows]
        await fold(conn, rolling, facts)
        await write(conn, rolling)
        total += len(facts)
