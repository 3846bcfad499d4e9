"""Button actions survive the round trip through callback_data; forged data decodes to None."""

from __future__ import annotations

import pytest

from bot.core import actions
from bot.core.learning import Confidence, Outcome


@pytest.mark.parametrize(
    "action",
    [
        actions.Answer("atm-withdrawal", "1", "protect-pin", "cover"),
        actions.Next("atm-withdrawal", "h1a2b3c4", "intro"),
        actions.Help("contact-support", "2", "describe"),
        actions.Reveal("contact-support", "2", "describe"),
        actions.Rate("atm-withdrawal", "1", 5),
        actions.Open("atm-withdrawal"),
        actions.Restart("atm-withdrawal"),
        actions.Menu(),
        actions.Language("ru"),
        actions.Forget(True),
        actions.Forget(False),
        actions.Answer("atm-withdrawal", "1", "protect-pin", "cover", Confidence.SURE),
        actions.Answer("atm-withdrawal", "1", "protect-pin", "cover", Confidence.GUESSING),
        actions.ReviewAnswer("atm-withdrawal", "2", "protect-pin", "cover"),
        actions.StopReviews(),
        actions.FollowupAnswer("atm-withdrawal", "2", 3, Outcome.DONE),
        actions.FollowupAnswer("atm-withdrawal", "2", 12, Outcome.NOT_YET),
        actions.FollowupAnswer("atm-withdrawal", "2", 1, Outcome.PROBLEM),
        actions.FollowupProblem("atm-withdrawal", "2", 1, "card-kept"),
    ],
)
def test_round_trip(action: actions.Action) -> None:
    data = actions.encode(action)
    assert len(data.encode()) <= actions.CALLBACK_LIMIT
    assert actions.decode(data) == action


@pytest.mark.parametrize(
    "data",
    [
        "",
        "zzz",
        "a:x::y:z",
        "a:x:1:y",
        "r:s:1:9",
        "r:s:1:five",
        "f:maybe",
        "m:extra",
        "o:" + "x" * 70,
        "a:s:1:step:opt:extra",
        "\x00",
        "l:",
        "s:extra",
        "u:s:1:0:y",
        "u:s:1:01:y",
        "u:s:1:-1:y",
        "u:s:1:x:y",
        "u:s:1:1:maybe",
        "w:s:1::card-kept",
        "w:s:1:²:card-kept",
    ],
)
def test_forged_data_is_rejected(data: str) -> None:
    assert actions.decode(data) is None


def test_confidence_costs_no_byte() -> None:
    """A scenario whose answers fit in 64 bytes fits with confidence turned on."""
    plain = actions.Answer("s", "1", "step", "option")
    for confidence in Confidence:
        sure = actions.Answer("s", "1", "step", "option", confidence)
        assert len(actions.encode(sure)) == len(actions.encode(plain))
