"""Updates per second through the real polling loop and HTTP, against the tests' fake Bot API
on 127.0.0.1, beside aiogram's own polling bot with a one-message handler.

Simulated users each wait for the bot's reply before pressing the next button, as people do.

Run: python -m benchmarks.http [--users N] [--steps S]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup
from pydantic import SecretStr

from benchmarks.harness import ROOT, shipped_library
from bot.config import Config
from bot.core import actions
from bot.telegram.runner import serve
from tests.telegram.fakeapi import TOKEN, FakeBotAPI


def replied(api: FakeBotAPI, user: int, before: int) -> Callable[[], bool]:
    return lambda: len(api.sent(user)) > before


async def drive(api: FakeBotAPI, users: int, steps: int, first: str) -> tuple[int, float]:
    """Every user presses `steps` buttons, each after the previous reply arrived."""

    async def person(user: int) -> int:
        done = 0
        await api.press(user, first)
        await api.wait_for(lambda: len(api.sent(user)) >= 1, within=60)
        for _ in range(steps - 1):
            choices = [
                d
                for _, d in api.last_buttons(user)
                if isinstance(actions.decode(d), actions.Answer | actions.Next)
            ]
            if not choices:
                break
            await api.press(user, choices[0])
            await api.wait_for(replied(api, user, len(api.sent(user))), within=60)
            done += 1
        return done + 1

    started = time.perf_counter()
    counts = await asyncio.gather(*(person(10_000 + i) for i in range(users)))
    return sum(counts), time.perf_counter() - started


async def run_rolebot(users: int, steps: int, folder: Path) -> tuple[int, float]:
    api = FakeBotAPI()
    await api.start()
    config = Config(
        database=folder / "http.sqlite3",
        scenarios_dir=ROOT / "scenarios",
        locales_dir=ROOT / "locales",
        api_base=api.url,
        bot_token=SecretStr(TOKEN),
        cache_dir=None,
        send_rate=0,  # the fake Bot API has no limits to keep
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(config, TOKEN, stop=stop, library=shipped_library()))
    await api.wait_for(lambda: any(c.method == "getUpdates" for c in api.calls), within=60)
    try:
        return await drive(api, users, steps, actions.encode(actions.Open("atm-withdrawal")))
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=60)
        await api.stop()


async def run_bare(users: int, steps: int) -> tuple[int, float]:
    api = FakeBotAPI()
    await api.start()
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api.url)))
    dispatcher = Dispatcher()
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Next", callback_data="n:s:1:step")]]
    )

    @dispatcher.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        await bot.send_message(query.from_user.id, "Step\n\nText", reply_markup=keyboard)

    task = asyncio.create_task(dispatcher.start_polling(bot, handle_signals=False))
    await api.wait_for(lambda: any(c.method == "getUpdates" for c in api.calls), within=60)
    try:
        return await drive(api, users, steps, "n:s:1:step")
    finally:
        await dispatcher.stop_polling()
        await asyncio.wait_for(task, timeout=60)
        await bot.session.close()
        await api.stop()


async def main_async(users: int, steps: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bare_count, bare_time = await run_bare(users, steps)
        ours_count, ours_time = await run_rolebot(users, steps, Path(folder))
    bare_rate, ours_rate = bare_count / bare_time, ours_count / ours_time
    print(f"over HTTP: real polling loop, fake Bot API on 127.0.0.1, {users} users")
    print(f"  aiogram start_polling, 1 send   {bare_rate:7.0f} updates/s ({bare_count} updates)")
    print(f"  rolebot run (polling)           {ours_rate:7.0f} updates/s ({ours_count} updates)")
    print(f"  ratio                           {ours_rate / bare_rate:7.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="updates per second over HTTP")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--steps", type=int, default=8)
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.users, args.steps))


if __name__ == "__main__":
    main()
