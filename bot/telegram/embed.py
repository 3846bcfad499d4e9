"""rolebot's lessons inside an existing aiogram bot: a Router for the host's Dispatcher
(docs/embedding.md)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from aiogram import Bot, Router
from aiogram.types import InlineKeyboardButton, TelegramObject, Update

from bot.botapi import embedding
from bot.botapi.admin import AdminTools
from bot.botapi.courier import Courier
from bot.botapi.delivery import Delivery
from bot.botapi.identity import identify
from bot.botapi.locks import KeyedLocks
from bot.botapi.sending import LateSending
from bot.config import Config
from bot.core import actions
from bot.core.loader import Library
from bot.service import Conversation, Press, Who
from bot.service.loop import settings_for as loop_settings
from bot.service.texts import translator_for
from bot.storage import Storage
from bot.telegram.admin import admin_router
from bot.telegram.app import guarded
from bot.telegram.context import UpdateContext
from bot.telegram.handlers import conversation_router
from bot.telegram.outbox import Outbox

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class Lessons(Router):
    """A Router with rolebot's commands and buttons only; include it in the host's
    Dispatcher. `button` and `start_scenario` open a scenario from the host's menus."""

    def __init__(
        self,
        config: Config,
        library: Library,
        storage: Storage,
        *,
        prefix: str,
        commands: Mapping[str, str],
    ) -> None:
        super().__init__(name="rolebot-lessons")
        self.config = config
        self.storage = storage
        self.service = Conversation(library, storage, loop=loop_settings(config))
        self.translator = translator_for(config, library)
        self.locks = KeyedLocks()
        self.prefix = prefix
        self.commands = dict(commands)
        self._sending = LateSending(config, storage, self.service, lambda: self.translator)
        tools = AdminTools(
            config=config,
            storage=storage,
            library=lambda: self.service.library,
            translator=lambda: self.translator,
            reload=self._reload,
        )
        admin_names = {name: typed for typed, name in embedding.ADMIN_COMMANDS.items()}
        for child in (admin_router(tools, admin_names), conversation_router(prefix, commands)):
            child.message.middleware(self._context)
            child.callback_query.middleware(self._context)
            self.include_router(child)

    def _reload(self, library: Library) -> None:
        translator = translator_for(self.config, library)
        translator.warm()
        self.service.library, self.translator = library, translator

    def courier(self, bot: Bot) -> Courier:
        """The host's bot is known from its first update: the outbox is sent from then on
        (a restarted host sends what a previous run left queued at its first update)."""
        return self._sending.courier(
            lambda: Outbox(bot, backoff=self.config.retry_delay, prefix=self.prefix)
        )

    def delivery(self, bot: Bot, who: Who, chat_id: int | None) -> tuple[Outbox, Delivery]:
        outbox = Outbox(bot, backoff=self.config.retry_delay, prefix=self.prefix)
        courier = self.courier(bot)
        return outbox, Delivery(outbox, courier, self.translator, self.service, who, chat_id)

    async def _context(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """One user's updates in order, the handler's context, a calm answer on failure."""
        update: Update = data["event_update"]
        bot: Bot = data["bot"]
        who, chat_id = identify(update)
        async with self.locks.hold(who.external_id or ("update", update.update_id)):
            outbox, delivery = self.delivery(bot, who, chat_id)
            ctx = UpdateContext(
                update.update_id,
                who,
                chat_id,
                self.service,
                outbox,
                delivery,
                prefix=self.prefix,
                commands=self.commands,
            )
            return await guarded(ctx, lambda: handler(event, {**data, "ctx": ctx}))

    def button(self, scenario: str, text: str) -> InlineKeyboardButton:
        """A button for the host's own keyboards that opens (or resumes) a scenario."""
        data = self.prefix + actions.encode(actions.Open(scenario))
        return InlineKeyboardButton(text=text, callback_data=data)

    async def start_scenario(
        self, bot: Bot, user_id: int, scenario: str, language_code: str | None = None
    ) -> None:
        """Open a scenario for a user from the host's code; the step goes to their private
        chat with the bot."""
        who = Who(f"tg:{user_id}", language_code)
        async with self.locks.hold(who.external_id):
            _, delivery = self.delivery(bot, who, user_id)
            await delivery.show(await delivery.handle(Press(actions.Open(scenario))))

    async def close(self) -> None:
        await self._sending.close()
        await self.storage.close()


def lessons_router(
    *,
    database: str,
    admins: Iterable[int] = (),
    config: Config | None = None,
    prefix: str = embedding.PREFIX,
    commands: Mapping[str, str] | None = None,
) -> Lessons:
    """rolebot as a Router for an existing aiogram bot (`dp.include_router(...)`).

    It answers only its own commands (`embedding.COMMANDS`: /lessons, /lessons_help...,
    and /lessons_stats, /lessons_reload for `admins`) and buttons whose data starts with
    `prefix`; everything else goes on to the host's handlers. `database`: a SQLite file or
    postgresql:// URL; `config`: any other rolebot setting (scenario folders, support contact).
    """
    settings, library, storage = embedding.open_parts(database, admins, config, prefix)
    lessons = Lessons(
        settings, library, storage, prefix=prefix, commands=commands or embedding.COMMANDS
    )
    lessons.translator.warm(compile_messages=False)
    return lessons
