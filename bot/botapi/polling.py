"""Long polling that confirms an update to Telegram only after its effects are committed.

The frameworks' own polling (aiogram's and python-telegram-bot's alike) advances the offset as
soon as updates are fetched, so a crash loses whatever was fetched but not yet handled. Here
the offset stays at the oldest update still in flight: Telegram redelivers anything after
it, and redelivered ids that were already committed are skipped (`processed_updates`).
Different users' updates run in parallel; one user's run in order (a lock per user in each
adapter).

Telegram's answers are not trusted to be well formed: a failed getUpdates (a proxy's HTML
502, a 409 from a second instance, a dropped connection) backs off and polls again; updates
are read one by one, so one that the library cannot read, or whose processing keeps failing,
is given up on (`bot.botapi.intake`) and the rest of its batch goes on. The client library
is behind `port.Gateway`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from bot.botapi import intake
from bot.botapi.port import (
    Conflict,
    FetchFailed,
    Gateway,
    InvalidTokenError,
    RetryAfter,
    UnreadableUpdate,
)

log = logging.getLogger(__name__)
MAX_FAILURES = intake.MAX_ATTEMPTS
MAX_IDLE_PAUSE = 5.0


class PollingConflictError(Exception):
    """Another process polls with the same token (409), and the settings say to stop."""


class Poller:
    def __init__(
        self,
        app: Gateway,
        *,
        timeout: int = 25,
        limit: int = 100,
        busy_interval: float = 0.25,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        exit_on_conflict: bool = False,
    ) -> None:
        self.app = app
        self.timeout = timeout
        self.busy_interval = busy_interval
        self.limit = limit
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.exit_on_conflict = exit_on_conflict
        self.next_offset: int | None = None
        """One past the newest update Telegram returned (ids are not always increasing)."""
        self.seen: dict[int, bool] = {}
        """Ids Telegram may still send, in the order it sent them: True once finished."""
        self.raw: dict[int, dict[str, Any]] = {}
        self.in_flight: dict[int, asyncio.Task[None]] = {}
        self.failures: dict[int, int] = {}
        """Updates whose processing raised: they pin the offset so Telegram resends them."""
        self.stopping = asyncio.Event()

    @property
    def offset(self) -> int | None:
        """The oldest update not finished yet, else one past the newest."""
        return next((uid for uid, done in self.seen.items() if not done), self.next_offset)

    @property
    def finished(self) -> set[int]:
        return {uid for uid, done in self.seen.items() if done}

    async def run(self) -> None:
        """Poll until `stop()`; then finish every update in flight and return."""
        await intake.forget_old_ids(self.app)
        delay = self.backoff
        idle = self.busy_interval
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                updates = await self._fetch()
            except RetryAfter as exc:
                await self._pause(exc.seconds)
                continue
            except Conflict as exc:
                if self.exit_on_conflict:
                    raise PollingConflictError(str(exc)) from None
                log.error(
                    "another instance is polling with this bot token: Telegram gives the "
                    "updates to only one of them; stop the other one. Retrying",
                    extra={"description": str(exc), "delay": delay},
                )
                await self._pause(delay)
                delay = min(delay * 2, self.max_backoff)
                continue
            except InvalidTokenError:
                raise
            except FetchFailed as exc:
                log.warning(
                    "polling failed, backing off", extra={"error": exc.error, "delay": delay}
                )
                await self._pause(delay)
                delay = min(delay * 2, self.max_backoff)
                continue
            if updates is None:
                break
            delay = self.backoff
            fresh = await self._schedule(updates)
            if fresh:
                idle = self.busy_interval
            elif self.in_flight:
                # Telegram answers at once while unconfirmed updates exist, so long polling
                # is impossible until they finish. Wait for one to finish, but look for new
                # updates every `busy_interval` meanwhile: one chat's 429 wait must not hold
                # up the others.
                await asyncio.wait(
                    list(self.in_flight.values()),
                    timeout=self.busy_interval,
                    return_when=asyncio.FIRST_COMPLETED,
                )
            elif time.monotonic() - started < self.busy_interval:
                # Nothing new, nothing to wait for, and yet no long poll: never spin.
                log.warning("getUpdates answered at once with nothing new, pausing")
                await self._pause(idle)
                idle = min(idle * 2, MAX_IDLE_PAUSE)
        await self.drain()

    async def _fetch(self) -> list[dict[str, Any]] | None:
        """One getUpdates call; None when asked to stop while waiting."""
        offset = self.offset
        fetch = asyncio.ensure_future(self.app.get_updates(offset, self.limit, self.timeout))
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
            self._confirmed(offset)
        return updates

    def _confirmed(self, offset: int) -> None:
        """Telegram forgot every update it sent before the one with id `offset`."""
        if offset not in self.seen:
            self.seen = {uid: done for uid, done in self.seen.items() if not done}
            return
        ids = list(self.seen)
        for uid in ids[: ids.index(offset)]:
            del self.seen[uid]

    async def _schedule(self, updates: list[dict[str, Any]]) -> int:
        fresh = 0
        for raw in updates:
            uid = intake.update_id(raw)
            if uid is None:
                log.warning(
                    "update without an id ignored", extra={"kind": intake.update_kind(raw)}
                )
                continue
            if self.next_offset is not None and uid < self.next_offset and uid not in self.seen:
                # After a week without updates Telegram restarts its ids at a random number,
                # possibly below ours: a new update, not a redelivery.
                log.info("update ids restarted below the offset", extra={"update_id": uid})
                await intake.forget_old_ids(self.app)
            # Telegram sends updates in its own order; the newest is the last one.
            self.next_offset = uid + 1
            if uid in self.in_flight or self.seen.get(uid):
                continue
            self.seen.setdefault(uid, False)
            self.raw[uid] = raw
            task = asyncio.create_task(self.app.process_raw(raw), name=f"update-{uid}")
            self.in_flight[uid] = task
            task.add_done_callback(lambda t, uid=uid: self._done(uid, t))  # type: ignore[misc]
            fresh += 1
        return fresh

    def _done(self, uid: int, task: asyncio.Task[None]) -> None:
        self.in_flight.pop(uid, None)
        if task.cancelled():
            return  # not committed: Telegram resends it after a restart
        exc = task.exception()
        if exc is None:
            self._finish(uid)
            return
        attempts = self.failures.get(uid, 0) + 1
        error = type(exc).__name__
        if attempts < MAX_FAILURES and not isinstance(exc, UnreadableUpdate):
            # Not committed: leave it unconfirmed so Telegram delivers it again.
            log.error(
                "update not processed",
                extra={"update_id": uid, "attempt": attempts, "error": error},
                exc_info=exc,
            )
            self.failures[uid] = attempts
            return
        self.failures.pop(uid, None)
        raw = self.raw.get(uid, {"update_id": uid})
        give_up = asyncio.create_task(intake.give_up(self.app, uid, raw, error, attempts))
        self.in_flight[uid] = give_up
        give_up.add_done_callback(lambda t: self._given_up(uid, t))

    def _given_up(self, uid: int, task: asyncio.Task[None]) -> None:
        self.in_flight.pop(uid, None)
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "failed update not recorded",
                extra={"update_id": uid, "error": type(task.exception()).__name__},
            )
        self._finish(uid)

    def _finish(self, uid: int) -> None:
        self.failures.pop(uid, None)
        self.raw.pop(uid, None)
        if uid in self.seen:
            self.seen[uid] = True

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), timeout=seconds)

    def stop(self) -> None:
        self.stopping.set()

    async def drain(self) -> None:
        """Finish in-flight updates, then confirm them so Telegram does not resend them."""
        while self.in_flight:  # a failure may start a give-up task
            await asyncio.gather(*self.in_flight.values(), return_exceptions=True)
        offset = self.offset
        if offset is not None:
            with contextlib.suppress(Exception):
                await self.app.confirm(offset)
