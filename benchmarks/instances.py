"""1 vs 2 vs 3 `rolebot run --webhook` processes on one PostgreSQL database, side by side.

The three processes start once (forked from one launcher, tests/telegram/launcher.py); each
round sends a fresh set of learners' updates to the first N of them, at random, each learner
waiting for the 200 before the next press as Telegram's webhook does for one chat. The fake
Bot API that receives the replies and the driver that posts the updates run in this process,
on the same cores as the instances and the database server: the CPU seconds each part used
are printed, so the figures say what this machine can show and what it cannot.

The PostgreSQL database is EMPTIED first: give one that may be (--postgres URL, else
ROLEBOT_TEST_POSTGRES).

Run: python -m benchmarks.instances [--users N] [--steps S] [--rounds R] [--postgres URL]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.backends import empty_postgres
from benchmarks.harness import ROOT
from benchmarks.timing import now, percentile
from bot.core import actions
from tests.telegram.fakeapi import FakeBotAPI
from tests.telegram.instances import Cluster, Poster

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_cpu() -> float:
    """CPU seconds of every PostgreSQL server process on this machine (all its sessions)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                name = (entry / "comm").read_text().strip()
            except OSError:
                continue
            if name.startswith("postgres"):
                total += cpu_seconds(int(entry.name))
    return total


@dataclass
class Round:
    instances: int
    updates: int
    seconds: float
    latencies: list[float]
    cpu: dict[str, float]


async def drive(
    api: FakeBotAPI,
    poster: Poster,
    instances: int,
    users: range,
    steps: int,
    ids: Iterator[int],
) -> Round:
    rng = random.Random(instances)
    latencies: list[float] = []

    def press(user: int, message: dict[str, Any] | None, data: str) -> dict[str, Any]:
        sender = {"id": user, "is_bot": False, "first_name": "L", "language_code": "ru"}
        shown = message or {"message_id": 1, "date": 0, "chat": {"id": user, "type": "private"}}
        uid = next(ids)
        query = {"id": f"q{uid}", "from": sender, "chat_instance": "1", "message": shown}
        return {"update_id": uid, "callback_query": {**query, "data": data}}

    def latest(user: int) -> dict[str, Any] | None:
        for message in reversed(api.messages.values()):
            if message["chat"]["id"] == user:
                return message
        return None

    async def learner(user: int) -> None:
        update = press(user, None, actions.encode(actions.Open("atm-withdrawal")))
        for _ in range(steps):
            started = now()
            await poster.post(update, rng.randrange(instances))
            latencies.append(now() - started)
            message = latest(user)
            markup = (message or {}).get("reply_markup") or {}
            choices = [
                b["callback_data"]
                for row in markup.get("inline_keyboard", [])
                for b in row
                if isinstance(actions.decode(b["callback_data"]), actions.Answer | actions.Next)
            ]
            if not choices:
                return
            update = press(user, message, rng.choice(choices))

    pids = {f"rolebot {i + 1}": poster.cluster.instances[i].pid for i in range(instances)}
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    before |= {"driver + fake API": time.process_time(), "postgres": postgres_cpu()}
    started = now()
    await asyncio.gather(*(learner(u) for u in users))
    elapsed = now() - started
    after = {name: cpu_seconds(pid) for name, pid in pids.items()}
    after |= {"driver + fake API": time.process_time(), "postgres": postgres_cpu()}
    cpu = {name: after[name] - before[name] for name in before}
    return Round(instances, len(latencies), elapsed, latencies, cpu)


async def main_async(users: int, steps: int, rounds: int, postgres: str) -> None:
    if not postgres:
        print("instances: skipped, give --postgres URL or ROLEBOT_TEST_POSTGRES")
        return
    await empty_postgres(postgres)
    from bot.storage import open_storage

    storage = open_storage(postgres)
    await storage.migrate()
    await storage.close()
    api = FakeBotAPI()
    await api.start()
    load_before = os.getloadavg()[0]
    results: list[Round] = []
    with tempfile.TemporaryDirectory() as folder:
        cluster = Cluster(api, postgres, ROOT, Path(folder), count=3)
        try:
            await cluster.open()
            await cluster.start()
            async with aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=users),
                timeout=aiohttp.ClientTimeout(total=120),
            ) as session:
                poster = Poster(cluster, session)
                ids = itertools.count(1)
                first = 1_000_000
                # A warm-up on every instance: first statements, first renders.
                await drive(api, poster, 3, range(first, first + 6), 2, ids)
                first += 6
                for _ in range(rounds):
                    for count in (1, 2, 3):
                        learners = range(first, first + users)
                        results.append(await drive(api, poster, count, learners, steps, ids))
                        first += users
        finally:
            await cluster.close()
            await api.stop()
    load_after = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    print(
        f"instances: rolebot run --webhook ×N on one PostgreSQL, {users} learners at once, "
        f"{steps} presses each, {cores} cores, load average {load_before:.1f} -> "
        f"{load_after:.1f}"
    )
    print(
        f"  {'N':>2} {'updates/s':>10} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7}   CPU s: "
        "rolebot (each) | postgres (server) | driver + fake API"
    )
    one = 1.0
    for found in results:
        rate = found.updates / found.seconds
        if found.instances == 1:
            one = rate  # the ratio is to the same round's single instance
        bots = " ".join(f"{v:4.1f}" for k, v in found.cpu.items() if k.startswith("rolebot"))
        print(
            f"  {found.instances:>2} {rate:10.0f} {rate / one:6.2f} "
            f"{percentile(found.latencies, 0.5) * 1e3:7.1f} "
            f"{percentile(found.latencies, 0.99) * 1e3:7.1f}   "
            f"{bots:<15}| {found.cpu['postgres']:4.1f} | {found.cpu['driver + fake API']:4.1f}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="1 vs 2 vs 3 webhook instances on PostgreSQL")
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("ROLEBOT_TEST_POSTGRES", ""),
        help="a PostgreSQL database that may be emptied (default: ROLEBOT_TEST_POSTGRES)",
    )
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.users, args.steps, args.rounds, args.postgres))


if __name__ == "__main__":
    main()
