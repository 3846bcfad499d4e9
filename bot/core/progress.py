"""Where one user is in one scenario, and the inputs that move them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.core.learning import Confidence


class Status(StrEnum):
    NEW = "new"
    ACTIVE = "active"
    COMPLETED = "completed"


@dataclass(frozen=True)
class Progress:
    """One user's state in one scenario. `run` counts attempts (0 = never started)."""

    scenario: str
    version: str = ""
    run: int = 0
    status: Status = Status.NEW
    step: str | None = None
    attempts: int = 0
    """Wrong answers at the current step."""
    help_level: int = 0
    shown_at_ms: int = 0
    rated: bool = False
    shown: int = 0
    """Steps shown in this run, the current one included: the k of "step k of n" (0: not
    counted, a run saved before rolebot counted them)."""


@dataclass(frozen=True, kw_only=True)
class Input:
    """Something the user did; `locale` is the language to answer in, `now_ms` UTC millis."""

    locale: str
    now_ms: int


@dataclass(frozen=True, kw_only=True)
class Start(Input):
    """Open a scenario: resume the run in progress, or start a new one."""


@dataclass(frozen=True, kw_only=True)
class Restart(Input):
    """Abandon the run in progress and start again from the first step."""


@dataclass(frozen=True, kw_only=True)
class Choose(Input):
    """Press an option button that was shown for `step` of scenario `version`. On a question
    that asks for confidence, the first press (`confidence` None) only asks "sure or
    guessing?"; the second carries the answer with it."""

    step: str
    option: str
    version: str
    confidence: Confidence | None = None


@dataclass(frozen=True, kw_only=True)
class Advance(Input):
    """Press Next on an information step."""

    step: str
    version: str


@dataclass(frozen=True, kw_only=True)
class FreeText(Input):
    """Typed text. Only its length reaches the engine: the words are never kept."""

    length: int


@dataclass(frozen=True, kw_only=True)
class AskHelp(Input):
    """ "I'm stuck". `step` is None when asked by command rather than by a step's button."""

    step: str | None = None
    version: str | None = None


@dataclass(frozen=True, kw_only=True)
class Reveal(Input):
    """Show the right answer of a question and go on: offered once help has nothing more
    to give."""

    step: str
    version: str


@dataclass(frozen=True, kw_only=True)
class ChangeLanguage(Input):
    """Switch language; `locale` is the new one, `previous` the old."""

    previous: str


@dataclass(frozen=True, kw_only=True)
class Rate(Input):
    score: int
    version: str
