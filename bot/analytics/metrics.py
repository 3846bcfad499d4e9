"""Every figure of docs/metrics.md, assembled from the tallies storage reads for a period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.analytics.figures import (
    MIN_REACH,
    Reviews,
    RunFigures,
    ScenarioStats,
    Slice,
    Stats,
    StepFigures,
    iso,
)
from bot.analytics.filters import ALL, Filters, now_ms, parse_since
from bot.analytics.flow import flow
from bot.analytics.rollup import STEP_COUNTERS
from bot.core.loader import Library
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep, TextStep

__all__ = [
    "ALL",
    "MIN_REACH",
    "Filters",
    "RunFigures",
    "ScenarioStats",
    "Slice",
    "Stats",
    "StepFigures",
    "Tallies",
    "compute",
    "iso",
    "now_ms",
    "parse_since",
]

DEFAULT_IDLE_HOURS = 24.0


@dataclass
class Tallies:
    """The sums over the derived tables that the figures need, for one set of filters
    (storage reads them; `compute` turns them into figures). Rows are plain tuples:"""

    unfinished: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, locale, last step, outcome, idle 0/1, runs, runs without a
    struggle at their last step) of runs not completed, restarted or superseded."""
    runs: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, locale, runs, fresh, continued, completed, restarted, superseded,
    rated, score_sum)"""
    recent: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, locale, outcome, runs) of runs started at or after the cutoff that
    completed, restarted or were blocked: too young to judge."""
    complete_times: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, longest pause, seconds, locale, n)"""
    steps: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, step, locale, *STEP_COUNTERS)"""
    answer_times: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, step, seconds, locale, n)"""
    options: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, step, option, locale, chosen, wrong)"""
    reminders: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, step, locale, sent, resumed, completed)"""
    reviews: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, step, elapsed days, locale, answered, correct)"""
    confidence: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, step, option, locale, sure, guessing, sure_wrong, guessing_wrong)"""
    followups: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, locale, asked, answered, done, not_yet, problem)"""
    problems: list[tuple[Any, ...]] = field(default_factory=list)
    """(scenario, version, problem, locale, runs)"""
    latest: list[tuple[str, str]] = field(default_factory=list)
    """(scenario, version) over every period, the most recently used version last."""
    blocked_users: int = 0


def compute(
    tallies: Tallies,
    library: Library | None,
    filters: Filters | None = None,
    *,
    now: int | None = None,
    idle_timeout_hours: float = DEFAULT_IDLE_HOURS,
) -> Stats:
    """All figures for the scenarios of the library (and any others found in the data).
    `tallies` must have been read with the cutoff `idle_cutoff(now, idle_timeout_hours)`."""
    now = now_ms() if now is None else now
    filters = filters or Filters()
    scenarios = dict(library.scenarios) if library is not None else {}
    longest = int(idle_timeout_hours * 3600)
    runs = _run_rows(tallies, longest)
    seen: dict[str, dict[str, int]] = {}
    latest: dict[str, str] = {}
    for (scenario, version, _), figures in sorted(runs.items()):
        seen.setdefault(scenario, {}).setdefault(version, 0)
        seen[scenario][version] += figures.runs
    for scenario, version in tallies.latest:
        latest[scenario] = version
    names = sorted(set(scenarios) | set(seen)) if not filters.scenarios else filters.scenarios
    chosen: dict[str, tuple[str, ...]] = {}
    for name in names:
        if filters.version == ALL:
            chosen[name] = tuple(sorted(seen.get(name, {})))
        elif filters.version is not None:
            chosen[name] = (filters.version,)
        elif name in scenarios:
            chosen[name] = (scenarios[name].version,)
        elif name in latest:
            chosen[name] = (latest[name],)
        else:
            continue
    steps = _step_rows(tallies, longest)
    result = []
    for name, versions in chosen.items():
        stats = _assemble(name, versions, library, runs, steps, filters)
        stats.other_versions = {
            v: n for v, n in sorted(seen.get(name, {}).items()) if v not in versions
        }
        result.append(stats)
    return Stats(filters, now, idle_timeout_hours, result, tallies.blocked_users)


def idle_cutoff(now: int, idle_timeout_hours: float) -> int:
    """Runs last active before this moment (UTC millis) and not ended count as dropped."""
    return now - int(idle_timeout_hours * 3_600_000)


_Key = tuple[str, str, str]
"""(scenario, version, locale)"""


def _run_rows(tallies: Tallies, longest_s: int) -> dict[_Key, RunFigures]:
    """Runs by outcome; times to complete of the runs that never paused `longest_s` or more
    (a longer break is not part of learning the scenario)."""
    found: dict[_Key, RunFigures] = {}

    def figures(key: _Key) -> RunFigures:
        return found.setdefault(key, RunFigures())

    for row in tallies.runs:
        f = figures(row[:3])
        (f.runs, f.fresh, f.continued, f.completed, f.restarted, f.superseded) = row[3:9]
        f.rated, f.score_sum = row[9], row[10]
    for scenario, version, pause, seconds, locale, n in tallies.complete_times:
        if pause < longest_s:
            figures((scenario, version, locale)).complete_times[seconds] += n
    for scenario, version, locale, outcome, n in tallies.recent:
        f = figures((scenario, version, locale))
        setattr(f, f"recent_{outcome}", getattr(f, f"recent_{outcome}") + n)
    for scenario, version, _, locale, sent, resumed, completed in tallies.reminders:
        f = figures((scenario, version, locale))
        f.reminded += sent
        f.reminder_resumed += resumed
        f.reminder_completed += completed
    for scenario, version, _, days, locale, answered, correct in tallies.reviews:
        f = figures((scenario, version, locale))
        f.reviews.answered[days] += answered
        f.reviews.correct[days] += correct
    for scenario, version, locale, asked, answered, done, not_yet, problem in tallies.followups:
        f = figures((scenario, version, locale))
        f.followup_asked += asked
        f.followup_answered += answered
        f.followup_done += done
        f.followup_not_yet += not_yet
        f.followup_problem += problem
    for scenario, version, problem, locale, n in tallies.problems:
        figures((scenario, version, locale)).problems[problem] += n
    for scenario, version, locale, _, outcome, idle, n, _ in tallies.unfinished:
        f = figures((scenario, version, locale))
        if outcome == "blocked":
            f.blocked += n
        elif idle:
            f.dropped += n
        else:
            f.in_progress += n
    return found


_StepKey = tuple[str, str, str, str]
"""(scenario, version, locale, step)"""


def _step_rows(tallies: Tallies, longest_s: int) -> dict[_StepKey, dict[str, Any]]:
    found: dict[_StepKey, dict[str, Any]] = {}

    def row_for(key: tuple[Any, ...]) -> dict[str, Any]:
        return found.setdefault(
            (key[0], key[1], key[2], key[3]),
            {
                "sums": Counter(),
                "times": Counter(),
                "chosen": Counter(),
                "wrong": Counter(),
                "sure_wrong": Counter(),
                "reviews": Reviews(),
            },
        )

    for scenario, version, step, locale, *counts in tallies.steps:
        key = (scenario, version, locale, step)
        row_for(key)["sums"].update(dict(zip(STEP_COUNTERS, counts, strict=True)))
    for scenario, version, step, seconds, locale, n in tallies.answer_times:
        if seconds >= longest_s:
            continue  # a break, not an answer time
        row_for((scenario, version, locale, step))["times"][seconds] += n
    for scenario, version, step, option, locale, chosen, wrong in tallies.options:
        entry = row_for((scenario, version, locale, step))
        entry["chosen"][option] += chosen
        if wrong:
            entry["wrong"][option] += wrong
    for scenario, version, step, locale, sent, resumed, completed in tallies.reminders:
        sums = row_for((scenario, version, locale, step))["sums"]
        sums["reminded"] += sent
        sums["reminder_resumed"] += resumed
        sums["reminder_completed"] += completed
    for scenario, version, step, days, locale, answered, correct in tallies.reviews:
        reviews = row_for((scenario, version, locale, step))["reviews"]
        reviews.answered[days] += answered
        reviews.correct[days] += correct
    for scenario, version, step, option, locale, *counts in tallies.confidence:
        entry = row_for((scenario, version, locale, step))
        sure, guessing, sure_wrong, guessing_wrong = counts
        entry["sums"].update(
            sure=sure, guessing=guessing, sure_wrong=sure_wrong, guessing_wrong=guessing_wrong
        )
        if sure_wrong:
            entry["sure_wrong"][option] += sure_wrong
    for scenario, version, locale, step, outcome, idle, n, quiet in tallies.unfinished:
        if step is None:
            continue
        sums = row_for((scenario, version, locale, step))["sums"]
        if outcome == "blocked":
            sums["blocked"] += n
        elif idle:
            sums["dropped"] += n
            sums["dropped_quietly"] += quiet
        else:
            sums["in_progress"] += n
    return found


def _kind(step: object) -> str:
    match step:
        case InfoStep():
            return "info"
        case QuestionStep():
            return "question"
        case ChoiceStep():
            return "choice"
        case TextStep():
            return "text"
        case EndStep():
            return "end"
    return "unknown"


def _assemble(
    name: str,
    versions: tuple[str, ...],
    library: Library | None,
    runs: dict[_Key, RunFigures],
    steps: dict[_StepKey, dict[str, Any]],
    filters: Filters,
) -> ScenarioStats:
    scenario = library.scenarios.get(name) if library is not None else None
    locales = [filters.lang] if filters.lang else list(library.locales if library else ())
    for scenario_name, version, locale in runs:
        if scenario_name == name and version in versions and locale not in locales:
            locales.append(locale)
    template: dict[str, StepFigures] = {}
    if scenario is not None:
        for position, sid in enumerate(flow(scenario).order):
            spec = scenario.steps[sid]
            template[sid] = StepFigures(sid, _kind(spec), scenario.depth.get(sid, 0), position)

    def fresh_steps() -> dict[str, StepFigures]:
        return {sid: StepFigures(s.step, s.kind, s.depth, s.order) for sid, s in template.items()}

    slices = {lang: Slice(RunFigures(), fresh_steps()) for lang in [ALL, *locales]}
    for (scenario_name, version, locale), figures in runs.items():
        if scenario_name != name or version not in versions:
            continue
        for lang in (ALL, locale):
            slices[lang].runs.add(figures)
    for (scenario_name, version, locale, step), entry in steps.items():
        if scenario_name != name or version not in versions:
            continue
        known = template.get(step) or StepFigures(step, "unknown", None)
        part = StepFigures(step, known.kind, known.depth, known.order, **entry["sums"])
        if filters.version == ALL:
            part.reach -= part.carried  # the journey reached it in the older version
        part.times, part.chosen, part.wrong = entry["times"], entry["chosen"], entry["wrong"]
        part.sure_wrong_options, part.reviews = entry["sure_wrong"], entry["reviews"]
        for lang in (ALL, locale):
            target = slices[lang].steps.setdefault(
                step, StepFigures(step, known.kind, known.depth, known.order)
            )
            target.add(part)
    return ScenarioStats(name, versions, {}, scenario is not None, slices)
