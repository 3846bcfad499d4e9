"""Spaced review: which questions come back, and when, on the FSRS model (the `fsrs` package).

A question enters review when the learner's first answer to it was wrong, or right but
"guessing". From then on its memory state is a `ReviewCard`: a few numbers, no text. Every
answer moves it with the rating below, and FSRS says when it is next due:

| answer | FSRS rating | why |
|---|---|---|
| wrong (sure, guessing or not asked) | Again | a lapse; the feedback has just taught it |
| right, guessing | Hard | recalled, but not reliably: a shorter interval than Good |
| right, sure (or not asked) | Good | recalled: the interval grows |

Easy is never used: one tap on the right option among a few does not show effortless recall,
and Easy would stretch the intervals after a lucky pick.

The scheduler runs without learning steps and without fuzz: every interval is whole days
(FSRS's own interval for the card's stability, at 90 % desired retention, at least 1 day),
so no review comes minutes later, and the same history always gives the same schedule.
Pure: no clock, no randomness but a seeded shuffle, no I/O.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler, State

from bot.core import actions, events, keys
from bot.core.learning import Confidence
from bot.core.model import Option, QuestionStep
from bot.core.replies import Button, Reply, Text
from bot.core.scenario import Scenario

DAY_MS = 86_400_000
DESIRED_RETENTION = 0.9
"""The chance of recalling a question when it comes back (FSRS's default)."""
MAXIMUM_INTERVAL_DAYS = 365
"""A question answered right for long enough comes back at most once a year."""
QUESTIONS_PER_MESSAGE = 2

SCHEDULER = Scheduler(
    desired_retention=DESIRED_RETENTION,
    learning_steps=(),
    relearning_steps=(),
    maximum_interval=MAXIMUM_INTERVAL_DAYS,
    enable_fuzzing=False,
)
"""FSRS with its default parameters, in whole days (see the module docstring)."""


@dataclass(frozen=True)
class Recall:
    """One answer to a question: in the run (the first) or in a review."""

    at_ms: int
    correct: bool
    confidence: Confidence | None = None


@dataclass(frozen=True)
class ReviewCard:
    """One question's memory state for one learner: what to persist between reviews.

    `run` is the run in which the question entered review: review events belong to it."""

    scenario: str
    step: str
    run: int
    due_ms: int
    last_ms: int
    stability: float
    difficulty: float
    reviews: int = 0
    """Review answers so far (the answer that made it enter review is not one)."""
    lapses: int = 0
    """Wrong review answers so far."""

    def to_json(self) -> dict[str, str | int | float]:
        """A small JSON object: ids, whole numbers and two FSRS figures, never a text."""
        return {
            "scenario": self.scenario,
            "step": self.step,
            "run": self.run,
            "due_ms": self.due_ms,
            "last_ms": self.last_ms,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "reviews": self.reviews,
            "lapses": self.lapses,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> ReviewCard:
        def number(name: str) -> float:
            value = data[name]
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError(f"review card field {name!r} is not a number: {value!r}")
            return value

        def text(name: str) -> str:
            value = data[name]
            if not isinstance(value, str):
                raise ValueError(f"review card field {name!r} is not text: {value!r}")
            return value

        return cls(
            scenario=text("scenario"),
            step=text("step"),
            run=int(number("run")),
            due_ms=int(number("due_ms")),
            last_ms=int(number("last_ms")),
            stability=float(number("stability")),
            difficulty=float(number("difficulty")),
            reviews=int(number("reviews")),
            lapses=int(number("lapses")),
        )

    @property
    def scheduled_days(self) -> int:
        """The interval FSRS chose at the last answer, in days."""
        return (self.due_ms - self.last_ms) // DAY_MS


def rating(correct: bool, confidence: Confidence | None = None) -> Rating:
    """The FSRS rating of one answer (the table in the module docstring)."""
    if not correct:
        return Rating.Again
    return Rating.Hard if confidence is Confidence.GUESSING else Rating.Good


def enters_review(first: Recall) -> bool:
    """A question comes back when the first answer was wrong, or right by the learner's
    own admission a guess."""
    return not first.correct or first.confidence is Confidence.GUESSING


def enter(scenario: str, step: str, run: int, first: Recall) -> ReviewCard | None:
    """The card of a question after the learner's first answer to it, or None when that
    answer does not make it come back."""
    if not enters_review(first):
        return None
    new = Card(card_id=0, due=_datetime(first.at_ms))  # a fixed id: fsrs would read the clock
    return _after(ReviewCard(scenario, step, run, 0, 0, 0.0, 0.0), new, first)


def record(card: ReviewCard, answer: Recall) -> ReviewCard:
    """The card after a review answer."""
    state = Card(
        card_id=0,
        state=State.Review,
        step=None,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_datetime(card.due_ms),
        last_review=_datetime(card.last_ms),
    )
    reviewed = _after(card, state, answer)
    return replace(reviewed, reviews=card.reviews + 1, lapses=card.lapses + (not answer.correct))


def replay(scenario: str, step: str, run: int, history: Sequence[Recall]) -> ReviewCard | None:
    """The card from a question's whole answer history (the first answer, then reviews), in
    time order; None when the first answer did not make it enter review."""
    if not history:
        return None
    card = enter(scenario, step, run, history[0])
    for answer in history[1:]:
        if card is None:
            return None
        card = record(card, answer)
    return card


def _after(card: ReviewCard, state: Card, answer: Recall) -> ReviewCard:
    reviewed, _log = SCHEDULER.review_card(
        state, rating(answer.correct, answer.confidence), review_datetime=_datetime(answer.at_ms)
    )
    assert reviewed.stability is not None and reviewed.difficulty is not None
    return replace(
        card,
        due_ms=_ms(reviewed.due),
        last_ms=answer.at_ms,
        stability=reviewed.stability,
        difficulty=reviewed.difficulty,
    )


def _datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


# -- what goes out, and when -----------------------------------------------------------------


def next_due_ms(cards: Iterable[ReviewCard]) -> int | None:
    """When the next review message is due: the earliest card, or None without cards."""
    return min((c.due_ms for c in cards), default=None)


def due(
    cards: Iterable[ReviewCard],
    now_ms: int,
    scenarios: Mapping[str, Scenario],
    limit: int = QUESTIONS_PER_MESSAGE,
) -> tuple[ReviewCard, ...]:
    """The questions one review message carries at `now_ms`: the most overdue question, and
    up to `limit` - 1 more due ones of the same topic, so the message has one header. A card
    whose question no longer exists is skipped (`answer` drops it when pressed)."""
    ready = sorted(
        (c for c in cards if c.due_ms <= now_ms and _question(scenarios, c) is not None),
        key=lambda c: (c.due_ms, c.scenario, c.step),
    )
    if not ready:
        return ()
    topic = ready[0].scenario
    return tuple(c for c in ready if c.scenario == topic)[:limit]


def shuffled_options(step: QuestionStep, seed: int) -> tuple[Option, ...]:
    """The options in an order that depends only on `seed` and the question, so a message
    built twice (a retry, a replay) is the same, and the right answer is not where the run
    put it."""
    options = list(step.options)
    random.Random(f"{seed}:{step.id}").shuffle(options)  # str seeds hash the same everywhere
    return tuple(options)


def message(scenario: Scenario, cards: Sequence[ReviewCard], seed: int) -> tuple[Reply, ...]:
    """The review: one message per question (each with its own options), the first under
    "Quick review: <topic>", the last with "Stop reviews"."""
    questions = [(c, q) for c in cards if (q := _question({scenario.id: scenario}, c))]
    replies: list[Reply] = []
    for index, (card, question) in enumerate(questions):
        parts = [Text(keys.step(question.id), catalogue=scenario.id)]
        if index == 0:
            title = Text(keys.TITLE, catalogue=scenario.id)
            parts.insert(0, Text("review-header", args={"title": title, "count": len(questions)}))
        rows: list[tuple[Button, ...]] = [
            (
                Button(
                    Text(keys.option(question.id, o.id), catalogue=scenario.id),
                    actions.ReviewAnswer(scenario.id, scenario.version, question.id, o.id),
                ),
            )
            for o in shuffled_options(question, seed)
        ]
        if index == len(questions) - 1:
            rows.append((Button(Text("button-stop-reviews"), actions.StopReviews()),))
        replies.append(Reply(parts=tuple(parts), buttons=tuple(rows), step=card.step))
    return tuple(replies)


@dataclass(frozen=True)
class ReviewResult:
    """What a review answer does: the card to store (None: delete it), replies, events."""

    card: ReviewCard | None
    replies: tuple[Reply, ...] = ()
    events: tuple[events.Event, ...] = ()


def answer(
    scenario: Scenario | None,
    card: ReviewCard,
    pressed: actions.ReviewAnswer,
    locale: str,
    now_ms: int,
) -> ReviewResult:
    """A pressed review option: the scenario's feedback at once, the right answer when it
    was wrong, when the question comes back, and the `review_answered` event.

    `scenario` is the current version (None once the topic is gone); the option is judged
    by it, whatever version the message was built from. A question that no longer exists
    drops the card; an option that no longer exists asks the question again; a card that is
    not due was answered already (an old message pressed twice) and changes nothing."""
    question = _question({scenario.id: scenario}, card) if scenario is not None else None
    if scenario is None or question is None:
        return ReviewResult(None, (Reply(parts=(Text("review-gone"),)),))
    if card.due_ms > now_ms:
        return ReviewResult(card, (Reply(parts=(Text("review-already-answered"),)),))
    option = next((o for o in question.options if o.id == pressed.option), None)
    if option is None:
        again = message(scenario, [card], seed=now_ms)
        return ReviewResult(card, (Reply(parts=(Text("stale-button"),)), *again))
    updated = record(card, Recall(now_ms, option.correct))
    fact = events.ReviewAnswered(
        scenario=scenario.id,
        version=scenario.version,
        run=card.run,
        step=question.id,
        locale=locale,
        at_ms=now_ms,
        option=option.id,
        correct=option.correct,
        review=updated.reviews,
        elapsed_days=(now_ms - card.last_ms) // DAY_MS,
        scheduled_days=card.scheduled_days,
    )
    parts = [
        Text(keys.option(question.id, option.id), catalogue=scenario.id, attribute="feedback")
    ]
    if not option.correct:
        right = next(o for o in question.options if o.correct)
        parts += [
            Text("answer-revealed"),
            Text(keys.option(question.id, right.id), catalogue=scenario.id),
        ]
    parts.append(Text("review-next", args={"days": updated.scheduled_days}))
    return ReviewResult(updated, (Reply(parts=tuple(parts), step=question.id),), (fact,))


def _question(scenarios: Mapping[str, Scenario], card: ReviewCard) -> QuestionStep | None:
    scenario = scenarios.get(card.scenario)
    step = scenario.steps.get(card.step) if scenario is not None else None
    return step if isinstance(step, QuestionStep) else None
