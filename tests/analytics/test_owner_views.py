"""What owners read: words instead of ids, a map and a funnel one can follow, plain wording,
and the Datasette canned queries as Datasette runs them."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.analytics import report
from bot.analytics.filters import parse_since
from bot.cli import cli
from bot.core.loader import Library
from bot.core.model import ScenarioSpec
from bot.core.scenario import Scenario
from tests.analytics.conftest import SIM_END
from tests.analytics.logs import T0, Log
from tests.sync_store import SyncStore, stats_of

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout + (result.stderr if result.stderr_bytes is not None else "")


@pytest.fixture
def database(simulated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(simulated, copy)
    return copy


# -- the map and the funnel ---------------------------------------------------------------


def _points(path: str) -> list[tuple[float, float]]:
    """Points along an SVG path of M, L and C commands (curves sampled)."""
    tokens = re.findall(r"[MLC]|-?\d+(?:\.\d+)?", path)
    points: list[tuple[float, float]] = []
    command, numbers = "", list[float]()
    for token in [*tokens, "M"]:
        if token in "MLC":
            if command == "C":
                for i in range(0, len(numbers), 6):
                    x0, y0 = points[-1]
                    x1, y1, x2, y2, x3, y3 = numbers[i : i + 6]
                    for k in range(1, 41):
                        t = k / 40
                        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
                        points.append(
                            (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
                        )
            elif command in ("M", "L"):
                for i in range(0, len(numbers), 2):
                    if points and command == "L":
                        (x0, y0), (x1, y1) = points[-1], (numbers[i], numbers[i + 1])
                        points.extend(
                            (x0 + (x1 - x0) * k / 40, y0 + (y1 - y0) * k / 40)
                            for k in range(1, 41)
                        )
                    else:
                        points.append((numbers[i], numbers[i + 1]))
            command, numbers = token, []
        else:
            numbers.append(float(token))
    return points


def test_map_edges_never_cross_another_box(library: Library) -> None:
    for scenario_id in library.scenarios:
        _no_crossing(library, scenario_id)


def _no_crossing(library: Library, scenario_id: str) -> None:
    scenario = library.scenarios[scenario_id]
    graph = report.layout(scenario, {})
    boxes = {n.step: (n.x, n.y, n.x + report.NODE_W, n.y + report.NODE_H) for n in graph.nodes}
    assert graph.edges
    for edge in graph.edges:
        for step, (x1, y1, x2, y2) in boxes.items():
            if step in (edge.source, edge.target):
                continue
            inside = [(x, y) for x, y in _points(edge.path) if x1 < x < x2 and y1 < y < y2]
            assert not inside, f"{edge.source} -> {edge.target} crosses {step}"


def test_map_puts_branches_in_their_own_column() -> None:
    """The shipped scenarios teach every case in turn, so a hand-built fork is measured."""
    graph = report.layout(Scenario.build(ScenarioSpec.model_validate(BRANCHES)), {})
    x = {n.step: n.x for n in graph.nodes}
    y = {n.step: n.y for n in graph.nodes}
    assert x["a1"] != x["b1"]
    assert x["b1"] == x["b2"] and y["b2"] > y["b1"]
    assert y["end"] > max(y["a2"], y["b2"])


BRANCHES: dict[str, Any] = {
    "id": "branches",
    "version": 1,
    "steps": [
        {"id": "start", "kind": "choice", "options": [
            {"id": "a", "next": "a1"}, {"id": "b", "next": "b1"}]},
        {"id": "a1", "kind": "info", "next": "a2"},
        {"id": "b1", "kind": "info", "next": "b2"},
        {"id": "a2", "kind": "info", "next": "end"},
        {"id": "b2", "kind": "info", "next": "end"},
        {"id": "end", "kind": "end", "checklist": ["one"]},
    ],
}  # fmt: skip


def test_funnel_keeps_each_branch_together(store: SyncStore) -> None:
    scenario = Scenario.build(ScenarioSpec.model_validate(BRANCHES))
    lib = Library(scenarios={"branches": scenario})
    found = store.stats(lib, now=T0).scenarios[0]
    assert [s.step for s in found.all.ordered_steps()] == ["start", "a1", "a2", "b1", "b2", "end"]


# -- words instead of ids ------------------------------------------------------------------


def test_report_shows_step_and_option_words_not_ids(simulated: Path, library: Library) -> None:
    conn = sqlite3.connect(simulated)
    html = {lang: report.render(stats_of(conn, library, now=SIM_END), library, lang=lang)
            for lang in report.REPORT_LANGUAGES}  # fmt: skip
    conn.close()
    section = html["ru"].split('id="s-atm-withdrawal"')[1].split("</section>")[0]
    graph = section.split('<svg class="graph"')[1].split("</svg>")[0]
    funnel = section.split('<svg class="funnel"')[1].split("</svg>")[0]
    for part in (graph, funnel):
        assert ">pin-request<" not in part and "1. intro" not in part
        assert re.search(r"[а-яё]{4}", part.split("</title>", 1)[1]), part[:300]
    languages = section.split('class="languages"')[1].split("</table>")[0]
    assert "<td>pin-request" not in languages
    steps = section.split('class="steps"')[1].split("</table>")[0]
    assert not re.search(r"<td>[a-z-]+ <span class=\"muted\">×", steps)  # option ids
    overview = html["ru"].split('id="overview"')[1].split("</section>")[0]
    assert not re.search(r"<td>[a-z]+-[a-z-]+ <span class=\"badge\">", overview)


def test_stats_table_shows_words(database: Path) -> None:
    out = run("--database", str(database), "stats", "atm-withdrawal")
    assert "pin-request" not in out.split("Languages")[0].replace("(pin-request", "")
    assert "Withdrawing cash" in out or "ATM" in out


# -- wording --------------------------------------------------------------------------------


def test_report_counts_read_naturally(tmp_path: Path, library: Library) -> None:
    from bot.storage.sqlite import SqliteStorage

    storage = SqliteStorage.open(tmp_path / "empty.sqlite3")
    stats = stats_of(storage.conn, library, now=SIM_END)
    storage.conn.close()
    for lang in report.REPORT_LANGUAGES:
        html = report.render(stats, library, lang=lang)
        assert "Top 0" not in html and ">0 шагов" not in html
        assert "docs/metrics.md" not in html
    words = report.Words("en")
    assert words("runs-n", runs=1) == "1 run"
    ru = report.Words("ru")
    assert ru("version-runs", version="2", runs=21).endswith("21 прохождение")
    assert ru("version-runs", version="2", runs=3).endswith("3 прохождения")


def test_since_accepts_today_and_yesterday() -> None:
    today = date(2026, 3, 10)
    assert parse_since("today", today) == today
    assert parse_since("yesterday", today) == date(2026, 3, 9)
    assert parse_since("Yesterday", today) == date(2026, 3, 9)


def test_stats_for_an_empty_period_says_so(database: Path) -> None:
    out = run("--database", str(database), "stats", "--since", "2099-01-01")
    assert "No runs started in this period" in out
    assert "Top 10" not in out


def test_report_and_csv_wording(database: Path, tmp_path: Path) -> None:
    out = CliRunner().invoke(
        cli,
        ["--database", str(database), "report", "atm-withdrawal", "-o", str(tmp_path / "r.html")],
    )
    assert out.exit_code == 0 and "1 scenario," in out.stderr and "1 scenarios" not in out.stderr
    text = run("--database", str(database), "stats", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for column, value in row.items():
            if column.endswith("_rate") or column == "stuck_score":
                assert not value or len(value.split(".")[-1]) <= 4, (column, value)


def test_blocked_users_respect_the_period(store: SyncStore) -> None:
    from datetime import date as day

    from bot.analytics.metrics import Filters
    from tests.analytics.logs import DAY, demo_library

    log = Log(store)
    log.walk("a", ["intro"], T0)
    log.emit("a", "bot_blocked", "intro", T0 + 1000)
    log.walk("b", ["intro"], T0 + 5 * DAY)
    log.emit("b", "bot_blocked", "intro", T0 + 5 * DAY + 1000)
    later = store.stats(demo_library(), Filters(since=day(2026, 1, 4)), now=T0 + 6 * DAY)
    assert later.blocked_users == 1
    assert store.stats(demo_library(), Filters(), now=T0 + 6 * DAY).blocked_users == 2


# -- Datasette --------------------------------------------------------------------------------


def test_stuck_steps_query_with_string_parameters(simulated: Path) -> None:
    """Datasette binds every parameter as a string: `sum(reach) >= '10'` is never true."""
    import json

    metadata = json.loads((ROOT / "docs" / "datasette-metadata.json").read_text())
    queries = metadata["databases"]["rolebot"]["queries"]
    conn = sqlite3.connect(f"file:{simulated}?mode=ro", uri=True)
    rows = conn.execute(queries["stuck_steps"]["sql"], {"min_reach": "10"}).fetchall()
    conn.close()
    assert rows
