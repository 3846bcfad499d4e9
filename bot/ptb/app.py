"""The whole bot on python-telegram-bot: PTB's Application runs rolebot's handlers, while
rolebot's own poller (`bot.botapi.polling`) or webhook feeds it updates, so an update is
confirmed to Telegram only after its effects are committed. PTB's Updater would confirm
updates as soon as it fetched them, so it is not used."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from telegram import Bot, BotCommand, Update
from telegram.error import Conflict, InvalidToken, RetryAfter
from telegram.error import TelegramError as PTBError
from telegram.ext import Application, ApplicationBuilder
from telegram.request import HTTPXRequest

from bot.botapi import intake, port
from bot.botapi.identity import identify
from bot.botapi.port import ALLOWED_UPDATES, Pauser, UnreadableUpdate
from bot.botapi.runner import serve_gateway
from bot.config import Config
from bot.core.loader import Library, load_library
from bot.i18n import RenderedReply, Translator
from bot.ptb.handlers import OUTCOME, Core, Outcome, register
from bot.ptb.outbox import Outbox, retry_seconds
from bot.service import COMMANDS, Conversation, Nothing
from bot.storage import Storage, open_storage

log = logging.getLogger(__name__)
TELEGRAM = "https://api.telegram.org"


class RawUpdatesBot(Bot):
    """PTB's Bot, plus getUpdates answered as JSON: `get_updates` reads the whole batch at
    once, so one update PTB cannot read would fail the others with it, every time Telegram
    resends them. (`do_api_request` would do, but warns for a method Bot has.)"""

    async def raw_updates(self, params: dict[str, Any], *, read_timeout: float = 5.0) -> Any:
        return await self._post("getUpdates", params, read_timeout=read_timeout)


class PtbApp:
    """`bot.botapi.port.Gateway` on python-telegram-bot."""

    def __init__(
        self,
        config: Config,
        library: Library,
        storage: Storage,
        bot: RawUpdatesBot,
        clock: Callable[[], int] | None = None,
    ) -> None:
        self.config = config
        self.storage = storage
        self.core = Core(config, library, storage, clock=clock)
        self.service: Conversation = self.core.service
        self.application: Application[Any, Any, Any, Any, Any, Any] = (
            ApplicationBuilder().bot(bot).updater(None).build()
        )
        register(self.application, self.core, group=0)
        self.application.add_error_handler(_already_logged)
        self.outbox = Outbox(bot, backoff=config.retry_delay)

        self.bot = bot

    @property
    def library(self) -> Library:
        return self.core.library

    @property
    def translator(self) -> Translator:
        return self.core.translator

    async def process(self, update: Update) -> None:
        """Apply one Update exactly once; returns only after its effects are committed."""
        outcome = Outcome()
        token = OUTCOME.set(outcome)
        try:
            await self.application.process_update(update)
        finally:
            OUTCOME.reset(token)
        if outcome.error is not None:
            raise outcome.error
        if not outcome.handled:
            who, _ = identify(update)
            await self.service.handle(who, Nothing(), update_id=update.update_id)

    async def process_raw(self, raw: dict[str, Any]) -> None:
        kind = intake.update_kind(raw)
        if kind not in Update.ALL_TYPES:
            log.info(
                "update of an unsupported type ignored",
                extra={"update_id": intake.update_id(raw), "kind": kind},
            )
            return
        try:
            update = Update.de_json(raw, self.bot)
        except Exception:  # PTB reads leniently; what it cannot read raises anything
            raise UnreadableUpdate(kind) from None
        await self.process(update)

    async def send(
        self, chat_id: int, reply: RenderedReply, *, on_wait: Pauser | None = None
    ) -> int | None:
        return await self.outbox.send(chat_id, reply, on_wait=on_wait)

    async def start(self) -> str:
        try:
            await self.application.initialize()  # getMe
        except InvalidToken:
            raise port.InvalidTokenError from None
        self.core.courier(self.bot)  # sends replies a previous run committed but did not send
        return self.bot.username

    async def register_commands(self) -> None:
        """The command menu in each locale, and in English for every other language."""
        for locale in (*self.library.locales, None):
            commands = [
                BotCommand(c, self.translator(f"command-{c}", locale or "en")) for c in COMMANDS
            ]
            await self.outbox.call(
                partial(self.bot.set_my_commands, commands, language_code=locale)
            )

    async def get_updates(self, offset: int | None, limit: int, wait: int) -> list[Any]:
        params: dict[str, Any] = {
            "limit": limit,
            "timeout": wait,
            "allowed_updates": ALLOWED_UPDATES,
        }
        if offset is not None:
            params["offset"] = offset
        try:
            # The raw answer: PTB's get_updates reads the whole batch at once, so one
            # update it cannot read would fail every other one with it.
            result = await self.bot.raw_updates(params, read_timeout=wait + 10)
        except RetryAfter as exc:
            raise port.RetryAfter(retry_seconds(exc)) from None
        except Conflict as exc:
            raise port.Conflict(exc.message) from None
        except InvalidToken:
            raise port.InvalidTokenError from None
        except (PTBError, OSError, TimeoutError) as exc:
            raise port.FetchFailed(type(exc).__name__) from None
        if not isinstance(result, list):
            raise port.FetchFailed("NotAList")
        return result

    async def confirm(self, offset: int) -> None:
        await self.bot.raw_updates({"offset": offset, "limit": 1, "timeout": 0})

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

    async def close(self) -> None:
        try:
            await self.core.close()
            await self.application.shutdown()  # nothing to do before initialize()
        finally:
            await self.storage.close()


async def _already_logged(update: object, context: Any) -> None:
    """PTB's own error logging would repeat what the handler wrapper logged."""


def make_bot(config: Config, token: str) -> RawUpdatesBot:
    base = (config.api_base or TELEGRAM).rstrip("/")
    # One pool for long polls and sends alike (getUpdates goes through do_api_request).
    request = HTTPXRequest(connection_pool_size=256, pool_timeout=10.0)
    return RawUpdatesBot(
        token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot", request=request
    )


async def create_app(
    config: Config,
    token: str,
    library: Library | None = None,
    clock: Callable[[], int] | None = None,
) -> PtbApp:
    """Load and validate scenarios (refusing to start on errors), open storage, build the bot."""
    # httpx logs every request's URL at INFO: the token is redacted, but it is noise.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLogger().level))
    if library is None:
        library = await asyncio.to_thread(load_library, config.scenarios_dir, config.locales_dir)
    storage = await asyncio.to_thread(open_storage, config.database, background_checkpoints=True)
    app = PtbApp(config, library, storage, make_bot(config, token), clock)
    app.translator.warm(compile_messages=False)
    return app


async def serve(
    config: Config,
    token: str,
    *,
    webhook_url: str | None = None,
    stop: asyncio.Event | None = None,
    library: Library | None = None,
    clock: Callable[[], int] | None = None,
) -> None:
    """`rolebot run --framework ptb`: run until SIGTERM/SIGINT (or `stop` is set), finishing
    every update in flight. `clock`: the learning loop's time (tests move it by days)."""

    async def create() -> PtbApp:
        return await create_app(config, token, library, clock)

    await serve_gateway(config, create, webhook_url=webhook_url, stop=stop)
