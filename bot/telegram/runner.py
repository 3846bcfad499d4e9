"""`rolebot run` on aiogram: polling or webhook until SIGTERM (the loop is shared with the
python-telegram-bot adapter: `bot.botapi.runner`)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.botapi.port import InvalidTokenError, WebhookError
from bot.botapi.runner import serve_gateway
from bot.config import Config
from bot.core.loader import Library
from bot.telegram.app import BotApp, create_app

__all__ = ["InvalidTokenError", "WebhookError", "serve"]


async def serve(
    config: Config,
    token: str,
    *,
    webhook_url: str | None = None,
    stop: asyncio.Event | None = None,
    library: Library | None = None,
    clock: Callable[[], int] | None = None,
) -> None:
    """Run until SIGTERM/SIGINT (or `stop` is set), finishing every update in flight.
    `library`: scenarios already loaded and validated (else they are loaded here)."""

    async def create() -> BotApp:
        app = await create_app(config, token, library, clock)
        app.outbox.backoff = config.retry_delay
        return app

    await serve_gateway(config, create, webhook_url=webhook_url, stop=stop)
