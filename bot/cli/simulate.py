"""`rolebot simulate`: synthetic learners through the conversation service."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import click

from bot.cli.context import Context, database_option, pass_context, run_async

if TYPE_CHECKING:
    from bot.simulator import Summary


@click.command("simulate")
@click.option("--users", type=click.IntRange(1), required=True, help="How many learners.")
@click.option(
    "--days", type=click.FloatRange(0.01), default=30, show_default=True, help="Period length."
)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same traffic.")
@click.option("--scenario", "scenarios", multiple=True, help="Only these scenarios (repeatable).")
@click.option("--force", is_flag=True, help="Write even into a database with real users.")
@database_option
@pass_context
def simulate_command(
    obj: Context, users: int, days: float, seed: int, scenarios: tuple[str, ...], force: bool
) -> None:
    """Fill a database with realistic synthetic learners, through the real conversation
    service: they see the same messages and press the same buttons as people in Telegram.

    Personas: diligent, confused at particular steps, quitters at particular steps, language
    switchers and people who come back days later. The period ends now. Use a separate
    database (--database demo.sqlite3): simulated runs count in statistics like real ones,
    under the source "simulated".
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from bot.analytics import metrics
    from bot.service import Conversation
    from bot.simulator import Simulation

    library = obj.library()
    unknown = [s for s in scenarios if s not in library.scenarios]
    if unknown:
        raise click.BadParameter(f"no scenario {', '.join(unknown)}", param_hint="--scenario")
    storage = obj.storage()
    database = obj.config.database

    async def fill() -> tuple[Summary, float]:
        try:
            sources = await storage.users_by_source()
            real = sum(n for source, n in sources.items() if source != "simulated")
            if real and not force:
                raise click.ClickException(
                    f"{database} has {real} real users: simulate into another database "
                    "(rolebot simulate --database demo.sqlite3 ...), or add --force."
                )
            if sources.get("simulated"):
                raise click.ClickException(
                    f"{database} already has simulated users: use a new database file."
                )
            simulation = Simulation(
                library,
                Conversation(library, storage),
                users=users,
                days=days,
                seed=seed,
                end_ms=metrics.now_ms(),
                scenarios=scenarios,
            )
            started = time.perf_counter()
            console = Console(stderr=True)
            with Progress(
                TextColumn("[bold]simulating"),
                BarColumn(),
                TextColumn("day {task.completed:.1f} of {task.total:.0f}"),
                TextColumn("{task.fields[inputs]:,} inputs"),
                TimeElapsedColumn(),
                console=console,
                transient=not console.is_terminal,
            ) as progress:
                task = progress.add_task("simulate", total=days, inputs=0)

                def tick(summary: Summary) -> None:
                    done = (summary.clock_ms - simulation.start_ms) / 86_400_000
                    progress.update(task, completed=max(0.0, done), inputs=summary.inputs)

                summary = await simulation.run(tick)
                progress.update(task, completed=days, inputs=summary.inputs)
            return summary, time.perf_counter() - started
        finally:
            await storage.close()

    summary, elapsed = run_async(fill())
    personas = ", ".join(f"{n} {p}" for p, n in sorted(summary.personas.items()))
    click.echo(
        f"{summary.users} users ({personas}), {summary.inputs:,} inputs "
        f"in {elapsed:.1f} s into {database}",
        err=True,
    )
