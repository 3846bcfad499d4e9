"""Reads for owners on SQLite: the tallies behind every figure, exports, who is there."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from bot.analytics.filters import UNLESS_ASKED, Filters
from bot.analytics.metrics import Tallies
from bot.analytics.rollup import STEP_COUNTERS
from bot.storage.port import ExportKind
from bot.storage.sqlite.derived import source_of

_NOT_ASKED = f"source not in ({', '.join('?' * len(UNLESS_ASKED))})"


class _Where:
    """The WHERE clause shared by every derived table."""

    def __init__(self, filters: Filters) -> None:
        clauses, params = ["1"], []
        if filters.since is not None:
            clauses.append("day >= ?")
            params.append(filters.since.isoformat())
        if filters.until is not None:
            clauses.append("day <= ?")
            params.append(filters.until.isoformat())
        if filters.lang is not None:
            clauses.append("locale = ?")
            params.append(filters.lang)
        if filters.source is not None:
            clauses.append("source = ?")
            params.append(filters.source)
        else:
            clauses.append(_NOT_ASKED)
            params.extend(UNLESS_ASKED)
        if filters.scenarios:
            clauses.append(f"scenario in ({', '.join('?' * len(filters.scenarios))})")
            params.extend(filters.scenarios)
        self.sql = " and ".join(clauses)
        self.params: list[Any] = params


def tallies(conn: sqlite3.Connection, filters: Filters, cutoff_ms: int) -> Tallies:
    """Each GROUP BY follows its table's primary key (migration m002): no sorting needed."""
    q = _Where(filters)
    sums = ", ".join(f"sum({c})" for c in STEP_COUNTERS)
    return Tallies(
        unfinished=conn.execute(
            # Open and blocked runs by last step: the only figures that depend on the idle
            # timeout. One pass over the partial index that holds just these runs.
            "select scenario, version, locale, last_step, outcome, last_ms < ?, count(*), "
            "sum(last_struggled = 0) from runs "
            f"where (outcome is null or outcome = 'blocked') and {q.sql} "
            "group by scenario, version, locale, last_step, outcome, last_ms < ?",
            [cutoff_ms, *q.params, cutoff_ms],
        ).fetchall(),
        runs=conn.execute(
            "select scenario, version, locale, sum(runs), sum(fresh), sum(continued), "
            "sum(completed), sum(restarted), sum(superseded), sum(rated), sum(score_sum) "
            f"from run_daily where {q.sql} group by scenario, version, locale",
            q.params,
        ).fetchall(),
        complete_times=conn.execute(
            "select scenario, version, seconds, locale, sum(n) from complete_times "
            f"where {q.sql} group by scenario, version, seconds, locale",
            q.params,
        ).fetchall(),
        steps=conn.execute(
            f"select scenario, version, step, locale, {sums} from step_daily where {q.sql} "
            "group by scenario, version, step, locale",
            q.params,
        ).fetchall(),
        answer_times=conn.execute(
            "select scenario, version, step, seconds, locale, sum(n) from answer_times "
            f"where {q.sql} group by scenario, version, step, seconds, locale",
            q.params,
        ).fetchall(),
        options=conn.execute(
            "select scenario, version, step, option, locale, sum(chosen), sum(wrong) "
            f"from option_daily where {q.sql} group by scenario, version, step, option, locale",
            q.params,
        ).fetchall(),
        latest=conn.execute(
            f"select scenario, version from run_daily where {_NOT_ASKED} "
            "group by scenario, version order by max(day)",
            UNLESS_ASKED,
        ).fetchall(),
        blocked_users=conn.execute("select count(*) from users where blocked = 1").fetchone()[0],
    )


def scenarios_seen(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("select distinct scenario from run_daily")}


def users_by_source(conn: sqlite3.Connection) -> dict[str, int]:
    found: dict[str, int] = {}
    for (external_id,) in conn.execute("select external_id from users"):
        source = source_of(external_id)
        found[source] = found.get(source, 0) + 1
    return found


def _export_where(filters: Filters, alias: str, *, by_event_time: bool) -> tuple[str, list[Any]]:
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
        else:
            clauses.append(f"{alias}.{_NOT_ASKED}")
            params.extend(UNLESS_ASKED)
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


_EXPORTS: dict[str, tuple[str, str, bool]] = {
    "events": (
        "e",
        "select u.key, e.scenario, e.version, e.run, e.step, e.locale, e.kind, e.at_ms, "
        "e.option, e.correct, e.attempt, e.elapsed_ms, e.level, e.length, e.score, e.extra "
        "from events e left join users u on u.id = e.user_id where {where} order by e.id",
        True,
    ),
    "runs": (
        "r",
        "select u.key, r.scenario, r.version, r.run, r.locale, r.source, r.day, "
        "r.started_ms, r.start_step, r.from_version, r.outcome, r.last_step, r.last_ms, "
        "r.ended_ms, r.steps, r.score, r.max_gap_ms "
        "from runs r left join users u on u.id = r.user_id where {where} "
        "order by r.started_ms, r.user_id, r.run",
        False,
    ),
    "steps": (
        "v",
        "select u.key, v.scenario, v.version, v.run, v.step, v.locale, v.source, v.day, "
        "v.first_ms, v.answered, v.first_correct, v.first_elapsed_ms, v.answers, "
        "v.corrected, v.revealed, v.help, v.help_human, v.typed, v.switched, v.struggled "
        "from visits v left join users u on u.id = v.user_id where {where} "
        "order by v.first_ms, v.user_id, v.run, v.step",
        False,
    ),
}


def export(
    conn: sqlite3.Connection, kind: ExportKind, filters: Filters
) -> Iterator[tuple[Any, ...]]:
    """Raw rows of one export (`bot.analytics.export` names and formats the columns)."""
    alias, sql, by_event_time = _EXPORTS[kind]
    where, params = _export_where(filters, alias, by_event_time=by_event_time)
    yield from conn.execute(sql.format(where=where), params)
