"""Starting and stopping the studio: check the binding, the files, serve, watch."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

from aiohttp import web

from bot.studio.app import make_app
from bot.studio.guard import check_binding, is_loopback
from bot.studio.live import Studio

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765


@contextlib.asynccontextmanager
async def running(studio: Studio, host: str, port: int) -> AsyncIterator[str]:
    """Serve until the block ends; yields the address to open (with the token, if any).
    Port 0 picks a free one."""
    check_binding(host, studio.token)
    await studio.reload()
    runner = web.AppRunner(
        make_app(studio, loopback_only=is_loopback(host)), shutdown_timeout=1.0, access_log=None
    )
    await runner.setup()
    stop = asyncio.Event()
    watcher: asyncio.Task[None] | None = None
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0][1]
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{bound}/" + (f"?token={studio.token}" if studio.token else "")
        watcher = asyncio.create_task(studio.watch(stop))
        yield url
    finally:
        stop.set()
        if watcher is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(watcher, timeout=5)
        await runner.cleanup()


async def serve_forever(
    studio: Studio, host: str, port: int, announce: Callable[[str], None]
) -> None:
    async with running(studio, host, port) as url:
        announce(url)
        await asyncio.Event().wait()
