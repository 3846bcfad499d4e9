"""Confidence: "sure or guessing?" between a question's answer and its feedback."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from bot.core import actions, engine, events
from bot.core.learning import Confidence
from bot.core.progress import AskHelp, Choose, Progress, Start
from bot.core.scenario import Scenario
from tests.core.test_engine import SPEC, keys_of, kinds, make


def spec_with(setting: bool | None, question: bool | None = None) -> dict[str, Any]:
    spec = copy.deepcopy(SPEC)
    if setting is not None:
        spec["settings"]["confidence"] = setting  # type: ignore[index]
    if question is not None:
        spec["steps"][1]["confidence"] = question  # type: ignore[index]
    return spec


ON = make(spec_with(True))
V = ON.version


def at_pin(scenario: Scenario, shown_at_ms: int = 0) -> Progress:
    started = engine.step(scenario, Progress("demo"), Start(locale="en", now_ms=0)).progress
    return replace(started, step="pin", shown_at_ms=shown_at_ms)


def choose(option: str, confidence: Confidence | None = None, scenario: Scenario = ON) -> Choose:
    return Choose(
        step="pin",
        option=option,
        version=scenario.version,
        confidence=confidence,
        locale="en",
        now_ms=1_000,
    )


def test_first_tap_asks_how_sure_and_records_nothing() -> None:
    progress = at_pin(ON)
    result = engine.step(ON, progress, choose("aloud"))
    assert result.events == ()
    assert result.progress == progress
    (prompt,) = result.replies
    assert keys_of(prompt) == ["confidence-prompt"]
    assert prompt.step == "pin"
    (row,) = prompt.buttons  # two short buttons side by side: one row on any phone
    assert [b.label.key for b in row] == ["button-sure", "button-guessing"]
    assert [b.action for b in row] == [
        actions.Answer("demo", V, "pin", "aloud", Confidence.SURE),
        actions.Answer("demo", V, "pin", "aloud", Confidence.GUESSING),
    ]


def test_second_tap_records_the_answer_with_confidence_and_gives_feedback_at_once() -> None:
    result = engine.step(ON, at_pin(ON, shown_at_ms=400), choose("shield", Confidence.SURE))
    assert kinds(result) == ["answer_given", "step_shown"]
    answer = result.events[0]
    assert isinstance(answer, events.AnswerGiven)
    assert (answer.option, answer.correct, answer.confidence, answer.elapsed_ms) == (
        "shield",
        True,
        "sure",
        600,
    )
    assert keys_of(result.replies[0]) == ["pin--shield.feedback"]
    assert result.progress.step == "fork"


def test_confidently_wrong_is_recorded_as_such_and_retries_as_usual() -> None:
    result = engine.step(ON, at_pin(ON), choose("aloud", Confidence.SURE))
    answer = result.events[0]
    assert isinstance(answer, events.AnswerGiven)
    assert (answer.correct, answer.confidence, answer.attempt) == (False, "sure", 1)
    assert keys_of(result.replies[0])[:2] == ["pin--aloud.feedback", "try-again"]
    again = engine.step(ON, result.progress, choose("shield", Confidence.GUESSING))
    answer = again.events[0]
    assert isinstance(answer, events.AnswerGiven)
    assert (answer.correct, answer.confidence, answer.attempt) == (True, "guessing", 2)


def test_the_question_keyboard_stays_one_tap_per_option() -> None:
    """The options keep their full-width rows and plain Answer buttons; help too."""
    progress = at_pin(ON)
    helped = engine.step(ON, progress, AskHelp(step="pin", version=V, locale="en", now_ms=1))
    options = [b.action for row in helped.replies[0].buttons for b in row]
    assert actions.Answer("demo", V, "pin", "shield") in options
    assert all(getattr(a, "confidence", None) is None for a in options)


def test_without_the_setting_nothing_changes() -> None:
    off = make()
    result = engine.step(off, at_pin(off), choose("shield", scenario=off))
    assert kinds(result) == ["answer_given", "step_shown"]
    assert result.events[0].confidence is None  # type: ignore[attr-defined]
    # A forged confidence on a question that does not ask for it is not recorded.
    forged = engine.step(off, at_pin(off), choose("shield", Confidence.SURE, off))
    assert forged.events[0].confidence is None  # type: ignore[attr-defined]


def test_a_question_overrides_the_scenario_setting() -> None:
    only_pin = make(spec_with(None, question=True))
    asked = engine.step(only_pin, at_pin(only_pin), choose("aloud", scenario=only_pin))
    assert keys_of(asked.replies[0]) == ["confidence-prompt"]
    all_but_pin = make(spec_with(True, question=False))
    result = engine.step(all_but_pin, at_pin(all_but_pin), choose("aloud", scenario=all_but_pin))
    assert kinds(result) == ["answer_given", "step_shown"]


def test_choices_never_ask() -> None:
    progress = replace(at_pin(ON), step="fork")
    result = engine.step(
        ON, progress, Choose(step="fork", option="kept", version=V, locale="en", now_ms=1)
    )
    assert kinds(result) == ["answer_given", "step_shown"]


def test_turning_confidence_on_changes_the_computed_version_but_its_absence_does_not() -> None:
    assert make().version == "he16f72c"  # the hash before confidence existed
    assert make(spec_with(False)).version == "he16f72c"
    assert ON.version != "he16f72c"
