"""Where a transport wants an input's replies delivered durably: written to the outbox in
the input's own transaction, so a crash after the commit loses no reply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.replies import Reply
from bot.storage.port import Claim


@dataclass(frozen=True)
class Mail:
    chat_id: int
    compose: Callable[[Reply, str], str]
    """A reply in a locale -> the row's body, as the transport's sender will send it."""
    claim: Claim
    """The sender that sends these right after the commit, unless another holds the chat."""
