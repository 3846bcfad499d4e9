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
