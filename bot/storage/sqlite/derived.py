"""The derived analytics tables on SQLite: load the rows a rollup needs, write what it hands
back, rebuild everything from `events`. The rules themselves are `bot.analytics.rollup`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from bot.analytics import rollup
from bot.analytics.rollup import (
    COUNTER_TABLES,
    RUN_FIELDS,
    SOURCES,
    UNKNOWN_SOURCE,
    VISIT_FIELDS,
    Delta,
    Fact,
    Rollup,
    RunRow,
    VisitRow,
)

DERIVED_TABLES = ("runs", "visits", *COUNTER_TABLES)
RUN_PK = ("user_id", "scenario", "run")
VISIT_PK = ("user_id", "scenario", "run", "step")
EVENT_FACT_COLUMNS = (
    "user_id, scenario, version, run, step, locale, kind, at_ms, option, correct, level, "
    "elapsed_ms, score, extra"
)


def _upsert_counts(table: str, key: tuple[str, ...], counters: tuple[str, ...]) -> str:
    columns = (*key, *counters)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in counters)
    return (
        f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))}) "
        f"on conflict ({', '.join(key)}) do update set {updates}"
    )


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"


def _update(table: str, columns: tuple[str, ...], pk: tuple[str, ...]) -> str:
    """Updating in place, not replacing, leaves the indexes alone unless their columns change."""
    sets = ", ".join(f"{c} = ?" for c in columns if c not in pk)
    return f"update {table} set {sets} where {' and '.join(f'{c} = ?' for c in pk)}"


_UPSERTS = {table: _upsert_counts(table, *spec) for table, spec in COUNTER_TABLES.items()}
_INSERT_RUN, _UPDATE_RUN = _insert("runs", RUN_FIELDS), _update("runs", RUN_FIELDS, RUN_PK)
_INSERT_VISIT = _insert("visits", VISIT_FIELDS)
_UPDATE_VISIT = _update("visits", VISIT_FIELDS, VISIT_PK)
_RUN_ORDER = tuple(c for c in RUN_FIELDS if c not in RUN_PK) + RUN_PK
_VISIT_ORDER = tuple(c for c in VISIT_FIELDS if c not in VISIT_PK) + VISIT_PK


def source_of(external_id: str) -> str:
    return SOURCES.get(external_id.split(":", 1)[0], UNKNOWN_SOURCE)


def fold(conn: sqlite3.Connection, rolling: Rollup, facts: list[Fact]) -> None:
    """Load what the facts touch, then add them (rows are written by `write`)."""
    wanted = rolling.wanted(facts)
    if wanted:
        runs: list[RunRow] = []
        visits: list[VisitRow] = []
        for key in wanted.runs:
            row = conn.execute(
                f"select {', '.join(RUN_FIELDS)} from runs "
                "where user_id = ? and scenario = ? and run = ?",
                key,
            ).fetchone()
            if row is not None:
                runs.append(RunRow(*row))
                visits.extend(
                    VisitRow(*v)
                    for v in conn.execute(
                        f"select {', '.join(VISIT_FIELDS)} from visits "
                        "where user_id = ? and scenario = ? and run = ?",
                        key,
                    )
                )
        sources = {}
        for user in wanted.users:
            found = conn.execute("select external_id from users where id = ?", [user]).fetchone()
            if found is not None:
                sources[user] = source_of(found[0])
        rolling.load(wanted, runs, visits, sources)
    rolling.add(facts)


def write(conn: sqlite3.Connection, delta: Delta) -> None:
    """Persist a rollup's changes (inside the caller's transaction)."""
    if delta.new_runs:
        conn.executemany(_INSERT_RUN, [_values(r, RUN_FIELDS) for r in delta.new_runs])
    if delta.changed_runs:
        conn.executemany(_UPDATE_RUN, [_values(r, _RUN_ORDER) for r in delta.changed_runs])
    if delta.new_visits:
        conn.executemany(_INSERT_VISIT, [_values(v, VISIT_FIELDS) for v in delta.new_visits])
    if delta.changed_visits:
        conn.executemany(_UPDATE_VISIT, [_values(v, _VISIT_ORDER) for v in delta.changed_visits])
    for table, counts in delta.counts.items():
        conn.executemany(_UPSERTS[table], [[*k, *c] for k, c in counts.items()])


def _values(row: object, columns: tuple[str, ...]) -> list[Any]:
    return [getattr(row, c) for c in columns]


def fact_from_row(row: Iterable[Any]) -> Fact:
    """A row of `select EVENT_FACT_COLUMNS from events`."""
    (user_id, scenario, version, run, step, locale, kind, at_ms, option, correct, level,
     elapsed_ms, score, extra) = row  # fmt: skip
    from_version = json.loads(extra).get("from_version") if extra else None
    return Fact(
        user_id,
        scenario,
        version,
        run,
        step,
        locale,
        kind,
        at_ms,
        option,
        correct,
        level,
        elapsed_ms,
        score,
        from_version,
    )


def events_in_order(conn: sqlite3.Connection, chunk: int = 50_000) -> Iterator[list[Fact]]:
    last = 0
    while True:
        rows = conn.execute(
            f"select id, {EVENT_FACT_COLUMNS} from events where id > ? order by id limit ?",
            [last, chunk],
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [fact_from_row(row[1:]) for row in rows]


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every derived table from `events` (inside the caller's transaction)."""
    for table in DERIVED_TABLES:
        conn.execute(f"delete from {table}")
    rolling = rollup.Rollup()
    total = 0
    for facts in events_in_order(conn):
        fold(conn, rolling, facts)
        write(conn, rolling.take())
        total += len(facts)
    return total
