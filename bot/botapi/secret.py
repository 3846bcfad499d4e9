"""The webhook's secret token as Telegram accepts it; importable without a Telegram library,
so the command checks it before aiogram or python-telegram-bot loads."""

from __future__ import annotations

import re

SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
"""What Telegram accepts as `secret_token` in setWebhook."""


def secret_problem(secret: str) -> str | None:
    """Why Telegram would refuse this secret token, or None if it is fine."""
    if SECRET.fullmatch(secret) is None:
        return (
            "ROLEBOT_WEBHOOK_SECRET must be 1-256 characters, each a letter A-Z or a-z, "
            "a digit, _ or - (Telegram accepts no others); generate one with "
            '`python -c "import secrets; print(secrets.token_urlsafe(32))"`.'
        )
    return None
