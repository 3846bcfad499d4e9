"""/stats over the real bot: admins get a summary and the HTML report; others are refused."""

from __future__ import annotations

from bot.config import Config
from tests.telegram.conftest import ADMIN, RunningBot
from tests.telegram.fakeapi import FakeBotAPI, Upload
from tests.telegram.test_e2e import USER, open_topic, reply_count, step_through


async def test_stats_for_admins_with_the_report_as_a_document(
    bot: RunningBot, api: FakeBotAPI, config: Config
) -> None:
    await open_topic(api, USER, "atm-withdrawal", "ru")
    await step_through(api, config, USER, "ru")
    await open_topic(api, 77, "contact-support")  # opened, then left
    before = len(api.sent(ADMIN))
    await api.message(ADMIN, "/stats", language="ru")
    await reply_count(api, ADMIN, before)
    await api.wait_for(lambda: bool(api.documents(ADMIN)))
    summary = api.sent(ADMIN)[-1].text
    assert summary.startswith("📊 Последние 30 дней: начато 2 прохождения, завершено 1.")
    # completed a moment ago: not settled until the idle timeout has passed (docs/metrics.md)
    assert "Снятие наличных в банкомате: 1 прохождение, завершили —, бросили 0." in summary
    assert "Обращение в поддержку: 1 прохождение" in summary
    assert "0 пользователей заблокировали бота" in summary
    (document,) = api.documents(ADMIN)
    upload = document.params["document"]
    assert isinstance(upload, Upload)
    assert upload.filename.startswith("rolebot-report-") and upload.filename.endswith(".html")
    html = upload.content.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Где учащиеся бросают" in html
    assert "Снятие наличных в банкомате" in html
    assert document.params["caption"] == "Полный отчёт: откройте файл в браузере."


async def test_stats_refused_to_others_and_bad_periods_explained(
    bot: RunningBot, api: FakeBotAPI
) -> None:
    await api.message(USER, "/stats")
    await reply_count(api, USER, 0)
    assert api.sent(USER)[-1].text == "This command is for administrators only."
    await api.message(ADMIN, "/stats yesterday-ish")
    await reply_count(api, ADMIN, 0)
    assert api.sent(ADMIN)[-1].text.startswith("I don't understand the period “yesterday-ish”")
    await api.message(ADMIN, "/stats 1d")
    await reply_count(api, ADMIN, 1)
    assert api.sent(ADMIN)[-1].text.startswith("📊 The last day: 0 runs started, 0 completed.")
    await api.settle()
    assert not api.documents(USER)
