"""The translator a deployment shows its texts with: its support contact and the values of
its deployment profile (ROLEBOT_PROFILE, or a .env line), for every transport alike."""

from __future__ import annotations

from functools import cache

from bot.config import Config
from bot.core.loader import Library
from bot.i18n import Translator
from bot.i18n.deployment import Values, load_profile


@cache
def _profile(profile: str) -> Values:
    return load_profile(profile)


def translator_for(config: Config, library: Library, *, transport: str = "") -> Translator:
    """Raises `ProfileError` (every problem as file:line) for a broken provider profile."""
    return Translator(
        library,
        contact=config.support_contact,
        transport=transport,
        variables=_profile(config.profile),
    )
