"""Admin commands: `/stats` (a summary and the HTML report as a file) and `/reload`. Each
checks the sender's numeric Telegram id against ROLEBOT_ADMINS."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message

from bot.analytics import metrics, report
from bot.analytics.metrics import Filters, Stats
from bot.config import Config
from bot.core import keys
from bot.core.errors import ScenarioError
from bot.core.loader import Library, load_library
from bot.core.replies import Text
from bot.i18n import RenderedReply, Translator
from bot.service import Nothing
from bot.storage import Storage
from bot.telegram.context import UpdateContext
from bot.telegram.outbox import Blocked

log = logging.getLogger(__name__)
DEFAULT_PERIOD = "30d"
MAX_ERRORS_SHOWN = 30


@dataclass
class AdminTools:
    """What admin commands need beyond a learner's update: settings, the data, and a way
    to swap in freshly loaded scenarios."""

    config: Config
    storage: Storage
    library: Callable[[], Library]
    translator: Callable[[], Translator]
    reload: Callable[[Library], None]


def admin_router(tools: AdminTools) -> Router:
    router = Router(name="rolebot-admin")
    router.message.filter(F.chat.type == ChatType.PRIVATE)

    async def begin(message: Message, ctx: UpdateContext, command: str) -> str | None:
        """Record the update; the locale to answer in, or None when there is nothing to do
        (a redelivery, or a refusal already sent)."""
        response = await ctx.service.handle(ctx.who, Nothing(), update_id=ctx.update_id)
        if response.duplicate:
            return None
        sender = message.from_user.id if message.from_user else None
        if sender not in tools.config.admins:
            log.warning("admin command refused", extra={"command": command})
            await ctx.delivery.say("admin-only", response.locale)
            return None
        return response.locale

    async def reload_command(message: Message, ctx: UpdateContext) -> None:
        """Re-read scenarios; a broken edit keeps the old version serving."""
        locale = await begin(message, ctx, "reload")
        if locale is None:
            return
        config = tools.config
        try:
            library = await asyncio.to_thread(
                load_library, config.scenarios_dir, config.locales_dir
            )
        except ScenarioError as exc:
            shown = "\n".join(str(p) for p in exc.problems[:MAX_ERRORS_SHOWN])
            await ctx.delivery.say("reload-failed", locale, count=len(exc.problems), errors=shown)
            return
        await asyncio.to_thread(tools.reload, library)
        await ctx.delivery.say("reload-done", locale, count=len(library.scenarios))

    async def stats_command(
        message: Message, ctx: UpdateContext, command: CommandObject | None = None
    ) -> None:
        """`/stats` covers the last 30 days; `/stats 7d` or `/stats 2026-01-01` too."""
        locale = await begin(message, ctx, "stats")
        if locale is None:
            return
        period = (command.args or "").strip() if command is not None else ""
        period = period or DEFAULT_PERIOD
        today = datetime.now(UTC).date()
        try:
            since = metrics.parse_since(period, today)
        except ValueError:
            await ctx.delivery.say("stats-bad-period", locale, period=period)
            return
        days = (today - since).days + 1
        library, translator = tools.library(), tools.translator()
        stats, html = await build(tools, library, since, locale)
        text = summary(translator, locale, stats, days)
        await ctx.delivery.send(RenderedReply(text, (), None))
        if ctx.chat_id is None or ctx.delivery.blocked:
            return
        chat_id, caption = ctx.chat_id, translator("stats-report-caption", locale)
        name = f"rolebot-report-{today.isoformat()}.html"
        document = BufferedInputFile(html.encode("utf-8"), filename=name)
        bot = ctx.outbox.bot
        try:
            await ctx.outbox.call(lambda: bot.send_document(chat_id, document, caption=caption))
        except Blocked:
            await ctx.delivery.mark_blocked()

    router.message.register(reload_command, Command("reload"))
    router.message.register(stats_command, Command("stats"))
    return router


async def build(tools: AdminTools, library: Library, since: date, lang: str) -> tuple[Stats, str]:
    """Figures from the storage's read side (never the writer's connection), the report
    rendered off the event loop."""
    now = metrics.now_ms()
    hours = tools.config.idle_timeout_hours
    filters = Filters(since=since)
    tallies = await tools.storage.tallies(filters, metrics.idle_cutoff(now, hours))
    stats = metrics.compute(tallies, library, filters, now=now, idle_timeout_hours=hours)
    language = lang if lang in report.REPORT_LANGUAGES else "en"
    html = await asyncio.to_thread(report.render, stats, library, lang=language)
    return stats, html


def summary(translator: Translator, locale: str, stats: Stats, days: int) -> str:
    runs = sum(s.all.runs.runs for s in stats.scenarios)
    completed = sum(s.all.runs.completed for s in stats.scenarios)
    lines = [translator("stats-header", locale, days=days, runs=runs, completed=completed)]
    for scenario in stats.scenarios:
        figures = scenario.all.runs
        title = translator.text(Text(keys.TITLE, catalogue=scenario.scenario), locale)
        if not figures.runs:
            lines.append(translator("stats-scenario-empty", locale, title=title))
            continue
        worst = scenario.worst_steps(1)
        line = translator(
            "stats-scenario",
            locale,
            title=title,
            runs=figures.runs,
            completion=report.pct(figures.completion_rate),
            dropped=figures.dropped,
        )
        if worst:
            stuck = report.pct(worst[0].stuck_score)
            step = report.Texts(translator.library, locale).step(scenario.scenario, worst[0].step)
            line += "\n" + translator(
                "stats-worst-step", locale, step=f"«{report.short(step, 60)}»", stuck=stuck
            )
        lines.append(line)
    lines.append(translator("stats-blocked", locale, count=stats.blocked_users))
    return "\n\n".join(lines)
