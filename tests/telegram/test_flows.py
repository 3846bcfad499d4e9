"""Every learner flow through the real aiogram Dispatcher, handlers, conversation service
and a SQLite file, without HTTP (tests/telegram/client.py). Transport behaviour (polling,
webhook, retries) is tested over HTTP in test_e2e.py."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram import Bot

from bot.analytics.filters import Filters
from bot.config import Config
from bot.core import actions
from bot.core.loader import Library
from bot.storage import open_storage
from bot.telegram.app import BotApp
from tests.telegram.client import TOKEN, BotClient, RecordingSession

ADMIN = 1000


@pytest.fixture
async def app(database: str, library: Library) -> AsyncIterator[tuple[BotApp, RecordingSession]]:
    """The bot on each storage backend (tests/conftest.py `database`)."""
    config = Config(database=database, admins=[ADMIN], support_contact="@desk", send_rate=0)
    session = RecordingSession()
    built = BotApp(config, library, open_storage(database), Bot(TOKEN, session=session))
    yield built, session
    await built.close()


@pytest.fixture
def user(app: tuple[BotApp, RecordingSession]) -> BotClient:
    return BotClient(*app, user_id=42, language="en")


def _files(database: Path) -> list[bytes]:
    return [p.read_bytes() for p in (database, Path(f"{database}-wal")) if p.exists()]


async def kinds(app: BotApp) -> list[str]:
    return [e["kind"] for e in await app.storage.events()]


async def blocked_users(app: BotApp) -> int:
    tallies = await app.storage.tallies(Filters(), 0)
    return tallies.blocked_users


async def test_start_greets_then_shows_the_menu(user: BotClient) -> None:
    sent = await user.send("/start")
    assert [s.method for s in sent] == ["sendMessage", "sendMessage"]
    assert sent[0].text.startswith("Hello!")
    assert sent[1].text == "Choose a topic:"
    assert ("Withdrawing cash at an ATM", "o:atm-withdrawal") in sent[1].buttons


async def test_a_walk_answers_every_press_and_records_it(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    await user.send("/start")
    opened = await user.click("Withdrawing cash")
    assert [s.method for s in opened] == [
        "answerCallbackQuery",
        "editMessageReplyMarkup",
        "sendMessage",
    ]
    assert "Step 1 of" in opened[-1].text
    await user.click("Next")
    answered = await user.click("inside a bank branch")
    assert answered[1].method == "editMessageText"  # the pressed message shows the choice
    assert "→ One inside a bank branch" in answered[1].text
    assert answered[-1].text.startswith("Right.")
    assert (await kinds(app[0]))[:3] == ["run_started", "step_shown", "step_shown"]
    assert "answer_given" in await kinds(app[0])


async def test_the_same_update_twice_has_one_effect(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    await user.send("/start")
    await user.click("Withdrawing cash")
    first = len(await kinds(app[0]))
    assert user.last_update is not None
    again = await user.feed(user.last_update)
    assert again == []  # no message, no spinner answer, no edit
    assert len(await kinds(app[0])) == first


async def test_typed_text_where_buttons_are_expected_is_a_confusion_signal(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    await user.send("/start")
    await user.click("Withdrawing cash")
    await user.click("Next")
    sent = await user.send("my card number is 4111 1111 1111 1111")
    assert "Please answer with the buttons" in sent[-1].text
    assert (await kinds(app[0]))[-2:] == ["text_typed", "step_shown"]
    database = app[0].config.database
    if "://" in database:  # PostgreSQL: nothing stored holds the digits
        assert "4111" not in repr(await app[0].storage.events())
    else:
        assert b"4111" not in b"".join(_files(Path(database)))


async def test_help_escalates_by_command_and_by_button(user: BotClient) -> None:
    await user.send("/start")
    await user.click("Withdrawing cash")
    await user.click("Next")
    hint = await user.send("/help")
    assert "Hint" in hint[-1].text
    more = await user.click("I'm stuck")
    assert "@desk" in more[-1].text or "Explanation" in more[-1].text


async def test_language_switch_mid_run_repeats_the_step_in_the_new_language(
    user: BotClient,
) -> None:
    await user.send("/start")
    await user.click("Withdrawing cash")
    await user.send("/language")
    sent = await user.click("Русский")
    texts = [s.text for s in sent if s.method == "sendMessage"]
    assert texts[0].startswith("Готово")
    assert "Шаг 1 из" in texts[-1]


async def test_continue_resumes_or_says_there_is_nothing(user: BotClient) -> None:
    nothing = await user.send("/continue")
    assert nothing[0].text == "There is nothing in progress right now. Choose a topic:"
    await user.send("/start")
    await user.click("Withdrawing cash")
    resumed = await user.send("/continue")
    assert resumed[-1].text.startswith("Welcome back! You were at step 1 of")


async def test_forged_and_old_buttons_get_the_menu_not_a_crash(user: BotClient) -> None:
    forged = await user.press("a:atm-withdrawal:" + "x" * 70)
    assert forged[0].method == "answerCallbackQuery"
    assert forged[-2].text == "That button no longer works. Here is the menu."
    assert forged[-1].text == "Choose a topic:"
    stale = await user.press(actions.encode(actions.Next("atm-withdrawal", "old", "intro")))
    assert "older message" in stale[-1].text or "not in progress" in stale[-1].text


async def test_stickers_and_commands_in_groups(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    sticker: dict[str, object] = {
        "file_id": "s",
        "file_unique_id": "u",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    sent = await user.send(sticker=sticker)
    assert sent[-1].text.startswith("I can only read buttons")
    group = BotClient(*app, user_id=43)
    update_text = await group.send("/start", chat={"id": -5, "type": "group", "title": "g"})
    assert update_text[-1].text.startswith("I work in private chats only")


async def test_forget_removes_the_user_and_says_so_in_their_language(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    await user.send("/start")
    await user.click("Withdrawing cash")
    await user.send("/forget")
    cancelled = await user.click("No, keep")
    assert cancelled[-1].text == "Nothing was deleted."
    await user.send("/forget")
    done = await user.click("Yes, delete")
    assert done[-1].text.startswith("Done. Nothing in my database")
    assert await app[0].storage.users_by_source() == {}


async def test_admin_commands_check_the_numeric_id(app: tuple[BotApp, RecordingSession]) -> None:
    stranger = BotClient(*app, user_id=7)
    refused = await stranger.send("/stats")
    assert [s.text for s in refused] == ["This command is for administrators only."]
    admin = BotClient(*app, user_id=ADMIN)
    sent = await admin.send("/stats 7d")
    assert sent[0].text.startswith("📊")
    assert [s.method for s in sent[1:]] == ["sendDocument"]  # once: Telegram took it


async def test_blocking_the_bot_is_recorded_once_and_undone_by_writing_again(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    await user.send("/start")
    await user.click("Withdrawing cash")
    bot_user = {"id": 1, "is_bot": True, "first_name": "b"}
    member = {
        "chat": {"id": user.user_id, "type": "private"},
        "from": user._sender(),
        "date": 0,
        "old_chat_member": {"status": "member", "user": bot_user},
        "new_chat_member": {"status": "kicked", "user": bot_user, "until_date": 0},
    }
    from aiogram.types import Update

    for update_id in (900_001, 900_002):  # Telegram may say it twice
        await user.feed(Update.model_validate({"update_id": update_id, "my_chat_member": member}))
    assert (await kinds(app[0])).count("bot_blocked") == 1
    assert await blocked_users(app[0]) == 1
    await user.send("/menu")
    assert await blocked_users(app[0]) == 0


async def test_a_double_tap_on_one_message_applies_once(
    user: BotClient, app: tuple[BotApp, RecordingSession]
) -> None:
    """Issue 11.8: two presses of "Start again" on one message restarted the run twice."""
    await user.send("/start")
    await user.click("Withdrawing cash")
    await user.click("Next")
    step = user.messages()[-1]
    data = actions.encode(actions.Restart("atm-withdrawal"))
    await user.press(data, step)
    second = await user.press(data, step)
    assert [s.method for s in second] == ["answerCallbackQuery"]  # the spinner stops, no more
    assert (await kinds(app[0])).count("run_restarted") == 1
