"""rolebot inside a host bot, on aiogram and on python-telegram-bot: the host keeps its own
/start and buttons, a host button opens a rolebot scenario, and rolebot's buttons work."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.config import Config
from bot.core import actions
from tests.telegram.fakeapi import TOKEN, FakeBotAPI

USER = 42
ATM = "How to use our ATM"


@asynccontextmanager
async def aiogram_host(api: FakeBotAPI, config: Config) -> AsyncIterator[None]:
    from aiogram import Bot, Dispatcher, F
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.filters import CommandStart
    from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

    from bot.telegram.embed import lessons_router

    lessons = lessons_router(database=config.database, admins=[], config=config)
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        keyboard = [
            [lessons.button("atm-withdrawal", ATM)],
            [InlineKeyboardButton(text="About us", callback_data="about")],
        ]
        await message.answer(
            "Welcome to ACME!", reply_markup=InlineKeyboardMarkup(inline_keyboard=keyboard)
        )

    @dp.callback_query(F.data == "about")
    async def about(query: CallbackQuery) -> None:
        assert query.message is not None
        await query.answer()
        await query.message.answer("ACME: cash since 1999.")

    dp.include_router(lessons)
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.url))
    bot = Bot(TOKEN, session=session)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            await dp.stop_polling()
        await asyncio.wait_for(polling, timeout=15)
        await lessons.close()
        await bot.session.close()


@asynccontextmanager
async def ptb_host(api: FakeBotAPI, config: Config) -> AsyncIterator[None]:
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
    from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

    from bot.ptb.embed import add_lessons

    application = Application.builder().token(TOKEN).base_url(f"{api.url}/bot").build()
    lessons = add_lessons(application, database=config.database, group=1, config=config)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        keyboard = [
            [lessons.button("atm-withdrawal", ATM)],
            [InlineKeyboardButton("About us", callback_data="about")],
        ]
        await update.message.reply_text(
            "Welcome to ACME!", reply_markup=InlineKeyboardMarkup(keyboard)
        )

    async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None and update.effective_chat is not None
        await update.callback_query.answer()
        await context.bot.send_message(update.effective_chat.id, "ACME: cash since 1999.")

    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(about, pattern="^about$"))
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        await application.start()
        try:
            yield
        finally:
            await application.updater.stop()
            await application.stop()
            await lessons.close()


HOSTS: dict[str, Callable[[FakeBotAPI, Config], Any]] = {"aiogram": aiogram_host, "ptb": ptb_host}


@pytest.mark.parametrize("host", sorted(HOSTS))
async def test_host_start_opens_a_lesson_and_both_keep_working(
    host: str, api: FakeBotAPI, config: Config
) -> None:
    async with HOSTS[host](api, config):
        await api.message(USER, "/start")
        await api.wait_for(lambda: len(api.sent(USER)) >= 1)
        welcome = api.sent(USER)[0]
        assert welcome.text == "Welcome to ACME!"
        assert welcome.buttons == [(ATM, "rb:o:atm-withdrawal"), ("About us", "about")]

        await api.press(USER, "rb:o:atm-withdrawal")  # the host's button opens the lesson
        await api.wait_for(lambda: len(api.sent(USER)) >= 2)
        step = api.sent(USER)[1]
        assert step.text.startswith("Withdrawing cash at an ATM")
        assert step.buttons and all(data.startswith("rb:") for _, data in step.buttons)

        await api.press(USER, "about", message_id=1000)  # the host's own button still works
        await api.wait_for(lambda: len(api.sent(USER)) >= 3)
        assert api.sent(USER)[2].text == "ACME: cash since 1999."

        nxt = next(d for _, d in step.buttons if isinstance(actions.decode(d[3:]), actions.Next))
        await api.press(USER, nxt)
        await api.wait_for(lambda: len(api.sent(USER)) >= 4)
        assert api.sent(USER)[3].text.startswith("Step 2 of")

        await api.message(USER, "/lessons")  # rolebot's namespaced command: the topic menu
        await api.wait_for(lambda: len(api.sent(USER)) >= 5)
        assert api.sent(USER)[4].text == "Choose a topic:"
        await api.message(USER, "/start")  # and /start is still the host's
        await api.wait_for(lambda: len(api.sent(USER)) >= 6)
        assert api.sent(USER)[5].text == "Welcome to ACME!"
