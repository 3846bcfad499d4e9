"""The benchmark command runs (tiny sizes). Figures are never asserted: see docs/performance.md."""

from __future__ import annotations

import sys

import pytest

from benchmarks.__main__ import main
from tests.conftest import POSTGRES_URL
from tests.telegram.launcher import Launcher


def test_benchmarks_run_on_tiny_sizes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], launcher: Launcher
) -> None:
    # In this process, which has imported aiogram already: a new one spends seconds on that
    # (the instances benchmark forks its processes from the tests' launcher, and only the
    # startup benchmark starts new ones, since that is what it measures).
    # tests/analytics/test_benchmark.py runs the analytics benchmark.
    monkeypatch.setattr(sys, "argv", ["benchmarks", "--quick", "--skip", "analytics"])
    main()
    out = capsys.readouterr().out
    for heading in (
        "storage:",
        "throughput:",
        "latency:",
        "over HTTP:",
        "webhook:",
        "memory:",
        "startup:",
        "simulator:",
        "commands:",
    ):
        assert heading in out
    assert "paced rolebot" in out and "flood rolebot" in out
    assert "ratio rolebot / bare" in out and "rolebot, cold cache" in out
    assert "ratio rolebot / aiogram-dialog" in out and "ratio rolebot on PTB / PTB" in out
    assert "backends:" in out and "service SQLite" in out
    if POSTGRES_URL:
        assert "service PostgreSQL" in out and "instances: rolebot run --webhook" in out
    else:
        assert "PostgreSQL skipped" in out and "instances: skipped" in out
