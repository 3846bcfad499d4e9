"""The benchmark command runs (tiny sizes). Figures are never asserted: see docs/performance.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmarks_run_on_tiny_sizes(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--skip", "analytics"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for heading in ("storage:", "throughput:", "latency:", "over HTTP:", "memory:", "startup:"):
        assert heading in done.stdout
