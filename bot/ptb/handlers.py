"""python-telegram-bot handlers: each turns an update into one service input and shows the
replies. They translate; the service decides. `register` puts them on an Application, the
whole bot's or a host bot's (in the group the host chooses)."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from telegram import Bot, CallbackQuery, ChatMember, Message, Update
from telegram.constants import ChatType
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.botapi import admin
from bot.botapi.admin import AdminTools
from bot.botapi.answered import answered_text, pressed_label
from bot.botapi.courier import Courier
from bot.botapi.delivery import Delivery
from bot.botapi.identity import identify
from bot.botapi.locks import KeyedLocks
from bot.botapi.port import Blocked
from bot.botapi.sending import LateSending
from bot.config import Config
from bot.core import actions
from bot.core.loader import Library
from bot.ptb.outbox import Outbox
from bot.service import (
    BotBlocked,
    BotUnblocked,
    Command,
    Conversation,
    InGroup,
    Nothing,
    Press,
    Typed,
    Unsupported,
    UserInput,
    Who,
)
from bot.service.loop import settings_for as loop_settings
from bot.service.texts import translator_for
from bot.storage.port import storage_failure

log = logging.getLogger(__name__)
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class UpdateContext:
    """What a handler gets for the update it handles: who sent it, and where replies go."""

    update_id: int
    who: Who
    chat_id: int | None
    service: Conversation
    outbox: Outbox
    delivery: Delivery


@dataclass
class Outcome:
    """How the whole bot learns what its handlers did with one update (PTB's
    `process_update` reports neither)."""

    handled: bool = False
    error: BaseException | None = None


OUTCOME: ContextVar[Outcome | None] = ContextVar("rolebot_ptb_outcome", default=None)


class Core:
    """rolebot's parts shared by every update: the service, the texts, a lock per user.
    `prefix` goes before rolebot's button data; `commands` maps the command a user types to
    rolebot's own name for it (None: every command is rolebot's)."""

    def __init__(
        self,
        config: Config,
        library: Library,
        storage: Any,
        *,
        prefix: str = "",
        commands: Mapping[str, str] | None = None,
        admin_commands: Mapping[str, str] | None = None,
        clock: Callable[[], int] | None = None,
    ) -> None:
        self.config = config
        self.storage = storage
        self.service = Conversation(library, storage, clock=clock, loop=loop_settings(config))
        self.translator = translator_for(config, library)
        self.locks = KeyedLocks()
        self.prefix = prefix
        self.commands = dict(commands) if commands is not None else None
        self.admin_commands = dict(admin_commands or {"reload": "reload", "stats": "stats"})
        self._sending = LateSending(config, storage, self.service, lambda: self.translator)

    def courier(self, bot: Bot) -> Courier:
        """Sends the outbox with the bot the updates come with, and runs the learning loop's
        due jobs; started on first use (the runner starts them with the bot, so replies a
        previous run left queued go out)."""
        return self._sending.courier(
            lambda: Outbox(bot, backoff=self.config.retry_delay, prefix=self.prefix)
        )

    async def close(self) -> None:
        await self._sending.close()

    @property
    def library(self) -> Library:
        return self.service.library

    def reload(self, library: Library) -> None:
        """Swap in a new library; call from a thread (warming the translator takes time)."""
        translator = translator_for(self.config, library)
        translator.warm()
        self.service.library, self.translator = library, translator

    def admin_tools(self) -> AdminTools:
        return AdminTools(
            config=self.config,
            storage=self.storage,
            library=lambda: self.service.library,
            translator=lambda: self.translator,
            reload=self.reload,
        )

    def wrap(self, handle: Callable[[Update, UpdateContext], Awaitable[None]]) -> Callback:
        """A PTB callback around a handler: one user's updates in order, a context, and a
        calm answer instead of silence when something fails."""

        async def callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            outcome = OUTCOME.get()
            if outcome is not None:
                outcome.handled = True
            who, chat_id = identify(update)
            key = who.external_id or ("update", update.update_id)
            async with self.locks.hold(key):
                outbox = Outbox(context.bot, backoff=self.config.retry_delay, prefix=self.prefix)
                courier = self.courier(context.bot)
                delivery = Delivery(outbox, courier, self.translator, self.service, who, chat_id)
                ctx = UpdateContext(update.update_id, who, chat_id, self.service, outbox, delivery)
                try:
                    await handle(update, ctx)
                except Exception as failure:
                    log.exception("update failed", extra={"update_id": update.update_id})
                    if storage_failure(failure):  # it may work next time: tried again
                        if outcome is not None:
                            outcome.error = failure
                        raise
                    try:
                        response = await self.service.handle(
                            who, Nothing(), update_id=update.update_id
                        )
                        if not response.duplicate:  # nothing was committed: say so
                            await delivery.say("error-generic", response.locale)
                    except Exception as exc:
                        if outcome is not None:
                            outcome.error = exc  # the poller retries, then gives up
                        raise

        return callback


def command_name(text: str) -> str:
    """ "/Start@rolebot payload" -> "start"."""
    return text.split(maxsplit=1)[0][1:].split("@", 1)[0].lower()


# -- learners ---------------------------------------------------------------------------------


async def _apply(ctx: UpdateContext, inp: UserInput) -> None:
    response = await ctx.delivery.handle(inp, ctx.update_id)
    await ctx.delivery.show(response)


async def in_group(update: Update, ctx: UpdateContext) -> None:
    """Scenarios are personal: in groups only commands get a short pointer."""
    text = update.message.text if update.message else None
    await _apply(ctx, InGroup(command=bool(text and text.startswith("/"))))


def command(names: Mapping[str, str] | None) -> Callable[[Update, UpdateContext], Awaitable[None]]:
    async def handle(update: Update, ctx: UpdateContext) -> None:
        assert update.message is not None and update.message.text is not None
        typed = command_name(update.message.text)
        if update.message.chat.type != ChatType.PRIVATE:
            await _apply(ctx, InGroup(command=True))
            return
        await _apply(ctx, Command(names.get(typed, typed) if names is not None else typed))

    return handle


async def text(update: Update, ctx: UpdateContext) -> None:
    """Only the length leaves this function: the words are never stored or logged."""
    assert update.message is not None and update.message.text is not None
    await _apply(ctx, Typed(len(update.message.text)))


async def unsupported(update: Update, ctx: UpdateContext) -> None:
    """Stickers, photos, voice, files."""
    await _apply(ctx, Unsupported())


async def membership(update: Update, ctx: UpdateContext) -> None:
    """Telegram tells a bot at once when a user blocks or unblocks it."""
    event = update.my_chat_member
    assert event is not None
    status = event.new_chat_member.status
    inp: UserInput = Nothing()
    if event.chat.type == ChatType.PRIVATE and status == ChatMember.BANNED:
        inp = BotBlocked()
    elif event.chat.type == ChatType.PRIVATE and status == ChatMember.MEMBER:
        inp = BotUnblocked()
    await ctx.service.handle(ctx.who, inp, update_id=ctx.update_id)


def button(prefix: str) -> Callable[[Update, UpdateContext], Awaitable[None]]:
    async def handle(update: Update, ctx: UpdateContext) -> None:
        """A button press: applied, the spinner stopped, the pressed message made inert,
        then the replies shown."""
        query = update.callback_query
        assert query is not None
        data = query.data or ""
        action = actions.decode(data.removeprefix(prefix)) if data.startswith(prefix) else None
        message = query.message.message_id if query.message is not None else None
        response = await ctx.delivery.handle(Press(action, message), ctx.update_id)
        if response.duplicate:
            return
        await ctx.outbox.answer_callback(query.id)
        if response.double_tap:
            return
        if action is not None:
            await close_pressed_message(query, action, ctx)
        await ctx.delivery.show(response)

    return handle


async def close_pressed_message(
    query: CallbackQuery, action: actions.Action, ctx: UpdateContext
) -> None:
    """Make the pressed message inert (`bot.botapi.answered` decides what it keeps)."""
    message = query.message
    if not isinstance(message, Message) or ctx.chat_id is None:
        return
    markup = message.reply_markup
    rows = markup.inline_keyboard if markup is not None else ()
    keyboard = (
        (
            (key.text, key.callback_data if isinstance(key.callback_data, str) else None)
            for key in row
        )
        for row in rows
    )
    label = pressed_label(keyboard, query.data or "")
    text = answered_text(action, message.text, label)
    await ctx.outbox.close_keyboard(ctx.chat_id, message.message_id, text)


# -- admins ------------------------------------------------------------------------------------


def admin_command(
    tools: AdminTools, core: Core
) -> Callable[[Update, UpdateContext], Awaitable[None]]:
    async def handle(update: Update, ctx: UpdateContext) -> None:
        message = update.message
        assert message is not None and message.text is not None
        name = core.admin_commands.get(command_name(message.text), "")
        sender = message.from_user.id if message.from_user else None
        locale = await admin.begin(tools, ctx.delivery, ctx.update_id, sender, name)
        if locale is None:
            return
        if name == "reload":
            await admin.reload(tools, ctx.delivery, locale)
            return
        args = message.text.split(maxsplit=1)[1] if " " in message.text.strip() else ""
        report = await admin.stats(tools, ctx.delivery, locale, args)
        if report is None or ctx.chat_id is None:
            return
        chat_id, bot = ctx.chat_id, ctx.outbox.bot
        try:
            await ctx.outbox.call(
                lambda: bot.send_document(
                    chat_id, report.content, filename=report.filename, caption=report.caption
                )
            )
        except Blocked:
            await ctx.delivery.mark_blocked()

    return handle


# -- registration ----------------------------------------------------------------------------


def handlers(core: Core) -> list[BaseHandler[Update, Any, None]]:
    """rolebot's handlers in the order PTB must try them (the first match in a group wins)."""
    new = filters.UpdateType.MESSAGE  # edited messages are ignored: the original was answered
    private = filters.ChatType.PRIVATE
    found: list[BaseHandler[Update, Any, None]] = [
        CommandHandler(
            list(core.admin_commands),
            core.wrap(admin_command(core.admin_tools(), core)),
            filters=new & private,
        )
    ]
    if core.commands is not None:  # inside another bot: only what is rolebot's
        found.append(CommandHandler(list(core.commands), core.wrap(command(core.commands)), new))
        pattern = re.compile("^" + re.escape(core.prefix))
        found.append(CallbackQueryHandler(core.wrap(button(core.prefix)), pattern=pattern))
        return found
    found += [
        MessageHandler(new & ~private, core.wrap(in_group)),
        MessageHandler(new & filters.TEXT & filters.Regex("^/"), core.wrap(command(None))),
        MessageHandler(new & filters.TEXT, core.wrap(text)),
        MessageHandler(new, core.wrap(unsupported)),
        CallbackQueryHandler(core.wrap(button(""))),
        ChatMemberHandler(core.wrap(membership), ChatMemberHandler.MY_CHAT_MEMBER),
    ]
    return found


def register(
    application: Application[Any, Any, Any, Any, Any, Any], core: Core, group: int
) -> None:
    application.add_handlers(handlers(core), group=group)
