"""What a person did, as any transport reports it: the conversation service's inputs."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.actions import Action

COMMANDS = ("start", "menu", "continue", "language", "reminders", "help", "privacy", "forget")
"""The commands every learner has, in menu order."""


@dataclass(frozen=True)
class Who:
    """The person behind an input. `external_id` is "<transport>:<id>" ("tg:42",
    "terminal:alice"); None when a transport's update has no sender (it is only recorded as
    processed). `language_code` is what the client reports, used on first sight."""

    external_id: str | None
    language_code: str | None = None


@dataclass(frozen=True)
class Command:
    """A typed command; `name` without the slash, lower case. Unknown names get a pointer
    to /help."""

    name: str


@dataclass(frozen=True)
class Press:
    """A pressed button; `action` None for data that does not decode (forged or from an
    older version of the bot). `message`: the transport's id of the message the button is
    on, when it has one; only the first press on a message is applied (the chat keeps live
    buttons only on its newest message, so a second press is a double tap)."""

    action: Action | None
    message: int | None = None


@dataclass(frozen=True)
class Typed:
    """Typed text. Only its length reaches the service: the words are never kept."""

    length: int


@dataclass(frozen=True)
class Unsupported:
    """A sticker, photo, voice message, file: something that is neither text nor a button."""


@dataclass(frozen=True)
class InGroup:
    """Something said in a group chat; scenarios are personal, so only a command gets a
    pointer to the private chat."""

    command: bool


@dataclass(frozen=True)
class BotBlocked:
    """The person blocked the bot (Telegram said so, or refused a message with 403)."""


@dataclass(frozen=True)
class BotUnblocked:
    """The person unblocked the bot."""


@dataclass(frozen=True)
class Nothing:
    """An update to record as processed and otherwise ignore (admin commands are handled by
    their transport after this; updates with no sender)."""


@dataclass(frozen=True)
class Due:
    """A learning-loop job fell due (`bot.service.loop`): the scheduler's input, never a
    person's; it changes nothing else about the user (a blocked user stays blocked)."""

    job_id: int


UserInput = (
    Command | Press | Typed | Unsupported | InGroup | BotBlocked | BotUnblocked | Nothing | Due
)
