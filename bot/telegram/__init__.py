"""The Telegram transport (aiogram 3): Updates in, engine in the middle, Bot API calls out."""
