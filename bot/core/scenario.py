"""A loaded scenario: the validated spec plus its version, step index and graph facts."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.core.model import (
    ChoiceStep,
    EndStep,
    InfoStep,
    Option,
    QuestionStep,
    ScenarioSpec,
    Step,
    TextStep,
)


def structural_version(spec: ScenarioSpec) -> str:
    """A short hash of the structure: comment or text edits keep it, any structural change not."""
    if spec.version is not None:
        return str(spec.version)
    dumped = spec.model_dump_json(exclude=_unset_later_fields(spec))
    return f"h{hashlib.sha256(dumped.encode()).hexdigest()[:7]}"


def _unset_later_fields(spec: ScenarioSpec) -> dict[str, Any]:
    """`version`, and fields added after computed versions were in use while they hold their
    defaults: adding a field to the format must not start new statistics for every scenario
    that does not use it. Setting one changes the hash, like any structural change."""
    exclude: dict[str, Any] = {"version": True}
    if spec.followup is None:
        exclude["followup"] = True
    if not spec.settings.confidence:
        exclude["settings"] = {"confidence": True}
    silent = {
        i: {"confidence": True}
        for i, step in enumerate(spec.steps)
        if isinstance(step, QuestionStep) and step.confidence is None
    }
    if silent:
        exclude["steps"] = silent
    return exclude


def option_target(step: QuestionStep | ChoiceStep, option: Option) -> str | None:
    """Where an option leads; None means "stay and try again" (a wrong answer without `next`)."""
    if option.next is not None:
        return option.next
    if isinstance(step, QuestionStep) and option.correct:
        return step.next
    return None


def successors(step: Step) -> Iterator[str]:
    """Steps reachable in one move from `step` (staying put is not a move)."""
    match step:
        case InfoStep() | TextStep():
            yield step.next
        case QuestionStep() | ChoiceStep():
            for option in step.options:
                target = option_target(step, option)
                if target is not None:
                    yield target
        case EndStep():
            return


def distances(start: str, steps: Mapping[str, Step], *, reverse: bool = False) -> dict[str, int]:
    """Breadth-first distances from `start` (or, reversed, to any end step)."""
    edges: dict[str, list[str]] = {sid: [] for sid in steps}
    for sid, step in steps.items():
        for target in successors(step):
            if target in edges:
                if reverse:
                    edges[target].append(sid)
                else:
                    edges[sid].append(target)
    if reverse:
        seeds = [sid for sid, step in steps.items() if isinstance(step, EndStep)]
    else:
        seeds = [start] if start in steps else []
    dist = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        current = queue.popleft()
        for target in edges[current]:
            if target not in dist:
                dist[target] = dist[current] + 1
                queue.append(target)
    return dist


def remaining(start: str, steps: Mapping[str, Step]) -> dict[str, int]:
    """The most moves from each step to an end, going forward only.

    A move back to a step already on the way (a loop: a lesson that returns to the question)
    is not counted until it is taken, so on a forward move the remaining count drops by at
    least one; a step whose only way on is such a loop counts it once. Walked depth-first
    from `start`; steps it cannot reach are left out (the validator reports them).
    """
    if start not in steps:
        return {}
    on_path: set[str] = {start}
    seen: set[str] = {start}
    back: set[tuple[str, str]] = set()
    finished: list[str] = []
    stack = [(start, successors(steps[start]))]
    while stack:
        sid, targets = stack[-1]
        for target in targets:
            if target not in steps:
                continue
            if target in on_path:
                back.add((sid, target))
            elif target not in seen:
                seen.add(target)
                on_path.add(target)
                stack.append((target, successors(steps[target])))
                break
        else:
            stack.pop()
            on_path.discard(sid)
            finished.append(sid)
    forward: dict[str, int | None] = {}
    for sid in finished:  # every forward target is finished before its source
        step = steps[sid]
        ahead = [forward[t] for t in successors(step) if (sid, t) not in back and t in forward]
        known = [d + 1 for d in ahead if d is not None]
        forward[sid] = 0 if isinstance(step, EndStep) else max(known, default=None)
    result: dict[str, int] = {}
    for sid in finished:
        own = forward[sid]
        if own is None:
            loops = [
                result[t] + 1 if (sid, t) not in back else (forward[t] or 0) + 1
                for t in successors(steps[sid])
                if t in result or (sid, t) in back
            ]
            own = max(loops, default=0)
        result[sid] = own
    return result


@dataclass(frozen=True)
class Scenario:
    """A scenario ready for the engine. Build it with `Scenario.build` from a validated spec."""

    spec: ScenarioSpec
    version: str
    source: str = ""
    steps: Mapping[str, Step] = field(default_factory=dict)
    start: str = ""
    depth: Mapping[str, int] = field(default_factory=dict)
    to_end: Mapping[str, int] = field(default_factory=dict)
    ahead: Mapping[str, int] = field(default_factory=dict)
    """The most moves left from each step to an end (`remaining`)."""
    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Fluent attributes present per message key (the same in every locale once validated)."""

    @classmethod
    def build(
        cls,
        spec: ScenarioSpec,
        source: str = "",
        attributes: Mapping[str, frozenset[str]] | None = None,
    ) -> Scenario:
        steps = {s.id: s for s in spec.steps}
        start = spec.start or spec.steps[0].id
        return cls(
            spec=spec,
            version=structural_version(spec),
            source=source,
            steps=steps,
            start=start,
            depth=distances(start, steps),
            to_end=distances(start, steps, reverse=True),
            ahead=remaining(start, steps),
            attributes=dict(attributes or {}),
        )

    def asks_confidence(self, step_id: str) -> bool:
        """Whether answering this question asks "sure or guessing?" (never for other steps)."""
        step = self.steps.get(step_id)
        if not isinstance(step, QuestionStep):
            return False
        if step.confidence is not None:
            return step.confidence
        return self.spec.settings.confidence

    def has(self, key: str, attribute: str) -> bool:
        return attribute in self.attributes.get(key, frozenset())

    @property
    def id(self) -> str:
        return self.spec.id

    def position(self, step_id: str, shown: int = 0) -> tuple[int, int]:
        """("step k of n"): k = steps shown in this run so far, this one included; n = k +
        the most steps that can still follow. k grows by one on every move, and n never
        grows on a forward move: it grows only when the learner takes a loop back, by the
        loop's length. `shown` 0 (a run saved before steps were counted) falls back to the
        shortest distance from the start.
        """
        k = shown if shown > 0 else self.depth.get(step_id, 0) + 1
        return k, k + self.ahead.get(step_id, self.to_end.get(step_id, 0))

    @property
    def length(self) -> int:
        """Steps on the shortest path from start to an end, the end included."""
        return self.to_end.get(self.start, 0) + 1
