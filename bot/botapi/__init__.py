"""Telegram Bot API plumbing shared by the aiogram and python-telegram-bot adapters: confirming
updates only after commit (polling, webhook), poison updates, delivery, admin figures. No
client library is imported here; each adapter implements `port.Gateway`."""
