"""`rolebot db`: create or upgrade the database, show where it is."""

from __future__ import annotations

import re
from pathlib import Path

import click

from bot.cli.context import Context, database_option, pass_context, run_async


@click.group("db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command("migrate")
@database_option
@pass_context
def db_migrate(obj: Context) -> None:
    """Create the database or bring its schema up to date."""
    storage = obj.storage(migrate=False)

    async def migrate() -> list[str]:
        try:
            return await storage.migrate()
        finally:
            await storage.close()

    applied = run_async(migrate())
    if applied:
        click.echo(f"applied: {', '.join(applied)}")
    else:
        click.echo("already up to date")


@db_group.command("path")
@database_option
@pass_context
def db_path(obj: Context) -> None:
    """Print the absolute path of the database file (a PostgreSQL URL without its
    password)."""
    database = obj.config.database
    if "://" in database and not database.startswith("sqlite:///"):
        click.echo(re.sub(r"://([^:@/]*):[^@/]*@", r"://\1:***@", database))
    else:
        click.echo(str(Path(database.removeprefix("sqlite:///")).resolve()))


@db_group.command("copy")
@click.argument("source", metavar="SOURCE")
@click.argument("target", metavar="TARGET")
def db_copy(source: str, target: str) -> None:
    """Copy a whole installation from SOURCE to TARGET (each a SQLite file or a
    postgresql:// URL), e.g. from rolebot.sqlite3 to PostgreSQL when one machine is not
    enough. TARGET must be empty; its statistics are rebuilt from the copied events, and
    `rolebot stats --format json` shows the same figures on both."""
    from bot.storage import open_storage
    from bot.storage.copying import TargetNotEmptyError, copy

    async def run() -> dict[str, int]:
        origin, destination = open_storage(source), open_storage(target)
        try:
            return await copy(origin, destination)
        finally:
            await origin.close()
            await destination.close()

    try:
        counts = run_async(run())
    except TargetNotEmptyError:
        raise click.ClickException(
            f"{target} already holds users or events: copy into a new, empty database"
        ) from None
    click.echo(", ".join(f"{n} {table}" for table, n in counts.items()) + " copied")
