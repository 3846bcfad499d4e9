"""The derived analytics tables on SQLite: load the rows a rollup needs, write what it hands
back, rebuild everything from `events`. The rules are `bot.analytics.rollup`; the SQL is the
portable `bot.storage.sql`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from bot.analytics.rollup import Delta, Fact, Rollup, RunRow, VisitRow
from bot.storage import sql


def fold(conn: sqlite3.Connection, rolling: Rollup, facts: list[Fact]) -> None:
    """Load what the facts touch, then add them (rows are written by `write`)."""
    wanted = rolling.wanted(facts)
    if wanted:
        runs: list[RunRow] = []
        visits: list[VisitRow] = []
        for key in wanted.runs:
            row = conn.execute(sql.SELECT_RUN, key).fetchone()
            if row is not None:
                runs.append(RunRow(*row))
                visits.extend(VisitRow(*v) for v in conn.execute(sql.SELECT_VISITS, key))
        sources = {}
        for user in wanted.users:
            found = conn.execute(sql.SELECT_EXTERNAL_ID, [user]).fetchone()
            if found is not None:
                sources[user] = sql.source_of(found[0])
        rolling.load(wanted, runs, visits, sources)
    rolling.add(facts)


def write(conn: sqlite3.Connection, delta: Delta) -> None:
    """Persist a rollup's changes (inside the caller's transaction)."""
    for statement, rows in sql.delta_statements(delta):
        conn.executemany(statement, rows)


def events_in_order(conn: sqlite3.Connection, chunk: int = 50_000) -> Iterator[list[Fact]]:
    last = 0
    while True:
        rows = conn.execute(sql.EVENTS_AFTER, [last, chunk]).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [sql.fact_from_row(row[1:]) for row in rows]


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every derived table from `events` (inside the caller's transaction)."""
    for table in sql.DERIVED_TABLES:
        conn.execute(f"delete from {table}")
    rolling = Rollup()
    total = 0
    for facts in events_in_order(conn):
        fold(conn, rolling, facts)
        write(conn, rolling.take())
        total += len(facts)
    return total
