"""Faults from Telegram and its proxies, over HTTP: the polling loop survives every one of
them, a poison update is given up on without taking the rest down, and nothing a user typed
reaches the log."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from bot.botapi.polling import PollingConflictError
from bot.botapi.port import WebhookError
from bot.config import Config
from bot.telegram.runner import serve
from tests.telegram.conftest import RunningBot
from tests.telegram.fakeapi import BAD_GATEWAY, TOKEN, FakeBotAPI, Fault

USER = 42
OTHER = 7
CARD = "4276 1234 5678 9012"
CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot"
APOLOGY = "Sorry, I could not process your last message."
PRIVACY = "What I keep"


def rows(config: Config, sql: str) -> list[Any]:
    with sqlite3.connect(config.database) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def fast(config: Config) -> Config:
    return config.model_copy(update={"retry_delay": 0.01})


@pytest.fixture
async def running(fast: Config, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    bot = RunningBot(fast, api)
    await bot.start()
    yield bot
    with contextlib.suppress(Exception):
        await bot.stop()


async def until(api: FakeBotAPI, bot: RunningBot, predicate: Callable[[], bool]) -> None:
    """Wait for `predicate`, failing at once if the bot stopped."""

    def holds() -> bool:
        if bot.task is not None and bot.task.done():
            raise AssertionError(f"the bot stopped: {bot.task.exception()!r}")
        return predicate()

    await api.wait_for(holds, within=30)  # a bound for a hang, not a timing: load stretches it


BOOKKEEPING = {"created", "msecs", "relativeCreated", "thread", "process", "request_start_time"}
"""Numbers logging (and aiohttp's access log) keep about a record, not what it says: times and
ids with so many digits that a card's four turn up among them by chance (some 300 distinct
fours a run in the webhook test's 20 records: about one run in 30)."""


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Each record's message and every field it carries but the bookkeeping; its `args` only
    as formatted into the message (aiogram's include a duration of 16 digits)."""
    skip = {*BOOKKEEPING, "args"}
    fields = ({k: v for k, v in vars(r).items() if k not in skip} for r in caplog.records)
    return caplog.text + "".join(map(str, fields))


def polls(api: FakeBotAPI) -> int:
    return sum(c.method == "getUpdates" for c in api.calls)


def unreadable(user: int) -> dict[str, Any]:
    """A private message aiogram cannot read (message_id is not a number)."""
    return {
        "message": {
            "message_id": "not-a-number",
            "date": 0,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "T", "language_code": "en"},
            "text": f"my card is {CARD}",
        }
    }


# -- 1. getUpdates faults ----------------------------------------------------------------


async def test_getupdates_html_502_409_and_500_do_not_stop_polling(
    fast: Config, api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    api.fail(
        "getUpdates",
        Fault(502, html=BAD_GATEWAY),
        Fault(409, CONFLICT),
        Fault(409, CONFLICT),
        Fault(500, "Internal Server Error"),
    )
    bot = RunningBot(fast, api)
    try:
        await bot.start()
        await api.message(USER, "/privacy")
        await until(api, bot, lambda: bool(api.sent(USER)))
        assert api.sent(USER)[0].text.startswith(PRIVACY)
        assert not api.faults["getUpdates"], "every fault was met and survived"
        conflicts = [r for r in caplog.records if "another instance" in r.getMessage()]
        assert len(conflicts) == 2 and conflicts[0].levelno == logging.ERROR
    finally:
        await bot.stop()


async def test_409_stops_the_bot_when_configured_to(fast: Config, api: FakeBotAPI) -> None:
    api.fail("getUpdates", Fault(409, CONFLICT))
    config = fast.model_copy(update={"exit_on_conflict": True})
    with pytest.raises(PollingConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(serve(config, TOKEN, stop=asyncio.Event()), timeout=30)


# -- 2, 3. poison updates ----------------------------------------------------------------


async def test_unreadable_update_is_given_up_and_the_rest_of_its_batch_served(
    running: RunningBot, api: FakeBotAPI, fast: Config, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    poison = await api.push(unreadable(USER))
    await api.message(OTHER, "/privacy")
    await until(api, running, lambda: bool(api.sent(OTHER)) and bool(api.sent(USER)))
    assert api.sent(OTHER)[0].text.startswith(PRIVACY)
    assert [c.text for c in api.sent(USER)] == [
        "Sorry, I could not process your last message. Please send it again, or open /menu."
    ]
    await api.settle()
    assert rows(fast, "select update_id, kind, error, attempts from failed_updates") == [
        (poison, "message", "UnreadableUpdate", 1)
    ]
    text = logged(caplog)
    assert "4276" not in text and "my card" not in text


def refuse_user(config: Config, user: int) -> None:
    """Make the database refuse to store this user, as a full disk or a broken table would:
    each of their updates then fails in full, nothing of it committed, however often it is
    tried (another user's are served)."""
    with sqlite3.connect(config.database) as conn:
        conn.execute(
            f"create trigger refuse_{user} before insert on users "
            f"when new.external_id = 'tg:{user}' begin select raise(abort, 'refused'); end"
        )


def attempts(caplog: pytest.LogCaptureFixture, update_id: int) -> int:
    """How many times the bot ran the update's handlers and saw them fail (its log)."""
    return sum(
        r.getMessage() == "update failed" and getattr(r, "update_id", None) == update_id
        for r in caplog.records
    )


async def test_update_failing_three_times_is_recorded_confirmed_and_skipped(
    fast: Config, api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    bot = RunningBot(fast, api)
    await bot.start()  # the tables exist once it polls
    refuse_user(fast, USER)
    try:
        poison = await api.message(USER, "/start", language="ru")
        redelivery = copy.deepcopy(next(u for u in api.pending if u["update_id"] == poison))
        await api.message(OTHER, "/privacy")
        await until(api, bot, lambda: bool(api.sent(OTHER)) and bool(api.sent(USER)))
        await api.settle()
        assert attempts(caplog, poison) == 3
        assert rows(fast, "select update_id, kind, error, attempts from failed_updates") == [
            (poison, "message", "IntegrityError", 3)
        ]
        assert [c.text for c in api.sent(USER)] == [
            "Извините, я не смог обработать ваше последнее сообщение. "
            "Отправьте его ещё раз или откройте /menu."
        ]
        # Recorded as processed: redelivered after a restart, it is skipped (tried again, it
        # would fail again: the database still refuses the user).
        await bot.restart()
        await api.redeliver(redelivery)
        await api.message(OTHER, "/privacy")
        await until(api, bot, lambda: len(api.sent(OTHER)) == 2)
        await api.settle()
        assert attempts(caplog, poison) == 3 and len(api.sent(USER)) == 1
    finally:
        await bot.stop()


# -- 4. ids below the offset -------------------------------------------------------------


async def test_ids_restarting_below_the_offset_are_served_without_spinning(
    running: RunningBot, api: FakeBotAPI, fast: Config
) -> None:
    for _ in range(3):
        await api.message(OTHER, "/privacy")
    await until(api, running, lambda: len(api.sent(OTHER)) == 3)
    await api.settle()
    # A week later: the old ids are old, and Telegram's next id is random, here one of them.
    week_ms = 8 * 24 * 3600 * 1000
    with sqlite3.connect(fast.database) as conn:
        conn.execute("update processed_updates set at_ms = at_ms - ?", [week_ms])
    before = polls(api)
    api.restart_ids(at=2)
    await api.message(USER, "/privacy")
    await until(api, running, lambda: bool(api.sent(USER)))
    await api.settle()
    assert api.sent(USER)[0].text.startswith(PRIVACY)
    assert polls(api) - before < 10, "getUpdates in a loop"
    await api.message(USER, "/help")
    await until(api, running, lambda: len(api.sent(USER)) == 2)


# -- 5. sends ----------------------------------------------------------------------------


async def test_send_answered_by_an_html_502_is_retried(
    running: RunningBot, api: FakeBotAPI
) -> None:
    api.fail("sendMessage", Fault(502, html=BAD_GATEWAY))
    await api.message(USER, "/privacy")
    await until(api, running, lambda: bool(api.sent(USER)))
    assert api.sent(USER)[0].text.startswith(PRIVACY)
    assert [c.failed for c in api.calls if c.method == "sendMessage"] == [True, False]


async def test_403_on_start_mid_run_records_one_bot_blocked(
    running: RunningBot, api: FakeBotAPI, fast: Config
) -> None:
    await api.press(USER, "o:atm-withdrawal")
    await until(api, running, lambda: bool(api.sent(USER)))
    await api.settle()
    blocked = Fault(403, "Forbidden: bot was blocked by the user")
    api.fail("sendMessage", blocked, blocked)  # every send to a user who blocked the bot
    await api.message(USER, "/start")
    await api.settle()
    await until(api, running, lambda: bool(rows(fast, "select 1 from users where blocked")))
    assert rows(fast, "select count(*) from events where kind = 'bot_blocked'") == [(1,)]
    assert sum(c.failed for c in api.calls if c.method == "sendMessage") == 1
    api.faults.clear()


# -- 6, 7. the webhook -------------------------------------------------------------------

SECRET = "s3cret-Token_1"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def hook(fast: Config) -> Config:
    return fast.model_copy(
        update={
            "webhook_secret": SecretStr(SECRET),
            "webhook_listen": f"127.0.0.1:{free_port()}",
        }
    )


def private(user: int | None, text: str, chat: int | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": chat or user, "type": "private"},
        "text": text,
    }
    if user is not None:
        message["from"] = {"id": user, "is_bot": False, "first_name": "T"}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"message": message}


async def test_webhook_answers_200_and_calmly_to_every_update(
    api: FakeBotAPI,
    hook: Config,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    stop = asyncio.Event()
    url = f"http://{hook.webhook_listen}/hook"
    task = asyncio.create_task(serve(hook, TOKEN, webhook_url=url, stop=stop))
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    try:
        await api.wait_for(lambda: any(c.method == "setWebhook" for c in api.calls))
        async with aiohttp.ClientSession() as http:

            async def post(body: Any) -> int:
                kwargs = {"data": body} if isinstance(body, str) else {"json": body}
                async with http.post(url, headers=headers, **kwargs) as response:
                    return response.status

            assert await post({"update_id": 2**63, **private(1, "/privacy")}) == 200
            assert api.sent(1)[-1].text.startswith(APOLOGY)
            assert await post({"update_id": 2**70, **private(1, "/privacy")}) == 200
            assert await post({"update_id": 10, **private(None, "/privacy", chat=2)}) == 200
            # Replies go out right after the 200 (committed to the outbox before it).
            await api.wait_for(lambda: any(c.text.startswith(PRIVACY) for c in api.sent(2)))
            assert await post({"update_id": 11, **private(None, f"hi {CARD}", chat=3)}) == 200
            await api.wait_for(lambda: bool(api.sent(3)))  # the usual answer, without `from`
            unknown = {"update_id": 12, "message_reaction_v99": {"chat": {"id": 4}, "x": CARD}}
            assert await post(unknown) == 200
            assert await post({"update_id": 13, **unreadable(5)}) == 200
            assert api.sent(5)[-1].text.startswith(APOLOGY)
            assert await post({"update_id": 13, **unreadable(5)}) == 200  # redelivered
            assert len(api.sent(5)) == 1
            assert await post("{not json") == 400
            assert await post("[1, 2]") == 400
            assert await post({"no_update_id": 1}) == 400
        failed = rows(hook, "select update_id, kind, error from failed_updates")
        assert failed == [(13, "message", "UnreadableUpdate")]
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
    out, err = capfd.readouterr()
    text = logged(caplog) + out + err
    assert "4276" not in text and "hi " not in text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert "AssertionError" not in text and "Traceback" not in text


@pytest.mark.parametrize("secret", ["   ", "", "has space", "ümlaut", "x" * 257, "a\n"])
async def test_webhook_refuses_a_secret_telegram_would_refuse(
    api: FakeBotAPI, hook: Config, secret: str
) -> None:
    config = hook.model_copy(update={"webhook_secret": SecretStr(secret)})
    with pytest.raises(WebhookError, match="ROLEBOT_WEBHOOK_SECRET must be 1-256 characters"):
        await asyncio.wait_for(
            serve(config, TOKEN, webhook_url="https://bot.example.org/hook"), timeout=30
        )
    assert not api.calls, "refused before talking to Telegram"


async def test_webhook_stops_when_telegram_refuses_it(api: FakeBotAPI, hook: Config) -> None:
    api.fail("setWebhook", Fault(400, "Bad Request: bad webhook: HTTPS url must be provided"))
    url = f"http://{hook.webhook_listen}/hook"
    with pytest.raises(WebhookError, match=r"Telegram refused the webhook: .*HTTPS url must"):
        await asyncio.wait_for(serve(hook, TOKEN, webhook_url=url), timeout=30)
    with pytest.raises(aiohttp.ClientConnectionError):  # and nothing is left listening
        async with aiohttp.ClientSession() as http, http.post(url, json={}):
            pass


def test_cli_refuses_a_whitespace_secret_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from bot.cli import cli

    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("ROLEBOT_WEBHOOK_SECRET", "   ")
    result = CliRunner().invoke(cli, ["run", "--webhook", "https://bot.example.org/hook"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("ROLEBOT_WEBHOOK_SECRET must be 1-256 characters")


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_one_off_database_failure_loses_no_input(
    api: FakeBotAPI, hook: Config, framework: str
) -> None:
    """The database fails once while an input is applied (here: it refuses the run's first
    event), and works again for the recovery that follows. The input must not be recorded
    as handled with an apology: the webhook answers 500 and Telegram's retry applies it."""
    from tests.telegram.conftest import serve as serve_on

    config = hook.model_copy(update={"framework": framework})
    stop = asyncio.Event()
    url = f"http://{config.webhook_listen}/hook"
    task = asyncio.create_task(serve_on(config, TOKEN, webhook_url=url, stop=stop))
    update = {
        "update_id": 77,
        "callback_query": {
            "id": "cb77",
            "from": {"id": USER, "is_bot": False, "first_name": "T", "language_code": "en"},
            "chat_instance": "1",
            "data": "o:atm-withdrawal",
            "message": {"message_id": 1, "date": 0, "chat": {"id": USER, "type": "private"}},
        },
    }
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    try:
        await api.wait_for(lambda: any(c.method == "setWebhook" for c in api.calls))
        with sqlite3.connect(config.database) as conn:
            conn.execute("create table refuse (x)")
            conn.execute("insert into refuse values (1)")
            conn.execute(
                "create trigger refuse_events before insert on events "
                "when exists (select 1 from refuse) begin select raise(abort, 'refused'); end"
            )
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=update, headers=headers) as response:
                assert response.status == 500, "not handled: Telegram will send it again"
            with sqlite3.connect(config.database) as conn:
                conn.execute("delete from refuse")  # the database is back
            async with http.post(url, json=update, headers=headers) as response:
                assert response.status == 200
        await api.wait_for(lambda: bool(api.sent(USER)))
        assert api.sent(USER)[0].text.startswith("Withdrawing cash at an ATM")
        assert not any(c.text.startswith("Something went wrong") for c in api.sent(USER))
        with sqlite3.connect(config.database) as conn:
            assert conn.execute("select count(*) from failed_updates").fetchone() == (0,)
            kinds = [k for (k,) in conn.execute("select kind from events order by id")]
        assert kinds[:2] == ["run_started", "step_shown"]
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
