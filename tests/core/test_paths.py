"""Every path through every shipped scenario, walked through the engine in both languages.

A *route* is a sequence of moves from the start to an end step: Next on an info step, an
answer on a text step, and every option of every question and choice that leads somewhere
(right answers, and wrong answers that branch). Coming back to a step already on the route
is a cut: the route takes that move once, then goes the shortest way to an end, so loops
terminate. Each route is walked with several *plans*:

- `help`: before every move, "I'm stuck" once per help level and once more (the last level
  repeats); at the end step too;
- `retry-k`: at every question, wrong option number k that keeps the learner on the step
  (feedback, "Try again."), then the route's option;
- `reveal`: at every question, wrong answers until the right one is revealed;

and every text step gets an answer one character too short, then one just long enough.
Every reply is rendered with a strict translator (a missing key or a render error raises),
every wrong or right answer shows its feedback, and every walk ends completed and rated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.core import engine, keys
from bot.core.engine import help_levels
from bot.core.loader import LOCALES, Library
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep, Step, TextStep
from bot.core.progress import (
    Advance,
    AskHelp,
    Choose,
    FreeText,
    Input,
    Progress,
    Rate,
    Start,
    Status,
)
from bot.core.replies import Text
from bot.core.scenario import Scenario, option_target
from bot.i18n import Translator
from tests.conftest import ROOT

SCENARIOS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))
ROUTE_LIMIT = 10_000
"""More routes than this means the enumeration, not the scenario, went wrong."""


@dataclass(frozen=True)
class Move:
    """One step forward: `option` is None for Next and for a text answer."""

    step: str
    option: str | None
    target: str


def moves(step: Step) -> Iterator[Move]:
    match step:
        case InfoStep() | TextStep():
            yield Move(step.id, None, step.next)
        case QuestionStep() | ChoiceStep():
            for option in step.options:
                target = option_target(step, option)
                if target is not None:
                    yield Move(step.id, option.id, target)
        case EndStep():
            return


def shortest_way_to_an_end(scenario: Scenario, step_id: str) -> list[Move]:
    way: list[Move] = []
    while not isinstance(scenario.steps[step_id], EndStep):
        move = min(moves(scenario.steps[step_id]), key=lambda m: scenario.to_end[m.target])
        way.append(move)
        step_id = move.target
    return way


def routes(scenario: Scenario) -> list[list[Move]]:
    """Every route from the start to an end step (see the module docstring for loops)."""
    found: list[list[Move]] = []

    def extend(route: list[Move], visited: frozenset[str], step_id: str) -> None:
        assert len(found) < ROUTE_LIMIT, "too many routes"
        if isinstance(scenario.steps[step_id], EndStep):
            found.append(route)
            return
        for move in moves(scenario.steps[step_id]):
            if move.target in visited:
                found.append([*route, move, *shortest_way_to_an_end(scenario, move.target)])
            else:
                extend([*route, move], visited | {move.target}, move.target)

    extend([], frozenset({scenario.start}), scenario.start)
    return found


def retries(step: QuestionStep) -> list[str]:
    """Wrong options that keep the learner on the question."""
    return [o.id for o in step.options if option_target(step, o) is None]


def plans(scenario: Scenario) -> list[str]:
    most = max(
        (len(retries(s)) for s in scenario.steps.values() if isinstance(s, QuestionStep)),
        default=0,
    )
    return ["help", *(f"retry-{k}" for k in range(most)), "reveal"]


class Walk:
    """Drives the engine for one route, one plan and one language, checking every reply."""

    def __init__(self, scenario: Scenario, translator: Translator, locale: str, plan: str) -> None:
        self.scenario = scenario
        self.t = translator
        self.locale = locale
        self.plan = plan
        self.progress = Progress(scenario=scenario.id)
        self.clock = 0
        self.inputs = 0
        self.shown: list[Text] = []

    def stamp(self) -> dict[str, Any]:
        self.clock += 1000
        return {"locale": self.locale, "now_ms": self.clock}

    def send(self, inp: Input) -> None:
        result = engine.step(self.scenario, self.progress, inp)
        self.progress = result.progress
        self.inputs += 1
        assert result.replies, f"no reply to {inp}"
        self.shown = []
        for reply in result.replies:
            rendered = self.t.reply(reply, self.locale)  # strict: raises on any problem
            assert rendered.text.strip(), f"empty reply to {inp}"
            self.shown.extend(reply.parts)

    @property
    def at(self) -> str | None:
        return self.progress.step

    def feedback_shown(self, step: str, option: str) -> bool:
        key = keys.option(step, option)
        return any(
            p.key == key and p.attribute == keys.FEEDBACK and p.catalogue == self.scenario.id
            for p in self.shown
        )

    def ask_help(self, step_id: str) -> None:
        levels = help_levels(self.scenario, step_id)
        for level in (*levels, levels[-1]):
            self.send(AskHelp(step=step_id, version=self.scenario.version, **self.stamp()))
            assert self.at == step_id
            assert any(p.key == "help-level" and p.args["level"] == level for p in self.shown)

    def choose(self, step: str, option: str) -> None:
        self.send(Choose(step=step, option=option, version=self.scenario.version, **self.stamp()))

    def follow(self, route: list[Move]) -> None:
        self.send(Start(**self.stamp()))
        assert (self.progress.status, self.at) == (Status.ACTIVE, self.scenario.start)
        for number, move in enumerate(route):
            step = self.scenario.steps[move.step]
            assert self.at == move.step, f"move {number}: expected {move.step}, at {self.at}"
            if self.plan == "help":
                self.ask_help(move.step)
            match step:
                case InfoStep():
                    self.send(
                        Advance(step=move.step, version=self.scenario.version, **self.stamp())
                    )
                case TextStep():
                    self.send(FreeText(length=step.min_length - 1, **self.stamp()))
                    assert self.at == move.step, "a short answer is asked to say more"
                    self.send(FreeText(length=step.min_length, **self.stamp()))
                case ChoiceStep():
                    assert move.option is not None
                    self.choose(move.step, move.option)
                    if self.scenario.has(keys.option(move.step, move.option), keys.FEEDBACK):
                        assert self.feedback_shown(move.step, move.option)
                case QuestionStep():
                    assert move.option is not None
                    if self.answer_wrong_first(step, move):
                        continue
                    self.choose(move.step, move.option)
                    assert self.feedback_shown(move.step, move.option)
            assert self.at == move.target
        self.finish()

    def answer_wrong_first(self, step: QuestionStep, move: Move) -> bool:
        """Wrong answers the plan asks for; True when they moved on (the reveal)."""
        wrong = retries(step)
        if not wrong:
            return False
        reveal_after = self.scenario.spec.settings.reveal_after
        if self.plan.startswith("retry-"):
            presses = [wrong[int(self.plan.removeprefix("retry-")) % len(wrong)]]
            if reveal_after == 1:
                return False  # one wrong answer would already reveal
        elif self.plan == "reveal":
            first_right = next(o for o in step.options if o.correct)
            if option_target(step, first_right) != move.target:
                return False  # the reveal would take another route
            presses = [wrong[k % len(wrong)] for k in range(reveal_after)]
        else:
            return False
        for count, option in enumerate(presses, start=1):
            self.choose(step.id, option)
            assert self.feedback_shown(step.id, option)
            if count < reveal_after:
                assert self.at == step.id and self.progress.attempts == count
                assert any(p.key == "try-again" for p in self.shown)
        if len(presses) < reveal_after:
            return False
        assert any(p.key == "answer-revealed" for p in self.shown)
        assert self.at == move.target
        return True

    def finish(self) -> None:
        end = self.scenario.steps[self.at or ""]
        assert isinstance(end, EndStep)
        assert self.progress.status is Status.COMPLETED
        assert any(p.key == "rate-prompt" for p in self.shown)
        if self.plan == "help":
            self.send(AskHelp(**self.stamp()))
            assert any(p.key == "help-general" for p in self.shown)
        self.send(Rate(score=5, version=self.scenario.version, **self.stamp()))
        assert self.progress.rated


def walk_all(library: Library, scenario_id: str, locale: str) -> tuple[int, int]:
    """(walks, inputs) for one scenario in one language."""
    scenario = library.scenarios[scenario_id]
    translator = Translator(library, contact="@x", strict=True)
    walks = inputs = 0
    for route in routes(scenario):
        for plan in plans(scenario):
            walk = Walk(scenario, translator, locale, plan)
            walk.follow(route)
            walks += 1
            inputs += walk.inputs
    return walks, inputs


def test_every_shipped_scenario_is_walked(library: Library) -> None:
    assert sorted(library.scenarios) == SCENARIOS
    assert len(SCENARIOS) >= 8


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_path_in_both_languages(library: Library, scenario_id: str, locale: str) -> None:
    scenario = library.scenarios[scenario_id]
    walks, inputs = walk_all(library, scenario_id, locale)
    assert walks == len(routes(scenario)) * len(plans(scenario))
    assert inputs > walks * scenario.length


def test_routes_cover_every_move_of_every_step(library: Library) -> None:
    """Every option that leads somewhere is on some route, and every step is visited."""
    for scenario in library.scenarios.values():
        taken = {move for route in routes(scenario) for move in route}
        for step in scenario.steps.values():
            assert set(moves(step)) <= taken, f"{scenario.id}: {step.id}"


# --- The enumeration itself, on scenarios built to have loops ---


def scenario_from(yaml_text: str) -> Scenario:
    import yaml

    from bot.core.model import ScenarioSpec

    return Scenario.build(ScenarioSpec.model_validate(yaml.safe_load(yaml_text)))


LOOPY = """\
id: loopy
steps:
  - id: ask
    kind: question
    next: done
    options:
      - id: right
        correct: true
      - id: detour
        next: back
      - id: wrong
  - id: back
    kind: choice
    options:
      - id: again
        next: ask
      - id: leave
        next: done
  - id: done
    kind: end
    checklist: [item]
"""


def test_routes_cut_loops_and_still_reach_an_end() -> None:
    found = [[(m.step, m.option) for m in route] for route in routes(scenario_from(LOOPY))]
    assert found == [
        [("ask", "right")],
        # back to `ask`, already on the route: cut, then the shortest way to the end
        [("ask", "detour"), ("back", "again"), ("ask", "right")],
        [("ask", "detour"), ("back", "leave")],
    ]


def test_plans_per_scenario() -> None:
    assert plans(scenario_from(LOOPY)) == ["help", "retry-0", "reveal"]
