"""Opening the SQLite file: several processes or instances starting on a new file at once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from bot.storage.sqlite.connection import open_connection

ROUNDS = 60
OPENERS = 4


def open_together(path: Path) -> tuple[list[str], list[sqlite3.Error]]:
    """Open `path` from OPENERS threads released at the same moment; each one's journal mode
    or error."""
    start = threading.Barrier(OPENERS)
    modes: list[str] = []
    errors: list[sqlite3.Error] = []

    def open_one() -> None:
        start.wait()
        try:
            conn = open_connection(path)
        except sqlite3.Error as exc:
            errors.append(exc)
            return
        modes.append(conn.execute("PRAGMA journal_mode").fetchone()[0])
        conn.close()

    threads = [threading.Thread(target=open_one) for _ in range(OPENERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return modes, errors


def test_instances_opening_a_new_file_at_once_all_get_wal(tmp_path: Path) -> None:
    """Two connections switching a new file to WAL at the same moment can deadlock on the
    lock upgrade, and SQLite answers one of them "database is locked" without waiting. CI
    hit this when two webhook instances started together; unguarded, about one round in
    ten fails here."""
    for round_ in range(ROUNDS):
        modes, errors = open_together(tmp_path / f"{round_}.db")
        assert not errors, f"round {round_}: {errors}"
        assert modes == ["wal"] * OPENERS
