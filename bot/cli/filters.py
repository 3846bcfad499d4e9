"""The options stats, report and export share, gathered into one `Selection`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import click

from bot.analytics.filters import ALL, Filters, parse_since
from bot.analytics.rollup import SOURCES

F = TypeVar("F", bound=Callable[..., Any])
SOURCE_CHOICES = (ALL, *SOURCES.values())


@dataclass(frozen=True)
class Selection:
    """What the filter options say: the filters (scenarios added by each command) and the
    idle timeout override."""

    since: date | None
    until: date | None
    lang: str | None
    version: str | None
    source: str | None
    idle_hours: float | None

    def filters(self, scenarios: tuple[str, ...] = ()) -> Filters:
        return Filters(
            since=self.since,
            until=self.until,
            lang=self.lang,
            version=self.version,
            source=self.source,
            scenarios=scenarios,
        )


def _date(text: str | None, option: str, today: date) -> date | None:
    if not text:
        return None
    try:
        return parse_since(text, today)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a date (use today, yesterday, 7d, 4w or YYYY-MM-DD)",
            param_hint=option,
        ) from None


def filter_options(fn: F) -> F:
    """Add the shared options; the command receives them as one `selection` argument."""

    @functools.wraps(fn)
    def wrapper(
        *args: Any,
        since: str | None,
        until: str | None,
        lang: str | None,
        version: str | None,
        source: str,
        idle_hours: float | None,
        **kwargs: Any,
    ) -> Any:
        today = datetime.now(UTC).date()
        selection = Selection(
            since=_date(since, "--since", today),
            until=_date(until, "--until", today),
            lang=lang,
            version=version,
            source=None if source == ALL else source,
            idle_hours=idle_hours,
        )
        return fn(*args, selection=selection, **kwargs)

    options = [
        click.option(
            "--since",
            default=None,
            metavar="7d|4w|DATE",
            help="First day of runs to count: today, yesterday, 7d = today and the 6 days "
            "before, 4w, or YYYY-MM-DD.",
        ),
        click.option(
            "--until",
            default=None,
            metavar="DATE",
            help="Last day (included); also today, yesterday.",
        ),
        click.option(
            "--lang", type=click.Choice(["ru", "en"]), default=None, help="Only this language."
        ),
        click.option(
            "--version",
            "version",
            default=None,
            metavar="V|all",
            help="Scenario version (default: each scenario's current one; all: every version).",
        ),
        click.option(
            "--source",
            type=click.Choice(SOURCE_CHOICES),
            default=ALL,
            show_default=True,
            help="Whose runs: Telegram users, terminal players, simulated users, studio "
            "previews, or all (studio previews are counted only when asked for by name).",
        ),
        click.option(
            "--idle-hours",
            type=float,
            default=None,
            help="A run idle this long is dropped (default: $ROLEBOT_IDLE_TIMEOUT_HOURS or 24).",
        ),
    ]
    decorated: Callable[..., Any] = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[return-value]
