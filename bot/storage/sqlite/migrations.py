"""Schema migrations for SQLite: frozen DDL, applied once each, in order, in a transaction.

A migration never imports live code: what it creates is fixed the day it is written. Derived
rows (analytics) are not schema: a migration that needs them filled asks for a rebuild, which
recomputes them from `events` with the current rules.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    """Its identity in `_migrations`: never rename one."""
    apply: Callable[[sqlite3.Connection], None]
    rebuild: bool = False
    """Recompute the derived analytics tables once this is applied."""


MIGRATIONS: list[Migration] = []


def migration(*, rebuild: bool = False) -> Callable[[Callable[[sqlite3.Connection], None]], None]:
    def register(fn: Callable[[sqlite3.Connection], None]) -> None:
        MIGRATIONS.append(Migration(fn.__name__, fn, rebuild))

    return register


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run `;`-separated statements inside the caller's transaction (executescript would
    commit it)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def applied(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = '_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("select name from _migrations order by applied_ms")]


def pending(conn: sqlite3.Connection) -> list[str]:
    done = set(applied(conn))
    return [m.name for m in MIGRATIONS if m.name not in done]


def migrate(conn: sqlite3.Connection, rebuild: Callable[[], object]) -> list[str]:
    """Apply pending migrations; returns the names applied now. `rebuild` recomputes the
    derived tables (inside the transaction of the migration that asks for it).

    Foreign keys are off while migrating (a table rebuild drops and renames tables) and
    checked at the end of each migration.
    """
    conn.execute(
        'create table if not exists "_migrations" ("name" TEXT PRIMARY KEY, "applied_ms" INTEGER)'
    )
    todo = pending(conn)
    if not todo:
        return []
    # The rebuild writes the derived tables as the current code defines them, so it runs
    # once, with the last pending migration that asks for it (the schema is current then).
    rebuilding = [m.name for m in MIGRATIONS if m.name in todo and m.rebuild][-1:]
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        for m in MIGRATIONS:
            if m.name not in todo:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process opening the same new file may have applied it meanwhile:
                # checked under the write lock, so each migration runs once.
                done = "select 1 from _migrations where name = ?"
                if conn.execute(done, [m.name]).fetchone():
                    conn.execute("COMMIT")
                    todo.remove(m.name)
                    continue
                m.apply(conn)
                if m.name in rebuilding:
                    rebuild()
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(f"{m.name}: foreign keys broken: {broken[:3]}")
                conn.execute(
                    "insert into _migrations (name, applied_ms) values (?, ?)",
                    [m.name, int(time.time() * 1000)],
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    return todo


@migration()
def m001_initial(conn: sqlite3.Connection) -> None:
    _script(
        conn,
        """
CREATE TABLE "users" (
   "id" INTEGER PRIMARY KEY,
   "external_id" TEXT NOT NULL,
   "key" TEXT NOT NULL,
   "locale" TEXT NOT NULL,
   "locale_chosen" INTEGER NOT NULL DEFAULT 0,
   "active_scenario" TEXT,
   "blocked" INTEGER NOT NULL DEFAULT 0,
   "created_ms" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "idx_users_external_id" ON "users" ("external_id");
CREATE UNIQUE INDEX "idx_users_key" ON "users" ("key");
CREATE TABLE "progress" (
   "user_id" INTEGER REFERENCES "users"("id"),
   "scenario" TEXT,
   "version" TEXT NOT NULL,
   "run" INTEGER NOT NULL,
   "status" TEXT NOT NULL,
   "step" TEXT,
   "attempts" INTEGER NOT NULL,
   "help_level" INTEGER NOT NULL,
   "shown_at_ms" INTEGER NOT NULL,
   "rated" INTEGER NOT NULL,
   "updated_ms" INTEGER,
   PRIMARY KEY ("user_id", "scenario")
);
CREATE TABLE "events" (
   "id" INTEGER PRIMARY KEY,
   "user_id" INTEGER NOT NULL,
   "scenario" TEXT NOT NULL,
   "version" TEXT NOT NULL,
   "run" INTEGER NOT NULL,
   "step" TEXT,
   "locale" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "at_ms" INTEGER NOT NULL,
   "option" TEXT,
   "correct" INTEGER,
   "attempt" INTEGER,
   "elapsed_ms" INTEGER,
   "level" INTEGER,
   "length" INTEGER,
   "score" INTEGER,
   "extra" TEXT
);
CREATE INDEX "idx_events_scenario_version_kind_at_ms"
    ON "events" ("scenario", "version", "kind", "at_ms");
CREATE INDEX "idx_events_user_id_scenario_run" ON "events" ("user_id", "scenario", "run");
CREATE TABLE "processed_updates" ("update_id" INTEGER PRIMARY KEY, "at_ms" INTEGER);
""",
    )


@migration(rebuild=True)
def m002_analytics(conn: sqlite3.Connection) -> None:
    """Derived tables for analytics (docs/metrics.md), filled from the events already there.
    Each counter table's primary key follows the order the figures group by, so reading
    them streams without sorting."""
    _script(
        conn,
        """
CREATE TABLE run_daily (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, runs integer not null default 0,
    fresh integer not null default 0, continued integer not null default 0,
    completed integer not null default 0, restarted integer not null default 0,
    superseded integer not null default 0, rated integer not null default 0,
    score_sum integer not null default 0,
    primary key (scenario, version, locale, source, day)) without rowid;
CREATE TABLE step_daily (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, step text not null,
    reach integer not null default 0, answered integer not null default 0,
    wrong_first integer not null default 0, corrected integer not null default 0,
    attempts integer not null default 0, revealed integer not null default 0,
    help integer not null default 0, help_human integer not null default 0,
    typed integer not null default 0, switched integer not null default 0,
    struggled integer not null default 0, restarted integer not null default 0,
    primary key (scenario, version, step, locale, source, day)) without rowid;
CREATE TABLE option_daily (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, step text not null, option text not null,
    chosen integer not null default 0, wrong integer not null default 0,
    first integer not null default 0,
    primary key (scenario, version, step, option, locale, source, day)) without rowid;
CREATE TABLE answer_times (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, step text not null, seconds integer not null,
    n integer not null default 0,
    primary key (scenario, version, step, seconds, locale, source, day)) without rowid;
CREATE TABLE complete_times (scenario text not null, version text not null,
    day text not null, locale text not null, source text not null, seconds integer not null,
    n integer not null default 0,
    primary key (scenario, version, seconds, locale, source, day)) without rowid;
CREATE TABLE runs (
    user_id integer not null, scenario text not null, run integer not null,
    version text not null, locale text not null, source text not null,
    day text not null, started_ms integer not null, start_step text,
    from_version text, last_step text, last_ms integer not null,
    max_gap_ms integer not null default 0, outcome text, ended_ms integer,
    score integer, steps integer not null default 0,
    last_struggled integer not null default 0,
    primary key (user_id, scenario, run)
) without rowid;
CREATE INDEX runs_unfinished on runs
    (scenario, day, version, locale, source, last_step, outcome, last_ms, last_struggled)
    where outcome is null or outcome = 'blocked';
CREATE TABLE visits (
    user_id integer not null, scenario text not null, run integer not null,
    step text not null, version text not null, day text not null,
    locale text not null, source text not null, first_ms integer not null,
    answered integer not null default 0, first_correct integer,
    first_elapsed_ms integer, answers integer not null default 0,
    corrected integer not null default 0, revealed integer not null default 0,
    help integer not null default 0, help_human integer not null default 0,
    typed integer not null default 0, switched integer not null default 0,
    struggled integer not null default 0,
    primary key (user_id, scenario, run, step)
) without rowid;
""",
    )


@migration()
def m003_user_ids_never_reused(conn: sqlite3.Connection) -> None:
    """AUTOINCREMENT: a forgotten user's number is never given to a new user, whose events
    would otherwise merge with the forgotten user's anonymous ones. The sequence starts
    above every number already used, in users or in events."""
    _script(
        conn,
        """
CREATE TABLE "users_new" (
   "id" INTEGER PRIMARY KEY AUTOINCREMENT,
   "external_id" TEXT NOT NULL,
   "key" TEXT NOT NULL,
   "locale" TEXT NOT NULL,
   "locale_chosen" INTEGER NOT NULL DEFAULT 0,
   "active_scenario" TEXT,
   "blocked" INTEGER NOT NULL DEFAULT 0,
   "created_ms" INTEGER NOT NULL
);
INSERT INTO users_new (id, external_id, key, locale, locale_chosen, active_scenario, blocked,
    created_ms)
    SELECT id, external_id, key, locale, locale_chosen, active_scenario, blocked, created_ms
    FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX "idx_users_external_id" ON "users" ("external_id");
CREATE UNIQUE INDEX "idx_users_key" ON "users" ("key");
DELETE FROM sqlite_sequence WHERE name = 'users';
INSERT INTO sqlite_sequence (name, seq) VALUES ('users', max(
    coalesce((SELECT max(id) FROM users), 0),
    coalesce((SELECT max(user_id) FROM events), 0)));
""",
    )


@migration()
def m004_pressed_message(conn: sqlite3.Connection) -> None:
    """The message whose button was last applied, so a double tap applies once."""
    conn.execute("ALTER TABLE users ADD COLUMN pressed_message INTEGER")


@migration(rebuild=True)
def m005_figures_that_do_not_mislead(conn: sqlite3.Connection) -> None:
    """Times to complete keep the run's longest pause, so a break longer than the idle
    timeout can be left out when reading; steps count the reach a continued run carried over
    from the old version (`--version all` counts it once); runs are found by start time, to
    hold recent runs apart until they can have settled. The rebuild refills them."""
    _script(
        conn,
        """
DROP TABLE complete_times;
CREATE TABLE complete_times (scenario text not null, version text not null,
    day text not null, locale text not null, source text not null, pause integer not null,
    seconds integer not null, n integer not null default 0,
    primary key (scenario, version, pause, seconds, locale, source, day)) without rowid;
ALTER TABLE step_daily ADD COLUMN carried integer not null default 0;
CREATE INDEX runs_started on runs (started_ms);
""",
    )


@migration()
def m006_failed_updates(conn: sqlite3.Connection) -> None:
    """Telegram updates given up on after repeated failures: which, of what kind, and why
    (the error's class). Never their content: it may hold what a user typed."""
    _script(
        conn,
        """
CREATE TABLE failed_updates (
    update_id integer primary key, kind text not null, error text not null,
    attempts integer not null, at_ms integer not null
);
CREATE INDEX processed_updates_at_ms ON processed_updates (at_ms);
""",
    )


@migration()
def m007_progress_counts_steps_shown(conn: sqlite3.Connection) -> None:
    """The steps shown so far in a run, so "step k of n" counts the learner's own path.
    Runs in progress get 0: not counted yet (the engine falls back to the shortest distance
    from the start until their next move)."""
    conn.execute('ALTER TABLE progress ADD COLUMN "shown" INTEGER NOT NULL DEFAULT 0')


@migration()
def m008_outbox(conn: sqlite3.Connection) -> None:
    """The durable outbox: replies written in the same transaction as the input that caused
    them, deleted once sent; a sender holds a chat's rows by a claim with a lease. And the
    sending limits' state (`bot.storage.pacing`), shared by every process on the file."""
    _script(
        conn,
        """
CREATE TABLE outbox (
    id integer primary key autoincrement,
    chat_id integer not null,
    body text not null,
    created_ms integer not null,
    claimed_by text,
    claimed_until_ms integer
);
CREATE INDEX outbox_chat ON outbox (chat_id, id);
CREATE INDEX outbox_claimed_by ON outbox (claimed_by);
CREATE TABLE send_pace (scope integer primary key, tat_ms integer not null);
""",
    )


@migration()
def m010_learning_loop(conn: sqlite3.Connection) -> None:
    """The learning loop: jobs owed to learners (a reminder, a review, a follow-up), each
    learner's review cards (FSRS memory state: numbers and ids, no text), and their choices
    about reminders and reviews."""
    _script(
        conn,
        """
CREATE TABLE jobs (
    id integer primary key autoincrement,
    user_id integer not null references users (id) on delete cascade,
    kind text not null,
    scenario text not null,
    run integer not null,
    due_ms integer not null,
    claimed_by text,
    claimed_until_ms integer,
    unique (user_id, kind, scenario)
);
CREATE INDEX jobs_due ON jobs (due_ms);
CREATE INDEX jobs_claimed_by ON jobs (claimed_by);
CREATE TABLE review_cards (
    user_id integer not null references users (id) on delete cascade,
    scenario text not null,
    step text not null,
    card text not null,
    primary key (user_id, scenario, step)
);
ALTER TABLE users ADD COLUMN reminders text;
ALTER TABLE users ADD COLUMN reviews integer not null default 1;
""",
    )


@migration(rebuild=True)
def m011_learning_loop_figures(conn: sqlite3.Connection) -> None:
    """The learning loop's figures (docs/metrics.md, "The learning loop"): reminders and
    whether the learner came back, review answers by interval, confidence on first answers,
    follow-up outcomes and problems. Runs keep where their latest reminder found the learner
    and their follow-up answer. The rebuild fills them, and takes the loop's events out of
    the runs' activity (they were counted as activity before)."""
    _script(
        conn,
        """
ALTER TABLE runs ADD COLUMN reminded_step text;
ALTER TABLE runs ADD COLUMN resumed integer not null default 0;
ALTER TABLE runs ADD COLUMN followup_asked integer not null default 0;
ALTER TABLE runs ADD COLUMN followup text;
ALTER TABLE runs ADD COLUMN followup_problem text;
CREATE TABLE reminder_daily (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, step text not null,
    sent integer not null default 0, resumed integer not null default 0,
    completed integer not null default 0,
    primary key (scenario, version, step, locale, source, day)) without rowid;
CREATE TABLE review_daily (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, step text not null, days integer not null,
    answered integer not null default 0, correct integer not null default 0,
    primary key (scenario, version, step, days, locale, source, day)) without rowid;
CREATE TABLE confidence_daily (scenario text not null, version text not null,
    day text not null, locale text not null, source text not null, step text not null,
    option text not null, sure integer not null default 0,
    guessing integer not null default 0, sure_wrong integer not null default 0,
    guessing_wrong integer not null default 0,
    primary key (scenario, version, step, option, locale, source, day)) without rowid;
CREATE TABLE followup_daily (scenario text not null, version text not null, day text not null,
    locale text not null, source text not null, asked integer not null default 0,
    answered integer not null default 0, done integer not null default 0,
    not_yet integer not null default 0, problem integer not null default 0,
    primary key (scenario, version, locale, source, day)) without rowid;
CREATE TABLE followup_problems (scenario text not null, version text not null,
    day text not null, locale text not null, source text not null, problem text not null,
    n integer not null default 0,
    primary key (scenario, version, problem, locale, source, day)) without rowid;
""",
    )
