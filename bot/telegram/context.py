"""What a handler gets for the update it handles: who sent it, and where replies go."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.botapi.delivery import Delivery
from bot.service import Conversation, Who
from bot.telegram.outbox import Outbox


@dataclass(frozen=True)
class UpdateContext:
    update_id: int
    who: Who
    chat_id: int | None
    service: Conversation
    outbox: Outbox
    delivery: Delivery
    prefix: str = ""
    """Before rolebot's button data when it is embedded in another bot."""
    commands: Mapping[str, str] | None = None
    """Typed command -> rolebot's command when embedded; None: every command is rolebot's."""
