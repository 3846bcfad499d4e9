"""Reads for owners on SQLite: the tallies behind every figure, exports, who is there."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from bot.analytics.filters import Filters
from bot.analytics.metrics import Tallies
from bot.storage import sql
from bot.storage.port import ExportKind


def tallies(conn: sqlite3.Connection, filters: Filters, cutoff_ms: int) -> Tallies:
    found: dict[str, Any] = {
        name: conn.execute(query, params).fetchall()
        for name, (query, params) in sql.tallies_queries(filters, cutoff_ms).items()
    }
    found["blocked_users"] = found["blocked_users"][0][0]
    return Tallies(**found)


def scenarios_seen(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute(sql.SCENARIOS_SEEN)}


def users_by_source(conn: sqlite3.Connection) -> dict[str, int]:
    found: dict[str, int] = {}
    for (external_id,) in conn.execute(sql.EXTERNAL_IDS):
        source = sql.source_of(external_id)
        found[source] = found.get(source, 0) + 1
    return found


def export(
    conn: sqlite3.Connection, kind: ExportKind, filters: Filters
) -> Iterator[tuple[Any, ...]]:
    query, params = sql.export_query(kind, filters)
    yield from conn.execute(query, params)
