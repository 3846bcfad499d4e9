"""Exports of events, runs and step visits under pseudonymous user keys, as CSV or JSON.

A user appears as `users.key`, a random token made when the user was created; never the
Telegram id, the login or a name. A user who asked to be forgotten has no key any more: their
rows keep an empty `user`.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import Any, TextIO

from bot.analytics.metrics import Filters, iso

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


def _where(filters: Filters, alias: str, *, by_event_time: bool) -> tuple[str, list[Any]]:
    clauses, params = ["1"], []
    if by_event_time:
        if filters.since is not None:
            clauses.append(f"{alias}.at_ms >= strftime('%s', ?) * 1000")
            params.append(filters.since.isoformat())
        if filters.until is not None:
            clauses.append(f"{alias}.at_ms < (strftime('%s', ?) + 86400) * 1000")
            params.append(filters.until.isoformat())
    else:
        if filters.since is not None:
            clauses.append(f"{alias}.day >= ?")
            params.append(filters.since.isoformat())
        if filters.until is not None:
            clauses.append(f"{alias}.day <= ?")
            params.append(filters.until.isoformat())
        if filters.source is not None:
            clauses.append(f"{alias}.source = ?")
            params.append(filters.source)
    if filters.lang is not None:
        clauses.append(f"{alias}.locale = ?")
        params.append(filters.lang)
    if filters.version not in (None, "all"):
        clauses.append(f"{alias}.version = ?")
        params.append(filters.version)
    if filters.scenarios:
        clauses.append(f"{alias}.scenario in ({', '.join('?' * len(filters.scenarios))})")
        params.extend(filters.scenarios)
    return " and ".join(clauses), params


def rows(
    conn: sqlite3.Connection,
    kind: str,
    filters: Filters,
    *,
    now_ms: int,
    idle_timeout_hours: float,
) -> Iterator[dict[str, Any]]:
    """The rows of one export, in a stable order. `version` None here means every version."""
    cutoff = now_ms - int(idle_timeout_hours * 3_600_000)
    if kind == "events":
        where, params = _where(filters, "e", by_event_time=True)
        cursor = conn.execute(
            "select u.key, e.scenario, e.version, e.run, e.step, e.locale, e.kind, e.at_ms, "
            "e.option, e.correct, e.attempt, e.elapsed_ms, e.level, e.length, e.score, e.extra "
            f"from events e left join users u on u.id = e.user_id where {where} order by e.id",
            params,
        )
        for row in cursor:
            (key, scenario, version, run, step, locale, kind_, at_ms, *rest) = row
            values = [key, scenario, version, run, step, locale, kind_, iso(at_ms), at_ms, *rest]
            yield dict(zip(EVENT_COLUMNS, values, strict=True))
    elif kind == "runs":
        where, params = _where(filters, "r", by_event_time=False)
        cursor = conn.execute(
            "select u.key, r.scenario, r.version, r.run, r.locale, r.source, r.day, "
            "r.started_ms, r.start_step, r.from_version, r.outcome, r.last_step, r.last_ms, "
            "r.ended_ms, r.steps, r.score, r.max_gap_ms "
            f"from runs r left join users u on u.id = r.user_id where {where} "
            "order by r.started_ms, r.user_id, r.run",
            params,
        )
        for row in cursor:
            (key, scenario, version, run, locale, source, day, started, start_step) = row[:9]
            (from_version, outcome, last_step, last_ms, ended, steps, score, gap) = row[9:]
            if outcome is None:
                outcome = "dropped" if last_ms < cutoff else "in_progress"
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
            yield dict(zip(RUN_COLUMNS, values, strict=True))
    elif kind == "steps":
        where, params = _where(filters, "v", by_event_time=False)
        cursor = conn.execute(
            "select u.key, v.scenario, v.version, v.run, v.step, v.locale, v.source, v.day, "
            "v.first_ms, v.answered, v.first_correct, v.first_elapsed_ms, v.answers, "
            "v.corrected, v.revealed, v.help, v.help_human, v.typed, v.switched, v.struggled "
            f"from visits v left join users u on u.id = v.user_id where {where} "
            "order by v.first_ms, v.user_id, v.run, v.step",
            params,
        )
        for row in cursor:
            values = list(row)
            values[8] = iso(values[8])
            values[11] = None if values[11] is None else values[11] // 1000
            values[12] = values[12] if values[13] else None
            yield dict(zip(STEP_COLUMNS, values, strict=True))
    else:
        raise ValueError(f"unknown export {kind!r} (expected one of {', '.join(KINDS)})")


def write(
    records: Iterator[dict[str, Any]], columns: tuple[str, ...], fmt: str, out: TextIO
) -> int:
    """Stream rows as CSV (a header, then one line per row) or as one JSON array with one
    object per line. Returns the number of rows."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(record)
            count += 1
        return count
    out.write("[")
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(record, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
