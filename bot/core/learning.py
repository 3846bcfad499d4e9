"""Values the learning loop's buttons, events and schedules share: how sure a learner was of
an answer, and what they report about doing it for real."""

from __future__ import annotations

from enum import StrEnum


class Confidence(StrEnum):
    """The learner's own "sure or guessing?", given before they see whether they were right."""

    SURE = "sure"
    GUESSING = "guessing"


class Outcome(StrEnum):
    """The answer to a follow-up's "Did you manage to ...?"."""

    DONE = "done"
    NOT_YET = "not_yet"
    PROBLEM = "problem"


OTHER_PROBLEM = "other"
"""The problem id of the follow-up's "Something else" button; a scenario cannot use it."""
