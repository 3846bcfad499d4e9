"""Users, progress and events: one transaction per input, replayed update ids change nothing."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlite_utils

from bot.analytics.rollup import Rollup, fact_from_event
from bot.core.events import Event
from bot.core.progress import Progress, Status

EVENT_COLUMNS = ("option", "correct", "attempt", "elapsed_ms", "level", "length", "score")
_INSERT_EVENT = (
    "insert into events (user_id, scenario, version, run, step, locale, kind, at_ms, "
    f"{', '.join(EVENT_COLUMNS)}, extra) values ({', '.join(['?'] * (len(EVENT_COLUMNS) + 9))})"
)
_UPSERT_PROGRESS = """
insert into progress (user_id, scenario, version, run, status, step, attempts, help_level,
                      shown_at_ms, rated, updated_ms)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (user_id, scenario) do update set
    version = excluded.version, run = excluded.run, status = excluded.status,
    step = excluded.step, attempts = excluded.attempts, help_level = excluded.help_level,
    shown_at_ms = excluded.shown_at_ms, rated = excluded.rated, updated_ms = excluded.updated_ms
"""
KEEP = object()
"""Marks a user field that a commit leaves unchanged."""

T = TypeVar("T")


@dataclass(frozen=True)
class User:
    id: int
    external_id: str
    key: str
    locale: str
    locale_chosen: bool
    active_scenario: str | None
    blocked: bool


@dataclass(frozen=True)
class Commit:
    """Everything one input changes, written together or not at all."""

    user_id: int
    now_ms: int
    progress: Progress | None = None
    events: tuple[Event, ...] = ()
    update_id: int | None = None
    locale: str | None = None
    """A locale the user chose; stored and preferred over Telegram's language_code."""
    active_scenario: Any = KEEP
    blocked: bool | None = None


class Store:
    """Synchronous storage on one connection. Use `AsyncStore` from async code."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.rollup = Rollup(db.conn)
        """Keeps the analytics tables (runs, visits, counters) in step with `events`."""
        self._batching = False

    # -- users ---------------------------------------------------------------------------

    def find_user(self, external_id: str) -> User | None:
        rows = list(self.db.query("select * from users where external_id = ?", [external_id]))
        return _user(rows[0]) if rows else None

    def user(self, external_id: str, locale: str, now_ms: int) -> User:
        """The user with this external id, created with `locale` on first sight."""
        found = self.find_user(external_id)
        if found is not None:
            return found
        with self.db.atomic():
            self.db.execute(
                "insert or ignore into users (external_id, key, locale, locale_chosen, blocked,"
                " created_ms) values (?, ?, ?, 0, 0, ?)",
                [external_id, secrets.token_hex(8), locale, now_ms],
            )
        found = self.find_user(external_id)
        assert found is not None
        return found

    def forget(self, external_id: str) -> bool:
        """Delete the user and their progress. Events stay, keyed by a number that nothing
        links to the external id any more, so statistics keep their totals."""
        user = self.find_user(external_id)
        if user is None:
            return False
        with self.db.atomic():
            self.db.execute("delete from progress where user_id = ?", [user.id])
            self.db.execute("delete from users where id = ?", [user.id])
        return True

    # -- progress ------------------------------------------------------------------------

    def progress(self, user_id: int, scenario: str) -> Progress:
        rows = list(
            self.db.query(
                "select * from progress where user_id = ? and scenario = ?", [user_id, scenario]
            )
        )
        return _progress(rows[0]) if rows else Progress(scenario=scenario)

    def all_progress(self, user_id: int) -> dict[str, Progress]:
        rows = self.db.query("select * from progress where user_id = ?", [user_id])
        return {row["scenario"]: _progress(row) for row in rows}

    # -- the one write path --------------------------------------------------------------

    def is_processed(self, update_id: int) -> bool:
        rows = self.db.execute(
            "select 1 from processed_updates where update_id = ?", [update_id]
        ).fetchall()
        return bool(rows)

    def mark_processed(self, update_id: int, now_ms: int) -> bool:
        """Record an update that changed nothing else; False if it was already recorded."""
        with self.db.atomic():
            return bool(
                self.db.execute(
                    "insert or ignore into processed_updates (update_id, at_ms) values (?, ?)",
                    [update_id, now_ms],
                ).rowcount
            )

    def commit(self, change: Commit) -> bool:
        """Write one input's effects atomically. Returns False, writing nothing, when the
        update id was already processed (a redelivery)."""
        try:
            return self._commit(change)
        except BaseException:
            self.rollup.discard()  # its pending rows may hold this input's effects
            raise

    def _commit(self, change: Commit) -> bool:
        with self.db.atomic():
            if change.update_id is not None:
                inserted = self.db.execute(
                    "insert or ignore into processed_updates (update_id, at_ms) values (?, ?)",
                    [change.update_id, change.now_ms],
                ).rowcount
                if not inserted:
                    return False
            if change.progress is not None:
                p = change.progress
                self.db.execute(
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
                    ],
                )
            if change.events:
                self.db.conn.executemany(
                    _INSERT_EVENT, [_event_row(change.user_id, e) for e in change.events]
                )
                self.rollup.add(fact_from_event(change.user_id, e) for e in change.events)
            self._update_user(change)
            if not self._batching:
                self.rollup.flush()
        return True

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many commits in one transaction, all or nothing (the simulator's bulk writes).

        Analytics rows are written once at the end instead of per commit. An error inside
        must end the batch: everything in it is rolled back.
        """
        assert not self._batching, "batches do not nest"
        self._batching = True
        try:
            with self.db.atomic():
                yield
                self.rollup.flush()
        except BaseException:
            self.rollup.discard()
            raise
        finally:
            self._batching = False

    def _update_user(self, change: Commit) -> None:
        sets: dict[str, Any] = {}
        if change.locale is not None:
            sets |= {"locale": change.locale, "locale_chosen": 1}
        if change.active_scenario is not KEEP:
            sets["active_scenario"] = change.active_scenario
        if change.blocked is not None:
            sets["blocked"] = int(change.blocked)
        if sets:
            assignments = ", ".join(f"{column} = ?" for column in sets)
            self.db.execute(
                f"update users set {assignments} where id = ?", [*sets.values(), change.user_id]
            )

    def events(self, user_id: int | None = None) -> list[dict[str, Any]]:
        """Events in insertion order, for tests and exports."""
        if user_id is None:
            return list(self.db.query("select * from events order by id"))
        return list(self.db.query("select * from events where user_id = ? order by id", [user_id]))


class AsyncStore:
    """The store for async code: the one seam every handler goes through. Calls run inline
    on the event loop: one input's reads and commit take tens of microseconds (WAL,
    synchronous=NORMAL, no fsync), less than handing them to a thread, and the slow part,
    WAL checkpoints, runs in the `Checkpointer` thread instead. docs/storage.md has the
    measurements behind this choice.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        return fn(*args)

    async def close(self) -> None:
        self.store.db.close()


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


def _user(row: dict[str, Any]) -> User:
    return User(
        id=row["id"],
        external_id=row["external_id"],
        key=row["key"],
        locale=row["locale"],
        locale_chosen=bool(row["locale_chosen"]),
        active_scenario=row["active_scenario"],
        blocked=bool(row["blocked"]),
    )


def _progress(row: dict[str, Any]) -> Progress:
    return Progress(
        scenario=row["scenario"],
        version=row["version"],
        run=row["run"],
        status=Status(row["status"]),
        step=row["step"],
        attempts=row["attempts"],
        help_level=row["help_level"],
        shown_at_ms=row["shown_at_ms"],
        rated=bool(row["rated"]),
    )
