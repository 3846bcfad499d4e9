"""Configuration from the environment (prefix ROLEBOT_) and a .env file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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

    database: Path = Field(
        Path("rolebot.sqlite3"),
        description="SQLite file; relative paths are from the working directory.",
    )
    scenarios_dir: Path = Field(default_factory=lambda: content_dir("scenarios"))
    locales_dir: Path = Field(default_factory=lambda: content_dir("locales"))
    support_contact: str = Field(
        "",
        description="How to reach a human, shown at the last level of help "
        "(e.g. an @username, a phone number or a URL).",
    )
    bot_token: SecretStr | None = None
    admins: list[int] = Field(default_factory=list)
    idle_timeout_hours: float = 24.0
    log_level: str = "INFO"
