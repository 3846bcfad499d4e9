"""The order owners read a scenario in: each branch followed to its end before the next, a
step where branches meet after all of them, side trips beside the step they leave from."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.model import EndStep
from bot.core.scenario import Scenario, successors


@dataclass(frozen=True)
class Flow:
    order: list[str]
    """Funnel order: the first step, then depth-first along the forward moves; end steps
    last (then, in the figures, steps no longer in the file)."""
    forward: dict[str, list[str]]
    """Each step's moves that lead on (a move back to a step on the way there is left out)."""
    back: list[tuple[str, str]]
    """Moves back to an earlier step: detours and retries."""


def flow(scenario: Scenario) -> Flow:
    steps = scenario.steps
    start = scenario.spec.steps[0].id
    forward: dict[str, list[str]] = {sid: [] for sid in steps}
    back: list[tuple[str, str]] = []
    state: dict[str, int] = {}  # 1: on the way here, 2: done

    def visit(sid: str) -> None:
        state[sid] = 1
        for target in dict.fromkeys(successors(steps[sid])):
            if target not in steps:
                continue
            if state.get(target) == 1:
                back.append((sid, target))
                continue
            forward[sid].append(target)
            if target not in state:
                visit(target)
        state[sid] = 2

    visit(start)
    for spec in scenario.spec.steps:  # unreachable steps (a valid scenario has none)
        if spec.id not in state:
            visit(spec.id)
    leads_back = {source for source, _ in back}
    waiting = {sid: 0 for sid in steps}
    for targets in forward.values():
        for target in targets:
            waiting[target] += 1
    order: list[str] = []
    ends: list[str] = []
    ready = [spec.id for spec in reversed(scenario.spec.steps) if not waiting[spec.id]]
    if start in ready:
        ready.remove(start)
        ready.append(start)
    while ready:
        sid = ready.pop()
        (ends if isinstance(steps[sid], EndStep) else order).append(sid)
        targets = sorted(forward[sid], key=lambda t: t not in leads_back)  # side trips first
        for target in reversed(targets):
            waiting[target] -= 1
            if not waiting[target]:
                ready.append(target)
    return Flow(order + ends, forward, back)
