"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.

It implements the methods rolebot uses, keeps updates until a getUpdates offset confirms
them (as Telegram does), ends a waiting long poll with a 409 when another getUpdates comes
(a second poller on the token, as Telegram does), records every call, and can inject 429,
403, 400, 409, 5xx with an HTML body (a proxy's error page) and dropped connections, and
restart update ids below the bot's offset (as Telegram does after a week without updates).
Tests drive the real bot against it over HTTP.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token-not-real"
MAX_LONG_POLL = 2.0
"""Bound every long poll, so a test never waits on the server."""


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    failed: bool = False
    """True when a fault was injected: Telegram did not act on this call."""
    at: float = field(default_factory=time.monotonic)
    """When the call arrived (pacing tests)."""

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of the inline keyboard, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [
            (b["text"], b.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]


@dataclass(frozen=True)
class Upload:
    """A file sent with a multipart request."""

    filename: str
    content: bytes


@dataclass
class Fault:
    status: int
    description: str = ""
    retry_after: int | None = None
    drop: bool = False
    html: str | None = None
    """Answer with this HTML page instead of Telegram's JSON (a proxy in front of it)."""
    hang: bool = False
    """Never answer (until the server stops): the moment a process is killed mid-call."""


CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)


class _Terminated(Exception):  # noqa: N818 - what happened to the long poll
    """A newer getUpdates came in while this one waited (a second poller)."""


BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


@dataclass
class FakeBotAPI:
    token: str = TOKEN
    calls: list[Call] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    confirmed: int = 0
    url: str = ""
    hold_confirmations: bool = False
    """While set, getUpdates offsets are not applied: as if the confirming request never
    reached Telegram (the bot crashed first)."""

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._changed = asyncio.Condition()
        self._released = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._queued = itertools.count()
        self._position: dict[int, int] = {}
        """update id -> when it was queued, once ids have restarted (`restart_ids`)."""
        self._restart: int | None = None
        self._stopping = False
        self._polls = 0
        """getUpdates requests so far: a newer one ends the one waiting with a 409."""

    # -- server --------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        # Answer pending long polls now: the server waits for every handler to finish, and a
        # client that went away does not cancel its long poll.
        self._stopping = True
        self._released.set()
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        fault = self._take_fault(method)
        if fault is not None:
            self.calls.append(Call(method, params, failed=True))
            await self._notify()
            if fault.hang:
                await self._released.wait()
                return web.Response(status=500)
            if fault.drop:
                assert request.transport is not None
                request.transport.close()
                return web.Response(status=500)
            if fault.html is not None:
                return web.Response(status=fault.status, text=fault.html, content_type="text/html")
            body: dict[str, Any] = {
                "ok": False,
                "error_code": fault.status,
                "description": fault.description,
            }
            if fault.retry_after is not None:
                body["parameters"] = {"retry_after": fault.retry_after}
            return web.json_response(body, status=fault.status)
        call = Call(method, params)
        self.calls.append(call)
        if method == "getUpdates":
            await self._notify()
            try:
                result: Any = await self._get_updates(params)
            except _Terminated:
                call.failed = True
                await self._notify()
                return web.json_response(
                    {"ok": False, "error_code": 409, "description": CONFLICT}, status=409
                )
        else:
            result = self._answer(method, params)
        await self._notify()
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
            return dict(data)
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                # A multipart upload (sendDocument): keep the name and the bytes.
                params[key] = Upload(value.filename, value.file.read())
                continue
            text = value if isinstance(value, str) else str(value)
            try:
                params[key] = json.loads(text)
            except ValueError:
                params[key] = text
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                params[key] = params.pop(value.removeprefix("attach://"), value)
        return params

    def _take_fault(self, method: str) -> Fault | None:
        queue = self.faults.get(method)
        return queue.pop(0) if queue else None

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """As Telegram does, a getUpdates ends the one still waiting (another poller's) with
        a 409 Conflict."""
        self._polls += 1
        poll = self._polls
        await self._notify()  # the poll waiting, if any, ends
        offset = int(params.get("offset") or 0)
        if self.hold_confirmations:
            await asyncio.sleep(0.05)
            return []
        if offset and self._restart is not None:
            self._confirm_in_queue_order(offset)
            await self._notify()
        elif offset:
            self.confirmed = max(self.confirmed, offset)
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
            await self._notify()
        timeout = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not self.pending and not self._stopping and time.monotonic() < deadline:
                if self._polls != poll:
                    raise _Terminated
                remaining = deadline - time.monotonic()
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=remaining)
                except TimeoutError:
                    break
        return self.pending[:limit]

    def _confirm_in_queue_order(self, offset: int) -> None:
        """After ids restarted, an offset confirms what was queued up to its update: an
        offset from before the restart confirms only the updates queued before it."""
        assert self._restart is not None
        last = self._position.get(offset - 1)
        if last is None:
            self.pending = [
                u
                for u in self.pending
                if self._position.get(u["update_id"], -1) >= self._restart
                or u["update_id"] >= offset
            ]
        else:
            self.pending = [
                u for u in self.pending if self._position.get(u["update_id"], -1) > last
            ]
        self.confirmed = offset

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        match method:
            case "getMe":
                return {
                    "id": 123456,
                    "is_bot": True,
                    "first_name": "rolebot",
                    "username": "rolebot_test_bot",
                }
            case "sendMessage" | "sendDocument":
                message_id = next(self._message_ids)
                chat_id = int(params["chat_id"])
                message = {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": {"id": 123456, "is_bot": True, "first_name": "rolebot"},
                    "text": params.get("text", ""),
                }
                if params.get("reply_markup"):
                    message["reply_markup"] = params["reply_markup"]
                self.messages[message_id] = message
                return message
            case "editMessageText" | "editMessageReplyMarkup":
                edited = self.messages.get(int(params["message_id"]))
                if edited is None:
                    return True
                if "text" in params:
                    edited["text"] = params["text"]
                if params.get("reply_markup"):
                    edited["reply_markup"] = params["reply_markup"]
                else:
                    edited.pop("reply_markup", None)
                return edited
        return True

    # -- what tests do -------------------------------------------------------------------

    def fail(self, method: str, *faults: Fault) -> None:
        self.faults.setdefault(method, []).extend(faults)

    async def push(self, update: dict[str, Any]) -> int:
        update_id = next(self._ids)
        if self._restart is not None:
            self._position[update_id] = next(self._queued)
        self.pending.append({"update_id": update_id, **update})
        await self._notify()
        return update_id

    def restart_ids(self, at: int) -> None:
        """Number the next updates from `at`, as Telegram does after a week without updates
        (its next id is then random, and may be below the offset the bot holds)."""
        self._ids = itertools.count(at)
        self._restart = next(self._queued)

    async def redeliver(self, update: dict[str, Any]) -> None:
        """Deliver an update again with the same update_id, as Telegram may."""
        self.pending.append(update)
        await self._notify()

    async def message(
        self,
        user: int,
        text: str,
        *,
        language: str = "en",
        chat_type: str = "private",
        chat_id: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> int:
        body: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id or user, "type": chat_type},
            "from": {"id": user, "is_bot": False, "first_name": "Test", "language_code": language},
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if extra is not None:
            body.pop("text")
            body.pop("entities", None)
            body |= extra
        return await self.push({"message": body})

    async def press(
        self, user: int, data: str, *, language: str = "en", message_id: int | None = None
    ) -> int:
        """Press a button: on the given message, or the latest one the bot sent this user."""
        if message_id is None:
            sent = [m for m in self.messages.values() if m["chat"]["id"] == user]
            message_id = sent[-1]["message_id"] if sent else 1
        message = self.messages.get(message_id) or {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": user, "type": "private"},
            "text": "",
        }
        return await self.push(
            {
                "callback_query": {
                    "id": f"cb{next(self._message_ids)}",
                    "from": {
                        "id": user,
                        "is_bot": False,
                        "first_name": "Test",
                        "language_code": language,
                    },
                    "chat_instance": "1",
                    "message": message,
                    "data": data,
                }
            }
        )

    def sent(self, user: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == "sendMessage"
            and not c.failed
            and (user is None or int(c.params["chat_id"]) == user)
        ]

    def documents(self, user: int) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == "sendDocument" and not c.failed and int(c.params["chat_id"]) == user
        ]

    def last_buttons(self, user: int) -> list[tuple[str, str]]:
        with_buttons = [c for c in self.sent(user) if c.buttons]
        return with_buttons[-1].buttons if with_buttons else []

    async def wait_for(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        """Wait until `predicate()` holds after some call, failing the test after `within`."""
        deadline = time.monotonic() + within
        async with self._changed:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError("timed out waiting for the bot")
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=remaining)
                except TimeoutError:
                    continue

    async def settle(self, within: float = 10.0) -> None:
        """Wait until every pushed update has been confirmed by a later getUpdates."""

        def done() -> bool:
            last = max((u["update_id"] for u in self.pending), default=0)
            return not self.pending or self.confirmed > last

        await self.wait_for(done, within)
