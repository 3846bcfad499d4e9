"""`rolebot simulate` throughput on disk: events per second, beside the same simulation
committed one input at a time (as the bot commits), in the same run.

Run: python -m benchmarks.simulator [--users 4000] [--days 30] [--rounds 3] [--folder DIR]

Each round simulates the same learners (same seed) into a new SQLite file in --folder
(default: a temporary directory on disk, not tmpfs), rounds interleaved, so both figures see
the same machine; the best round of each is printed with its CPU seconds (a shared machine
slows the wall clock more than the CPU time). Target (issue 17): 20,000 events/s, so a
million events take under a minute.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.core.loader import Library, load_library
from bot.service import Conversation
from bot.simulator import simulate
from bot.storage.sqlite import SqliteStorage

ROOT = Path(__file__).resolve().parent.parent
END_MS = 1_780_000_000_000
TARGET = 20_000


class UnitByUnit(SqliteStorage):
    """`batch` does nothing: every input is its own transaction, as in the bot."""

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        yield


def one(
    path: Path, library: Library, users: int, days: float, batched: bool
) -> tuple[int, float, float]:
    """(events, wall seconds, CPU seconds) of one simulation into a new file."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()

    async def run() -> tuple[int, float, float]:
        storage = (SqliteStorage if batched else UnitByUnit).open(path)
        wall, cpu = time.perf_counter(), time.process_time()
        service = Conversation(library, storage)
        await simulate(library, service, users=users, days=days, seed=1, end_ms=END_MS)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        await storage.close()
        return events_in(path), wall, cpu

    return asyncio.run(run())


def events_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("select count(*) from events").fetchone()[0])
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="rolebot simulate: events per second")
    parser.add_argument("--users", type=int, default=4000)
    parser.add_argument("--days", type=float, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-users", type=int, default=None, help="default: --users/4")
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args(argv)
    library = load_library(ROOT / "scenarios", ROOT / "locales")
    base_users = args.baseline_users or max(1, args.users // 4)
    with tempfile.TemporaryDirectory(dir=args.folder or Path.home()) as tmp:
        folder = Path(tmp)
        best: dict[str, tuple[int, float, float]] = {}
        for _ in range(args.rounds):
            for name, users, batched in (
                ("simulate", args.users, True),
                ("unit by unit", base_users, False),
            ):
                found = one(folder / "sim.sqlite3", library, users, args.days, batched)
                if name not in best or found[0] / found[1] > best[name][0] / best[name][1]:
                    best[name] = found
    print(
        f"simulator: {args.users} users over {args.days:g} days into a SQLite file on disk, "
        f"best of {args.rounds} interleaved rounds"
    )
    print(f"  {'':34} {'events':>9} {'wall s':>7} {'events/s':>9} {'CPU s':>6} {'per CPU s':>9}")
    rates = {}
    for name, label in (
        ("simulate", "rolebot simulate (batches)"),
        ("unit by unit", f"one input per commit ({base_users} users)"),
    ):
        events, wall, cpu = best[name]
        rates[name] = events / wall
        print(
            f"  {label:34} {events:9,} {wall:7.2f} {events / wall:9,.0f} {cpu:6.2f} "
            f"{events / cpu:9,.0f}"
        )
    ratio = rates["simulate"] / rates["unit by unit"]
    print(f"  ratio simulate / one input per commit    {ratio:.2f}")
    print(
        f"  ratio simulate / target ({TARGET:,} events/s) {rates['simulate'] / TARGET:.2f}"
        f"  (1 M events in {1_000_000 / rates['simulate']:.0f} s)"
    )


if __name__ == "__main__":
    main()
