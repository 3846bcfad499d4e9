"""`/stats` for admins: a short per-scenario summary, and the HTML report as a document."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime

from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, Message

from bot.analytics import metrics, report
from bot.analytics.metrics import Filters, Stats
from bot.config import Config
from bot.core import keys
from bot.core.loader import Library
from bot.core.replies import Text
from bot.i18n import RenderedReply
from bot.telegram.app import Turn
from bot.telegram.outbox import Blocked

DEFAULT_PERIOD = "30d"


def build(config: Config, library: Library, period: str, lang: str) -> tuple[Stats, str]:
    """Figures and report on a connection of their own, off the event loop and never on the
    writer's connection: WAL lets this read while the bot writes."""
    today = datetime.now(UTC).date()
    since = metrics.parse_since(period, today)
    conn = sqlite3.connect(f"{config.database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        stats = metrics.compute(
            conn, library, Filters(since=since), idle_timeout_hours=config.idle_timeout_hours
        )
    finally:
        conn.close()
    html = report.render(stats, library, lang=lang if lang in report.REPORT_LANGUAGES else "en")
    return stats, html


def summary(turn: Turn, stats: Stats, days: int) -> str:
    runs = sum(s.all.runs.runs for s in stats.scenarios)
    completed = sum(s.all.runs.completed for s in stats.scenarios)
    lines = [turn.t("stats-header", days=days, runs=runs, completed=completed)]
    for scenario in stats.scenarios:
        figures = scenario.all.runs
        title = turn.app.translator.text(
            Text(keys.TITLE, catalogue=scenario.scenario), turn.locale
        )
        if not figures.runs:
            lines.append(turn.t("stats-scenario-empty", title=title))
            continue
        worst = scenario.worst_steps(1)
        line = turn.t(
            "stats-scenario",
            title=title,
            runs=figures.runs,
            completion=report.pct(figures.completion_rate),
            dropped=figures.dropped,
        )
        if worst:
            stuck = report.pct(worst[0].stuck_score)
            line += "\n" + turn.t("stats-worst-step", step=worst[0].step, stuck=stuck)
        lines.append(line)
    lines.append(turn.t("stats-blocked", count=stats.blocked_users))
    return "\n\n".join(lines)


async def stats(message: Message, turn: Turn, command: CommandObject | None = None) -> None:
    """Admins only. `/stats` covers the last 30 days; `/stats 7d` or `/stats 2026-01-01` too."""
    app = turn.app
    await turn.commit()
    if await turn.refused(message, "stats"):
        return
    period = (command.args or "").strip() if command is not None else ""
    period = period or DEFAULT_PERIOD
    today = datetime.now(UTC).date()
    try:
        since = metrics.parse_since(period, today)
    except ValueError:
        await turn.say("stats-bad-period", period=period)
        return
    days = (today - since).days + 1
    result, html = await asyncio.to_thread(build, app.config, app.library, period, turn.locale)
    await turn.send(RenderedReply(summary(turn, result, days), (), None))
    if turn.chat_id is None:
        return
    chat_id, caption = turn.chat_id, turn.t("stats-report-caption")
    name = f"rolebot-report-{today.isoformat()}.html"
    document = BufferedInputFile(html.encode("utf-8"), filename=name)
    try:
        await app.outbox.call(lambda: app.bot.send_document(chat_id, document, caption=caption))
    except Blocked:
        await app.blocked(turn)
