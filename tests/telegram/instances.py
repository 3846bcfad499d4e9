"""Several `rolebot run --webhook` processes on 127.0.0.1 sharing one database and one fake Bot
API, as a reverse proxy would spread Telegram's requests over them: forked by the shared
launcher (tests/telegram/launcher.py), killed with SIGKILL, restarted. Used by the
multi-instance test and by `benchmarks.instances`."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from tests.telegram.fakeapi import TOKEN, FakeBotAPI
from tests.telegram.launcher import Child, Launcher

SECRET = "multi-Instance_secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PATH = "/hook"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Instance:
    port: int
    process: Child | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.running

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid


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
    launcher: Launcher = field(default_factory=Launcher.shared)

    def __post_init__(self) -> None:
        self.log = self.folder / "instances.log"
        self.env = {
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

    async def open(self) -> None:
        self.instances = [Instance(free_port()) for _ in range(self.count)]

    async def start(self, indexes: Sequence[int] | None = None) -> None:
        """Start these instances (all by default, at once) and wait until each has set its
        webhook; fails at once, with the log, if one exits. The bound only catches a hang."""
        chosen = list(range(self.count)) if indexes is None else list(indexes)
        before = self.webhooks_set()

        async def launch(instance: Instance) -> None:
            assert not instance.running
            env = {**self.env, "ROLEBOT_WEBHOOK_LISTEN": f"127.0.0.1:{instance.port}"}
            args = ["run", "--webhook", instance.url]
            instance.process = await self.launcher.start(args, env, self.folder, self.log)

        await asyncio.gather(*(launch(self.instances[i]) for i in chosen))
        ready = asyncio.ensure_future(
            self.api.wait_for(lambda: self.webhooks_set() >= before + len(chosen), within=120)
        )
        exits = [p.exit for i in chosen if (p := self.instances[i].process) is not None]
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
        process = self.instances[index].process
        assert process is not None
        return process.kill()

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    async def close(self) -> None:
        for instance in self.instances:
            if instance.process is not None:
                with contextlib.suppress(Exception):
                    await instance.process.stop()


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
