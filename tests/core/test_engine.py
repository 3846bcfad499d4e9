"""The engine on a hand-built scenario: every input kind and every error path."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core import actions, engine, events
from bot.core.model import ScenarioSpec
from bot.core.progress import (
    Advance,
    AskHelp,
    ChangeLanguage,
    Choose,
    FreeText,
    Input,
    Progress,
    Rate,
    Restart,
    Reveal,
    Start,
    Status,
)
from bot.core.replies import Reply
from bot.core.scenario import Scenario

SPEC = {
    "id": "demo",
    "objectives": ["learn"],
    "settings": {"reveal_after": 2},
    "steps": [
        {"id": "intro", "kind": "info", "next": "pin"},
        {
            "id": "pin",
            "kind": "question",
            "next": "fork",
            "options": [
                {"id": "shield", "correct": True},
                {"id": "aloud"},
                {"id": "stranger", "next": "lesson"},
            ],
        },
        {"id": "lesson", "kind": "info", "next": "pin"},
        {
            "id": "fork",
            "kind": "choice",
            "options": [{"id": "kept", "next": "write"}, {"id": "fine", "next": "done"}],
        },
        {"id": "write", "kind": "text", "min_length": 10, "next": "done"},
        {"id": "done", "kind": "end", "checklist": ["cover"]},
    ],
}
ATTRIBUTES = {
    "intro": frozenset(),
    "pin": frozenset({"hint", "explanation"}),
    "write": frozenset({"explanation", "feedback"}),
    "pin--shield": frozenset({"feedback"}),
    "pin--aloud": frozenset({"feedback"}),
    "pin--stranger": frozenset({"feedback"}),
    "fork--fine": frozenset({"feedback"}),
}


def make(spec: dict[str, object] | None = None) -> Scenario:
    return Scenario.build(ScenarioSpec.model_validate(spec or SPEC), "demo.yaml", ATTRIBUTES)


SCENARIO = make()
V = SCENARIO.version


def run(progress: Progress, inp: Input, scenario: Scenario = SCENARIO) -> engine.Result:
    return engine.step(scenario, progress, inp)


def kinds(result: engine.Result) -> list[str]:
    return [e.kind for e in result.events]


def keys_of(reply: Reply) -> list[str]:
    return [f"{p.key}.{p.attribute}" if p.attribute else p.key for p in reply.parts]


def started() -> Progress:
    return run(Progress("demo"), Start(locale="en", now_ms=0)).progress


def at_step(step: str, *, version: str = V, attempts: int = 0, shown_at_ms: int = 0) -> Progress:
    return replace(
        started(), step=step, version=version, attempts=attempts, shown_at_ms=shown_at_ms
    )


def test_start_shows_title_then_first_step() -> None:
    result = run(Progress("demo"), Start(locale="en", now_ms=5))
    assert kinds(result) == ["run_started", "step_shown"]
    assert result.progress == Progress(
        "demo", V, run=1, status=Status.ACTIVE, step="intro", shown_at_ms=5, shown=1
    )
    title, step = result.replies
    assert keys_of(title) == ["title", "description", "objectives-header", "list-item"]
    assert title.parts[-1].args["text"].key == "objective--learn"
    assert keys_of(step) == ["step-counter", "intro"]
    assert step.parts[0].args == {"current": 1, "total": 5}
    assert [b.action for row in step.buttons for b in row] == [
        actions.Next("demo", V, "intro"),
        actions.Help("demo", V, "intro"),
    ]
    assert all(e.run == 1 and e.version == V and e.locale == "en" for e in result.events)


def test_start_resumes_an_active_run() -> None:
    result = run(at_step("fork"), Start(locale="ru", now_ms=9))
    assert kinds(result) == ["step_shown"]
    assert result.progress.run == 1
    assert result.replies[-1].step == "fork"


def test_start_after_completion_begins_a_new_run() -> None:
    done = replace(started(), status=Status.COMPLETED, step="done")
    result = run(done, Start(locale="en", now_ms=1_000))
    assert kinds(result) == ["run_started", "step_shown"]
    assert result.progress.run == 2
    assert result.progress.step == "intro"


def test_advance_from_info() -> None:
    result = run(started(), Advance(step="intro", version=V, locale="en", now_ms=1_000))
    assert result.progress.step == "pin"
    assert kinds(result) == ["step_shown"]
    options = [b.action for row in result.replies[-1].buttons for b in row]
    assert actions.Answer("demo", V, "pin", "shield") in options


def test_correct_answer_gives_feedback_and_moves_on() -> None:
    progress = at_step("pin", shown_at_ms=400)
    result = run(
        progress, Choose(step="pin", option="shield", version=V, locale="en", now_ms=1_000)
    )
    feedback, shown = result.replies
    assert keys_of(feedback) == ["pin--shield.feedback"]
    assert shown.step == "fork"
    answer = result.events[0]
    assert isinstance(answer, events.AnswerGiven)
    assert (answer.option, answer.correct, answer.attempt, answer.elapsed_ms) == (
        "shield",
        True,
        1,
        600,
    )
    assert answer.step == "pin"


def test_wrong_answer_retries_then_reveals_after_n() -> None:
    first = run(
        at_step("pin"), Choose(step="pin", option="aloud", version=V, locale="en", now_ms=1_000)
    )
    assert first.progress.step == "pin" and first.progress.attempts == 1
    assert keys_of(first.replies[0])[:2] == ["pin--aloud.feedback", "try-again"]
    assert kinds(first) == ["answer_given", "step_shown"]
    second = run(
        first.progress, Choose(step="pin", option="aloud", version=V, locale="en", now_ms=1_000)
    )
    assert kinds(second) == ["answer_given", "answer_revealed", "step_shown"]
    assert second.events[0].attempt == 2  # type: ignore[attr-defined]
    assert keys_of(second.replies[0]) == [
        "pin--aloud.feedback",
        "answer-revealed",
        "pin--shield",
        "pin.explanation",
    ]
    assert second.progress.step == "fork" and second.progress.attempts == 0


def test_wrong_option_with_its_own_branch() -> None:
    result = run(
        at_step("pin"), Choose(step="pin", option="stranger", version=V, locale="en", now_ms=1_000)
    )
    assert result.progress.step == "lesson"
    assert result.events[0].correct is False  # type: ignore[attr-defined]


def test_choice_has_no_right_answer() -> None:
    result = run(
        at_step("fork"), Choose(step="fork", option="kept", version=V, locale="en", now_ms=1_000)
    )
    assert result.events[0].correct is None  # type: ignore[attr-defined]
    assert result.progress.step == "write"


@pytest.mark.parametrize(
    "inp",
    [
        Choose(step="intro", option="shield", version=V, locale="en", now_ms=1),
        Choose(step="pin", option="forged", version=V, locale="en", now_ms=1),
        Choose(step="pin", option="shield", version="old", locale="en", now_ms=1),
        Advance(step="intro", version=V, locale="en", now_ms=1),
        AskHelp(step="intro", version=V, locale="en", now_ms=1),
    ],
)
def test_stale_or_forged_buttons_reshow_the_current_step(inp: Input) -> None:
    progress = at_step("pin", attempts=1)
    result = run(progress, inp)
    assert keys_of(result.replies[0])[0] == "stale-button"
    assert result.replies[0].step == "pin"
    assert kinds(result) == ["step_shown"]
    assert result.progress.step == "pin" and result.progress.attempts == 1


def test_buttons_when_nothing_is_active() -> None:
    result = run(
        Progress("demo"), Choose(step="pin", option="shield", version=V, locale="en", now_ms=1_000)
    )
    assert keys_of(result.replies[0]) == ["stale-button"]
    assert result.events == ()
    assert result.progress == Progress("demo")


def test_typed_text_where_buttons_expected_is_recorded_by_length() -> None:
    result = run(at_step("pin"), FreeText(length=42, locale="en", now_ms=1_000))
    assert kinds(result) == ["text_typed", "step_shown"]
    assert result.events[0].length == 42  # type: ignore[attr-defined]
    assert keys_of(result.replies[0])[0] == "use-buttons"


def test_free_text_too_short_then_accepted() -> None:
    short = run(at_step("write"), FreeText(length=3, locale="en", now_ms=1_000))
    assert short.progress.step == "write"
    assert keys_of(short.replies[0]) == ["text-too-short"]
    assert short.replies[0].parts[0].args == {"minimum": 10}
    ok = run(short.progress, FreeText(length=80, locale="en", now_ms=1_000))
    assert kinds(ok) == ["text_answered", "step_shown", "run_completed"]
    assert keys_of(ok.replies[0]) == ["write.feedback"]
    assert ok.progress.status is Status.COMPLETED


def test_free_text_without_active_run() -> None:
    result = run(Progress("demo"), FreeText(length=5, locale="en", now_ms=1_000))
    assert keys_of(result.replies[0]) == ["no-active-run"]
    assert result.events == ()


def test_help_escalates_hint_explanation_human_then_stays_human() -> None:
    progress = at_step("pin")
    levels = []
    for _ in range(4):
        result = run(progress, AskHelp(step="pin", version=V, locale="en", now_ms=1_000))
        progress = result.progress
        levels.append(result.events[0].level)  # type: ignore[attr-defined]
        assert result.replies[0].step == "pin"
    assert levels == [1, 2, 3, 3]
    assert keys_of(result.replies[0]) == ["help-level", "help-human", "offer-answer"]


def test_help_skips_levels_a_step_does_not_have() -> None:
    progress = at_step("write")
    result = run(progress, AskHelp(locale="en", now_ms=1_000))
    assert result.events[0].level == 2  # type: ignore[attr-defined]
    assert keys_of(result.replies[0]) == ["help-level", "write.explanation"]
    result = run(at_step("intro"), AskHelp(locale="en", now_ms=1_000))
    assert result.events[0].level == 3  # type: ignore[attr-defined]


def test_help_resets_on_a_new_step() -> None:
    helped = run(at_step("pin"), AskHelp(locale="en", now_ms=1_000)).progress
    moved = run(
        helped, Choose(step="pin", option="shield", version=V, locale="en", now_ms=1_000)
    ).progress
    assert moved.help_level == 0


def test_help_without_active_run() -> None:
    result = run(Progress("demo"), AskHelp(locale="en", now_ms=1_000))
    assert keys_of(result.replies[0]) == ["help-general"]


def test_restart_records_and_starts_over() -> None:
    result = run(at_step("fork"), Restart(locale="en", now_ms=1_000))
    assert kinds(result) == ["run_restarted", "run_started", "step_shown"]
    assert result.events[0].run == 1 and result.events[1].run == 2
    assert result.events[0].step == "fork"
    assert result.progress.step == "intro"


def test_change_language_reshows_in_new_locale() -> None:
    result = run(at_step("pin"), ChangeLanguage(previous="en", locale="ru", now_ms=2))
    assert kinds(result) == ["language_changed", "step_shown"]
    changed = result.events[0]
    assert isinstance(changed, events.LanguageChanged)
    assert (changed.locale, changed.from_locale) == ("ru", "en")


def test_end_step_completes_and_rates_once() -> None:
    result = run(
        at_step("fork"), Choose(step="fork", option="fine", version=V, locale="en", now_ms=1_000)
    )
    end = result.replies[-1]
    assert keys_of(end) == ["done", "checklist-header", "list-item", "rate-prompt"]
    assert end.parts[2].args["text"].key == "done--cover"
    rate_buttons = [b.action for b in end.buttons[0]]
    assert rate_buttons == [actions.Rate("demo", V, s) for s in range(1, 6)]
    assert kinds(result)[-1] == "run_completed"
    rated = run(result.progress, Rate(score=4, version=V, locale="en", now_ms=1_000))
    assert kinds(rated) == ["rated"] and rated.events[0].score == 4  # type: ignore[attr-defined]
    again = run(rated.progress, Rate(score=1, version=V, locale="en", now_ms=1_000))
    assert again.events == ()
    assert keys_of(again.replies[0]) == ["rating-not-expected"]


def test_version_change_continues_at_same_step() -> None:
    progress = at_step("fork", version="old")
    result = run(
        progress, Choose(step="fork", option="fine", version=V, locale="en", now_ms=1_000)
    )
    started_event = result.events[0]
    assert isinstance(started_event, events.RunStarted)
    assert started_event.from_version == "old" and started_event.run == 2
    assert result.progress.version == V
    assert result.progress.step == "done"


def test_version_change_when_step_is_gone_restarts_with_apology() -> None:
    progress = at_step("vanished", version="old")
    result = run(
        progress, Choose(step="vanished", option="x", version="old", locale="en", now_ms=1_000)
    )
    assert keys_of(result.replies[0]) == ["scenario-changed-restart"]
    assert result.progress.step == "intro" and result.progress.version == V
    assert kinds(result) == ["run_started", "step_shown"]


def test_scenario_removed() -> None:
    result = engine.removed(at_step("pin"), Start(locale="en", now_ms=1_000))
    assert keys_of(result.replies[0]) == ["scenario-removed"]
    assert result.events == ()
    assert result.progress.status is Status.NEW


def test_choice_feedback_is_optional() -> None:
    result = run(
        at_step("fork"), Choose(step="fork", option="kept", version=V, locale="en", now_ms=1)
    )
    assert [r.step for r in result.replies] == ["write"]  # no feedback message before it


def test_step_removed_without_a_new_version_restarts_with_apology() -> None:
    progress = at_step("gone")
    result = run(progress, Start(locale="en", now_ms=1))
    assert keys_of(result.replies[0]) == ["scenario-changed-restart"]
    started = result.events[0]
    assert isinstance(started, events.RunStarted) and started.from_version is None
    assert result.progress.step == "intro" and result.progress.run == 2


def test_engine_is_pure() -> None:
    progress = at_step("pin")
    inp = Choose(step="pin", option="aloud", version=V, locale="en", now_ms=77)
    assert run(progress, inp) == run(progress, inp)


def counters(result: engine.Result) -> list[tuple[int, int]]:
    return [
        (p.args["current"], p.args["total"])
        for r in result.replies
        for p in r.parts
        if p.key == "step-counter"
    ]


def test_step_counter_counts_the_learners_own_path() -> None:
    """k grows by one on every move; n never grows on a forward move, only when a loop back
    is taken (by the loop's length), and never after a branch turns out shorter."""
    start = run(Progress("demo"), Start(locale="en", now_ms=0))
    seen = counters(start)
    progress = start.progress
    moves: list[Input] = [
        Advance(step="intro", version=V, locale="en", now_ms=1),
        Choose(step="pin", option="stranger", version=V, locale="en", now_ms=2),
        Advance(step="lesson", version=V, locale="en", now_ms=3),
        Choose(step="pin", option="shield", version=V, locale="en", now_ms=4),
        Choose(step="fork", option="kept", version=V, locale="en", now_ms=5),
    ]
    for inp in moves:
        result = run(progress, inp)
        progress = result.progress
        seen += counters(result)
    # intro, pin, lesson (the loop: two more steps), pin again, fork, write
    assert seen == [(1, 5), (2, 5), (3, 7), (4, 7), (5, 7), (6, 7)]


def test_step_counter_of_a_run_saved_before_steps_were_counted() -> None:
    legacy = replace(at_step("fork"), shown=0)
    result = run(legacy, Choose(step="fork", option="kept", version=V, locale="en", now_ms=1))
    assert counters(result) == [(4, 5)]  # fork is 3 moves from the start at the shortest


def test_resuming_says_welcome_back_with_the_step() -> None:
    progress = replace(at_step("fork"), shown=5)
    result = run(progress, Start(locale="en", now_ms=9))
    (reply,) = result.replies
    assert keys_of(reply) == ["welcome-back", "fork"]
    assert reply.parts[0].args == {"current": 5, "total": 7}


def test_after_the_last_help_the_answer_can_be_shown_and_the_learner_goes_on() -> None:
    progress = at_step("pin")
    for _ in range(3):
        result = run(progress, AskHelp(step="pin", version=V, locale="en", now_ms=1_000))
        progress = result.progress
    assert keys_of(result.replies[0]) == ["help-level", "help-human", "offer-answer"]
    reveal = actions.Reveal("demo", V, "pin")
    buttons = [b.action for row in result.replies[0].buttons for b in row]
    assert buttons[-2:] == [reveal, actions.Help("demo", V, "pin")]
    shown = run(progress, Reveal(step="pin", version=V, locale="en", now_ms=2_000))
    assert kinds(shown) == ["answer_revealed", "step_shown"]
    revealed = shown.events[0]
    assert isinstance(revealed, events.AnswerRevealed) and revealed.requested is True
    assert keys_of(shown.replies[0]) == ["answer-revealed", "pin--shield", "pin.explanation"]
    assert shown.progress.step == "fork"


def test_show_the_answer_is_offered_on_questions_only_and_checked() -> None:
    progress = at_step("write")
    for _ in range(2):
        result = run(progress, AskHelp(step="write", version=V, locale="en", now_ms=1))
        progress = result.progress
    assert "offer-answer" not in keys_of(result.replies[0])
    stale = run(at_step("fork"), Reveal(step="pin", version=V, locale="en", now_ms=1))
    assert keys_of(stale.replies[0])[0] == "stale-button"
    assert kinds(stale) == ["step_shown"]
