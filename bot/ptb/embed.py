"""rolebot's lessons inside an existing python-telegram-bot Application (docs/embedding.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from telegram import Bot, InlineKeyboardButton
from telegram.ext import Application

from bot.botapi import embedding
from bot.botapi.delivery import Delivery
from bot.config import Config
from bot.core import actions
from bot.ptb.handlers import Core, register
from bot.ptb.outbox import Outbox
from bot.service import Press, Who


class Lessons:
    """rolebot mounted on a host bot: a button or a call opens a scenario for a user."""

    def __init__(self, core: Core) -> None:
        self.core = core

    def button(self, scenario: str, text: str) -> InlineKeyboardButton:
        """A button for the host's own keyboards that opens (or resumes) a scenario."""
        data = self.core.prefix + actions.encode(actions.Open(scenario))
        return InlineKeyboardButton(text, callback_data=data)

    async def start_scenario(
        self, bot: Bot, user_id: int, scenario: str, language_code: str | None = None
    ) -> None:
        """Open a scenario for a user from the host's code; the step goes to their private
        chat with the bot."""
        who = Who(f"tg:{user_id}", language_code)
        async with self.core.locks.hold(who.external_id):
            outbox = Outbox(bot, backoff=self.core.config.retry_delay, prefix=self.core.prefix)
            courier = self.core.courier(bot)
            core = self.core
            delivery = Delivery(outbox, courier, core.translator, core.service, who, user_id)
            response = await delivery.handle(Press(actions.Open(scenario)))
            await delivery.show(response)

    async def close(self) -> None:
        await self.core.close()
        await self.core.storage.close()


def add_lessons(
    application: Application[Any, Any, Any, Any, Any, Any],
    *,
    database: str,
    admins: Iterable[int] = (),
    group: int = 0,
    config: Config | None = None,
    prefix: str = embedding.PREFIX,
    commands: Mapping[str, str] | None = None,
) -> Lessons:
    """Register rolebot's handlers on the host's Application in handler group `group`.

    rolebot answers only its own commands (`embedding.COMMANDS`: /lessons, /lessons_help...,
    and /lessons_stats, /lessons_reload for `admins`) and buttons whose data starts with
    `prefix`; everything else stays the host's. `database`: a SQLite file or postgresql://
    URL; `config`: any other rolebot setting (scenario folders, support contact).
    """
    settings, library, storage = embedding.open_parts(database, admins, config, prefix)
    core = Core(
        settings,
        library,
        storage,
        prefix=prefix,
        commands=commands or embedding.COMMANDS,
        admin_commands=embedding.ADMIN_COMMANDS,
    )
    core.translator.warm(compile_messages=False)
    register(application, core, group)
    return Lessons(core)
