"""Long polling that confirms an update only after commit: shared by both adapters, see
`bot.botapi.polling`; kept importable from here."""

from __future__ import annotations

from bot.botapi.polling import Poller, PollingConflictError

__all__ = ["Poller", "PollingConflictError"]
