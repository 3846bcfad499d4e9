"""The follow-up: days after a completed run, "Did you manage to ...?" and, when something
went wrong, the scenario's own problems with their help. A small flow beside the engine:
buttons carry the run, so no progress is needed to answer."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import actions, events, keys
from bot.core.learning import OTHER_PROBLEM, Outcome
from bot.core.menu import menu_button
from bot.core.replies import Button, Reply, Text
from bot.core.scenario import Scenario

DAY_MS = 86_400_000


@dataclass(frozen=True)
class FollowupResult:
    """What to send and what to record; no progress changes."""

    replies: tuple[Reply, ...] = ()
    events: tuple[events.Event, ...] = ()


def due_at_ms(scenario: Scenario, completed_at_ms: int) -> int | None:
    """When to ask, for a run completed at `completed_at_ms`; None when the scenario has no
    follow-up. Quiet hours are the scheduler's business: it may send later, never earlier."""
    declared = scenario.spec.followup
    if declared is None:
        return None
    return completed_at_ms + declared.after_days * DAY_MS


def ask(scenario: Scenario, run: int, locale: str, now_ms: int) -> FollowupResult:
    """The question, for completed `run`: the topic, the scenario's own "Did you manage to
    ...?", Yes and Not yet side by side, Something went wrong on a row of its own."""
    declared = scenario.spec.followup
    if declared is None:
        return FollowupResult()
    sid, version = scenario.id, scenario.version

    def button(key: str, outcome: Outcome) -> Button:
        return Button(Text(key), actions.FollowupAnswer(sid, version, run, outcome))

    reply = Reply(
        parts=(
            Text(
                "followup-intro",
                args={"title": Text(keys.TITLE, catalogue=sid), "days": declared.after_days},
            ),
            Text(keys.FOLLOWUP, catalogue=sid),
        ),
        buttons=(
            (button("followup-yes", Outcome.DONE), button("followup-not-yet", Outcome.NOT_YET)),
            (button("followup-problem", Outcome.PROBLEM),),
        ),
    )
    fact = _event(
        scenario, run, locale, now_ms, events.FollowupAsked, after_days=declared.after_days
    )
    return FollowupResult((reply,), (fact,))


def respond(
    scenario: Scenario,
    pressed: actions.FollowupAnswer | actions.FollowupProblem,
    locale: str,
    now_ms: int,
) -> FollowupResult:
    """A follow-up button pressed: the reply, and `followup_answered` or `followup_problem`.

    Events carry the run and version from the button: the run that was followed up, even if
    the scenario changed since. The texts are the current version's."""
    if isinstance(pressed, actions.FollowupAnswer):
        return _answered(scenario, pressed, locale, now_ms)
    return _problem(scenario, pressed, locale, now_ms)


def _answered(
    scenario: Scenario, pressed: actions.FollowupAnswer, locale: str, now_ms: int
) -> FollowupResult:
    fact = _event(
        scenario,
        pressed.run,
        locale,
        now_ms,
        events.FollowupAnswered,
        version=pressed.version,
        outcome=pressed.outcome.value,
    )
    match pressed.outcome:
        case Outcome.DONE:
            reply = Reply(parts=(Text("followup-done"),), buttons=((menu_button(),),))
        case Outcome.NOT_YET:
            again = Button(Text("button-refresh-topic"), actions.Open(scenario.id))
            reply = Reply(
                parts=(Text("followup-not-yet-reply"),), buttons=((again,), (menu_button(),))
            )
        case Outcome.PROBLEM:
            reply = _problems(scenario, pressed.version, pressed.run)
    return FollowupResult((reply,), (fact,))


def _problems(scenario: Scenario, version: str, run: int, *lead: Text) -> Reply:
    """What happened? The scenario's problems, one per row, and Something else."""
    declared = scenario.spec.followup
    problems = [*(declared.problems if declared is not None else ()), OTHER_PROBLEM]
    rows = tuple(
        (
            Button(
                Text("followup-other")
                if problem == OTHER_PROBLEM
                else Text(keys.followup_problem(problem), catalogue=scenario.id),
                actions.FollowupProblem(scenario.id, version, run, problem),
            ),
        )
        for problem in problems
    )
    return Reply(parts=(*lead, Text("followup-which-problem")), buttons=rows)


def _problem(
    scenario: Scenario, pressed: actions.FollowupProblem, locale: str, now_ms: int
) -> FollowupResult:
    declared = scenario.spec.followup
    known = declared.problems if declared is not None else []
    if pressed.problem != OTHER_PROBLEM and pressed.problem not in known:
        # Removed from the scenario since, or forged: ask again from today's list.
        reply = _problems(scenario, pressed.version, pressed.run, Text("followup-outdated"))
        return FollowupResult((reply,))
    fact = _event(
        scenario,
        pressed.run,
        locale,
        now_ms,
        events.FollowupProblem,
        version=pressed.version,
        problem=pressed.problem,
    )
    if pressed.problem == OTHER_PROBLEM:
        parts: tuple[Text, ...] = (Text("followup-other-reply"),)
    else:
        key = keys.followup_problem(pressed.problem)
        parts = (Text(key, catalogue=scenario.id, attribute=keys.HELP), Text("followup-more-help"))
    return FollowupResult((Reply(parts=parts, buttons=((menu_button(),),)),), (fact,))


def _event(
    scenario: Scenario,
    run: int,
    locale: str,
    now_ms: int,
    cls: type[events.Event],
    version: str | None = None,
    **details: object,
) -> events.Event:
    return cls(
        scenario=scenario.id,
        version=version or scenario.version,
        run=run,
        step=None,
        locale=locale,
        at_ms=now_ms,
        **details,
    )
