"""Fluent message keys derived from scenario ids, so writers never type a key by hand."""

from __future__ import annotations

TITLE = "title"
DESCRIPTION = "description"
HINT = "hint"
EXPLANATION = "explanation"
FEEDBACK = "feedback"
HELP = "help"
FOLLOWUP = "followup"
SEPARATOR = "--"
RESERVED_STEP_IDS = frozenset({TITLE, DESCRIPTION, "objective", FOLLOWUP})

VARIABLES = frozenset({"contact"})
"""Variables a scenario text may use; the transport provides them when rendering."""


def objective(objective_id: str) -> str:
    return f"objective{SEPARATOR}{objective_id}"


def step(step_id: str) -> str:
    return step_id


def option(step_id: str, option_id: str) -> str:
    return f"{step_id}{SEPARATOR}{option_id}"


def checklist_item(step_id: str, item_id: str) -> str:
    return f"{step_id}{SEPARATOR}{item_id}"


def followup_problem(problem_id: str) -> str:
    return f"{FOLLOWUP}{SEPARATOR}{problem_id}"
