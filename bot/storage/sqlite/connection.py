"""Opening the SQLite file: WAL, synchronous=NORMAL, secure_delete, explicit transactions."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)


def connect(path: Path | str, *, autocheckpoint: bool = True) -> sqlite_utils.Database:
    """`open_connection` wrapped for sqlite-utils (tests and tools; imported only then, it
    takes some 40 ms)."""
    import sqlite_utils

    return sqlite_utils.Database(open_connection(path, autocheckpoint=autocheckpoint))


def open_connection(path: Path | str, *, autocheckpoint: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) the database at `path`; ":memory:" works for tests.

    WAL lets readers (stats, exports) run while the bot writes; synchronous=NORMAL in WAL mode
    keeps every commit atomic and durable against a process crash (kill -9) and costs no
    fsync per commit; only an operating-system crash may lose the last commits.
    secure_delete overwrites deleted rows, so a forgotten user's id is not left readable in
    free pages. Transactions are explicit (`isolation_level=None`): every write path says
    where its transaction begins and ends.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
    _enter_wal(conn)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA secure_delete=ON")
    if not autocheckpoint:
        conn.execute("PRAGMA wal_autocheckpoint=0")
    return conn


def _enter_wal(conn: sqlite3.Connection, *, within: float = 30.0) -> None:
    """Switch a fresh file to WAL (a no-op once it is WAL: the mode is stored in the file).

    Two processes opening a new file at once can both hold a shared lock while each asks for
    the exclusive one the switch needs; SQLite answers one of them "database is locked" at
    once, without waiting in the busy handler (waiting could deadlock). The other one
    finishes the switch within milliseconds, so retrying for a bounded time is correct.
    """
    deadline = time.monotonic() + within
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def connect_readonly(path: Path | str) -> sqlite3.Connection:
    """A second connection that can only read, for reports while the bot writes."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


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
