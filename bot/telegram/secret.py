"""The webhook secret check, kept importable from its old place."""

from __future__ import annotations

from bot.botapi.secret import SECRET, secret_problem

__all__ = ["SECRET", "secret_problem"]
