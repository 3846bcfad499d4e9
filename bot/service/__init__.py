"""The conversation service: every flow a learner can take, transport-neutral, over the
storage port (`bot.storage.port`)."""

from __future__ import annotations

from bot.service.conversation import Conversation, to_input
from bot.service.inputs import (
    COMMANDS,
    BotBlocked,
    BotUnblocked,
    Command,
    Due,
    InGroup,
    Nothing,
    Press,
    Typed,
    Unsupported,
    UserInput,
    Who,
)
from bot.service.mail import Mail
from bot.service.response import Response, merged

__all__ = [
    "COMMANDS",
    "BotBlocked",
    "BotUnblocked",
    "Command",
    "Conversation",
    "Due",
    "InGroup",
    "Mail",
    "Nothing",
    "Press",
    "Response",
    "Typed",
    "Unsupported",
    "UserInput",
    "Who",
    "merged",
    "to_input",
]
