"""Schema migrations as registered functions, applied once each, in order, in a transaction."""

from __future__ import annotations

import time
from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    """Register a migration; its function name is its identity, so never rename one."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


def applied(db: sqlite_utils.Database) -> list[str]:
    if "_migrations" not in db.table_names():
        return []
    return [row["name"] for row in db.query("select name from _migrations order by applied_ms")]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations; returns the names applied now."""
    db.table("_migrations").create({"name": str, "applied_ms": int}, pk="name", if_not_exists=True)
    done = set(applied(db))
    new = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            fn(db)
            db.table("_migrations").insert({"name": name, "applied_ms": int(time.time() * 1000)})
        new.append(name)
    return new


@migration
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("users").create(
        {
            "id": int,
            "external_id": str,  # "tg:<id>" or "terminal:<name>"; deleted on /forget
            "key": str,  # random pseudonym used in exports, never derived from the id
            "locale": str,
            "locale_chosen": int,
            "active_scenario": str,
            "blocked": int,
            "created_ms": int,
        },
        pk="id",
        not_null={"external_id", "key", "locale", "locale_chosen", "blocked", "created_ms"},
        defaults={"locale_chosen": 0, "blocked": 0},
    )
    db.table("users").create_index(["external_id"], unique=True)
    db.table("users").create_index(["key"], unique=True)
    db.table("progress").create(
        {
            "user_id": int,
            "scenario": str,
            "version": str,
            "run": int,
            "status": str,
            "step": str,
            "attempts": int,
            "help_level": int,
            "shown_at_ms": int,
            "rated": int,
            "updated_ms": int,
        },
        pk=("user_id", "scenario"),
        foreign_keys=[("user_id", "users", "id")],
        not_null={"version", "run", "status", "attempts", "help_level", "shown_at_ms", "rated"},
    )
    db.table("events").create(
        {
            "id": int,
            "user_id": int,  # no foreign key: events outlive a deleted user, anonymously
            "scenario": str,
            "version": str,
            "run": int,
            "step": str,
            "locale": str,
            "kind": str,
            "at_ms": int,
            "option": str,
            "correct": int,
            "attempt": int,
            "elapsed_ms": int,
            "level": int,
            "length": int,
            "score": int,
            "extra": str,
        },
        pk="id",
        not_null={"user_id", "scenario", "version", "run", "locale", "kind", "at_ms"},
    )
    db.table("events").create_index(["scenario", "version", "kind", "at_ms"])
    db.table("events").create_index(["user_id", "scenario", "run"])
    db.table("processed_updates").create({"update_id": int, "at_ms": int}, pk="update_id")


@migration
def m002_analytics(db: sqlite_utils.Database) -> None:
    """Derived tables for analytics, maintained by `Store.commit` (bot/analytics/rollup.py)
    and filled here from the events already recorded. See docs/metrics.md."""
    from bot.analytics import rollup

    def counters(name: str) -> str:
        key, columns = rollup.COUNTER_TABLES[name]
        typed = [f"{c} text not null" for c in key if c not in ("seconds",)]
        typed += [f"{c} integer not null" for c in key if c == "seconds"]
        counts = [f"{c} integer not null default 0" for c in columns]
        assert set(rollup.CLUSTERED[name]) == set(key)
        return (
            f"create table {name} ({', '.join([*typed, *counts])}, "
            f"primary key ({', '.join(rollup.CLUSTERED[name])})) without rowid"
        )

    for name in rollup.COUNTER_TABLES:
        db.execute(counters(name))
    db.execute(
        """create table runs (
            user_id integer not null, scenario text not null, run integer not null,
            version text not null, locale text not null, source text not null,
            day text not null, started_ms integer not null, start_step text,
            from_version text, last_step text, last_ms integer not null,
            max_gap_ms integer not null default 0, outcome text, ended_ms integer,
            score integer, steps integer not null default 0,
            last_struggled integer not null default 0,
            primary key (user_id, scenario, run)
        ) without rowid"""
    )
    db.execute(
        "create index runs_unfinished on runs "
        "(scenario, day, version, locale, source, last_step, outcome, last_ms, last_struggled) "
        "where outcome is null or outcome = 'blocked'"
    )
    db.execute(
        """create table visits (
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
        ) without rowid"""
    )
    rollup.rebuild(db.conn)


@migration
def m003_failed_updates(db: sqlite_utils.Database) -> None:
    """Telegram updates given up on after repeated failures: which, of what kind, and why
    (the error's class). Never their content: it may hold what a user typed."""
    db.execute(
        """create table failed_updates (
            update_id integer primary key, kind text not null, error text not null,
            attempts integer not null, at_ms integer not null
        )"""
    )
