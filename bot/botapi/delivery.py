"""Showing the service's replies in one chat: render, send through the outbox, and tell the
service when Telegram says the user blocked the bot."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.botapi.port import Blocked, Sender
from bot.i18n import RenderedReply, Translator
from bot.service import BotBlocked, Conversation, Response, Who

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    """Bound to one update's chat. After a 403 nothing more is sent for the update, and the
    block is recorded once."""

    outbox: Sender
    translator: Translator
    service: Conversation
    who: Who
    chat_id: int | None
    blocked: bool = False

    async def show(self, response: Response) -> None:
        if response.duplicate:
            log.info("duplicate update ignored")
            return
        for reply in response.replies:
            await self.send(self.translator.reply(reply, response.locale))

    async def say(self, key: str, locale: str, **args: object) -> None:
        await self.send(RenderedReply(self.translator(key, locale, **args), (), None))

    async def send(self, reply: RenderedReply) -> int | None:
        """The sent message's id; None when nothing was sent."""
        if self.chat_id is None or self.blocked:
            return None
        try:
            return await self.outbox.send(self.chat_id, reply)
        except Blocked:
            await self.mark_blocked()
            return None

    async def mark_blocked(self) -> None:
        """Telegram refused a message with 403: record it (once per update)."""
        if self.blocked:
            return
        self.blocked = True
        response = await self.service.handle(self.who, BotBlocked())
        log.info("user blocked the bot", extra={"user": response.user_key})
