"""Throughput and latency of the whole bot against a bare aiogram bot, side by side.

rolebot: aiogram Dispatcher.feed_update -> handlers -> engine -> one SQLite commit per update
(on a file, WAL) -> replies, through an in-process Bot API session (benchmarks/harness.py).
bare: a Dispatcher whose only handler sends one message with a keyboard, through the same
session, fed the very same updates.

Run: python -m benchmarks.throughput [--users N] [--latency-users N] [--seconds S]
     [--rounds R]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)

from benchmarks.harness import (
    TOKEN,
    Chat,
    NullSession,
    rolebot,
    shipped_library,
    walk_to_the_end,
)
from benchmarks.timing import now, percentile


def scenario_ids() -> list[str]:
    return sorted(shipped_library().scenarios)


async def walk_rolebot(users: int, folder: Path) -> tuple[list[list[dict[str, Any]]], float, int]:
    """Every user walks a scenario to the end, users concurrently; returns the updates each
    user sent, as JSON (for the baseline), the bot's elapsed time and the number of updates.

    Each update goes in as Telegram's JSON through `process_raw`, the path polling takes
    (reading it into aiogram's `Update` is timed, as it is for the baseline); the simulated
    users' choosing is not the bot's work and is taken off the elapsed time."""
    scenarios = scenario_ids()
    async with rolebot(folder) as (app, session):
        chats = [Chat(10_000 + i, scenarios[i % len(scenarios)], session) for i in range(users)]
        elapsed, sent = await walk_to_the_end(chats, app.process_raw)
    return sent, elapsed, sum(len(u) for u in sent)


def bare_dispatcher(same_calls: bool = False) -> Dispatcher:
    """The baseline bot. `same_calls`: make the Bot API calls rolebot makes for a button
    (answer the query, close the pressed message, send feedback with the next step), so the
    ratio isolates rolebot's own work: engine, SQLite, translations."""
    dispatcher = Dispatcher()
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=f"Option {i}", callback_data=f"a:s:1:step:o{i}")]
            for i in range(4)
        ]
    )

    @dispatcher.callback_query()
    async def pressed(query: CallbackQuery, bot: Bot) -> None:
        chat = query.from_user.id
        if same_calls:
            await bot.answer_callback_query(query.id)
            await bot.edit_message_text("A question?\n\n→ Option 1", chat_id=chat, message_id=1)
            text = "Right: because...\n\nStep 2 of 9\n\nA question?"
            await bot.send_message(chat, text, reply_markup=keyboard)
            return
        await bot.send_message(chat, "Step 2 of 9\n\nA question?", reply_markup=keyboard)

    @dispatcher.message()
    async def typed(message: Message, bot: Bot) -> None:
        await bot.send_message(
            message.chat.id, "Step 2 of 9\n\nA question?", reply_markup=keyboard
        )

    return dispatcher


async def walk_bare(per_user: list[list[dict[str, Any]]], same_calls: bool = False) -> float:
    """The same updates, each read from JSON into aiogram's `Update` (bound to the bot, as
    aiogram's polling reads them) and fed to the baseline's dispatcher."""
    dispatcher = bare_dispatcher(same_calls)
    bot = Bot(TOKEN, session=NullSession())

    async def walk(updates: list[dict[str, Any]]) -> None:
        for raw in updates:
            await dispatcher.feed_update(bot, Update.model_validate(raw, context={"bot": bot}))

    started = now()
    await asyncio.gather(*(walk(u) for u in per_user))
    return now() - started


async def latency(users: int, seconds: float, folder: Path, seed: int = 7) -> dict[str, float]:
    """`users` people active at once, each pressing a button every 0.5-3.5 s (think time),
    for `seconds`; handling time measured per update."""
    rng = random.Random(seed)
    ids = itertools.count(1)
    scenarios = scenario_ids()
    samples: list[float] = []
    async with rolebot(folder) as (app, session):
        deadline = now() + seconds

        async def think(seconds: float) -> None:
            # Nobody presses after the deadline, so nobody needs to finish thinking either.
            await asyncio.sleep(max(0.0, min(seconds, deadline - now())))

        async def person(index: int) -> None:
            chat = Chat(50_000 + index, scenarios[index % len(scenarios)], session)
            await think(rng.uniform(0, 2.0))
            while True:  # everyone presses once at least, however short the run
                raw = chat.next_raw(next(ids))
                if raw is None:
                    chat = Chat(chat.user_id, scenarios[rng.randrange(len(scenarios))], session)
                    continue
                started = now()
                await app.process_raw(raw)  # from Telegram's JSON, as polling does
                samples.append(now() - started)
                await think(rng.uniform(0.5, 3.5))
                if now() >= deadline:
                    return

        await asyncio.gather(*(person(i) for i in range(users)))
    return {
        "updates": len(samples),
        "rate": len(samples) / seconds,
        "p50": percentile(samples, 0.5),
        "p99": percentile(samples, 0.99),
        "max": max(samples, default=0.0),
    }


async def main_async(users: int, latency_users: int, seconds: float, rounds: int = 3) -> None:
    with tempfile.TemporaryDirectory() as folder:
        rates: dict[str, list[float]] = defaultdict(list)
        count = 0
        for round_ in range(rounds):  # interleaved rounds; the best of each counts
            updates, ours, count = await walk_rolebot(users, Path(folder) / str(round_))
            rates["rolebot"].append(count / ours)
            rates["bare"].append(count / await walk_bare(updates))
            rates["same"].append(count / await walk_bare(updates, same_calls=True))
        ours_rate, bare_rate, same_rate = (max(rates[k]) for k in ("rolebot", "bare", "same"))
        print(f"throughput: {users} users walking scenarios concurrently, {count} updates")
        print(f"  bare aiogram, 1 send per update      {bare_rate:7.0f} updates/s")
        print(f"  bare aiogram, rolebot's 3 API calls  {same_rate:7.0f} updates/s")
        print(f"  rolebot (engine + SQLite commit)     {ours_rate:7.0f} updates/s")
        print(f"  ratio rolebot / bare, 1 send         {ours_rate / bare_rate:7.2f}")
        print(
            f"  ratio rolebot / bare, same API calls {ours_rate / same_rate:7.2f}"
            "  (issue 17, target 1: >= 0.5, on the way to 0.8)"
        )
        result = await latency(latency_users, seconds, Path(folder) / "c")
        print(
            f"latency: {latency_users} concurrent users for {seconds:g} s, "
            f"{result['updates']:.0f} updates ({result['rate']:.0f}/s)"
        )
        print(
            f"  p50 {result['p50'] * 1000:6.2f} ms   p99 {result['p99'] * 1000:6.2f} ms   "
            f"max {result['max'] * 1000:6.2f} ms   (issue 17, target 6: p99 < 5 ms)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--latency-users", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds (best counts)")
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.users, args.latency_users, args.seconds, args.rounds))


if __name__ == "__main__":
    main()
