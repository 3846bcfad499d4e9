"""Webhook mode, shared by both adapters (`bot.botapi.webhook`); kept importable from here."""

from __future__ import annotations

from bot.botapi.port import WebhookError
from bot.botapi.webhook import webhook_app

__all__ = ["WebhookError", "webhook_app"]
