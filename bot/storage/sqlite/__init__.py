"""The embedded backend: one SQLite file, no server. All of its SQL lives in this package."""

from __future__ import annotations

from bot.storage.sqlite.store import SqliteStorage

__all__ = ["SqliteStorage"]
