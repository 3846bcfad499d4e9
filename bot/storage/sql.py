"""Portable SQL both backends run: `?` placeholders (the PostgreSQL backend numbers them),
nothing SQLite- or PostgreSQL-only. Backend-specific SQL stays in each backend's package."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.analytics.filters import UNLESS_ASKED, Filters
from bot.analytics.rollup import (
    COUNTER_TABLES,
    RUN_FIELDS,
    SOURCES,
    STEP_COUNTERS,
    UNKNOWN_SOURCE,
    VISIT_FIELDS,
    Delta,
    Fact,
)
from bot.core.events import Event
from bot.core.progress import Progress, Status
from bot.storage.port import KEEP, Change, ExportKind, User

Statement = tuple[str, list[list[Any]]]
"""SQL and the parameter rows to run it with (executemany)."""


def numbered(sql: str) -> str:
    """`?` placeholders as `$1, $2, ...` (asyncpg); SQL here never has `?` in literals."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


# -- one input's unit of work ----------------------------------------------------------------

CLAIM = (
    "insert into processed_updates (update_id, at_ms) values (?, ?) "
    "on conflict (update_id) do nothing"
)
USER_COLUMNS = (
    "id, external_id, key, locale, locale_chosen, active_scenario, blocked, pressed_message, "
    "reminders, reviews"
)
SELECT_USER = f"select {USER_COLUMNS} from users where external_id = ?"
INSERT_USER = (
    "insert into users (external_id, key, locale, locale_chosen, blocked, created_ms) "
    "values (?, ?, ?, 0, 0, ?) on conflict (external_id) do nothing"
)
PROGRESS_COLUMNS = (
    "scenario, version, run, status, step, attempts, help_level, shown_at_ms, rated, shown"
)
SELECT_PROGRESS = f"select {PROGRESS_COLUMNS} from progress where user_id = ? and scenario = ?"
SELECT_ALL_PROGRESS = f"select {PROGRESS_COLUMNS} from progress where user_id = ?"
UPSERT_PROGRESS = """
insert into progress (user_id, scenario, version, run, status, step, attempts, help_level,
                      shown_at_ms, rated, updated_ms, shown)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (user_id, scenario) do update set
    version = excluded.version, run = excluded.run, status = excluded.status,
    step = excluded.step, attempts = excluded.attempts, help_level = excluded.help_level,
    shown_at_ms = excluded.shown_at_ms, rated = excluded.rated, updated_ms = excluded.updated_ms,
    shown = excluded.shown
"""
EVENT_COLUMNS = ("option", "correct", "attempt", "elapsed_ms", "level", "length", "score")
INSERT_EVENT = (
    "insert into events (user_id, scenario, version, run, step, locale, kind, at_ms, "
    f"{', '.join(EVENT_COLUMNS)}, extra) values ({', '.join(['?'] * (len(EVENT_COLUMNS) + 9))})"
)
INSERT_FAILED = (
    "insert into failed_updates (update_id, kind, error, attempts, at_ms) "
    "values (?, ?, ?, ?, ?) on conflict (update_id) do nothing"
)
FORGET_PROCESSED = "delete from processed_updates where at_ms < ?"
DELETE_PROGRESS = "delete from progress where user_id = ?"
DELETE_USER = "delete from users where id = ?"


# -- the outbox and its pacing ----------------------------------------------------------------

INSERT_OUTGOING = "insert into outbox (chat_id, body, created_ms) values (?, ?, ?)"
CLAIM_CHAT = (
    "update outbox set claimed_by = ?, claimed_until_ms = ? where chat_id = ? and not exists ("
    "select 1 from outbox h where h.chat_id = ? and h.claimed_by <> ? "
    "and h.claimed_until_ms >= ?) returning id, body"
)
"""All of a chat's rows for a claim, unless another live claim holds the chat: one statement
(the order of RETURNING is not defined: sort by id)."""
WAITING_CHATS = (
    "select distinct chat_id from outbox o "
    "where (o.claimed_until_ms is null or o.claimed_until_ms < ?) and not exists ("
    "select 1 from outbox h where h.chat_id = o.chat_id and h.claimed_until_ms >= ?) limit ?"
)
DELETE_OUTGOING = "delete from outbox where id = ?"
EXTEND_CLAIM = "update outbox set claimed_until_ms = ? where claimed_by = ?"
PACE_SEED = "insert into send_pace (scope, tat_ms) values (?, 0) on conflict (scope) do nothing"
PACE_READ = "select tat_ms from send_pace where scope = ?"
PACE_WRITE = "update send_pace set tat_ms = ? where scope = ?"
PACE_PUSH = (
    "insert into send_pace (scope, tat_ms) values (?, ?) on conflict (scope) do update "
    "set tat_ms = case when send_pace.tat_ms > excluded.tat_ms then send_pace.tat_ms "
    "else excluded.tat_ms end"
)
# -- the learning loop's jobs and review cards -------------------------------------------------

UPSERT_JOB = (
    "insert into jobs (user_id, kind, scenario, run, due_ms) values (?, ?, ?, ?, ?) "
    "on conflict (user_id, kind, scenario) do update set run = excluded.run, "
    "due_ms = excluded.due_ms, claimed_by = null, claimed_until_ms = null"
)
DELETE_JOBS = "delete from jobs where user_id = ?"
TAKE_JOB = "delete from jobs where id = ? returning user_id, kind, scenario, run, due_ms, id"
CLAIM_JOBS = (
    "update jobs set claimed_by = ?, claimed_until_ms = ? where id in (select j.id from jobs j "
    "join users u on u.id = j.user_id where u.external_id like ? and j.due_ms <= ? and "
    "(j.claimed_until_ms is null or j.claimed_until_ms < ?) order by j.due_ms limit ?)"
)
CLAIMED_JOBS = (
    "select j.id, u.external_id, j.due_ms from jobs j join users u on u.id = j.user_id "
    "where j.claimed_by = ? order by j.due_ms"
)
NEXT_JOB = "select min(due_ms) from jobs"
SELECT_CARDS = "select card from review_cards where user_id = ? order by scenario, step"
UPSERT_CARD = (
    "insert into review_cards (user_id, scenario, step, card) values (?, ?, ?, ?) "
    "on conflict (user_id, scenario, step) do update set card = excluded.card"
)
DELETE_CARDS = "delete from review_cards where user_id = ?"


def _narrowed(statement: str, **conditions: str | None) -> tuple[str, list[Any]]:
    """`statement` (whose first parameter is the user id) narrowed by the conditions given."""
    given = {column: value for column, value in conditions.items() if value is not None}
    where = "".join(f" and {column} = ?" for column in given)
    return statement + where, list(given.values())


def delete_jobs(kind: str | None, scenario: str | None) -> tuple[str, list[Any]]:
    """The DELETE for `Unit.cancel` (the user id is the first parameter)."""
    return _narrowed(DELETE_JOBS, kind=kind, scenario=scenario)


def delete_cards(scenario: str | None, step: str | None) -> tuple[str, list[Any]]:
    return _narrowed(DELETE_CARDS, scenario=scenario, step=step)


PACE_DELETE = "delete from send_pace where scope = ?"
PACE_TIDY = "delete from send_pace where scope <> 0 and tat_ms < ?"


def user_from_row(row: Iterable[Any]) -> User:
    """A row of SELECT_USER."""
    (id_, external_id, key, locale, chosen, active, blocked, pressed, reminders, reviews) = tuple(
        row
    )
    return User(
        id_,
        external_id,
        key,
        locale,
        bool(chosen),
        active,
        bool(blocked),
        pressed,
        reminders,
        bool(reviews),
    )


def progress_from_row(row: Iterable[Any]) -> Progress:
    """A row of SELECT_PROGRESS."""
    (scenario, version, run, status, step, attempts, help_level, shown_at_ms, rated, shown) = (
        tuple(row)
    )
    return Progress(
        scenario=scenario,
        version=version,
        run=run,
        status=Status(status),
        step=step,
        attempts=attempts,
        help_level=help_level,
        shown_at_ms=shown_at_ms,
        rated=bool(rated),
        shown=shown,
    )


def progress_row(change: Change) -> list[Any]:
    p = change.progress
    assert p is not None
    return [
        change.user_id,
        p.scenario,
        p.version,
        p.run,
        p.status.value,
        p.step,
        p.attempts,
        p.help_level,
        p.shown_at_ms,
        int(p.rated),
        change.now_ms,
        p.shown,
    ]


def event_row(user_id: int, event: Event) -> list[Any]:
    details = event.details()
    columns = [details.pop(name, None) for name in EVENT_COLUMNS]
    columns = [int(v) if isinstance(v, bool) else v for v in columns]
    extra = (
        json.dumps(details, sort_keys=True)
        if any(v is not None for v in details.values())
        else None
    )
    return [
        user_id,
        event.scenario,
        event.version,
        event.run,
        event.step,
        event.locale,
        event.kind,
        event.at_ms,
        *columns,
        extra,
    ]


def user_update(change: Change) -> tuple[str, list[Any]] | None:
    """The UPDATE of the user row a change asks for, if any."""
    sets: dict[str, Any] = {}
    if change.locale is not None:
        sets |= {"locale": change.locale, "locale_chosen": 1}
    if change.active_scenario is not KEEP:
        sets["active_scenario"] = change.active_scenario
    if change.blocked is not None:
        sets["blocked"] = int(change.blocked)
    if change.pressed_message is not None:
        sets["pressed_message"] = change.pressed_message
    if change.reminders is not None:
        sets["reminders"] = change.reminders
    if change.reviews is not None:
        sets["reviews"] = int(change.reviews)
    if not sets:
        return None
    assignments = ", ".join(f"{column} = ?" for column in sets)
    return f"update users set {assignments} where id = ?", [*sets.values(), change.user_id]


# -- derived analytics rows ------------------------------------------------------------------

RUN_PK = ("user_id", "scenario", "run")
VISIT_PK = ("user_id", "scenario", "run", "step")
DERIVED_TABLES = ("runs", "visits", *COUNTER_TABLES)
SELECT_RUN = (
    f"select {', '.join(RUN_FIELDS)} from runs where user_id = ? and scenario = ? and run = ?"
)
SELECT_VISITS = (
    f"select {', '.join(VISIT_FIELDS)} from visits where user_id = ? and scenario = ? and run = ?"
)
SELECT_EXTERNAL_ID = "select external_id from users where id = ?"
EVENT_FACT_COLUMNS = (
    "user_id, scenario, version, run, step, locale, kind, at_ms, option, correct, level, "
    "elapsed_ms, score, extra"
)
EVENTS_AFTER = f"select id, {EVENT_FACT_COLUMNS} from events where id > ? order by id limit ?"


def _upsert_counts(table: str, key: tuple[str, ...], counters: tuple[str, ...]) -> str:
    columns = (*key, *counters)
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counters)
    return (
        f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))}) "
        f"on conflict ({', '.join(key)}) do update set {updates}"
    )


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"


def _update(table: str, columns: tuple[str, ...], pk: tuple[str, ...]) -> str:
    """Updating in place, not replacing, leaves the indexes alone unless their columns change."""
    sets = ", ".join(f"{c} = ?" for c in columns if c not in pk)
    return f"update {table} set {sets} where {' and '.join(f'{c} = ?' for c in pk)}"


_UPSERTS = {table: _upsert_counts(table, *spec) for table, spec in COUNTER_TABLES.items()}
_INSERT_RUN, _UPDATE_RUN = _insert("runs", RUN_FIELDS), _update("runs", RUN_FIELDS, RUN_PK)
_INSERT_VISIT = _insert("visits", VISIT_FIELDS)
_UPDATE_VISIT = _update("visits", VISIT_FIELDS, VISIT_PK)
_RUN_ORDER = tuple(c for c in RUN_FIELDS if c not in RUN_PK) + RUN_PK
_VISIT_ORDER = tuple(c for c in VISIT_FIELDS if c not in VISIT_PK) + VISIT_PK


def source_of(external_id: str) -> str:
    return SOURCES.get(external_id.split(":", 1)[0], UNKNOWN_SOURCE)


def delta_statements(delta: Delta) -> list[Statement]:
    """What persists a rollup's changes. Counter rows are shared between users, so they are
    written in one fixed order (table, then key): concurrent writers on PostgreSQL then lock
    them in the same order and cannot deadlock."""

    def values(rows: Iterable[object], columns: tuple[str, ...]) -> list[list[Any]]:
        return [[getattr(r, c) for c in columns] for r in rows]

    found: list[Statement] = [
        (_INSERT_RUN, values(delta.new_runs, RUN_FIELDS)),
        (_UPDATE_RUN, values(delta.changed_runs, _RUN_ORDER)),
        (_INSERT_VISIT, values(delta.new_visits, VISIT_FIELDS)),
        (_UPDATE_VISIT, values(delta.changed_visits, _VISIT_ORDER)),
    ]
    for table in sorted(delta.counts):
        counts = delta.counts[table]
        found.append((_UPSERTS[table], [[*k, *counts[k]] for k in sorted(counts)]))
    return [(sql, rows) for sql, rows in found if rows]


def fact_from_row(row: Iterable[Any]) -> Fact:
    """A row of `select EVENT_FACT_COLUMNS from events`."""
    (user_id, scenario, version, run, step, locale, kind, at_ms, option, correct, level,
     elapsed_ms, score, extra) = row  # fmt: skip
    details = json.loads(extra) if extra else {}
    return Fact(
        user_id,
        scenario,
        version,
        run,
        step,
        locale,
        kind,
        at_ms,
        option,
        correct,
        level,
        elapsed_ms,
        score,
        details.get("from_version"),
        details.get("confidence"),
        details.get("elapsed_days"),
        details.get("outcome"),
        details.get("problem"),
    )


# -- reads for owners ------------------------------------------------------------------------


NOT_ASKED = f"source not in ({', '.join('?' * len(UNLESS_ASKED))})"
"""Leaves out the sources counted only when a filter names them (studio previews)."""


class _Where:
    """The WHERE clause shared by every derived table."""

    def __init__(self, filters: Filters) -> None:
        clauses: list[str] = ["1 = 1"]
        params: list[Any] = []
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
            clauses.append(NOT_ASKED)
            params.extend(UNLESS_ASKED)
        if filters.scenarios:
            clauses.append(f"scenario in ({', '.join('?' * len(filters.scenarios))})")
            params.extend(filters.scenarios)
        self.sql = " and ".join(clauses)
        self.params: list[Any] = params


def tallies_queries(filters: Filters, cutoff_ms: int) -> dict[str, tuple[str, list[Any]]]:
    """The queries behind `metrics.Tallies`, by field. Each GROUP BY follows its table's
    primary key (SQLite's m002): no sorting needed there."""
    q = _Where(filters)
    sums = ", ".join(f"sum({c})" for c in STEP_COUNTERS)
    idle = "case when last_ms < ? then 1 else 0 end"
    return {
        # Open and blocked runs by last step: the only figures that depend on the idle
        # timeout. One pass over the partial index that holds just these runs.
        "unfinished": (
            f"select scenario, version, locale, last_step, outcome, {idle}, count(*), "
            "sum(case when last_struggled = 0 then 1 else 0 end) from runs "
            f"where (outcome is null or outcome = 'blocked') and {q.sql} "
            "group by 1, 2, 3, 4, 5, 6",
            [cutoff_ms, *q.params],
        ),
        "runs": (
            "select scenario, version, locale, sum(runs), sum(fresh), sum(continued), "
            "sum(completed), sum(restarted), sum(superseded), sum(rated), sum(score_sum) "
            f"from run_daily where {q.sql} group by scenario, version, locale",
            q.params,
        ),
        "recent": (
            # Runs started within the idle timeout that already ended: too young to judge
            # (those that will drop cannot have yet). A short range of the start-time index.
            "select scenario, version, locale, outcome, count(*) from runs "
            "where started_ms >= ? and outcome in ('completed', 'restarted', 'blocked') "
            f"and {q.sql} group by scenario, version, locale, outcome",
            [cutoff_ms, *q.params],
        ),
        "complete_times": (
            "select scenario, version, pause, seconds, locale, sum(n) from complete_times "
            f"where {q.sql} group by scenario, version, pause, seconds, locale",
            q.params,
        ),
        "steps": (
            f"select scenario, version, step, locale, {sums} from step_daily where {q.sql} "
            "group by scenario, version, step, locale",
            q.params,
        ),
        "answer_times": (
            "select scenario, version, step, seconds, locale, sum(n) from answer_times "
            f"where {q.sql} group by scenario, version, step, seconds, locale",
            q.params,
        ),
        "options": (
            "select scenario, version, step, option, locale, sum(chosen), sum(wrong) "
            f"from option_daily where {q.sql} group by scenario, version, step, option, locale",
            q.params,
        ),
        # The learning loop (docs/metrics.md), counted under the run like every figure.
        "reminders": (
            "select scenario, version, step, locale, sum(sent), sum(resumed), sum(completed) "
            f"from reminder_daily where {q.sql} group by scenario, version, step, locale",
            q.params,
        ),
        "reviews": (
            "select scenario, version, step, days, locale, sum(answered), sum(correct) "
            f"from review_daily where {q.sql} group by scenario, version, step, days, locale",
            q.params,
        ),
        "confidence": (
            "select scenario, version, step, option, locale, sum(sure), sum(guessing), "
            f"sum(sure_wrong), sum(guessing_wrong) from confidence_daily where {q.sql} "
            "group by scenario, version, step, option, locale",
            q.params,
        ),
        "followups": (
            "select scenario, version, locale, sum(asked), sum(answered), sum(done), "
            f"sum(not_yet), sum(problem) from followup_daily where {q.sql} "
            "group by scenario, version, locale",
            q.params,
        ),
        "problems": (
            "select scenario, version, problem, locale, sum(n) from followup_problems "
            f"where {q.sql} group by scenario, version, problem, locale",
            q.params,
        ),
        "latest": (
            f"select scenario, version from run_daily where {NOT_ASKED} "
            "group by scenario, version order by max(day), scenario, version",
            list(UNLESS_ASKED),
        ),
        "blocked_users": (
            # Blocked now, among the users with a run in the selection (runs' columns first).
            "select count(*) from users where blocked = 1 and exists "
            f"(select 1 from runs where runs.user_id = users.id and {q.sql})",
            q.params,
        ),
    }


SCENARIOS_SEEN = "select distinct scenario from run_daily"
EXTERNAL_IDS = "select external_id from users"


def _day_start_ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def _export_where(filters: Filters, alias: str, *, by_event_time: bool) -> tuple[str, list[Any]]:
    clauses: list[str] = ["1 = 1"]
    params: list[Any] = []
    if by_event_time:
        if filters.since is not None:
            clauses.append(f"{alias}.at_ms >= ?")
            params.append(_day_start_ms(filters.since))
        if filters.until is not None:
            clauses.append(f"{alias}.at_ms < ?")
            params.append(_day_start_ms(filters.until + timedelta(days=1)))
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
            clauses.append(f"{alias}.{NOT_ASKED}")
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


def export_query(kind: ExportKind, filters: Filters) -> tuple[str, list[Any]]:
    """The query of one export (`bot.analytics.export` names and formats the columns)."""
    alias, sql, by_event_time = _EXPORTS[kind]
    where, params = _export_where(filters, alias, by_event_time=by_event_time)
    return sql.format(where=where), params


# -- copying a whole installation ------------------------------------------------------------

COPIED: dict[str, tuple[str, ...]] = {
    "users": (
        "id", "external_id", "key", "locale", "locale_chosen", "active_scenario", "blocked",
        "created_ms", "pressed_message", "reminders", "reviews",
    ),
    "progress": (
        "user_id", "scenario", "version", "run", "status", "step", "attempts", "help_level",
        "shown_at_ms", "rated", "updated_ms", "shown",
    ),
    "events": (
        "id", "user_id", "scenario", "version", "run", "step", "locale", "kind", "at_ms",
        "option", "correct", "attempt", "elapsed_ms", "level", "length", "score", "extra",
    ),
    "processed_updates": ("update_id", "at_ms"),
    "jobs": ("id", "user_id", "kind", "scenario", "run", "due_ms"),
    "review_cards": ("user_id", "scenario", "step", "card"),
}  # fmt: skip
"""The tables `rolebot db copy` moves, in an order that satisfies foreign keys; the derived
analytics tables are rebuilt on the target instead (which also proves them equal)."""
COPY_ORDER = {"users": "id", "progress": "user_id, scenario", "events": "id",
              "processed_updates": "update_id", "jobs": "id",
              "review_cards": "user_id, scenario, step"}  # fmt: skip


def copy_select(table: str) -> str:
    return f"select {', '.join(COPIED[table])} from {table} order by {COPY_ORDER[table]}"


def copy_insert(table: str, *, overriding: bool = False) -> str:
    """`overriding`: PostgreSQL's identity columns take the copied ids as they are."""
    columns = COPIED[table]
    override = " overriding system value" if overriding else ""
    return (
        f"insert into {table} ({', '.join(columns)}){override} "
        f"values ({', '.join('?' * len(columns))})"
    )
