"""Telegram's limits shared by every instance: two webhook instances on one database send
30 replies to 6 chats, each chat's updates posted alternately to both. Every chat keeps to
its limit and the bot as a whole to its own, although neither instance knows the other's
sends: the pacing state is in the database (`bot.storage.pacing`)."""

from __future__ import annotations

import asyncio
import itertools

import aiohttp
from pydantic import SecretStr

from bot.config import Config
from tests.telegram.conftest import serve
from tests.telegram.fakeapi import TOKEN, Call, FakeBotAPI
from tests.telegram.instances import free_port

SECRET = "pace-Secret_1"
USERS, EACH = 6, 5
BOT_RATE, CHAT_RATE, CHAT_BURST = 10.0, 2.0, 2
SLACK_S = 0.15
"""Sends reach the fake API a little after their slot, some later than others."""


def most_in_any_window(times: list[float], rate: float, burst: int) -> list[str]:
    """Windows [t_i, t_j] holding more sends than `burst + rate * width` allows."""
    times = sorted(times)
    over = []
    for i, j in itertools.combinations(range(len(times)), 2):
        width = times[j] - times[i] + SLACK_S
        if j - i + 1 > burst + rate * width:
            over.append(f"{j - i + 1} sends in {width:.3f} s")
    return over


def update(update_id: int, user: int) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "T", "language_code": "en"},
            "text": "/privacy",
            "entities": [{"type": "bot_command", "offset": 0, "length": 8}],
        },
    }


async def test_two_instances_share_the_chat_and_bot_limits(
    api: FakeBotAPI, config: Config, database: str
) -> None:
    paced = config.model_copy(
        update={
            "database": database,
            "send_rate": BOT_RATE,
            "chat_rate": CHAT_RATE,
            "chat_burst": CHAT_BURST,
            "webhook_secret": SecretStr(SECRET),
        }
    )
    instances = [
        paced.model_copy(update={"webhook_listen": f"127.0.0.1:{free_port()}"}) for _ in range(2)
    ]
    stop = asyncio.Event()
    urls = [f"http://{c.webhook_listen}/hook" for c in instances]
    tasks = [
        asyncio.create_task(serve(c, TOKEN, webhook_url=url, stop=stop))
        for c, url in zip(instances, urls, strict=True)
    ]
    try:
        await api.wait_for(lambda: sum(c.method == "setWebhook" for c in api.calls) == 2)
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with aiohttp.ClientSession() as http:

            async def post(number: int, user: int) -> None:
                async with http.post(
                    urls[number % 2], json=update(number, user), headers=headers
                ) as r:
                    assert r.status == 200

            posts = [post(n, 100 + n % USERS) for n in range(1, USERS * EACH + 1)]
            await asyncio.gather(*posts)
        await api.wait_for(lambda: len(api.sent()) == USERS * EACH, within=20)
    finally:
        stop.set()
        await asyncio.gather(*tasks)
    sent: list[Call] = api.sent()
    for user in range(100, 100 + USERS):
        mine = [c.at for c in sent if c.params["chat_id"] == user]
        assert len(mine) == EACH
        assert not most_in_any_window(mine, CHAT_RATE, CHAT_BURST), (user, mine)
    times = [c.at for c in sent]
    assert not most_in_any_window(times, BOT_RATE, round(BOT_RATE))
    assert max(times) - min(times) >= (len(times) - BOT_RATE) / BOT_RATE - SLACK_S, "paced"
