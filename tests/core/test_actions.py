"""Button actions survive the round trip through callback_data; forged data decodes to None."""

from __future__ import annotations

import pytest

from bot.core import actions


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
    ],
)
def test_forged_data_is_rejected(data: str) -> None:
    assert actions.decode(data) is None
