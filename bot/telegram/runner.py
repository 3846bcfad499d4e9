"""`rolebot run`: start the bot in polling or webhook mode and stop it cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from aiogram.exceptions import TelegramBadRequest, TelegramUnauthorizedError
from aiohttp import web

from bot.config import Config
from bot.core.loader import Library
from bot.telegram import intake
from bot.telegram.app import ALLOWED_UPDATES, BotApp, create_app
from bot.telegram.polling import Poller
from bot.telegram.secret import secret_problem
from bot.telegram.webhook import WebhookError, webhook_app

log = logging.getLogger(__name__)


class InvalidTokenError(Exception):
    """Telegram rejected the token (401)."""


async def serve(
    config: Config,
    token: str,
    *,
    webhook_url: str | None = None,
    stop: asyncio.Event | None = None,
    library: Library | None = None,
) -> None:
    """Run until SIGTERM/SIGINT (or `stop` is set), finishing every update in flight.
    `library`: scenarios already loaded and validated (else they are loaded here)."""
    if webhook_url:
        secret = config.webhook_secret.get_secret_value() if config.webhook_secret else ""
        problem = secret_problem(secret)
        if problem is not None:
            raise WebhookError(problem)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
    app = await create_app(config, token, library)
    app.outbox.backoff = config.retry_delay
    try:
        try:
            me = await app.bot.get_me()
        except TelegramUnauthorizedError:
            raise InvalidTokenError from None
        log.info(
            "bot started",
            extra={
                "bot": me.username,
                "scenarios": len(app.library.scenarios),
                "mode": "webhook" if webhook_url else "polling",
            },
        )
        await app.register_commands()
        if webhook_url:
            await _webhook(app, config, webhook_url, stop)
        else:
            await _polling(app, config, stop)
    finally:
        await app.close()
        log.info("bot stopped")


async def _polling(app: BotApp, config: Config, stop: asyncio.Event) -> None:
    await app.outbox.call(lambda: app.bot.delete_webhook(drop_pending_updates=False))
    poller = Poller(app, backoff=config.retry_delay, exit_on_conflict=config.exit_on_conflict)
    watcher = asyncio.create_task(_stop_when(stop, poller))
    try:
        await poller.run()
    finally:
        watcher.cancel()


async def _stop_when(stop: asyncio.Event, poller: Poller) -> None:
    await stop.wait()
    poller.stop()


async def _webhook(app: BotApp, config: Config, url: str, stop: asyncio.Event) -> None:
    assert config.webhook_secret is not None
    secret = config.webhook_secret.get_secret_value()
    runner = web.AppRunner(webhook_app(app, url, secret), handle_signals=False)
    await runner.setup()
    host, _, port = config.webhook_listen.rpartition(":")
    site = web.TCPSite(runner, host or "127.0.0.1", int(port))
    await site.start()
    await intake.forget_old_ids(app)
    try:
        try:
            registered = await app.outbox.call(
                lambda: app.bot.set_webhook(
                    url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
                ),
                strict=True,
            )
        except TelegramBadRequest as exc:
            raise WebhookError(f"Telegram refused the webhook: {exc.message}") from None
        if not registered:
            raise WebhookError("Telegram could not be reached to set the webhook; try again")
        await stop.wait()
    finally:
        # Stop accepting requests, let handlers in progress finish, then close.
        await runner.cleanup()
