"""Spaced review on FSRS: who enters, the schedule pinned against fsrs itself, what a review
message carries, and what answering it does."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs
import pytest

from bot.core import actions, events, review
from bot.core.learning import Confidence
from bot.core.model import QuestionStep
from bot.core.review import DAY_MS, Recall, ReviewCard
from tests.core.test_engine import SPEC, keys_of, make

SCENARIO = make()
V = SCENARIO.version
START = 1_767_261_600_000  # 2026-01-01 10:00 UTC


def wrong_at(ms: int) -> Recall:
    return Recall(ms, correct=False)


def right_at(ms: int, confidence: Confidence | None = None) -> Recall:
    return Recall(ms, correct=True, confidence=confidence)


# -- who enters review, and the rating of an answer -------------------------------------------


@pytest.mark.parametrize(
    ("first", "enters"),
    [
        (Recall(0, False), True),
        (Recall(0, False, Confidence.SURE), True),
        (Recall(0, False, Confidence.GUESSING), True),
        (Recall(0, True, Confidence.GUESSING), True),
        (Recall(0, True, Confidence.SURE), False),
        (Recall(0, True), False),
    ],
)
def test_wrong_or_guessed_first_answers_enter_review(first: Recall, enters: bool) -> None:
    assert review.enters_review(first) is enters
    assert (review.enter("demo", "pin", 1, first) is not None) is enters


@pytest.mark.parametrize(
    ("correct", "confidence", "rating"),
    [
        (False, None, fsrs.Rating.Again),
        (False, Confidence.SURE, fsrs.Rating.Again),
        (False, Confidence.GUESSING, fsrs.Rating.Again),
        (True, Confidence.GUESSING, fsrs.Rating.Hard),
        (True, Confidence.SURE, fsrs.Rating.Good),
        (True, None, fsrs.Rating.Good),
    ],
)
def test_rating_mapping(correct: bool, confidence: Confidence | None, rating: fsrs.Rating) -> None:
    assert review.rating(correct, confidence) == rating


# -- the schedule, against fsrs itself --------------------------------------------------------


def reference(ratings: list[tuple[int, fsrs.Rating]]) -> list[int]:
    """Due times straight from fsrs: the same scheduler settings, reviewed by hand."""
    scheduler = fsrs.Scheduler(
        desired_retention=0.9,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=365,
        enable_fuzzing=False,
    )
    moment = datetime.fromtimestamp(ratings[0][0] / 1000, tz=UTC)
    card = fsrs.Card(card_id=1, due=moment)
    dues = []
    for at_ms, rating in ratings:
        when = datetime.fromtimestamp(at_ms / 1000, tz=UTC)
        card, _ = scheduler.review_card(card, rating, review_datetime=when)
        dues.append(round(card.due.timestamp() * 1000))
    return dues


def walk(first: Recall, answers: list[bool], late_days: int = 0) -> list[ReviewCard]:
    """A learner who answers every review `late_days` after it is due."""
    card = review.enter("demo", "pin", 1, first)
    assert card is not None
    cards = [card]
    for correct in answers:
        card = review.record(card, Recall(card.due_ms + late_days * DAY_MS, correct))
        cards.append(card)
    return cards


def test_schedule_matches_fsrs_and_round_trips_through_json() -> None:
    answers = [True, True, True, False, True, True]
    cards = walk(wrong_at(START), answers, late_days=1)
    ratings = [(START, fsrs.Rating.Again)] + [
        (c.last_ms, fsrs.Rating.Good if ok else fsrs.Rating.Again)
        for c, ok in zip(cards[1:], answers, strict=True)
    ]
    assert [c.due_ms for c in cards] == reference(ratings)
    for card in cards:
        assert ReviewCard.from_json(json.loads(json.dumps(card.to_json()))) == card
    # Rebuilding from the whole history gives the same card as answer by answer.
    reviews = zip(cards[1:], answers, strict=True)
    history = [wrong_at(START)] + [Recall(c.last_ms, ok) for c, ok in reviews]
    assert review.replay("demo", "pin", 1, history) == cards[-1]


def test_intervals_grow_with_each_right_answer_and_shrink_after_a_lapse() -> None:
    cards = walk(wrong_at(START), [True] * 6 + [False, True])
    days = [c.scheduled_days for c in cards]
    # fsrs 6 with its default parameters: pinned so an upgrade that changes them shows here.
    assert days == [1, 2, 6, 17, 44, 102, 220, 5, 9]
    assert days[:7] == sorted(days[:7]) and len(set(days[:7])) == 7
    assert days[7] < days[6] / 10  # the lapse
    assert (cards[-1].reviews, cards[-1].lapses) == (8, 1)
    assert all(c.due_ms % DAY_MS == START % DAY_MS for c in cards)  # whole days, same hour


def test_guessing_right_comes_back_sooner_than_knowing() -> None:
    guessed = review.enter("demo", "pin", 1, right_at(START, Confidence.GUESSING))
    assert guessed is not None
    hard = review.record(guessed, right_at(guessed.due_ms, Confidence.GUESSING))
    good = review.record(guessed, right_at(guessed.due_ms, Confidence.SURE))
    assert hard.due_ms < good.due_ms
    assert [hard.due_ms, good.due_ms] == reference(
        [(START, fsrs.Rating.Hard), (guessed.due_ms, fsrs.Rating.Hard)]
    )[1:] + reference([(START, fsrs.Rating.Hard), (guessed.due_ms, fsrs.Rating.Good)])[1:]


def test_the_card_holds_no_text() -> None:
    card = walk(wrong_at(START), [True])[-1]
    data = card.to_json()
    assert set(data) == {
        "scenario",
        "step",
        "run",
        "due_ms",
        "last_ms",
        "stability",
        "difficulty",
        "reviews",
        "lapses",
    }
    assert all(
        isinstance(v, int | float) for k, v in data.items() if k not in ("scenario", "step")
    )
    with pytest.raises(ValueError, match="due_ms"):
        ReviewCard.from_json({**data, "due_ms": "soon"})


# -- what a review message carries ------------------------------------------------------------

TWO_QUESTIONS: dict[str, Any] = copy.deepcopy(SPEC)
TWO_QUESTIONS["steps"].insert(
    1,
    {
        "id": "card",
        "kind": "question",
        "next": "pin",
        "options": [{"id": "keep", "correct": True}, {"id": "leave"}, {"id": "give"}],
    },
)
TWO_QUESTIONS["steps"][0]["next"] = "card"
BOTH = make(TWO_QUESTIONS)


def card(step: str, due_ms: int, scenario: str = "demo") -> ReviewCard:
    return ReviewCard(scenario, step, 1, due_ms, due_ms - DAY_MS, 1.0, 5.0)


def test_due_picks_the_most_overdue_and_one_more_of_the_same_topic() -> None:
    now = START
    cards = [
        card("pin", now - 3 * DAY_MS),
        card("card", now - DAY_MS),
        card("intro", now - 9 * DAY_MS),  # not a question (any more): skipped
        card("pin", now - 5 * DAY_MS, scenario="other"),  # most overdue, topic gone: skipped
        card("fork", now + DAY_MS),
    ]
    picked = review.due(cards, now, {"demo": BOTH})
    assert [c.step for c in picked] == ["pin", "card"]
    assert review.due(cards, now, {"demo": BOTH}, limit=1) == (cards[0],)
    assert review.due(cards, now - 4 * DAY_MS, {"demo": BOTH}) == ()
    assert review.next_due_ms(cards) == now - 9 * DAY_MS
    assert review.next_due_ms([]) is None


def test_due_keeps_one_topic_per_message() -> None:
    renamed: dict[str, object] = {**SPEC, "id": "other"}
    other = make(renamed)
    cards = [card("pin", START - DAY_MS, "other"), card("pin", START - 2 * DAY_MS)]
    picked = review.due(cards, START, {"demo": SCENARIO, "other": other})
    assert [(c.scenario, c.step) for c in picked] == [("demo", "pin")]


def test_options_are_shuffled_by_the_seed_alone() -> None:
    question = BOTH.steps["card"]
    assert isinstance(question, QuestionStep)
    orders = {tuple(o.id for o in review.shuffled_options(question, seed)) for seed in range(40)}
    assert len(orders) == 6  # every order of three options turns up
    assert review.shuffled_options(question, 1) == review.shuffled_options(question, 1)
    # Pinned: str seeds hash the same in every process, whatever PYTHONHASHSEED says.
    assert [o.id for o in review.shuffled_options(question, 1)] == ["leave", "keep", "give"]


def test_message_is_one_reply_per_question_under_one_header() -> None:
    cards = [card("pin", START), card("card", START)]
    first, second = review.message(BOTH, cards, seed=1)
    assert keys_of(first) == ["review-header", "pin"]
    assert first.parts[0].args["count"] == 2
    assert first.parts[0].args["title"].key == "title"
    assert keys_of(second) == ["card"]
    assert (first.step, second.step) == ("pin", "card")
    options = [b.action for row in second.buttons[:-1] for b in row]
    assert options == [actions.ReviewAnswer("demo", V_BOTH, "card", o) for o in ORDER]
    assert [b.action for b in second.buttons[-1]] == [actions.StopReviews()]
    assert all(actions.StopReviews() not in [b.action for b in row] for row in first.buttons)


V_BOTH = BOTH.version
ORDER = ["leave", "keep", "give"]


# -- answering ---------------------------------------------------------------------------------


def press(option: str, step: str = "pin") -> actions.ReviewAnswer:
    return actions.ReviewAnswer("demo", V, step, option)


def test_right_answer_gives_feedback_and_the_next_date() -> None:
    due = walk(wrong_at(START), [])[-1]
    now = due.due_ms + 2 * DAY_MS
    result = review.answer(SCENARIO, due, press("shield"), "ru", now)
    assert result.card == review.record(due, right_at(now))
    (reply,) = result.replies
    assert keys_of(reply) == ["pin--shield.feedback", "review-next"]
    assert reply.parts[-1].args == {"days": result.card.scheduled_days}
    (fact,) = result.events
    assert fact == events.ReviewAnswered(
        scenario="demo",
        version=V,
        run=1,
        step="pin",
        locale="ru",
        at_ms=now,
        option="shield",
        correct=True,
        review=1,
        elapsed_days=3,
        scheduled_days=1,
    )


def test_wrong_answer_shows_the_right_one() -> None:
    due = walk(wrong_at(START), [])[-1]
    result = review.answer(SCENARIO, due, press("aloud"), "en", due.due_ms)
    assert keys_of(result.replies[0]) == [
        "pin--aloud.feedback",
        "answer-revealed",
        "pin--shield",
        "review-next",
    ]
    assert result.card is not None and result.card.lapses == 1
    assert result.events[0].correct is False  # type: ignore[attr-defined]


def test_pressing_an_answered_review_again_changes_nothing() -> None:
    due = walk(wrong_at(START), [])[-1]
    answered = review.answer(SCENARIO, due, press("shield"), "en", due.due_ms).card
    assert answered is not None
    again = review.answer(SCENARIO, answered, press("aloud"), "en", due.due_ms + 1)
    assert again.card == answered and again.events == ()
    assert keys_of(again.replies[0]) == ["review-already-answered"]


def test_a_removed_question_drops_the_card_and_a_removed_option_asks_again() -> None:
    due = walk(wrong_at(START), [])[-1]
    gone = review.answer(None, due, press("shield"), "en", due.due_ms)
    assert gone.card is None and gone.events == ()
    assert keys_of(gone.replies[0]) == ["review-gone"]
    stale = review.answer(SCENARIO, due, press("forged"), "en", due.due_ms)
    assert stale.card == due and stale.events == ()
    assert keys_of(stale.replies[0]) == ["stale-button"]
    assert keys_of(stale.replies[1]) == ["review-header", "pin"]


def test_scheduler_uses_no_clock() -> None:
    """Same history, same card, whenever it is computed (fsrs would read the clock for a
    card id or a missing date, and fuzz with random())."""
    first = walk(wrong_at(START), [True, True])
    assert walk(wrong_at(START), [True, True]) == first
    assert timedelta(milliseconds=first[-1].due_ms - first[-1].last_ms).days == 6
