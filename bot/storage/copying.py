"""Moving a whole installation between databases (SQLite <-> PostgreSQL): `rolebot db copy`."""

from __future__ import annotations

from collections.abc import Callable

from bot.storage import sql
from bot.storage.port import Storage


class TargetNotEmptyError(Exception):
    """The target database already holds users or events: a copy would mix them."""


async def copy(
    source: Storage, target: Storage, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy users, progress, events and processed update ids as they are (ids included),
    then rebuild the target's analytics tables from its events. Returns rows per table."""
    if await target.users_by_source() or await target.scenarios_seen():
        raise TargetNotEmptyError("the target database is not empty")
    counts: dict[str, int] = {}
    for table in sql.COPIED:
        counts[table] = 0
        async for rows in source.dump(table):
            await target.restore(table, rows)
            counts[table] += len(rows)
            if progress is not None:
                progress(table, counts[table])
    await target.restored()
    return counts
