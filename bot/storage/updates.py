"""Bookkeeping of Telegram update ids beyond `processed_updates`: updates given up on, and
processed ids Telegram can no longer resend."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.store import Store

SQLITE_MAX_INT = 2**63 - 1


@dataclass(frozen=True)
class FailedUpdate:
    update_id: int
    kind: str
    error: str
    attempts: int
    at_ms: int


def storable(update_id: int) -> bool:
    """Whether SQLite can hold the id (Telegram's ids are far smaller; a forged one may not be)."""
    return -SQLITE_MAX_INT - 1 <= update_id <= SQLITE_MAX_INT


def record_failed(
    store: Store, update_id: int, kind: str, error: str, attempts: int, now_ms: int
) -> bool:
    """Record an update given up on, and mark it processed in the same transaction, so that a
    redelivery after a restart is skipped instead of failing again. False, recording nothing,
    when the id was already processed (or given up on)."""
    with store.db.atomic():
        inserted = store.db.execute(
            "insert or ignore into processed_updates (update_id, at_ms) values (?, ?)",
            [update_id, now_ms],
        ).rowcount
        if not inserted:
            return False
        store.db.execute(
            "insert or replace into failed_updates (update_id, kind, error, attempts, at_ms) "
            "values (?, ?, ?, ?, ?)",
            [update_id, kind, error, attempts, now_ms],
        )
        return True


def failed_updates(store: Store) -> list[FailedUpdate]:
    rows = store.db.query("select * from failed_updates order by at_ms, update_id")
    return [FailedUpdate(**row) for row in rows]


def forget_processed_before(store: Store, before_ms: int) -> int:
    """Drop processed ids older than `before_ms`. Telegram keeps an update for at most 24 hours,
    so an older id cannot be a redelivery; after a week without updates Telegram restarts its
    ids at a random number, which may be one processed long ago and must not be skipped."""
    with store.db.atomic():
        return int(
            store.db.execute("delete from processed_updates where at_ms < ?", [before_ms]).rowcount
        )
