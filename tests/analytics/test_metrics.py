"""Each metric of docs/metrics.md on hand-built event logs with known answers."""

from __future__ import annotations

from datetime import date

import pytest

from bot.analytics import metrics, rollup
from bot.analytics.metrics import Filters, ScenarioStats, Stats
from tests.analytics.logs import DAY, T0, Log, demo_library
from tests.sync_store import SyncStore as Store

NOW = T0 + 10 * DAY
MIN = 60_000


def stats(store: Store, filters: Filters | None = None, **kwargs: float) -> Stats:
    filters = filters or Filters()
    return store.stats(demo_library(), filters, now=NOW, **kwargs)


def demo(store: Store, filters: Filters | None = None, **kwargs: float) -> ScenarioStats:
    (found,) = stats(store, filters, **kwargs).scenarios
    return found


def funnel(scenario: ScenarioStats, lang: str = "all") -> dict[str, tuple[int, int]]:
    return {s.step: (s.reach, s.dropped) for s in scenario.slices[lang].ordered_steps()}


def test_empty_database_has_every_step_and_no_rates(store: Store) -> None:
    found = demo(store)
    assert found.versions == ("2",) and found.other_versions == {}
    assert found.all.runs.runs == 0
    assert found.all.runs.completion_rate is None and found.all.runs.rating is None
    steps = found.all.ordered_steps()
    assert [s.step for s in steps] == ["intro", "q1", "detour", "fork", "left", "right", "done"]
    assert all(s.reach == 0 and s.drop_rate is None and s.stuck_score is None for s in steps)
    assert found.worst_steps() == []
    assert set(found.slices) == {"all", "ru", "en"}


def test_branching_reach_follows_the_path_taken(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1", "fork", "left", "done"], T0, complete=True)
    log.walk("b", ["intro", "q1", "fork", "left", "done"], T0, complete=True)
    log.walk("c", ["intro", "q1", "fork", "right", "done"], T0, complete=True)
    log.walk("d", ["intro", "q1"], T0)  # idle ever since: dropped at q1
    log.walk("e", ["intro", "q1", "detour", "q1", "fork"], T0)  # q1 twice, reached once
    found = demo(store)
    assert funnel(found) == {
        "intro": (5, 0),
        "q1": (5, 1),
        "detour": (1, 0),
        "fork": (4, 1),
        "left": (2, 0),
        "right": (1, 0),
        "done": (3, 0),
    }
    q1 = found.all.steps["q1"]
    assert q1.drop_rate == pytest.approx(1 / 5)
    runs = found.all.runs
    assert (runs.runs, runs.fresh, runs.completed, runs.dropped) == (5, 5, 3, 2)
    assert runs.completion_rate == pytest.approx(3 / 5)


def test_restart_ends_a_run_without_dropping_it(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1"], T0)
    log.emit("a", "run_restarted", "q1", T0 + MIN)
    log.walk("a", ["intro", "q1", "fork", "right", "done"], T0 + MIN, run=2, complete=True)
    found = demo(store)
    runs = found.all.runs
    assert (runs.runs, runs.restarted, runs.completed, runs.dropped) == (2, 1, 1, 0)
    assert runs.completion_rate == pytest.approx(1 / 2)
    assert found.all.steps["q1"].restarted == 1
    assert found.all.steps["q1"].dropped == 0
    assert found.all.steps["q1"].reach == 2


def test_version_change_mid_run(store: Store) -> None:
    """v1 run superseded at q1; the v2 run continues from q1 and completes."""
    log = Log(store)
    log.walk("a", ["intro", "q1"], T0, version="1")
    log.emit("a", "run_started", "q1", T0 + DAY, run=2, from_version="1")
    log.emit("a", "step_shown", "q1", T0 + DAY, run=2)
    log.emit(
        "a", "answer_given", "q1", T0 + DAY + 5000, run=2,
        option="right", correct=True, attempt=1, elapsed_ms=5000,
    )  # fmt: skip
    log.walk("b", ["intro", "q1", "fork", "right", "done"], T0 + DAY, complete=True)
    log.emit("a", "step_shown", "fork", T0 + DAY + 6000, run=2)

    current = demo(store)
    assert current.versions == ("2",) and current.other_versions == {"1": 1}
    runs = current.all.runs
    assert (runs.runs, runs.fresh, runs.continued, runs.superseded) == (2, 1, 1, 0)
    assert funnel(current)["intro"] == (1, 0)
    assert funnel(current)["q1"] == (2, 0)
    assert runs.in_progress == 0 and runs.dropped == 1  # a: idle at fork since day 1

    old = demo(store, Filters(version="1"))
    assert old.versions == ("1",) and old.other_versions == {"2": 2}
    assert (old.all.runs.runs, old.all.runs.superseded, old.all.runs.dropped) == (1, 1, 0)
    assert old.all.runs.settled == 0 and old.all.runs.completion_rate is None
    assert old.all.steps["q1"].dropped == 0

    both = demo(store, Filters(version="all"))
    assert both.versions == ("1", "2")
    assert (both.all.runs.runs, both.all.runs.superseded) == (3, 1)
    assert both.all.runs.completion_rate == pytest.approx(1 / 2)


def test_blocked_users_are_counted_apart(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1"], T0)
    log.emit("a", "bot_blocked", "q1", T0 + MIN)
    log.walk("b", ["intro", "q1"], T0)
    log.emit("b", "bot_blocked", "q1", T0 + MIN)
    log.emit("b", "step_shown", "fork", T0 + 2 * MIN)  # unblocked and went on
    result = stats(store)
    assert result.blocked_users == 2  # users.blocked, as the transport left it
    (found,) = result.scenarios
    runs = found.all.runs
    assert (runs.blocked, runs.dropped) == (1, 1)
    assert found.all.steps["q1"].blocked == 1
    assert found.all.steps["q1"].dropped == 0
    assert found.all.steps["fork"].dropped == 1
    assert runs.completion_rate == pytest.approx(0 / 2)


def test_idle_timeout_boundary(store: Store) -> None:
    log = Log(store)
    hours = 3_600_000
    log.walk("exact", ["intro", "q1"], NOW - 24 * hours, every_ms=0)
    log.walk("over", ["intro", "q1"], NOW - 24 * hours - 1, every_ms=0)
    found = demo(store)
    assert (found.all.runs.dropped, found.all.runs.in_progress) == (1, 1)
    assert (found.all.steps["q1"].dropped, found.all.steps["q1"].in_progress) == (1, 1)
    shorter = demo(store, idle_timeout_hours=1)
    assert (shorter.all.runs.dropped, shorter.all.runs.in_progress) == (2, 0)
    longer = demo(store, idle_timeout_hours=48)
    assert (longer.all.runs.dropped, longer.all.runs.in_progress) == (0, 2)


def test_language_split_and_switch(store: Store) -> None:
    log = Log(store)
    log.walk("r1", ["intro", "q1", "fork", "left", "done"], T0, locale="ru", complete=True)
    log.walk("r2", ["intro", "q1"], T0, locale="ru")
    log.walk("e1", ["intro", "q1", "fork", "right", "done"], T0, locale="en", complete=True)
    log.walk("s", ["intro"], T0, locale="en")
    log.emit("s", "language_changed", "intro", T0 + MIN, locale="ru", from_locale="en")
    log.emit("s", "step_shown", "intro", T0 + MIN, locale="ru")
    log.emit("s", "step_shown", "q1", T0 + 2 * MIN, locale="ru")
    found = demo(store)
    assert found.slices["ru"].runs.runs == 2 and found.slices["en"].runs.runs == 2
    assert found.slices["ru"].runs.completion_rate == pytest.approx(1 / 2)
    assert funnel(found, "ru")["q1"] == (2, 1)
    assert funnel(found, "en")["q1"] == (2, 1)  # the switcher stays in the run's language
    assert found.slices["en"].steps["intro"].switched == 1
    assert found.all.steps["intro"].switch_rate == pytest.approx(1 / 4)
    only_ru = demo(store, Filters(lang="ru"))
    assert set(only_ru.slices) == {"all", "ru"}
    assert only_ru.all.runs.runs == 2


def test_stuck_signals_at_a_question(store: Store) -> None:
    log = Log(store)

    def answer(who: str, option: str, correct: bool, attempt: int, at: int, elapsed: int) -> None:
        log.emit(
            who, "answer_given", "q1", at,
            option=option, correct=correct, attempt=attempt, elapsed_ms=elapsed,
        )  # fmt: skip

    # a: wrong, wrong, revealed. b: help, wrong, right. c: typed, right. d: right.
    for who in "abcd":
        log.walk(who, ["intro", "q1"], T0)
    answer("a", "wrong", False, 1, T0 + MIN, 30_000)
    answer("a", "worse", False, 2, T0 + 2 * MIN, 20_000)
    log.emit("a", "answer_revealed", "q1", T0 + 2 * MIN, attempt=2)
    log.emit("b", "help_asked", "q1", T0 + MIN, level=1)
    log.emit("b", "help_asked", "q1", T0 + MIN, level=3)
    answer("b", "wrong", False, 1, T0 + MIN, 40_500)
    answer("b", "right", True, 2, T0 + 2 * MIN, 3_000)
    log.emit("c", "text_typed", "q1", T0 + MIN, length=12)
    answer("c", "right", True, 1, T0 + MIN, 10_999)
    answer("d", "right", True, 1, T0 + MIN, 2_000)
    q1 = demo(store).all.steps["q1"]
    assert (q1.reach, q1.answered) == (4, 4)
    assert q1.help_rate == pytest.approx(1 / 4) and q1.help_human == 1
    assert q1.first_wrong_rate == pytest.approx(2 / 4)
    assert q1.attempts_to_correct == pytest.approx((2 + 1 + 1) / 3)
    assert q1.revealed_rate == pytest.approx(1 / 4)
    assert q1.typed_rate == pytest.approx(1 / 4)
    # first answers only: 2 s, 10 s, 30 s, 40 s (whole seconds, rounded down)
    assert (q1.median_s, q1.p90_s) == (10, 40)
    assert q1.top_wrong == ("wrong", 2)
    assert q1.chosen == {"wrong": 2, "worse": 1, "right": 3}
    # a, b and c struggled; all four have been idle at q1 since T0, so all dropped there,
    # d without any other signal: 3 struggled + 1 dropped quietly = 4 of 4.
    assert q1.dropped == 4 and q1.dropped_quietly == 1
    assert q1.stuck_score == pytest.approx(4 / 4)


def test_time_to_complete_and_rating(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1", "fork", "right", "done"], T0, every_ms=30_000, complete=True)
    log.walk("b", ["intro", "q1", "fork", "right", "done"], T0, every_ms=60_000, complete=True)
    log.walk("c", ["intro", "q1", "fork", "right", "done"], T0, every_ms=90_000, complete=True)
    log.emit("a", "rated", "done", T0 + DAY, score=5)
    log.emit("b", "rated", "done", T0 + DAY, score=2)
    log.emit("b", "rated", "done", T0 + DAY, score=1)  # only the first rating of a run counts
    runs = demo(store).all.runs
    assert (runs.median_complete_s, runs.p90_complete_s) == (240, 360)
    assert runs.rated == 2 and runs.rating == pytest.approx(3.5)


def test_period_selects_runs_by_start_day(store: Store) -> None:
    log = Log(store)
    log.walk("a", ["intro", "q1"], T0 + DAY - 1000, every_ms=5000)  # starts Jan 1, ends Jan 2
    log.walk("b", ["intro", "q1"], T0 + 2 * DAY)
    jan1 = demo(store, Filters(since=date(2026, 1, 1), until=date(2026, 1, 1)))
    assert jan1.all.runs.runs == 1 and jan1.all.steps["q1"].reach == 1
    later = demo(store, Filters(since=date(2026, 1, 2)))
    assert later.all.runs.runs == 1
    assert demo(store, Filters(until=date(2025, 12, 31))).all.runs.runs == 0


def test_source_filter_terminal_players(store: Store) -> None:
    log = Log(store)
    log.walk("tg:1", ["intro"], T0)
    log.walk("terminal:writer", ["intro", "q1"], T0)
    assert demo(store).all.runs.runs == 2
    assert demo(store, Filters(source="terminal")).all.runs.runs == 1
    assert demo(store, Filters(source="telegram")).all.steps["q1"].reach == 0


def test_worst_steps_need_enough_reach(store: Store) -> None:
    log = Log(store)
    for i in range(12):
        log.walk(f"u{i}", ["intro", "q1", "fork"], T0)
        if i < 6:
            log.emit(f"u{i}", "help_asked", "q1", T0 + MIN, level=1)
    log.walk("lonely", ["intro", "q1", "fork", "left"], T0)
    log.emit("lonely", "text_typed", "left", T0 + MIN, length=3)
    worst = demo(store).worst_steps()
    assert [s.step for s in worst][:2] == ["fork", "q1"]  # 12 of 12 dropped at fork
    assert "left" not in [s.step for s in worst]


def test_parse_since() -> None:
    today = date(2026, 3, 10)
    assert metrics.parse_since("7d", today) == date(2026, 3, 4)
    assert metrics.parse_since("1d", today) == today
    assert metrics.parse_since("2w", today) == date(2026, 2, 25)
    assert metrics.parse_since("2026-01-05", today) == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("ms", "seconds"),
    [(999, 0), (59_999, 59), (599_999, 599), (600_000, 600), (659_999, 600), (3_600_000, 3600)],
)
def test_time_buckets(ms: int, seconds: int) -> None:
    assert rollup.bucket_seconds(ms) == seconds
