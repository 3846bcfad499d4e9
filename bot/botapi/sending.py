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


class LateSending:
    """`Sending` for a bot known only from its first update (python-telegram-bot's context,
    an aiogram host's bot): built and started then, with that bot's sender."""

    def __init__(
        self,
        config: Config,
        storage: Storage,
        service: Conversation,
        translator: Callable[[], Translator],
    ) -> None:
        self.config = config
        self.storage = storage
        self.service = service
        self.translator = translator
        self._sending: Sending | None = None

    def courier(self, sender: Callable[[], Sender]) -> Courier:
        """The courier, built and started with `sender()` on first use."""
        if self._sending is None:
            self._sending = Sending(
                self.config, self.storage, self.service, sender(), self.translator
            )
            self._sending.start()
        return self._sending.courier

    async def close(self) -> None:
        if self._sending is not None:
            await self._sending.close()
