"""When the bot may write first: a daily window in the deployment's time zone (quiet hours
outside it). Pure: times in, times out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo


class WindowError(ValueError):
    """A window setting that cannot be read; the message says how to write it."""


@dataclass(frozen=True)
class Window:
    start: time
    end: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, text: str, zone: str) -> Window:
        """ "10:00-20:00" in an IANA zone ("Europe/Moscow"); a window may cross midnight."""
        try:
            first, last = (
                datetime.strptime(part.strip(), "%H:%M").time() for part in text.split("-")
            )
        except ValueError:
            raise WindowError(
                f"{text!r}: write the window as HH:MM-HH:MM, e.g. 10:00-20:00"
            ) from None
        if first == last:
            raise WindowError(f"{text!r}: the window's start and end must differ")
        try:
            tz = ZoneInfo(zone)
        except (KeyError, ValueError):
            raise WindowError(f"{zone!r} is not a time zone name, e.g. Europe/Moscow") from None
        return cls(first, last, tz)

    def contains(self, moment: time) -> bool:
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def next_open_ms(self, at_ms: int) -> int:
        """`at_ms` when it is inside the window, else when the window next opens."""
        local = datetime.fromtimestamp(at_ms / 1000, UTC).astimezone(self.zone)
        if self.contains(local.time()):
            return at_ms
        opening = datetime.combine(local.date(), self.start, tzinfo=self.zone)
        if opening <= local:
            opening = datetime.combine(
                local.date() + timedelta(days=1), self.start, tzinfo=self.zone
            )
        return int(opening.timestamp() * 1000)


ALWAYS = Window(time(0, 0), time(23, 59, 59, 999999), ZoneInfo("UTC"))
"""No quiet hours (tests, the terminal player's --due)."""
