"""Resident memory per known user: state lives in SQLite, not in the process.

N distinct users each open a scenario and answer once through the real BotApp (progress
and events committed); the process's resident memory is read before and after, beside a
bare aiogram bot fed the same updates.

Run: python -m benchmarks.memory [--users N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import tempfile
from pathlib import Path

from benchmarks.harness import TOKEN, Chat, NullSession, rolebot, rss_kb
from benchmarks.throughput import bare_dispatcher


async def measure(users: int, folder: Path) -> tuple[int, int, int]:
    """RSS growth (KiB) for rolebot and for the bare bot, and the number of updates."""
    ids = itertools.count(1)
    async with rolebot(folder) as (app, session):
        warm = [Chat(1 + i, "atm-withdrawal", session) for i in range(min(users, 200))]
        for chat in warm:  # warm every code path before the first reading
            for _ in range(2):
                update = chat.next_update(next(ids))
                assert update is not None
                await app.process(update)
        gc.collect()
        before = rss_kb()
        for index in range(users):
            chat = Chat(1_000_000 + index, "contact-support", session)
            for _ in range(2):  # open the topic, then press its first button
                update = chat.next_update(next(ids))
                assert update is not None
                await app.process(update)
            # The simulated phone's memory, not ours.
            session.keyboards.pop(chat.user_id, None)
            session.keyboard_messages.pop(chat.user_id, None)
        gc.collect()
        ours = rss_kb() - before
        known = await app.storage.users_by_source()
        assert sum(known.values()) >= users
    dispatcher = bare_dispatcher()
    from aiogram import Bot

    null = NullSession()
    bot = Bot(TOKEN, session=null)
    for index in range(min(users, 200)):
        update = Chat(1 + index, "atm-withdrawal", null).next_update(next(ids))
        assert update is not None
        await dispatcher.feed_update(bot, update)
    gc.collect()
    before = rss_kb()
    for index in range(users):
        chat = Chat(2_000_000 + index, "contact-support", null)
        for _ in range(2):
            update = chat.next_update(next(ids))
            if update is not None:
                await dispatcher.feed_update(bot, update)
        null.keyboards.pop(chat.user_id, None)
        null.keyboard_messages.pop(chat.user_id, None)
    gc.collect()
    bare = rss_kb() - before
    return ours, bare, users * 2


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="memory per known user")
    parser.add_argument("--users", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        ours, bare, count = asyncio.run(measure(args.users, Path(folder)))
    print(f"memory: {args.users} users with progress, {count} updates processed")
    print(f"  bare aiogram bot   RSS growth {bare:8d} KiB  {bare * 1024 / args.users:7.1f} B/user")
    print(f"  rolebot            RSS growth {ours:8d} KiB  {ours * 1024 / args.users:7.1f} B/user")
    if bare > 0:
        print(
            f"  ratio rolebot / bare per user {ours / bare:5.2f}"
            "  (issue 17, target 6: <= 1.1; and < 1 KB per user)"
        )
    else:
        print("  target: <= 1.1 x bare aiogram per user (bare grew by nothing measurable here)")


if __name__ == "__main__":
    main()
