"""Telegram's sending limits as slots in time: a generic cell rate algorithm (GCRA) per chat
and for the whole bot. Pure arithmetic; each backend keeps the two "theoretical arrival
times" in its `send_pace` table, so every instance sharing the database keeps to one budget.

A scope with interval T and burst B lets B messages go at once, then one per T: a message
that may go at `t` goes at `max(t, tat - (B - 1) * T)`, and the scope's tat moves to
`max(tat, slot) + T`.
"""

from __future__ import annotations

from dataclasses import dataclass

BOT_SCOPE = 0
"""The whole bot's row in `send_pace` (no Telegram chat has id 0); other rows are chat ids."""


@dataclass(frozen=True)
class Pace:
    """Defaults: about one message a second per chat after a burst of three, and about 30 a
    second for the bot as a whole (Telegram's documented limits for ordinary bots)."""

    chat_interval_ms: int = 1000
    chat_burst: int = 3
    bot_interval_ms: int = 34
    bot_burst: int = 30

    @classmethod
    def per_second(cls, chat: float, bot: float, chat_burst: int = 3) -> Pace:
        return cls(
            chat_interval_ms=max(1, round(1000 / chat)),
            chat_burst=chat_burst,
            bot_interval_ms=max(1, round(1000 / bot)),
            bot_burst=max(1, round(bot)),
        )


def slots(tat: int, earliest: list[int], interval: int, burst: int) -> tuple[int, list[int]]:
    """When each message may go, given when it may go at the earliest (non-decreasing), and
    the scope's new tat."""
    tolerance = (burst - 1) * interval
    out: list[int] = []
    for t in earliest:
        slot = max(t, tat - tolerance)
        tat = max(tat, slot) + interval
        out.append(slot)
    return tat, out


def schedule(
    pace: Pace, chat_tat: int, bot_tat: int, now_ms: int, count: int
) -> tuple[int, int, list[int], list[bool]]:
    """Slots for `count` messages to one chat: (chat tat, bot tat, slots, later). A message
    the chat's limit lets go now takes its slot in the bot's budget now; one the chat holds
    back (`later`) takes it when its chat slot comes (`Storage.reserve_bot`): reserving the
    bot's budget seconds ahead would hold every other chat back behind this one."""
    chat_tat, by_chat = slots(chat_tat, [now_ms] * count, pace.chat_interval_ms, pace.chat_burst)
    now_count = sum(1 for slot in by_chat if slot <= now_ms)
    bot_tat, by_bot = slots(bot_tat, [now_ms] * now_count, pace.bot_interval_ms, pace.bot_burst)
    return (
        chat_tat,
        bot_tat,
        by_bot + by_chat[now_count:],
        [False] * now_count + [True] * (count - now_count),
    )


def bot_slot(pace: Pace, bot_tat: int, now_ms: int) -> tuple[int, int]:
    """One message's slot in the bot's budget: (bot tat, slot)."""
    bot_tat, (slot,) = slots(bot_tat, [now_ms], pace.bot_interval_ms, pace.bot_burst)
    return bot_tat, slot


def paused_tat(pace: Pace, until_ms: int, *, chat: bool) -> int:
    """The tat that makes a scope's next slot `until_ms` (after Telegram's 429)."""
    if chat:
        return until_ms + (pace.chat_burst - 1) * pace.chat_interval_ms
    return until_ms + (pace.bot_burst - 1) * pace.bot_interval_ms
