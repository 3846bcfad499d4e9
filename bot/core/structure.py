"""Structural checks of one scenario: ids, transitions, reachability, exits, callback sizes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.core import actions, keys
from bot.core.learning import OTHER_PROBLEM
from bot.core.model import ChoiceStep, EndStep, QuestionStep, ScenarioSpec
from bot.core.problems import did_you_mean
from bot.core.scenario import Scenario, option_target, successors

VERSION_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,12}")
Finding = tuple[tuple[str | int, ...], str]
"""A path into the YAML (for its line) and a message."""


def check(spec: ScenarioSpec, file_name: str) -> Iterator[Finding]:
    """Every structural problem of `spec`, each with the YAML path it concerns."""
    yield from _ids(spec, file_name)
    if ambiguous_ids(spec):
        # With two steps of one id, transitions and texts cannot tell which is meant: every
        # finding after this would be a consequence. Report the cause alone; fix, rerun.
        return
    broken = list(_transitions(spec))
    yield from broken
    scenario = Scenario.build(spec)
    if scenario.start in scenario.steps:
        if not broken:
            # A broken transition cuts the graph: every step before it would be a "dead end"
            # and every step after it "unreachable". Report the cause alone; fix, rerun.
            yield from _reachability(spec, scenario)
        yield from _callbacks(spec, scenario)


def ambiguous_ids(spec: ScenarioSpec) -> bool:
    """Step ids that make keys and transitions ambiguous: a repeated or a reserved one."""
    ids = [s.id for s in spec.steps]
    return len(set(ids)) < len(ids) or any(i in keys.RESERVED_STEP_IDS for i in ids)


def _ids(spec: ScenarioSpec, file_name: str) -> Iterator[Finding]:
    if spec.id != file_name.rsplit(".", 1)[0]:
        yield ("id",), f'id "{spec.id}" must match the file name "{file_name}"'
    if spec.version is not None and not VERSION_PATTERN.fullmatch(str(spec.version)):
        yield ("version",), "version must be 1-12 letters, digits, '.', '_' or '-'"
    yield from _duplicates([o for o in spec.objectives], lambda i: ("objectives", i), "objective")
    yield from _duplicates([s.id for s in spec.steps], lambda i: ("steps", i, "id"), "step id")
    for i, step in enumerate(spec.steps):
        if step.id in keys.RESERVED_STEP_IDS:
            yield ("steps", i, "id"), f'step id "{step.id}" is reserved for scenario texts'
        if isinstance(step, QuestionStep | ChoiceStep):
            yield from _duplicates(
                [o.id for o in step.options],
                lambda j, i=i: ("steps", i, "options", j, "id"),  # type: ignore[misc]
                "option id",
                f' in step "{step.id}"',
            )
        if isinstance(step, EndStep):
            yield from _duplicates(
                step.checklist,
                lambda j, i=i: ("steps", i, "checklist", j),  # type: ignore[misc]
                "checklist item",
                f' in step "{step.id}"',
            )
    if spec.followup is not None:
        problems = spec.followup.problems
        yield from _duplicates(problems, lambda j: ("followup", "problems", j), "problem")
        for j, problem in enumerate(problems):
            if problem == OTHER_PROBLEM:
                yield (
                    ("followup", "problems", j),
                    f'problem "{OTHER_PROBLEM}" is taken by the "Something else" button, which '
                    "every follow-up has: pick another word or leave it out",
                )


def _duplicates(
    ids: list[str], path: Callable[[int], tuple[str | int, ...]], what: str, where: str = ""
) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            yield path(index), f'duplicate {what} "{item}"{where}'
        seen.add(item)


def _transitions(spec: ScenarioSpec) -> Iterator[Finding]:
    ids = {s.id for s in spec.steps}
    if spec.start is not None and spec.start not in ids:
        yield (
            ("start",),
            f'start step "{spec.start}" does not exist{did_you_mean(spec.start, ids)}',
        )
    for i, step in enumerate(spec.steps):
        target = getattr(step, "next", None)
        if target is not None and target not in ids:
            yield (
                ("steps", i, "next"),
                f'step "{step.id}" goes to missing step "{target}"{did_you_mean(target, ids)}',
            )
        if isinstance(step, QuestionStep | ChoiceStep):
            for j, option in enumerate(step.options):
                if option.next is not None and option.next not in ids:
                    yield (
                        ("steps", i, "options", j, "next"),
                        f'option "{option.id}" goes to missing step "{option.next}"'
                        + did_you_mean(option.next, ids),
                    )
        if isinstance(step, QuestionStep):
            if not any(o.correct for o in step.options):
                yield ("steps", i, "options"), f'question "{step.id}" has no correct option'
            for j, option in enumerate(step.options):
                if option.correct and option_target(step, option) is None:
                    yield (
                        ("steps", i, "options", j),
                        f'correct option "{option.id}" leads nowhere: give it `next` or '
                        f'give step "{step.id}" a `next`',
                    )
        if isinstance(step, ChoiceStep):
            for j, option in enumerate(step.options):
                if option.correct:
                    yield (
                        ("steps", i, "options", j, "correct"),
                        "a choice has no right answer: use kind: question, or drop `correct`",
                    )
                if option.next is None:
                    yield (
                        ("steps", i, "options", j),
                        f'option "{option.id}" of choice "{step.id}" needs `next`',
                    )
    if not any(isinstance(s, EndStep) for s in spec.steps):
        yield ("steps",), "the scenario has no end step"


def _reachability(spec: ScenarioSpec, scenario: Scenario) -> Iterator[Finding]:
    index = {s.id: i for i, s in enumerate(spec.steps)}
    for step in spec.steps:
        path: tuple[str | int, ...] = ("steps", index[step.id], "id")
        if step.id not in scenario.depth:
            yield path, f'step "{step.id}" is unreachable from the start "{scenario.start}"'
        elif step.id not in scenario.to_end:
            loop = _loop_through(step.id, scenario)
            if loop:
                yield path, f"loop with no exit to an end step: {' -> '.join(loop)}"
            else:
                yield path, f'dead end: no way from step "{step.id}" to an end step'


def _loop_through(start: str, scenario: Scenario) -> list[str]:
    """A cycle from `start` back to itself, if any (depth-first, bounded by the step count)."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        current, path = stack.pop()
        for target in successors(scenario.steps[current]):
            if target == start:
                return [*path, start]
            if target in scenario.steps and target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return []


def _callbacks(spec: ScenarioSpec, scenario: Scenario) -> Iterator[Finding]:
    version = scenario.version
    for i, step in enumerate(spec.steps):
        datas: list[tuple[tuple[str | int, ...], str]] = [
            (("steps", i, "id"), actions.encode(actions.Help(spec.id, version, step.id))),
            (("steps", i, "id"), actions.encode(actions.Next(spec.id, version, step.id))),
        ]
        if isinstance(step, QuestionStep | ChoiceStep):
            datas.extend(
                (
                    ("steps", i, "options", j, "id"),
                    actions.encode(actions.Answer(spec.id, version, step.id, o.id)),
                )
                for j, o in enumerate(step.options)
            )
        for path, data in datas:
            size = len(data.encode())
            if size > actions.CALLBACK_LIMIT:
                yield (
                    path,
                    (
                        f"button data would be {size} bytes, over Telegram's "
                        f"{actions.CALLBACK_LIMIT}: shorten the scenario, step or option id"
                    ),
                )
    if spec.followup is not None:
        run = int("9" * actions.RUN_ROOM)
        for j, problem in enumerate([*spec.followup.problems, OTHER_PROBLEM]):
            pressed = actions.FollowupProblem(spec.id, version, run, problem)
            size = len(actions.encode(pressed).encode())
            if size > actions.CALLBACK_LIMIT:
                yield (
                    ("followup", "problems", j) if problem != OTHER_PROBLEM else ("followup",),
                    f"follow-up button data would be {size} bytes, over Telegram's "
                    f"{actions.CALLBACK_LIMIT}: shorten the scenario id or the problem id",
                )
