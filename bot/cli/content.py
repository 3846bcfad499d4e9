"""Commands for scenario writers: validate, schema, init, new, graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli.context import Context, pass_context
from bot.core.locales import LOCALES


@click.command("validate")
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
    from bot.core.loader import validate
    from bot.core.problems import Severity

    obj.content()
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


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def schema_command(output: Path | None) -> None:
    """Print the JSON Schema of scenario YAML files, for editor autocompletion."""
    from bot.authoring.repository import scenario_schema

    text = scenario_schema()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@click.command("new")
@click.argument("scenario_id", metavar="ID")
@pass_context
def new_command(obj: Context, scenario_id: str) -> None:
    """Create scenario ID: scenarios/ID.yaml and locales/{ru,en}/ID.ftl with a minimal
    valid scenario whose texts start with "TODO:". Never overwrites a file.

    The files go where `rolebot validate` and `rolebot play` look: $ROLEBOT_SCENARIOS_DIR
    and $ROLEBOT_LOCALES_DIR when set, else ./scenarios and ./locales when they exist.
    """
    from bot.authoring.scaffold import ScaffoldError, scaffold
    from bot.core.loader import display

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


@click.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init_command(directory: Path) -> None:
    """Make DIRECTORY (default: here) a folder for your team's scenarios: scenarios/, the
    interface texts in locales/, a README for writers and the schema for editors. Never
    overwrites a file."""
    from bot.authoring.repository import RepositoryError, init
    from bot.core.loader import display

    try:
        created, kept = init(directory)
    except RepositoryError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo("".join(f"created {display(p)}\n" for p in created), nl=False)
    click.echo("".join(f"kept {display(p)}\n" for p in kept), nl=False)
    click.echo(f"Next: cd {display(directory)} and run rolebot new <id>.", err=True)


@click.command("graph")
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
    from bot.core.errors import ScenarioError, UnknownScenarioError

    try:
        obj.content()
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
