"""What the webhook server spends on every update besides the update itself: no access-log
line per request, and no full garbage collection walking what start-up built (both measured
in benchmarks.webhook, docs/performance.md)."""

from __future__ import annotations

import asyncio
import gc
import logging
import socket

import aiohttp
import pytest
from pydantic import SecretStr

from bot.config import Config
from tests.telegram.conftest import serve
from tests.telegram.fakeapi import TOKEN, FakeBotAPI

SECRET = "overhead-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_webhook_logs_no_line_per_request_and_freezes_startup_heap(
    api: FakeBotAPI, config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    hook = config.model_copy(
        update={"webhook_secret": SecretStr(SECRET), "webhook_listen": f"127.0.0.1:{free_port()}"}
    )
    url = f"http://{hook.webhook_listen}/hook"
    stop = asyncio.Event()
    task = asyncio.create_task(serve(hook, TOKEN, webhook_url=url, stop=stop))
    try:
        await api.wait_for(lambda: any(c.method == "setWebhook" for c in api.calls), within=30)
        assert gc.get_freeze_count() > 0, "what start-up built is exempt from full collections"
        message = {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 7, "type": "private"},
            "from": {"id": 7, "is_bot": False, "first_name": "T"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
        async with aiohttp.ClientSession() as http:
            for update_id in (1, 2):
                async with http.post(
                    url,
                    json={"update_id": update_id, "message": message},
                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                ) as response:
                    assert response.status == 200
        assert api.sent(7)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
    assert gc.get_freeze_count() == 0, "collectable again once the bot stopped"
    served = [
        r for r in caplog.records if r.name == "aiohttp.access" and "/hook" in r.getMessage()
    ]
    assert not served  # (the fake Bot API in this process keeps its own access log)
