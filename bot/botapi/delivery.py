"""Applying one update's input and delivering its replies in its chat: the replies are
queued in the input's own transaction (the durable outbox) and sent right after the commit;
Telegram's "the user blocked the bot" is recorded once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import partial

from bot.botapi.courier import DETACHED, BlockedHook, Courier
from bot.botapi.envelope import sealed
from bot.botapi.port import Blocked, Sender
from bot.i18n import RenderedReply, Translator
from bot.service import BotBlocked, Conversation, Mail, Response, UserInput, Who
from bot.storage.port import Claim

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    """Bound to one update's chat. After a 403 nothing more is sent for the update, and the
    block is recorded once."""

    outbox: Sender
    courier: Courier
    translator: Translator
    service: Conversation
    who: Who
    chat_id: int | None
    blocked: bool = False
    claim: Claim | None = field(default=None, repr=False)

    async def handle(self, inp: UserInput, update_id: int | None = None) -> Response:
        """Apply the input once; with a chat, its replies are queued in the same commit."""
        mail = None
        if self.chat_id is not None:
            self.claim = self.courier.claim()
            mail = Mail(self.chat_id, partial(sealed, self.translator), self.claim)
        return await self.service.handle(self.who, inp, update_id=update_id, mail=mail)

    async def show(self, response: Response) -> None:
        """Send what the input queued (and anything queued before it, in order)."""
        if response.duplicate:
            log.info("duplicate update ignored")
            return
        if self.chat_id is None or self.blocked or self.claim is None or not response.outgoing:
            return
        if DETACHED.get():
            self.courier.detach(self.chat_id, self.claim, response.outgoing)
        elif not await self.courier.deliver(self.chat_id, self.claim, response.outgoing):
            self.blocked = True

    async def say(self, key: str, locale: str, **args: object) -> None:
        """A message that is not an input's reply (an apology, an admin's answer): sent at
        once, not queued."""
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


def blocked_recorder(service: Conversation) -> BlockedHook:
    """What the courier does on a 403: the chat's user (a private chat's id is the user's)
    is marked as having blocked the bot."""

    async def record(chat_id: int) -> None:
        response = await service.handle(Who(f"tg:{chat_id}", None), BotBlocked())
        log.info("user blocked the bot", extra={"user": response.user_key})

    return record
