"""Admin commands without a client library: who may use them, `/reload` and `/stats`. Each
adapter parses the command and sends the report file; everything else is here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bot.analytics import metrics, report
from bot.analytics.metrics import Filters, Stats
from bot.botapi.delivery import Delivery
from bot.config import Config
from bot.core import keys
from bot.core.errors import ScenarioError
from bot.core.loader import Library, load_library
from bot.core.replies import Text
from bot.i18n import RenderedReply, Translator
from bot.service import Nothing
from bot.storage import Storage

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


@dataclass(frozen=True)
class Report:
    """The HTML report to send as a file."""

    content: bytes
    filename: str
    caption: str


async def begin(
    tools: AdminTools, delivery: Delivery, update_id: int, sender: int | None, command: str
) -> str | None:
    """Record the update; the locale to answer in, or None when there is nothing to do
    (a redelivery, or a refusal already sent)."""
    response = await delivery.service.handle(delivery.who, Nothing(), update_id=update_id)
    if response.duplicate:
        return None
    if sender not in tools.config.admins:
        log.warning("admin command refused", extra={"command": command})
        await delivery.say("admin-only", response.locale)
        return None
    return response.locale


async def reload(tools: AdminTools, delivery: Delivery, locale: str) -> None:
    """Re-read scenarios; a broken edit keeps the old version serving."""
    config = tools.config
    try:
        library = await asyncio.to_thread(load_library, config.scenarios_dir, config.locales_dir)
    except ScenarioError as exc:
        shown = "\n".join(str(p) for p in exc.problems[:MAX_ERRORS_SHOWN])
        await delivery.say("reload-failed", locale, count=len(exc.problems), errors=shown)
        return
    await asyncio.to_thread(tools.reload, library)
    await delivery.say("reload-done", locale, count=len(library.scenarios))


async def stats(tools: AdminTools, delivery: Delivery, locale: str, args: str) -> Report | None:
    """`/stats` covers the last 30 days; `/stats 7d` or `/stats 2026-01-01` too. Sends the
    summary; the report to send as a file, or None."""
    period = args.strip() or DEFAULT_PERIOD
    today = datetime.now(UTC).date()
    try:
        since = metrics.parse_since(period, today)
    except ValueError:
        await delivery.say("stats-bad-period", locale, period=period)
        return None
    days = (today - since).days + 1
    library, translator = tools.library(), tools.translator()
    figures, html = await build(tools, library, since, locale)
    await delivery.send(RenderedReply(summary(translator, locale, figures, days), (), None))
    if delivery.chat_id is None or delivery.blocked:
        return None
    name = f"rolebot-report-{today.isoformat()}.html"
    return Report(html.encode("utf-8"), name, translator("stats-report-caption", locale))


async def build(tools: AdminTools, library: Library, since: date, lang: str) -> tuple[Stats, str]:
    """Figures from the storage's read side (never the writer's connection), the report
    rendered off the event loop."""
    storage = tools.storage
    now = metrics.now_ms()
    hours = tools.config.idle_timeout_hours
    filters = Filters(since=since)
    tallies = await storage.tallies(filters, metrics.idle_cutoff(now, hours))
    figures = metrics.compute(tallies, library, filters, now=now, idle_timeout_hours=hours)
    language = lang if lang in report.REPORT_LANGUAGES else "en"
    html = await asyncio.to_thread(report.render, figures, library, lang=language)
    return figures, html


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
