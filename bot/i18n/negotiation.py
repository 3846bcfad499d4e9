"""Which of our languages to speak, from Telegram's `language_code` (the user's choice wins)."""

from __future__ import annotations

DEFAULT_LOCALE = "en"

RUSSIAN_READERS = frozenset({"ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az", "ka", "tk"})
"""Languages of places where most people read Russian more easily than English."""


def negotiate(language_code: str | None, available: tuple[str, ...] = ("ru", "en")) -> str:
    """Map an IETF tag such as "ru", "uk", "en-US" or "pt-br" to one of `available`."""
    if not language_code:
        return DEFAULT_LOCALE if DEFAULT_LOCALE in available else available[0]
    primary = language_code.replace("_", "-").split("-")[0].lower()
    if primary in available:
        return primary
    if primary in RUSSIAN_READERS and "ru" in available:
        return "ru"
    return DEFAULT_LOCALE if DEFAULT_LOCALE in available else available[0]
