"""Webhook mode for either client library: an aiohttp server that answers 200 only after the
update is committed. Its replies are committed with it (the durable outbox), so the 200 does
not wait for them: they are sent right after, in the background (`courier.DETACHED`).

Every JSON object with an integer `update_id` is an update and gets a 200 once handled, or
given up on (`bot.telegram.intake`): Telegram would otherwise resend it again and again.
A processing error answers 500 so that Telegram retries, up to `MAX_ATTEMPTS` times.
Anything else (not JSON, no update id) is refused with a 400.
"""

from __future__ import annotations

import hmac
import logging
from collections import OrderedDict
from urllib.parse import urlsplit

from aiohttp import web

from bot.botapi import intake
from bot.botapi.courier import DETACHED
from bot.botapi.port import Gateway, UnreadableUpdate, WebhookError
from bot.botapi.secret import secret_problem
from bot.storage.port import storable

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_TRACKED_FAILURES = 10_000


def webhook_app(app: Gateway, url: str, secret: str) -> web.Application:
    """The aiohttp application serving POST requests at the URL's path."""
    problem = secret_problem(secret)
    if problem is not None:
        raise WebhookError(problem)
    expected = secret.encode()
    path = urlsplit(url).path or "/"
    failures: OrderedDict[int, int] = OrderedDict()
    """Attempts so far of updates whose processing raised (forged ids must not grow it)."""

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            log.warning("webhook request with a wrong or missing secret refused")
            return web.Response(status=401, text="unauthorized")
        try:
            payload = await request.json()
        except ValueError:
            return web.Response(status=400, text="bad update")
        uid = intake.update_id(payload)
        if uid is None:
            return web.Response(status=400, text="bad update")
        if not storable(uid):
            # Telegram's ids are far smaller; this one cannot even be deduplicated.
            log.warning("update with an id out of range ignored")
            await intake.apologise(app, payload)
            return web.Response(text="ok")
        detached = DETACHED.set(True)
        try:
            await app.process_raw(payload)
        except UnreadableUpdate:
            await intake.give_up(app, uid, payload, "UnreadableUpdate", 1)
        except Exception as exc:
            attempts = failures.pop(uid, 0) + 1
            if attempts < intake.MAX_ATTEMPTS:
                log.error(
                    "update not processed",
                    extra={"update_id": uid, "attempt": attempts, "error": type(exc).__name__},
                    exc_info=exc,
                )
                failures[uid] = attempts
                while len(failures) > MAX_TRACKED_FAILURES:
                    failures.popitem(last=False)
                return web.Response(status=500, text="not processed, please retry")
            await intake.give_up(app, uid, payload, type(exc).__name__, attempts)
        finally:
            DETACHED.reset(detached)
        failures.pop(uid, None)
        return web.Response(text="ok")

    application = web.Application(client_max_size=1024 * 1024)
    application.router.add_post(path, receive)
    return application
