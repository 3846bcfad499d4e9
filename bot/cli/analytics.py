"""`rolebot stats`, `report` and `export`: a thin click layer over bot.analytics."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli.context import Context, database_option, pass_context, run_async
from bot.cli.filters import Selection, filter_options

if TYPE_CHECKING:
    from bot.analytics.figures import Reviews, RunFigures
    from bot.analytics.filters import Filters
    from bot.analytics.metrics import Stats


def compute(obj: Context, scenarios: tuple[str, ...], selection: Selection) -> Stats:
    from bot.analytics import metrics

    library = obj.library()
    filters = selection.filters(scenarios)
    hours = selection.idle_hours or obj.config.idle_timeout_hours
    storage = obj.storage(must_exist=True)

    async def read() -> Stats:
        try:
            unknown = [s for s in filters.scenarios if s not in library.scenarios]
            if unknown:
                seen = await storage.scenarios_seen()
                missing = [s for s in unknown if s not in seen]
                if missing:
                    raise click.BadParameter(
                        f"no scenario {', '.join(missing)} "
                        f"(available: {', '.join(sorted(library.scenarios))})",
                        param_hint="SCENARIO",
                    )
            now = metrics.now_ms()
            tallies = await storage.tallies(filters, metrics.idle_cutoff(now, hours))
            return metrics.compute(tallies, library, filters, now=now, idle_timeout_hours=hours)
        finally:
            await storage.close()

    return run_async(read())


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
@database_option
@pass_context
def stats_command(
    obj: Context, scenarios: tuple[str, ...], selection: Selection, fmt: str
) -> None:
    """Where learners drop off and get stuck: per scenario and per step.

    Without SCENARIO: every scenario at a glance and the worst steps overall. With one: its
    funnel step by step, the worst steps highlighted, and each language side by side.
    """
    result = compute(obj, scenarios, selection)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_csv(result, sys.stdout)
    else:
        from rich.console import Console

        from bot.analytics.report import Texts
        from bot.analytics.tables import print_stats

        console = Console(highlight=False)
        if not console.is_terminal:
            console = Console(highlight=False, width=160)
        print_stats(result, console, Texts(obj.library(), "en"), detailed=bool(scenarios))


_INTERVALS = ("0_1", "2_3", "4_7", "8_14", "15_30", "31_plus")
"""The review intervals of `bot.analytics.figures.REVIEW_INTERVALS`, as column suffixes."""

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
    # The learning loop (docs/metrics.md): the step's own figures, then the scenario's.
    "reminded",
    "reminder_resumed",
    "reminder_resumed_rate",
    "reminder_completed",
    "reminder_completed_rate",
    "confidence_asked",
    "sure_wrong",
    "confidently_wrong_rate",
    "top_confidently_wrong_option",
    "top_confidently_wrong_count",
    "reviews",
    "reviews_correct",
    "review_retention",
    *(f"review{part}_{interval}" for interval in _INTERVALS for part in ("s", "_retention")),
    "scenario_reminded",
    "scenario_reminder_resumed_rate",
    "scenario_reminder_completed_rate",
    "scenario_reviews",
    "scenario_review_retention",
    "scenario_followup_asked",
    "scenario_followup_answered",
    "scenario_followup_answer_rate",
    "scenario_followup_done_rate",
    "scenario_followup_not_yet_rate",
    "scenario_followup_problem_rate",
    "scenario_followup_problems",
)


def _rounded(value: Any) -> Any:
    """Rates and means to 4 decimals (0.0177, not 0.017699115044247787)."""
    return round(value, 4) if isinstance(value, float) else value


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
                row = {
                    **step.as_dict(),
                    "scenario": scenario.scenario,
                    "versions": " ".join(scenario.versions),
                    "language": language,
                    "position": position,
                    "scenario_runs": runs.runs,
                    "scenario_completed": runs.completed,
                    "scenario_completion_rate": runs.completion_rate,
                    "scenario_dropped": runs.dropped,
                    **_review_columns(step.reviews),
                    **_loop_columns(runs),
                }
                writer.writerow({k: _rounded(v) for k, v in row.items()})


def _review_columns(reviews: Reviews) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for label, answered, _, retention in reviews.intervals():
        suffix = label.replace("-", "_").replace("+", "_plus")
        found[f"reviews_{suffix}"], found[f"review_retention_{suffix}"] = answered, retention
    return found


def _loop_columns(runs: RunFigures) -> dict[str, Any]:
    return {
        "scenario_reminded": runs.reminded,
        "scenario_reminder_resumed_rate": runs.reminder_resumed_rate,
        "scenario_reminder_completed_rate": runs.reminder_completed_rate,
        "scenario_reviews": runs.reviews.total,
        "scenario_review_retention": runs.reviews.retention,
        "scenario_followup_asked": runs.followup_asked,
        "scenario_followup_answered": runs.followup_answered,
        "scenario_followup_answer_rate": runs.followup_answer_rate,
        "scenario_followup_done_rate": runs.followup_share("done"),
        "scenario_followup_not_yet_rate": runs.followup_share("not_yet"),
        "scenario_followup_problem_rate": runs.followup_share("problem"),
        "scenario_followup_problems": " ".join(
            f"{problem}:{n}"
            for problem, n in sorted(runs.problems.items(), key=lambda item: (-item[1], item[0]))
        ),
    }


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
@database_option
@pass_context
def report_command(
    obj: Context,
    scenarios: tuple[str, ...],
    selection: Selection,
    output: Path,
    report_lang: str,
) -> None:
    """Write one self-contained HTML report: funnels, drop-off and stuck steps, languages side
    by side, scenario maps. Open it in any browser; it needs no network."""
    from bot.analytics.report import render

    result = compute(obj, scenarios, selection)
    html = render(result, obj.library(), lang=report_lang, template_cache=obj.template_cache())
    output.write_text(html, encoding="utf-8")
    runs = sum(s.all.runs.runs for s in result.scenarios)
    count = len(result.scenarios)
    click.echo(f"wrote {output} ({_plural(count, 'scenario')}, {_plural(runs, 'run')})", err=True)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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
@database_option
@pass_context
def export_command(
    obj: Context,
    kind: str,
    selection: Selection,
    scenarios: tuple[str, ...],
    fmt: str,
    output: Path | None,
) -> None:
    """Export raw events, runs, or steps (one row per run and step) under pseudonymous user
    keys: never a Telegram id or a name. Columns: docs/analytics.md.

    Events are selected by when they happened, runs and steps by the day the run started;
    every version is exported unless --version is given.
    """
    if kind == "events" and selection.source is not None:
        raise click.BadParameter(
            "events have no source; export runs or steps", param_hint="--source"
        )
    from bot.analytics import export, metrics

    filters: Filters = selection.filters(scenarios)
    hours = selection.idle_hours or obj.config.idle_timeout_hours
    cutoff = metrics.idle_cutoff(metrics.now_ms(), hours)
    storage = obj.storage(must_exist=True)

    async def write(out: Any) -> int:
        writer = export.Writer(export.COLUMNS[kind], fmt, out)
        try:
            async for row in storage.export(kind, filters):  # type: ignore[arg-type]
                writer.add(export.record(kind, row, cutoff_ms=cutoff))
        finally:
            await storage.close()
        return writer.close()

    if output is None:
        count = run_async(write(sys.stdout))
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            count = run_async(write(out))
    click.echo(f"{count} {kind} exported", err=True)


COMMANDS = (stats_command, report_command, export_command)
