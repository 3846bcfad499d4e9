"""The studio in Debian's Chromium: play by clicking, help, language, jump, live reload of
an .ftl edit and of a broken .yaml, the map. One browser for the module; no sleeps."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.core.loader import Library
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep
from bot.core.replies import Text
from bot.i18n import Translator
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.studio.conftest import Served

BOUND_MS = 5000
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (CI installs it)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any, served: Served) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    requests: list[str] = []
    opened.on("request", lambda r: requests.append(r.url))
    try:
        yield opened
    finally:
        context.close()
    # Loopback only: nothing fetched from anywhere but the studio (no CDN).
    assert all(url.startswith(served.url.split("?")[0]) for url in requests), requests


class Chat:
    """Clicks in the preview and waits for the chat to be rendered again, with a bound."""

    def __init__(self, page: Any, served: Served, scenario: str, ui: str) -> None:
        self.page, self.served = page, served
        page.goto(f"{served.url}s/{scenario}?ui={ui}")
        self.rendered = 0
        self.wait()

    def wait(self) -> None:
        self.page.wait_for_function(
            """n => {
                const chat = document.getElementById('chat');
                return Number(chat.dataset.ready || 0) > n && chat.dataset.pending === '0';
            }""",
            arg=self.rendered,
            timeout=BOUND_MS,
        )
        self.rendered = int(self.page.locator("#chat").get_attribute("data-ready"))

    def last(self) -> Any:
        return self.page.locator("#chat .bubble.bot").last

    def step(self) -> str:
        return str(self.last().get_attribute("data-step"))

    def press(self, prefix: str, option: str | None = None) -> None:
        keys = self.last().locator(f'.key[data-data^="{prefix}"]')
        if option is not None:
            keys = self.last().locator(f'.key[data-data^="{prefix}"][data-data$=":{option}"]')
        keys.first.click()
        self.wait()

    def click(self, selector: str) -> None:
        self.page.locator(selector).click()
        self.wait()


def ui(served: Served, key: str, locale: str, **args: Any) -> str:
    return Translator(served.studio.snapshot.library, contact="").text(
        Text(key, args=args), locale
    )


def library(served: Served) -> Library:
    return served.studio.snapshot.library


def test_list_shows_every_scenario_and_its_state(
    page: Any, served: Served, tmp_path: Path
) -> None:
    page.goto(served.url + "?ui=en")
    rows = page.locator("table.scenarios tbody tr")
    assert rows.count() == len(library(served).scenarios) == 10
    summary = page.locator(".summary").inner_text()
    assert "10 scenario(s) valid, 0 error(s), 0 warning(s)" in summary
    assert page.locator('tr[data-scenario="atm-withdrawal"] .state').inner_text() == "✓ valid"
    page.screenshot(path=str(tmp_path / "list.png"), full_page=True)


def test_play_atm_withdrawal_in_russian_to_the_end(
    page: Any, served: Served, tmp_path: Path
) -> None:
    scenario = library(served).scenarios["atm-withdrawal"]
    chat = Chat(page, served, "atm-withdrawal", "ru")
    chat.click("#restart")
    assert chat.step() == scenario.start
    assert "Шаг 1 из" in chat.last().inner_text()
    helped = switched = False
    for _ in range(40):
        step = scenario.steps[chat.step()]
        if isinstance(step, QuestionStep) and not helped:
            chat.press("h:")  # "I'm stuck": the first level is the hint
            assert ui(served, "help-level", "ru", level=1) in chat.last().inner_text()
            helped = True
            page.screenshot(path=str(tmp_path / "help.png"))
            continue
        if isinstance(step, QuestionStep) and helped and not switched:
            chat.click('button.lang[data-locale="en"]')  # mid-step: the step again, in English
            assert chat.step() == step.id
            assert "Step " in chat.last().inner_text()
            assert ui(served, "language-set", "en") in page.locator("#chat").inner_text()
            chat.click('button.lang[data-locale="ru"]')
            assert "Шаг " in chat.last().inner_text()
            switched = True
        match step:
            case InfoStep():
                chat.press("n:")
            case QuestionStep():
                chat.press("a:", next(o.id for o in step.options if o.correct))
            case ChoiceStep():
                chat.press("a:", step.options[0].id)
            case EndStep():
                assert ui(served, "checklist-header", "ru") in chat.last().inner_text()
                page.screenshot(path=str(tmp_path / "end.png"))
                chat.press("r:", "5")
                break
    else:
        pytest.fail("did not reach the end")
    assert helped and switched
    text = page.locator("#chat").inner_text()
    assert ui(served, "rated-thanks", "ru", score=5) in text


def test_jump_to_a_step_from_the_menu_and_the_map(
    page: Any, served: Served, tmp_path: Path
) -> None:
    scenario = library(served).scenarios["atm-withdrawal"]
    target = scenario.spec.steps[8].id
    chat = Chat(page, served, "atm-withdrawal", "en")
    page.select_option("#jump", target)
    chat.wait()
    assert chat.step() == target
    assert "⤵" in page.locator("#chat .note").inner_text()
    page.wait_for_selector("#texts table.side-by-side", timeout=BOUND_MS)
    # The map: a click opens the step in the chat and its texts in both languages.
    other = scenario.spec.steps[3].id
    page.locator(f'#flow .node[data-step="{other}"]').click()
    chat.wait()
    assert chat.step() == other
    page.wait_for_selector(f'#flow .node.selected[data-step="{other}"]', timeout=BOUND_MS)
    header = page.locator("#texts thead").inner_text()
    assert "RU" in header and "EN" in header
    assert page.locator("#texts tbody tr").count() >= 4
    page.click("#phone")
    page.screenshot(path=str(tmp_path / "jump-narrow.png"), full_page=True)
    assert page.locator("#phone-frame").bounding_box()["width"] <= 380


def replace_in(path: Path, old: str, new: str) -> str:
    before = path.read_text(encoding="utf-8")
    assert old in before
    path.write_text(before.replace(old, new, 1), encoding="utf-8")
    return before


def test_an_ftl_edit_shows_without_reloading_the_page(
    page: Any, served: Served, tmp_path: Path
) -> None:
    chat = Chat(page, served, "atm-withdrawal", "en")
    chat.click("#restart")
    page.evaluate("window.notReloaded = true")
    ftl = served.locales / "en" / "atm-withdrawal.ftl"
    intro = next(line for line in ftl.read_text().splitlines() if line.startswith("intro ="))
    option = next(line for line in ftl.read_text().splitlines() if line.startswith("choose-atm--"))
    long_label = option.split(" = ")[0] + " = " + "A very long button label " * 3
    before = replace_in(ftl, intro, "intro = Edited while the page was open.")
    ftl.write_text(ftl.read_text().replace(option, long_label), encoding="utf-8")
    began = time.perf_counter()
    try:
        page.wait_for_function(
            "() => document.getElementById('chat').innerText.includes('Edited while the page')",
            timeout=BOUND_MS,
        )
        latency = time.perf_counter() - began
        print(f"ftl edit shown after {latency * 1000:.0f} ms")
        assert latency < 2.0
        assert page.evaluate("window.notReloaded") is True
        page.screenshot(path=str(tmp_path / "edited.png"))
        chat.press("n:")
        page.click("#phone")  # phone width: the long label is marked where Telegram cuts it
        page.wait_for_selector("#chat .key.cut", timeout=BOUND_MS)
        assert "A very long" in page.locator("#chat .key.cut").first.get_attribute("title")
        page.screenshot(path=str(tmp_path / "cut.png"))
    finally:
        ftl.write_text(before, encoding="utf-8")
    page.wait_for_function(
        "() => !document.getElementById('chat').innerText.includes('Edited while')",
        timeout=BOUND_MS,
    )


def test_a_broken_yaml_shows_errors_while_the_old_version_plays(
    page: Any, served: Served, tmp_path: Path
) -> None:
    chat = Chat(page, served, "atm-withdrawal", "en")
    chat.click("#restart")
    yaml = served.scenarios / "atm-withdrawal.yaml"
    before = replace_in(yaml, "kind: info", "kind: infoo")
    try:
        page.wait_for_selector("#panel pre.problems .error", timeout=BOUND_MS)
        shown = page.locator("#panel pre.problems").inner_text().strip().splitlines()
        result = CliRunner().invoke(
            cli, ["validate", str(served.scenarios), "--locales", str(served.locales)]
        )
        printed = [line for line in result.output.splitlines() if "atm-withdrawal" in line]
        assert shown == printed and shown
        assert ".yaml:" in shown[0]
        assert page.locator("#panel .kept").is_visible()
        chat.press("n:")  # the last good version still plays
        assert chat.step() != "intro"
        page.screenshot(path=str(tmp_path / "broken.png"), full_page=True)
    finally:
        yaml.write_text(before, encoding="utf-8")
    page.wait_for_selector("#panel .state-line.ok", timeout=BOUND_MS)


def test_a_non_loopback_address_without_a_token_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ROLEBOT_STUDIO_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["studio", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 1
    assert "refusing to serve on 0.0.0.0 without a token" in result.output


def test_owners_view_with_filters_and_the_report(
    page: Any, served: Served, tmp_path: Path
) -> None:
    page.goto(f"{served.url}owners?ui=ru")
    page.wait_for_selector("#owners-scenarios", timeout=BOUND_MS)
    assert page.locator("h1").inner_text() == "Где учащиеся бросают и где застревают"
    assert page.locator("#owners-weeks tr").count() == 1 + 8  # a header and eight weeks
    page.select_option("select[name=scenario]", "atm-withdrawal")
    page.select_option("select[name=period]", "7d")
    page.click("form.filters button")
    page.wait_for_url("**scenario=atm-withdrawal**", timeout=BOUND_MS)
    assert page.locator("#owners-scenarios tr[data-scenario]").count() == 1
    assert "только одной версии" in page.locator("main").inner_text()
    report = page.frame_locator("iframe.report")
    report.locator("h1").wait_for(timeout=BOUND_MS)
    assert "Где учащиеся бросают" in report.locator("h1").inner_text()
    page.screenshot(path=str(tmp_path / "owners.png"), full_page=True)
