"""The figures of docs/metrics.md for one scenario: runs, steps, slices by language."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.analytics.filters import ALL, Filters
from bot.analytics.rollup import STEP_COUNTERS

MIN_REACH = 10
"""Steps reached by fewer runs are not ranked as worst: one confused person is not a trend."""


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def quantile(histogram: Counter[int], q: float) -> int | None:
    """Nearest-rank quantile: the smallest value with at least q of the samples at or below."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class StepFigures:
    """One step of one scenario in one slice (all languages, or one)."""

    step: str
    kind: str
    depth: int | None
    """Shortest distance from the first step; None for a step not in the current file."""
    order: int = 10_000
    """Position in funnel order (`bot.analytics.flow`)."""
    reach: int = 0
    answered: int = 0
    wrong_first: int = 0
    corrected: int = 0
    attempts: int = 0
    revealed: int = 0
    help: int = 0
    help_human: int = 0
    typed: int = 0
    switched: int = 0
    struggled: int = 0
    restarted: int = 0
    carried: int = 0
    """Reach a continued run carried over from the old version (its start step)."""
    dropped: int = 0
    dropped_quietly: int = 0
    """Dropped here without any other struggle signal at this step."""
    in_progress: int = 0
    blocked: int = 0
    times: Counter[int] = field(default_factory=Counter)
    chosen: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)

    @property
    def drop_rate(self) -> float | None:
        return rate(self.dropped, self.reach)

    @property
    def help_rate(self) -> float | None:
        return rate(self.help, self.reach)

    @property
    def first_wrong_rate(self) -> float | None:
        return rate(self.wrong_first, self.answered) if self.kind == "question" else None

    @property
    def attempts_to_correct(self) -> float | None:
        return self.attempts / self.corrected if self.corrected else None

    @property
    def revealed_rate(self) -> float | None:
        return rate(self.revealed, self.answered) if self.kind == "question" else None

    @property
    def typed_rate(self) -> float | None:
        return rate(self.typed, self.reach)

    @property
    def switch_rate(self) -> float | None:
        return rate(self.switched, self.reach)

    @property
    def median_s(self) -> int | None:
        return quantile(self.times, 0.5)

    @property
    def p90_s(self) -> int | None:
        return quantile(self.times, 0.9)

    @property
    def top_wrong(self) -> tuple[str, int] | None:
        """The wrong option chosen most often (every press counts), ties by option id."""
        if not self.wrong:
            return None
        option, count = min(self.wrong.items(), key=lambda item: (-item[1], item[0]))
        return option, count

    @property
    def stuck_score(self) -> float | None:
        """Share of the runs that reached the step and struggled there: asked for help,
        answered wrong first, typed instead of pressing a button, or dropped off here."""
        return rate(self.struggled + self.dropped_quietly, self.reach)

    def add(self, other: StepFigures) -> None:
        for name in _STEP_SUMS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.times.update(other.times)
        self.chosen.update(other.chosen)
        self.wrong.update(other.wrong)

    def as_dict(self) -> dict[str, Any]:
        top = self.top_wrong
        return {
            "step": self.step,
            "kind": self.kind,
            "depth": self.depth,
            **{name: getattr(self, name) for name in _STEP_SUMS},
            "drop_rate": self.drop_rate,
            "help_rate": self.help_rate,
            "first_wrong_rate": self.first_wrong_rate,
            "attempts_to_correct": self.attempts_to_correct,
            "revealed_rate": self.revealed_rate,
            "typed_rate": self.typed_rate,
            "switch_rate": self.switch_rate,
            "median_answer_s": self.median_s,
            "p90_answer_s": self.p90_s,
            "top_wrong_option": top[0] if top else None,
            "top_wrong_count": top[1] if top else 0,
            "options": dict(sorted(self.chosen.items())),
            "stuck_score": self.stuck_score,
        }


_STEP_SUMS = (*STEP_COUNTERS, "dropped", "dropped_quietly", "in_progress", "blocked")


@dataclass
class RunFigures:
    """Run-level figures of one scenario in one slice."""

    runs: int = 0
    fresh: int = 0
    continued: int = 0
    completed: int = 0
    restarted: int = 0
    superseded: int = 0
    blocked: int = 0
    dropped: int = 0
    in_progress: int = 0
    rated: int = 0
    score_sum: int = 0
    recent_completed: int = 0
    """Of the runs completed, those started within the idle timeout (likewise below)."""
    recent_restarted: int = 0
    recent_blocked: int = 0
    complete_times: Counter[int] = field(default_factory=Counter)

    @property
    def recent_ended(self) -> int:
        return self.recent_completed + self.recent_restarted + self.recent_blocked

    @property
    def settled(self) -> int:
        """Runs with a verdict: started at least the idle timeout ago (so they had the time to
        drop), not in progress and not taken over by a new version."""
        return self.runs - self.in_progress - self.superseded - self.recent_ended

    @property
    def unsettled(self) -> int:
        """Runs not judged yet: in progress, or started within the idle timeout."""
        return self.in_progress + self.recent_ended

    @property
    def settled_completed(self) -> int:
        return self.completed - self.recent_completed

    @property
    def completion_rate(self) -> float | None:
        """Completed ÷ settled, both over the settled runs: counting a recent completion
        while its peers that will drop are still in progress would inflate recent periods."""
        return rate(self.settled_completed, self.settled)

    @property
    def rating(self) -> float | None:
        return self.score_sum / self.rated if self.rated else None

    @property
    def median_complete_s(self) -> int | None:
        return quantile(self.complete_times, 0.5)

    @property
    def p90_complete_s(self) -> int | None:
        return quantile(self.complete_times, 0.9)

    def add(self, other: RunFigures) -> None:
        for name in _RUN_SUMS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.complete_times.update(other.complete_times)

    def as_dict(self) -> dict[str, Any]:
        return {
            **{name: getattr(self, name) for name in _RUN_SUMS},
            "settled": self.settled,
            "unsettled": self.unsettled,
            "settled_completed": self.settled_completed,
            "completion_rate": self.completion_rate,
            "rating": self.rating,
            "median_complete_s": self.median_complete_s,
            "p90_complete_s": self.p90_complete_s,
        }


_RUN_SUMS = (
    "runs",
    "fresh",
    "continued",
    "completed",
    "restarted",
    "superseded",
    "blocked",
    "dropped",
    "in_progress",
    "rated",
    "score_sum",
    "recent_completed",
    "recent_restarted",
    "recent_blocked",
)


@dataclass
class Slice:
    """A scenario's figures for all languages together or for one."""

    runs: RunFigures
    steps: dict[str, StepFigures]

    def ordered_steps(self) -> list[StepFigures]:
        """Funnel order (`bot.analytics.flow`): each branch to its end before the next, end
        steps last, then steps no longer in the scenario file."""
        return sorted(
            self.steps.values(), key=lambda s: (s.depth is None, s.kind == "end", s.order, s.step)
        )


@dataclass
class ScenarioStats:
    scenario: str
    versions: tuple[str, ...]
    """The versions counted (the current one unless filtered otherwise)."""
    other_versions: dict[str, int]
    """Runs in the period under versions not counted here, so nothing is silently hidden."""
    in_library: bool
    slices: dict[str, Slice]
    """ALL, then each language present."""

    @property
    def all(self) -> Slice:
        return self.slices[ALL]

    def worst_steps(self, n: int = 3) -> list[StepFigures]:
        ranked = [s for s in self.all.steps.values() if s.reach >= MIN_REACH and s.stuck_score]
        ranked.sort(key=lambda s: (-(s.stuck_score or 0.0), -s.reach, s.step))
        return ranked[:n]

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "versions": list(self.versions),
            "other_versions": self.other_versions,
            "in_library": self.in_library,
            **self.all.runs.as_dict(),
            "steps": [s.as_dict() for s in self.all.ordered_steps()],
            "languages": {
                lang: {
                    **part.runs.as_dict(),
                    "steps": [s.as_dict() for s in part.ordered_steps()],
                }
                for lang, part in self.slices.items()
                if lang != ALL
            },
        }


@dataclass
class Stats:
    """The answer to one question: these filters, this idle timeout, evaluated at `now`."""

    filters: Filters
    now_ms: int
    idle_timeout_hours: float
    scenarios: list[ScenarioStats]
    blocked_users: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "generated_at": iso(self.now_ms),
            "filters": self.filters.describe(),
            "idle_timeout_hours": self.idle_timeout_hours,
            "blocked_users": self.blocked_users,
            "scenarios": [s.as_dict() for s in self.scenarios],
        }
