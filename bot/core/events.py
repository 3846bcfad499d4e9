"""The catalogue of append-only facts the engine and transports record.

Drop-off is never recorded: analytics derives it from these facts (see docs/metrics.md).
Nothing here holds typed text: free text is recorded as its length only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True, kw_only=True)
class Event:
    """Common context of every fact: which run of which scenario version, where, when."""

    kind: ClassVar[str] = "event"
    scenario: str
    version: str
    run: int
    step: str | None
    locale: str
    at_ms: int

    def details(self) -> dict[str, Any]:
        """The fields particular to this kind of event."""
        return {name: getattr(self, name) for name in _detail_names(type(self))}


@dataclass(frozen=True, kw_only=True)
class RunStarted(Event):
    """run_started: a new attempt at a scenario version; `from_version` set after an update."""

    kind: ClassVar[str] = "run_started"
    from_version: str | None = None


@dataclass(frozen=True, kw_only=True)
class StepShown(Event):
    """step_shown: a step was put in front of the user (again, after help or a language switch,
    counts once per run in reach)."""

    kind: ClassVar[str] = "step_shown"


@dataclass(frozen=True, kw_only=True)
class AnswerGiven(Event):
    """answer_given: an option chosen, whether it was right, which attempt, time since shown,
    and on a question that asks for it, how sure the learner said they were."""

    kind: ClassVar[str] = "answer_given"
    option: str
    correct: bool | None
    attempt: int
    elapsed_ms: int
    confidence: str | None = None


@dataclass(frozen=True, kw_only=True)
class AnswerRevealed(Event):
    """answer_revealed: the right answer was shown, after too many wrong attempts or, with
    `requested` True, because the learner asked for it once help had nothing more to give."""

    kind: ClassVar[str] = "answer_revealed"
    attempt: int
    requested: bool | None = None


@dataclass(frozen=True, kw_only=True)
class TextAnswered(Event):
    """text_answered: a free-text answer where one was asked for (length only)."""

    kind: ClassVar[str] = "text_answered"
    length: int
    elapsed_ms: int
    accepted: bool


@dataclass(frozen=True, kw_only=True)
class HelpAsked(Event):
    """help_asked: "I'm stuck"; level 1 hint, 2 explanation, 3 a human contact."""

    kind: ClassVar[str] = "help_asked"
    level: int


@dataclass(frozen=True, kw_only=True)
class TextInsteadOfButton(Event):
    """text_typed: text typed where buttons were expected (length only): a confusion signal."""

    kind: ClassVar[str] = "text_typed"
    length: int


@dataclass(frozen=True, kw_only=True)
class RunCompleted(Event):
    """run_completed: the end step was reached."""

    kind: ClassVar[str] = "run_completed"


@dataclass(frozen=True, kw_only=True)
class RunRestarted(Event):
    """run_restarted: the user abandoned this run on purpose to start again."""

    kind: ClassVar[str] = "run_restarted"


@dataclass(frozen=True, kw_only=True)
class LanguageChanged(Event):
    """language_changed: `locale` is the new language, `from_locale` the old one."""

    kind: ClassVar[str] = "language_changed"
    from_locale: str


@dataclass(frozen=True, kw_only=True)
class Rated(Event):
    """rated: a 1-5 rating at the end of a run."""

    kind: ClassVar[str] = "rated"
    score: int


@dataclass(frozen=True, kw_only=True)
class BotBlocked(Event):
    """bot_blocked: Telegram said the user blocked the bot; analytics tells it from drop-off."""

    kind: ClassVar[str] = "bot_blocked"


@dataclass(frozen=True, kw_only=True)
class ReviewAnswered(Event):
    """review_answered: a question answered in a spaced review message, days after the run.
    `step` is the question, `run` the run in which it entered review."""

    kind: ClassVar[str] = "review_answered"
    option: str
    correct: bool
    review: int
    """1 for the question's first review, 2 for the second..."""
    elapsed_days: int
    """Whole days since the learner last answered this question (in the run or a review)."""
    scheduled_days: int
    """The interval the schedule had planned; more than `elapsed_days` never, less when the
    review went out late (quiet hours, a busy outbox)."""


@dataclass(frozen=True, kw_only=True)
class FollowupAsked(Event):
    """followup_asked: "Did you manage to ...?" sent, `after_days` after the run completed.
    `run` is the completed run; `step` is None (no step: the run is over)."""

    kind: ClassVar[str] = "followup_asked"
    after_days: int


@dataclass(frozen=True, kw_only=True)
class FollowupAnswered(Event):
    """followup_answered: Yes (`done`), Not yet (`not_yet`) or Something went wrong
    (`problem`), for the completed `run`; `step` is None."""

    kind: ClassVar[str] = "followup_answered"
    outcome: str


@dataclass(frozen=True, kw_only=True)
class FollowupProblem(Event):
    """followup_problem: what went wrong, after `followup_answered` with `problem`: one of
    the scenario's problem ids, or `other`; `step` is None."""

    kind: ClassVar[str] = "followup_problem"
    problem: str


@dataclass(frozen=True, kw_only=True)
class ReminderSent(Event):
    """reminder_sent: the one "you stopped at step k of n" message, hours after the learner
    left `run` at `step` (still active). Not activity in the run: the learner did nothing."""

    kind: ClassVar[str] = "reminder_sent"
    shown: int
    """k: the steps the learner had seen in the run."""
    total: int
    """n: the steps a run of this scenario shows in all (its own path's estimate)."""


@dataclass(frozen=True, kw_only=True)
class ReviewSent(Event):
    """review_sent: a question went out in a spaced review message; `step` is the question,
    `run` the run in which it entered review. Not activity in the run."""

    kind: ClassVar[str] = "review_sent"
    review: int
    """1 for the question's first review, 2 for the second..."""


_DETAILS: dict[type[Event], tuple[str, ...]] = {}


def _detail_names(cls: type[Event]) -> tuple[str, ...]:
    """Field names particular to an event class, worked out once per class (on every
    commit's hot path)."""
    names = _DETAILS.get(cls)
    if names is None:
        common = {f.name for f in fields(Event)}
        names = _DETAILS[cls] = tuple(f.name for f in fields(cls) if f.name not in common)
    return names


CATALOGUE: tuple[type[Event], ...] = (
    RunStarted,
    StepShown,
    AnswerGiven,
    AnswerRevealed,
    TextAnswered,
    HelpAsked,
    TextInsteadOfButton,
    RunCompleted,
    RunRestarted,
    LanguageChanged,
    Rated,
    BotBlocked,
    ReviewAnswered,
    FollowupAsked,
    FollowupAnswered,
    FollowupProblem,
    ReminderSent,
    ReviewSent,
)
BY_KIND: dict[str, type[Event]] = {cls.kind: cls for cls in CATALOGUE}
