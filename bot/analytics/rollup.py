"""The rules that fold events into derived rows: runs, step visits and daily counters.

Pure: storage loads the rows a batch of facts touches (`Rollup.wanted`, `Rollup.load`),
feeds the facts (`add`) inside the transaction that writes the events, and persists what
`take` hands back, so the derived tables never disagree with `events`. Definitions:
docs/metrics.md. Nothing here depends on the idle timeout, which is applied when reading
(`bot.analytics.metrics`). The learning loop's facts (LOOP_KINDS) are counted under their run
but never change it: they are not the learner's activity in the run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, NamedTuple

from bot.core.events import Event

SOURCES = {
    "tg": "telegram",
    "terminal": "terminal",
    "sim": "simulated",
    "studio": "studio",
}
"""users.external_id prefix -> the source a run is counted under (filterable)."""
UNKNOWN_SOURCE = "unknown"

RUN_KEY = ("scenario", "version", "day", "locale", "source")
STEP_KEY = (*RUN_KEY, "step")
RUN_COUNTERS = ("runs", "fresh", "continued", "completed", "restarted", "superseded", "rated")
RUN_COUNTERS_ALL = (*RUN_COUNTERS, "score_sum")
STEP_COUNTERS = (
    "reach",
    "answered",
    "wrong_first",
    "corrected",
    "attempts",
    "revealed",
    "help",
    "help_human",
    "typed",
    "switched",
    "struggled",
    "restarted",
    "carried",
)
OPTION_KEY = (*STEP_KEY, "option")
TIME_KEY = (*STEP_KEY, "seconds")
COMPLETE_KEY = (*RUN_KEY, "pause", "seconds")
"""`pause`: the run's longest pause before completing, bucketed like the time."""
REVIEW_KEY = (*STEP_KEY, "days")
"""`days`: the review's `elapsed_days`, the interval the learner's memory had to bridge."""
PROBLEM_KEY = (*RUN_KEY, "problem")

LOOP_KINDS = frozenset(
    {
        "reminder_sent",
        "review_sent",
        "review_answered",
        "followup_asked",
        "followup_answered",
        "followup_problem",
    }
)
"""The learning loop's events: they arrive days later under their run's number, but are not
activity in the run (no idleness, pause, reopening or reach): the rollup counts them apart."""
FOLLOWUP_OUTCOMES = ("done", "not_yet", "problem")


def bucket_seconds(ms: int) -> int:
    """Times are kept as whole seconds (rounded down); above 10 minutes to the whole minute,
    above an hour to the whole hour, so the histograms stay small."""
    seconds = max(0, ms) // 1000
    if seconds < 600:
        return seconds
    if seconds < 3600:
        return seconds // 60 * 60
    return seconds // 3600 * 3600


def day_of(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()


class Fact(NamedTuple):
    """One event, as the rollup needs it, whether it comes from the engine or a table row."""

    user_id: int
    scenario: str
    version: str
    run: int
    step: str | None
    locale: str
    kind: str
    at_ms: int
    option: str | None = None
    correct: int | None = None
    level: int | None = None
    elapsed_ms: int | None = None
    score: int | None = None
    from_version: str | None = None
    confidence: str | None = None
    """answer_given: "sure" or "guessing" when the question asked."""
    elapsed_days: int | None = None
    """review_answered: whole days since the learner last answered the question."""
    outcome: str | None = None
    """followup_answered: done, not_yet or problem."""
    problem: str | None = None
    """followup_problem: the problem id, or "other"."""


def fact_from_event(user_id: int, event: Event) -> Fact:
    correct = getattr(event, "correct", None)
    return Fact(
        user_id,
        event.scenario,
        event.version,
        event.run,
        event.step,
        event.locale,
        event.kind,
        event.at_ms,
        getattr(event, "option", None),
        None if correct is None else int(correct),
        getattr(event, "level", None),
        getattr(event, "elapsed_ms", None),
        getattr(event, "score", None),
        getattr(event, "from_version", None),
        getattr(event, "confidence", None),
        getattr(event, "elapsed_days", None),
        getattr(event, "outcome", None),
        getattr(event, "problem", None),
    )


@dataclass
class RunRow:
    """A row of `runs`: one user's attempt at one scenario version."""

    user_id: int
    scenario: str
    run: int
    version: str
    locale: str
    source: str
    day: str
    started_ms: int
    start_step: str | None
    from_version: str | None
    last_step: str | None
    last_ms: int
    max_gap_ms: int = 0
    outcome: str | None = None
    ended_ms: int | None = None
    score: int | None = None
    steps: int = 0
    last_struggled: int = 0
    reminded_step: str | None = None
    """Where the run's latest reminder found the learner (None: never reminded)."""
    resumed: int = 0
    """1 once the learner did anything in the run after its latest reminder."""
    followup_asked: int = 0
    followup: str | None = None
    """The learner's answer to the follow-up: the first outcome pressed."""
    followup_problem: str | None = None
    """The first problem picked after answering `problem`."""


@dataclass
class VisitRow:
    """A row of `visits`: one run's stay at one step (all its showings together)."""

    user_id: int
    scenario: str
    run: int
    step: str
    version: str
    day: str
    locale: str
    source: str
    first_ms: int
    answered: int = 0
    first_correct: int | None = None
    first_elapsed_ms: int | None = None
    answers: int = 0
    corrected: int = 0
    revealed: int = 0
    help: int = 0
    help_human: int = 0
    typed: int = 0
    switched: int = 0
    struggled: int = 0


RUN_FIELDS = tuple(f.name for f in fields(RunRow))
VISIT_FIELDS = tuple(f.name for f in fields(VisitRow))


COUNTER_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "run_daily": (RUN_KEY, RUN_COUNTERS_ALL),
    "step_daily": (STEP_KEY, STEP_COUNTERS),
    "option_daily": (OPTION_KEY, ("chosen", "wrong", "first")),
    "answer_times": (TIME_KEY, ("n",)),
    "complete_times": (COMPLETE_KEY, ("n",)),
    "reminder_daily": (STEP_KEY, ("sent", "resumed", "completed")),
    "review_daily": (REVIEW_KEY, ("answered", "correct")),
    "confidence_daily": (OPTION_KEY, ("sure", "guessing", "sure_wrong", "guessing_wrong")),
    "followup_daily": (RUN_KEY, ("asked", "answered", *FOLLOWUP_OUTCOMES)),
    "followup_problems": (PROBLEM_KEY, ("n",)),
}
"""Each counter table: its key columns and the counters added up under that key."""

RunKey = tuple[int, str, int]
"""(user_id, scenario, run)"""
VisitKey = tuple[int, str, int, str]
"""(user_id, scenario, run, step)"""


@dataclass(frozen=True)
class Wanted:
    """Rows storage must `load` before the facts can be added: the runs the facts touch (with
    every visit of each) and the users whose source is not known yet."""

    runs: frozenset[RunKey]
    users: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.runs or self.users)


@dataclass
class Delta:
    """What to write: rows to insert, rows to update, and amounts to add to counters."""

    new_runs: list[RunRow] = field(default_factory=list)
    changed_runs: list[RunRow] = field(default_factory=list)
    new_visits: list[VisitRow] = field(default_factory=list)
    changed_visits: list[VisitRow] = field(default_factory=list)
    counts: dict[str, dict[tuple[Any, ...], list[int]]] = field(default_factory=dict)


class Rollup:
    """Applies facts to cached rows and counters; `take` hands the changes to storage.

    The caller owns the transaction: storage takes the changes inside the one that writes
    the events; a batch (simulator, rebuild) takes them once per batch.
    """

    def __init__(self) -> None:
        self.runs: dict[RunKey, RunRow] = {}
        self.visits: dict[VisitKey, VisitRow] = {}
        self.absent: set[RunKey] = set()
        """Runs storage was asked for and does not have (so they are new)."""
        self.stored: set[tuple[Any, ...]] = set()
        """Keys of the cached runs and visits that are already rows in the tables."""
        self.counts: dict[str, dict[tuple[Any, ...], list[int]]] = {t: {} for t in COUNTER_TABLES}
        self.sources: dict[int, str] = {}

    # -- what storage must load -----------------------------------------------------------

    def source_known(self, user_id: int, source: str) -> None:
        """A user's source, from a unit that has just read the user (it is then not looked
        up again for the facts of that unit)."""
        self.sources[user_id] = source

    def wanted(self, facts: Iterable[Fact]) -> Wanted:
        runs: set[RunKey] = set()
        users: set[int] = set()
        for f in facts:
            keys = [(f.user_id, f.scenario, f.run)]
            if f.kind == "run_started" and f.from_version and f.run > 1:
                keys.append((f.user_id, f.scenario, f.run - 1))
            runs.update(k for k in keys if k not in self.runs and k not in self.absent)
            if f.user_id not in self.sources:
                users.add(f.user_id)
        return Wanted(frozenset(runs), frozenset(users))

    def load(
        self,
        wanted: Wanted,
        runs: Iterable[RunRow],
        visits: Iterable[VisitRow],
        sources: dict[int, str],
    ) -> None:
        """The stored rows of `wanted.runs` with all their visits, and the users' sources
        (a user not in `sources` counts under UNKNOWN_SOURCE)."""
        found = set()
        for run in runs:
            key = (run.user_id, run.scenario, run.run)
            self.runs[key] = run
            self.stored.add(key)
            found.add(key)
        self.absent.update(wanted.runs - found)
        for visit in visits:
            key4 = (visit.user_id, visit.scenario, visit.run, visit.step)
            self.visits[key4] = visit
            self.stored.add(key4)
        for user in wanted.users:
            self.sources[user] = sources.get(user, UNKNOWN_SOURCE)

    # -- rows -----------------------------------------------------------------------------

    def _existing_run(self, key: RunKey) -> RunRow | None:
        found = self.runs.get(key)
        if found is None and key not in self.absent:
            raise LookupError(f"run {key} was not loaded: call wanted() and load() first")
        return found

    def _run(self, f: Fact) -> RunRow:
        key = (f.user_id, f.scenario, f.run)
        found = self._existing_run(key)
        if found is not None:
            return found
        created = RunRow(
            user_id=f.user_id,
            scenario=f.scenario,
            run=f.run,
            version=f.version,
            locale=f.locale,
            source=self.sources.get(f.user_id, UNKNOWN_SOURCE),
            day=day_of(f.at_ms),
            started_ms=f.at_ms,
            start_step=f.step,
            from_version=f.from_version if f.kind == "run_started" else None,
            last_step=None,
            last_ms=f.at_ms,
        )
        self.runs[key] = created
        self.absent.discard(key)
        counts = self._run_counts(created)
        counts[0] += 1
        counts[2 if created.from_version else 1] += 1
        return created

    def _visit(self, run: RunRow, f: Fact) -> VisitRow | None:
        if f.step is None:
            return None
        key = (run.user_id, run.scenario, run.run, f.step)
        found = self.visits.get(key)
        if found is not None:
            return found
        created = VisitRow(
            user_id=run.user_id,
            scenario=run.scenario,
            run=run.run,
            step=f.step,
            version=run.version,
            day=run.day,
            locale=run.locale,
            source=run.source,
            first_ms=f.at_ms,
        )
        self.visits[key] = created
        run.steps += 1
        self._step_counts(created)[0] += 1
        return created

    # -- counters -------------------------------------------------------------------------

    def _counter(self, table: str, key: tuple[Any, ...]) -> list[int]:
        counts = self.counts[table].get(key)
        if counts is None:
            counts = self.counts[table][key] = [0] * len(COUNTER_TABLES[table][1])
        return counts

    def _run_key(self, run: RunRow) -> tuple[Any, ...]:
        return (run.scenario, run.version, run.day, run.locale, run.source)

    def _run_counts(self, run: RunRow) -> list[int]:
        return self._counter("run_daily", self._run_key(run))

    def _step_key(self, v: VisitRow) -> tuple[Any, ...]:
        return (v.scenario, v.version, v.day, v.locale, v.source, v.step)

    def _step_counts(self, v: VisitRow) -> list[int]:
        return self._counter("step_daily", self._step_key(v))

    def _bump(self, v: VisitRow, name: str, by: int = 1) -> None:
        self._step_counts(v)[STEP_COUNTERS.index(name)] += by

    def _struggle(self, v: VisitRow) -> None:
        if not v.struggled:
            v.struggled = 1
            self._bump(v, "struggled")

    def _end(self, run: RunRow, outcome: str, at_ms: int) -> bool:
        if run.outcome not in (None, "blocked"):
            return False
        run.outcome, run.ended_ms = outcome, at_ms
        self._run_counts(run)[RUN_COUNTERS.index(outcome)] += 1
        return True

    # -- applying facts -------------------------------------------------------------------

    def add(self, facts: Iterable[Fact]) -> None:
        for f in facts:
            self.apply(f)

    def apply(self, f: Fact) -> None:
        if f.kind in LOOP_KINDS:
            self._apply_loop(f)
            return
        run = self._run(f)
        if f.kind != "bot_blocked":
            self._resume(run)
        if f.at_ms > run.last_ms:
            run.max_gap_ms = max(run.max_gap_ms, f.at_ms - run.last_ms)
            run.last_ms = f.at_ms
        if run.outcome == "blocked" and f.kind != "bot_blocked":
            run.outcome, run.ended_ms = None, None  # they unblocked the bot and went on
        visit = self._visit(run, f)
        kind = f.kind
        if (kind in ("run_started", "step_shown") and f.step is not None) or run.last_step is None:
            run.last_step = f.step
        if visit is not None:
            self._apply_to_visit(visit, f)
        if kind == "run_started" and f.from_version and f.run > 1:
            previous = self._existing_run((f.user_id, f.scenario, f.run - 1))
            if previous is not None:
                self._resume(previous)  # the learner came back, and a new version took over
                self._end(previous, "superseded", f.at_ms)
        elif kind == "run_completed":
            if self._end(run, "completed", f.at_ms):
                if run.reminded_step is not None:
                    self._counter("reminder_daily", (*self._run_key(run), run.reminded_step))[
                        2
                    ] += 1
                if not run.from_version:
                    seconds = bucket_seconds(f.at_ms - run.started_ms)
                    pause = bucket_seconds(run.max_gap_ms)
                    self._counter("complete_times", (*self._run_key(run), pause, seconds))[0] += 1
        elif kind == "run_restarted":
            if self._end(run, "restarted", f.at_ms) and visit is not None:
                self._bump(visit, "restarted")
        elif kind == "rated":
            if run.score is None and f.score is not None:
                run.score = f.score
                counts = self._run_counts(run)
                counts[RUN_COUNTERS.index("rated")] += 1
                counts[len(RUN_COUNTERS)] += f.score
        elif kind == "bot_blocked" and run.outcome is None:
            run.outcome, run.ended_ms = "blocked", f.at_ms
        last = self.visits.get((run.user_id, run.scenario, run.run, run.last_step or ""))
        if last is not None:
            run.last_struggled = last.struggled

    def _resume(self, run: RunRow) -> None:
        """The learner acted in the run: its latest reminder, if still waiting, worked."""
        if run.reminded_step is not None and not run.resumed:
            run.resumed = 1
            self._counter("reminder_daily", (*self._run_key(run), run.reminded_step))[1] += 1

    def _apply_loop(self, f: Fact) -> None:
        """A learning-loop fact, counted under its run's scenario, version, day, language and
        source; the run itself is left as it was (not activity)."""
        run = self._existing_run((f.user_id, f.scenario, f.run))
        if run is None:
            return  # a run never recorded: nothing to count it under
        key = self._run_key(run)
        match f.kind:
            case "reminder_sent":
                step = f.step or run.last_step
                if step is not None:
                    run.reminded_step, run.resumed = step, 0
                    self._counter("reminder_daily", (*key, step))[0] += 1
            case "review_answered":
                if f.step is not None and f.elapsed_days is not None:
                    counts = self._counter("review_daily", (*key, f.step, max(0, f.elapsed_days)))
                    counts[0] += 1
                    counts[1] += int(f.correct == 1)
            case "followup_asked":
                if not run.followup_asked:
                    run.followup_asked = 1
                    self._counter("followup_daily", key)[0] += 1
            case "followup_answered":
                if run.followup is None and f.outcome in FOLLOWUP_OUTCOMES:
                    run.followup = f.outcome
                    counts = self._counter("followup_daily", key)
                    counts[1] += 1
                    counts[2 + FOLLOWUP_OUTCOMES.index(f.outcome)] += 1
            case "followup_problem":
                if run.followup == "problem" and run.followup_problem is None and f.problem:
                    run.followup_problem = f.problem
                    self._counter("followup_problems", (*key, f.problem))[0] += 1

    def _apply_to_visit(self, v: VisitRow, f: Fact) -> None:
        match f.kind:
            case "run_started":
                if f.from_version:
                    self._bump(v, "carried")
            case "answer_given":
                first = not v.answered
                if first:
                    v.answered, v.first_correct, v.first_elapsed_ms = 1, f.correct, f.elapsed_ms
                    self._bump(v, "answered")
                    self._time(v, f.elapsed_ms)
                    if f.correct == 0:
                        self._bump(v, "wrong_first")
                        self._struggle(v)
                    if f.confidence in ("sure", "guessing") and f.option is not None:
                        self._confidence(v, f)
                if not v.corrected and f.correct is not None:
                    v.answers += 1
                    if f.correct:
                        v.corrected = 1
                        self._bump(v, "corrected")
                        self._bump(v, "attempts", v.answers)
                if f.option is not None:
                    counts = self._counter("option_daily", (*self._step_key(v), f.option))
                    counts[0] += 1
                    counts[1] += int(f.correct == 0)
                    counts[2] += int(first)
            case "text_answered":
                if not v.answered:
                    v.answered, v.first_elapsed_ms = 1, f.elapsed_ms
                    self._bump(v, "answered")
                    self._time(v, f.elapsed_ms)
            case "answer_revealed":
                if not v.revealed:
                    v.revealed = 1
                    self._bump(v, "revealed")
            case "help_asked":
                if not v.help:
                    v.help = 1
                    self._bump(v, "help")
                    self._struggle(v)
                if f.level == 3 and not v.help_human:
                    v.help_human = 1
                    self._bump(v, "help_human")
            case "text_typed":
                if not v.typed:
                    v.typed = 1
                    self._bump(v, "typed")
                    self._struggle(v)
            case "language_changed":
                if not v.switched:
                    v.switched = 1
                    self._bump(v, "switched")

    def _confidence(self, v: VisitRow, f: Fact) -> None:
        """A first answer given with a confidence: sure or guessing, and whether wrong."""
        counts = self._counter("confidence_daily", (*self._step_key(v), f.option))
        sure = f.confidence == "sure"
        counts[0 if sure else 1] += 1
        if f.correct == 0:
            counts[2 if sure else 3] += 1

    def _time(self, v: VisitRow, elapsed_ms: int | None) -> None:
        if elapsed_ms is not None:
            key = (*self._step_key(v), bucket_seconds(elapsed_ms))
            self._counter("answer_times", key)[0] += 1

    # -- handing over ---------------------------------------------------------------------

    def take(self) -> Delta:
        """Every changed row and counter since the last take; the cache starts empty again
        (the tables hold them now)."""
        delta = Delta(
            new_runs=[r for k, r in self.runs.items() if k not in self.stored],
            changed_runs=[r for k, r in self.runs.items() if k in self.stored],
            new_visits=[v for k, v in self.visits.items() if k not in self.stored],
            changed_visits=[v for k, v in self.visits.items() if k in self.stored],
            counts={t: c for t, c in self.counts.items() if c},
        )
        self.counts = {t: {} for t in COUNTER_TABLES}
        self.discard()
        return delta

    def discard(self) -> None:
        """Forget cached rows and pending counts: after a take, or a rolled-back transaction."""
        self.runs.clear()
        self.visits.clear()
        self.absent.clear()
        self.stored.clear()
        self.sources.clear()
        for counts in self.counts.values():
            counts.clear()
