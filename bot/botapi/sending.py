"""What runs beside the updates in every instance, whatever the client library: the courier
that sends the durable outbox and the scheduler that runs the learning loop's due jobs."""

from __future__ import annotations

from collections.abc import Callable

from bot.botapi.courier import Courier, settings_for
from bot.botapi.delivery import blocked_recorder
from bot.botapi.port import Sender
from bot.botapi.scheduler import Scheduler
from bot.config import Config
from bot.i18n import Translator
from bot.service import Conversation
from bot.storage import Storage


class Sending:
    def __init__(
        self,
        config: Config,
        storage: Storage,
        service: Conversation,
        sender: Sender,
        translator: Callable[[], Translator],
    ) -> None:
        self.courier = Courier(storage, sender, blocked_recorder(service), settings_for(config))
        self.scheduler = Scheduler(
            storage, service, self.courier, translator, tick_s=config.scheduler_tick
        )

    def start(self) -> None:
        """Send what a previous run committed but did not send, then keep sweeping; run due
        jobs (idempotent)."""
        self.courier.start()
        self.scheduler.start()

    async def close(self) -> None:
        """Replies being sent go out first; then both stop."""
        await self.scheduler.close()
        await self.courier.close()
