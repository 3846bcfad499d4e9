"""What the shared polling, webhook and runner need from a Telegram client library adapter.

Each adapter (aiogram in `bot.telegram`, python-telegram-bot in `bot.ptb`) implements
`Gateway` and translates its library's errors into the ones below, so the rules about when
an update counts as done are written once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from bot.core.loader import Library
from bot.i18n import RenderedReply, Translator
from bot.service import Conversation
from bot.storage import Storage

ALLOWED_UPDATES = ["message", "callback_query", "edited_message", "my_chat_member"]


class BotAPIError(Exception):
    """Root of the errors an adapter reports in its library's stead."""


class Blocked(BotAPIError):  # noqa: N818 - a state, not a failure of ours
    """Telegram says the user blocked the bot (403); the caller records it."""


class RetryAfter(BotAPIError):  # noqa: N818 - Telegram's own name
    """getUpdates was rate limited (429)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class Conflict(BotAPIError):  # noqa: N818 - Telegram's own name
    """409: another process polls with the same token, or a webhook is set."""


class InvalidTokenError(BotAPIError):
    """Telegram rejected the token (401)."""


class FetchFailed(BotAPIError):  # noqa: N818 - reads as what happened
    """getUpdates failed in a way worth retrying (network, 5xx, a proxy's HTML page);
    `error` names the library's exception class, never the body."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class Refused(BotAPIError):  # noqa: N818 - reads as what Telegram did
    """Telegram answered 400 to a request the caller cannot go on without; the message is
    Telegram's description."""


class WebhookError(BotAPIError):
    """The webhook cannot start; the message says why, in one line."""


class UnreadableUpdate(BotAPIError):  # noqa: N818 - names the update, not our failure
    """The library cannot read the update (a field of an unexpected type, say)."""


Pauser = Callable[[float], Awaitable[None]]
"""Told how long Telegram asked to wait (429) before the sender waits it."""


class Sender(Protocol):
    async def send(
        self, chat_id: int, reply: RenderedReply, *, on_wait: Pauser | None = None
    ) -> int | None:
        """The sent message's id, None when sending failed for good; raises `Blocked`."""


class Gateway(Sender, Protocol):
    """A running bot on one Telegram client library."""

    service: Conversation
    storage: Storage

    @property
    def library(self) -> Library: ...

    @property
    def translator(self) -> Translator: ...

    async def start(self) -> str:
        """getMe: the bot's username; raises `InvalidTokenError`."""

    async def register_commands(self) -> None: ...

    async def get_updates(self, offset: int | None, limit: int, wait: int) -> list[Any]:
        """getUpdates (a long poll of `wait` seconds) with the updates left as JSON; raises
        `RetryAfter`, `Conflict`, `InvalidTokenError` or `FetchFailed`."""

    async def confirm(self, offset: int) -> None:
        """Tell Telegram every update before `offset` is done (errors ignored)."""

    async def process_raw(self, raw: dict[str, Any]) -> None:
        """Apply one update exactly once, returning after its effects are committed; raises
        `UnreadableUpdate` when the library cannot read it."""

    async def delete_webhook(self) -> None: ...

    async def set_webhook(self, url: str, secret: str) -> bool:
        """True once Telegram registered it, False when it could not be reached; raises
        `Refused` when Telegram refuses it."""

    async def close(self) -> None: ...
