"""`rolebot play`: the conversation service in a terminal."""

from __future__ import annotations

import os
import sys

import click

from bot.cli.context import Context, database_option, pass_context
from bot.core.locales import LOCALES


@click.command("play")
@click.argument("scenario", required=False)
@click.option(
    "--lang",
    type=click.Choice(LOCALES),
    default=None,
    help="Language (default: the one you chose last time, else from $LANG).",
)
@click.option(
    "--due",
    is_flag=True,
    help="Now, what the learning loop scheduled for you (a reminder, a review of questions "
    "you got wrong, a follow-up), instead of hours or days later.",
)
@database_option
@pass_context
def play_command(obj: Context, scenario: str | None, lang: str | None, due: bool) -> None:
    """Play a scenario in the terminal (without SCENARIO: the topic menu).

    Type the number of an answer, ? when stuck, q to quit. Works with piped input too:
    one answer per line. Progress and events go to the same database as the bot's.
    """
    import asyncio
    import getpass
    from dataclasses import replace

    from rich.console import Console

    from bot.core.window import ALWAYS
    from bot.i18n import negotiate
    from bot.service import Conversation, Who
    from bot.service.loop import settings_for
    from bot.service.texts import translator_for
    from bot.terminal.player import TRANSPORT, Player

    library = obj.library()
    storage = obj.storage()
    translator = translator_for(obj.config, library, transport=TRANSPORT)
    default = negotiate(os.environ.get("LANG", "").split(".")[0] or None, LOCALES)
    player = Player(
        # The loop as the bot has it, without quiet hours: a writer tries it at any hour.
        Conversation(library, storage, loop=replace(settings_for(obj.config), window=ALWAYS)),
        translator,
        Who(f"terminal:{getpass.getuser()}", lang or default),
        console=Console(highlight=False),
        stdin=sys.stdin,
        chosen_locale=lang,
    )

    # A loop of our own rather than asyncio.run: its SIGINT handler only cancels the task,
    # which cannot interrupt a blocking readline, so Ctrl-C did nothing until pressed twice.
    # Here Ctrl-C raises at once, the storage is closed and the learner gets the usual bye.
    loop = asyncio.new_event_loop()
    try:
        code = loop.run_until_complete(player.due() if due else player.play(scenario))
    except KeyboardInterrupt:
        click.echo()
        click.echo(translator("play-bye", player.locale))
        code = 130
    finally:
        loop.run_until_complete(storage.close())
        loop.close()
    sys.exit(code)
