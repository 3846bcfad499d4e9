"""Every reply of confidence, review and follow-up renders in both languages with the real
interface texts, with the right plural forms."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import actions, engine, followup, review
from bot.core.learning import Confidence, Outcome
from bot.core.loader import Library, validate
from bot.core.progress import Choose, Progress, Start
from bot.core.replies import Reply
from bot.core.review import Recall
from bot.i18n import Translator
from tests.core.test_followup import DECLARATION, EN, RU, TEXTS, YAML
from tests.core.validate_helpers import Project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """The validator's demo scenario with confidence on and a follow-up, beside the real
    interface texts."""
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path)
    project.append(YAML, DECLARATION + "settings:\n  confidence: true\n")
    project.append(EN, TEXTS["en"])
    project.append(RU, TEXTS["ru"])
    for locale in ("ru", "en"):
        shutil.copy(ROOT / "locales" / locale / "bot.ftl", tmp_path / "locales" / locale)
    library, problems = validate([Path("scenarios")], Path("locales"))
    assert problems == []
    return library


def replies_of_the_loop(library: Library) -> list[Reply]:
    demo = library.scenarios["demo"]
    version = demo.version
    out: list[Reply] = []
    progress = engine.step(demo, Progress("demo"), Start(locale="en", now_ms=0)).progress
    at_ask = replace(progress, step="ask")
    for confidence in (None, Confidence.SURE):
        pressed = Choose(
            step="ask",
            option="wrong",
            version=version,
            confidence=confidence,
            locale="en",
            now_ms=1,
        )
        out += engine.step(demo, at_ask, pressed).replies
    card = review.enter("demo", "ask", 1, Recall(0, False))
    assert card is not None
    out += review.message(demo, [card], seed=3)
    for option in ("right", "wrong"):
        pressed_review = actions.ReviewAnswer("demo", version, "ask", option)
        out += review.answer(demo, card, pressed_review, "en", card.due_ms).replies
    out += review.answer(demo, card, pressed_review, "en", 0).replies
    out += review.answer(None, card, pressed_review, "en", card.due_ms).replies
    out += followup.ask(demo, 1, "en", 0).replies
    for outcome in Outcome:
        out += followup.respond(
            demo, actions.FollowupAnswer("demo", version, 1, outcome), "en", 0
        ).replies
    for problem in ("card-kept", "other", "gone"):
        out += followup.respond(
            demo, actions.FollowupProblem("demo", version, 1, problem), "en", 0
        ).replies
    return out


def test_every_reply_renders_in_both_languages(library: Library) -> None:
    translator = Translator(library, contact="@help_desk", strict=True)
    replies = replies_of_the_loop(library)
    assert len(replies) == 14
    for reply in replies:
        for locale in ("ru", "en"):
            rendered = translator.reply(reply, locale)
            assert rendered.text.strip()
            assert all(b.label.strip() for row in rendered.buttons for b in row)


@pytest.mark.parametrize(
    ("key", "args", "ru", "en"),
    [
        ("review-header", {"count": 1}, "1 вопрос,", "One question"),
        ("review-header", {"count": 2}, "2 вопроса,", "2 questions"),
        ("review-next", {"days": 1}, "завтра", "tomorrow"),
        ("review-next", {"days": 2}, "через 2 дня", "in 2 days"),
        ("review-next", {"days": 5}, "через 5 дней", "in 5 days"),
        ("review-next", {"days": 21}, "через 21 день", "in 21 days"),
        ("followup-intro", {"days": 1}, "Вчера вы прошли", "Yesterday you went"),
        ("followup-intro", {"days": 3}, "3 дня назад вы", "3 days ago you"),
        ("followup-intro", {"days": 7}, "7 дней назад вы", "7 days ago you"),
        ("followup-intro", {"days": 31}, "31 день назад вы", "31 days ago you"),
    ],
)
def test_plural_forms(library: Library, key: str, args: dict[str, int], ru: str, en: str) -> None:
    translator = Translator(library, contact="@help_desk", strict=True)
    assert ru in translator(key, "ru", title="Банкомат", **args)
    assert en in translator(key, "en", title="ATM", **args)
