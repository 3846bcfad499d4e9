"""Opening the database file: WAL, synchronous=NORMAL, migrations applied."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import sqlite_utils

from bot.storage.migrations import migrate

log = logging.getLogger(__name__)


def open_database(
    path: Path | str, *, migrate_schema: bool = True, autocheckpoint: bool = True
) -> sqlite_utils.Database:
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
    if not autocheckpoint:
        db.execute("PRAGMA wal_autocheckpoint=0")
    if migrate_schema:
        migrate(db)
    return db


class Checkpointer:
    """Moves WAL pages into the database file in a background thread, on its own connection,
    so a commit on the event loop never pays for a checkpoint. PASSIVE never blocks writers
    or readers; a busy moment is simply retried on the next tick."""

    def __init__(self, path: Path | str, interval: float = 1.0) -> None:
        self.path = str(path)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)

    def start(self) -> Checkpointer:
        if self.path != ":memory:":
            self._thread.start()
        return self

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=1)
        try:
            while not self._stop.wait(self.interval):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error as exc:
                    log.warning("checkpoint failed", extra={"error": str(exc)})
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
