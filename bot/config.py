"""Configuration from the environment (prefix ROLEBOT_) and a .env file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.window import Window

PACKAGE_DIR = Path(__file__).resolve().parent


def content_dir(name: str) -> Path:
    """Where shipped scenarios or locales are: ./<name> when the working directory has one,
    else the copy inside an installed wheel, else the source checkout."""
    candidates = (Path.cwd() / name, PACKAGE_DIR / "content" / name, PACKAGE_DIR.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return Path.cwd() / name


class Config(BaseSettings):
    """Every setting has a default, so `rolebot play` and `rolebot validate` need none."""

    model_config = SettingsConfigDict(
        env_prefix="ROLEBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database: str = Field(
        "rolebot.sqlite3",
        description="A SQLite file (relative paths are from the working directory), or "
        "postgresql://user@host/database for several instances.",
    )

    @field_validator("database", mode="before")
    @classmethod
    def _database_text(cls, value: Any) -> Any:
        """A Path is fine too (it would fold the // of a URL, so keep text)."""
        return str(value) if isinstance(value, Path) else value

    scenarios_dir: Path = Field(default_factory=lambda: content_dir("scenarios"))
    locales_dir: Path = Field(default_factory=lambda: content_dir("locales"))
    support_contact: str = Field(
        "",
        description="How to reach a human, shown at the last level of help "
        "(e.g. an @username, a phone number or a URL).",
    )
    profile: str = Field(
        "russia",
        description="The deployment profile whose values scenario texts show for $emergency, "
        "$provider-app and the like: russia, international, or a folder with ru.ftl and "
        "en.ftl (see docs/configuration.md).",
    )
    cache_dir: Path | None = Field(
        default_factory=lambda: (
            Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rolebot"
        ),
        description="Parsed translation files, reused while the files are unchanged; "
        "empty to disable.",
    )
    bot_token: SecretStr | None = Field(
        None, validation_alias=AliasChoices("ROLEBOT_BOT_TOKEN", "BOT_TOKEN")
    )
    api_base: str = Field(
        "",
        description="Another Bot API server, e.g. a self-hosted telegram-bot-api "
        "(default: Telegram's own).",
    )
    admins: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="Numeric Telegram ids allowed to use admin commands."
    )
    webhook_secret: SecretStr | None = Field(
        None,
        description="Secret token Telegram sends with each webhook request (required "
        "in webhook mode).",
    )
    studio_token: SecretStr | None = Field(
        None,
        description="Token `rolebot studio` requires on any address but 127.0.0.1 (required "
        "there).",
    )
    framework: Literal["aiogram", "ptb"] = Field(
        "aiogram",
        description="The Telegram library `rolebot run` uses: aiogram, or ptb "
        "(python-telegram-bot, the `rolebot[ptb]` extra).",
    )
    webhook_listen: str = Field("127.0.0.1:8080", description="host:port the webhook serves.")
    retry_delay: float = Field(
        0.5,
        gt=0,
        description="Seconds before retrying a failed Telegram call (getUpdates or a send); "
        "doubles on each further failure, up to 30 s for getUpdates and 10 s for sends.",
    )
    exit_on_conflict: bool = Field(
        False,
        description="Stop (exit status 3) when Telegram says another process polls with the "
        "same token (409), instead of logging it and retrying.",
    )
    outbox_lease: float = Field(
        30.0,
        gt=0,
        description="Seconds an instance holds a chat's queued replies while sending them; "
        "if it dies, another instance (or this one restarted) sends them after this.",
    )
    send_rate: float = Field(
        30.0,
        ge=0,
        description="Messages per second the bot sends in all, shared by every instance "
        "(Telegram's limit for ordinary bots is about 30); 0 turns pacing off.",
    )
    chat_rate: float = Field(
        1.0, ge=0, description="Messages per second to one chat after a burst (about 1)."
    )
    chat_burst: int = Field(3, ge=1, description="Messages one chat may get at once.")
    reminders: bool = Field(
        True,
        description="One reminder when a learner stops halfway (the first also asks whether "
        "they want them; /reminders toggles).",
    )
    reviews: bool = Field(
        True, description="Spaced review of the questions a learner got wrong or guessed."
    )
    followups: bool = Field(
        True, description="The scenarios' follow-ups: days later, did it work in real life?"
    )
    reminder_after_hours: float = Field(
        20.0, gt=0, description="Hours after a learner's last move before the reminder."
    )
    send_window: str = Field(
        "10:00-20:00",
        description="When the bot may write first, HH:MM-HH:MM in `time_zone` (quiet hours "
        "outside it).",
    )
    time_zone: str = Field(
        "Europe/Moscow", description="The deployment's time zone (an IANA name) for the window."
    )
    scheduler_tick: float = Field(
        5.0, gt=0, description="Seconds between looks for due reminders, reviews, follow-ups."
    )
    idle_timeout_hours: float = 24.0
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _window_readable(self) -> Config:
        Window.parse(self.send_window, self.time_zone)  # a WindowError says how to fix it
        return self

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_disables_cache(cls, value: Any) -> Any:
        """ROLEBOT_CACHE_DIR= (empty) means no cache, not the working directory."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: Any) -> Any:
        """Accept "123, 456" as well as a JSON list."""
        if isinstance(value, str):
            return [part for part in value.replace(",", " ").split() if part]
        return value
