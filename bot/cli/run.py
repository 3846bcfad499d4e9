"""`rolebot run`: the Telegram bot. aiogram is imported only when the bot starts."""

from __future__ import annotations

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
@database_option
@pass_context
def run_command(obj: Context, webhook_url: str | None) -> None:
    """Run the Telegram bot (long polling by default).

    The token comes from BOT_TOKEN or ROLEBOT_BOT_TOKEN (environment or .env). Updates are
    confirmed to Telegram only after their effects are committed; SIGTERM finishes the
    updates in flight and exits.
    """
    import asyncio

    from bot import logs
    from bot.telegram.polling import PollingConflictError
    from bot.telegram.runner import InvalidTokenError, serve
    from bot.telegram.webhook import WebhookError, secret_problem

    config = obj.config
    token = config.bot_token.get_secret_value() if config.bot_token else ""
    if not token:
        click.echo(NO_TOKEN, err=True)
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
        problem = secret_problem(config.webhook_secret.get_secret_value())
        if problem is not None:
            click.echo(problem, err=True)
            sys.exit(2)
    library = obj.library()  # refuse to start on invalid scenarios, with every message
    logs.setup(config.log_level, secrets=(token,))
    try:
        asyncio.run(serve(config, token, webhook_url=webhook_url, library=library))
    except InvalidTokenError:
        click.echo("Telegram rejected the bot token. Check BOT_TOKEN (from @BotFather).", err=True)
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


NO_TOKEN = """\
No bot token. To run rolebot in Telegram:
  1. open Telegram, talk to @BotFather, send /newbot and follow the steps;
  2. put the token it gives you in the environment, or in a .env file here:
       BOT_TOKEN=123456789:AA...
  3. run `rolebot run` again.
Without a token you can try every scenario in this terminal: rolebot play"""
