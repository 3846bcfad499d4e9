"""The `rolebot` command: a thin click layer over the library, one module per area."""

from __future__ import annotations

import click

from bot.cli import analytics, content, db, play, run, simulate, studio
from bot.cli.context import DATABASE_HELP, Context


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--database", default=None, metavar="FILE|URL", help=DATABASE_HELP)
@click.version_option(package_name="rolebot")
@click.pass_context
def cli(ctx: click.Context, database: str | None) -> None:
    """rolebot teaches people their part in getting value from a service, one short scenario
    at a time, and records where they get stuck."""
    ctx.obj = Context(database)


for command in (
    content.validate_command,
    content.schema_command,
    content.init_command,
    content.new_command,
    content.graph_command,
    play.play_command,
    run.run_command,
    *analytics.COMMANDS,
    simulate.simulate_command,
    studio.studio_command,
    db.db_group,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="rolebot")
