"""A reply's inline keyboard as the JSON the Bot API reads, made once per keyboard."""

from __future__ import annotations

import functools
import json

from bot.core import actions
from bot.i18n import RenderedButton, RenderedReply


def inline_keyboard(reply: RenderedReply, prefix: str = "") -> str | None:
    """None for a reply without buttons. `prefix` goes before every button's data (rolebot
    inside another bot)."""
    if not reply.buttons:
        return None
    return _markup(reply.buttons, prefix)


@functools.lru_cache(maxsize=4096)
def _markup(rows: tuple[tuple[RenderedButton, ...], ...], prefix: str) -> str:
    """A step's options in a locale are the same keyboard for every learner: made once, not
    per send (building the library's keyboard objects per send cost a fifth of a send)."""
    buttons = [
        [{"text": b.label, "callback_data": prefix + actions.encode(b.action)} for b in row]
        for row in rows
    ]
    return json.dumps({"inline_keyboard": buttons}, ensure_ascii=False)
