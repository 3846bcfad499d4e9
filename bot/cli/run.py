"""`rolebot run`: the Telegram bot. aiogram is imported only when the bot starts."""

from __future__ import annotations

import importlib.util
import re
import sys

import click

from bot.cli.context import Context, database_option, pass_context


@click.command("run")
@click.option(
    "--webhook",
    "webhook_url",
    default=None,
    metavar="URL",
    help="Serve a webhook at this public URL instead of long polling "
    "(needs ROLEBOT_WEBHOOK_SECRET).",
)
@click.option(
    "--framework",
    type=click.Choice(["aiogram", "ptb"]),
    default=None,
    help="The Telegram library: aiogram (default) or ptb, python-telegram-bot "
    "(also ROLEBOT_FRAMEWORK).",
)
@database_option
@pass_context
def run_command(obj: Context, webhook_url: str | None, framework: str | None) -> None:
    """Run the Telegram bot (long polling by default).

    The token comes from BOT_TOKEN or ROLEBOT_BOT_TOKEN (environment or .env). Updates are
    confirmed to Telegram only after their effects are committed; SIGTERM finishes the
    updates in flight and exits.
    """
    import asyncio

    config = obj.config
    if framework is not None:
        config = config.model_copy(update={"framework": framework})
    if config.framework == "ptb" and importlib.util.find_spec("telegram") is None:
        click.echo(NO_PTB, err=True)
        sys.exit(2)
    token = config.bot_token.get_secret_value() if config.bot_token else ""
    if not token:
        click.echo(NO_TOKEN, err=True)
        sys.exit(2)
    if not TOKEN_FORMAT.fullmatch(token):
        click.echo(MALFORMED_TOKEN, err=True)
        sys.exit(2)
    if webhook_url and not (config.webhook_secret and config.webhook_secret.get_secret_value()):
        click.echo(
            "Webhook mode needs a secret token: set ROLEBOT_WEBHOOK_SECRET to a random string "
            "(1-256 characters: A-Z, a-z, 0-9, _ and -). Telegram sends it with every request "
            "and rolebot refuses requests without it.",
            err=True,
        )
        sys.exit(2)
    if webhook_url and config.webhook_secret:
        from bot.botapi.secret import secret_problem

        problem = secret_problem(config.webhook_secret.get_secret_value())
        if problem is not None:
            click.echo(problem, err=True)
            sys.exit(2)
    # The Telegram library takes seconds to import on a small machine: say so first.
    click.echo("rolebot: starting…", err=True)
    library = obj.library()  # refuse to start on invalid scenarios, with every message

    from bot import logs
    from bot.botapi.polling import PollingConflictError
    from bot.botapi.port import InvalidTokenError, WebhookError

    if config.framework == "ptb":
        from bot.ptb.app import serve
    else:
        from bot.telegram.runner import serve

    logs.setup(config.log_level, secrets=(token,))
    try:
        asyncio.run(serve(config, token, webhook_url=webhook_url, library=library))
    except InvalidTokenError:
        click.echo(REJECTED_TOKEN, err=True)
        sys.exit(2)
    except WebhookError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    except PollingConflictError as exc:
        click.echo(
            "Another process polls Telegram with the same bot token, so rolebot stopped "
            f"(ROLEBOT_EXIT_ON_CONFLICT is set). Telegram said: {exc}",
            err=True,
        )
        sys.exit(3)


NO_PTB = (
    "--framework ptb needs python-telegram-bot 22: pip install 'rolebot[ptb]' "
    "(or: pip install 'python-telegram-bot>=22,<23')."
)
TOKEN_FORMAT = re.compile(r"[0-9]+:[A-Za-z0-9_-]+")
"""What @BotFather gives: the bot's numeric id, a colon, then the secret part."""
MALFORMED_TOKEN = (
    "BOT_TOKEN is not a bot token: it should look like 123456789:AA... (digits, a colon, "
    "then letters, digits, - and _), exactly as @BotFather gives it."
)
REJECTED_TOKEN = (
    "Telegram answered 401 Unauthorized to getMe: the token in BOT_TOKEN is not (or no "
    "longer) a bot's token. Copy the current one from @BotFather (/mybots, API Token)."
)


NO_TOKEN = """\
No bot token. To run rolebot in Telegram:
  1. open Telegram, talk to @BotFather, send /newbot and follow the steps;
  2. put the token it gives you in the environment, or in a .env file here:
       BOT_TOKEN=123456789:AA...
  3. run `rolebot run` again.
Without a token you can try every scenario in this terminal: rolebot play"""
