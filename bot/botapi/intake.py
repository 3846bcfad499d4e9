"""Raw updates on their way in, for polling and the webhook alike, whatever the client
library: their ids and kinds, forgetting old ids, and updates given up on.

An update is given up on after `MAX_ATTEMPTS` failed attempts to process it, or at once when
it cannot be read at all (reading it again would fail the same way): only its id, its kind
and the error's class are recorded, and the user gets a short apology if reachable.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from bot.botapi.port import Blocked, Gateway
from bot.i18n import RenderedReply
from bot.service import Who
from bot.storage.port import storable

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
PROCESSED_HORIZON_MS = 48 * 3600 * 1000
"""Processed ids older than this are forgotten: Telegram keeps an update for 24 hours."""
_KIND = re.compile(r"[a-z_]{1,40}")


def update_id(raw: Any) -> int | None:
    value = raw.get("update_id") if isinstance(raw, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def update_kind(raw: dict[str, Any]) -> str:
    """The update's type (`message`, `callback_query`...), never anything a sender chose."""
    for key, value in raw.items():
        if key != "update_id" and isinstance(value, dict):
            return key if _KIND.fullmatch(key) else "unknown"
    return "unknown"


@dataclass(frozen=True)
class Address:
    chat_id: int
    user_id: int | None
    language_code: str | None


def address(raw: dict[str, Any]) -> Address | None:
    """Where an apology can go: a private chat, or the user who pressed a button."""

    def integer(value: Any) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def language(sender: Any) -> str | None:
        code = sender.get("language_code") if isinstance(sender, dict) else None
        return code if isinstance(code, str) else None

    message = raw.get("message")
    if isinstance(message, dict):
        chat = message.get("chat")
        sender = message.get("from")
        if isinstance(chat, dict) and chat.get("type") == "private":
            chat_id = integer(chat.get("id"))
            if chat_id is not None:
                return Address(chat_id, chat_id, language(sender))
        return None
    query = raw.get("callback_query")
    if isinstance(query, dict) and isinstance(query.get("from"), dict):
        user_id = integer(query["from"].get("id"))
        if user_id is not None:
            return Address(user_id, user_id, language(query["from"]))
    return None


def now_ms() -> int:
    return int(time.time() * 1000)


async def give_up(
    app: Gateway, update_id: int, raw: dict[str, Any], error: str, attempts: int
) -> None:
    """Record the update as failed (it then counts as processed) and apologise, unless it was
    processed or given up on before (a redelivery)."""
    kind = update_kind(raw)
    if storable(update_id) and not await app.service.give_up(update_id, kind, error, attempts):
        log.info("redelivered update ignored", extra={"update_id": update_id})
        return
    log.error(
        "update given up on",
        extra={"update_id": update_id, "kind": kind, "error": error, "attempts": attempts},
    )
    await apologise(app, raw)


async def apologise(app: Gateway, raw: dict[str, Any]) -> None:
    """A short apology in the user's language, if the update says where to send it."""
    to = address(raw)
    if to is None:
        return
    who = Who(f"tg:{to.user_id}" if to.user_id is not None else None, to.language_code)
    text = app.translator("update-failed", await app.service.locale_of(who))
    try:
        await app.send(to.chat_id, RenderedReply(text, (), None))
    except Blocked:
        log.info("apology not delivered: the user blocked the bot")


async def forget_old_ids(app: Gateway) -> None:
    """Forget processed ids Telegram can no longer resend, so that a restarted id sequence
    (after a week without updates) is not mistaken for redeliveries."""
    await app.storage.forget_processed_before(now_ms() - PROCESSED_HORIZON_MS)
