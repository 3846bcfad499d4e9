"""A studio served on 127.0.0.1 from a thread, over a copy of the shipped scenarios."""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.storage import open_storage
from bot.studio.live import Studio
from bot.studio.serve import running
from bot.studio.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def copy_content(target: Path) -> tuple[Path, Path]:
    shutil.copytree(ROOT / "scenarios", target / "scenarios")
    shutil.copytree(ROOT / "locales", target / "locales")
    return target / "scenarios", target / "locales"


@dataclass
class Served:
    url: str
    scenarios: Path
    locales: Path
    database: Path
    studio: Studio


class StudioThread:
    """The studio's own event loop in a thread, so the sync Playwright API drives it."""

    def __init__(self, scenarios: Path, locales: Path, database: Path, token: str | None) -> None:
        self.args = (scenarios, locales, database, token)
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.served: Served | None = None
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="studio", daemon=True)

    def _run(self) -> None:
        try:
            self.loop.run_until_complete(self._main())
        except BaseException as exc:  # reported to the test by start()
            self.failure = exc
            self.ready.set()
        finally:
            self.loop.close()

    async def _main(self) -> None:
        scenarios, locales, database, token = self.args
        self.stop = asyncio.Event()
        storage = open_storage(database)
        studio = Studio(Workspace(scenarios, locales), storage, token=token)
        try:
            async with running(studio, "127.0.0.1", 0) as url:
                self.served = Served(url, scenarios, locales, database, studio)
                self.ready.set()
                await self.stop.wait()
        finally:
            await storage.close()

    def start(self) -> Served:
        self.thread.start()
        assert self.ready.wait(30), "the studio did not start"
        if self.failure is not None:
            raise self.failure
        assert self.served is not None
        return self.served

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(15)
        assert not self.thread.is_alive()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("studio")
    scenarios, locales = copy_content(root)
    server = StudioThread(scenarios, locales, root / "studio.sqlite3", None)
    try:
        yield server.start()
    finally:
        server.close()
