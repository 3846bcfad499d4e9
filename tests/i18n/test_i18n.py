"""Locales: parity, negotiation, plurals, and every text the code asks for exists."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import engine
from bot.core.errors import MissingTranslationError
from bot.core.loader import Library
from bot.core.menu import menu
from bot.core.model import ChoiceStep, QuestionStep, TextStep
from bot.core.progress import AskHelp, Choose, FreeText, Input, Progress, Rate, Start, Status
from bot.core.replies import Reply, Text
from bot.core.translations import parse_ftl
from bot.i18n import Translator, negotiate

ROOT = Path(__file__).resolve().parents[2]


def messages(path: Path) -> dict[str, set[str]]:
    ftl = parse_ftl(path.read_text(encoding="utf-8"), None)
    assert ftl.problems == []
    return {key: set(m.attributes) for key, m in ftl.messages.items()}


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "locales" / "en").glob("*.ftl")))
def test_locales_have_the_same_keys(name: str) -> None:
    assert messages(ROOT / "locales" / "ru" / name) == messages(ROOT / "locales" / "en" / name)


def test_same_files_in_both_locales() -> None:
    names = {
        locale: sorted(p.name for p in (ROOT / "locales" / locale).glob("*.ftl"))
        for locale in ("ru", "en")
    }
    assert names["ru"] == names["en"]


@pytest.mark.parametrize(
    ("code", "locale"),
    [
        ("ru", "ru"),
        ("ru-RU", "ru"),
        ("uk", "ru"),
        ("be", "ru"),
        ("kk", "ru"),
        ("en", "en"),
        ("en-US", "en"),
        ("de", "en"),
        ("pt-br", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_negotiation(code: str | None, locale: str) -> None:
    assert negotiate(code) == locale


@pytest.mark.parametrize(
    ("n", "ru", "en"),
    [
        (1, "1 символ", "1 character"),
        (3, "3 символа", "3 characters"),
        (5, "5 символов", "5 characters"),
        (21, "21 символ", "21 characters"),
        (44, "44 символа", "44 characters"),
    ],
)
def test_plurals(translator: Translator, n: int, ru: str, en: str) -> None:
    assert ru in translator("text-too-short", "ru", minimum=n)
    assert en in translator("text-too-short", "en", minimum=n)


def test_no_invisible_isolation_marks(translator: Translator) -> None:
    text = translator("step-counter", "ru", current=2, total=9)
    assert text == "Шаг 2 из 9"


def test_strict_translator_raises_on_missing_key(translator: Translator) -> None:
    with pytest.raises(MissingTranslationError):
        translator("no-such-key", "en")


def test_lenient_translator_shows_key(library: Library) -> None:
    lenient = Translator(library, contact="")
    assert lenient("no-such-key", "ru") == "no-such-key"


def test_contact_default_and_configured(library: Library) -> None:
    assert "@help_desk" in Translator(library, contact="@help_desk")("help-human", "en")
    default = Translator(library, contact="", strict=True)("help-human", "ru")
    assert default.endswith("служба поддержки сервиса, которым вы пользуетесь.")


def test_every_interface_key_used_in_code_exists(translator: Translator) -> None:
    pattern = re.compile(r"""(?:ui|Text|self\.t|self\.hint)\(\s*"([a-z][a-z0-9-]+)\"""")
    used = set()
    for path in (ROOT / "bot").rglob("*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    used.discard("default-contact")
    assert len(used) > 20
    for locale in ("ru", "en"):
        missing = {key for key in used if not translator.has(locale, key)}
        assert not missing, (locale, missing)


def test_every_reply_of_every_step_renders(library: Library, translator: Translator) -> None:
    """Every step shown, every option chosen, help at every level, in both languages."""
    for scenario in library.scenarios.values():
        fresh = Progress(scenario.id)
        base = engine.step(scenario, fresh, Start(locale="en", now_ms=1)).progress
        inputs: list[tuple[Progress, Input]] = [(fresh, Start(locale="en", now_ms=1))]
        for step in scenario.spec.steps:
            here = replace(base, step=step.id, status=Status.ACTIVE)
            inputs.append((here, Start(locale="en", now_ms=1)))
            inputs.append((here, AskHelp(locale="en", now_ms=1)))
            if isinstance(step, QuestionStep | ChoiceStep):
                inputs += [
                    (
                        here,
                        Choose(
                            step=step.id,
                            option=o.id,
                            version=scenario.version,
                            locale="en",
                            now_ms=1,
                        ),
                    )
                    for o in step.options
                ]
            if isinstance(step, TextStep):
                inputs.append((here, FreeText(length=1000, locale="en", now_ms=1)))
                inputs.append((here, FreeText(length=1, locale="en", now_ms=1)))
        done = replace(base, status=Status.COMPLETED)
        inputs.append((done, Rate(score=3, version=scenario.version, locale="en", now_ms=1)))
        for progress, inp in inputs:
            replies: list[Reply] = []
            for _ in range(3 if isinstance(inp, AskHelp) else 1):  # help: every level
                result = engine.step(scenario, progress, inp)
                progress = result.progress
                replies.extend(result.replies)
            for reply in replies:
                for locale in ("ru", "en"):
                    rendered = translator.reply(reply, locale)
                    assert rendered.text.strip()
                    assert all(b.label.strip() for row in rendered.buttons for b in row)
    for locale in ("ru", "en"):
        assert translator.reply(menu(library.scenarios, {}), locale).buttons
        assert translator.text(Text("menu-empty"), locale)


def test_texts_with_arguments_render_each_time_by_their_values(translator: Translator) -> None:
    """Rendered texts with arguments are kept (by key and values): a second learner at
    another step, or another scenario's title, must not get the first one's text."""

    def item(title: str, current: int) -> Text:
        return Text(
            "menu-item-active",
            args={"title": Text(title), "current": current, "total": 9},
        )

    first = translator.text(item("help-human", 1), "en")
    assert translator.text(item("help-human", 1), "en") == first
    assert translator.text(item("help-human", 2), "en") != first
    assert translator.text(item("privacy", 1), "en") != first
    assert translator.text(item("help-human", 1), "ru") != first
    plain = translator.text(Text("type-your-answer"), "en")
    assert translator.text(Text("type-your-answer", attribute="terminal"), "en") != plain
