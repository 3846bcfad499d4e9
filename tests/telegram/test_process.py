"""The bot as a process and as a webhook server: SIGKILL mid-conversation, secret tokens."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from bot.config import Config
from bot.core import actions
from bot.telegram.runner import serve
from tests.telegram.fakeapi import TOKEN, FakeBotAPI

USER = 42


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rows(db: Path, sql: str) -> list[Any]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def first_button(api: FakeBotAPI, kind: type) -> str:
    for _, data in api.last_buttons(USER):
        if isinstance(actions.decode(data), kind):
            return data
    raise AssertionError(api.last_buttons(USER))


def start_process(config: Config, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "BOT_TOKEN": TOKEN,
        "ROLEBOT_API_BASE": config.api_base,
        "ROLEBOT_DATABASE": str(config.database),
        "ROLEBOT_SCENARIOS_DIR": str(config.scenarios_dir),
        "ROLEBOT_LOCALES_DIR": str(config.locales_dir),
    }
    with (tmp_path / "bot.log").open("ab") as log:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, stdout=log, stderr=log
        )


def stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)


async def wait_polling(api: FakeBotAPI, process: subprocess.Popen[bytes], polls: int) -> None:
    def polling() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"bot exited with {process.returncode}")
        return sum(c.method == "getUpdates" for c in api.calls) > polls

    await api.wait_for(polling, within=30)


async def test_sigkill_mid_conversation_loses_and_duplicates_nothing(
    api: FakeBotAPI, config: Config, tmp_path: Path
) -> None:
    process = start_process(config, tmp_path)
    try:
        await wait_polling(api, process, 0)
        await api.press(USER, actions.encode(actions.Open("atm-withdrawal")))
        await api.wait_for(lambda: len(api.sent(USER)) >= 1)
        await api.press(USER, first_button(api, actions.Next))
        await api.wait_for(lambda: len(api.sent(USER)) >= 2)
        # Answer, and kill the process the moment the reply goes out: the effects are
        # committed, but Telegram has not been told the update is done.
        await api.settle()
        api.hold_confirmations = True
        await api.press(USER, first_button(api, actions.Answer))
        await api.wait_for(lambda: len(api.sent(USER)) >= 3)
        process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(process.wait, 10)
    finally:
        stop_process(process)
    before = rows(config.database, "select id, kind, step, run from events order by id")
    progress = rows(config.database, "select step, attempts from progress")
    assert api.pending, "the last update was not confirmed before the kill"

    api.hold_confirmations = False
    polls = sum(c.method == "getUpdates" for c in api.calls)
    sent = len(api.sent(USER))
    process = start_process(config, tmp_path)
    try:
        await wait_polling(api, process, polls)
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
        last = api.sent(USER)[-1]
        assert any(
            isinstance(actions.decode(d), actions.Answer | actions.Next) for _, d in last.buttons
        )
        after = rows(config.database, "select id, kind, step, run from events order by id")
        assert after[: len(before)] == before
        assert [k for _, k, _, _ in after[len(before) :]] == ["step_shown"]
        assert after[-1][2] == progress[0][0]
        process.send_signal(signal.SIGTERM)
        # Wait in a thread: the fake server runs on this event loop and must keep answering
        # while the bot finishes its updates and shuts down.
        assert await asyncio.to_thread(process.wait, 30) == 0
    finally:
        stop_process(process)
    log = (tmp_path / "bot.log").read_text(encoding="utf-8")
    assert TOKEN not in log and TOKEN.split(":")[1] not in log


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
                assert response.status == 200
                assert len(api.sent(USER)) == 1  # replied before the 200
            async with http.post(url, json=update, headers=good) as response:
                assert response.status == 200
            assert len(api.sent(USER)) == 1  # a redelivered update changes nothing
            async with http.post(url, data="not json", headers=good) as response:
                assert response.status == 400
        assert rows(webhook_config.database, "select update_id from processed_updates") == [(500,)]
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)


def test_webhook_refuses_to_start_without_secret(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "BOT_TOKEN": TOKEN}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--webhook", "https://example.invalid/hook"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "ROLEBOT_WEBHOOK_SECRET" in done.stderr


def test_run_without_token_explains_and_exits_2(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "@BotFather" in done.stderr and "rolebot play" in done.stderr


async def test_run_says_starting_at_once_and_explains_a_rejected_token(
    api: FakeBotAPI, config: Config, tmp_path: Path
) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "BOT_TOKEN": "123456:a-revoked-token",  # well formed, but the fake API answers 401
        "ROLEBOT_API_BASE": config.api_base,
        "ROLEBOT_DATABASE": str(config.database),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    lines = stderr.decode().splitlines()
    assert process.returncode == 2
    assert lines[0] == "rolebot: starting…"
    assert lines[-1].startswith("Telegram answered 401 Unauthorized to getMe")
    assert "Traceback" not in stderr.decode()
    assert [c.method for c in api.calls] == []  # refused before any call was recorded
