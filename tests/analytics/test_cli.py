"""rolebot stats, report, export and simulate: every output format, and privacy of exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.analytics.export import COLUMNS
from bot.analytics.report import Texts, short
from bot.cli import cli
from bot.cli.analytics import CSV_COLUMNS
from bot.core.loader import Library
from tests.analytics.logs import DAY, T0, Log
from tests.sync_store import SyncStore

TELEGRAM_ID = 987_654_321_012


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def database(simulated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(simulated, copy)
    return copy


def test_stats_table_overview_and_one_scenario(database: Path, library: Library) -> None:
    overview = run("--database", str(database), "stats")
    texts = Texts(library, "en")
    for scenario in library.scenarios:
        assert texts.title(scenario)[:12] in overview
    assert "Top 10 stuck steps" in overview
    detail = run("--database", str(database), "stats", "atm-withdrawal", "--lang", "ru")
    for step in library.scenarios["atm-withdrawal"].steps:
        assert short(texts.step("atm-withdrawal", step), 30) in detail
    assert "language: ru" in detail


def test_stats_json(database: Path, library: Library) -> None:
    data = json.loads(run("--database", str(database), "stats", "--format", "json"))
    assert data["filters"]["version"] == "current" and data["idle_timeout_hours"] == 24
    assert [s["scenario"] for s in data["scenarios"]] == sorted(library.scenarios)
    for scenario in data["scenarios"]:
        steps = {s["step"] for s in scenario["steps"]}
        assert steps == set(library.scenarios[scenario["scenario"]].steps)
        assert set(scenario["languages"]) == {"ru", "en"}
        outcomes = ("completed", "restarted", "superseded", "blocked", "dropped", "in_progress")
        assert sum(scenario[k] for k in outcomes) == scenario["runs"]
    assert sum(s["runs"] for s in data["scenarios"]) > 300


def test_stats_csv(database: Path, library: Library) -> None:
    output = run("--database", str(database), "stats", "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {r["language"] for r in rows} == {"all", "en"}
    expected = sum(len(s.steps) for s in library.scenarios.values()) * 2
    assert len(rows) == expected
    first = rows[0]
    assert first["scenario"] == "atm-deposit" and first["position"] == "1"


def test_stats_rejects_unknown_scenario_and_bad_dates(database: Path) -> None:
    result = CliRunner().invoke(cli, ["--database", str(database), "stats", "nope"])
    assert result.exit_code == 2 and "no scenario nope" in result.output
    result = CliRunner().invoke(cli, ["--database", str(database), "stats", "--since", "soon"])
    assert result.exit_code == 2 and "use today, yesterday, 7d, 4w or YYYY-MM-DD" in result.output


def test_stats_without_a_database_explains(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--database", str(tmp_path / "none.sqlite3"), "stats"])
    assert result.exit_code == 1 and "rolebot simulate" in result.output


def test_report_command(database: Path, tmp_path: Path, library: Library) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        cli, ["--database", str(database), "report", "-o", str(out), "--report-lang", "ru"]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Где учащиеся бросают и где застревают" in html
    for scenario in library.scenarios:
        assert f'id="s-{scenario}"' in html


@pytest.fixture
def with_telegram_users(tmp_path: Path) -> Path:
    path = tmp_path / "tg.sqlite3"
    store = SyncStore(path)
    log = Log(store)
    for n in range(3):
        who = f"tg:{TELEGRAM_ID + n}"
        log.walk(who, ["intro", "q1", "fork", "left", "done"], T0 + n * DAY, complete=True)
        log.emit(who, "text_answered", "left", T0, length=44, elapsed_ms=9000, accepted=True)
    store.forget(f"tg:{TELEGRAM_ID + 2}")
    store.close()
    return path


@pytest.mark.parametrize("kind", ["events", "runs", "steps"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_carry_no_telegram_id(
    with_telegram_users: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    run("--database", str(with_telegram_users), "export", kind, "--format", fmt, "-o", str(out))
    raw = out.read_bytes()
    for n in range(3):
        assert str(TELEGRAM_ID + n).encode() not in raw
    assert b"tg:" not in raw
    if fmt == "csv":
        records = list(csv.DictReader(io.StringIO(raw.decode())))
        assert tuple(records[0]) == COLUMNS[kind]
    else:
        records = json.loads(raw)
        assert tuple(records[0]) == COLUMNS[kind]
    keys = {r["user"] or "" for r in records}
    assert len(keys) == 3 and "" in keys  # the forgotten user has no key any more
    assert all(len(k) == 16 for k in keys if k)  # the random pseudonyms


def test_export_filters_and_stdout(with_telegram_users: Path) -> None:
    db = str(with_telegram_users)
    output = run(
        "--database", db, "export", "runs", "--since", "2026-01-02", "--until", "2026-01-02"
    )
    rows = [(r["day"], r["outcome"], r["steps"]) for r in csv.DictReader(io.StringIO(output))]
    assert rows == [("2026-01-02", "completed", "5")]
    events = run("--database", db, "export", "events", "--format", "json", "--scenario", "demo")
    assert '"kind": "run_completed"' in events


def test_simulate_command(tmp_path: Path) -> None:
    db = str(tmp_path / "sim.sqlite3")
    result = CliRunner().invoke(
        cli, ["--database", db, "simulate", "--users", "20", "--days", "3", "--seed", "5"]
    )
    assert result.exit_code == 0, result.output
    assert "20 users (" in result.output and "inputs in" in result.output
    again = CliRunner().invoke(cli, ["--database", db, "simulate", "--users", "5"])
    assert again.exit_code == 1 and "already has simulated users" in again.output
    data = json.loads(run("--database", db, "stats", "--format", "json", "--source", "simulated"))
    assert sum(s["runs"] for s in data["scenarios"]) >= 20


def test_simulate_refuses_a_database_with_real_users(with_telegram_users: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--database", str(with_telegram_users), "simulate", "--users", "3"]
    )
    assert result.exit_code == 1 and "has 2 real users" in result.output
