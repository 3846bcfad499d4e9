"""Shared fixtures: the shipped library, a store on a real SQLite file, a strict translator."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.core.loader import Library, load_library
from bot.i18n import Translator
from tests.sync_store import SyncStore
from tests.telegram.launcher import Launcher

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: Playwright drives it and never downloads a browser of its own."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # this machine's network is closed: no stray calls
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to a non-loopback address fails the test loudly."""
    original = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(address, tuple) and host not in {"127.0.0.1", "::1", "localhost"}:
            raise AssertionError(f"test tried to reach the network: {address!r}")
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the launcher of `rolebot` processes now if a test will use it: its imports take
    seconds of one core while the tests before it run on the other."""
    if any("launcher" in getattr(item, "fixturenames", ()) for item in session.items):
        Launcher.shared()


@pytest.fixture(scope="session")
def launcher() -> Iterator[Launcher]:
    """Forks `rolebot` processes that skip the seconds of imports (tests/telegram/launcher.py)."""
    shared = Launcher.shared()
    yield shared
    shared.close()


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(ROOT / "scenarios", ROOT / "locales")


@pytest.fixture(scope="session")
def translator(library: Library) -> Translator:
    return Translator(library, contact="@help_desk", strict=True)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SyncStore]:
    """The SQLite storage on a real file, driven synchronously."""
    store = SyncStore(tmp_path / "rolebot.sqlite3")
    yield store
    store.close()


POSTGRES_URL = os.environ.get("ROLEBOT_TEST_POSTGRES", "")
"""A PostgreSQL database the tests may empty at will (.ci/run creates one and sets this)."""
NO_POSTGRES = (
    "PostgreSQL tests need ROLEBOT_TEST_POSTGRES=postgresql://user@127.0.0.1/db "
    "(a database they may empty; .ci/run sets it)"
)


async def empty_postgres() -> str:
    """The test database with every table dropped; its URL."""
    import asyncpg

    conn = await asyncpg.connect(POSTGRES_URL)
    try:
        await conn.execute("drop schema if exists public cascade; create schema public")
    finally:
        await conn.close()
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgres"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The database setting of each backend: a SQLite file, or an emptied PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "rolebot.sqlite3")
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    yield await empty_postgres()
