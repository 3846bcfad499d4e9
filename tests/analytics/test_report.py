"""The HTML report: renders for empty and simulated data, self-contained, readable in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from markupsafe import escape

from bot.analytics import report
from bot.core.loader import Library
from bot.storage.sqlite import SqliteStorage
from tests.analytics.conftest import SIM_END
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.sync_store import stats_of


def render(conn: sqlite3.Connection, library: Library, lang: str = "en") -> str:
    return report.render(stats_of(conn, library, now=SIM_END), library, lang=lang)


def assert_self_contained(html: str) -> None:
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "url(http" not in html


@pytest.mark.parametrize("lang", report.REPORT_LANGUAGES)
def test_empty_database(tmp_path: Path, library: Library, lang: str) -> None:
    storage = SqliteStorage.open(tmp_path / "empty.sqlite3")
    html = render(storage.conn, library, lang)
    storage.conn.close()
    assert_self_contained(html)
    texts = report.Texts(library, lang)
    for scenario in library.scenarios.values():
        assert f'id="s-{scenario.id}"' in html
        for step in scenario.steps:
            label = escape(report.short(texts.step(scenario.id, step), 22))
            assert f"<b>{label}</b>" in html, (scenario.id, step)
    assert html.count('class="empty"') >= len(library.scenarios)


@pytest.mark.parametrize("lang", report.REPORT_LANGUAGES)
def test_simulated_data(simulated: Path, library: Library, lang: str) -> None:
    conn = sqlite3.connect(simulated)
    html = render(conn, library, lang)
    conn.close()
    assert_self_contained(html)
    assert html.count('<svg class="funnel"') == len(library.scenarios)
    assert html.count('<svg class="graph"') == len(library.scenarios)
    texts = report.Texts(library, lang)
    for scenario in library.scenarios.values():
        for step in scenario.steps:
            label = escape(report.short(texts.step(scenario.id, step), 22))
            assert f"<b>{label}</b>" in html, (scenario.id, step)
    stuck = html.split('id="stuck"')[1].split("</section>")[0]
    assert stuck.count("<tr>") == 1 + 10  # the header and the top 10


def test_report_texts_match_in_both_languages() -> None:
    keys = {}
    for lang in report.REPORT_LANGUAGES:
        source = Path(report.__file__).parent / "templates" / f"report.{lang}.ftl"
        keys[lang] = set(re.findall(r"^([a-z][a-z0-9-]*) =", source.read_text(), flags=re.M))
    assert keys["en"] == keys["ru"]


def test_scenario_graph_layout(library: Library) -> None:
    scenario = library.scenarios["atm-withdrawal"]
    graph = report.layout(scenario, {})
    assert {n.step for n in graph.nodes} == set(scenario.steps)
    boxes = {(n.x, n.y) for n in graph.nodes}
    assert len(boxes) == len(graph.nodes)  # no two steps on top of each other
    assert all(0 <= n.x <= graph.width - 150 and 0 <= n.y <= graph.height for n in graph.nodes)


def test_heat_scale() -> None:
    assert report.heat(None) == "#e5e7eb"
    assert report.heat(0.0) != report.heat(0.3) == report.heat(0.9)


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (CI installs it)",
)
def test_report_reads_well_in_chromium(simulated: Path, library: Library, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    copy = tmp_path / "sim.sqlite3"
    shutil.copy(simulated, copy)
    conn = sqlite3.connect(copy)
    page_file = tmp_path / "report.html"
    page_file.write_text(render(conn, library), encoding="utf-8")
    conn.close()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            assert page.locator("h1").inner_text() == "Where learners drop off and get stuck"
            assert page.locator("#period").is_visible()
            assert "Runs started" in page.locator("#period").inner_text()
            assert page.locator("#overview table tbody tr").count() == len(library.scenarios)
            assert page.locator("#stuck tbody tr").count() == 10
            section = page.locator("#s-atm-withdrawal")
            section.scroll_into_view_if_needed()
            assert section.locator("svg.funnel").is_visible()
            assert section.locator("svg.graph").is_visible()
            assert section.locator("svg.funnel rect").count() > 13
            box = section.locator("svg.graph").bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 300
            assert section.locator("table.languages").is_visible()
            assert requests == [page_file.as_uri()]  # nothing else fetched
        finally:
            browser.close()
