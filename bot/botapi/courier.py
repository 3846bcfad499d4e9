"""Sending the durable outbox: the replies each input queued in its own transaction
(`Storage.post`), sent in order per chat under Telegram's limits, and deleted once sent.

Right after a commit, the handler's own claim sends that input's replies at once (no queue
to wait behind when nothing is queued). A sweep in every instance picks up what nobody holds
any more: replies of a process killed between its commit and its send, whose claim's lease
ran out. A reply can go twice only if the process dies after Telegram accepted it and before
its row is deleted: the width of one local write, which we accept (Telegram has no
idempotency key that would close it).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass

from bot.botapi.envelope import open_body
from bot.botapi.periodic import Periodic
from bot.botapi.port import Blocked, Sender
from bot.config import Config
from bot.storage import Storage
from bot.storage.pacing import Pace
from bot.storage.port import Claim, Outgoing

log = logging.getLogger(__name__)
DETACHED: ContextVar[bool] = ContextVar("rolebot_detached_delivery", default=False)
"""Set while an update is handled for the webhook: its replies are durable once committed,
so the request is answered at the commit and they are sent right after, in the background."""
DEFAULT_PACE = Pace()
MAX_ROUNDS = 100
"""Claims of one chat in a row by one sender before it leaves the rest to the sweep."""


def now_ms() -> int:
    return int(time.time() * 1000)


async def until(at_ms: int) -> None:
    wait_ms = at_ms - now_ms()
    if wait_ms > 0:
        await asyncio.sleep(wait_ms / 1000)


def settings_for(config: Config) -> Settings:
    pace = None
    if config.send_rate > 0 and config.chat_rate > 0:
        pace = Pace.per_second(config.chat_rate, config.send_rate, config.chat_burst)
    return Settings(lease_s=config.outbox_lease, pace=pace)


@dataclass(frozen=True)
class Settings:
    lease_s: float = 30.0
    """How long a claim holds a chat before another sender may take its rows over."""
    sweep_s: float = 1.0
    """How often the sweep looks for rows nobody holds."""
    pace: Pace | None = DEFAULT_PACE
    """Telegram's limits; None sends at once (a local fake Bot API, benchmarks)."""
    sweep_chats: int = 50
    """Chats one sweep takes on at most (each is sent in order, chats in parallel)."""


BlockedHook = Callable[[int], Awaitable[None]]
"""Records that a chat's user blocked the bot (Telegram answered 403)."""


class Courier:
    """`on_blocked(chat_id)` records a 403 (the user blocked the bot) once per delivery."""

    def __init__(
        self,
        storage: Storage,
        sender: Sender,
        on_blocked: BlockedHook,
        settings: Settings | None = None,
    ) -> None:
        self.storage = storage
        self.sender = sender
        self.on_blocked = on_blocked
        self.settings = settings or Settings()
        self._sweeper = Periodic("outbox-sweep", self.sweep, self.settings.sweep_s)
        self._sending: set[asyncio.Task[bool]] = set()
        """Deliveries detached from their update (`DETACHED`), awaited at close."""
        self._limited: dict[int, int] = {}
        self._prefix = secrets.token_hex(6) + "-"
        self._claims = itertools.count(1)
        """Chats Telegram answered 429 lately -> until when."""

    def claim(self) -> Claim:
        """A token no other claim has: this courier's random prefix and a counter."""
        lease = int(self.settings.lease_s * 1000)
        token = f"{self._prefix}{next(self._claims):x}"
        return Claim(token, lease, self.settings.pace, now_ms())

    async def deliver(self, chat_id: int, claim: Claim, outgoing: tuple[Outgoing, ...]) -> bool:
        """Send a chat's claimed rows in order, then whatever was queued meanwhile; False
        when Telegram said the user blocked the bot (the chat's rows are dropped)."""
        lease_until = (claim.at_ms or now_ms()) + claim.lease_ms
        batch = outgoing
        for _ in range(MAX_ROUNDS):
            if not batch:
                return True
            for index, item in enumerate(batch):
                await until(item.send_at_ms)
                if item.later and claim.pace is not None:  # its turn in the bot's budget
                    await until(await self.storage.reserve_bot(now_ms(), claim.pace))
                if now_ms() > lease_until - claim.lease_ms // 2:
                    lease_until = now_ms() + claim.lease_ms
                    if not await self.storage.extend(claim.token, lease_until):
                        log.warning("claim lost: another sender took over this chat's replies")
                        return True
                try:
                    sent = await self.sender.send(
                        chat_id, open_body(item.body), on_wait=self._pauser(chat_id, claim)
                    )
                except Blocked:
                    await self.storage.sent([i.id for i in batch[index:]])
                    await self._drop_rest(chat_id, claim)
                    await self.on_blocked(chat_id)
                    return False
                if sent is None:
                    log.error("reply not delivered after retries", extra={"outbox_id": item.id})
                if index < len(batch) - 1:
                    await self.storage.sent([item.id])
            # The last row's delete and the claim of what was queued meanwhile: one commit.
            batch = await self.storage.sent_then_claim([batch[-1].id], chat_id, claim, now_ms())
        log.warning("chat still has queued replies; the sweep sends them")
        return True

    def detach(self, chat_id: int, claim: Claim, outgoing: tuple[Outgoing, ...]) -> None:
        """`deliver` in the background: the rows are committed, so nothing waits for it."""
        task = asyncio.create_task(self._logged(chat_id, claim, outgoing))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _logged(self, chat_id: int, claim: Claim, outgoing: tuple[Outgoing, ...]) -> bool:
        try:
            return await self.deliver(chat_id, claim, outgoing)
        except Exception as exc:  # the rows stay; the sweep sends them once the lease ends
            log.error("replies not sent yet", extra={"error": type(exc).__name__})
            return True

    async def _drop_rest(self, chat_id: int, claim: Claim) -> None:
        rest = await self.storage.claim_chat(chat_id, claim, now_ms())
        if rest:
            await self.storage.sent([i.id for i in rest])

    def _pauser(self, chat_id: int, claim: Claim) -> Callable[[float], Awaitable[None]]:
        """On a 429: every instance holds this chat back for `seconds`, and the whole bot
        when a second chat hears the same within that time (Telegram does not say which
        limit was hit; one chat's 429 is that chat's, several chats' are the bot's)."""

        async def pause(seconds: float) -> None:
            until = now_ms() + int(seconds * 1000)
            await self.storage.extend(claim.token, until + claim.lease_ms)  # held meanwhile
            whole_bot = any(c != chat_id and u > now_ms() for c, u in self._limited.items())
            self._limited = {c: u for c, u in self._limited.items() if u > now_ms()}
            self._limited[chat_id] = until
            if claim.pace is not None:
                await self.storage.pause(chat_id, until, claim.pace, whole_bot=whole_bot)

        return pause

    # -- the sweep ----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin sweeping (idempotent)."""
        self._sweeper.start()

    async def sweep(self) -> int:
        """Send what nobody holds; returns how many chats were taken on."""
        now = now_ms()
        chats = await self.storage.waiting_chats(now, self.settings.sweep_chats)
        await self.storage.tidy_pace(now)

        async def one(chat_id: int) -> None:
            claim = self.claim()
            rows = await self.storage.claim_chat(chat_id, claim, now_ms())
            if rows:
                log.info("sending queued replies", extra={"count": len(rows)})
                await self.deliver(chat_id, claim, rows)

        results = await asyncio.gather(*(one(chat) for chat in chats), return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                log.error("queued replies not sent", extra={"error": type(result).__name__})
        return len(chats)

    async def close(self) -> None:
        if self._sending:
            await asyncio.gather(*self._sending, return_exceptions=True)
        await self._sweeper.close()
