"""A bare aiogram webhook bot, the baseline of `benchmarks.webhook`: for every button press it
makes the Bot API calls rolebot makes (answer the query, edit the pressed message's text, send
the next step with a keyboard), and answers Telegram only once they are done, as rolebot does.

aiogram's own webhook server (`SimpleRequestHandler`, with `handle_in_background=False`), no
storage, no logging configured (aiogram's INFO lines go nowhere).

Run (the benchmark does): python -m benchmarks.bare_webhook LISTEN API_BASE SECRET TOKEN
"""

from __future__ import annotations

import asyncio
import sys

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage, SetWebhook
from aiogram.methods.base import Response
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.core import actions

PATH = "/hook"
RESPONSE_TYPES = tuple(
    Response[method.__returning__]  # type: ignore[name-defined]
    for method in (AnswerCallbackQuery, EditMessageText, SendMessage, SetWebhook)
)
"""Kept alive as rolebot keeps them (bot/telegram/outbox.py): pydantic caches these models
weakly, and rebuilding one after each garbage collection would make this baseline slower for
a reason that has nothing to do with the work compared."""


def keyboard(step: int) -> InlineKeyboardMarkup:
    """Two answers, encoded as rolebot encodes them, so the driver walks both bots alike."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=f"Option {option}",
                    callback_data=actions.encode(
                        actions.Answer("bare", "1", f"s{step}", f"o{option}")
                    ),
                )
            ]
            for option in (1, 2)
        ]
    )


async def serve(listen: str, api: str, secret: str, token: str) -> None:
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    dispatcher = Dispatcher(disable_fsm=True)
    steps = 0

    @dispatcher.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        nonlocal steps
        steps += 1
        await bot.answer_callback_query(query.id)
        if isinstance(query.message, Message):
            await bot.edit_message_text(
                text=f"{query.message.text}\n\n→ Option",
                chat_id=query.from_user.id,
                message_id=query.message.message_id,
            )
        await bot.send_message(
            query.from_user.id, "Feedback\n\nThe next step", reply_markup=keyboard(steps)
        )

    app = web.Application()
    SimpleRequestHandler(
        dispatcher, bot, handle_in_background=False, secret_token=secret
    ).register(app, path=PATH)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    host, _, port = listen.rpartition(":")
    await web.TCPSite(runner, host, int(port)).start()
    await bot.set_webhook(f"http://{listen}{PATH}", secret_token=secret)
    try:
        await asyncio.Event().wait()  # until the benchmark kills the process
    finally:
        await runner.cleanup()
        await bot.session.close()


if __name__ == "__main__":
    asyncio.run(serve(*sys.argv[1:5]))
