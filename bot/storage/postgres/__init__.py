"""The backend for several instances: one PostgreSQL database (asyncpg, an optional extra)."""

from __future__ import annotations

from bot.storage.postgres.store import PostgresStorage

__all__ = ["PostgresStorage"]
