"""SQLite storage via sqlite-utils: schema, migrations, progress, events, processed updates."""

from __future__ import annotations

from bot.storage.database import Checkpointer, open_database
from bot.storage.store import AsyncStore, Commit, Store, User

__all__ = ["AsyncStore", "Checkpointer", "Commit", "Store", "User", "open_database"]
