"""What the conversation service hands back to a transport for one input."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.replies import Reply, Text
from bot.storage.port import Outgoing


@dataclass(frozen=True)
class Response:
    """Abstract replies to show, in `locale`, in order. `duplicate`: the update was processed
    before (a redelivery), so nothing was changed and nothing must be sent. `user_key` is the
    pseudonym for logs, never the external id."""

    replies: tuple[Reply, ...] = ()
    locale: str = "en"
    duplicate: bool = False
    user_key: str | None = None
    double_tap: bool = False
    """A second press on a message already answered: nothing changed, nothing to show."""
    outgoing: tuple[Outgoing, ...] = ()
    """The replies as queued in the outbox (with `Mail`) and claimed for its sender to send
    now; () when another sender holds the chat and sends them after its own."""


def merged(replies: tuple[Reply, ...] | list[Reply]) -> tuple[Reply, ...]:
    """Feedback and the next step in one message: fewer messages to scroll past, and one
    Bot API call less per answer. A reply without buttons joins the next one."""
    out: list[Reply] = []
    lead: tuple[Text, ...] = ()
    for index, reply in enumerate(replies):
        if not reply.buttons and index < len(replies) - 1:
            lead += reply.parts
            continue
        out.append(Reply(parts=lead + reply.parts, buttons=reply.buttons, step=reply.step))
        lead = ()
    return tuple(out)
