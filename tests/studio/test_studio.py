"""The studio without a browser: its words in both languages, the workspace that keeps the
last good version, the way to a step, previews left out of statistics, the token."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.analytics import metrics
from bot.analytics.filters import Filters
from bot.core import actions
from bot.core.loader import Library, validate
from bot.storage import open_storage
from bot.studio import owners
from bot.studio.app import make_app
from bot.studio.guard import UnsafeBindingError, check_binding, is_loopback
from bot.studio.live import Studio
from bot.studio.preview import path_to
from bot.studio.words import UI_LANGUAGES
from bot.studio.workspace import Workspace
from tests.studio.conftest import copy_content
from tests.sync_store import SyncStore

STUDIO = Path(__file__).resolve().parents[2] / "bot" / "studio"


def keys_of(lang: str) -> set[str]:
    source = (STUDIO / "templates" / f"studio.{lang}.ftl").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*) =", source, flags=re.M))


def test_studio_words_match_in_both_languages_and_cover_the_templates() -> None:
    en, ru = keys_of("en"), keys_of("ru")
    assert en == ru
    used: set[str] = set()
    for template in (STUDIO / "templates").glob("*.html"):
        used |= set(re.findall(r"""t\(["']([a-z0-9-]+[a-z0-9])["']""", template.read_text()))
    python = "".join(p.read_text() for p in STUDIO.glob("*.py"))
    used |= set(re.findall(r'"((?:chat|map|refused|state|live|not)-[a-z-]+)"', python))
    used |= {f"kind-{kind}" for kind in ("info", "question", "choice", "text", "end")}
    used |= {f"owners-period-{period}" for period in owners.PERIODS}
    assert used - en == set()
    assert en - used == set(), "unused studio texts"
    assert set(UI_LANGUAGES) == {"en", "ru"}


def test_a_broken_file_keeps_its_last_good_version_and_others_update(tmp_path: Path) -> None:
    scenarios, locales = copy_content(tmp_path)
    workspace = Workspace(scenarios, locales)
    first = workspace.reload()
    assert not first.problems() and len(first.library.scenarios) == 10
    good = first.library.scenarios["atm-withdrawal"]
    yaml = scenarios / "atm-withdrawal.yaml"
    yaml.write_text(yaml.read_text().replace("kind: info", "kind: nope", 1))
    ftl = locales / "en" / "contact-support.ftl"
    ftl.write_text(ftl.read_text() + "\nextra-key = Not in Russian\n")
    second = workspace.reload([yaml, ftl])
    assert second.generation == first.generation + 1
    assert second.library.scenarios["atm-withdrawal"] is good  # still plays
    assert second.kept("atm-withdrawal")
    assert second.kept("contact-support")
    _, expected = validate([scenarios], locales)
    assert [str(p) for p in second.problems()] == [str(p) for p in expected]
    yaml.unlink()
    third = workspace.reload([yaml])
    assert "atm-withdrawal" not in third.library.scenarios
    assert third.file("atm-withdrawal") is None


def test_the_way_to_a_step_prefers_right_answers(tmp_path: Path) -> None:
    scenarios, locales = copy_content(tmp_path)
    scenario = Workspace(scenarios, locales).reload().library.scenarios["atm-withdrawal"]
    for target in scenario.steps:
        path = path_to(scenario, target)
        assert path is not None, target
        assert len(path) == scenario.position(target)[0] - 1
    assert path_to(scenario, scenario.start) == []
    assert path_to(scenario, "no-such-step") is None


async def test_previews_are_left_out_of_statistics_unless_asked(tmp_path: Path) -> None:
    scenarios, locales = copy_content(tmp_path)
    workspace = Workspace(scenarios, locales)
    workspace.reload()
    storage = open_storage(tmp_path / "db.sqlite3")
    try:
        studio = Studio(workspace, storage)
        session = await studio.preview.session("abcdefgh", "atm-withdrawal", "ru")
        last = session.messages[-1]
        assert last.reply is not None
        version = studio.snapshot.library.scenarios["atm-withdrawal"].version
        await studio.preview.press(
            session, last.number, actions.encode(actions.Next("atm-withdrawal", version, "intro"))
        )
        assert await studio.preview.jump(session, "receipt")
        now = 2**62
        assert (await storage.tallies(Filters(), now)).runs == []
        asked = await storage.tallies(Filters(source="studio"), now)
        assert sum(row[3] for row in asked.runs) == 2  # the first run, and the jump's
        assert await storage.users_by_source() == {"studio": 1}
    finally:
        await storage.close()


def test_binding_needs_a_token_beyond_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    check_binding("127.0.0.1", None)
    check_binding("0.0.0.0", "secret")
    with pytest.raises(UnsafeBindingError):
        check_binding("0.0.0.0", None)


async def test_a_token_is_asked_for_then_kept_in_a_cookie(tmp_path: Path) -> None:
    scenarios, locales = copy_content(tmp_path)
    workspace = Workspace(scenarios, locales)
    workspace.reload()
    storage = open_storage(tmp_path / "db.sqlite3")
    studio = Studio(workspace, storage, token="s3cret-token")
    client = TestClient(TestServer(make_app(studio, loopback_only=False)))
    await client.start_server()
    try:
        refused = await client.get("/", headers={"Accept-Language": "ru"})
        assert refused.status == 403
        assert "токеном" in await refused.text()
        assert (await client.get("/?token=wrong")).status == 403
        assert (await client.get("/?token=s3cret-token")).status == 200
        assert (await client.get("/s/atm-withdrawal")).status == 200  # the cookie now
        foreign = await client.post(
            "/s/atm-withdrawal/chat/restart", headers={"Origin": "http://evil.example"}
        )
        assert foreign.status == 403
    finally:
        await client.close()
        await storage.close()


async def test_only_the_studios_own_host_name_is_served_on_loopback(tmp_path: Path) -> None:
    scenarios, locales = copy_content(tmp_path)
    workspace = Workspace(scenarios, locales)
    workspace.reload()
    storage = open_storage(tmp_path / "db.sqlite3")
    client = TestClient(TestServer(make_app(Studio(workspace, storage), loopback_only=True)))
    await client.start_server()
    try:
        assert (await client.get("/")).status == 200
        rebound = await client.get("/", headers={"Host": "attacker.example:8765"})
        assert rebound.status == 403  # a DNS-rebinding page cannot read the studio
    finally:
        await client.close()
        await storage.close()


async def test_owners_view_shows_the_numbers_rolebot_stats_shows(
    tmp_path: Path, library: Library
) -> None:
    """The owners' view on a simulated database: the same runs per scenario as
    `rolebot stats --format json`, trends that add up, versions side by side."""
    import json

    from click.testing import CliRunner

    from bot.cli import cli
    from bot.service import Conversation
    from bot.simulator import simulate
    from bot.storage import open_storage
    from bot.studio.owners import Choice, owners_view

    database = tmp_path / "sim.sqlite3"
    storage = open_storage(database)
    now = metrics.now_ms()
    await simulate(library, Conversation(library, storage), users=80, days=20, seed=4, end_ms=now)
    view = await owners_view(
        storage, library, Choice("7d"), ui="en", idle_timeout_hours=24, now_ms=now
    )
    await storage.close()
    shown = await asyncio.to_thread(
        CliRunner().invoke,
        cli,
        ["--database", str(database), "stats", "--since", "7d", "--format", "json"],
    )
    expected = {s["scenario"]: s["runs"] for s in json.loads(shown.output)["scenarios"]}
    assert {row.scenario: row.runs for row in view.rows} == expected
    assert view.total_runs == sum(expected.values()) > 10
    # and the page itself, served by the studio on the same database
    scenarios, locales = copy_content(tmp_path / "content")
    workspace = Workspace(scenarios, locales)
    workspace.reload()
    storage = open_storage(database)
    client = TestClient(TestServer(make_app(Studio(workspace, storage), loopback_only=True)))
    await client.start_server()
    try:
        page = await (await client.get("/owners?period=7d&ui=ru")).text()
    finally:
        await client.close()
        await storage.close()
    shown_rows = re.findall(r'<tr data-scenario="([a-z-]+)" data-runs="(\d+)">', page)
    assert {sid: int(n) for sid, n in shown_rows} == expected
    assert sum(week.runs for week in view.weeks) > view.total_runs  # the weeks go back further
    assert all(not row.worst.startswith(row.scenario) for row in view.rows)  # words, not ids


def test_owners_view_puts_a_version_beside_the_one_before(store: SyncStore) -> None:
    """Version 1 lost everyone at q1; version 2 got them through: side by side, per step."""
    from bot.studio.owners import Choice, owners_view
    from tests.analytics.logs import DAY, T0, Log, demo_library

    log = Log(store)
    for n in range(4):
        log.walk(f"old{n}", ["intro", "q1"], T0 + n * 1000, version="1")
    for n in range(3):
        path = ["intro", "q1", "fork", "right", "done"]
        log.walk(f"new{n}", path, T0 + DAY + n * 1000, version="2", complete=True)
    library = demo_library()
    now = T0 + 5 * DAY
    view = store.run(
        owners_view(
            store.storage, library, Choice("30d", scenario="demo"), ui="en",
            idle_timeout_hours=24, now_ms=now,
        )
    )  # fmt: skip
    assert view.versions == ("1", "2")
    pairs = {p.label: p for p in view.pairs}
    assert set(pairs) >= {"intro", "q1", "done"}  # no texts in the demo: ids stand in
    q1 = pairs["q1"]
    assert q1.before is not None and q1.now is not None
    assert (q1.before.reach, q1.before.dropped) == (4, 4)
    assert (q1.now.reach, q1.now.dropped) == (3, 0)
    done = pairs["done"]
    assert done.before is not None and done.now is not None
    assert (done.before.reach, done.now.reach) == (0, 3)
