"""Derived tables kept up to date from events as they are written: runs, step visits, counters.

`Store.commit` feeds each input's events here inside its own transaction, so the derived
tables never disagree with `events`. Definitions: docs/metrics.md. Nothing here depends on
the idle timeout, which is applied when reading (`bot.analytics.metrics`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any, NamedTuple

from bot.core.events import Event

SOURCES = {"tg": "telegram", "terminal": "terminal", "sim": "simulated"}
"""users.external_id prefix -> the source a run is counted under (filterable)."""
UNKNOWN_SOURCE = "unknown"

RUN_KEY = ("scenario", "version", "day", "locale", "source")
STEP_KEY = (*RUN_KEY, "step")
RUN_COUNTERS = ("runs", "fresh", "continued", "completed", "restarted", "superseded", "rated")
RUN_COUNTERS_ALL = (*RUN_COUNTERS, "score_sum")
STEP_COUNTERS = (
    "reach",
    "answered",
    "wrong_first",
    "corrected",
    "attempts",
    "revealed",
    "help",
    "help_human",
    "typed",
    "switched",
    "struggled",
    "restarted",
)
OPTION_KEY = (*STEP_KEY, "option")
TIME_KEY = (*STEP_KEY, "seconds")
COMPLETE_KEY = (*RUN_KEY, "seconds")


def bucket_seconds(ms: int) -> int:
    """Times are kept as whole seconds (rounded down); above 10 minutes to the whole minute,
    above an hour to the whole hour, so the histograms stay small."""
    seconds = max(0, ms) // 1000
    if seconds < 600:
        return seconds
    if seconds < 3600:
        return seconds // 60 * 60
    return seconds // 3600 * 3600


def day_of(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()


class Fact(NamedTuple):
    """One event, as the rollup needs it, whether it comes from the engine or a table row."""

    user_id: int
    scenario: str
    version: str
    run: int
    step: str | None
    locale: str
    kind: str
    at_ms: int
    option: str | None = None
    correct: int | None = None
    level: int | None = None
    elapsed_ms: int | None = None
    score: int | None = None
    from_version: str | None = None


def fact_from_event(user_id: int, event: Event) -> Fact:
    correct = getattr(event, "correct", None)
    return Fact(
        user_id,
        event.scenario,
        event.version,
        event.run,
        event.step,
        event.locale,
        event.kind,
        event.at_ms,
        getattr(event, "option", None),
        None if correct is None else int(correct),
        getattr(event, "level", None),
        getattr(event, "elapsed_ms", None),
        getattr(event, "score", None),
        getattr(event, "from_version", None),
    )


def fact_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Fact:
    """A row of `select <ROW_COLUMNS> from events`."""
    (user_id, scenario, version, run, step, locale, kind, at_ms, option, correct, level) = row[:11]
    elapsed_ms, score, extra = row[11:14]
    from_version = json.loads(extra).get("from_version") if extra else None
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
        from_version,
    )


ROW_COLUMNS = (
    "user_id, scenario, version, run, step, locale, kind, at_ms, option, correct, level, "
    "elapsed_ms, score, extra"
)


@dataclass
class RunRow:
    """A row of `runs`: one user's attempt at one scenario version."""

    user_id: int
    scenario: str
    run: int
    version: str
    locale: str
    source: str
    day: str
    started_ms: int
    start_step: str | None
    from_version: str | None
    last_step: str | None
    last_ms: int
    max_gap_ms: int = 0
    outcome: str | None = None
    ended_ms: int | None = None
    score: int | None = None
    steps: int = 0
    last_struggled: int = 0


@dataclass
class VisitRow:
    """A row of `visits`: one run's stay at one step (all its showings together)."""

    user_id: int
    scenario: str
    run: int
    step: str
    version: str
    day: str
    locale: str
    source: str
    first_ms: int
    answered: int = 0
    first_correct: int | None = None
    first_elapsed_ms: int | None = None
    answers: int = 0
    corrected: int = 0
    revealed: int = 0
    help: int = 0
    help_human: int = 0
    typed: int = 0
    switched: int = 0
    struggled: int = 0


RUN_FIELDS = tuple(f.name for f in fields(RunRow))
VISIT_FIELDS = tuple(f.name for f in fields(VisitRow))


def _upsert_counts(table: str, key: tuple[str, ...], counters: tuple[str, ...]) -> str:
    columns = (*key, *counters)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in counters)
    return (
        f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))}) "
        f"on conflict ({', '.join(key)}) do update set {updates}"
    )


COUNTER_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "run_daily": (RUN_KEY, RUN_COUNTERS_ALL),
    "step_daily": (STEP_KEY, STEP_COUNTERS),
    "option_daily": (OPTION_KEY, ("chosen", "wrong", "first")),
    "answer_times": (TIME_KEY, ("n",)),
    "complete_times": (COMPLETE_KEY, ("n",)),
}
CLUSTERED: dict[str, tuple[str, ...]] = {
    "run_daily": ("scenario", "version", "locale", "source", "day"),
    "step_daily": ("scenario", "version", "step", "locale", "source", "day"),
    "option_daily": ("scenario", "version", "step", "option", "locale", "source", "day"),
    "answer_times": ("scenario", "version", "step", "seconds", "locale", "source", "day"),
    "complete_times": ("scenario", "version", "seconds", "locale", "source", "day"),
}
"""Primary key order of each counter table (the same columns as its key): rows lie in the
order the figures group them, so a query streams through them without sorting."""
_UPSERTS = {table: _upsert_counts(table, *spec) for table, spec in COUNTER_TABLES.items()}
RUN_PK = ("user_id", "scenario", "run")
VISIT_PK = ("user_id", "scenario", "run", "step")


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"


def _update(table: str, columns: tuple[str, ...], pk: tuple[str, ...]) -> str:
    """Updating in place, not replacing, leaves the indexes alone unless their columns change."""
    sets = ", ".join(f"{c} = ?" for c in columns if c not in pk)
    return f"update {table} set {sets} where {' and '.join(f'{c} = ?' for c in pk)}"


_INSERT_RUN, _UPDATE_RUN = _insert("runs", RUN_FIELDS), _update("runs", RUN_FIELDS, RUN_PK)
_INSERT_VISIT = _insert("visits", VISIT_FIELDS)
_UPDATE_VISIT = _update("visits", VISIT_FIELDS, VISIT_PK)


class Rollup:
    """Applies facts to cached rows and counters; `flush` writes them on the connection.

    The caller owns the transaction: `Store.commit` flushes inside the one that writes the
    events; a batch (simulator, rebuild) flushes once per batch.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.runs: dict[tuple[int, str, int], RunRow] = {}
        self.visits: dict[tuple[int, str, int, str], VisitRow] = {}
        self.new_runs: set[tuple[int, str, int]] = set()
        self.stored: set[tuple[Any, ...]] = set()
        """Keys of the cached runs and visits that are already rows in the tables."""
        self.counts: dict[str, dict[tuple[Any, ...], list[int]]] = {t: {} for t in _UPSERTS}
        self.sources: dict[int, str] = {}

    # -- reading rows ---------------------------------------------------------------------

    def source(self, user_id: int) -> str:
        found = self.sources.get(user_id)
        if found is None:
            row = self.conn.execute(
                "select external_id from users where id = ?", [user_id]
            ).fetchone()
            prefix = str(row[0]).split(":", 1)[0] if row else ""
            found = self.sources[user_id] = SOURCES.get(prefix, UNKNOWN_SOURCE)
        return found

    def _existing_run(self, key: tuple[int, str, int]) -> RunRow | None:
        found = self.runs.get(key)
        if found is not None or key in self.new_runs:
            return found
        row = self.conn.execute(
            f"select {', '.join(RUN_FIELDS)} from runs "
            "where user_id = ? and scenario = ? and run = ?",
            key,
        ).fetchone()
        if row is None:
            return None
        found = self.runs[key] = RunRow(*row)
        self.stored.add(key)
        return found

    def _run(self, f: Fact) -> RunRow:
        key = (f.user_id, f.scenario, f.run)
        found = self._existing_run(key)
        if found is not None:
            return found
        created = RunRow(
            user_id=f.user_id,
            scenario=f.scenario,
            run=f.run,
            version=f.version,
            locale=f.locale,
            source=self.source(f.user_id),
            day=day_of(f.at_ms),
            started_ms=f.at_ms,
            start_step=f.step,
            from_version=f.from_version if f.kind == "run_started" else None,
            last_step=None,
            last_ms=f.at_ms,
        )
        self.runs[key] = created
        self.new_runs.add(key)
        counts = self._run_counts(created)
        counts[0] += 1
        counts[2 if created.from_version else 1] += 1
        return created

    def _visit(self, run: RunRow, f: Fact) -> VisitRow | None:
        if f.step is None:
            return None
        key = (run.user_id, run.scenario, run.run, f.step)
        found = self.visits.get(key)
        if found is not None:
            return found
        if (run.user_id, run.scenario, run.run) not in self.new_runs:
            row = self.conn.execute(
                f"select {', '.join(VISIT_FIELDS)} from visits "
                "where user_id = ? and scenario = ? and run = ? and step = ?",
                key,
            ).fetchone()
            if row is not None:
                found = self.visits[key] = VisitRow(*row)
                self.stored.add(key)
                return found
        created = VisitRow(
            user_id=run.user_id,
            scenario=run.scenario,
            run=run.run,
            step=f.step,
            version=run.version,
            day=run.day,
            locale=run.locale,
            source=run.source,
            first_ms=f.at_ms,
        )
        self.visits[key] = created
        run.steps += 1
        self._step_counts(created)[0] += 1
        return created

    # -- counters -------------------------------------------------------------------------

    def _counter(self, table: str, key: tuple[Any, ...]) -> list[int]:
        counts = self.counts[table].get(key)
        if counts is None:
            counts = self.counts[table][key] = [0] * len(COUNTER_TABLES[table][1])
        return counts

    def _run_counts(self, run: RunRow) -> list[int]:
        key = (run.scenario, run.version, run.day, run.locale, run.source)
        return self._counter("run_daily", key)

    def _step_key(self, v: VisitRow) -> tuple[Any, ...]:
        return (v.scenario, v.version, v.day, v.locale, v.source, v.step)

    def _step_counts(self, v: VisitRow) -> list[int]:
        return self._counter("step_daily", self._step_key(v))

    def _bump(self, v: VisitRow, name: str, by: int = 1) -> None:
        self._step_counts(v)[STEP_COUNTERS.index(name)] += by

    def _struggle(self, v: VisitRow) -> None:
        if not v.struggled:
            v.struggled = 1
            self._bump(v, "struggled")

    def _end(self, run: RunRow, outcome: str, at_ms: int) -> bool:
        if run.outcome not in (None, "blocked"):
            return False
        run.outcome, run.ended_ms = outcome, at_ms
        self._run_counts(run)[RUN_COUNTERS.index(outcome)] += 1
        return True

    # -- applying facts -------------------------------------------------------------------

    def add(self, facts: Iterable[Fact]) -> None:
        for f in facts:
            self.apply(f)

    def apply(self, f: Fact) -> None:
        run = self._run(f)
        if f.at_ms > run.last_ms:
            run.max_gap_ms = max(run.max_gap_ms, f.at_ms - run.last_ms)
            run.last_ms = f.at_ms
        if run.outcome == "blocked" and f.kind != "bot_blocked":
            run.outcome, run.ended_ms = None, None  # they unblocked the bot and went on
        visit = self._visit(run, f)
        kind = f.kind
        if (kind in ("run_started", "step_shown") and f.step is not None) or run.last_step is None:
            run.last_step = f.step
        if visit is not None:
            self._apply_to_visit(run, visit, f)
        if kind == "run_started" and f.from_version and f.run > 1:
            previous = self._existing_run((f.user_id, f.scenario, f.run - 1))
            if previous is not None:
                self._end(previous, "superseded", f.at_ms)
        elif kind == "run_completed":
            if self._end(run, "completed", f.at_ms) and not run.from_version:
                key = (run.scenario, run.version, run.day, run.locale, run.source)
                seconds = bucket_seconds(f.at_ms - run.started_ms)
                self._counter("complete_times", (*key, seconds))[0] += 1
        elif kind == "run_restarted":
            if self._end(run, "restarted", f.at_ms) and visit is not None:
                self._bump(visit, "restarted")
        elif kind == "rated":
            if run.score is None and f.score is not None:
                run.score = f.score
                counts = self._run_counts(run)
                counts[RUN_COUNTERS.index("rated")] += 1
                counts[len(RUN_COUNTERS)] += f.score
        elif kind == "bot_blocked" and run.outcome is None:
            run.outcome, run.ended_ms = "blocked", f.at_ms
        last = self.visits.get((run.user_id, run.scenario, run.run, run.last_step or ""))
        if last is not None:
            run.last_struggled = last.struggled

    def _apply_to_visit(self, run: RunRow, v: VisitRow, f: Fact) -> None:
        match f.kind:
            case "answer_given":
                first = not v.answered
                if first:
                    v.answered, v.first_correct, v.first_elapsed_ms = 1, f.correct, f.elapsed_ms
                    self._bump(v, "answered")
                    self._time(v, f.elapsed_ms)
                    if f.correct == 0:
                        self._bump(v, "wrong_first")
                        self._struggle(v)
                if not v.corrected and f.correct is not None:
                    v.answers += 1
                    if f.correct:
                        v.corrected = 1
                        self._bump(v, "corrected")
                        self._bump(v, "attempts", v.answers)
                if f.option is not None:
                    counts = self._counter("option_daily", (*self._step_key(v), f.option))
                    counts[0] += 1
                    counts[1] += int(f.correct == 0)
                    counts[2] += int(first)
            case "text_answered":
                if not v.answered:
                    v.answered, v.first_elapsed_ms = 1, f.elapsed_ms
                    self._bump(v, "answered")
                    self._time(v, f.elapsed_ms)
            case "answer_revealed":
                if not v.revealed:
                    v.revealed = 1
                    self._bump(v, "revealed")
            case "help_asked":
                if not v.help:
                    v.help = 1
                    self._bump(v, "help")
                    self._struggle(v)
                if f.level == 3 and not v.help_human:
                    v.help_human = 1
                    self._bump(v, "help_human")
            case "text_typed":
                if not v.typed:
                    v.typed = 1
                    self._bump(v, "typed")
                    self._struggle(v)
            case "language_changed":
                if not v.switched:
                    v.switched = 1
                    self._bump(v, "switched")

    def _time(self, v: VisitRow, elapsed_ms: int | None) -> None:
        if elapsed_ms is not None:
            key = (*self._step_key(v), bucket_seconds(elapsed_ms))
            self._counter("answer_times", key)[0] += 1

    # -- writing --------------------------------------------------------------------------

    def flush(self) -> None:
        """Write every changed row and counter, then forget them (the tables hold them now)."""
        self._write(self.runs, RUN_FIELDS, RUN_PK, _INSERT_RUN, _UPDATE_RUN)
        self._write(self.visits, VISIT_FIELDS, VISIT_PK, _INSERT_VISIT, _UPDATE_VISIT)
        for table, counts in self.counts.items():
            if counts:
                self.conn.executemany(_UPSERTS[table], [[*k, *c] for k, c in counts.items()])
        self.discard()

    def _write(
        self,
        rows: dict[Any, Any],
        columns: tuple[str, ...],
        pk: tuple[str, ...],
        insert: str,
        update: str,
    ) -> None:
        new = [[getattr(r, c) for c in columns] for k, r in rows.items() if k not in self.stored]
        if new:
            self.conn.executemany(insert, new)
        order = [c for c in columns if c not in pk] + list(pk)
        old = [[getattr(r, c) for c in order] for k, r in rows.items() if k in self.stored]
        if old:
            self.conn.executemany(update, old)

    def discard(self) -> None:
        """Forget cached rows and pending counts: after a flush, or a rolled-back transaction."""
        self.runs.clear()
        self.visits.clear()
        self.new_runs.clear()
        self.stored.clear()
        self.sources.clear()
        for counts in self.counts.values():
            counts.clear()

    @property
    def pending(self) -> int:
        return len(self.runs) + len(self.visits)


DERIVED_TABLES = ("runs", "visits", *COUNTER_TABLES)


def events_in_order(conn: sqlite3.Connection, chunk: int = 50_000) -> Iterator[list[Fact]]:
    last = 0
    while True:
        rows = conn.execute(
            f"select id, {ROW_COLUMNS} from events where id > ? order by id limit ?",
            [last, chunk],
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [fact_from_row(row[1:]) for row in rows]


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every derived table from `events` (inside the caller's transaction)."""
    for table in DERIVED_TABLES:
        conn.execute(f"delete from {table}")
    rollup = Rollup(conn)
    total = 0
    for facts in events_in_order(conn):
        rollup.add(facts)
        total += len(facts)
        rollup.flush()
    return total
