"""Every figure of docs/metrics.md, computed from the derived tables for a period and filters."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.analytics.figures import (
    ALL,
    MIN_REACH,
    RunFigures,
    ScenarioStats,
    Slice,
    Stats,
    StepFigures,
    iso,
)
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
    "compute",
    "iso",
    "now_ms",
    "parse_since",
]

DEFAULT_IDLE_HOURS = 24.0


@dataclass(frozen=True)
class Filters:
    """Which runs count. Dates are UTC days, both ends included; a run belongs to the day it
    started. `version` None means each scenario's current version, "all" every version."""

    since: date | None = None
    until: date | None = None
    lang: str | None = None
    version: str | None = None
    source: str | None = None
    scenarios: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "lang": self.lang or ALL,
            "version": self.version or "current",
            "source": self.source or ALL,
            "scenarios": list(self.scenarios) or ALL,
        }


def parse_since(text: str, today: date) -> date:
    """`7d` (today and the 6 days before), `4w`, or an ISO date."""
    text = text.strip().lower()
    for suffix, days in (("d", 1), ("w", 7)):
        if text.endswith(suffix) and text[:-1].isdigit():
            return today - timedelta(days=int(text[:-1]) * days - 1)
    return date.fromisoformat(text)


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


class _Query:
    """Builds the WHERE clause shared by every derived table."""

    def __init__(self, filters: Filters) -> None:
        clauses, params = ["1"], []
        if filters.since is not None:
            clauses.append("day >= ?")
            params.append(filters.since.isoformat())
        if filters.until is not None:
            clauses.append("day <= ?")
            params.append(filters.until.isoformat())
        if filters.lang is not None:
            clauses.append("locale = ?")
            params.append(filters.lang)
        if filters.source is not None:
            clauses.append("source = ?")
            params.append(filters.source)
        if filters.scenarios:
            clauses.append(f"scenario in ({', '.join('?' * len(filters.scenarios))})")
            params.extend(filters.scenarios)
        self.where = " and ".join(clauses)
        self.params: list[Any] = params


def compute(
    conn: sqlite3.Connection,
    library: Library | None,
    filters: Filters = Filters(),
    *,
    now: int | None = None,
    idle_timeout_hours: float = DEFAULT_IDLE_HOURS,
) -> Stats:
    """All figures for the scenarios of the library (and any others found in the data)."""
    now = now_ms() if now is None else now
    cutoff = now - int(idle_timeout_hours * 3_600_000)
    q = _Query(filters)
    scenarios = dict(library.scenarios) if library is not None else {}
    unfinished = _unfinished(conn, q, cutoff)
    runs = _run_rows(conn, q, unfinished)
    seen: dict[str, dict[str, int]] = {}
    latest: dict[str, str] = {}
    for (scenario, version, _), figures in sorted(runs.items()):
        seen.setdefault(scenario, {}).setdefault(version, 0)
        seen[scenario][version] += figures.runs
    for scenario, version in conn.execute(
        "select scenario, version from run_daily group by scenario, version order by max(day)"
    ):
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
    steps = _step_rows(conn, q, unfinished)
    result = []
    for name, versions in chosen.items():
        stats = _assemble(name, versions, library, runs, steps, filters)
        stats.other_versions = {
            v: n for v, n in sorted(seen.get(name, {}).items()) if v not in versions
        }
        result.append(stats)
    blocked = conn.execute("select count(*) from users where blocked = 1").fetchone()[0]
    return Stats(filters, now, idle_timeout_hours, result, blocked)


_Key = tuple[str, str, str]
"""(scenario, version, locale)"""


_Unfinished = list[tuple[str, str, str, str | None, str | None, int, int, int]]
"""(scenario, version, locale, last step, outcome, idle?, runs, runs without a struggle)"""


def _unfinished(conn: sqlite3.Connection, q: _Query, cutoff: int) -> _Unfinished:
    """Open and blocked runs by last step: the only figures that depend on the idle timeout.
    One pass over the partial index that holds just these runs."""
    return conn.execute(
        "select scenario, version, locale, last_step, outcome, last_ms < ?, count(*), "
        "sum(last_struggled = 0) from runs "
        f"where (outcome is null or outcome = 'blocked') and {q.where} "
        "group by scenario, version, locale, last_step, outcome, last_ms < ?",
        [cutoff, *q.params, cutoff],
    ).fetchall()


def _run_rows(
    conn: sqlite3.Connection, q: _Query, unfinished: _Unfinished
) -> dict[_Key, RunFigures]:
    found: dict[_Key, RunFigures] = {}

    def figures(key: _Key) -> RunFigures:
        return found.setdefault(key, RunFigures())

    for row in conn.execute(
        "select scenario, version, locale, sum(runs), sum(fresh), sum(continued), "
        "sum(completed), sum(restarted), sum(superseded), sum(rated), sum(score_sum) "
        f"from run_daily where {q.where} group by scenario, version, locale",
        q.params,
    ):
        f = figures(row[:3])
        (f.runs, f.fresh, f.continued, f.completed, f.restarted, f.superseded) = row[3:9]
        f.rated, f.score_sum = row[9], row[10]
    for scenario, version, seconds, locale, n in conn.execute(
        "select scenario, version, seconds, locale, sum(n) from complete_times "
        f"where {q.where} group by scenario, version, seconds, locale",
        q.params,
    ):
        figures((scenario, version, locale)).complete_times[seconds] += n
    for scenario, version, locale, _, outcome, idle, n, _ in unfinished:
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


def _step_rows(
    conn: sqlite3.Connection, q: _Query, unfinished: _Unfinished
) -> dict[_StepKey, dict[str, Any]]:
    found: dict[_StepKey, dict[str, Any]] = {}

    def row_for(key: tuple[Any, ...]) -> dict[str, Any]:
        return found.setdefault(
            (key[0], key[1], key[2], key[3]),
            {"sums": Counter(), "times": Counter(), "chosen": Counter(), "wrong": Counter()},
        )

    columns = STEP_COUNTERS
    sums = ", ".join(f"sum({c})" for c in columns)
    # Each GROUP BY follows its table's primary key (rollup.CLUSTERED): no sorting needed.
    for scenario, version, step, locale, *counts in conn.execute(
        f"select scenario, version, step, locale, {sums} from step_daily where {q.where} "
        "group by scenario, version, step, locale",
        q.params,
    ):
        key = (scenario, version, locale, step)
        row_for(key)["sums"].update(dict(zip(columns, counts, strict=True)))
    for scenario, version, step, seconds, locale, n in conn.execute(
        "select scenario, version, step, seconds, locale, sum(n) from answer_times "
        f"where {q.where} group by scenario, version, step, seconds, locale",
        q.params,
    ):
        row_for((scenario, version, locale, step))["times"][seconds] += n
    for scenario, version, step, option, locale, chosen, wrong in conn.execute(
        "select scenario, version, step, option, locale, sum(chosen), sum(wrong) "
        f"from option_daily where {q.where} group by scenario, version, step, option, locale",
        q.params,
    ):
        entry = row_for((scenario, version, locale, step))
        entry["chosen"][option] += chosen
        if wrong:
            entry["wrong"][option] += wrong
    for scenario, version, locale, step, outcome, idle, n, quiet in unfinished:
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
        for index, spec in enumerate(scenario.spec.steps):
            depth = scenario.depth.get(spec.id)
            template[spec.id] = StepFigures(spec.id, _kind(spec), depth, index)

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
        part.times, part.chosen, part.wrong = entry["times"], entry["chosen"], entry["wrong"]
        for lang in (ALL, locale):
            target = slices[lang].steps.setdefault(
                step, StepFigures(step, known.kind, known.depth, known.order)
            )
            target.add(part)
    return ScenarioStats(name, versions, {}, scenario is not None, slices)
