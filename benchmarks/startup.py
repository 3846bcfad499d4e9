"""Process start to the first getUpdates, with 100 scenarios loaded, beside a bare aiogram bot.

Both run as real processes against the tests' fake Bot API on 127.0.0.1. rolebot is
measured with a cold parse cache (first start after the files changed) and a warm one.

Run: python -m benchmarks.startup [--scenarios N] [--repeat R] [--together] [--skip-warm]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import ROOT
from tests.telegram.fakeapi import TOKEN, FakeBotAPI

BARE_BOT = """
import asyncio, sys
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
session = AiohttpSession(api=TelegramAPIServer.from_base(sys.argv[1]))
bot = Bot(sys.argv[2], session=session)
dp = Dispatcher()
@dp.message()
async def echo(message):
    await message.answer("hi")
asyncio.run(dp.start_polling(bot, handle_signals=True))
"""


def make_library(folder: Path, count: int) -> None:
    """`count` scenarios: the shipped ones copied under new ids (the texts stay the same)."""
    shipped = sorted((ROOT / "scenarios").glob("*.yaml"))
    (folder / "scenarios").mkdir(parents=True)
    for locale in ("ru", "en"):
        (folder / "locales" / locale).mkdir(parents=True)
        shutil.copy(ROOT / "locales" / locale / "bot.ftl", folder / "locales" / locale)
    for index in range(count):
        source = shipped[index % len(shipped)]
        new_id = f"{source.stem[:20]}-{index}"
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
        (folder / "scenarios" / f"{new_id}.yaml").write_text(text, encoding="utf-8")
        for locale in ("ru", "en"):
            shutil.copy(
                ROOT / "locales" / locale / f"{source.stem}.ftl",
                folder / "locales" / locale / f"{new_id}.ftl",
            )


async def time_to_first_poll(api: FakeBotAPI, command: list[str], env: dict[str, str]) -> float:
    polls = sum(c.method == "getUpdates" for c in api.calls)
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    polling = asyncio.ensure_future(
        api.wait_for(lambda: sum(c.method == "getUpdates" for c in api.calls) > polls, 120)
    )
    exited = asyncio.ensure_future(process.wait())
    try:
        await asyncio.wait({polling, exited}, return_when=asyncio.FIRST_COMPLETED)
        if not polling.done():
            raise RuntimeError(f"{command[1:3]} exited with {process.returncode} before polling")
        polling.result()
        return time.perf_counter() - started
    finally:
        polling.cancel()
        exited.cancel()
        if process.returncode is None:
            process.terminate()
        await asyncio.wait_for(process.wait(), timeout=30)


async def main_async(
    count: int, repeat: int, together: bool = False, skip_warm: bool = False
) -> None:
    # One server each: started together, each bot's first poll must be told apart.
    bare_api, api = FakeBotAPI(), FakeBotAPI()
    await bare_api.start()
    await api.start()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_library(folder, count)
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(folder),
            "BOT_TOKEN": TOKEN,
            "ROLEBOT_API_BASE": api.url,
            "ROLEBOT_DATABASE": str(folder / "bot.sqlite3"),
            "ROLEBOT_SCENARIOS_DIR": str(folder / "scenarios"),
            "ROLEBOT_LOCALES_DIR": str(folder / "locales"),
            "ROLEBOT_CACHE_DIR": str(folder / "cache"),
        }
        bare, cold, warm = [], [], []
        for _ in range(repeat):
            shutil.rmtree(folder / "cache", ignore_errors=True)
            rolebot = [sys.executable, "-m", "bot", "run"]
            bare_start = time_to_first_poll(
                bare_api, [sys.executable, "-c", BARE_BOT, bare_api.url, TOKEN], env
            )
            if together:
                bare_s, cold_s = await asyncio.gather(
                    bare_start, time_to_first_poll(api, rolebot, env)
                )
            else:
                bare_s = await bare_start
                cold_s = await time_to_first_poll(api, rolebot, env)
            bare.append(bare_s)
            cold.append(cold_s)
            if not skip_warm:
                warm.append(await time_to_first_poll(api, rolebot, env))
    await api.stop()
    await bare_api.stop()
    base = statistics.median(bare)
    print(f"startup: process start to first getUpdates, {count} scenarios, median of {repeat}")
    if together:
        print("  (bare and cold started together: a smoke run, the figures do not compare)")
    for name, samples in (
        ("bare aiogram bot", bare),
        ("rolebot, cold cache", cold),
        ("rolebot, warm cache", warm),
    ):
        if not samples:
            print(f"  {name:22} skipped (--skip-warm)")
            continue
        median = statistics.median(samples)
        print(f"  {name:22} {median:6.2f} s   ratio {median / base:5.2f}")
    print("  target (issue 17, target 3): rolebot <= 1.1 x the bare aiogram bot")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="startup time with many scenarios")
    parser.add_argument("--scenarios", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--together",
        action="store_true",
        help="start the bare bot beside rolebot's cold start (quicker; figures do not compare)",
    )
    parser.add_argument(
        "--skip-warm",
        action="store_true",
        help="no start with a warm parse cache: the cold start's run again (a smoke run)",
    )
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.scenarios, args.repeat, args.together, args.skip_warm))


if __name__ == "__main__":
    main()
