"""Long polling that confirms an update to Telegram only after its effects are committed.

aiogram's own polling advances the offset as soon as updates are fetched, so a crash loses
whatever was fetched but not yet handled. Here the offset stays at the oldest update still
in flight: Telegram redelivers anything after it, and redelivered ids that were already
committed are skipped (`processed_updates`). Different users' updates run in parallel; one
user's run in order (see `BotApp.process`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates
from aiogram.types import Update

from bot.telegram.app import ALLOWED_UPDATES, BotApp

log = logging.getLogger(__name__)
MAX_FAILURES = 3


class Poller:
    def __init__(
        self, app: BotApp, *, timeout: int = 25, limit: int = 100, busy_interval: float = 0.25
    ) -> None:
        self.app = app
        self.timeout = timeout
        self.busy_interval = busy_interval
        self.limit = limit
        self.next_offset: int | None = None
        self.in_flight: dict[int, asyncio.Task[None]] = {}
        self.finished: set[int] = set()
        """Processed ids that Telegram may still resend (not yet below a confirmed offset)."""
        self.confirmed = 0
        """The offset of the latest successful getUpdates: Telegram forgot everything below."""
        self.failures: dict[int, int] = {}
        """Updates whose processing raised: they pin the offset so Telegram resends them."""
        self.stopping = asyncio.Event()

    @property
    def offset(self) -> int | None:
        pending = [*self.in_flight, *self.failures]
        return min(pending) if pending else self.next_offset

    async def run(self) -> None:
        """Poll until `stop()`; then finish every update in flight and return."""
        backoff = 0.5
        while not self.stopping.is_set():
            try:
                updates = await self._fetch()
            except TelegramRetryAfter as exc:
                await self._pause(float(exc.retry_after))
                continue
            except (TelegramNetworkError, TelegramServerError) as exc:
                log.warning(
                    "polling failed, backing off",
                    extra={"error": type(exc).__name__, "delay": backoff},
                )
                await self._pause(backoff)
                backoff = min(backoff * 2, 30.0)
                continue
            if updates is None:
                break
            backoff = 0.5
            fresh = self._schedule(updates)
            if not fresh and self.in_flight:
                # Telegram answers at once while unconfirmed updates exist, so long polling
                # is impossible until they finish. Wait for one to finish, but look for new
                # updates every `busy_interval` meanwhile: one chat's 429 wait must not hold
                # up the others.
                await asyncio.wait(
                    list(self.in_flight.values()),
                    timeout=self.busy_interval,
                    return_when=asyncio.FIRST_COMPLETED,
                )
        await self.drain()

    async def _fetch(self) -> list[Update] | None:
        """One getUpdates call; None when asked to stop while waiting."""
        offset = self.offset
        request = GetUpdates(
            offset=offset,
            limit=self.limit,
            timeout=self.timeout,
            allowed_updates=ALLOWED_UPDATES,
        )
        fetch = asyncio.ensure_future(self.app.bot(request, request_timeout=self.timeout + 10))
        stop = asyncio.ensure_future(self.stopping.wait())
        done, _ = await asyncio.wait({fetch, stop}, return_when=asyncio.FIRST_COMPLETED)
        if fetch not in done:
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await fetch
            return None
        stop.cancel()
        updates = fetch.result()
        if offset is not None:
            self.confirmed = max(self.confirmed, offset)
            self.finished = {u for u in self.finished if u >= self.confirmed}
        return updates

    def _schedule(self, updates: list[Update]) -> int:
        fresh = 0
        for update in updates:
            uid = update.update_id
            self.next_offset = max(self.next_offset or 0, uid + 1)
            if uid in self.in_flight or uid in self.finished:
                continue
            task = asyncio.create_task(self.app.process(update), name=f"update-{uid}")
            self.in_flight[uid] = task
            task.add_done_callback(lambda t, uid=uid: self._done(uid, t))  # type: ignore[misc]
            fresh += 1
        return fresh

    def _done(self, uid: int, task: asyncio.Task[None]) -> None:
        self.in_flight.pop(uid, None)
        if not task.cancelled() and task.exception() is not None:
            # Not committed: leave it unconfirmed so Telegram delivers it again, a few times.
            attempts = self.failures.get(uid, 0) + 1
            log.error(
                "update not processed",
                extra={"update_id": uid, "attempt": attempts, "error": repr(task.exception())},
            )
            if attempts < MAX_FAILURES:
                self.failures[uid] = attempts
                return
            log.error("update dropped after repeated failures", extra={"update_id": uid})
        self.failures.pop(uid, None)
        self.finished.add(uid)

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), timeout=seconds)

    def stop(self) -> None:
        self.stopping.set()

    async def drain(self) -> None:
        """Finish in-flight updates, then confirm them so Telegram does not resend them."""
        if self.in_flight:
            await asyncio.gather(*self.in_flight.values(), return_exceptions=True)
        if self.next_offset is not None and not self.in_flight:
            with contextlib.suppress(Exception):
                await self.app.bot(GetUpdates(offset=self.next_offset, limit=1, timeout=0))
