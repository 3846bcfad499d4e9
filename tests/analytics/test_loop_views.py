"""The learning loop in what owners read: the stats table, CSV, JSON and the HTML report, in
both report languages, with every word from the report's .ftl files."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources
from typing import Any

import pytest
from rich.console import Console

from bot.analytics import report
from bot.analytics.figures import REVIEW_INTERVALS
from bot.analytics.metrics import Stats
from bot.analytics.tables import print_stats
from bot.cli.analytics import _INTERVALS, CSV_COLUMNS, write_csv
from tests.analytics.logs import DAY, T0, Log, demo_library
from tests.sync_store import SyncStore as Store

NOW = T0 + 40 * DAY
MIN = 60_000


def loop_log(store: Store) -> Stats:
    """Two learners, one per language, through every kind of the learning loop."""
    log = Log(store)
    for who, locale in (("a", "en"), ("b", "ru")):
        log.walk(who, ["intro", "q1"], T0, locale=locale)
        log.emit(who, "reminder_sent", "q1", T0 + 20 * 3_600_000, locale=locale, shown=2, total=5)
        log.emit(who, "step_shown", "q1", T0 + DAY, locale=locale)
        sure: dict[str, Any] = {"attempt": 1, "elapsed_ms": 4_000, "confidence": "sure"}
        log.emit(who, "answer_given", "q1", T0 + DAY, locale=locale,
                 option="wrong", correct=False, **sure)  # fmt: skip
        log.emit(who, "step_shown", "done", T0 + DAY, locale=locale)
        log.emit(who, "run_completed", "done", T0 + DAY, locale=locale)
        days: dict[str, Any] = {"review": 1, "elapsed_days": 2, "scheduled_days": 2}
        log.emit(who, "review_answered", "q1", T0 + 3 * DAY, locale=locale,
                 option="right", correct=True, **days)  # fmt: skip
        log.emit(who, "followup_asked", None, T0 + 8 * DAY, locale=locale, after_days=7)
        log.emit(who, "followup_answered", None, T0 + 8 * DAY, locale=locale, outcome="problem")
        log.emit(who, "followup_problem", None, T0 + 8 * DAY, locale=locale, problem="other")
    return store.stats(demo_library(), now=NOW)


def test_stats_table_shows_each_loop_figure_in_words(store: Store) -> None:
    stats = loop_log(store)
    console = Console(record=True, width=240)
    print_stats(stats, console, report.Texts(demo_library(), "en"), detailed=True)
    out = console.export_text()
    for title in (
        "Reminders: did learners come back?",
        "Spaced reviews: remembered days later?",
        "Confidently wrong: sure of a wrong first answer",
        "Did it work for real?",
        "What went wrong, as learners reported it",
    ):
        assert title in out
    reminders = out.split("Reminders:")[1].split("Spaced reviews")[0]
    assert re.search(r"q1\s+│\s*all\s+│\s+2\s+│\s+2 \(100%\)\s+│\s+2 \(100%\)", reminders)
    assert re.search(r"Russian\s+│\s+1\s+│", reminders)
    assert "100% of 2" in out  # the 2-3 days interval
    assert "wrong ×2" in out and "Something else" in out
    overview = Console(record=True, width=240)
    print_stats(stats, overview, report.Texts(demo_library(), "en"), detailed=False)
    assert "After the run: reminders, reviews, follow-ups" in overview.export_text()


def test_stats_without_loop_events_shows_no_loop_tables(store: Store) -> None:
    Log(store).walk("a", ["intro", "q1"], T0)
    console = Console(record=True, width=240)
    stats = store.stats(demo_library(), now=NOW)
    print_stats(stats, console, report.Texts(demo_library(), "en"), detailed=True)
    print_stats(stats, console, report.Texts(demo_library(), "en"), detailed=False)
    out = console.export_text()
    assert "Reminders" not in out and "After the run" not in out


def test_csv_has_the_loop_columns(store: Store) -> None:
    out = io.StringIO()
    write_csv(loop_log(store), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    q1 = next(r for r in rows if r["step"] == "q1" and r["language"] == "all")
    assert (q1["reminded"], q1["reminder_resumed_rate"], q1["reminder_completed_rate"]) == (
        "2",
        "1.0",
        "1.0",
    )
    assert (q1["sure_wrong"], q1["confidently_wrong_rate"]) == ("2", "1.0")
    assert (q1["reviews_2_3"], q1["review_retention_2_3"], q1["reviews_0_1"]) == ("2", "1.0", "")
    ru = next(r for r in rows if r["step"] == "intro" and r["language"] == "ru")
    assert ru["scenario_followup_problems"] == "other:1"
    assert ru["scenario_followup_problem_rate"] == "1.0"
    assert [label.replace("-", "_").replace("+", "_plus") for label, _, _ in REVIEW_INTERVALS] == (
        list(_INTERVALS)
    )


def test_json_is_serialisable_with_the_loop(store: Store) -> None:
    data = json.loads(json.dumps(loop_log(store).as_dict()))
    (demo,) = data["scenarios"]
    assert demo["followup_problems"] == {"other": 2}
    assert demo["languages"]["ru"]["reminded"] == 1


@pytest.mark.parametrize("lang", report.REPORT_LANGUAGES)
def test_report_shows_the_loop_in_its_language(store: Store, lang: str) -> None:
    html = report.render(loop_log(store), demo_library(), lang=lang)
    words = report.Words(lang)
    section = html.split(f"<h3>{words('loop-section')}</h3>")[1].split("</section>")[0]
    for key in ("loop-reminders", "loop-reviews", "loop-confident", "loop-followup"):
        assert f"<caption>{words(key)}</caption>" in section
    assert words("problem-other") in section
    assert words("retention-of", share="100%", answers=2) in section
    assert words("term-confident") in html.split('id="glossary"')[1]


def test_empty_report_has_no_loop_section(store: Store) -> None:
    Log(store).walk("a", ["intro", "q1"], T0)
    html = report.render(store.stats(demo_library(), now=NOW), demo_library(), lang="en")
    assert report.Words("en")("loop-section") not in html.split('id="glossary"')[0]


def test_report_words_have_the_same_keys_in_both_languages() -> None:
    keys = {}
    for lang in report.REPORT_LANGUAGES:
        source = resources.files("bot.analytics").joinpath(f"templates/report.{lang}.ftl")
        text = source.read_text(encoding="utf-8")
        keys[lang] = set(re.findall(r"^([a-z][a-z0-9-]*) =", text, re.MULTILINE))
    assert keys["en"] == keys["ru"]
