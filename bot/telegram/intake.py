"""Raw updates read with aiogram, one by one (the rest of intake is `bot.botapi.intake`)."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from pydantic import ValidationError

from bot.botapi.intake import (
    MAX_ATTEMPTS,
    apologise,
    forget_old_ids,
    give_up,
    update_id,
    update_kind,
)
from bot.botapi.port import UnreadableUpdate

log = logging.getLogger(__name__)
__all__ = [
    "MAX_ATTEMPTS",
    "GetRawUpdates",
    "UnreadableUpdate",
    "apologise",
    "forget_old_ids",
    "give_up",
    "read",
    "update_id",
    "update_kind",
]


class GetRawUpdates(TelegramMethod[list[dict[str, Any]]]):
    """getUpdates whose updates stay JSON objects, read one by one later: with aiogram's own
    method one update it cannot read fails the whole batch, every time it is redelivered."""

    __returning__ = list[dict[str, Any]]
    __api_method__ = "getUpdates"

    offset: int | None = None
    limit: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


_RESPONSE_TYPE = Response[list[dict[str, Any]]]  # a strong reference, see outbox.py


def read(raw: dict[str, Any], bot: Bot) -> Update | None:
    """The Update, or None for a type rolebot does not handle (logged, nothing else).

    Never lets aiogram see an unknown type: it would warn with the whole update, words and
    all. Raises `UnreadableUpdate` without the validation details, which quote the content.
    """
    try:
        update = Update.model_validate(raw, context={"bot": bot})
    except ValidationError:
        raise UnreadableUpdate(update_kind(raw)) from None
    try:
        update.event_type  # noqa: B018 - raises for an unknown type
    except UpdateTypeLookupError:
        log.info(
            "update of an unsupported type ignored",
            extra={"update_id": update.update_id, "kind": update_kind(raw)},
        )
        return None
    return update
