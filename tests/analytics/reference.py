"""The funnel definitions as one plain SQL query over the raw `events` table.

Deliberately naive: no derived tables, nothing maintained on write, only the indexes that
`events` has anyway. Tests use it to cross-check the derived tables; `benchmarks/analytics.py`
uses it as the baseline.
"""

from __future__ import annotations

import sqlite3
from typing import Any

FUNNEL_SQL = """
with run_events as (
    select user_id, scenario, run, version, kind, step, at_ms, id, extra
    from events where scenario = :scenario and version = :version
),
runs as (
    select user_id, scenario, run,
        min(at_ms) as started_ms,
        max(at_ms) as last_ms,
        max(kind = 'run_completed') as completed,
        max(kind = 'run_restarted') as restarted,
        (select kind from events l where l.user_id = r.user_id and l.scenario = r.scenario
            and l.run = r.run order by l.id desc limit 1) as last_kind,
        (select step from events l where l.user_id = r.user_id and l.scenario = r.scenario
            and l.run = r.run and l.kind in ('step_shown', 'run_started')
            order by l.id desc limit 1) as last_step
    from run_events r group by user_id, scenario, run
),
judged as materialized (
    select runs.*,
        case
            when completed then 'completed'
            when restarted then 'restarted'
            when exists (select 1 from events n where n.user_id = runs.user_id
                and n.scenario = runs.scenario and n.run = runs.run + 1
                and n.kind = 'run_started' and n.extra like '%from_version%') then 'superseded'
            when last_kind = 'bot_blocked' then 'blocked'
            when last_ms < :cutoff then 'dropped'
            else 'in_progress'
        end as outcome
    from runs
    where date(started_ms / 1000, 'unixepoch') between :since and :until
),
reach as (
    select e.step, count(distinct e.user_id || ':' || e.run) as reach
    from run_events e
    where e.kind in ('step_shown', 'run_started')
        and (e.user_id, e.run) in (select user_id, run from judged)
    group by e.step
),
dropped as (
    select last_step as step, count(*) as dropped from judged
    where outcome = 'dropped' group by last_step
)
select reach.step, reach.reach, coalesce(dropped.dropped, 0)
from reach left join dropped using (step) order by reach.step
"""

OVERVIEW_SQL = (
    FUNNEL_SQL.split("reach as (")[0].rstrip().rstrip(",")
    + """
select outcome, count(*) from judged group by outcome order by outcome
"""
)


def funnel(
    conn: sqlite3.Connection,
    scenario: str,
    version: str,
    *,
    cutoff: int,
    since: str = "0000-01-01",
    until: str = "9999-12-31",
) -> dict[str, tuple[int, int]]:
    """step -> (reach, dropped at) for runs of this version started in [since, until]."""
    params: dict[str, Any] = {
        "scenario": scenario,
        "version": version,
        "cutoff": cutoff,
        "since": since,
        "until": until,
    }
    return {step: (reach, dropped) for step, reach, dropped in conn.execute(FUNNEL_SQL, params)}


def overview(
    conn: sqlite3.Connection,
    scenario: str,
    version: str,
    *,
    cutoff: int,
    since: str = "0000-01-01",
    until: str = "9999-12-31",
) -> dict[str, int]:
    """outcome -> runs."""
    params: dict[str, Any] = {
        "scenario": scenario,
        "version": version,
        "cutoff": cutoff,
        "since": since,
        "until": until,
    }
    return dict(conn.execute(OVERVIEW_SQL, params).fetchall())


COMPLETION_SQL = (
    FUNNEL_SQL.split("reach as (")[0].rstrip().rstrip(",")
    + """
select sum(outcome = 'completed'), count(*) from judged
where started_ms < :cutoff and outcome not in ('in_progress', 'superseded')
"""
)


def completion(
    conn: sqlite3.Connection, scenario: str, version: str, *, cutoff: int
) -> tuple[int, int]:
    """(completed, settled): runs started before the cutoff (now - idle timeout), so each had
    the time to drop, with a verdict (not in progress, not superseded)."""
    params: dict[str, Any] = {
        "scenario": scenario,
        "version": version,
        "cutoff": cutoff,
        "since": "0000-01-01",
        "until": "9999-12-31",
    }
    completed, settled = conn.execute(COMPLETION_SQL, params).fetchone()
    return completed or 0, settled
