"""A smoke test of benchmarks/analytics.py on a tiny database (the real run is 10M events)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_and_prints_ratios(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.analytics", "--events", "2000", "--repeat", "1",
         "--commits", "50", "--folder", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    *writes, header, row = done.stdout.strip().splitlines()
    assert writes[1].startswith("with analytics tables") and writes[2].startswith("without")
    assert header.split()[:3] == ["events", "simulated", "in"]
    assert row.count("×") in (1, 2)
