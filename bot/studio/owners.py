"""The owners' view: the figures of `rolebot stats` for chosen filters, weekly trends, and one
scenario's steps in its current version beside the version before, with words, not ids."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bot.analytics import metrics
from bot.analytics.figures import StepFigures
from bot.analytics.filters import Filters, parse_since
from bot.analytics.report import REPORT_LANGUAGES, Texts, pct, render, short
from bot.core.loader import Library
from bot.storage import Storage

WEEKS = 8
PERIODS = ("7d", "30d", "90d", "365d")


@dataclass(frozen=True)
class Choice:
    """What the owner picked in the form (validated; anything else falls back)."""

    period: str = "30d"
    lang: str | None = None
    scenario: str | None = None

    @classmethod
    def of(cls, query: dict[str, str], library: Library) -> Choice:
        period = query.get("period", "30d")
        lang = query.get("lang") or None
        scenario = query.get("scenario") or None
        return cls(
            period if period in PERIODS else "30d",
            lang if lang in library.locales else None,
            scenario if scenario in library.scenarios else None,
        )

    def filters(
        self,
        today: date,
        *,
        since: date | None = None,
        until: date | None = None,
        version: str | None = None,
    ) -> Filters:
        return Filters(
            since=since or parse_since(self.period, today),
            until=until,
            lang=self.lang,
            version=version,
            scenarios=(self.scenario,) if self.scenario else (),
        )


@dataclass(frozen=True)
class ScenarioRow:
    scenario: str
    title: str
    runs: int
    settled: int
    completion: str
    dropped: int
    rating: str
    worst: str


@dataclass(frozen=True)
class Week:
    start: date
    runs: int
    completion: str
    worst: str


@dataclass(frozen=True)
class StepPair:
    label: str
    before: StepFigures | None
    now: StepFigures | None


@dataclass
class OwnersView:
    choice: Choice
    rows: list[ScenarioRow] = field(default_factory=list)
    weeks: list[Week] = field(default_factory=list)
    versions: tuple[str, str] | None = None
    """(previous, current) of the chosen scenario, when both have runs."""
    pairs: list[StepPair] = field(default_factory=list)
    total_runs: int = 0


async def owners_view(
    storage: Storage,
    library: Library,
    choice: Choice,
    *,
    ui: str,
    idle_timeout_hours: float,
    now_ms: int | None = None,
) -> OwnersView:
    now = metrics.now_ms() if now_ms is None else now_ms
    today = datetime.fromtimestamp(now / 1000, UTC).date()
    texts = Texts(library, ui)
    view = OwnersView(choice)

    async def stats(filters: Filters) -> metrics.Stats:
        cutoff = metrics.idle_cutoff(now, idle_timeout_hours)
        tallies = await storage.tallies(filters, cutoff)
        return metrics.compute(
            tallies, library, filters, now=now, idle_timeout_hours=idle_timeout_hours
        )

    def worst(scenario: metrics.ScenarioStats) -> str:
        found = scenario.worst_steps(1)
        if not found:
            return "—"
        label = short(texts.step(scenario.scenario, found[0].step), 60)
        return f"{label} ({pct(found[0].stuck_score)})"

    current = await stats(choice.filters(today))
    for scenario in current.scenarios:
        runs = scenario.all.runs
        view.total_runs += runs.runs
        view.rows.append(
            ScenarioRow(
                scenario.scenario,
                texts.title(scenario.scenario),
                runs.runs,
                runs.settled,
                pct(runs.completion_rate),
                runs.dropped,
                "—" if runs.rating is None else f"{runs.rating:.1f}",
                worst(scenario),
            )
        )
    monday = today - timedelta(days=today.weekday())
    for back in range(WEEKS - 1, -1, -1):
        start = monday - timedelta(weeks=back)
        week = await stats(choice.filters(today, since=start, until=start + timedelta(days=6)))
        runs = metrics.RunFigures()
        for scenario in week.scenarios:
            runs.add(scenario.all.runs)
        stuck = [s for s in week.scenarios if s.worst_steps(1)]
        stuck.sort(key=lambda s: -(s.worst_steps(1)[0].stuck_score or 0))
        view.weeks.append(
            Week(start, runs.runs, pct(runs.completion_rate), worst(stuck[0]) if stuck else "—")
        )
    if choice.scenario is not None:
        await _compare(view, choice, today, stats, texts)
    return view


StatsOf = Callable[[Filters], Awaitable[metrics.Stats]]


async def _compare(
    view: OwnersView, choice: Choice, today: date, stats: StatsOf, texts: Texts
) -> None:
    """The chosen scenario's steps: its current version beside the one before it."""
    everything = await stats(choice.filters(today, version="all"))
    seen = [s for s in everything.scenarios if s.scenario == choice.scenario]
    if not seen:
        return
    current = seen[0]
    versions = sorted(set(current.versions) | set(current.other_versions))
    latest = await stats(choice.filters(today))
    now_version = latest.scenarios[0].versions[0] if latest.scenarios else None
    older = [v for v in versions if v != now_version]
    if now_version is None or not older:
        return
    before_version = older[-1]
    before = await stats(choice.filters(today, version=before_version))
    now_steps = latest.scenarios[0].all.steps
    before_steps = before.scenarios[0].all.steps if before.scenarios else {}
    view.versions = (before_version, now_version)
    order = list(now_steps) + [s for s in before_steps if s not in now_steps]
    for step in order:
        view.pairs.append(
            StepPair(
                texts.step(current.scenario, step), before_steps.get(step), now_steps.get(step)
            )
        )


async def report_html(
    storage: Storage,
    library: Library,
    choice: Choice,
    *,
    ui: str,
    idle_timeout_hours: float,
) -> str:
    """`rolebot report` for the chosen filters, in the viewer's language."""
    now = metrics.now_ms()
    today = datetime.fromtimestamp(now / 1000, UTC).date()
    filters = choice.filters(today)
    tallies = await storage.tallies(filters, metrics.idle_cutoff(now, idle_timeout_hours))
    stats = metrics.compute(
        tallies, library, filters, now=now, idle_timeout_hours=idle_timeout_hours
    )
    return render(stats, library, lang=ui if ui in REPORT_LANGUAGES else "en")
