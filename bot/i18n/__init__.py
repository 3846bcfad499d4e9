"""Fluent bundles per locale, locale negotiation, and rendering of the engine's abstract texts."""

from __future__ import annotations

from bot.i18n.negotiation import DEFAULT_LOCALE, negotiate
from bot.i18n.translator import RenderedButton, RenderedReply, Translator

__all__ = [
    "DEFAULT_LOCALE",
    "RenderedButton",
    "RenderedReply",
    "Translator",
    "negotiate",
]
