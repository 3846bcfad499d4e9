"""End to end: the real polling loop and aiogram stack against the fake Bot API over HTTP."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.core import actions
from bot.core.loader import load_library
from tests.telegram.conftest import ADMIN, RunningBot
from tests.telegram.fakeapi import Call, FakeBotAPI, Fault

USER = 42
STARTUP_CALLS = {"getMe", "setMyCommands", "deleteWebhook", "getUpdates"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every e2e test runs on aiogram and on python-telegram-bot: the same bot, either way."""
    metafunc.parametrize("framework", ["aiogram", "ptb"])


def events(config: Config, sql: str = "select kind, step from events order by id") -> list[Any]:
    with sqlite3.connect(config.database) as conn:
        return conn.execute(sql).fetchall()


def button(api: FakeBotAPI, user: int, kind: type) -> str:
    """Callback data of the first button of a kind on the latest keyboard."""
    for _, data in api.last_buttons(user):
        if isinstance(actions.decode(data), kind):
            return data
    raise AssertionError(f"no {kind.__name__} button in {api.last_buttons(user)}")


async def reply_count(api: FakeBotAPI, user: int, before: int, more: int = 1) -> None:
    await api.wait_for(lambda: len(api.sent(user)) >= before + more)


async def step_through(api: FakeBotAPI, config: Config, user: int, language: str) -> None:
    """Answer every step right (first branch of every fork) until the end."""
    library = load_library(config.scenarios_dir, config.locales_dir)
    for _ in range(40):
        keyboard = [actions.decode(d) for _, d in api.last_buttons(user)]
        before = len(api.sent(user))
        if any(isinstance(a, actions.Rate) for a in keyboard):
            return
        nexts = [a for a in keyboard if isinstance(a, actions.Next)]
        answers = [a for a in keyboard if isinstance(a, actions.Answer)]
        if nexts:
            await api.press(user, actions.encode(nexts[0]), language=language)
        elif answers:
            scenario = library.scenarios[answers[0].scenario]
            step = scenario.steps[answers[0].step]
            options = getattr(step, "options", [])
            pick = next(
                (a for a in answers for o in options if o.id == a.option and o.correct), answers[0]
            )
            await api.press(user, actions.encode(pick), language=language)
        else:
            await api.message(user, "x" * 200, language=language)
        await reply_count(api, user, before)
        await api.settle()
    raise AssertionError("the scenario did not end")


async def open_topic(api: FakeBotAPI, user: int, scenario: str, language: str = "en") -> None:
    before = len(api.sent(user))
    await api.press(user, actions.encode(actions.Open(scenario)), language=language)
    await reply_count(api, user, before)  # title, objectives and the first step: one message
    await api.settle()


async def test_start_shows_greeting_and_menu_in_users_language(
    bot: RunningBot, api: FakeBotAPI
) -> None:
    await api.message(USER, "/start", language="ru-RU")
    await reply_count(api, USER, 0, 2)
    greeting, menu = api.sent(USER)[:2]
    assert greeting.text.startswith("Здравствуйте!")
    assert menu.text == "Выберите тему:"
    assert [label for label, _ in menu.buttons] == [
        "Снятие наличных в банкомате",
        "Обращение в поддержку",
    ]
    commands = [c for c in api.calls if c.method == "setMyCommands"]
    assert {c.params.get("language_code") for c in commands} == {"ru", "en", None}


async def test_russian_user_walks_atm_withdrawal_to_the_end(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await api.message(USER, "/start", language="ru")
    await reply_count(api, USER, 0, 2)
    await open_topic(api, USER, "atm-withdrawal", "ru")
    await step_through(api, config, USER, "ru")
    end = [
        c
        for c in api.sent(USER)
        if any(isinstance(actions.decode(d), actions.Rate) for _, d in c.buttons)
    ][-1]
    assert "✅ Что зависит от вас:" in end.text
    before = len(api.sent(USER))
    await api.press(USER, button(api, USER, actions.Rate), language="ru")
    await reply_count(api, USER, before, 2)
    thanks, suggestion = api.sent(USER)[-2:]
    assert thanks.text.startswith("Спасибо за оценку")
    assert suggestion.text == "Что дальше? Предлагаем тему «Обращение в поддержку»."
    assert suggestion.buttons[0] == ("Обращение в поддержку", "o:contact-support")
    kinds = [k for k, _ in events(config)]
    assert kinds[0] == "run_started" and kinds[-2:] == ["run_completed", "rated"]
    assert {loc for (loc,) in events(config, "select distinct locale from events")} == {"ru"}
    # Step messages counted "Шаг k из n" and answered ones were closed with the choice.
    assert any("Шаг 1 из" in c.text for c in api.sent(USER))
    edits = [c for c in api.calls if c.method == "editMessageText"]
    assert edits and all("\n\n→ " in c.text for c in edits)


async def test_help_twice_then_silence(bot: RunningBot, api: FakeBotAPI, config: Config) -> None:
    await open_topic(api, USER, "contact-support")
    await api.press(USER, button(api, USER, actions.Next))
    await reply_count(api, USER, 1)
    for level in (1, 2):
        before = len(api.sent(USER))
        await api.press(USER, button(api, USER, actions.Help))
        await reply_count(api, USER, before)
        assert api.sent(USER)[-1].text.startswith(("💡 Hint", "📖 Explanation")[level - 1])
    await api.settle()
    help_levels = events(config, "select level from events where kind = 'help_asked'")
    assert help_levels == [(1,), (2,)]
    assert events(config, "select status, step from progress") == [("active", "pick-channel")]


async def test_language_switch_mid_scenario(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    before = len(api.sent(USER))
    await api.message(USER, "/language")
    await reply_count(api, USER, before)
    await api.press(USER, actions.encode(actions.Language("ru")))
    await reply_count(api, USER, before + 1, 2)
    confirm, step = api.sent(USER)[-2:]
    assert confirm.text == "Готово: теперь я говорю по-русски."
    assert step.text.startswith("Шаг 1 из")
    await api.settle()
    changed = events(config, "select locale, extra from events where kind = 'language_changed'")
    assert changed == [("ru", '{"from_locale": "en"}')]
    # The choice is stored and wins over Telegram's language_code from now on.
    before = len(api.sent(USER))
    await api.message(USER, "/menu", language="en")
    await reply_count(api, USER, before)
    assert api.sent(USER)[-1].text == "Выберите тему:"


async def test_resume_after_restart(bot: RunningBot, api: FakeBotAPI) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    await api.press(USER, button(api, USER, actions.Next))
    await reply_count(api, USER, 1)
    await api.settle()
    step_before = api.sent(USER)[-1].text
    await bot.restart()
    before = len(api.sent(USER))
    await api.message(USER, "/continue")
    await reply_count(api, USER, before)
    resumed = api.sent(USER)[-1].text
    assert step_before.startswith("Step 2 of 13\n\n")
    assert resumed == step_before.replace(
        "Step 2 of 13", "Welcome back! You were at step 2 of 13.", 1
    )
    menu_before = len(api.sent(USER))
    await api.message(USER, "/menu")
    await reply_count(api, USER, menu_before)
    labels = [label for label, _ in api.sent(USER)[-1].buttons]
    assert labels[0].startswith("Withdrawing cash at an ATM · step 2 of")


async def test_same_update_delivered_twice(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    """The bot handled a press, but its confirming getUpdates never reached Telegram (say, a
    deploy restarted it): Telegram delivers the press again, and it must change nothing."""
    await open_topic(api, USER, "atm-withdrawal")
    api.hold_confirmations = True  # the long poll in flight still delivers the press
    pressed = await api.press(USER, button(api, USER, actions.Next))
    await reply_count(api, USER, 1)
    await bot.stop()  # finishes the press; its confirmation is lost too
    assert api.pending and api.confirmed <= pressed, "the press is still unconfirmed"
    kinds_before = events(config)
    state_before = events(config, "select step, attempts from progress")
    start = len(api.calls)
    api.hold_confirmations = False
    await bot.start()
    await api.settle()  # the restarted bot fetched the press again and confirmed it
    assert any(c.method == "getUpdates" and not c.params.get("offset") for c in api.calls[start:])
    assert events(config) == kinds_before
    assert events(config, "select step, attempts from progress") == state_before
    assert [c.method for c in api.calls[start:] if c.method not in STARTUP_CALLS] == []


async def test_two_taps_ten_ms_apart_apply_in_order(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    data = button(api, USER, actions.Next)
    answered = sum(c.method == "answerCallbackQuery" for c in api.calls)
    await api.press(USER, data)
    await api.press(USER, data)  # the same button on the same message, tapped again at once
    await reply_count(api, USER, 1, 1)
    await api.wait_for(
        lambda: sum(c.method == "answerCallbackQuery" for c in api.calls) == answered + 2
    )
    await api.settle()
    shown = events(config, "select step from events where kind = 'step_shown' order by id")
    assert shown == [("intro",), ("choose-atm",)]  # the double tap applied once, silently
    assert events(config, "select step from progress") == [("choose-atm",)]
    assert len(api.sent(USER)) == 2  # the topic's first step, then the next: nothing more


async def test_429_waits_and_does_not_starve_others(bot: RunningBot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", Fault(429, "Too Many Requests: retry after 1", retry_after=1))
    await api.message(USER, "/privacy")
    await api.wait_for(lambda: any(c.method == "sendMessage" for c in api.calls))
    other = await api.message(7, "/privacy")
    await reply_count(api, 7, 0)
    served = len(api.calls)
    assert not api.sent(USER), "the rate-limited chat waits while another chat is served"
    await reply_count(api, USER, 0)
    assert api.sent(USER)[0].text.startswith("What I keep")
    await api.settle()
    # The waiting update held the offset, so Telegram delivered the other one again meanwhile:
    # handled once all the same.
    assert any(
        c.method == "getUpdates" and int(c.params.get("offset") or 0) < other
        for c in api.calls[served:]
    )
    assert [len(api.sent(7)), len(api.sent(USER))] == [1, 1]


async def test_403_marks_user_blocked_and_records_it(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    api.fail("sendMessage", Fault(403, "Forbidden: bot was blocked by the user"))
    await api.press(USER, button(api, USER, actions.Next))
    await api.settle()
    await api.wait_for(
        lambda: bool(events(config, "select 1 from events where kind = 'bot_blocked'"))
    )
    assert events(config, "select blocked from users") == [(1,)]
    blocked = events(config, "select step from events where kind = 'bot_blocked'")
    assert blocked == [("choose-atm",)]


async def test_not_modified_and_old_query_are_harmless(bot: RunningBot, api: FakeBotAPI) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    api.fail("editMessageReplyMarkup", Fault(400, "Bad Request: message is not modified"))
    api.fail("answerCallbackQuery", Fault(400, "Bad Request: query is too old"))
    before = len(api.sent(USER))
    await api.press(USER, button(api, USER, actions.Next))
    await reply_count(api, USER, before)
    assert api.sent(USER)[-1].text.startswith("Step 2 of")


async def test_dropped_connection_is_retried(bot: RunningBot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", Fault(500, drop=True))
    await api.message(USER, "/help")
    await reply_count(api, USER, 0)
    assert len([c for c in api.calls if c.method == "sendMessage"]) == 2


async def test_sticker_photo_and_long_text(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    sticker = {
        "sticker": {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
    }
    photo = {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]}
    for extra in (sticker, photo):
        before = len(api.sent(USER))
        await api.message(USER, "", extra=extra)
        await reply_count(api, USER, before)
        assert api.sent(USER)[-1].text.startswith("I can only read buttons")
    before = len(api.sent(USER))
    long_text = "4276 1234 5678 9012 " * 250
    await api.message(USER, long_text)
    await reply_count(api, USER, before)
    assert api.sent(USER)[-1].text.startswith("Please answer with the buttons")
    await api.settle()
    assert events(config, "select length from events where kind = 'text_typed'") == [
        (len(long_text),)
    ]
    raw = b"".join(p.read_bytes() for p in Path(config.database).parent.glob("bot.sqlite3*"))
    assert b"4276" not in raw


async def test_forged_and_stale_callback_data(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await open_topic(api, USER, "atm-withdrawal")
    before = len(api.sent(USER))
    await api.press(USER, "zz:forged")
    await reply_count(api, USER, before, 2)
    assert api.sent(USER)[-2].text == "That button no longer works. Here is the menu."
    before = len(api.sent(USER))
    await api.press(USER, "a:atm-withdrawal:1:'; drop table users;--:x")
    await reply_count(api, USER, before)
    assert api.sent(USER)[-1].text.startswith("That button belongs to an older message.")
    before = len(api.sent(USER))
    await api.press(USER, "a:atm-withdrawal:0:choose-atm:bank-branch")  # an old version
    await reply_count(api, USER, before)
    assert api.sent(USER)[-1].text.startswith("That button belongs to an older message.")
    before = len(api.sent(USER))
    await api.press(USER, "o:no-such-scenario")
    await reply_count(api, USER, before)
    assert api.sent(USER)[-1].text.startswith("Sorry, this topic has been removed.")
    await api.settle()
    assert events(config, "select count(*) from users") == [(1,)]


async def test_group_messages(bot: RunningBot, api: FakeBotAPI) -> None:
    await api.message(USER, "hello everyone", chat_type="group", chat_id=-100)
    await api.message(USER, "/start", chat_type="group", chat_id=-100)
    await api.wait_for(lambda: len(api.sent(-100)) >= 1)
    await api.settle()
    assert [c.text for c in api.sent(-100)] == [
        "I work in private chats only. Open a chat with me to learn a topic."
    ]


async def test_forget_leaves_no_trace(bot: RunningBot, api: FakeBotAPI, config: Config) -> None:
    user = 987654321
    await open_topic(api, user, "atm-withdrawal")
    before = len(api.sent(user))
    await api.message(user, "/forget")
    await reply_count(api, user, before)
    await api.press(user, actions.encode(actions.Forget(True)))
    await reply_count(api, user, before + 1)
    assert api.sent(user)[-1].text.startswith("Done. Nothing in my database is linked to you")
    await api.settle()
    with sqlite3.connect(config.database) as conn:
        conn.execute("pragma wal_checkpoint(TRUNCATE)")
        dump = "\n".join(conn.iterdump())
    assert str(user) not in dump
    assert events(config, "select count(*) from users") == [(0,)]
    assert events(config, "select count(*) from progress") == [(0,)]


async def test_reload_is_for_admins_and_keeps_old_version_on_errors(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await api.message(USER, "/reload")
    await reply_count(api, USER, 0)
    assert api.sent(USER)[-1].text == "This command is for administrators only."
    broken = config.scenarios_dir / "atm-withdrawal.yaml"
    source = broken.read_text(encoding="utf-8")
    broken.write_text(source.replace("next: choose-atm", "next: choose-atn", 1))
    await api.message(ADMIN, "/reload")
    await reply_count(api, ADMIN, 0)
    report = api.sent(ADMIN)[-1].text
    assert report.startswith("The new topics have 1 error, so the previous version")
    assert 'goes to missing step "choose-atn"' in report
    await open_topic(api, ADMIN, "atm-withdrawal")
    assert "\n\nStep 1 of " in api.sent(ADMIN)[-1].text


def call_texts(calls: list[Call]) -> list[str]:
    return [c.text for c in calls]
