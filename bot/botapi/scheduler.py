"""Running the learning loop's due jobs (`bot.service.loop`) in every instance: claim a few
due jobs, run each as the user's input (`Due`), and send what it queued through the courier.

A claim only keeps instances from doing the same work twice at once; exactly-once comes from
the unit of work: a job is deleted by the one unit that writes its message to the outbox.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from functools import partial

from bot.botapi.courier import Courier
from bot.botapi.envelope import sealed
from bot.botapi.periodic import Periodic
from bot.i18n import Translator
from bot.service import Conversation, Due, Mail, Who
from bot.storage import Storage
from bot.storage.port import DueJob

log = logging.getLogger(__name__)
TELEGRAM = "tg:"
"""The jobs this scheduler runs: Telegram users' (a private chat's id is the user's)."""


class Scheduler:
    def __init__(
        self,
        storage: Storage,
        service: Conversation,
        courier: Courier,
        translator: Callable[[], Translator],
        *,
        tick_s: float = 5.0,
        lease_s: float = 60.0,
        batch: int = 50,
    ) -> None:
        self.storage = storage
        self.service = service
        self.courier = courier
        self.translator = translator
        self.lease_ms = int(lease_s * 1000)
        self.batch = batch
        self._ticks = Periodic("learning-loop", self.run_due, tick_s)

    async def run_due(self) -> int:
        """Run the jobs due now (by the service's clock); returns how many were taken on."""
        token = secrets.token_hex(8)
        jobs = await self.storage.claim_jobs(
            token, self.service.clock(), self.lease_ms, self.batch, prefix=TELEGRAM
        )
        results = await asyncio.gather(*(self.run(job) for job in jobs), return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                log.error("learning-loop job failed", extra={"error": type(result).__name__})
        return len(jobs)

    async def run(self, job: DueJob) -> None:
        chat_id = int(job.external_id.removeprefix(TELEGRAM))
        claim = self.courier.claim()
        mail = Mail(chat_id, partial(sealed, self.translator()), claim)
        response = await self.service.handle(Who(job.external_id), Due(job.id), mail=mail)
        if response.outgoing:
            await self.courier.deliver(chat_id, claim, response.outgoing)

    def start(self) -> None:
        self._ticks.start()

    async def close(self) -> None:
        await self._ticks.close()
