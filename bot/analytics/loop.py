"""The learning loop's rows for the report and the terminal: the steps that have figures,
all languages together first, then each language that has them."""

from __future__ import annotations

from collections.abc import Callable

from bot.analytics.figures import RunFigures, ScenarioStats, StepFigures
from bot.analytics.filters import ALL

Parts = list[tuple[str, StepFigures]]
"""(language or ALL, the step's figures in that slice)"""


def reminded(step: StepFigures) -> bool:
    return step.reminded > 0


def reviewed(step: StepFigures) -> bool:
    return step.reviews.total > 0


def confident(step: StepFigures) -> bool:
    return step.confidence_asked > 0


def steps_with(
    scenario: ScenarioStats, has: Callable[[StepFigures], bool]
) -> list[tuple[StepFigures, Parts]]:
    """Steps in funnel order where `has` holds, each with its slices where it holds."""
    found = []
    for step in scenario.all.ordered_steps():
        if not has(step):
            continue
        parts: Parts = [(ALL, step)]
        for lang, part in scenario.slices.items():
            other = part.steps.get(step.step)
            if lang != ALL and other is not None and has(other):
                parts.append((lang, other))
        found.append((step, parts))
    return found


def confidently_wrong(scenario: ScenarioStats) -> list[tuple[StepFigures, Parts]]:
    """Steps that asked for confidence, the most confidently wrong first (by share, then
    count, then funnel order)."""
    found = steps_with(scenario, confident)
    found.sort(key=lambda pair: (-(pair[0].confidently_wrong_rate or 0.0), -pair[0].sure_wrong))
    return found


def followups(scenario: ScenarioStats) -> list[tuple[str, RunFigures]]:
    """All languages together, then each language with a follow-up asked."""
    return [
        (lang, part.runs)
        for lang, part in scenario.slices.items()
        if part.runs.followup_asked or (lang == ALL and part.runs.followup_answered)
    ]


def problems(scenario: ScenarioStats) -> list[tuple[str, list[tuple[str, int]]]]:
    """Each reported problem, most reported first: its count in each slice (ALL first)."""
    total = scenario.all.runs.problems
    ranked = sorted(total, key=lambda problem: (-total[problem], problem))
    langs = [lang for lang in scenario.slices if lang != ALL]
    return [
        (
            problem,
            [(ALL, total[problem])]
            + [(lang, scenario.slices[lang].runs.problems[problem]) for lang in langs],
        )
        for problem in ranked
    ]


def has_loop(scenario: ScenarioStats) -> bool:
    """Anything of the learning loop in these runs, confidence included."""
    runs = scenario.all.runs
    return runs.has_loop or any(confident(s) for s in scenario.all.steps.values())
