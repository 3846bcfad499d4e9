"""`rolebot stats`, `report`, `export` and `simulate`: a thin click layer over bot.analytics."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console

from bot.analytics import metrics
from bot.analytics.metrics import ALL, Filters, Stats
from bot.analytics.rollup import SOURCES

if TYPE_CHECKING:
    from bot.cli import Context

F = TypeVar("F", bound=Callable[..., Any])
SOURCE_CHOICES = (ALL, *SOURCES.values())


def filter_options(fn: F) -> F:
    """The options every analytics command shares."""
    options = [
        click.option(
            "--since",
            default=None,
            metavar="7d|4w|DATE",
            help="First day of runs to count: 7d = today and the 6 days before; or YYYY-MM-DD.",
        ),
        click.option("--until", default=None, metavar="DATE", help="Last day (included)."),
        click.option(
            "--lang", type=click.Choice(["ru", "en"]), default=None, help="Only this language."
        ),
        click.option(
            "--version",
            "version",
            default=None,
            metavar="V|all",
            help="Scenario version (default: each scenario's current one; all: every version).",
        ),
        click.option(
            "--source",
            type=click.Choice(SOURCE_CHOICES),
            default=ALL,
            show_default=True,
            help="Whose runs: Telegram users, terminal players, simulated users, or all.",
        ),
        click.option(
            "--idle-hours",
            type=float,
            default=None,
            help="A run idle this long is dropped (default: $ROLEBOT_IDLE_TIMEOUT_HOURS or 24).",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def make_filters(
    scenarios: tuple[str, ...],
    since: str | None,
    until: str | None,
    lang: str | None,
    version: str | None,
    source: str,
) -> Filters:
    today = datetime.now(UTC).date()
    try:
        first = metrics.parse_since(since, today) if since else None
        last = date.fromisoformat(until) if until else None
    except ValueError as exc:
        raise click.BadParameter(f"{exc} (use 7d, 4w or YYYY-MM-DD)") from None
    return Filters(
        since=first,
        until=last,
        lang=lang,
        version=version,
        source=None if source == ALL else source,
        scenarios=scenarios,
    )


def open_readonly(obj: Context) -> sqlite3.Connection:
    """The database with its schema brought up to date, then read."""
    from bot.storage import open_database

    path = obj.config.database
    if not path.exists():
        raise click.ClickException(
            f"no database at {path}. Run the bot or `rolebot play` first, "
            "or try `rolebot simulate --users 500 --database demo.sqlite3`."
        )
    db = open_database(path)
    conn: sqlite3.Connection = db.conn
    return conn


def compute(obj: Context, filters: Filters, idle_hours: float | None) -> Stats:
    library = obj.library()
    unknown = [s for s in filters.scenarios if s not in library.scenarios]
    conn = open_readonly(obj)
    try:
        if unknown:
            seen = {r[0] for r in conn.execute("select distinct scenario from run_daily")}
            missing = [s for s in unknown if s not in seen]
            if missing:
                raise click.BadParameter(
                    f"no scenario {', '.join(missing)} "
                    f"(available: {', '.join(sorted(library.scenarios))})",
                    param_hint="SCENARIO",
                )
        hours = idle_hours if idle_hours is not None else obj.config.idle_timeout_hours
        return metrics.compute(conn, library, filters, idle_timeout_hours=hours)
    finally:
        conn.close()


@click.command("stats")
@click.argument("scenarios", nargs=-1, metavar="[SCENARIO]...")
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Rich tables for people; JSON or CSV for programs (docs/analytics.md).",
)
@click.pass_obj
def stats_command(
    obj: Context,
    scenarios: tuple[str, ...],
    since: str | None,
    until: str | None,
    lang: str | None,
    version: str | None,
    source: str,
    idle_hours: float | None,
    fmt: str,
) -> None:
    """Where learners drop off and get stuck: per scenario and per step.

    Without SCENARIO: every scenario at a glance and the worst steps overall. With one: its
    funnel step by step, the worst steps highlighted, and each language side by side.
    """
    filters = make_filters(scenarios, since, until, lang, version, source)
    result = compute(obj, filters, idle_hours)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_csv(result, sys.stdout)
    else:
        from bot.analytics.tables import print_stats

        console = Console(highlight=False)
        if not console.is_terminal:
            console = Console(highlight=False, width=160)
        print_stats(result, console, detailed=bool(scenarios))


CSV_COLUMNS = (
    "scenario",
    "versions",
    "language",
    "position",
    "step",
    "kind",
    "reach",
    "dropped",
    "drop_rate",
    "in_progress",
    "blocked",
    "restarted",
    "help",
    "help_rate",
    "help_human",
    "answered",
    "wrong_first",
    "first_wrong_rate",
    "attempts_to_correct",
    "revealed",
    "revealed_rate",
    "typed",
    "typed_rate",
    "switched",
    "median_answer_s",
    "p90_answer_s",
    "top_wrong_option",
    "top_wrong_count",
    "stuck_score",
    "scenario_runs",
    "scenario_completed",
    "scenario_completion_rate",
    "scenario_dropped",
)


def write_csv(result: Stats, out: Any) -> None:
    """One row per scenario, language ("all" first) and step; scenario totals repeated."""
    writer = csv.DictWriter(
        out, fieldnames=CSV_COLUMNS, lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    for scenario in result.scenarios:
        for language, part in scenario.slices.items():
            runs = part.runs
            for position, step in enumerate(part.ordered_steps(), start=1):
                writer.writerow(
                    {
                        **step.as_dict(),
                        "scenario": scenario.scenario,
                        "versions": " ".join(scenario.versions),
                        "language": language,
                        "position": position,
                        "scenario_runs": runs.runs,
                        "scenario_completed": runs.completed,
                        "scenario_completion_rate": runs.completion_rate,
                        "scenario_dropped": runs.dropped,
                    }
                )


@click.command("report")
@click.argument("scenarios", nargs=-1, metavar="[SCENARIO]...")
@filter_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option(
    "--report-lang",
    type=click.Choice(["en", "ru"]),
    default="en",
    show_default=True,
    help="Language of the report's own words and of the scenario texts quoted in it.",
)
@click.pass_obj
def report_command(
    obj: Context,
    scenarios: tuple[str, ...],
    since: str | None,
    until: str | None,
    lang: str | None,
    version: str | None,
    source: str,
    idle_hours: float | None,
    output: Path,
    report_lang: str,
) -> None:
    """Write one self-contained HTML report: funnels, drop-off and stuck steps, languages side
    by side, scenario maps. Open it in any browser; it needs no network."""
    from bot.analytics.report import render

    filters = make_filters(scenarios, since, until, lang, version, source)
    result = compute(obj, filters, idle_hours)
    output.write_text(render(result, obj.library(), lang=report_lang), encoding="utf-8")
    runs = sum(s.all.runs.runs for s in result.scenarios)
    click.echo(f"wrote {output} ({len(result.scenarios)} scenarios, {runs} runs)", err=True)


@click.command("export")
@click.argument("kind", type=click.Choice(["events", "runs", "steps"]))
@filter_options
@click.option("--scenario", "scenarios", multiple=True, help="Only this scenario (repeatable).")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.pass_obj
def export_command(
    obj: Context,
    kind: str,
    since: str | None,
    until: str | None,
    lang: str | None,
    version: str | None,
    source: str,
    idle_hours: float | None,
    scenarios: tuple[str, ...],
    fmt: str,
    output: Path | None,
) -> None:
    """Export raw events, runs, or steps (one row per run and step) under pseudonymous user
    keys: never a Telegram id or a name. Columns: docs/analytics.md.

    Events are selected by when they happened, runs and steps by the day the run started;
    every version is exported unless --version is given.
    """
    from bot.analytics import export

    if kind == "events" and source != ALL:
        raise click.BadParameter(
            "events have no source; export runs or steps", param_hint="--source"
        )
    filters = make_filters(scenarios, since, until, lang, version, source)
    hours = idle_hours if idle_hours is not None else obj.config.idle_timeout_hours
    conn = open_readonly(obj)
    records = export.rows(conn, kind, filters, now_ms=metrics.now_ms(), idle_timeout_hours=hours)
    columns = export.COLUMNS[kind]
    if output is None:
        count = export.write(records, columns, fmt, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            count = export.write(records, columns, fmt, out)
    conn.close()
    click.echo(f"{count} {kind} exported", err=True)


@click.command("simulate")
@click.option("--users", type=click.IntRange(1), required=True, help="How many learners.")
@click.option(
    "--days", type=click.FloatRange(0.01), default=30, show_default=True, help="Period length."
)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same traffic.")
@click.option("--scenario", "scenarios", multiple=True, help="Only these scenarios (repeatable).")
@click.option("--force", is_flag=True, help="Write even into a database with real users.")
@click.pass_obj
def simulate_command(
    obj: Context, users: int, days: float, seed: int, scenarios: tuple[str, ...], force: bool
) -> None:
    """Fill a database with realistic synthetic learners, through the real engine.

    Personas: diligent, confused at particular steps, quitters at particular steps, language
    switchers and people who come back days later. The period ends now. Use a separate
    database (--database demo.sqlite3): simulated runs count in statistics like real ones,
    under the source "simulated".
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from bot.analytics.simulate import Simulation
    from bot.storage import Store, open_database

    library = obj.library()
    unknown = [s for s in scenarios if s not in library.scenarios]
    if unknown:
        raise click.BadParameter(f"no scenario {', '.join(unknown)}", param_hint="--scenario")
    store = Store(open_database(obj.config.database))
    real = store.db.execute(
        "select count(*) from users where external_id not like 'sim:%'"
    ).fetchone()[0]
    if real and not force:
        store.db.close()
        raise click.ClickException(
            f"{obj.config.database} has {real} real users: simulate into another database "
            "(rolebot --database demo.sqlite3 simulate ...), or add --force."
        )
    taken = store.db.execute("select count(*) from users where external_id like 'sim:%'")
    if taken.fetchone()[0]:
        store.db.close()
        raise click.ClickException(
            f"{obj.config.database} already has simulated users: use a new database file."
        )
    end = metrics.now_ms()
    simulation = Simulation(
        library, store, users=users, days=days, seed=seed, end_ms=end, scenarios=scenarios
    )
    started = time.perf_counter()
    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]simulating"),
        BarColumn(),
        TextColumn("day {task.completed:.1f} of {task.total:.0f}"),
        TextColumn("{task.fields[events]:,} events"),
        TimeElapsedColumn(),
        console=console,
        transient=not console.is_terminal,
    ) as progress:
        task = progress.add_task("simulate", total=days, events=0)

        def tick(summary: Any) -> None:
            done = (summary.clock_ms - simulation.start_ms) / 86_400_000
            progress.update(task, completed=max(0.0, done), events=summary.events)

        summary = simulation.run(tick)
        progress.update(task, completed=days, events=summary.events)
    store.db.close()
    elapsed = time.perf_counter() - started
    personas = ", ".join(f"{n} {p}" for p, n in sorted(summary.personas.items()))
    click.echo(
        f"{summary.users} users ({personas}), {summary.inputs:,} inputs, "
        f"{summary.events:,} events in {elapsed:.1f} s into {obj.config.database}",
        err=True,
    )


COMMANDS = (stats_command, report_command, export_command, simulate_command)
