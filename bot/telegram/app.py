"""The running bot: one Update at a time per user, committed before it counts as processed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.exceptions import (
    AiogramError,
    TelegramAPIError,
    TelegramConflictError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.methods import GetUpdates
from aiogram.types import BotCommand, Update

from bot.botapi.admin import AdminTools
from bot.botapi.delivery import Delivery
from bot.botapi.identity import identify
from bot.botapi.locks import KeyedLocks
from bot.botapi.port import (
    ALLOWED_UPDATES,
    Conflict,
    FetchFailed,
    InvalidTokenError,
    Pauser,
    RetryAfter,
)
from bot.botapi.sending import Sending
from bot.config import Config
from bot.core.loader import Library, load_library
from bot.i18n import RenderedReply
from bot.service import COMMANDS, Conversation, Nothing
from bot.service.loop import settings_for as loop_settings
from bot.service.texts import translator_for
from bot.storage import Storage, open_storage
from bot.storage.port import storage_failure
from bot.telegram import intake
from bot.telegram.admin import admin_router
from bot.telegram.context import UpdateContext
from bot.telegram.handlers import conversation_router
from bot.telegram.outbox import Outbox, TelegramSession

log = logging.getLogger(__name__)
__all__ = ["ALLOWED_UPDATES", "BotApp", "create_app", "guarded", "make_bot"]


class BotApp:
    """Holds the bot's parts; `process` is the only way an Update gets in."""

    def __init__(
        self,
        config: Config,
        library: Library,
        storage: Storage,
        bot: Bot,
        routers: tuple[Router, ...] | None = None,
        clock: Callable[[], int] | None = None,
    ) -> None:
        self.config = config
        self.storage = storage
        self.bot = bot
        self.service = Conversation(library, storage, clock=clock, loop=loop_settings(config))
        self.translator = translator_for(config, library)
        self.outbox = Outbox(bot)
        self.sending = Sending(config, storage, self.service, self.outbox, lambda: self.translator)
        self.locks = KeyedLocks()
        """Orders one user's updates, replies included; different users run in parallel."""
        # No aiogram FSM: conversation state lives in storage. Its default MemoryStorage
        # would also keep a record per chat in RAM.
        self.dispatcher = Dispatcher(disable_fsm=True)
        if routers is None:
            routers = (admin_router(self.admin_tools()), conversation_router())
        self.dispatcher.include_routers(*routers)

    @property
    def library(self) -> Library:
        return self.service.library

    def admin_tools(self) -> AdminTools:
        return AdminTools(
            config=self.config,
            storage=self.storage,
            library=lambda: self.service.library,
            translator=lambda: self.translator,
            reload=self.reload,
        )

    def reload(self, library: Library) -> None:
        """Swap in a new library; call from a thread (warming the translator takes time)."""
        translator = translator_for(self.config, library)
        translator.warm()
        self.service.library, self.translator = library, translator

    async def process(self, update: Update) -> None:
        """Apply one Update exactly once; returns only after its effects are committed."""
        who, chat_id = identify(update)
        async with self.locks.hold(who.external_id or ("update", update.update_id)):
            delivery = Delivery(
                self.outbox, self.sending.courier, self.translator, self.service, who, chat_id
            )
            ctx = UpdateContext(
                update.update_id, who, chat_id, self.service, self.outbox, delivery
            )
            handled = await guarded(
                ctx, lambda: self.dispatcher.feed_update(self.bot, update, ctx=ctx)
            )
            if handled is UNHANDLED:
                await self.service.handle(who, Nothing(), update_id=update.update_id)

    # -- bot.botapi.port.Gateway ----------------------------------------------------------

    async def process_raw(self, raw: dict[str, Any]) -> None:
        update = intake.read(raw, self.bot)
        if update is not None:
            await self.process(update)

    async def send(
        self, chat_id: int, reply: RenderedReply, *, on_wait: Pauser | None = None
    ) -> int | None:
        return await self.outbox.send(chat_id, reply, on_wait=on_wait)

    async def start(self) -> str:
        try:
            me = await self.bot.get_me()
        except TelegramUnauthorizedError:
            raise InvalidTokenError from None
        self.sending.start()  # replies a previous run committed but did not send, due jobs
        return me.username or ""

    async def get_updates(self, offset: int | None, limit: int, wait: int) -> list[Any]:
        request = intake.GetRawUpdates(
            offset=offset, limit=limit, timeout=wait, allowed_updates=ALLOWED_UPDATES
        )
        try:
            return await self.bot(request, request_timeout=wait + 10)
        except TelegramRetryAfter as exc:
            raise RetryAfter(float(exc.retry_after)) from None
        except TelegramConflictError as exc:
            raise Conflict(exc.message) from None
        except TelegramUnauthorizedError:
            raise InvalidTokenError from None
        except (TelegramAPIError, AiogramError, OSError, TimeoutError) as exc:
            # AiogramError: ClientDecodeError, a body that is not JSON (a proxy's page).
            raise FetchFailed(type(exc).__name__) from None

    async def confirm(self, offset: int) -> None:
        await self.bot(GetUpdates(offset=offset, limit=1, timeout=0))

    async def delete_webhook(self) -> None:
        await self.outbox.call(lambda: self.bot.delete_webhook(drop_pending_updates=False))

    async def set_webhook(self, url: str, secret: str) -> bool:
        registered = await self.outbox.call(
            lambda: self.bot.set_webhook(
                url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
            ),
            strict=True,
        )
        return bool(registered)

    async def register_commands(self) -> None:
        """The command menu in each locale, and in English for every other language."""
        for locale in (*self.library.locales, None):
            commands = [
                BotCommand(command=c, description=self.translator(f"command-{c}", locale or "en"))
                for c in COMMANDS
            ]
            await self.outbox.call(
                partial(self.bot.set_my_commands, commands, language_code=locale)
            )

    async def close(self) -> None:
        await self.sending.close()
        await self.bot.session.close()
        await self.storage.close()


async def guarded(ctx: UpdateContext, handle: Callable[[], Awaitable[Any]]) -> Any:
    """Run the handlers of one update; when they raise, record the update (if nothing was
    committed) and say something went wrong, instead of leaving the user without an answer.
    A failure of the database itself is raised instead: the update is tried again."""
    try:
        return await handle()
    except Exception as exc:
        log.exception("update failed", extra={"update_id": ctx.update_id})
        if storage_failure(exc):
            raise  # nothing committed, and it may work next time: Telegram sends it again
        response = await ctx.service.handle(ctx.who, Nothing(), update_id=ctx.update_id)
        if not response.duplicate:  # nothing was committed: say so, and move on
            await ctx.delivery.say("error-generic", response.locale)
        return None


def make_bot(config: Config, token: str) -> Bot:
    session = TelegramSession()
    if config.api_base:
        session.api = TelegramAPIServer.from_base(config.api_base.rstrip("/"))
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=None))


async def create_app(
    config: Config,
    token: str,
    library: Library | None = None,
    clock: Callable[[], int] | None = None,
) -> BotApp:
    """Load and validate scenarios (refusing to start on errors), open storage, build the bot."""
    if library is None:
        library = await asyncio.to_thread(load_library, config.scenarios_dir, config.locales_dir)
    storage = await asyncio.to_thread(open_storage, config.database, background_checkpoints=True)
    app = BotApp(config, library, storage, make_bot(config, token), clock=clock)
    # Bundles now; compiling every message would delay the first poll by ~0.7 s per 100
    # scenarios, and each message compiles in well under a millisecond on first use anyway.
    app.translator.warm(compile_messages=False)
    return app
