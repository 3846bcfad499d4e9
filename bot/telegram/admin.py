"""Admin commands on aiogram: `/stats` (a summary and the HTML report as a file) and
`/reload`, for ids in ROLEBOT_ADMINS (the rules are in `bot.botapi.admin`)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message

from bot.botapi import admin
from bot.botapi.admin import AdminTools
from bot.botapi.port import Blocked
from bot.telegram.context import UpdateContext

__all__ = ["AdminTools", "admin_router"]


def admin_router(tools: AdminTools, names: dict[str, str] | None = None) -> Router:
    """`names`: the command each admin command answers to (embedding renames them)."""
    names = names or {"reload": "reload", "stats": "stats"}
    router = Router(name="rolebot-admin")
    router.message.filter(F.chat.type == ChatType.PRIVATE)

    async def begin(message: Message, ctx: UpdateContext, command: str) -> str | None:
        sender = message.from_user.id if message.from_user else None
        return await admin.begin(tools, ctx.delivery, ctx.update_id, sender, command)

    async def reload_command(message: Message, ctx: UpdateContext) -> None:
        locale = await begin(message, ctx, "reload")
        if locale is not None:
            await admin.reload(tools, ctx.delivery, locale)

    async def stats_command(
        message: Message, ctx: UpdateContext, command: CommandObject | None = None
    ) -> None:
        locale = await begin(message, ctx, "stats")
        if locale is None:
            return
        args = (command.args or "") if command is not None else ""
        report = await admin.stats(tools, ctx.delivery, locale, args)
        if report is None or ctx.chat_id is None:
            return
        chat_id, bot = ctx.chat_id, ctx.outbox.bot
        document = BufferedInputFile(report.content, filename=report.filename)
        try:
            await ctx.outbox.call(
                lambda: bot.send_document(chat_id, document, caption=report.caption)
            )
        except Blocked:
            await ctx.delivery.mark_blocked()

    router.message.register(reload_command, Command(names["reload"]))
    router.message.register(stats_command, Command(names["stats"]))
    return router
