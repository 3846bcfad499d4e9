"""Webhook mode: an aiohttp server that answers 200 only after the update is committed."""

from __future__ import annotations

import hmac
import logging
from urllib.parse import urlsplit

from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError

from bot.telegram.app import BotApp

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(app: BotApp, url: str, secret: str) -> web.Application:
    """The aiohttp application serving POST requests at the URL's path."""
    if not secret:
        raise ValueError("webhook mode needs a secret token")
    expected = secret.encode()
    path = urlsplit(url).path or "/"

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            log.warning("webhook request with a wrong or missing secret refused")
            return web.Response(status=401, text="unauthorized")
        try:
            payload = await request.json()
            update = Update.model_validate(payload, context={"bot": app.bot})
        except (ValueError, ValidationError):
            return web.Response(status=400, text="bad update")
        await app.process(update)
        return web.Response(text="ok")

    application = web.Application(client_max_size=1024 * 1024)
    application.router.add_post(path, receive)
    return application
