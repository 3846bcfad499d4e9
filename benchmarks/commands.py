"""Commands that do not talk to Telegram, process start to exit, beside a bare interpreter.

Run: python -m benchmarks.commands [--events 1000000] [--rounds 5] [--folder DIR]

Times, as real processes (`python -m bot ...`), best of --rounds interleaved rounds (the
machine is shared: the best round is the one least disturbed):
  python -c pass            the interpreter alone, the floor every command pays;
  validate                  the shipped scenarios, with a warm parse cache (a second run)
                            and a cold one (cache folder emptied first);
  stats, empty database     every scenario at a glance on a database with no runs;
  stats / stats --format json / report
                            on a simulated database of about --events events (made once in
                            --folder, shared with benchmarks.analytics, then reused).
Targets (issue 17): validate and stats on an empty database < 0.5 s; stats and report on
1 million events < 1 s, process start included.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.analytics import fill
from bot.core.loader import load_library

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--days", type=float, default=90)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args(argv)
    library = load_library(ROOT / "scenarios", ROOT / "locales")
    big = args.folder / f"rolebot-bench-{args.events}.sqlite3"
    events, _ = fill(big, args.events, library, args.days)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cache = work / "cache"
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(work),
            "ROLEBOT_CACHE_DIR": str(cache),
            "ROLEBOT_SCENARIOS_DIR": str(ROOT / "scenarios"),
            "ROLEBOT_LOCALES_DIR": str(ROOT / "locales"),
            # Another checkout's code (its figures before a change), when asked for.
            **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"},
        }
        empty = work / "empty.sqlite3"
        rolebot = [sys.executable, "-m", "bot"]
        subprocess.run([*rolebot, "--database", str(empty), "db", "migrate"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        report = str(work / "report.html")
        commands: dict[str, tuple[list[str], float | None]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], None),
            "validate (warm cache)": ([*rolebot, "validate"], 0.5),
            "validate (cold cache)": ([*rolebot, "validate"], 0.5),
            "stats, empty database": ([*rolebot, "--database", str(empty), "stats"], 0.5),
            f"stats, {events:,} events": ([*rolebot, "--database", str(big), "stats"], 1.0),
            f"stats --format json, {events:,}": (
                [*rolebot, "--database", str(big), "stats", "--format", "json"],
                1.0,
            ),
            f"report, {events:,} events": (
                [*rolebot, "--database", str(big), "report", "-o", report],
                1.0,
            ),
        }
        for command, _ in commands.values():  # warm the page cache and the parse caches
            timed(command, env, work)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, (command, _) in commands.items():
                if name.endswith("(cold cache)"):
                    shutil.rmtree(cache, ignore_errors=True)
                samples[name].append(timed(command, env, work))
                if name.endswith("(cold cache)"):
                    timed(commands["validate (warm cache)"][0], env, work)
    floor = min(samples["python -c pass"])
    print(f"commands: process start to exit, best of {args.rounds} interleaved rounds")
    print(f"  {'':34} {'best s':>7} {'median s':>8} {'target s':>8} {'ratio':>6}")
    for name, (_, target) in commands.items():
        best = min(samples[name])
        median = sorted(samples[name])[len(samples[name]) // 2]
        goal = f"{target:8.1f} {best / target:6.2f}" if target else f"{'':8} {'':6}"
        print(f"  {name:34} {best:7.3f} {median:8.3f} {goal}")
    print(f"  (ratio: best ÷ target, met below 1.00; the interpreter alone: {floor:.3f} s)")


if __name__ == "__main__":
    main()
