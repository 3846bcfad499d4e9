"""How long one input's unit of work takes, beside the cheapest possible SQLite commit.

Run: python -m benchmarks.storage_commit [N]
Decides whether the async bot may commit inline or needs a writer thread (docs/storage.md).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import percentile
from bot.core import events
from bot.core.progress import Progress, Status
from bot.storage import Change
from bot.storage.sqlite import SqliteStorage


async def measure(n: int, folder: Path) -> dict[str, list[float]]:
    """Each input: claim the update id, read the user and progress, write progress, events and
    the analytics rows, as the conversation service does."""
    storage = SqliteStorage.open(folder / "bench.sqlite3")
    async with storage.unit("tg:1") as unit:
        user = await unit.user("tg:1", "ru", 0)
    bare = storage.conn
    bare.execute("create table if not exists baseline (id integer primary key, at integer)")
    ours: list[float] = []
    baseline: list[float] = []
    for i in range(n):
        step = f"s{i % 10}"
        change = Change(
            user_id=user.id,
            now_ms=i,
            progress=Progress("atm", "1", run=1, status=Status.ACTIVE, step=step),
            events=(
                events.AnswerGiven(
                    scenario="atm",
                    version="1",
                    run=1,
                    step=step,
                    locale="ru",
                    at_ms=i,
                    option="a",
                    correct=True,
                    attempt=1,
                    elapsed_ms=900,
                ),
                events.StepShown(
                    scenario="atm", version="1", run=1, step=step, locale="ru", at_ms=i
                ),
            ),
        )
        started = time.perf_counter()
        async with storage.unit("tg:1") as unit:
            await unit.claim(i, i)
            await unit.find_user("tg:1")
            await unit.progress(user.id, "atm")
            await unit.apply(change)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare.execute("begin")
        bare.execute("insert into baseline (at) values (?)", [i])
        bare.execute("commit")
        baseline.append(time.perf_counter() - started)
    await storage.close()
    return {"rolebot unit": ours, "bare 1-row commit": baseline}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 5000
    with tempfile.TemporaryDirectory() as folder:
        results = asyncio.run(measure(n, Path(folder)))
    base = statistics.median(results["bare 1-row commit"])
    print(f"storage: {n} commits, WAL, synchronous=NORMAL, file in a temporary directory")
    print(f"{'':20} {'p50 µs':>8} {'p99 µs':>8} {'max µs':>8} {'p50 ratio':>10}")
    for name, samples in results.items():
        p50 = statistics.median(samples)
        print(
            f"{name:20} {p50 * 1e6:8.0f} {percentile(samples, 0.99) * 1e6:8.0f} "
            f"{max(samples) * 1e6:8.0f} {p50 / base:10.2f}"
        )


if __name__ == "__main__":
    main()
