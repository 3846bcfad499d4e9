"""Run every benchmark, each printing its figures beside a baseline measured in the same run.

python -m benchmarks            # the sizes the targets are stated for (several minutes)
python -m benchmarks --quick    # tiny sizes: checks that everything runs and prints its
                                # ratios (seconds); rounds that only repeat are skipped

The PostgreSQL parts (backends, instances) use ROLEBOT_TEST_POSTGRES, a database they EMPTY,
and are skipped without it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable

from benchmarks import (
    analytics,
    backends,
    commands,
    http,
    instances,
    memory,
    peers,
    simulator,
    startup,
    storage_commit,
    throughput,
    webhook,
)

WEBHOOK_QUICK = [
    "--users",
    "2",
    "--steps",
    "2",
    "--rounds",
    "1",
    "--rate",
    "10",
    "--seconds",
    "0.3",
    "--fork",
]
"""Forked from the tests' launcher: two new interpreters would spend seconds each on imports."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke test")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        help="skip a benchmark: storage, backends, throughput, peers, http, webhook, "
        "instances, memory, startup, analytics, simulator, commands",
    )
    args = parser.parse_args()
    quick = args.quick
    runs: dict[str, Callable[[], None]] = {
        "storage": lambda: storage_commit.main(["50" if quick else "5000"]),
        "throughput": lambda: throughput.main(
            ["--users", "2", "--latency-users", "4", "--seconds", "0.1", "--rounds", "1"]
            if quick
            else ["--users", "200", "--latency-users", "1000", "--seconds", "20"]
        ),
        "peers": lambda: peers.main(
            ["--users", "2", "--rounds", "1"] if quick else ["--users", "100", "--rounds", "3"]
        ),
        "backends": lambda: backends.main(["--users", "1", "--together", "1"] if quick else []),
        "http": lambda: http.main(["--users", "1", "--steps", "2"] if quick else []),
        "webhook": lambda: webhook.main(WEBHOOK_QUICK if quick else ["--rounds", "2"]),
        "instances": lambda: instances.main(
            ["--users", "1", "--steps", "2", "--rounds", "1"] if quick else []
        ),
        "memory": lambda: memory.main(["--users", "10" if quick else "100000"]),
        "analytics": lambda: analytics.main(
            [
                "--events",
                "2000",
                "--repeat",
                "1",
                "--commits",
                "50",
                "--no-naive",
                "--folder",
                tempfile.mkdtemp(),
            ]
            if quick
            else ["--events", "1000000"]
        ),
        "simulator": lambda: simulator.main(
            ["--users", "20", "--days", "2", "--rounds", "1", "--baseline-users", "5"]
            if quick
            else ["--users", "4000", "--rounds", "3"]
        ),
        "commands": lambda: commands.main(
            ["--events", "2000", "--rounds", "1", "--folder", tempfile.mkdtemp()]
            if quick
            else ["--events", "1000000", "--rounds", "5"]
        ),
        "startup": lambda: startup.main(
            ["--scenarios", "1", "--repeat", "1", "--together", "--skip-warm"]
            if quick
            else ["--scenarios", "100"]
        ),
    }
    for name, run in runs.items():
        if name in args.skip:
            continue
        started = time.perf_counter()
        run()
        print(f"  ({name}: {time.perf_counter() - started:.1f} s)\n")


if __name__ == "__main__":
    main()
