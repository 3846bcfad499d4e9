"""Run the real bot (the `rolebot run` code path) against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.config import Config
from tests.telegram.fakeapi import TOKEN, FakeBotAPI

ROOT = Path(__file__).resolve().parents[2]
ADMIN = 1000


@pytest.fixture(autouse=True)
def _no_tls_grace_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """aiogram's session sleeps 250 ms after closing, for TLS connections to shut down; the
    fake Bot API speaks plain HTTP on 127.0.0.1, so bots in these tests close without it
    (every stop and restart paid it: seconds over the suite). Processes keep the real one."""
    from aiogram.client.session.aiohttp import AiohttpSession

    async def close(self: AiohttpSession) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    monkeypatch.setattr(AiohttpSession, "close", close)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    server = FakeBotAPI()
    await server.start()
    yield server
    await server.stop()


SHIPPED = ("atm-withdrawal", "contact-support")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of two shipped scenarios, so a test may edit them (e.g. /reload)."""
    folder = tmp_path / "content"
    (folder / "scenarios").mkdir(parents=True)
    for scenario in SHIPPED:
        shutil.copy(ROOT / "scenarios" / f"{scenario}.yaml", folder / "scenarios")
    for locale in ("ru", "en"):
        (folder / "locales" / locale).mkdir(parents=True)
        for name in ("bot", *SHIPPED):
            shutil.copy(ROOT / "locales" / locale / f"{name}.ftl", folder / "locales" / locale)
    return folder


@pytest.fixture
def framework() -> str:
    """The Telegram library the bot runs on; test_e2e.py runs its tests on both."""
    return "aiogram"


@pytest.fixture
def config(tmp_path: Path, api: FakeBotAPI, content: Path, framework: str) -> Config:
    return Config(
        framework=framework,
        database=tmp_path / "bot.sqlite3",
        scenarios_dir=content / "scenarios",
        locales_dir=content / "locales",
        api_base=api.url,
        admins=[ADMIN],
        support_contact="@help_desk",
        bot_token=SecretStr(TOKEN),
        send_rate=0,  # the fake Bot API has no limits; tests/telegram/test_pacing.py has them
    )


def serve(config: Config, token: str, **options: Any) -> Coroutine[Any, Any, None]:
    """`rolebot run` on the configured framework."""
    if config.framework == "ptb":
        from bot.ptb.app import serve as serve_ptb

        return serve_ptb(config, token, **options)
    from bot.telegram.runner import serve as serve_aiogram

    return serve_aiogram(config, token, **options)


@dataclass
class RunningBot:
    config: Config
    api: FakeBotAPI
    task: asyncio.Task[None] | None = None
    stopping: asyncio.Event | None = None

    async def start(self) -> None:
        self.stopping = asyncio.Event()
        polls = sum(c.method == "getUpdates" for c in self.api.calls)
        self.task = asyncio.create_task(serve(self.config, TOKEN, stop=self.stopping))
        await self.api.wait_for(
            lambda: (
                sum(c.method == "getUpdates" for c in self.api.calls) > polls
                or (self.task is not None and self.task.done())
            )
        )
        if self.task.done():
            self.task.result()

    async def stop(self) -> None:
        if self.task is None or self.stopping is None:
            return
        self.stopping.set()
        await asyncio.wait_for(self.task, timeout=15)
        self.task = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()


@pytest.fixture
async def bot(config: Config, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = RunningBot(config, api)
    await running.start()
    yield running
    with contextlib.suppress(Exception):
        await running.stop()
