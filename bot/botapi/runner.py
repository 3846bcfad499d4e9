"""Running a bot on any client library (`port.Gateway`): polling or webhook until SIGTERM,
finishing every update in flight."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.botapi import intake
from bot.botapi.polling import Poller
from bot.botapi.port import Gateway, Refused, WebhookError
from bot.botapi.secret import secret_problem
from bot.botapi.webhook import webhook_app
from bot.config import Config

log = logging.getLogger(__name__)


async def serve_gateway(
    config: Config,
    create: Callable[[], Awaitable[Gateway]],
    *,
    webhook_url: str | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Run until SIGTERM/SIGINT (or `stop` is set); `create` builds the adapter."""
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
    app = await create()
    try:
        username = await app.start()
        log.info(
            "bot started",
            extra={
                "bot": username,
                "scenarios": len(app.library.scenarios),
                "mode": "webhook" if webhook_url else "polling",
                "framework": config.framework,
            },
        )
        await app.register_commands()
        settle_heap()
        if webhook_url:
            await _webhook(app, config, webhook_url, stop)
        else:
            await _polling(app, config, stop)
    finally:
        gc.unfreeze()  # collectable again (a process that goes on, e.g. the tests)
        await app.close()
        log.info("bot stopped")


def settle_heap() -> None:
    """Exempt what start-up built from the cyclic garbage collector: the scenarios, the
    translations, the client library's hundreds of pydantic models. Every full collection
    walked all of them, stalling every chat for 0.2-0.5 s under load (benchmarks.webhook,
    docs/performance.md); now it walks only what was made since."""
    gc.collect()
    gc.freeze()


async def _polling(app: Gateway, config: Config, stop: asyncio.Event) -> None:
    await app.delete_webhook()
    poller = Poller(app, backoff=config.retry_delay, exit_on_conflict=config.exit_on_conflict)
    watcher = asyncio.create_task(_stop_when(stop, poller))
    try:
        await poller.run()
    finally:
        watcher.cancel()


async def _stop_when(stop: asyncio.Event, poller: Poller) -> None:
    await stop.wait()
    poller.stop()


async def _webhook(app: Gateway, config: Config, url: str, stop: asyncio.Event) -> None:
    assert config.webhook_secret is not None
    secret = config.webhook_secret.get_secret_value()
    # No access log: a line per request, written through the redacting JSON handler, costs
    # CPU on every update and says less than the bot's own lines (a proxy in front keeps one).
    runner = web.AppRunner(webhook_app(app, url, secret), handle_signals=False, access_log=None)
    await runner.setup()
    host, _, port = config.webhook_listen.rpartition(":")
    site = web.TCPSite(runner, host or "127.0.0.1", int(port))
    await site.start()
    await intake.forget_old_ids(app)
    try:
        try:
            registered = await app.set_webhook(url, secret)
        except Refused as exc:
            raise WebhookError(f"Telegram refused the webhook: {exc}") from None
        if not registered:
            raise WebhookError("Telegram could not be reached to set the webhook; try again")
        await stop.wait()
    finally:
        # Stop accepting requests, let handlers in progress finish, then close.
        await runner.cleanup()
