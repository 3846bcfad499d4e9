"""Teaching lint: warnings about scenarios that are valid but would teach badly.

Warnings never stop a scenario from loading; `rolebot validate --strict` turns them into
failures. The limits below are documented in docs/authoring.md ("Teaching warnings").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import combinations

from bot.core import keys, structure
from bot.core.model import (
    ChoiceStep,
    EndStep,
    InfoStep,
    QuestionStep,
    ScenarioSpec,
    Step,
    TextStep,
)
from bot.core.plaintext import PlainTexts
from bot.core.problems import Problem, Severity
from bot.core.scenario import Scenario
from bot.core.translations import FtlFile, expected_keys
from bot.core.yamlsource import LinedYaml

TEXT_LIMIT = 600
"""Characters in a message's own text (a step, the description...): about one phone screen."""
ATTRIBUTE_LIMIT = 800
"""Characters in a .hint, .explanation or .feedback: read after the step, so a little more."""
LABEL_LIMIT = 40
"""Characters in a button label (an option, or the title in the topic menu): Telegram cuts
longer labels on phones, in the middle of a word."""
RATIO_LIMIT = 2.0
"""Two locales' versions of one text may differ by this factor in length..."""
RATIO_MIN_LENGTH = 40
"""...once the longer one has at least this many characters (short labels vary naturally)."""
POSITION_MIN_QUESTIONS = 3
"""Questions needed before "the right answer is always option k" counts as a pattern."""

TextRef = tuple[str, str | None]
"""A message key and an attribute (None for the message's own text)."""


def structure_warnings(spec: ScenarioSpec, source: LinedYaml, name: str) -> list[Problem]:
    """Warnings that need the YAML only, so they appear even beside errors."""
    out: list[Problem] = []
    if not spec.objectives:
        message = "no objectives: say what the learner will be able to do"
        out.append(_warn(name, source.line(("id",)), message))
    questions = [(i, s) for i, s in enumerate(spec.steps) if isinstance(s, QuestionStep)]
    if not questions:
        message = "no question at all: people learn by answering"
        out.append(_warn(name, source.line(("steps",)), message))
    out.extend(_answer_position(questions, source, name))
    out.extend(_branches(spec, source, name))
    return out


def _branches(spec: ScenarioSpec, source: LinedYaml, name: str) -> Iterator[Problem]:
    """Branches that skip what another branch teaches: an objective on some paths only.

    The format does not say which step serves which objective, so steps stand for them: the
    steps a branch leads to by right answers, choices and Next. A choice option must lead
    (sooner or later) to every step its sibling options lead to, and a wrong answer that
    branches (a consequence) must lead back to every step the right answer leads to. Steps
    reached only by a wrong answer are consequences, not lessons, so nobody must reach them.
    """
    if any(True for _ in structure.check(spec, f"{spec.id}.yaml")):
        return  # broken transitions first: every branch warning would be a consequence
    steps = {step.id: step for step in spec.steps}
    for i, step in enumerate(spec.steps):
        if isinstance(step, ChoiceStep):
            targets = [(j, o.id, o.next) for j, o in enumerate(step.options)]
            upstream = {s for s in steps if step.id in _taught(steps, s)}
            for j, option_id, target in targets:
                # Steps that lead to this choice come before it: going back to them
                # ("start again") skips nothing.
                mine = _taught(steps, target) | upstream
                for _, other_id, other in targets:
                    missed = _taught(steps, other) - mine
                    if other_id != option_id and missed:
                        yield _warn(
                            name,
                            source.line(("steps", i, "options", j, "id")),
                            f'option "{option_id}" of choice "{step.id}" never leads to '
                            f'{_steps(spec, missed)}, which option "{other_id}" teaches: '
                            "an objective is reachable on some paths only; after one case "
                            "lead on to the other, or teach the cases one after another",
                        )
                        break
        elif isinstance(step, QuestionStep):
            right = set().union(
                *(_taught(steps, o.next or step.next) for o in step.options if o.correct)
            )
            for j, option in enumerate(step.options):
                if option.correct or option.next is None:
                    continue
                missed = right - _taught(steps, option.next)
                if missed:
                    yield _warn(
                        name,
                        source.line(("steps", i, "options", j, "id")),
                        f'wrong option "{option.id}" of question "{step.id}" never leads to '
                        f"{_steps(spec, missed)}, which the right answer teaches: an "
                        "objective is reachable on some paths only; bring the learner back "
                        "after the consequence",
                    )


def _taught(steps: Mapping[str, Step], start: str | None) -> set[str]:
    """Steps (but ends) reachable from `start` by Next, choices and right answers."""
    seen: set[str] = set()
    pending: list[str | None] = [start]
    while pending:
        step = steps.get(pending.pop() or "")
        if step is None or step.id in seen or isinstance(step, EndStep):
            continue
        seen.add(step.id)
        if isinstance(step, InfoStep | TextStep):
            pending.append(step.next)
        elif isinstance(step, ChoiceStep):
            pending.extend(o.next for o in step.options if o.next)
        elif isinstance(step, QuestionStep):
            pending.extend(o.next or step.next for o in step.options if o.correct)
    return seen


def _steps(spec: ScenarioSpec, ids: set[str]) -> str:
    """`step "a"` or `steps "a", "b"`, in the order of the file."""
    ordered = [f'"{s.id}"' for s in spec.steps if s.id in ids]
    return ("step " if len(ordered) == 1 else "steps ") + ", ".join(ordered)


def _answer_position(
    questions: list[tuple[int, QuestionStep]], source: LinedYaml, name: str
) -> Iterator[Problem]:
    """The right answer in the same place in every question: learners learn to press it."""
    if len(questions) < POSITION_MIN_QUESTIONS:
        return
    common = set.intersection(
        *({j for j, o in enumerate(s.options) if o.correct} for _, s in questions)
    )
    first_index, first = questions[0]
    if common:
        where, index = f"option {min(common) + 1}", min(common)
    elif all(s.options[-1].correct for _, s in questions):
        where, index = "the last option", len(first.options) - 1
    else:
        return
    yield _warn(
        name,
        source.line(("steps", first_index, "options", index, "id")),
        f"the right answer is {where} in all {len(questions)} questions: "
        "learners learn to press it; vary its position",
    )


def text_warnings(
    scenario: Scenario,
    source: LinedYaml,
    name: str,
    texts: PlainTexts,
    files: Mapping[str, FtlFile],
    ftl_names: Mapping[str, str],
) -> list[Problem]:
    """Warnings about the texts of an error-free scenario, rendered as the bot renders them.

    `files` give each message's line in each locale's file, named by `ftl_names`."""
    return [
        *_missing_help(scenario, source, name),
        *_choice_feedback(scenario.spec, files, ftl_names),
        *_lengths(scenario.spec, texts, files, ftl_names),
    ]


def _missing_help(scenario: Scenario, source: LinedYaml, name: str) -> Iterator[Problem]:
    """Questions and text steps without a hint: the first level of help would be a human."""
    for i, step in enumerate(scenario.spec.steps):
        if isinstance(step, QuestionStep | TextStep) and not scenario.has(step.id, keys.HINT):
            yield _warn(name, source.line(("steps", i, "id")), f'step "{step.id}" has no .hint')


def _choice_feedback(
    spec: ScenarioSpec, files: Mapping[str, FtlFile], ftl_names: Mapping[str, str]
) -> Iterator[Problem]:
    """A choice option without feedback jumps straight into its branch, without a word."""
    for step in spec.steps:
        if not isinstance(step, ChoiceStep):
            continue
        for option in step.options:
            key = keys.option(step.id, option.id)
            for locale, ftl in files.items():
                if keys.FEEDBACK not in ftl.messages[key].attributes:
                    yield _warn(
                        ftl_names[locale],
                        ftl.messages[key].line,
                        f'choice option "{key}" has no .feedback: '
                        "say a word about this choice before its branch",
                    )


def _lengths(
    spec: ScenarioSpec,
    texts: PlainTexts,
    files: Mapping[str, FtlFile],
    ftl_names: Mapping[str, str],
) -> Iterator[Problem]:
    """Texts too long to read, labels too long for a button, locales that disagree."""
    labels = {keys.TITLE} | {
        keys.option(s.id, o.id)
        for s in spec.steps
        if isinstance(s, QuestionStep | ChoiceStep)
        for o in s.options
    }
    if spec.followup is not None:
        labels |= {keys.followup_problem(p) for p in spec.followup.problems}
    lengths: dict[TextRef, dict[str, tuple[int, int]]] = {}
    for key in expected_keys(spec):
        for locale, ftl in files.items():
            message = ftl.messages[key]
            for attribute, line in [(None, message.line), *message.attributes.items()]:
                text = texts.get(locale, key, attribute)
                if text is None:
                    continue
                lengths.setdefault((key, attribute), {})[locale] = (len(text), line)
                problem = _too_long(key, attribute, len(text), key in labels)
                if problem:
                    yield _warn(ftl_names[locale], line, problem)
    for (key, attribute), by_locale in lengths.items():
        yield from _length_mismatch(_label(key, attribute), by_locale, ftl_names)


def _too_long(key: str, attribute: str | None, length: int, is_label: bool) -> str | None:
    label = _label(key, attribute)
    if attribute is None and is_label:
        if length > LABEL_LIMIT:
            return (
                f'button "{label}" is {length} characters (over {LABEL_LIMIT}): '
                "phones cut long labels, shorten it"
            )
    elif attribute is None:
        if length > TEXT_LIMIT:
            return (
                f'"{label}" is {length} characters (over {TEXT_LIMIT}): too long for a phone '
                "screen, split the step or move detail into .explanation"
            )
    elif length > ATTRIBUTE_LIMIT:
        return (
            f'"{label}" is {length} characters (over {ATTRIBUTE_LIMIT}): '
            "too long for a phone screen, shorten it"
        )
    return None


def _length_mismatch(
    label: str, by_locale: Mapping[str, tuple[int, int]], ftl_names: Mapping[str, str]
) -> Iterator[Problem]:
    """One version much shorter than another: likely a sentence missing (or added)."""
    for a, b in combinations(sorted(by_locale), 2):
        (short, (short_len, line)), (long_, (long_len, _)) = sorted(
            [(a, by_locale[a]), (b, by_locale[b])], key=lambda item: item[1][0]
        )
        if long_len >= RATIO_MIN_LENGTH and long_len > RATIO_LIMIT * short_len:
            yield _warn(
                ftl_names[short],
                line,
                f'"{label}" is {short_len} characters in {short} but {long_len} in {long_}: '
                "is a sentence missing?",
            )


def _label(key: str, attribute: str | None) -> str:
    return f"{key}.{attribute}" if attribute else key


def _warn(name: str, line: int, message: str) -> Problem:
    return Problem(name, line, message, Severity.WARNING)
