"""Figures owners act on must not mislead: recent periods, breaks, versions, small samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analytics.metrics import Filters
from tests.analytics.logs import DAY, T0, Log
from tests.analytics.test_metrics import MIN, NOW, demo, funnel
from tests.sync_store import SyncStore as Store

HOUR = 3_600_000
ROOT = Path(__file__).resolve().parents[2]


def test_completion_rate_waits_for_recent_runs_to_settle(store: Store) -> None:
    """A run started within the idle timeout cannot have dropped yet: counting its completion
    at once would bias recent periods upward."""
    log = Log(store)
    log.walk("old-done", ["intro", "q1", "fork", "right", "done"], NOW - 3 * DAY, complete=True)
    log.walk("old-left", ["intro", "q1"], NOW - 3 * DAY)
    log.walk("new-done", ["intro", "q1", "fork", "right", "done"], NOW - HOUR, complete=True)
    log.walk("new-open", ["intro", "q1"], NOW - HOUR)
    runs = demo(store).all.runs
    assert (runs.runs, runs.completed, runs.dropped, runs.in_progress) == (4, 2, 1, 1)
    assert runs.settled == 2 and runs.unsettled == 2
    assert runs.completion_rate == pytest.approx(1 / 2)
    shorter = demo(store, idle_timeout_hours=0.5).all.runs  # the recent ones are old enough
    assert shorter.settled == 4 and shorter.completion_rate == pytest.approx(2 / 4)


def test_breaks_longer_than_the_idle_timeout_are_not_timed(store: Store) -> None:
    log = Log(store)
    for who, elapsed in (("a", 10_000), ("b", 20_000), ("c", 30 * HOUR)):
        log.walk(who, ["intro", "q1"], T0)
        log.emit(
            who, "answer_given", "q1", T0 + elapsed,
            option="right", correct=True, attempt=1, elapsed_ms=elapsed,
        )  # fmt: skip
    log.walk("d", ["intro", "q1", "fork", "right", "done"], T0, every_ms=60_000, complete=True)
    log.walk("e", ["intro", "q1"], T0)
    log.walk("e", ["fork", "right", "done"], T0 + 2 * DAY, complete=False)
    log.emit("e", "run_completed", "done", T0 + 2 * DAY + MIN)
    found = demo(store)
    q1 = found.all.steps["q1"]
    assert (q1.median_s, q1.p90_s) == (10, 20)  # the 30 h "answer" was a break
    runs = found.all.runs
    assert runs.completed == 2
    assert (runs.median_complete_s, runs.p90_complete_s) == (240, 240)
    patient = demo(store, idle_timeout_hours=72)
    assert patient.all.steps["q1"].p90_s == 30 * 3600
    assert patient.all.runs.p90_complete_s == 2 * 86_400


def test_blocked_then_superseded_is_superseded_as_documented(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1"], T0, version="1")
    log.emit("a", "bot_blocked", "q1", T0 + MIN, version="1")
    log.emit("a", "run_started", "q1", T0 + DAY, run=2, from_version="1")
    old = demo(store, Filters(version="1")).all.runs
    assert (old.blocked, old.superseded) == (0, 1)
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    assert "a blocked run that a newer version later carries on is `superseded`" in text


def test_removed_steps_come_last_and_branches_stay_together(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1", "gone"], T0)  # a step no longer in the file
    order = [s.step for s in demo(store).all.ordered_steps()]
    assert order[-2:] == ["done", "gone"]
    text = (ROOT / "docs" / "analytics.md").read_text(encoding="utf-8")
    assert "end steps, then steps no longer in the scenario file" in text


def test_version_all_counts_a_carried_journey_once_at_its_step(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1"], T0, version="1")
    log.emit("a", "run_started", "q1", T0 + DAY, run=2, from_version="1")
    log.emit("a", "step_shown", "q1", T0 + DAY, run=2)
    log.emit("a", "step_shown", "fork", T0 + DAY + MIN, run=2)
    both = demo(store, Filters(version="all"))
    assert funnel(both)["intro"] == (1, 0)
    assert funnel(both)["q1"][0] == 1
    assert funnel(both)["fork"][0] == 1
    assert funnel(demo(store))["q1"][0] == 1  # the new version alone still counts it


def test_stats_json_has_unsettled_beside_the_rate(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1"], NOW - HOUR)
    data = demo(store).as_dict()
    assert data["unsettled"] == 1 and data["settled"] == 0 and data["completion_rate"] is None
