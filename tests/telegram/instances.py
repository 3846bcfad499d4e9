"""Several `rolebot run --webhook` processes on 127.0.0.1 sharing one database and one fake Bot
API, as a reverse proxy would spread Telegram's requests over them: forked from one launcher
that imported aiogram once, killed with SIGKILL, restarted. Used by the multi-instance test
and by `benchmarks.instances`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from tests.telegram.fakeapi import TOKEN, FakeBotAPI

SECRET = "multi-Instance_secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PATH = "/hook"

LAUNCHER = """
import json, os, runpy, sys, threading, traceback
import bot.cli, bot.telegram.runner  # the slow part of a start: aiogram builds its models
said = threading.Lock()
def say(*words):
    with said:
        print(*words, flush=True)
def report(pid):
    say("exited", pid, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for line in sys.stdin:  # {"env": {...}, "args": [...]}: start `rolebot` as a new process
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        os.dup2(2, 1)  # stdout belongs to this launcher
        os.environ.update(request["env"])
        sys.argv, code = ["rolebot", *request["args"]], 1
        try:
            runpy.run_module("bot", run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stderr.flush()
            os._exit(code)
    say("started", pid)
    threading.Thread(target=report, args=(pid,), daemon=True).start()
"""
"""Starts processes forked after the imports, several at once; reports each one's exit."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Instance:
    port: int
    pid: int = 0
    exit: asyncio.Future[int] | None = None
    """Resolves to the exit code (negative: killed by that signal)."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    @property
    def running(self) -> bool:
        return self.exit is not None and not self.exit.done()


@dataclass
class Cluster:
    """`count` webhook instances on `database`, answering to `api`."""

    api: FakeBotAPI
    database: str
    content: Path
    folder: Path
    count: int = 3
    log_level: str = "WARNING"
    instances: list[Instance] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.log = self.folder / "instances.log"
        self._process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._started: asyncio.Queue[int] = asyncio.Queue()
        self._exits: dict[int, asyncio.Future[int]] = {}

    async def open(self) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "BOT_TOKEN": TOKEN,
            "ROLEBOT_API_BASE": self.api.url,
            "ROLEBOT_DATABASE": self.database,
            "ROLEBOT_SCENARIOS_DIR": str(self.content / "scenarios"),
            "ROLEBOT_LOCALES_DIR": str(self.content / "locales"),
            "ROLEBOT_WEBHOOK_SECRET": SECRET,
            "ROLEBOT_SUPPORT_CONTACT": "@help_desk",
            "ROLEBOT_LOG_LEVEL": self.log_level,
            "ROLEBOT_CACHE_DIR": str(self.folder / "cache"),
            "ROLEBOT_OUTBOX_LEASE": "5",  # a killed instance's replies go out 5 s later
            "ROLEBOT_SEND_RATE": "0",  # the fake Bot API has no limits (test_pacing.py)
        }
        with self.log.open("ab") as log:  # the children keep their own descriptor
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                LAUNCHER,
                cwd=self.folder,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
            )
        self._reader = asyncio.create_task(self._read())
        self.instances = [Instance(free_port()) for _ in range(self.count)]

    async def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        while line := await self._process.stdout.readline():
            words = line.split()
            if words[0] == b"started":
                await self._started.put(int(words[1]))
            else:
                self._exit(int(words[1])).set_result(int(words[2]))
        for exit in self._exits.values():  # the launcher died: so did its children's reports
            if not exit.done():
                exit.set_result(-signal.SIGKILL)

    def _exit(self, pid: int) -> asyncio.Future[int]:
        return self._exits.setdefault(pid, asyncio.get_running_loop().create_future())

    async def start(self, indexes: Sequence[int] | None = None) -> None:
        """Start these instances (all by default) and wait until each has set its webhook;
        fails at once, with the log, if one exits. The bound only catches a hang."""
        assert self._process is not None and self._process.stdin is not None
        chosen = list(range(self.count)) if indexes is None else list(indexes)
        before = self.webhooks_set()
        for index in chosen:
            instance = self.instances[index]
            assert not instance.running
            request = {
                "env": {"ROLEBOT_WEBHOOK_LISTEN": f"127.0.0.1:{instance.port}"},
                "args": ["run", "--webhook", instance.url],
            }
            self._process.stdin.write(json.dumps(request).encode() + b"\n")
            await self._process.stdin.drain()
            instance.pid = await asyncio.wait_for(self._started.get(), timeout=60)
            instance.exit = self._exit(instance.pid)
        ready = asyncio.ensure_future(
            self.api.wait_for(lambda: self.webhooks_set() >= before + len(chosen), within=120)
        )
        exits = [e for i in chosen if (e := self.instances[i].exit) is not None]
        waiting: set[asyncio.Future[Any]] = {ready, *exits}
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        if not ready.done():
            ready.cancel()
            raise AssertionError(f"an instance exited while starting:\n{self.tail()}")
        ready.result()

    def webhooks_set(self) -> int:
        return sum(c.method == "setWebhook" and not c.failed for c in self.api.calls)

    def kill(self, index: int) -> asyncio.Future[int]:
        """SIGKILL the instance; its exit (the code it reports is -SIGKILL)."""
        instance = self.instances[index]
        assert instance.exit is not None
        os.kill(instance.pid, signal.SIGKILL)
        return instance.exit

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    async def close(self) -> None:
        for instance in self.instances:
            if instance.running and instance.exit is not None:
                os.kill(instance.pid, signal.SIGKILL)
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(instance.exit, timeout=10)
        if self._process is not None:
            if self._process.returncode is None:
                self._process.kill()
            await asyncio.wait_for(self._process.wait(), timeout=10)
        if self._reader is not None:
            await asyncio.wait_for(self._reader, timeout=10)


class Undelivered(Exception):  # noqa: N818 - names the update's state
    """No instance answered 200 within the bound of attempts."""


@dataclass
class Poster:
    """Posts updates as Telegram does: to an instance (the proxy's choice), again elsewhere
    when there is no 200 (a dropped connection, a 5xx, an instance that is down)."""

    cluster: Cluster
    session: aiohttp.ClientSession
    attempts: int = 200
    """Failures before giving up: posting to a dead port fails at once, so this is many."""
    in_flight: dict[int, set[int]] = field(default_factory=dict)
    """Instance index -> update ids posted to it and not answered yet."""
    redelivered: int = 0
    """Posts that were repeated because no 200 came."""
    answered: Counter[int] = field(default_factory=Counter)
    """Instance index -> 200s it gave."""

    async def post(self, update: dict[str, Any], index: int) -> int:
        """Deliver `update`, first to instance `index`; the instance that answered 200."""
        uid = int(update["update_id"])
        for attempt in range(self.attempts):
            if attempt:
                self.redelivered += 1
                index = (index + 1 + attempt % (self.cluster.count - 1)) % self.cluster.count
            flying = self.in_flight.setdefault(index, set())
            flying.add(uid)
            try:
                async with self.session.post(
                    self.cluster.instances[index].url,
                    json=update,
                    headers={SECRET_HEADER: SECRET},
                ) as response:
                    if response.status == 200:
                        self.answered[index] += 1
                        return index
            except (aiohttp.ClientError, OSError):
                pass
            finally:
                flying.discard(uid)
        raise Undelivered(uid)
