"""Schema migrations for PostgreSQL: frozen DDL, applied once each, in order, each in its own
transaction, under an advisory lock so instances starting together take turns."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import asyncpg

MIGRATION_LOCK = 7_210_001
"""pg_advisory_lock key held while migrating (any constant of rolebot's own)."""


@dataclass(frozen=True)
class Migration:
    name: str
    """Its identity in `_migrations`: never rename one."""
    sql: str
    rebuild: bool = False
    """Recompute the derived analytics tables once this is applied."""


MIGRATIONS: list[Migration] = [
    Migration(
        "m001_initial",
        """
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- never reused after a forget
    external_id text NOT NULL UNIQUE,
    key text NOT NULL UNIQUE,
    locale text NOT NULL,
    locale_chosen integer NOT NULL DEFAULT 0,
    active_scenario text,
    blocked integer NOT NULL DEFAULT 0,
    created_ms bigint NOT NULL,
    pressed_message bigint
);
CREATE TABLE progress (
    user_id bigint REFERENCES users (id),
    scenario text,
    version text NOT NULL,
    run integer NOT NULL,
    status text NOT NULL,
    step text,
    attempts integer NOT NULL,
    help_level integer NOT NULL,
    shown_at_ms bigint NOT NULL,
    rated integer NOT NULL,
    updated_ms bigint,
    shown integer NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, scenario)
);
CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL,  -- no foreign key: events outlive a deleted user, anonymously
    scenario text NOT NULL,
    version text NOT NULL,
    run integer NOT NULL,
    step text,
    locale text NOT NULL,
    kind text NOT NULL,
    at_ms bigint NOT NULL,
    option text,
    correct integer,
    attempt integer,
    elapsed_ms bigint,
    level integer,
    length integer,
    score integer,
    extra text
);
CREATE INDEX events_scenario_version_kind_at_ms ON events (scenario, version, kind, at_ms);
CREATE INDEX events_user_id_scenario_run ON events (user_id, scenario, run);
CREATE TABLE processed_updates (update_id bigint PRIMARY KEY, at_ms bigint);
CREATE INDEX processed_updates_at_ms ON processed_updates (at_ms);
CREATE TABLE failed_updates (
    update_id bigint PRIMARY KEY, kind text NOT NULL, error text NOT NULL,
    attempts integer NOT NULL, at_ms bigint NOT NULL
);
""",
    ),
    Migration(
        "m002_analytics",
        """
CREATE TABLE run_daily (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, runs integer NOT NULL DEFAULT 0,
    fresh integer NOT NULL DEFAULT 0, continued integer NOT NULL DEFAULT 0,
    completed integer NOT NULL DEFAULT 0, restarted integer NOT NULL DEFAULT 0,
    superseded integer NOT NULL DEFAULT 0, rated integer NOT NULL DEFAULT 0,
    score_sum integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, locale, source, day));
CREATE TABLE step_daily (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, step text NOT NULL,
    reach integer NOT NULL DEFAULT 0, answered integer NOT NULL DEFAULT 0,
    wrong_first integer NOT NULL DEFAULT 0, corrected integer NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 0, revealed integer NOT NULL DEFAULT 0,
    help integer NOT NULL DEFAULT 0, help_human integer NOT NULL DEFAULT 0,
    typed integer NOT NULL DEFAULT 0, switched integer NOT NULL DEFAULT 0,
    struggled integer NOT NULL DEFAULT 0, restarted integer NOT NULL DEFAULT 0,
    carried integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, step, locale, source, day));
CREATE TABLE option_daily (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, step text NOT NULL, option text NOT NULL,
    chosen integer NOT NULL DEFAULT 0, wrong integer NOT NULL DEFAULT 0,
    first integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, step, option, locale, source, day));
CREATE TABLE answer_times (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, step text NOT NULL, seconds integer NOT NULL,
    n integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, step, seconds, locale, source, day));
CREATE TABLE complete_times (scenario text NOT NULL, version text NOT NULL,
    day text NOT NULL, locale text NOT NULL, source text NOT NULL, pause integer NOT NULL,
    seconds integer NOT NULL, n integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, pause, seconds, locale, source, day));
CREATE TABLE runs (
    user_id bigint NOT NULL, scenario text NOT NULL, run integer NOT NULL,
    version text NOT NULL, locale text NOT NULL, source text NOT NULL,
    day text NOT NULL, started_ms bigint NOT NULL, start_step text,
    from_version text, last_step text, last_ms bigint NOT NULL,
    max_gap_ms bigint NOT NULL DEFAULT 0, outcome text, ended_ms bigint,
    score integer, steps integer NOT NULL DEFAULT 0,
    last_struggled integer NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, scenario, run)
);
CREATE INDEX runs_unfinished ON runs
    (scenario, day, version, locale, source, last_step, outcome, last_ms, last_struggled)
    WHERE outcome IS NULL OR outcome = 'blocked';
CREATE INDEX runs_started ON runs (started_ms);
CREATE TABLE visits (
    user_id bigint NOT NULL, scenario text NOT NULL, run integer NOT NULL,
    step text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, first_ms bigint NOT NULL,
    answered integer NOT NULL DEFAULT 0, first_correct integer,
    first_elapsed_ms bigint, answers integer NOT NULL DEFAULT 0,
    corrected integer NOT NULL DEFAULT 0, revealed integer NOT NULL DEFAULT 0,
    help integer NOT NULL DEFAULT 0, help_human integer NOT NULL DEFAULT 0,
    typed integer NOT NULL DEFAULT 0, switched integer NOT NULL DEFAULT 0,
    struggled integer NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, scenario, run, step)
);
""",
    ),
    Migration(
        "m003_outbox",
        """
CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chat_id bigint NOT NULL,
    body text NOT NULL,
    created_ms bigint NOT NULL,
    claimed_by text,
    claimed_until_ms bigint
);
CREATE INDEX outbox_chat ON outbox (chat_id, id);
CREATE INDEX outbox_claimed_by ON outbox (claimed_by);
CREATE TABLE send_pace (scope bigint PRIMARY KEY, tat_ms bigint NOT NULL);
""",
    ),
    Migration(
        "m005_learning_loop",
        """
CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind text NOT NULL,
    scenario text NOT NULL,
    run integer NOT NULL,
    due_ms bigint NOT NULL,
    claimed_by text,
    claimed_until_ms bigint,
    UNIQUE (user_id, kind, scenario)
);
CREATE INDEX jobs_due ON jobs (due_ms);
CREATE INDEX jobs_claimed_by ON jobs (claimed_by);
CREATE TABLE review_cards (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scenario text NOT NULL,
    step text NOT NULL,
    card text NOT NULL,
    PRIMARY KEY (user_id, scenario, step)
);
ALTER TABLE users ADD COLUMN reminders text;
ALTER TABLE users ADD COLUMN reviews integer NOT NULL DEFAULT 1;
""",
    ),
    Migration(
        "m006_learning_loop_figures",
        """
ALTER TABLE runs ADD COLUMN reminded_step text,
    ADD COLUMN resumed integer NOT NULL DEFAULT 0,
    ADD COLUMN followup_asked integer NOT NULL DEFAULT 0,
    ADD COLUMN followup text,
    ADD COLUMN followup_problem text;
CREATE TABLE reminder_daily (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, step text NOT NULL,
    sent integer NOT NULL DEFAULT 0, resumed integer NOT NULL DEFAULT 0,
    completed integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, step, locale, source, day));
CREATE TABLE review_daily (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, step text NOT NULL, days integer NOT NULL,
    answered integer NOT NULL DEFAULT 0, correct integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, step, days, locale, source, day));
CREATE TABLE confidence_daily (scenario text NOT NULL, version text NOT NULL,
    day text NOT NULL, locale text NOT NULL, source text NOT NULL, step text NOT NULL,
    option text NOT NULL, sure integer NOT NULL DEFAULT 0,
    guessing integer NOT NULL DEFAULT 0, sure_wrong integer NOT NULL DEFAULT 0,
    guessing_wrong integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, step, option, locale, source, day));
CREATE TABLE followup_daily (scenario text NOT NULL, version text NOT NULL, day text NOT NULL,
    locale text NOT NULL, source text NOT NULL, asked integer NOT NULL DEFAULT 0,
    answered integer NOT NULL DEFAULT 0, done integer NOT NULL DEFAULT 0,
    not_yet integer NOT NULL DEFAULT 0, problem integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, locale, source, day));
CREATE TABLE followup_problems (scenario text NOT NULL, version text NOT NULL,
    day text NOT NULL, locale text NOT NULL, source text NOT NULL, problem text NOT NULL,
    n integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario, version, problem, locale, source, day));
""",
        rebuild=True,
    ),
]


async def applied(conn: asyncpg.Connection) -> list[str]:
    exists = await conn.fetchval("select to_regclass('_migrations') is not null")
    if not exists:
        return []
    rows = await conn.fetch("select name from _migrations order by applied_ms, name")
    return [row[0] for row in rows]


async def migrate(
    conn: asyncpg.Connection,
    rebuild: Callable[[asyncpg.Connection], Awaitable[object]] | None = None,
) -> list[str]:
    """Apply pending migrations; returns the names applied now. `rebuild` (an async
    callable taking the connection) recomputes the derived tables when a migration asks."""
    await conn.execute("select pg_advisory_lock($1)", MIGRATION_LOCK)
    try:
        await conn.execute(
            "create table if not exists _migrations (name text primary key, applied_ms bigint)"
        )
        done = set(await applied(conn))
        new = []
        for m in MIGRATIONS:
            if m.name in done:
                continue
            async with conn.transaction():
                await conn.execute(m.sql)
                if m.rebuild and rebuild is not None:
                    await rebuild(conn)
                await conn.execute(
                    "insert into _migrations (name, applied_ms) values ($1, $2)",
                    m.name,
                    int(time.time() * 1000),
                )
            new.append(m.name)
        return new
    finally:
        await conn.execute("select pg_advisory_unlock($1)", MIGRATION_LOCK)
