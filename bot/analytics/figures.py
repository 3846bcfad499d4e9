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

REVIEW_INTERVALS: tuple[tuple[str, int, int | None], ...] = (
    ("0-1", 0, 1),
    ("2-3", 2, 3),
    ("4-7", 4, 7),
    ("8-14", 8, 14),
    ("15-30", 15, 30),
    ("31+", 31, None),
)
"""Review retention by interval: (label, first day, last day) of `elapsed_days`, both
included; the spans widen as a spaced schedule's intervals do."""


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def interval_of(days: int) -> str:
    for label, first, last in REVIEW_INTERVALS:
        if days >= first and (last is None or days <= last):
            return label
    return REVIEW_INTERVALS[0][0]  # negative days never happen; the first span holds them


@dataclass
class Reviews:
    """Review answers (`review_answered`) by `elapsed_days`: how many, how many right."""

    answered: Counter[int] = field(default_factory=Counter)
    correct: Counter[int] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.answered.values())

    @property
    def right(self) -> int:
        return sum(self.correct.values())

    @property
    def retention(self) -> float | None:
        return rate(self.right, self.total)

    def intervals(self) -> list[tuple[str, int, int, float | None]]:
        """(interval label, answered, correct, retention) for each interval with answers."""
        answered: Counter[str] = Counter()
        correct: Counter[str] = Counter()
        for days, n in self.answered.items():
            answered[interval_of(days)] += n
            correct[interval_of(days)] += self.correct[days]
        return [
            (label, answered[label], correct[label], rate(correct[label], answered[label]))
            for label, _, _ in REVIEW_INTERVALS
            if answered[label]
        ]

    def add(self, other: Reviews) -> None:
        self.answered.update(other.answered)
        self.correct.update(other.correct)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reviews": self.total,
            "reviews_correct": self.right,
            "review_retention": self.retention,
            "review_intervals": {
                label: {"answered": n, "correct": right, "retention": share}
                for label, n, right, share in self.intervals()
            },
        }


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
    reminded: int = 0
    """Reminders sent to learners who had stopped at this step (`reminder_daily`)."""
    reminder_resumed: int = 0
    reminder_completed: int = 0
    sure: int = 0
    """First answers given with confidence "sure" (`confidence_daily`); likewise below."""
    guessing: int = 0
    sure_wrong: int = 0
    guessing_wrong: int = 0
    times: Counter[int] = field(default_factory=Counter)
    chosen: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    sure_wrong_options: Counter[str] = field(default_factory=Counter)
    reviews: Reviews = field(default_factory=Reviews)

    @property
    def reminder_resumed_rate(self) -> float | None:
        return rate(self.reminder_resumed, self.reminded)

    @property
    def reminder_completed_rate(self) -> float | None:
        return rate(self.reminder_completed, self.reminded)

    @property
    def confidence_asked(self) -> int:
        """First answers given with a confidence (the question asked for one)."""
        return self.sure + self.guessing

    @property
    def confidently_wrong_rate(self) -> float | None:
        """Sure and wrong, of the first answers given with a confidence."""
        return rate(self.sure_wrong, self.confidence_asked)

    @property
    def top_confidently_wrong(self) -> tuple[str, int] | None:
        """The wrong option most often chosen "sure" on a first answer, ties by option id."""
        if not self.sure_wrong_options:
            return None
        return min(self.sure_wrong_options.items(), key=lambda item: (-item[1], item[0]))

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
        self.sure_wrong_options.update(other.sure_wrong_options)
        self.reviews.add(other.reviews)

    def as_dict(self) -> dict[str, Any]:
        top = self.top_wrong
        sure = self.top_confidently_wrong
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
            "reminder_resumed_rate": self.reminder_resumed_rate,
            "reminder_completed_rate": self.reminder_completed_rate,
            "confidence_asked": self.confidence_asked,
            "confidently_wrong_rate": self.confidently_wrong_rate,
            "top_confidently_wrong_option": sure[0] if sure else None,
            "top_confidently_wrong_count": sure[1] if sure else 0,
            **self.reviews.as_dict(),
        }


_STEP_SUMS = (
    *STEP_COUNTERS,
    "dropped",
    "dropped_quietly",
    "in_progress",
    "blocked",
    "reminded",
    "reminder_resumed",
    "reminder_completed",
    "sure",
    "guessing",
    "sure_wrong",
    "guessing_wrong",
)


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
    reminded: int = 0
    """Reminders sent (`reminder_daily`, every step); likewise below."""
    reminder_resumed: int = 0
    reminder_completed: int = 0
    followup_asked: int = 0
    """Runs followed up (`followup_daily`); likewise below."""
    followup_answered: int = 0
    followup_done: int = 0
    followup_not_yet: int = 0
    followup_problem: int = 0
    complete_times: Counter[int] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    """Runs by the problem they reported after "something went wrong"."""
    reviews: Reviews = field(default_factory=Reviews)

    @property
    def reminder_resumed_rate(self) -> float | None:
        return rate(self.reminder_resumed, self.reminded)

    @property
    def reminder_completed_rate(self) -> float | None:
        return rate(self.reminder_completed, self.reminded)

    @property
    def followup_answer_rate(self) -> float | None:
        return rate(self.followup_answered, self.followup_asked)

    def followup_share(self, outcome: str) -> float | None:
        """done, not_yet or problem, of the runs that answered the follow-up."""
        return rate(getattr(self, f"followup_{outcome}"), self.followup_answered)

    @property
    def has_loop(self) -> bool:
        """Anything from the learning loop: reminders, reviews or follow-ups."""
        return bool(self.reminded or self.reviews.total or self.followup_asked)

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
        self.problems.update(other.problems)
        self.reviews.add(other.reviews)

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
            "reminder_resumed_rate": self.reminder_resumed_rate,
            "reminder_completed_rate": self.reminder_completed_rate,
            "followup_answer_rate": self.followup_answer_rate,
            "followup_done_rate": self.followup_share("done"),
            "followup_not_yet_rate": self.followup_share("not_yet"),
            "followup_problem_rate": self.followup_share("problem"),
            "followup_problems": dict(
                sorted(self.problems.items(), key=lambda item: (-item[1], item[0]))
            ),
            **self.reviews.as_dict(),
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
    "reminded",
    "reminder_resumed",
    "reminder_completed",
    "followup_asked",
    "followup_answered",
    "followup_done",
    "followup_not_yet",
    "followup_problem",
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
