"""What a button does, and its compact encoding as Telegram callback_data (at most 64 bytes)."""

from __future__ import annotations

from dataclasses import dataclass

CALLBACK_LIMIT = 64


@dataclass(frozen=True)
class Answer:
    """Choose an option of a question or choice step."""

    scenario: str
    version: str
    step: str
    option: str


@dataclass(frozen=True)
class Next:
    """Go on from an information step."""

    scenario: str
    version: str
    step: str


@dataclass(frozen=True)
class Help:
    """ "I'm stuck" on a step."""

    scenario: str
    version: str
    step: str


@dataclass(frozen=True)
class Reveal:
    """Show the right answer and go on, when even a person's contact did not help."""

    scenario: str
    version: str
    step: str


@dataclass(frozen=True)
class Rate:
    """Rate a finished scenario 1-5."""

    scenario: str
    version: str
    score: int


@dataclass(frozen=True)
class Open:
    """Open a scenario from the menu: start it, or resume a run in progress."""

    scenario: str


@dataclass(frozen=True)
class Restart:
    """Abandon the current run of a scenario and start again."""

    scenario: str


@dataclass(frozen=True)
class Menu:
    """Show the topic menu."""


@dataclass(frozen=True)
class Language:
    """Switch the interface language."""

    locale: str


@dataclass(frozen=True)
class Forget:
    """Answer to "delete everything about me?"."""

    confirm: bool


Action = Answer | Next | Help | Reveal | Rate | Open | Restart | Menu | Language | Forget


def encode(action: Action) -> str:
    """Encode an action; ids never contain ':' so the format needs no escaping."""
    match action:
        case Answer(scenario, version, step, option):
            return f"a:{scenario}:{version}:{step}:{option}"
        case Next(scenario, version, step):
            return f"n:{scenario}:{version}:{step}"
        case Help(scenario, version, step):
            return f"h:{scenario}:{version}:{step}"
        case Reveal(scenario, version, step):
            return f"v:{scenario}:{version}:{step}"
        case Rate(scenario, version, score):
            return f"r:{scenario}:{version}:{score}"
        case Open(scenario):
            return f"o:{scenario}"
        case Restart(scenario):
            return f"x:{scenario}"
        case Menu():
            return "m"
        case Language(locale):
            return f"l:{locale}"
        case Forget(confirm):
            return "f:yes" if confirm else "f:no"
    raise AssertionError(action)  # pragma: no cover


def decode(data: str) -> Action | None:
    """Decode callback data; anything malformed or forged gives None, never an exception."""
    if len(data.encode()) > CALLBACK_LIMIT:
        return None
    tag, *parts = data.split(":")
    if not all(parts):
        return None
    match tag, parts:
        case "a", [scenario, version, step, option]:
            return Answer(scenario, version, step, option)
        case "n", [scenario, version, step]:
            return Next(scenario, version, step)
        case "h", [scenario, version, step]:
            return Help(scenario, version, step)
        case "v", [scenario, version, step]:
            return Reveal(scenario, version, step)
        case "r", [scenario, version, score] if score in {"1", "2", "3", "4", "5"}:
            return Rate(scenario, version, int(score))
        case "o", [scenario]:
            return Open(scenario)
        case "x", [scenario]:
            return Restart(scenario)
        case "m", []:
            return Menu()
        case "l", [locale]:
            return Language(locale)
        case "f", ["yes" | "no" as answer]:
            return Forget(answer == "yes")
    return None
