"""Which runs a figure or an export counts: period, language, version, source, scenarios."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

ALL = "all"
UNLESS_ASKED = ("studio",)
"""Sources counted only when a filter names them: the studio's preview conversations."""


@dataclass(frozen=True)
class Filters:
    """Which runs count. Dates are UTC days, both ends included; a run belongs to the day it
    started. `version` None means each scenario's current version, "all" every version.
    `source` None means every source but those in UNLESS_ASKED."""

    since: date | None = None
    until: date | None = None
    lang: str | None = None
    version: str | None = None
    source: str | None = None
    scenarios: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "lang": self.lang or ALL,
            "version": self.version or "current",
            "source": self.source or ALL,
            "scenarios": list(self.scenarios) or ALL,
        }


def parse_since(text: str, today: date) -> date:
    """`today`, `yesterday`, `7d` (today and the 6 days before), `4w`, or an ISO date."""
    text = text.strip().lower()
    if text in ("today", "yesterday"):
        return today - timedelta(days=int(text == "yesterday"))
    for suffix, days in (("d", 1), ("w", 7)):
        if text.endswith(suffix) and text[:-1].isdigit():
            return today - timedelta(days=int(text[:-1]) * days - 1)
    return date.fromisoformat(text)


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)
