"""A small simulated database shared by the analytics tests (read-only: copy it to change it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analytics.simulate import simulate
from bot.core.loader import Library
from bot.storage import Store, open_database

SIM_END = 1_780_000_000_000
"""2026-05-28 20:26:40 UTC: the simulated period ends here."""


@pytest.fixture(scope="session")
def simulated(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    path = tmp_path_factory.mktemp("sim") / "simulated.sqlite3"
    store = Store(open_database(path))
    simulate(library, store, users=400, days=20, seed=3, end_ms=SIM_END)
    store.db.execute("pragma wal_checkpoint(TRUNCATE)")
    store.db.close()
    return path
