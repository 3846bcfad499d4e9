"""Storage: the port (`bot.storage.port`) and its backends. All SQL lives under here."""

from __future__ import annotations

from pathlib import Path

from bot.storage.port import KEEP, Change, Storage, Unit, User

__all__ = ["KEEP", "Change", "Storage", "Unit", "User", "open_storage"]


def open_storage(
    database: Path | str, *, migrate: bool = True, background_checkpoints: bool = False
) -> Storage:
    """The backend for a database setting: a file path, `sqlite:///path` or ":memory:"
    (SQLite), or `postgresql://user@host/db` (PostgreSQL, several instances).
    `background_checkpoints` is for the long-running bot on SQLite (see docs/storage.md)."""
    from bot.storage.sqlite import SqliteStorage

    text = str(database)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            from bot.storage.postgres import PostgresStorage
        except ImportError:
            raise ValueError(
                "PostgreSQL needs the asyncpg driver: pip install 'rolebot[postgres]'"
            ) from None
        return PostgresStorage(text, migrate=migrate)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise ValueError(
            f"unsupported database {scheme}://...: use a SQLite file path, sqlite:///path "
            "or postgresql://user@host/database"
        )
    return SqliteStorage.open(text, migrate=migrate, background_checkpoints=background_checkpoints)
