"""The learning loop's figures (docs/metrics.md, "The learning loop") on hand-built event logs,
on every backend: reminders and what followed, review retention by interval, confidently
wrong first answers, real-world outcomes; and that the loop's events are not run activity."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from bot.analytics import metrics
from bot.analytics.metrics import Filters, ScenarioStats
from bot.storage import Storage, open_storage, sql
from bot.storage.sqlite import SqliteStorage
from tests.analytics.logs import DAY, T0, PortLog, demo_library

NOW = T0 + 40 * DAY
HOUR = 3_600_000
MIN = 60_000


@pytest.fixture
async def storage(database: str) -> AsyncIterator[Storage]:
    opened = open_storage(database)
    yield opened
    await opened.close()


async def demo(storage: Storage, filters: Filters | None = None) -> ScenarioStats:
    filters = filters or Filters()
    tallies = await storage.tallies(filters, metrics.idle_cutoff(NOW, 24))
    (found,) = metrics.compute(tallies, demo_library(), filters, now=NOW).scenarios
    return found


async def derived_rows(storage: Storage) -> dict[str, list[tuple[Any, ...]]]:
    """Every derived table, rows sorted, whatever the backend."""
    found = {}
    for table in sql.DERIVED_TABLES:
        query = f"select * from {table}"
        if isinstance(storage, SqliteStorage):
            rows = [tuple(r) for r in storage.conn.execute(query)]
        else:
            rows = [tuple(r) for r in await (await storage.pool()).fetch(query)]  # type: ignore[attr-defined]
        found[table] = sorted(rows, key=repr)
    return found


def answer(option: str, correct: bool | None, **more: Any) -> dict[str, Any]:
    return {"option": option, "correct": correct, "attempt": 1, "elapsed_ms": 5_000, **more}


def review(correct: bool, days: int, *, scheduled: int | None = None) -> dict[str, Any]:
    return {
        "option": "right" if correct else "wrong",
        "correct": correct,
        "review": 1,
        "elapsed_days": days,
        "scheduled_days": days if scheduled is None else scheduled,
    }


# -- the loop's events are not activity in the run --------------------------------------------


async def test_loop_events_leave_the_run_as_it_was(storage: Storage) -> None:
    log = PortLog(storage)
    await log.walk("a", ["intro", "q1"], T0)  # stops at q1, never comes back
    await log.emit("a", "reminder_sent", "q1", T0 + 20 * HOUR, shown=2, total=5)
    await log.emit("a", "review_sent", "fork", T0 + 2 * DAY, review=1)
    await log.emit("a", "review_answered", "fork", T0 + 2 * DAY, **review(True, 2))
    await log.walk("b", ["intro", "q1"], T0)
    await log.emit("b", "bot_blocked", "q1", T0 + MIN)
    await log.emit("b", "reminder_sent", "q1", T0 + 20 * HOUR, shown=2, total=5)
    await log.walk("c", ["intro", "q1", "fork", "right", "done"], T0, complete=True)
    await log.emit("c", "followup_asked", None, T0 + 7 * DAY, after_days=7)
    await log.emit("c", "followup_answered", None, T0 + 8 * DAY, outcome="done")
    found = await demo(storage)
    runs = found.all.runs
    assert (runs.dropped, runs.blocked, runs.completed, runs.in_progress) == (1, 1, 1, 0)
    steps = found.all.steps
    assert steps["q1"].dropped == 1 and steps["q1"].blocked == 1
    assert steps["fork"].reach == 1  # the review of `fork` is not a visit to it
    assert runs.median_complete_s == 40  # the follow-up days later is no pause of the run
    for row in (await derived_rows(storage))["runs"]:  # last_ms, max_gap_ms: as they were
        assert row[11] - row[7] <= MIN and row[12] <= MIN - 10_000


async def test_a_reminder_does_not_keep_a_run_in_progress(storage: Storage) -> None:
    log = PortLog(storage)
    stopped = await log.walk("a", ["intro", "q1"], NOW - 30 * HOUR)
    await log.emit("a", "reminder_sent", "q1", stopped + 20 * HOUR, shown=2, total=5)
    assert (await demo(storage)).all.runs.dropped == 1  # 30 h idle, reminder or not


# -- reminder -> resumed, -> completed --------------------------------------------------------


async def remind(log: PortLog, who: str, step: str, at: int, **fields: Any) -> None:
    await log.emit(who, "reminder_sent", step, at, shown=2, total=5, **fields)


async def test_reminders_resumed_and_completed_per_step(storage: Storage) -> None:
    log = PortLog(storage)
    later = T0 + 20 * HOUR
    # a: reminded at q1, comes back and completes.
    await log.walk("a", ["intro", "q1"], T0)
    await remind(log, "a", "q1", later)
    await log.emit("a", "step_shown", "q1", later + HOUR)
    await log.emit("a", "answer_given", "q1", later + HOUR, **answer("right", True))
    await log.emit("a", "step_shown", "fork", later + HOUR)
    await log.emit("a", "answer_given", "fork", later + HOUR, **answer("y", None))
    await log.emit("a", "step_shown", "right", later + HOUR)
    await log.emit("a", "step_shown", "done", later + HOUR)
    await log.emit("a", "run_completed", "done", later + HOUR)
    # b (Russian): reminded at fork, comes back and leaves again.
    await log.walk("b", ["intro", "q1", "fork"], T0, locale="ru")
    await remind(log, "b", "fork", later, locale="ru")
    await log.emit("b", "step_shown", "fork", later + HOUR, locale="ru")
    # c: reminded at q1, never comes back; d: blocks the bot after the reminder.
    await log.walk("c", ["intro", "q1"], T0)
    await remind(log, "c", "q1", later)
    await log.walk("d", ["intro", "q1"], T0)
    await remind(log, "d", "q1", later)
    await log.emit("d", "bot_blocked", "q1", later + HOUR)
    # e: reminded at q1, comes back after the scenario changed: a new version carries on.
    await log.walk("e", ["intro", "q1"], T0)
    await remind(log, "e", "q1", later)
    await log.emit("e", "run_started", "q1", later + HOUR, run=2, version="3", from_version="2")
    # f: reminded at intro, goes on to q1 and stops; reminded again there, and gone.
    await log.walk("f", ["intro"], T0)
    await remind(log, "f", "intro", later)
    await log.emit("f", "step_shown", "q1", later + HOUR)
    await remind(log, "f", "q1", later + DAY)
    found = await demo(storage)
    sent = {
        s.step: (s.reminded, s.reminder_resumed, s.reminder_completed)
        for s in found.all.steps.values()
        if s.reminded
    }
    assert sent == {"intro": (1, 1, 0), "q1": (5, 2, 1), "fork": (1, 1, 0)}
    q1 = found.all.steps["q1"]
    assert q1.reminder_resumed_rate == pytest.approx(2 / 5)
    assert q1.reminder_completed_rate == pytest.approx(1 / 5)
    runs = found.all.runs
    assert (runs.reminded, runs.reminder_resumed, runs.reminder_completed) == (7, 4, 1)
    assert runs.reminder_resumed_rate == pytest.approx(4 / 7)
    ru = found.slices["ru"]
    assert (ru.runs.reminded, ru.runs.reminder_resumed) == (1, 1)
    assert ru.steps["fork"].reminder_resumed_rate == 1.0
    assert found.slices["en"].runs.reminded == 6
    data = found.as_dict()
    assert data["reminder_completed_rate"] == pytest.approx(1 / 7)
    step = next(s for s in data["steps"] if s["step"] == "q1")
    assert (step["reminded"], step["reminder_resumed"], step["reminder_completed"]) == (5, 2, 1)


# -- review retention by interval ------------------------------------------------------------


async def test_review_retention_by_interval_per_question(storage: Storage) -> None:
    log = PortLog(storage)
    for who in ("a", "b"):
        await log.walk(who, ["intro", "q1", "fork", "right", "done"], T0, complete=True)
    await log.walk("r", ["intro", "q1", "fork", "right", "done"], T0, complete=True, locale="ru")
    day = T0 + DAY
    await log.emit("a", "review_answered", "q1", day, **review(True, 1))
    await log.emit("a", "review_answered", "q1", day + 3 * DAY, **review(True, 3))
    await log.emit("a", "review_answered", "q1", day + 13 * DAY, **review(True, 10, scheduled=6))
    await log.emit("b", "review_answered", "q1", day, **review(False, 1))
    await log.emit("b", "review_answered", "q1", day + 40 * DAY, **review(False, 40))
    # Answered in Russian under a newer version: still the English run of version 2.
    newer = {"version": "3", "locale": "ru"}
    await log.emit("b", "review_answered", "q1", day + 5, **newer, **review(True, 0))
    await log.emit("r", "review_answered", "q1", day, locale="ru", **review(False, 2))
    found = await demo(storage)
    en = found.slices["en"].steps["q1"].reviews
    assert (en.total, en.right) == (6, 4)
    assert en.intervals() == [
        ("0-1", 3, 2, pytest.approx(2 / 3)),
        ("2-3", 1, 1, 1.0),
        ("8-14", 1, 1, 1.0),
        ("31+", 1, 0, 0.0),
    ]
    both = found.all.steps["q1"].reviews
    assert (both.total, both.right) == (7, 4)
    assert both.retention == pytest.approx(4 / 7)
    assert dict((label, n) for label, n, _, _ in both.intervals())["2-3"] == 2
    assert found.all.runs.reviews.total == 7
    data = found.as_dict()
    q1 = next(s for s in data["steps"] if s["step"] == "q1")
    assert q1["review_intervals"]["0-1"] == {
        "answered": 3,
        "correct": 2,
        "retention": pytest.approx(2 / 3),
    }
    assert data["review_retention"] == pytest.approx(4 / 7)
    assert found.slices["ru"].steps["q1"].reviews.retention == 0.0


# -- confidently wrong -------------------------------------------------------------------------


async def test_confidently_wrong_first_answers_per_step_and_language(storage: Storage) -> None:
    log = PortLog(storage)
    first = [
        ("a", "en", "wrong", False, "sure"),
        ("b", "en", "right", True, "sure"),
        ("c", "en", "worse", False, "guessing"),
        ("d", "en", "worse", False, None),  # the question did not ask: not counted
        ("e", "ru", "wrong", False, "sure"),
        ("f", "ru", "worse", False, "sure"),
    ]
    for who, locale, option, correct, confidence in first:
        await log.walk(who, ["intro", "q1"], T0, locale=locale)
        more = {"confidence": confidence} if confidence else {}
        await log.emit(who, "answer_given", "q1", T0 + MIN, locale=locale,
                       **answer(option, correct, **more))  # fmt: skip
    # Later answers at the same visit are not first answers, sure or not.
    for who in ("a", "b"):
        again = answer("worse", False, confidence="sure")
        await log.emit(who, "answer_given", "q1", T0 + 2 * MIN, **again)
    found = await demo(storage)
    en, ru, both = (found.slices[lang].steps["q1"] for lang in ("en", "ru", "all"))
    assert (en.confidence_asked, en.sure, en.sure_wrong, en.guessing_wrong) == (3, 2, 1, 1)
    assert en.confidently_wrong_rate == pytest.approx(1 / 3)
    assert (ru.confidence_asked, ru.sure_wrong, ru.confidently_wrong_rate) == (2, 2, 1.0)
    assert both.sure_wrong == 3 and both.confidently_wrong_rate == pytest.approx(3 / 5)
    assert both.top_confidently_wrong == ("wrong", 2)
    assert en.top_confidently_wrong == ("wrong", 1)
    step = next(s for s in found.as_dict()["steps"] if s["step"] == "q1")
    assert (step["sure_wrong"], step["confidence_asked"]) == (3, 5)
    assert step["top_confidently_wrong_option"] == "wrong"
    assert found.all.steps["intro"].confidently_wrong_rate is None


# -- real-world outcomes -------------------------------------------------------------------------


async def test_followup_outcomes_and_problems(storage: Storage) -> None:
    log = PortLog(storage)
    answers: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("a", "en", [("followup_answered", "done")]),
        ("b", "en", [("followup_answered", "not_yet")]),
        ("c", "en", [("followup_answered", "problem"), ("followup_problem", "card-kept")]),
        ("d", "ru", [("followup_answered", "problem"), ("followup_problem", "other"),
                     ("followup_problem", "card-kept")]),  # only the first pick counts
        ("e", "en", []),  # asked, never answered
        ("f", "en", [("followup_answered", "done"), ("followup_answered", "problem"),
                     ("followup_problem", "card-kept")]),  # the first answer is the answer
    ]  # fmt: skip
    for who, locale, presses in answers:
        await log.walk(who, ["intro", "q1", "fork", "right", "done"], T0, locale=locale,
                       complete=True)  # fmt: skip
        at = T0 + 7 * DAY
        await log.emit(who, "followup_asked", None, at, locale=locale, after_days=7)
        for kind, value in presses:
            at += MIN
            field = "outcome" if kind == "followup_answered" else "problem"
            await log.emit(who, kind, None, at, locale=locale, **{field: value})
    await log.emit("e", "followup_asked", None, T0 + 8 * DAY, after_days=7)  # asked once
    found = await demo(storage)
    runs = found.all.runs
    assert (runs.followup_asked, runs.followup_answered) == (6, 5)
    assert (runs.followup_done, runs.followup_not_yet, runs.followup_problem) == (2, 1, 2)
    assert runs.followup_answer_rate == pytest.approx(5 / 6)
    assert runs.followup_share("done") == pytest.approx(2 / 5)
    assert runs.problems == {"card-kept": 1, "other": 1}
    ru = found.slices["ru"].runs
    assert (ru.followup_asked, ru.followup_problem, dict(ru.problems)) == (1, 1, {"other": 1})
    data = found.as_dict()
    assert data["followup_problems"] == {"card-kept": 1, "other": 1}
    assert data["followup_problem_rate"] == pytest.approx(2 / 5)
    assert data["languages"]["en"]["followup_answered"] == 4
    assert found.all.runs.completed == 6  # the follow-up changes nothing about the runs


# -- filters: the run's day, language and source decide ---------------------------------------


async def test_loop_figures_follow_the_runs_filters(storage: Storage) -> None:
    log = PortLog(storage)
    await log.walk("a", ["intro", "q1", "fork", "right", "done"], T0, complete=True)
    await log.walk("sim:1", ["intro", "q1", "fork", "right", "done"], T0, complete=True)
    await log.walk("late", ["intro", "q1"], T0 + 5 * DAY)
    for who in ("a", "sim:1"):
        await log.emit(who, "followup_asked", None, T0 + 7 * DAY, after_days=7)
        await log.emit(who, "review_answered", "q1", T0 + 7 * DAY, **review(True, 7))
    await remind(log, "late", "q1", T0 + 6 * DAY)
    everyone = (await demo(storage)).all.runs
    assert (everyone.followup_asked, everyone.reviews.total, everyone.reminded) == (2, 2, 1)
    telegram = (await demo(storage, Filters(source="telegram"))).all.runs
    assert (telegram.followup_asked, telegram.reviews.total) == (1, 1)
    # The follow-ups and reviews happened on day 7, but their runs started on day 0.
    later = (await demo(storage, Filters(since=date(2026, 1, 3)))).all.runs
    assert (later.followup_asked, later.reviews.total, later.reminded) == (0, 0, 1)
    assert (await demo(storage, Filters(lang="ru"))).all.runs.has_loop is False
    other = await demo(storage, Filters(version="1"))
    assert other.all.runs.followup_asked == 0


# -- derived tables: what a rebuild from events gives ------------------------------------------


async def test_loop_tables_rebuilt_from_events_equal_those_kept_on_write(
    storage: Storage,
) -> None:
    log = PortLog(storage)
    await log.walk("a", ["intro", "q1"], T0)
    await remind(log, "a", "q1", T0 + 20 * HOUR)
    await log.emit("a", "step_shown", "q1", T0 + DAY)
    for option, correct in (("wrong", False), ("right", True)):
        sure = answer(option, correct, confidence="sure")
        await log.emit("a", "answer_given", "q1", T0 + DAY, **sure)
    await log.emit("a", "step_shown", "fork", T0 + DAY)
    await log.emit("a", "run_completed", "fork", T0 + DAY)
    await log.emit("a", "review_sent", "q1", T0 + 2 * DAY, review=1)
    await log.emit("a", "review_answered", "q1", T0 + 2 * DAY, **review(False, 1))
    await log.emit("a", "followup_asked", None, T0 + 7 * DAY, after_days=7)
    await log.emit("a", "followup_answered", None, T0 + 7 * DAY, outcome="problem")
    await log.emit("a", "followup_problem", None, T0 + 7 * DAY, problem="other")
    await log.walk("b", ["intro"], T0, locale="ru")
    await log.emit("b", "bot_blocked", "intro", T0 + MIN, locale="ru")
    await remind(log, "b", "intro", T0 + 20 * HOUR, locale="ru")
    written = await derived_rows(storage)
    assert all(written[t] for t in ("reminder_daily", "review_daily", "confidence_daily"))
    assert all(written[t] for t in ("followup_daily", "followup_problems"))
    await storage.rebuild_analytics()
    assert await derived_rows(storage) == written


# -- upgrading a database that already has the loop's events ----------------------------------

OLD_EVENTS = [
    # (kind, step, at_ms, extra): a run stopped at q1, reminded, then a review days later.
    ("run_started", "intro", T0, None),
    ("step_shown", "intro", T0, None),
    ("step_shown", "q1", T0 + MIN, None),
    ("reminder_sent", "q1", T0 + 20 * HOUR, '{"shown": 2, "total": 5}'),
    (
        "review_answered",
        "q1",
        T0 + 3 * DAY,
        '{"elapsed_days": 3, "review": 1, "scheduled_days": 3}',
    ),
]
INSERT_OLD = (
    "insert into events (user_id, scenario, version, run, step, locale, kind, at_ms, option, "
    "correct, extra) values (1, 'demo', '2', 1, ?, 'en', ?, ?, ?, ?, ?)"
)


def old_rows() -> list[list[Any]]:
    return [
        [step, kind, at, "right" if kind == "review_answered" else None,
         1 if kind == "review_answered" else None, extra]
        for kind, step, at, extra in OLD_EVENTS
    ]  # fmt: skip


async def test_the_migration_counts_the_loop_events_already_recorded(database: str) -> None:
    """A database with the loop's events and no loop tables yet: the migration's rebuild fills
    the loop's counters and leaves the run as its learner left it."""
    if database.startswith("postgresql"):
        import asyncpg

        from bot.storage.postgres import migrations as pg

        saved = list(pg.MIGRATIONS)
        conn = await asyncpg.connect(database)
        try:
            pg.MIGRATIONS[:] = [m for m in saved if m.name != "m006_learning_loop_figures"]
            await pg.migrate(conn)
            await conn.executemany(sql.numbered(INSERT_OLD), old_rows())
        finally:
            pg.MIGRATIONS[:] = saved
            await conn.close()
    else:
        from bot.storage.sqlite import migrations as lite
        from bot.storage.sqlite.connection import connect

        db = connect(database)
        saved_lite = list(lite.MIGRATIONS)
        try:
            lite.MIGRATIONS[:] = [m for m in saved_lite if m.name != "m011_learning_loop_figures"]
            lite.migrate(db.conn, lambda: None)
            for row in old_rows():
                db.execute(INSERT_OLD, row)
        finally:
            lite.MIGRATIONS[:] = saved_lite
        db.close()
    storage = open_storage(database)
    try:
        await storage.migrate()
        rows = await derived_rows(storage)
        assert rows["reminder_daily"][0][-3:] == (1, 0, 0)  # sent, resumed, completed
        assert rows["review_daily"][0][-3:] == (3, 1, 1)  # days, answered, right
        (run,) = rows["runs"]
        assert (run[11], run[12]) == (T0 + MIN, MIN)  # last_ms, max_gap_ms: the learner's
        assert run[-5:] == ("q1", 0, 0, None, None)  # reminded at q1, not back yet
    finally:
        await storage.close()
