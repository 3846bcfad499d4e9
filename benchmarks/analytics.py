"""Overview and per-step funnel at scale: rolebot's derived tables against plain SQL baselines.

Run: python -m benchmarks.analytics [--events 1000000 10000000] [--folder DIR] [--repeat 5]

For each size the simulator (the real engine and storage) fills a database with about that
many events (a little more); a database at least that large left in --folder is reused.
Then, in the same run, it times:
  rolebot     metrics.compute: every scenario's overview, funnel and stuck signals, from the
              tables kept up to date on write (median of --repeat runs after a warm-up);
  naive SQL   the same overview and funnel as one plain SQL query per scenario over `events`
              (tests/analytics/reference.py), no derived tables; timed once (it is slow);
  DuckDB      the same plain SQL, for all scenarios at once, on an in-memory copy of the
              events in DuckDB (loading it is not timed); skipped if duckdb is not installed.
and prints the times and the ratios to rolebot's.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import math
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.timing import percentile
from bot.analytics import metrics
from bot.analytics.rollup import Delta, Wanted
from bot.core.loader import Library, load_library
from bot.service import Conversation
from bot.simulator import simulate
from bot.storage import Change
from bot.storage.sqlite import SqliteStorage
from tests.analytics import reference
from tests.sync_store import stats_of

ROOT = Path(__file__).resolve().parent.parent
END_MS = 1_780_000_000_000
EVENTS_PER_USER = 26.0
"""Roughly what a simulated user produces; refined from the first simulation."""
IDLE_MS = 24 * 3_600_000


def fill(path: Path, events: int, library: Library, days: float) -> tuple[int, float]:
    """A database with about `events` events; returns (events, seconds spent simulating)."""
    if path.exists():
        conn = sqlite3.connect(path)
        have = conn.execute("select max(id) from events").fetchone()[0] or 0
        conn.close()
        if have >= events:
            return have, 0.0
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    users = math.ceil(events / EVENTS_PER_USER)

    async def run() -> tuple[int, float]:
        storage = SqliteStorage.open(path)
        started = time.perf_counter()
        service = Conversation(library, storage)
        await simulate(library, service, users=users, days=days, seed=1, end_ms=END_MS)
        elapsed = time.perf_counter() - started
        written = storage.conn.execute("select max(id) from events").fetchone()[0] or 0
        storage.conn.execute("pragma wal_checkpoint(TRUNCATE)")
        await storage.close()
        return written, elapsed

    return asyncio.run(run())


def timed(fn: Callable[[], Any], repeat: int) -> float:
    """Median of `repeat` runs after a warm-up (the page cache is warm, as on a second look),
    or a single cold run when `repeat` is 0."""
    if repeat == 0:
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def rolebot(conn: sqlite3.Connection, library: Library) -> metrics.Stats:
    return stats_of(conn, library, now=END_MS)


def naive(conn: sqlite3.Connection, library: Library) -> None:
    for scenario in library.scenarios.values():
        reference.funnel(conn, scenario.id, scenario.version, cutoff=END_MS - IDLE_MS)
        reference.overview(conn, scenario.id, scenario.version, cutoff=END_MS - IDLE_MS)


DUCKDB_SQL = """
with ev as (
    select e.* from events e join current_versions c using (scenario, version)
),
runs as (
    select user_id, scenario, run, max(at_ms) as last_ms,
        bool_or(kind = 'run_completed') as completed,
        bool_or(kind = 'run_restarted') as restarted,
        arg_max(kind, id) as last_kind,
        arg_max(step, id) filter (where kind in ('step_shown', 'run_started')) as last_step
    from ev group by all
),
superseded as (
    select distinct user_id, scenario, run - 1 as run from events
    where kind = 'run_started' and extra like '%from_version%'
),
judged as (
    select r.*, case
        when completed then 'completed' when restarted then 'restarted'
        when s.run is not null then 'superseded' when last_kind = 'bot_blocked' then 'blocked'
        when last_ms < $cutoff then 'dropped' else 'in_progress' end as outcome
    from runs r left join superseded s using (user_id, scenario, run)
),
reach as (
    select scenario, step, count(distinct (user_id, run)) as reach from ev
    where kind in ('step_shown', 'run_started') group by all
),
dropped as (
    select scenario, last_step as step, count(*) as dropped from judged
    where outcome = 'dropped' group by all
)
select 'funnel', r.scenario, r.step, r.reach, coalesce(d.dropped, 0)
from reach r left join dropped d using (scenario, step)
union all
select 'overview', scenario, outcome, count(*), 0 from judged group by all
"""


def duckdb_baseline(path: Path, library: Library, repeat: int) -> float | None:
    try:
        import duckdb
    except ImportError:
        return None
    columns = ("id", "user_id", "scenario", "version", "run", "step", "kind", "at_ms", "extra")
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "events.csv"
        conn = sqlite3.connect(path)
        with dump.open("w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows(conn.execute(f"select {', '.join(columns)} from events"))
        conn.close()
        db = duckdb.connect()
        db.execute(f"create table events as select * from read_csv_auto('{dump}', header=true)")
    db.execute("create table current_versions (scenario varchar, version varchar)")
    db.executemany(
        "insert into current_versions values (?, ?)",
        [(s.id, s.version) for s in library.scenarios.values()],
    )
    cutoff = END_MS - IDLE_MS
    return timed(lambda: db.execute(DUCKDB_SQL, {"cutoff": cutoff}).fetchall(), repeat)


class NoRollup:
    """Stands in for the rollup to measure a commit without the analytics tables."""

    def wanted(self, facts: Any) -> Wanted:
        return Wanted(frozenset(), frozenset())

    def add(self, facts: Any) -> None:
        for _ in facts:
            pass

    def take(self) -> Delta:
        return Delta()

    def discard(self) -> None:
        pass


def write_cost(folder: Path, n: int = 3000) -> dict[str, list[float]]:
    """One input's unit of work (the update id, progress, a shown step and an answer) with
    and without the analytics tables, interleaved so both see the same disk and cache."""
    for leftover in folder.glob("rolebot-write-*.sqlite3*"):
        leftover.unlink()
    return asyncio.run(_write_cost(folder, n))


async def _write_cost(folder: Path, n: int) -> dict[str, list[float]]:
    from bot.core import events
    from bot.core.progress import Progress, Status

    samples: dict[str, list[float]] = {"with analytics tables": [], "without": []}
    stores: dict[str, SqliteStorage] = {}
    users: dict[str, int] = {}
    for name in samples:
        path = folder / f"rolebot-write-{name.split()[0]}.sqlite3"
        stores[name] = SqliteStorage.open(path)
        async with stores[name].unit("tg:1") as unit:
            users[name] = (await unit.user("tg:1", "ru", 0)).id
    stores["without"].rollup = NoRollup()  # type: ignore[assignment]
    for i in range(n):
        run, step = 1 + i // 10, f"s{i % 10}"
        for name, storage in stores.items():
            facts = (
                events.AnswerGiven(
                    scenario="atm", version="1", run=run, step=step, locale="ru", at_ms=i,
                    option="a", correct=i % 3 > 0, attempt=1, elapsed_ms=900,
                ),
                events.StepShown(
                    scenario="atm", version="1", run=run, step=f"s{i % 10 + 1}", locale="ru",
                    at_ms=i,
                ),
            )  # fmt: skip
            change = Change(
                user_id=users[name],
                now_ms=i,
                progress=Progress("atm", "1", run=run, status=Status.ACTIVE, step=step),
                events=facts,
            )
            started = time.perf_counter()
            async with storage.unit("tg:1") as unit:
                await unit.claim(i, i)
                await unit.apply(change)
            samples[name].append(time.perf_counter() - started)
    for storage in stores.values():
        await storage.close()
    return samples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--days", type=float, default=90)
    parser.add_argument("--no-naive", action="store_true", help="Skip the slow SQLite baseline.")
    parser.add_argument("--commits", type=int, default=3000, help="Commits for the write cost.")
    args = parser.parse_args(argv)
    costs = write_cost(args.folder, args.commits)
    bare = statistics.median(costs["without"])
    print(f"{args.commits} commits of one input (2 events)  p50 µs  p99 µs  p50 ratio")
    for name, samples in costs.items():
        p50, p99 = statistics.median(samples), percentile(samples, 0.99)
        print(f"{name:34} {p50 * 1e6:7.0f} {p99 * 1e6:7.0f} {p50 / bare:10.2f}")
    print()
    library = load_library(ROOT / "scenarios", ROOT / "locales")
    print(
        f"{'events':>12} {'simulated in':>13} {'rolebot':>10} {'naive SQL':>11} {'ratio':>8}"
        f" {'DuckDB':>9} {'ratio':>8}"
    )
    for size in args.events:
        path = args.folder / f"rolebot-bench-{size}.sqlite3"
        events, simulated = fill(path, size, library, args.days)
        conn = sqlite3.connect(path)
        ours = timed(partial(rolebot, conn, library), args.repeat)
        baseline = None if args.no_naive else timed(partial(naive, conn, library), 0)
        conn.close()
        duck = duckdb_baseline(path, library, args.repeat)
        sim = f"{simulated:.0f} s" if simulated else "reused"
        naive_cell = f"{'—':>11} {'':>8}"
        if baseline:
            naive_cell = f"{baseline:9.3f} s {baseline / ours:7.0f}×"
        ducked = f"{duck:7.3f} s {duck / ours:7.1f}×" if duck else f"{'—':>9} {'':>8}"
        print(f"{events:>12,} {sim:>13} {ours:8.3f} s {naive_cell} {ducked}", flush=True)


if __name__ == "__main__":
    main()
