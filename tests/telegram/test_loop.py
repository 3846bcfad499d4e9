"""The learning loop end to end on both libraries, through the fake Bot API, on a clock the
test moves by hours and days: a reminder where the learner stopped, quiet hours, a review of
what they got wrong, a follow-up about doing it for real, and nothing after completion, a
block, an opt-out or /forget."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.config import Config
from bot.core import actions
from bot.core.learning import Outcome
from tests.telegram.conftest import serve
from tests.telegram.fakeapi import TOKEN, FakeBotAPI
from tests.telegram.test_e2e import button, open_topic, reply_count, step_through

USER = 42
HOUR_MS = 3_600_000
START = int(datetime(2026, 12, 1, 14, 0, tzinfo=UTC).timestamp() * 1000)
"""14:00 UTC, in the test window (10:00-20:00 UTC): a reminder 21 hours later falls at 11:00."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    metafunc.parametrize("framework", ["aiogram", "ptb"])


class Clock:
    def __init__(self) -> None:
        self.ms = START

    def __call__(self) -> int:
        return self.ms

    def advance(self, hours: float) -> None:
        self.ms += int(hours * HOUR_MS)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def loop_config(config: Config) -> Config:
    return config.model_copy(
        update={"scheduler_tick": 0.02, "time_zone": "UTC", "send_window": "10:00-20:00"}
    )


@pytest.fixture
async def running(loop_config: Config, api: FakeBotAPI, clock: Clock) -> AsyncIterator[None]:
    stop = asyncio.Event()
    task = asyncio.create_task(serve(loop_config, TOKEN, stop=stop, clock=clock))
    await api.wait_for(lambda: any(c.method == "getUpdates" for c in api.calls) or task.done())
    if task.done():
        task.result()
    yield
    stop.set()
    await asyncio.wait_for(task, timeout=15)


async def ticks(config: Config, count: int = 10) -> None:
    """Let the scheduler look a few times (a short bounded wait: only absences need it)."""
    await asyncio.sleep(config.scheduler_tick * count)


def rows(config: Config, sql: str) -> list[Any]:
    with sqlite3.connect(config.database) as conn:
        return conn.execute(sql).fetchall()


async def stop_halfway(api: FakeBotAPI) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    before = len(api.sent(USER))
    await api.press(USER, button(api, USER, actions.Next))
    await reply_count(api, USER, before)
    await api.settle()


@pytest.mark.usefixtures("running")
async def test_one_reminder_where_the_learner_stopped(
    api: FakeBotAPI, loop_config: Config, clock: Clock
) -> None:
    await stop_halfway(api)
    before = len(api.sent(USER))
    clock.advance(19)
    await ticks(loop_config)
    assert len(api.sent(USER)) == before, "not before 20 hours"
    clock.advance(2)
    await reply_count(api, USER, before)
    reminder = api.sent(USER)[-1]
    assert "You stopped at step 2 of" in reminder.text and "Withdrawing cash" in reminder.text
    pressed = [actions.decode(d) for _, d in reminder.buttons]
    assert actions.Open("atm-withdrawal") in pressed
    assert {actions.Reminders(True), actions.Reminders(False)} <= set(pressed), "asked once"
    clock.advance(72)
    await ticks(loop_config)
    assert len(api.sent(USER)) == before + 1, "no second reminder unless the learner answers"
    await api.press(USER, actions.encode(actions.Open("atm-withdrawal")))
    await reply_count(api, USER, before + 1)
    assert rows(loop_config, "select step from events where kind = 'reminder_sent'") == [
        ("choose-atm",)
    ]
    shown = rows(loop_config, "select step from events where kind = 'step_shown'")
    assert shown[-1] == ("choose-atm",), "continues exactly there"


@pytest.mark.usefixtures("running")
async def test_quiet_hours_hold_the_reminder_until_the_window_opens(
    api: FakeBotAPI, loop_config: Config, clock: Clock
) -> None:
    clock.advance(-1)  # 13:00 + 20 h = 09:00 next day, before the window opens at 10:00
    await stop_halfway(api)
    before = len(api.sent(USER))
    clock.advance(20.5)  # 09:30
    await ticks(loop_config)
    assert len(api.sent(USER)) == before, "quiet hours: nothing before 10:00"
    clock.advance(0.75)  # 10:15
    await reply_count(api, USER, before)
    (at,) = rows(loop_config, "select at_ms from events where kind = 'reminder_sent'")[0]
    assert datetime.fromtimestamp(at / 1000, UTC).hour == 10


@pytest.mark.usefixtures("running")
async def test_no_reminder_after_completion_block_opt_out_or_forget(
    api: FakeBotAPI, loop_config: Config, clock: Clock
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    await step_through(api, loop_config, USER, "en")  # completed
    await stop_halfway(api)  # then another run started...
    await api.message(USER, "/reminders")  # ...with reminders switched on, then off
    await api.message(USER, "/reminders")
    await reply_count(api, USER, len(api.sent(USER)) - 1, 0)
    await api.settle()
    assert api.sent(USER)[-1].text.startswith("Done: no reminders.")
    before = len(api.sent(USER))
    clock.advance(27)  # 17:00: inside the window
    await ticks(loop_config)
    assert len(api.sent(USER)) == before, "opted out"
    assert rows(loop_config, "select kind from jobs where kind = 'reminder'") == []

    other = 77
    await open_topic(api, other, "atm-withdrawal")
    await api.push(member_update(other, "kicked"))
    await api.settle()
    mine = (
        "select count(*) from jobs j join users u on u.id = j.user_id "
        f"where u.external_id = 'tg:{other}'"
    )
    assert rows(loop_config, mine) == [(0,)]
    clock.advance(27)  # 17:00: inside the window
    await ticks(loop_config)
    assert len(api.sent(other)) == 1, "nothing to a user who blocked the bot"

    third = 78
    await open_topic(api, third, "atm-withdrawal")
    await api.message(third, "/forget")
    await reply_count(api, third, 1)
    await api.press(third, actions.encode(actions.Forget(True)))
    await reply_count(api, third, 2)
    await api.settle()
    clock.advance(27)  # 17:00: inside the window
    await ticks(loop_config)
    assert len(api.sent(third)) == 3
    assert rows(loop_config, "select count(*) from jobs") == [(1,)], (
        "only the completed run's follow-up"
    )


def member_update(user: int, status: str) -> dict[str, Any]:
    bot_user = {"id": 1, "is_bot": True, "first_name": "Bot", "username": "rolebot"}
    return {
        "my_chat_member": {
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "T"},
            "date": 0,
            "old_chat_member": {"status": "member", "user": bot_user},
            "new_chat_member": {"status": status, "user": bot_user, "until_date": 0},
        }
    }


async def answer_first_question_wrong(api: FakeBotAPI, config: Config) -> str:
    """Walk to the first question, answer it wrong, and return its step id."""
    from bot.core.loader import load_library

    library = load_library(config.scenarios_dir, config.locales_dir)
    scenario = library.scenarios["atm-withdrawal"]
    for _ in range(20):
        keyboard = [actions.decode(d) for _, d in api.last_buttons(USER)]
        answers = [a for a in keyboard if isinstance(a, actions.Answer)]
        before = len(api.sent(USER))
        step = scenario.steps[answers[0].step] if answers else None
        options = getattr(step, "options", [])
        if answers and any(o.correct for o in options):
            wrong = next(a for a in answers for o in options if o.id == a.option and not o.correct)
            await api.press(USER, actions.encode(wrong))
            await reply_count(api, USER, before)
            await api.settle()
            return wrong.step
        nexts = [a for a in keyboard if isinstance(a, actions.Next)]
        await api.press(USER, actions.encode(nexts[0] if nexts else answers[0]))
        await reply_count(api, USER, before)
        await api.settle()
    raise AssertionError("no question found")


@pytest.mark.usefixtures("running")
async def test_a_wrong_answer_comes_back_as_a_review_and_the_follow_up_asks_about_real_life(
    api: FakeBotAPI, loop_config: Config, clock: Clock
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    question = await answer_first_question_wrong(api, loop_config)
    await step_through(api, loop_config, USER, "en")
    await api.press(USER, actions.encode(actions.Rate("atm-withdrawal", "2", 5)))
    await api.settle()
    before = len(api.sent(USER))
    clock.advance(25)
    await reply_count(api, USER, before)
    review = api.sent(USER)[-1]
    assert review.text.startswith("🔁 Quick review")
    pressed = [actions.decode(d) for _, d in review.buttons]
    answers = [a for a in pressed if isinstance(a, actions.ReviewAnswer)]
    assert {a.step for a in answers} == {question}
    assert actions.StopReviews() in pressed
    await api.press(USER, actions.encode(answers[0]))
    await reply_count(api, USER, before + 1)
    assert rows(loop_config, "select step from events where kind = 'review_answered'") == [
        (question,)
    ]
    (due,) = rows(loop_config, "select due_ms from jobs where kind = 'review'")[0]
    assert due > clock() + 12 * HOUR_MS, "the next review is days away, not now"

    before = len(api.sent(USER))
    clock.advance(7 * 24)  # the next review may come with it: wait for the follow-up itself
    await api.wait_for(lambda: any("on your own since" in c.text for c in api.sent(USER)[before:]))
    followup = next(c for c in api.sent(USER)[before:] if "on your own since" in c.text)
    decoded = [(d, actions.decode(d)) for _, d in followup.buttons]
    problem = next(
        d
        for d, a in decoded
        if isinstance(a, actions.FollowupAnswer) and a.outcome is Outcome.PROBLEM
    )
    await api.settle()
    before = len(api.sent(USER))
    await api.press(USER, problem, message_id=None)
    await reply_count(api, USER, before)
    kept = button(api, USER, actions.FollowupProblem)
    await api.press(USER, kept)
    await reply_count(api, USER, before + 1)
    assert "Stay by the ATM" in api.sent(USER)[-1].text
    kinds = rows(loop_config, "select kind from events where kind like 'followup%' order by id")
    assert kinds == [("followup_asked",), ("followup_answered",), ("followup_problem",)]


@pytest.mark.usefixtures("running")
async def test_reminders_switched_on_still_remind_once_per_stop(
    api: FakeBotAPI, loop_config: Config, clock: Clock
) -> None:
    await api.message(USER, "/reminders")
    await reply_count(api, USER, 0)
    assert api.sent(USER)[-1].text.startswith("Done: if you stop halfway")
    await stop_halfway(api)
    before = len(api.sent(USER))
    clock.advance(21)
    await reply_count(api, USER, before)
    pressed = [actions.decode(d) for _, d in api.sent(USER)[-1].buttons]
    assert pressed == [actions.Open("atm-withdrawal")], "not asked again: they said yes"
    for _ in range(3):
        clock.advance(24)
        await ticks(loop_config)
    assert len(api.sent(USER)) == before + 1, "one reminder per stop"
    await api.press(USER, button(api, USER, actions.Open))  # they come back...
    await reply_count(api, USER, before + 1)
    await api.settle()
    clock.advance(24)  # ...and stop again: one more reminder
    await reply_count(api, USER, before + 2)
