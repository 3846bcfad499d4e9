"""Scenario texts rendered to plain strings, for the teaching lint and the graph, not for users."""

from __future__ import annotations

from collections.abc import Mapping

from fluent.runtime import FluentBundle

from bot.core import fluentcache

CONTACT_PLACEHOLDER = "@support"
"""Stands in for `$contact`, whose real value only the running bot knows."""


class PlainTexts:
    """Fluent sources of one scenario, one per locale, rendered as the bot would render them
    (no bidi isolation marks), with `$contact` replaced by a short placeholder."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self._bundles: dict[str, FluentBundle] = {}
        for locale, source in sources.items():
            bundle = FluentBundle([locale], use_isolating=False)
            bundle.add_resource(fluentcache.parse(source))  # parsed once, shared
            self._bundles[locale] = bundle

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self._bundles)

    def get(self, locale: str, key: str, attribute: str | None = None) -> str | None:
        """The rendered text, or None when the locale, message or attribute is missing.

        Render errors are ignored here: the validator reports their causes on its own."""
        bundle = self._bundles.get(locale)
        if bundle is None or not bundle.has_message(key):
            return None
        message = bundle.get_message(key)
        pattern = message.attributes.get(attribute) if attribute else message.value
        if pattern is None:
            return None
        text, _errors = bundle.format_pattern(pattern, {"contact": CONTACT_PLACEHOLDER})
        return str(text)
