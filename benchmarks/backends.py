"""Per-update cost on PostgreSQL beside SQLite: the same learners, in the same run.

service: the conversation service driven directly (a unit of work per input: claim, user,
progress, engine, progress/events/analytics rows), no Telegram.
direct / outbox: the service, then its replies rendered and sent to a sender that does
nothing: "direct" sends them after the commit from memory (rolebot before the durable
outbox); "outbox" writes them in the input's transaction, claims them, sends and deletes
them (`bot.botapi.courier`). The difference is what the outbox adds to every update.
bot: the whole bot (aiogram Dispatcher, handlers, service, storage, replies rendered and
sent) on the in-process Bot API session of benchmarks/harness.py.

Each twice: one learner at a time (what one update costs end to end) and many learners at
once (updates per second from one process: PostgreSQL overlaps units on its pool of
connections, SQLite commits one at a time on the event loop).

The PostgreSQL database is EMPTIED first: give one that may be (--postgres URL, else
ROLEBOT_TEST_POSTGRES); without one only SQLite runs.

Run: python -m benchmarks.backends [--users N] [--together N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Literal

from benchmarks.harness import Chat, rolebot, shipped_library
from benchmarks.timing import now, percentile
from bot.core import actions
from bot.service import Conversation, Press, Response, Typed, Who
from bot.storage import open_storage

MAX_INPUTS = 60
"""Per learner, a bound on a walk (every shipped scenario ends well before)."""


async def empty_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute("drop schema if exists public cascade; create schema public")
    finally:
        await conn.close()


def next_input(response: Response, turn: int) -> Press | Typed | None:
    """What the harness's simulated users do: press an answer or Next, type at a text step,
    stop at the rating."""
    buttons = [b.action for r in response.replies[-1:] for row in r.buttons for b in row]
    if any(isinstance(a, actions.Rate) for a in buttons):
        return None
    choices = [a for a in buttons if isinstance(a, actions.Answer | actions.Next)]
    if not choices:
        return Typed(120)
    return Press(choices[turn % len(choices)])


Timed = Callable[[int, Iterator[int], list[float]], Awaitable[None]]
"""Walk one learner (their number, update ids), adding each update's time to the list."""


class NullSender:
    """Accepts every message at once (the Bot API's cost is not ours)."""

    async def send(self, chat_id: int, reply: object, *, on_wait: object = None) -> int:
        return 1


Mode = Literal["service", "direct", "outbox"]
"""service: `Conversation.handle` alone. direct: then the replies rendered and sent from
memory. outbox: the replies queued in the input's transaction, then sent and deleted."""


async def walker(database: str, mode: Mode) -> tuple[Timed, Callable[[], Awaitable[None]]]:
    from bot.botapi.courier import Courier, Settings
    from bot.botapi.envelope import sealed
    from bot.config import Config
    from bot.service import Mail
    from bot.service.texts import translator_for

    storage = open_storage(database)
    library = shipped_library()
    service = Conversation(library, storage)
    translator = translator_for(Config(), library)
    sender = NullSender()

    async def blocked(chat_id: int) -> None:
        return None

    courier = Courier(storage, sender, blocked, Settings(pace=None))
    scenarios = sorted(library.scenarios)
    compose = partial(sealed, translator)

    async def apply(user: int, inp: Press | Typed, update_id: int) -> Response:
        who = Who(f"tg:{user}", "ru")
        if mode == "outbox":
            claim = courier.claim()
            mail = Mail(user, compose, claim)
            response = await service.handle(who, inp, update_id=update_id, mail=mail)
            await courier.deliver(user, claim, response.outgoing)
            return response
        response = await service.handle(who, inp, update_id=update_id)
        if mode == "direct":
            for reply in response.replies:
                await sender.send(user, translator.reply(reply, response.locale))
        return response

    async def walk(user: int, ids: Iterator[int], times: list[float]) -> None:
        inp: Press | Typed | None = Press(actions.Open(scenarios[user % len(scenarios)]))
        for turn in range(MAX_INPUTS):
            if inp is None:
                return
            started = now()
            response = await apply(user, inp, next(ids))
            times.append(now() - started)
            inp = next_input(response, turn)

    return walk, storage.close


async def walker_figures(
    database: str, users: int, together: int, mode: Mode
) -> tuple[float, ...]:
    walk, close = await walker(database, mode)
    try:
        await walk(1, itertools.count(1), [])  # warm-up: the pool, the statement caches
        return await measure(walk, 1_000, users, together)
    finally:
        await close()


async def measure(walk: Timed, first_user: int, users: int, together: int) -> tuple[float, ...]:
    """(p50 µs, p99 µs) one learner at a time, then updates/s with `together` at once."""
    ids = itertools.count(first_user * 100)
    alone: list[float] = []
    for user in range(first_user, first_user + users):
        await walk(user, ids, alone)
    crowd: list[float] = []
    room = asyncio.Semaphore(together)

    async def one(user: int) -> None:
        async with room:
            await walk(user, ids, crowd)

    started = now()
    await asyncio.gather(*(one(u) for u in range(first_user + users, first_user + 2 * users)))
    elapsed = now() - started
    return percentile(alone, 0.5) * 1e6, percentile(alone, 0.99) * 1e6, len(crowd) / elapsed


async def bot_figures(
    folder: Path, database: str | None, users: int, together: int
) -> tuple[float, ...]:
    scenarios = sorted(shipped_library().scenarios)
    async with rolebot(folder, database) as (app, session):

        async def walk(user: int, ids: Iterator[int], times: list[float]) -> None:
            chat = Chat(user, scenarios[user % len(scenarios)], session)
            for _ in range(MAX_INPUTS):
                update = chat.next_update(next(ids))
                if update is None:
                    return
                started = now()
                await app.process(update)
                times.append(now() - started)

        await walk(1, itertools.count(1), [])
        return await measure(walk, 10_000, users, together)


async def main_async(users: int, together: int, postgres: str) -> None:
    rows: dict[str, dict[str, tuple[float, ...]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        backends = {"SQLite": ""}
        if postgres:
            backends["PostgreSQL"] = postgres
        for name, url in backends.items():
            if url:
                await empty_postgres(url)
            database = url or str(Path(folder) / f"service-{name}.sqlite3")
            figures = await walker_figures(database, users, together, "service")
            rows.setdefault("service", {})[name] = figures
            for mode in ("direct", "outbox"):
                if url:
                    await empty_postgres(url)
                else:
                    database = str(Path(folder) / f"{mode}-{name}.sqlite3")
                figures = await walker_figures(database, users, together, mode)
                rows.setdefault(mode, {})[name] = figures
            if url:
                await empty_postgres(url)
            sub = Path(folder) / name
            sub.mkdir()
            rows.setdefault("bot", {})[name] = await bot_figures(sub, url or None, users, together)
    load = os.getloadavg()[0]
    print(f"backends: {users} learners one at a time, then {users} more, {together} at once")
    print(f"  (PostgreSQL on 127.0.0.1, SQLite file; load average {load:.1f})")
    if not postgres:
        print("  PostgreSQL skipped: give --postgres URL or ROLEBOT_TEST_POSTGRES")
    head = f"  {'':8}{'':10}{'p50 µs':>8}{'p99 µs':>9}{'updates/s':>11}{'ratio':>7}"
    print(head + "   (ratio: PostgreSQL ÷ SQLite p50; SQLite ÷ PostgreSQL updates/s)")
    for kind, found in rows.items():
        base = found["SQLite"]
        for name, (p50, p99, rate) in found.items():
            ratio = "" if name == "SQLite" else f"{p50 / base[0]:6.2f}× {base[2] / rate:5.2f}×"
            print(f"  {kind:8}{name:10}{p50:8.0f}{p99:9.0f}{rate:11.0f}  {ratio}")
    print("  the outbox's cost (outbox ÷ direct: p50, and updates/s direct ÷ outbox):")
    for name, (p50, _, rate) in rows["outbox"].items():
        d50, _, drate = rows["direct"][name]
        added = p50 - d50
        print(
            f"  {'':8}{name:10}{p50 / d50:6.2f}× {drate / rate:5.2f}×   +{added:.0f} µs per update"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="per-update cost: PostgreSQL beside SQLite")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--together", type=int, default=20)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("ROLEBOT_TEST_POSTGRES", ""),
        help="a PostgreSQL database that may be emptied (default: ROLEBOT_TEST_POSTGRES)",
    )
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.users, args.together, args.postgres))


if __name__ == "__main__":
    main()
