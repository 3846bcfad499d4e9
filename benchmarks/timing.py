"""Small measuring helpers shared by the benchmarks (no heavy imports)."""

from __future__ import annotations

import time


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile, `q` in [0, 1]."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def now() -> float:
    return time.perf_counter()
