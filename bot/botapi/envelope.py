"""A rendered reply as an outbox row's body (JSON) and back: its text, its buttons' labels
and data, its step. Nothing else: no chat, no user, no typed text."""

from __future__ import annotations

import functools
import json

from bot.core import actions
from bot.core.replies import Reply
from bot.i18n import RenderedButton, RenderedReply, Translator


def seal(reply: RenderedReply) -> str:
    buttons = [[[b.label, actions.encode(b.action)] for b in row] for row in reply.buttons]
    return json.dumps({"t": reply.text, "b": buttons, "s": reply.step}, ensure_ascii=False)


def sealed(translator: Translator, reply: Reply, locale: str) -> str:
    """An abstract reply, rendered in `locale`, as an outbox row's body (`Mail.compose`)."""
    return seal(translator.reply(reply, locale))


@functools.lru_cache(maxsize=4096)
def open_body(body: str) -> RenderedReply:
    """Kept by body: the same step's reply in the same words goes to many learners (a body
    holds no chat, no user and nothing typed). The result is immutable."""
    data = json.loads(body)
    rows: list[tuple[RenderedButton, ...]] = []
    for row in data.get("b", []):
        buttons = []
        for label, encoded in row:
            action = actions.decode(encoded)
            if action is not None:
                buttons.append(RenderedButton(label, action))
        rows.append(tuple(buttons))
    return RenderedReply(data["t"], tuple(r for r in rows if r), data.get("s"))
