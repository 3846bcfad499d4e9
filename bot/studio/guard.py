"""Safe by default: loopback without a token; any other address only with one. Requests
must name the studio's own host (no DNS rebinding) and come from its own pages."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.core.errors import RolebotError
from bot.i18n import negotiate
from bot.studio.words import UI_LANGUAGES, words

TOKEN_ENV = "ROLEBOT_STUDIO_TOKEN"
TOKEN_COOKIE = "rolebot_studio_token"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class UnsafeBindingError(RolebotError):
    """Serving on an address others can reach without a token to keep them out."""


def is_loopback(host: str) -> bool:
    if host.strip("[]") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise UnsafeBindingError(
            f"refusing to serve on {host} without a token: anyone who can reach it could "
            f"read your scenarios and statistics. Set {TOKEN_ENV} (a long random string) "
            "or serve on 127.0.0.1."
        )


def ui_language(request: web.Request) -> str:
    chosen = request.query.get("ui") or request.cookies.get("rolebot_studio_ui")
    if chosen in UI_LANGUAGES:
        return chosen
    accepted = request.headers.get("Accept-Language", "").split(",")[0].split(";")[0]
    return negotiate(accepted.strip() or None, UI_LANGUAGES)


def guard(token: str | None, loopback_only: bool) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        say = words(ui_language(request))
        host = (request.host or "").rsplit(":", 1)[0]
        if loopback_only and not is_loopback(host):
            raise web.HTTPForbidden(text=say("refused-host"))
        origin = request.headers.get("Origin")
        if request.method == "POST" and origin and origin.split("://", 1)[-1] != request.host:
            raise web.HTTPForbidden(text=say("refused-origin"))
        if token:
            given = request.query.get("token") or request.cookies.get(TOKEN_COOKIE, "")
            if not hmac.compare_digest(given.encode(), token.encode()):
                raise web.HTTPForbidden(text=say("refused-token"))
            response = await handler(request)
            if "token" in request.query and not response.prepared:
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
            return response
        return await handler(request)

    return middleware
