"""aiogram handlers for learners: each turns a Telegram update into one service input and
shows the replies. They translate; the service decides."""

from __future__ import annotations

from collections.abc import Mapping

from aiogram import F, Router
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.filters import Command as CommandFilter
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message

from bot.botapi.answered import answered_text, pressed_label
from bot.core import actions
from bot.service import (
    BotBlocked,
    BotUnblocked,
    Command,
    InGroup,
    Nothing,
    Press,
    Typed,
    Unsupported,
    UserInput,
)
from bot.telegram.context import UpdateContext


def conversation_router(prefix: str = "", commands: Mapping[str, str] | None = None) -> Router:
    """Every learner update; inside another bot (`commands` given) only rolebot's commands and
    buttons whose data starts with `prefix`."""
    router = Router(name="rolebot")
    private = F.chat.type == ChatType.PRIVATE
    if commands is not None:
        router.message.register(command, CommandFilter(*commands))
        router.callback_query.register(button, F.data.startswith(prefix))
        return router
    router.message.register(in_group, ~private)
    router.message.register(command, F.text.startswith("/"))
    router.message.register(text, F.text)
    router.message.register(unsupported)
    router.callback_query.register(button)
    router.my_chat_member.register(membership, F.chat.type == ChatType.PRIVATE)
    return router


async def _apply(ctx: UpdateContext, inp: UserInput) -> None:
    response = await ctx.delivery.handle(inp, ctx.update_id)
    await ctx.delivery.show(response)


def command_name(text: str) -> str:
    """ "/Start@rolebot payload" -> "start"."""
    return text.split(maxsplit=1)[0][1:].split("@", 1)[0].lower()


async def in_group(message: Message, ctx: UpdateContext) -> None:
    """Scenarios are personal: in groups only commands get a short pointer."""
    await _apply(ctx, InGroup(command=bool(message.text and message.text.startswith("/"))))


async def command(message: Message, ctx: UpdateContext) -> None:
    assert message.text is not None
    if message.chat.type != ChatType.PRIVATE:
        await _apply(ctx, InGroup(command=True))
        return
    typed = command_name(message.text)
    names = ctx.commands
    await _apply(ctx, Command(names.get(typed, typed) if names is not None else typed))


async def text(message: Message, ctx: UpdateContext) -> None:
    """Only the length leaves this function: the words are never stored or logged."""
    assert message.text is not None
    await _apply(ctx, Typed(len(message.text)))


async def unsupported(message: Message, ctx: UpdateContext) -> None:
    """Stickers, photos, voice, files."""
    await _apply(ctx, Unsupported())


async def membership(event: ChatMemberUpdated, ctx: UpdateContext) -> None:
    """Telegram tells a bot at once when a user blocks or unblocks it."""
    status = event.new_chat_member.status
    if status == ChatMemberStatus.KICKED:
        inp: UserInput = BotBlocked()
    elif status == ChatMemberStatus.MEMBER:
        inp = BotUnblocked()
    else:
        inp = Nothing()
    await ctx.service.handle(ctx.who, inp, update_id=ctx.update_id)


async def button(query: CallbackQuery, ctx: UpdateContext) -> None:
    """A button press: applied, the spinner stopped, the pressed message made inert, then
    the replies shown."""
    data = query.data or ""
    action = actions.decode(data.removeprefix(ctx.prefix)) if data.startswith(ctx.prefix) else None
    message = query.message.message_id if query.message is not None else None
    press = Press(action, message)
    response = await ctx.delivery.handle(press, ctx.update_id)
    if response.duplicate:
        return
    await ctx.outbox.answer_callback(query.id)
    if response.double_tap:
        return
    if action is not None:
        await close_pressed_message(query, action, ctx)
    await ctx.delivery.show(response)


async def close_pressed_message(
    query: CallbackQuery, action: actions.Action, ctx: UpdateContext
) -> None:
    """Make the pressed message inert (`bot.botapi.answered` decides what it keeps)."""
    message = query.message
    if not isinstance(message, Message) or ctx.chat_id is None:
        return
    markup = message.reply_markup
    rows = markup.inline_keyboard if markup is not None else ()
    keyboard = (((key.text, key.callback_data) for key in row) for row in rows)
    label = pressed_label(keyboard, query.data or "")
    text = answered_text(action, message.text, label)
    await ctx.outbox.close_keyboard(ctx.chat_id, message.message_id, text)
