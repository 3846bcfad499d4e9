"""The studio's own interface texts, from templates/studio.<lang>.ftl (never from Python)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from bot.core.errors import MissingTranslationError

UI_LANGUAGES = ("en", "ru")


class Words:
    """Formats one interface text; a missing key raises, so tests catch it."""

    def __init__(self, lang: str) -> None:
        source = resources.files("bot.studio").joinpath(f"templates/studio.{lang}.ftl")
        self.bundle = FluentBundle([lang], use_isolating=False)
        self.bundle.add_resource(FluentResource(source.read_text(encoding="utf-8")))
        self.lang = lang

    def __call__(self, key: str, **args: Any) -> str:
        if not self.bundle.has_message(key):
            raise MissingTranslationError(f"studio text {key} missing in {self.lang}")
        message = self.bundle.get_message(key)
        assert message.value is not None, key
        text, errors = self.bundle.format_pattern(message.value, args)
        if errors:
            raise MissingTranslationError(f"studio text {key} in {self.lang}: {errors}")
        return str(text)


_WORDS = {lang: Words(lang) for lang in UI_LANGUAGES}


def words(lang: str) -> Words:
    return _WORDS.get(lang, _WORDS["en"])
