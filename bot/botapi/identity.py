"""Who sent a Telegram update and where to answer: the same fields in every client library,
read through structural types, so both adapters share one reading."""

from __future__ import annotations

from typing import Protocol

from bot.service import Who


class Sender(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def language_code(self) -> str | None: ...


class Chat(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def type(self) -> str: ...


class HasChat(Protocol):
    @property
    def chat(self) -> Chat: ...


class Message(Protocol):
    @property
    def chat(self) -> Chat: ...

    @property
    def from_user(self) -> Sender | None: ...


class Query(Protocol):
    @property
    def from_user(self) -> Sender: ...

    @property
    def message(self) -> HasChat | None: ...


class Membership(Protocol):
    @property
    def from_user(self) -> Sender: ...


class Update(Protocol):
    @property
    def message(self) -> Message | None: ...

    @property
    def edited_message(self) -> Message | None: ...

    @property
    def callback_query(self) -> Query | None: ...

    @property
    def my_chat_member(self) -> Membership | None: ...


def identify(update: Update) -> tuple[Who, int | None]:
    """Who sent an update, and the chat to answer in."""
    message = update.message or update.edited_message
    sender: Sender | None = None
    if message is not None:
        sender = message.from_user
    elif update.callback_query is not None:
        sender = update.callback_query.from_user
    if sender is None and update.my_chat_member is not None:
        sender = update.my_chat_member.from_user
    if sender is None and update.message is not None and update.message.chat.type == "private":
        # A private chat is its user's, even when a message comes without `from`.
        return Who(f"tg:{update.message.chat.id}"), update.message.chat.id
    who = Who(f"tg:{sender.id}", sender.language_code) if sender else Who(None)
    chat_id: int | None = None
    if update.message is not None:
        chat_id = update.message.chat.id
    elif update.callback_query is not None:
        pressed = update.callback_query.message
        chat_id = pressed.chat.id if pressed is not None else update.callback_query.from_user.id
    return who, chat_id
