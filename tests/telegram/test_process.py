"""The bot as a process and as a webhook server: SIGKILL mid-conversation, secret tokens;
`rolebot run` refusing to start without what it needs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from click.testing import CliRunner, Result
from pydantic import SecretStr

from bot.cli import cli
from bot.config import Config
from bot.core import actions
from bot.telegram.runner import serve
from tests.telegram.fakeapi import TOKEN, FakeBotAPI, Fault
from tests.telegram.launcher import Child, Launcher

USER = 42


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rows(db: Path | str, sql: str) -> list[Any]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def first_button(api: FakeBotAPI, kind: type) -> str:
    for _, data in api.last_buttons(USER):
        if isinstance(actions.decode(data), kind):
            return data
    raise AssertionError(api.last_buttons(USER))


class Bots:
    """`rolebot run` processes on `config`, one after the other, forked by the shared
    launcher; their output goes to one log."""

    def __init__(self, launcher: Launcher, config: Config, tmp_path: Path) -> None:
        self.launcher = launcher
        self.tmp_path = tmp_path
        self.log = tmp_path / "bot.log"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "BOT_TOKEN": TOKEN,
            "ROLEBOT_API_BASE": config.api_base,
            "ROLEBOT_DATABASE": str(config.database),
            "ROLEBOT_SCENARIOS_DIR": str(config.scenarios_dir),
            "ROLEBOT_LOCALES_DIR": str(config.locales_dir),
            "ROLEBOT_FRAMEWORK": config.framework,
            "ROLEBOT_OUTBOX_LEASE": str(config.outbox_lease),
            "ROLEBOT_SEND_RATE": str(config.send_rate),
        }
        self.started: list[Child] = []

    async def start(self) -> Child:
        """A new bot process; the previous one must have exited."""
        assert not any(b.running for b in self.started)
        child = await self.launcher.start(["run"], self.env, self.tmp_path, self.log)
        self.started.append(child)
        return child

    async def close(self) -> None:
        for child in self.started:
            with contextlib.suppress(Exception):
                await child.stop()


@pytest.fixture
async def bots(launcher: Launcher, config: Config, tmp_path: Path) -> AsyncIterator[Bots]:
    started = Bots(launcher, config, tmp_path)
    yield started
    await started.close()


def read_log(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")


async def wait_polling(api: FakeBotAPI, running: Child, polls: int, log: Path) -> None:
    """Until the bot polls again; fails at once if it exits. The bound only catches a bot that
    hangs: a start under load can take many times its usual fraction of a second."""
    polling = asyncio.ensure_future(
        api.wait_for(lambda: sum(c.method == "getUpdates" for c in api.calls) > polls, 120)
    )
    waiting: set[asyncio.Future[Any]] = {polling, running.exit}
    await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    if not polling.done():
        polling.cancel()
        code = running.exit.result()
        raise AssertionError(f"bot exited with {code} before polling:\n{read_log(log)[-3000:]}")
    polling.result()


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_sigkill_mid_conversation_loses_and_duplicates_nothing(
    api: FakeBotAPI, config: Config, bots: Bots
) -> None:
    try:
        first = await bots.start()
        await wait_polling(api, first, 0, bots.log)
        await api.press(USER, actions.encode(actions.Open("atm-withdrawal")))
        await api.wait_for(lambda: len(api.sent(USER)) >= 1)
        await api.press(USER, first_button(api, actions.Next))
        await api.wait_for(lambda: len(api.sent(USER)) >= 2)
        # Answer, and kill the process once the reply went out: the effects are committed,
        # but Telegram has not been told the update is done. Not before the reply's outbox
        # row is deleted: a kill between Telegram's taking a reply and that deletion sends
        # the reply again once the claim's lease runs out, the one duplicate the courier
        # accepts (bot/botapi/courier.py); the next test kills with the send unanswered.
        await api.settle()
        api.hold_confirmations = True
        await api.press(USER, first_button(api, actions.Answer))
        await api.wait_for(lambda: len(api.sent(USER)) >= 3)
        # The held confirmations keep the bot polling, so each poll looks again.
        await api.wait_for(lambda: rows(config.database, "select count(*) from outbox") == [(0,)])
        os.kill(first.pid, signal.SIGKILL)
        assert await asyncio.wait_for(first.exit, timeout=10) == -signal.SIGKILL
        before = rows(config.database, "select id, kind, step, run from events order by id")
        progress = rows(config.database, "select step, attempts from progress")
        assert api.pending, "the last update was not confirmed before the kill"

        api.hold_confirmations = False
        polls = sum(c.method == "getUpdates" for c in api.calls)
        sent = len(api.sent(USER))
        restart = await bots.start()
        await wait_polling(api, restart, polls, bots.log)
        await api.settle(within=30)
        # The redelivered update changed nothing and sent nothing.
        assert (
            rows(config.database, "select id, kind, step, run from events order by id") == before
        )
        assert rows(config.database, "select step, attempts from progress") == progress
        assert len(api.sent(USER)) == sent
        # The conversation continues at the same step.
        await api.message(USER, "/continue")
        await api.wait_for(lambda: len(api.sent(USER)) > sent, within=30)
        earlier = {c.text for c in api.sent(USER)[:sent]}
        assert api.sent(USER)[sent].text not in earlier, "a reply was sent again"
        last = api.sent(USER)[-1]
        assert any(
            isinstance(actions.decode(d), actions.Answer | actions.Next) for _, d in last.buttons
        )
        after = rows(config.database, "select id, kind, step, run from events order by id")
        assert after[: len(before)] == before
        assert [k for _, k, _, _ in after[len(before) :]] == ["step_shown"]
        assert after[-1][2] == progress[0][0]
        os.kill(restart.pid, signal.SIGTERM)
        # The fake server runs on this event loop and keeps answering while the bot finishes
        # its updates and shuts down.
        assert await asyncio.wait_for(restart.exit, timeout=30) == 0
    finally:
        await bots.close()
    text = read_log(bots.log)
    assert TOKEN not in text and TOKEN.split(":")[1] not in text


async def test_kill_between_commit_and_send_sends_that_reply_after_restart(
    api: FakeBotAPI, config: Config, launcher: Launcher, tmp_path: Path
) -> None:
    """Issue 11.10 / 12.3: the reply is written to the outbox in the input's transaction,
    so a kill -9 between the commit and the send loses nothing: the restarted bot sends it
    once the dead process's claim has run out, exactly once."""
    bots = Bots(launcher, config.model_copy(update={"outbox_lease": 1.0}), tmp_path)
    try:
        first = await bots.start()
        await wait_polling(api, first, 0, bots.log)
        await api.press(USER, actions.encode(actions.Open("atm-withdrawal")))
        await api.wait_for(lambda: len(api.sent(USER)) >= 1)
        await api.settle()
        api.fail("sendMessage", Fault(0, hang=True))
        await api.press(USER, first_button(api, actions.Next))
        await api.wait_for(lambda: any(c.failed for c in api.calls if c.method == "sendMessage"))
        os.kill(first.pid, signal.SIGKILL)  # committed, the reply's send in flight
        assert await asyncio.wait_for(first.exit, timeout=10) == -signal.SIGKILL
        shown = rows(config.database, "select step from events where kind = 'step_shown'")
        assert shown == [("intro",), ("choose-atm",)]  # the effect was committed
        assert rows(config.database, "select count(*) from outbox") == [(1,)]
        polls = sum(c.method == "getUpdates" for c in api.calls)
        restart = await bots.start()
        await wait_polling(api, restart, polls, bots.log)
        await api.wait_for(lambda: len(api.sent(USER)) >= 2, within=30)
        await api.settle()
        sent = api.sent(USER)
        assert len(sent) == 2, "the committed step's message arrives once"
        assert sent[1].params.get("reply_markup"), "with its buttons"
        os.kill(restart.pid, signal.SIGTERM)
        assert await asyncio.wait_for(restart.exit, timeout=30) == 0
        assert rows(config.database, "select count(*) from outbox") == [(0,)], "marked sent"
    finally:
        await bots.close()


@pytest.fixture
def webhook_config(config: Config) -> Config:
    return config.model_copy(
        update={
            "webhook_secret": SecretStr("s3cret-Token_1"),
            "webhook_listen": f"127.0.0.1:{free_port()}",
        }
    )


async def test_webhook_rejects_wrong_or_missing_secret_and_answers_after_commit(
    api: FakeBotAPI, webhook_config: Config
) -> None:
    stop = asyncio.Event()
    url = f"http://{webhook_config.webhook_listen}/hook"
    task = asyncio.create_task(serve(webhook_config, TOKEN, webhook_url=url, stop=stop))
    try:
        await api.wait_for(lambda: any(c.method == "setWebhook" for c in api.calls))
        registered = next(c for c in api.calls if c.method == "setWebhook")
        assert registered.params["secret_token"] == "s3cret-Token_1"
        update = {
            "update_id": 500,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": USER, "type": "private"},
                "from": {"id": USER, "is_bot": False, "first_name": "T"},
                "text": "/privacy",
                "entities": [{"type": "bot_command", "offset": 0, "length": 8}],
            },
        }
        async with aiohttp.ClientSession() as http:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with http.post(url, json=update, headers=headers) as response:
                    assert response.status == 401
            assert not api.sent(USER)
            good = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
            async with http.post(url, json=update, headers=good) as response:
                assert response.status == 200  # committed: the reply is in the outbox
                processed = "select update_id from processed_updates"
                assert rows(webhook_config.database, processed) == [(500,)]
            await api.wait_for(lambda: len(api.sent(USER)) == 1)
            async with http.post(url, json=update, headers=good) as response:
                assert response.status == 200
            assert len(api.sent(USER)) == 1  # a redelivered update changes nothing
            async with http.post(url, data="not json", headers=good) as response:
                assert response.status == 400
        assert rows(webhook_config.database, "select update_id from processed_updates") == [(500,)]
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)


@pytest.fixture
def run_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`rolebot run` in this process (a new process would spend seconds importing aiogram
    before the refusal), in an empty folder, without any token or secret from outside."""
    monkeypatch.chdir(tmp_path)
    for name in os.environ:
        if name.startswith("ROLEBOT_") or name == "BOT_TOKEN":
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ROLEBOT_CACHE_DIR", "")  # the CLI sets the parse cache process-wide

    def run(*args: str, **env: str) -> Result:
        return CliRunner(env=env).invoke(cli, ["run", *args], prog_name="rolebot")

    return run


def test_webhook_refuses_to_start_without_secret(run_command: Callable[..., Result]) -> None:
    done = run_command("--webhook", "https://example.invalid/hook", BOT_TOKEN=TOKEN)
    assert done.exit_code == 2
    assert "ROLEBOT_WEBHOOK_SECRET" in done.stderr


def test_run_without_token_explains_and_exits_2(run_command: Callable[..., Result]) -> None:
    done = run_command()
    assert done.exit_code == 2
    assert "@BotFather" in done.stderr and "rolebot play" in done.stderr


async def test_run_says_starting_at_once_and_explains_a_rejected_token(
    api: FakeBotAPI, config: Config, tmp_path: Path, launcher: Launcher
) -> None:
    # Forked after the imports like every process here: benchmarks/startup.py (in the smoke
    # test) is what starts `python -m bot run` from a cold interpreter.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "BOT_TOKEN": "123456:a-revoked-token",  # well formed, but the fake API answers 401
        "ROLEBOT_API_BASE": config.api_base,
        "ROLEBOT_DATABASE": str(config.database),
    }
    log = tmp_path / "bot.log"
    process = await launcher.start(["run"], env, tmp_path, log)
    assert await asyncio.wait_for(process.exit, timeout=120) == 2
    stderr = read_log(log)
    lines = stderr.splitlines()
    assert lines[0] == "rolebot: starting…"
    assert lines[-1].startswith("Telegram answered 401 Unauthorized to getMe")
    assert "Traceback" not in stderr
    assert [c.method for c in api.calls] == []  # refused before any call was recorded
