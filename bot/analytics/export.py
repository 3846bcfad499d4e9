"""Exports of events, runs and step visits under pseudonymous user keys, as CSV or JSON.

A user appears as `users.key`, a random token made when the user was created; never the
Telegram id, the login or a name. A user who asked to be forgotten has no key any more: their
rows keep an empty `user`.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from bot.analytics.figures import iso

KINDS = ("events", "runs", "steps")

EVENT_COLUMNS = (
    "user",
    "scenario",
    "version",
    "run",
    "step",
    "locale",
    "kind",
    "at",
    "at_ms",
    "option",
    "correct",
    "attempt",
    "elapsed_ms",
    "level",
    "length",
    "score",
    "extra",
)
RUN_COLUMNS = (
    "user",
    "scenario",
    "version",
    "run",
    "locale",
    "source",
    "day",
    "started_at",
    "start_step",
    "from_version",
    "outcome",
    "last_step",
    "last_at",
    "ended_at",
    "duration_s",
    "steps",
    "score",
    "longest_pause_s",
)
STEP_COLUMNS = (
    "user",
    "scenario",
    "version",
    "run",
    "step",
    "locale",
    "source",
    "day",
    "first_shown_at",
    "answered",
    "first_correct",
    "first_answer_s",
    "answers_to_correct",
    "corrected",
    "revealed",
    "help",
    "help_human",
    "typed",
    "switched",
    "struggled",
)
COLUMNS = {"events": EVENT_COLUMNS, "runs": RUN_COLUMNS, "steps": STEP_COLUMNS}


def record(kind: str, row: tuple[Any, ...], *, cutoff_ms: int) -> dict[str, Any]:
    """Name and format one raw row of an export (`Storage.export`). A run with no outcome
    last active before `cutoff_ms` is "dropped", else "in_progress"."""
    if kind == "events":
        (key, scenario, version, run, step, locale, kind_, at_ms, *rest) = row
        values = [key, scenario, version, run, step, locale, kind_, iso(at_ms), at_ms, *rest]
        return dict(zip(EVENT_COLUMNS, values, strict=True))
    if kind == "runs":
        (key, scenario, version, run, locale, source, day, started, start_step) = row[:9]
        (from_version, outcome, last_step, last_ms, ended, steps, score, gap) = row[9:]
        if outcome is None:
            outcome = "dropped" if last_ms < cutoff_ms else "in_progress"
        end = ended if ended is not None else last_ms
        values = [
            key,
            scenario,
            version,
            run,
            locale,
            source,
            day,
            iso(started),
            start_step,
            from_version,
            outcome,
            last_step,
            iso(last_ms),
            iso(ended) if ended is not None else None,
            (end - started) // 1000,
            steps,
            score,
            gap // 1000,
        ]
        return dict(zip(RUN_COLUMNS, values, strict=True))
    if kind == "steps":
        values = list(row)
        values[8] = iso(values[8])
        values[11] = None if values[11] is None else values[11] // 1000
        values[12] = values[12] if values[13] else None
        return dict(zip(STEP_COLUMNS, values, strict=True))
    raise ValueError(f"unknown export {kind!r} (expected one of {', '.join(KINDS)})")


class Writer:
    """Streams records as CSV (a header, then one line per row) or as one JSON array with
    one object per line."""

    def __init__(self, columns: tuple[str, ...], fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.count = 0
        self.csv = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        if fmt == "csv":
            self.csv.writeheader()
        else:
            out.write("[")

    def add(self, item: dict[str, Any]) -> None:
        if self.fmt == "csv":
            self.csv.writerow(item)
        else:
            self.out.write(",\n" if self.count else "\n")
            self.out.write(json.dumps(item, ensure_ascii=False))
        self.count += 1

    def close(self) -> int:
        """Finish the document; returns the number of rows."""
        if self.fmt != "csv":
            self.out.write("\n]\n" if self.count else "]\n")
        return self.count
