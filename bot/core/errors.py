"""One root for every rolebot error; subclasses carry the context needed to act on them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.problems import Problem


class RolebotError(Exception):
    """Base of all errors raised by rolebot."""


@dataclass
class ScenarioError(RolebotError):
    """Scenario files failed validation; `problems` lists every one of them."""

    problems: list[Problem]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class UnknownScenarioError(RolebotError):
    """A scenario id that is not loaded."""


class MissingTranslationError(RolebotError):
    """A message key is missing in a locale, or it failed to render."""
