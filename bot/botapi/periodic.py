"""A piece of work repeated every few seconds in the background until stopped (the outbox's
sweep, the learning loop's due jobs): a failure is logged and tried again next time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Periodic:
    def __init__(self, name: str, work: Callable[[], Awaitable[object]], every_s: float) -> None:
        self.name = name
        self.work = work
        self.every_s = every_s
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    def start(self) -> None:
        """Idempotent."""
        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(self._forever(), name=self.name)

    async def _forever(self) -> None:
        while not self._stop.is_set():
            try:
                await self.work()
            except Exception:
                log.exception("background work failed; trying again", extra={"work": self.name})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.every_s)

    async def close(self) -> None:
        """Lets a round in progress finish, then stops."""
        self._stop.set()
        if self._task is not None:
            task, self._task = self._task, None
            with contextlib.suppress(asyncio.CancelledError):
                await task
