"""Opening the database file: WAL, synchronous=NORMAL, migrations applied."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from bot.storage.migrations import migrate


def open_database(path: Path | str, *, migrate_schema: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path`; ":memory:" works for tests.

    WAL lets readers (stats, exports) run while the bot writes; synchronous=NORMAL in WAL mode
    keeps every commit atomic and durable against a process crash (kill -9) and costs no
    fsync per commit; only an operating-system crash may lose the last commits.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=30000")
    if migrate_schema:
        migrate(db)
    return db
