"""Checks of Fluent files: syntax, expected keys and attributes per scenario, variables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from fluent.syntax import ast, visitor

from bot.core import fluentcache, keys
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep, ScenarioSpec, TextStep
from bot.core.problems import closest

Path_ = tuple[str | int, ...]

DEPLOYMENT_VARIABLES = frozenset(
    {
        "provider",
        "provider-app",
        "provider-website",
        "support-channels",
        "emergency",
        "crisis-line",
        "regulator",
        "ombudsman",
        "dispute-deadline",
        "consumer-law",
        "consumer-watchdog",
        "faulty-goods-deadlines",
        "return-policy",
        "service-cancellation",
        "telemedicine-rule",
    }
)
"""Facts a provider and its market set, not the scenario writer: every deployment profile
(bot/i18n/profiles, docs/configuration.md) gives each a value per locale, and the renderer
passes them like `$contact`. Scenario texts may use these and `keys.VARIABLES`, no others."""
SCENARIO_VARIABLES = keys.VARIABLES | DEPLOYMENT_VARIABLES


@dataclass
class Expected:
    """A message a scenario needs: where it comes from in the YAML and which attributes."""

    path: Path_
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()


@dataclass
class FtlMessage:
    line: int
    attributes: dict[str, int] = field(default_factory=dict)
    has_value: bool = True


@dataclass
class FtlFile:
    """A parsed .ftl file: its messages with lines, and the problems found while parsing."""

    messages: dict[str, FtlMessage] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


def expected_keys(spec: ScenarioSpec) -> dict[str, Expected]:
    """The naming convention: every id in the YAML implies a message in each locale."""
    out = {keys.TITLE: Expected(("id",)), keys.DESCRIPTION: Expected(("id",))}
    for i, objective in enumerate(spec.objectives):
        out[keys.objective(objective)] = Expected(("objectives", i))
    helps = frozenset({keys.HINT, keys.EXPLANATION})
    for i, step in enumerate(spec.steps):
        path: Path_ = ("steps", i, "id")
        match step:
            case InfoStep():
                out[keys.step(step.id)] = Expected(path, optional=helps)
            case TextStep():
                out[keys.step(step.id)] = Expected(path, optional=helps | {keys.FEEDBACK})
            case QuestionStep() | ChoiceStep():
                out[keys.step(step.id)] = Expected(path, optional=helps)
                feedback = frozenset({keys.FEEDBACK})
                for j, option in enumerate(step.options):
                    out[keys.option(step.id, option.id)] = (
                        Expected(("steps", i, "options", j, "id"), required=feedback)
                        if isinstance(step, QuestionStep)
                        else Expected(("steps", i, "options", j, "id"), optional=feedback)
                    )
            case EndStep():
                out[keys.step(step.id)] = Expected(path)
                for j, item in enumerate(step.checklist):
                    out[keys.checklist_item(step.id, item)] = Expected(
                        ("steps", i, "checklist", j)
                    )
    if spec.followup is not None:
        out[keys.FOLLOWUP] = Expected(("followup",))
        for j, problem in enumerate(spec.followup.problems):
            out[keys.followup_problem(problem)] = Expected(
                ("followup", "problems", j), required=frozenset({keys.HELP})
            )
    return out


def parse_ftl(text: str, variables: frozenset[str] | None = SCENARIO_VARIABLES) -> FtlFile:
    """Parse Fluent source; syntax errors, duplicates and bad references become problems.

    `variables` are the ones a caller will provide; None allows any (the interface file).
    """
    tag = "ftl:" + ",".join(sorted(variables)) if variables is not None else "ftl:*"
    return fluentcache.cached(tag, text, lambda: _parse_ftl(text, variables))


def _parse_ftl(text: str, variables: frozenset[str] | None) -> FtlFile:
    resource = fluentcache.parse(text)
    result = FtlFile()

    def line_of(node: ast.SyntaxNode) -> int:
        start = node.span.start if node.span is not None else 0
        return text.count("\n", 0, start) + 1

    terms = {e.id.name for e in resource.body if isinstance(e, ast.Term)}
    messages = {e.id.name for e in resource.body if isinstance(e, ast.Message)}
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            end = entry.span.end if entry.span is not None else len(text)
            for note in entry.annotations:
                at = note.span.start if note.span is not None else 0
                # The parser often stops at the start of the next line, past the newline it
                # skipped: keep the report on the broken entry's own last line.
                at = min(at, max(end - 1, 0))
                line = text.count("\n", 0, at) + 1
                result.problems.append((line, f"Fluent syntax error: {note.message}"))
            continue
        if not isinstance(entry, ast.Message | ast.Term):
            continue
        for node, name in _references(entry):
            if (
                isinstance(node, ast.VariableReference)
                and variables is not None
                and name not in variables
                and not isinstance(entry, ast.Term)  # a term's variables are its parameters
            ):
                meant = closest(name, variables)
                if meant is not None:
                    problem = f"unknown variable ${name}: did you mean ${meant}?"
                else:
                    allowed = ", ".join(f"${v}" for v in sorted(variables)) or "none"
                    problem = f"unknown variable ${name} (available: {allowed})"
                result.problems.append((line_of(node), problem))
            elif isinstance(node, ast.MessageReference) and name not in messages:
                result.problems.append((line_of(node), f'reference to missing message "{name}"'))
            elif isinstance(node, ast.TermReference) and name not in terms:
                result.problems.append((line_of(node), f'reference to missing term "-{name}"'))
        if isinstance(entry, ast.Term):
            continue
        name = entry.id.name
        if name in result.messages:
            result.problems.append((line_of(entry), f'duplicate message "{name}"'))
            continue
        message = FtlMessage(line=line_of(entry), has_value=entry.value is not None)
        for attribute in entry.attributes:
            message.attributes[attribute.id.name] = line_of(attribute)
        result.messages[name] = message
    return result


class _Collector(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[ast.SyntaxNode, str]] = []

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.found.append((node, node.id.name))

    def visit_MessageReference(self, node: ast.MessageReference) -> None:  # noqa: N802
        self.found.append((node, node.id.name))

    def visit_TermReference(self, node: ast.TermReference) -> None:  # noqa: N802
        self.found.append((node, node.id.name))


def _references(entry: ast.Message | ast.Term) -> list[tuple[ast.SyntaxNode, str]]:
    collector = _Collector()
    collector.visit(entry)
    return collector.found


def compare(
    expected: dict[str, Expected], files: dict[str, FtlFile]
) -> Iterator[tuple[str, Path_ | int, str]]:
    """Compare every locale's messages with the expected keys and with each other.

    Yields (locale, where, message): `where` is a YAML path for something missing, or a
    line number in that locale's file for something extra or wrong. A misspelt key, or
    attribute, is one finding: the spelling it was meant to have is not also "missing".
    """
    for locale, ftl in files.items():
        extra = [key for key in ftl.messages if key not in expected]
        missing = [key for key in expected if key not in ftl.messages]
        for key in extra:
            meant = closest(key, missing)
            if meant is None:
                text = f'unexpected message "{key}": no step, option or item has this id'
            else:
                missing.remove(meant)
                text = (
                    f'"{key}" is not a key of this scenario: '
                    f'did you mean "{meant}", which is missing?'
                )
            yield locale, ftl.messages[key].line, text
        for key in missing:
            yield locale, expected[key].path, f'no "{key}" message in locale {locale}'
        for key, want in expected.items():
            message = ftl.messages.get(key)
            if message is not None:
                yield from _compare_message(locale, key, want, message, files)


def _compare_message(
    locale: str, key: str, want: Expected, message: FtlMessage, files: dict[str, FtlFile]
) -> Iterator[tuple[str, Path_ | int, str]]:
    if not message.has_value:
        yield locale, message.line, f'message "{key}" has no text, only attributes'
    allowed = want.required | want.optional
    absent = set(allowed - message.attributes.keys())
    misspelt: dict[str, str] = {}
    for attribute in message.attributes:
        if attribute not in allowed and (meant := closest(attribute, absent)) is not None:
            absent.discard(meant)
            misspelt[meant] = attribute
    for attribute in sorted(want.required - message.attributes.keys() - misspelt.keys()):
        yield locale, message.line, f'message "{key}" needs a .{attribute} attribute'
    for attribute, line in message.attributes.items():
        if attribute in misspelt.values():
            meant = next(m for m, a in misspelt.items() if a == attribute)
            yield (
                locale,
                line,
                f'unknown attribute .{attribute} on "{key}": did you mean .{meant}?',
            )
        elif attribute not in allowed:
            options = ", ".join(f".{a}" for a in sorted(allowed)) or "none"
            yield (
                locale,
                line,
                f'unknown attribute .{attribute} on "{key}" (allowed: {options})',
            )
    for other, other_ftl in files.items():
        theirs = other_ftl.messages.get(key)
        if other == locale or theirs is None:
            continue
        for attribute in sorted(want.optional & theirs.attributes.keys()):
            if attribute not in message.attributes and attribute not in misspelt:
                yield (
                    locale,
                    message.line,
                    f'"{key}" has .{attribute} in locale {other} but not in {locale}',
                )
