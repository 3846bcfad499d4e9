"""Schema errors of a scenario file in words a writer can act on, instead of pydantic's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from bot.core.model import (
    ChoiceStep,
    EndStep,
    Followup,
    InfoStep,
    Option,
    QuestionStep,
    ScenarioSpec,
    Settings,
    TextStep,
)
from bot.core.problems import closest, did_you_mean

Loc = tuple[str | int, ...]
KINDS: dict[str, type[BaseModel]] = {
    "info": InfoStep,
    "question": QuestionStep,
    "choice": ChoiceStep,
    "text": TextStep,
    "end": EndStep,
}
_TYPE_NAMES = frozenset({"str", "int", "float", "bool", "list", "dict", "none"})
"""Union members pydantic puts in an error's location; a writer knows only field names."""
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight")
_A_KIND = {"info": "an info step", "question": "a question", "choice": "a choice"}
_A_KIND |= {"text": "a text step", "end": "an end step"}


def schema_problems(errors: Sequence[ErrorDetails]) -> list[tuple[Loc, str]]:
    """Each error as (where in the YAML, message). A misspelt field is one finding, not an
    unknown field plus the missing one it was meant to be."""
    missing = {e["loc"]: e for e in errors if e["type"] == "missing"}
    out: list[tuple[Loc, str]] = []
    for error in errors:
        loc = error["loc"]
        if error["type"] == "extra_forbidden":
            name = _field(loc)
            wanted = {m[-1]: m for m in missing if m[:-1] == loc[:-1] and isinstance(m[-1], str)}
            meant = closest(name, wanted)
            if meant is not None:
                del missing[wanted[meant]]
                out.append((loc, f'unknown field "{name}": did you mean "{meant}"?'))
            else:
                fields = _fields(loc[:-1])
                out.append((loc, f'unknown field "{name}"{did_you_mean(name, fields)}'))
        elif error["type"] != "missing":
            if error["type"] == "union_tag_invalid":
                loc = (*loc, "kind")  # point at the bad kind, not at the step's first line
            out.append((loc, message(error)))
    out.extend((loc, f'missing field "{_field(loc)}"') for loc in missing)
    return out


def message(error: ErrorDetails) -> str:
    """One pydantic error (not a missing or unknown field) in a writer's words."""
    loc, value, kind = error["loc"], error.get("input"), error["type"]
    name = _field(loc)
    if name == "version":
        return _version(value)
    match kind:
        case "union_tag_invalid":
            tag = value.get("kind") if isinstance(value, dict) else None
            hint = did_you_mean(tag, KINDS) if isinstance(tag, str) else ""
            return f"unknown step kind {tag!r}" + (
                hint or " (expected info, question, choice, text or end)"
            )
        case "union_tag_not_found":
            return 'step needs a "kind" (info, question, choice, text or end)'
        case "string_pattern_mismatch":
            return (
                f'"{name}": {value!r} is not a valid id (lowercase letters '
                "and digits, words joined by single hyphens)"
            )
        case "string_too_long":
            limit = (error.get("ctx") or {}).get("max_length")
            return (
                f'"{name}": {value!r} is {len(str(value))} characters: an id has at most {limit}'
            )
        case "string_type":
            return _not_text(name, value)
        case "too_short" | "too_long":
            return _list_size(loc, name, kind, error.get("ctx") or {})
        case "list_type":
            return f'"{name}" should be a list: [a, b] on one line, or one "- " line per item'
        case "model_type" | "model_attributes_type" | "dict_type":
            parent = _field(loc[:-1]) if isinstance(loc[-1], int) else name
            example = {
                "steps": 'a step should be fields such as "id: intro" and "kind: info"',
                "options": 'an option should be fields such as "id: right"',
                "followup": '"followup" should be fields such as "after_days: 3"',
            }.get(parent, f'"{name}" should be fields such as "reveal_after: 2"')
            return f"{example} on lines of their own, not {value!r}"
        case "int_type" | "int_parsing" | "int_from_float":
            return f'"{name}" should be a whole number, not {value!r}'
        case "greater_than_equal" | "less_than_equal" | "greater_than" | "less_than":
            low, high = _bounds(loc)
            return f'"{name}" is {value!r}: it must be from {low} to {high}'
        case "bool_type" | "bool_parsing":
            return f'"{name}" must be true or false, not {value!r}'
    return f'"{name}": {error["msg"]}'


def _not_text(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return (
            f'"{name}": {str(value).lower()} is read as yes/no, not as an id: '
            "quote it or pick another word"
        )
    if isinstance(value, int | float):
        return f'"{name}": {value} is a number, not an id: ids start with a letter'
    if value is None:
        return f'"{name}" is empty: write an id after the colon'
    return f'"{name}" should be one id, not a list or fields'


def _version(value: Any) -> str:
    if isinstance(value, float):
        return (
            f"version {value} is a decimal number, which YAML does not keep exactly "
            '(1.10 reads as 1.1): quote it, as in version: "1.10"'
        )
    return 'version should be a whole number or quoted text, such as 2 or "2024.2"'


def _list_size(loc: Loc, name: str, kind: str, ctx: dict[str, Any]) -> str:
    limit = int(ctx.get("min_length" if kind == "too_short" else "max_length", 0))
    actual = ctx.get("actual_length")
    step_kind = next((p for p in loc if isinstance(p, str) and p in KINDS), "")
    owner = {
        "options": _A_KIND.get(step_kind, "a step"),
        "checklist": "an end step",
        "problems": "a follow-up",
    }.get(name, "a scenario")
    noun = {"options": "options", "checklist": "checklist items"}.get(name, name)
    count = _NUMBERS[limit] if limit < len(_NUMBERS) else str(limit)
    if limit == 1:
        singular = {"options": "option", "checklist": "checklist item", "steps": "step"}
        noun = singular.get(name, name.removesuffix("s"))
    if kind == "too_short":
        return f"{owner} needs at least {count} {noun}"
    return f"{owner} has at most {count} {noun}, not {actual}"


def _field(loc: Loc) -> str:
    names = [p for p in loc if isinstance(p, str) and p not in KINDS and p not in _TYPE_NAMES]
    return names[-1] if names else "document"


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model whose fields are expected at `loc` (a pydantic location)."""
    names = [p for p in loc if isinstance(p, str) and p not in _TYPE_NAMES]
    if not names:
        return ScenarioSpec
    if names[0] == "settings":
        return Settings
    if names[0] == "followup":
        return Followup
    if names[0] == "steps":
        if "options" in names:
            return Option
        return KINDS.get(names[1]) if len(names) > 1 else None
    return None


def _fields(loc: Loc) -> list[str]:
    model = _model_at(loc)
    return list(model.model_fields) if model is not None else []


def _bounds(loc: Loc) -> tuple[object, object]:
    model = _model_at(loc[:-1])
    low: object = "?"
    high: object = "?"
    if model is not None and isinstance(loc[-1], str) and loc[-1] in model.model_fields:
        for rule in model.model_fields[loc[-1]].metadata:
            if isinstance(rule, Ge):
                low = rule.ge
            elif isinstance(rule, Le):
                high = rule.le
    return low, high
