"""The `rolebot` command: a thin click layer over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console

from bot.config import Config
from bot.core import fluentcache
from bot.core.errors import ScenarioError
from bot.core.loader import LOCALES, Library, load_library, validate
from bot.core.model import ScenarioSpec
from bot.core.problems import Severity
from bot.i18n import Translator, negotiate


class Context:
    """Configuration shared by the subcommands, read once."""

    def __init__(self, database: Path | None) -> None:
        self.config = Config()
        if database is not None:
            self.config.database = database
        fluentcache.set_cache_dir(self.config.cache_dir)

    def library(self) -> Library:
        try:
            return load_library(self.config.scenarios_dir, self.config.locales_dir)
        except ScenarioError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(
                f"{len(exc.problems)} error(s): fix the scenarios first "
                "(rolebot validate shows them all).",
                err=True,
            )
            sys.exit(1)


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--database",
    type=click.Path(path_type=Path),
    default=None,
    help="SQLite file (default: $ROLEBOT_DATABASE or ./rolebot.sqlite3).",
)
@click.version_option(package_name="rolebot")
@click.pass_context
def cli(ctx: click.Context, database: Path | None) -> None:
    """rolebot teaches people their part in getting value from a service, one short scenario
    at a time, and records where they get stuck."""
    ctx.obj = Context(database)


@cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--locales",
    "locales_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Locales directory (default: the one beside the scenarios).",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@pass_context
def validate_command(
    obj: Context, paths: tuple[Path, ...], locales_dir: Path | None, strict: bool
) -> None:
    """Check scenario files and translations; print every problem as file:line: message.

    PATHS are scenario YAML files or directories (default: the scenarios directory).
    Exits 1 when there are errors (or, with --strict, warnings).
    """
    targets = list(paths) or [obj.config.scenarios_dir]
    locales_dir = locales_dir or _locales_beside(targets[0]) or obj.config.locales_dir
    library, problems = validate(targets, locales_dir, LOCALES)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    failed = errors > 0 or (strict and warnings > 0)
    summary = (
        f"{len(library.scenarios)} scenario(s) valid, {errors} error(s), {warnings} warning(s)"
    )
    click.echo(summary, err=True)
    sys.exit(1 if failed else 0)


def _locales_beside(target: Path) -> Path | None:
    folder = target if target.is_dir() else target.parent
    candidate = folder.parent / "locales"
    return candidate if candidate.is_dir() else None


@cli.command("play")
@click.argument("scenario", required=False)
@click.option(
    "--lang",
    type=click.Choice(LOCALES),
    default=None,
    help="Language (default: the one you chose last time, else from $LANG).",
)
@pass_context
def play_command(obj: Context, scenario: str | None, lang: str | None) -> None:
    """Play a scenario in the terminal (without SCENARIO: the topic menu).

    Type the number of an answer, ? when stuck, q to quit. Works with piped input too:
    one answer per line. Progress and events go to the same database as the bot's.
    """
    import getpass
    import os
    import time

    from bot.storage import Store, open_database
    from bot.terminal.player import Player

    library = obj.library()
    store = Store(open_database(obj.config.database))
    translator = Translator(library, contact=obj.config.support_contact)
    default = negotiate(os.environ.get("LANG", "").split(".")[0] or None, LOCALES)
    user = store.user(f"terminal:{getpass.getuser()}", lang or default, int(time.time() * 1000))
    player = Player(
        library,
        store,
        translator,
        user,
        console=Console(highlight=False),
        stdin=sys.stdin,
        chosen_locale=lang,
    )
    code = player.play(scenario)
    store.db.close()
    sys.exit(code)


@cli.command("run")
@click.option(
    "--webhook",
    "webhook_url",
    default=None,
    metavar="URL",
    help="Serve a webhook at this public URL instead of long polling "
    "(needs ROLEBOT_WEBHOOK_SECRET).",
)
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


@cli.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def schema_command(output: Path | None) -> None:
    """Print the JSON Schema of scenario YAML files, for editor autocompletion."""
    schema = ScenarioSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "rolebot scenario"
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@cli.command("new")
@click.argument("scenario_id", metavar="ID")
@pass_context
def new_command(obj: Context, scenario_id: str) -> None:
    """Create scenario ID: scenarios/ID.yaml and locales/{ru,en}/ID.ftl with a minimal
    valid scenario whose texts start with "TODO:". Never overwrites a file.

    The files go where `rolebot validate` and `rolebot play` look: $ROLEBOT_SCENARIOS_DIR
    and $ROLEBOT_LOCALES_DIR when set, else ./scenarios and ./locales when they exist.
    """
    from bot.authoring.scaffold import ScaffoldError, scaffold
    from bot.config import PACKAGE_DIR
    from bot.core.loader import display

    if obj.config.scenarios_dir.resolve().is_relative_to(PACKAGE_DIR):
        click.echo(
            "The scenarios folder is inside the installed rolebot package. Run this in a "
            "folder with scenarios/ and locales/, or set ROLEBOT_SCENARIOS_DIR and "
            "ROLEBOT_LOCALES_DIR.",
            err=True,
        )
        sys.exit(1)
    try:
        created = scaffold(scenario_id, obj.config.scenarios_dir, obj.config.locales_dir)
    except ScaffoldError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    for path in created:
        click.echo(f"created {display(path)}")
    click.echo(
        f'Next: replace every "TODO:" text in both .ftl files, then run '
        f"rolebot validate --strict and rolebot play {scenario_id}.",
        err=True,
    )


@cli.command("graph")
@click.argument("scenario_id", metavar="ID")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    show_default=True,
    help="Mermaid (renders in GitHub and GitLab) or Graphviz DOT.",
)
@click.option("--text", is_flag=True, help="Show each step's text, shortened.")
@click.option(
    "--lang", type=click.Choice(LOCALES), default="en", show_default=True, help="For --text."
)
@pass_context
def graph_command(obj: Context, scenario_id: str, fmt: str, text: bool, lang: str) -> None:
    """Print the flow of scenario ID for review: steps by kind, options as edges (✓ right,
    ✗ wrong, dashed self-loop: try again), end steps highlighted.
    """
    from bot.authoring import graph
    from bot.core.errors import UnknownScenarioError

    try:
        scenario, texts = graph.load(scenario_id, obj.config.scenarios_dir, obj.config.locales_dir)
    except UnknownScenarioError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    except ScenarioError as exc:
        click.echo(str(exc), err=True)
        click.echo(f"{len(exc.problems)} error(s): fix them to see the graph.", err=True)
        sys.exit(1)
    flow = graph.flow(scenario, (lambda key: texts.get(lang, key)) if text else None)
    click.echo(graph.RENDERERS[fmt](flow), nl=False)


@cli.group("db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command("migrate")
@pass_context
def db_migrate(obj: Context) -> None:
    """Create the database or bring its schema up to date."""
    from bot.storage import open_database
    from bot.storage.migrations import migrate

    db = open_database(obj.config.database, migrate_schema=False)
    applied = migrate(db)
    db.close()
    if applied:
        click.echo(f"applied: {', '.join(applied)}")
    else:
        click.echo("already up to date")


@db_group.command("path")
@pass_context
def db_path(obj: Context) -> None:
    """Print the absolute path of the database file."""
    click.echo(str(obj.config.database.resolve()))


from bot.analytics.cli import COMMANDS as ANALYTICS_COMMANDS  # noqa: E402 - needs `cli` above

for command in ANALYTICS_COMMANDS:
    cli.add_command(command)


def main() -> None:
    cli(prog_name="rolebot")
