"""The send window (quiet hours outside it), in the deployment's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.window import Window, WindowError


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


def test_inside_the_window_is_now_outside_is_the_next_opening() -> None:
    window = Window.parse("10:00-20:00", "Europe/Moscow")  # UTC+3
    assert window.next_open_ms(ms("2026-12-01T08:00")) == ms("2026-12-01T08:00")  # 11:00 MSK
    assert window.next_open_ms(ms("2026-12-01T05:30")) == ms("2026-12-01T07:00")  # 08:30 MSK
    assert window.next_open_ms(ms("2026-12-01T17:00")) == ms("2026-12-02T07:00")  # 20:00 MSK


def test_a_window_may_cross_midnight() -> None:
    night = Window.parse("22:00-02:00", "UTC")
    assert night.next_open_ms(ms("2026-12-01T23:00")) == ms("2026-12-01T23:00")
    assert night.next_open_ms(ms("2026-12-02T01:59")) == ms("2026-12-02T01:59")
    assert night.next_open_ms(ms("2026-12-02T12:00")) == ms("2026-12-02T22:00")


@pytest.mark.parametrize(
    ("text", "zone", "says"),
    [
        ("10-20", "UTC", "HH:MM-HH:MM"),
        ("10:00-10:00", "UTC", "must differ"),
        ("10:00-20:00", "Mars/Olympus", "not a time zone"),
    ],
)
def test_a_setting_that_cannot_be_read_says_how_to_write_it(
    text: str, zone: str, says: str
) -> None:
    with pytest.raises(WindowError, match=says):
        Window.parse(text, zone)
