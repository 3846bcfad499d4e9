"""What a button does, and its compact encoding as Telegram callback_data (at most 64 bytes)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.learning import Confidence, Outcome

CALLBACK_LIMIT = 64
RUN_ROOM = 4
"""Digits of a run number the validator leaves room for in follow-up buttons."""


@dataclass(frozen=True)
class Answer:
    """Choose an option of a question or choice step; with `confidence`, the learner also
    said how sure they were (the second tap on a question that asks it)."""

    scenario: str
    version: str
    step: str
    option: str
    confidence: Confidence | None = None


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


@dataclass(frozen=True)
class Reminders:
    """Answer to "shall I remind you when you stop halfway?"."""

    on: bool


@dataclass(frozen=True)
class ReviewAnswer:
    """Answer a question in a spaced review message."""

    scenario: str
    version: str
    step: str
    option: str


@dataclass(frozen=True)
class StopReviews:
    """ "Stop reviews": no more review messages for this user."""


@dataclass(frozen=True)
class FollowupAnswer:
    """Yes / Not yet / Something went wrong, to the follow-up of a completed `run`."""

    scenario: str
    version: str
    run: int
    outcome: Outcome


@dataclass(frozen=True)
class FollowupProblem:
    """What went wrong, for the follow-up of a completed `run` (`learning.OTHER_PROBLEM`
    for "Something else")."""

    scenario: str
    version: str
    run: int
    problem: str


Action = (
    Answer
    | Next
    | Help
    | Reveal
    | Rate
    | Open
    | Restart
    | Menu
    | Language
    | Forget
    | Reminders
    | ReviewAnswer
    | StopReviews
    | FollowupAnswer
    | FollowupProblem
)

_ANSWER_TAGS = {None: "a", Confidence.SURE: "c", Confidence.GUESSING: "g"}
_CONFIDENCE_BY_TAG = {tag: confidence for confidence, tag in _ANSWER_TAGS.items()}
_OUTCOME_TAGS = {Outcome.DONE: "y", Outcome.NOT_YET: "n", Outcome.PROBLEM: "p"}
_OUTCOME_BY_TAG = {tag: outcome for outcome, tag in _OUTCOME_TAGS.items()}


def encode(action: Action) -> str:
    """Encode an action; ids never contain ':' so the format needs no escaping."""
    match action:
        case Answer(scenario, version, step, option, confidence):
            # One letter says how sure: confidence costs no byte of the 64.
            return f"{_ANSWER_TAGS[confidence]}:{scenario}:{version}:{step}:{option}"
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
        case Reminders(on):
            return "t:on" if on else "t:off"
        case ReviewAnswer(scenario, version, step, option):
            return f"q:{scenario}:{version}:{step}:{option}"
        case StopReviews():
            return "s"
        case FollowupAnswer(scenario, version, run, outcome):
            return f"u:{scenario}:{version}:{run}:{_OUTCOME_TAGS[outcome]}"
        case FollowupProblem(scenario, version, run, problem):
            return f"w:{scenario}:{version}:{run}:{problem}"
    raise AssertionError(action)  # pragma: no cover


def decode(data: str) -> Action | None:
    """Decode callback data; anything malformed or forged gives None, never an exception."""
    if len(data.encode()) > CALLBACK_LIMIT:
        return None
    tag, *parts = data.split(":")
    if not all(parts):
        return None
    match tag, parts:
        case "a" | "c" | "g", [scenario, version, step, option]:
            return Answer(scenario, version, step, option, _CONFIDENCE_BY_TAG[tag])
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
        case "t", ["on" | "off" as answer]:
            return Reminders(answer == "on")
        case "q", [scenario, version, step, option]:
            return ReviewAnswer(scenario, version, step, option)
        case "s", []:
            return StopReviews()
        case "u", [scenario, version, run, outcome] if _run(run) and outcome in _OUTCOME_BY_TAG:
            return FollowupAnswer(scenario, version, int(run), _OUTCOME_BY_TAG[outcome])
        case "w", [scenario, version, run, problem] if _run(run):
            return FollowupProblem(scenario, version, int(run), problem)
    return None


def _run(text: str) -> bool:
    """A run number as a button carries it: 1 or more, plain digits."""
    return text.isdigit() and text.isascii() and not text.startswith("0")
