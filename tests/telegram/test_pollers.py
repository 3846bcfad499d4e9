"""Long polling stays single-instance: a second poller on the same token is told so clearly
(Telegram ends one of the two long polls with 409 Conflict) and neither crashes in a loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pytest

from bot.botapi.polling import PollingConflictError
from bot.config import Config
from bot.telegram.runner import serve
from tests.telegram.conftest import RunningBot
from tests.telegram.fakeapi import TOKEN, FakeBotAPI

USER = 42


def conflicts(api: FakeBotAPI) -> int:
    return sum(c.method == "getUpdates" and c.failed for c in api.calls)


@pytest.fixture
def fast(config: Config) -> Config:
    return config.model_copy(update={"retry_delay": 0.01})


async def test_two_pollers_on_one_token_log_the_conflict_and_keep_serving(
    fast: Config, api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    first, second = RunningBot(fast, api), RunningBot(fast, api)
    try:
        await first.start()
        await second.start()
        await api.wait_for(lambda: conflicts(api) >= 2)
        await api.message(USER, "/privacy")
        await api.wait_for(lambda: bool(api.sent(USER)))
        await api.settle()
        assert len(api.sent(USER)) == 1
        for bot in (first, second):
            assert bot.task is not None and not bot.task.done()
        said = [r for r in caplog.records if "another instance is polling" in r.getMessage()]
        assert said and all(r.levelno == logging.ERROR for r in said)
    finally:
        for bot in (first, second):
            with contextlib.suppress(Exception):
                await bot.stop()


async def test_a_second_poller_set_to_exit_on_conflict_stops_with_the_reason(
    fast: Config, api: FakeBotAPI
) -> None:
    first = RunningBot(fast, api)
    try:
        await first.start()
        config = fast.model_copy(update={"exit_on_conflict": True})
        with pytest.raises(PollingConflictError, match="terminated by other getUpdates"):
            await asyncio.wait_for(serve(config, TOKEN, stop=asyncio.Event()), timeout=30)
        assert first.task is not None and not first.task.done()
    finally:
        await first.stop()
