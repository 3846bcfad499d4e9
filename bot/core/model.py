"""The scenario file format: structure and ids only, every word lives in Fluent files."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
"""Lowercase words joined by single hyphens, so `--` can separate ids in Fluent keys."""

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=40)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Settings(_Strict):
    """Per-scenario behaviour."""

    reveal_after: int = Field(
        2,
        ge=1,
        le=10,
        description="Wrong attempts at a question before the right answer is shown.",
    )
    confidence: bool = Field(
        False,
        description='Ask "sure or guessing?" after each answer to a question, before its '
        "feedback; a question's own `confidence` overrides it.",
    )


class Option(_Strict):
    """One button of a question or choice step."""

    id: Id
    correct: bool = Field(False, description="Whether this is a right answer (questions only).")
    next: Id | None = Field(
        None,
        description="Step to go to after this option. A wrong option without `next` lets the "
        "user try again; a correct one without `next` follows the step's `next`.",
    )


class _StepBase(_Strict):
    id: Id


class InfoStep(_StepBase):
    """Something to read, then a Next button."""

    kind: Literal["info"]
    next: Id


class QuestionStep(_StepBase):
    """A question with right and wrong options; every option has feedback."""

    kind: Literal["question"]
    options: list[Option] = Field(min_length=2, max_length=8)
    next: Id | None = Field(None, description="Default step after a correct answer.")
    confidence: bool | None = Field(
        None,
        description='Ask "sure or guessing?" after the answer to this question; when absent, '
        "`settings.confidence` decides.",
    )


class ChoiceStep(_StepBase):
    """A fork in real life ("what happened?"): no right answer, each option leads somewhere."""

    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2, max_length=8)


class TextStep(_StepBase):
    """The user writes a free-text answer; only its length is ever recorded."""

    kind: Literal["text"]
    next: Id
    min_length: int = Field(
        20, ge=1, le=2000, description="Shorter answers are asked to say a little more."
    )


class EndStep(_StepBase):
    """The summary of the user's part as a checklist, then a 1-5 rating."""

    kind: Literal["end"]
    checklist: list[Id] = Field(min_length=1, max_length=12)


class Followup(_Strict):
    """Some days after completing the scenario: "Did you manage to ...?", and for "something
    went wrong" the problems a learner can pick, each with its own help text."""

    after_days: int = Field(
        ge=1, le=90, description="Days after the run is completed before the question is sent."
    )
    problems: list[Id] = Field(
        min_length=1,
        max_length=7,
        description="What may have gone wrong; each needs a `followup--<id>` label with .help.",
    )


Step = Annotated[
    InfoStep | QuestionStep | ChoiceStep | TextStep | EndStep, Field(discriminator="kind")
]
StepKind = Literal["info", "question", "choice", "text", "end"]


class ScenarioSpec(_Strict):
    """The contents of `scenarios/<id>.yaml`."""

    id: Id
    version: str | int | None = Field(
        None,
        description="Explicit version; when absent a hash of the structure is used, so any "
        "structural change starts new statistics. Quote a decimal: YAML reads 1.10 as 1.1.",
    )
    objectives: list[Id] = Field(
        default_factory=list, description="What the learner should be able to do afterwards."
    )
    start: Id | None = Field(None, description="First step; defaults to the first in the list.")
    settings: Settings = Field(default_factory=lambda: Settings(reveal_after=2))
    steps: list[Step] = Field(min_length=1)
    followup: Followup | None = Field(
        None, description="A question about doing it for real, some days after completing."
    )
