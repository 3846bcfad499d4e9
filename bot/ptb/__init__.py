"""rolebot on python-telegram-bot 22 (the `rolebot[ptb]` extra): the same bot as `bot.telegram`,
translated to PTB's types. The rules live in `bot.service` and `bot.botapi`."""
