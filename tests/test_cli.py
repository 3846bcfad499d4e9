"""Every CLI command: help exists and the command does its job."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.storage.sqlite.migrations import MIGRATIONS


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("path", commands(cli))
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="rolebot")
    assert result.exit_code == 0
    assert "Usage: rolebot" in result.output
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help, f"{' '.join(path)} has no help text"


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for path in commands(cli):
        if not isinstance(cli.commands[path[0]], click.Group) or len(path) > 1:
            assert f"rolebot {' '.join(path)}" in readme


def test_validate_shipped_scenarios_strict() -> None:
    result = CliRunner().invoke(cli, ["validate", "--strict"])
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


def test_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "rolebot scenario"
    assert {"id", "steps", "objectives", "settings"} <= set(schema["properties"])
    out = tmp_path / "s.json"
    CliRunner().invoke(cli, ["schema", "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == schema


def test_db_migrate_and_path(tmp_path: Path) -> None:
    db = tmp_path / "x" / "r.sqlite3"
    first = CliRunner().invoke(cli, ["--database", str(db), "db", "migrate"])
    assert first.exit_code == 0
    assert first.output == f"applied: {', '.join(m.name for m in MIGRATIONS)}\n"
    again = CliRunner().invoke(cli, ["--database", str(db), "db", "migrate"])
    assert again.output == "already up to date\n"
    path = CliRunner().invoke(cli, ["--database", str(db), "db", "path"])
    assert path.output.strip() == str(db.resolve())


def test_database_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEBOT_DATABASE", str(tmp_path / "env.sqlite3"))
    result = CliRunner().invoke(cli, ["db", "path"])
    assert result.output.strip() == str(tmp_path / "env.sqlite3")


def test_database_from_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROLEBOT_DATABASE", raising=False)
    (tmp_path / ".env").write_text("ROLEBOT_DATABASE=from-dotenv.sqlite3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["db", "path"])
    assert result.output.strip() == str(tmp_path / "from-dotenv.sqlite3")


def test_play_refuses_invalid_scenarios(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "broken.yaml").write_text("id: broken\nsteps: []\n")
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", str(tmp_path / "scenarios"))
    result = CliRunner().invoke(cli, ["--database", str(tmp_path / "d.sqlite3"), "play"])
    assert result.exit_code == 1
    assert "scenarios/broken.yaml:2: " in result.output


def test_empty_cache_dir_disables_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import Config

    monkeypatch.setenv("ROLEBOT_CACHE_DIR", "")
    assert Config().cache_dir is None
    monkeypatch.setenv("ROLEBOT_CACHE_DIR", "/tmp/rolebot-cache")
    assert Config().cache_dir == Path("/tmp/rolebot-cache")


def in_subprocess(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), **env},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


ROLEBOT_IN_PROCESS = """
import sys
from bot.cli import cli
for args in {commands!r}:
    try:
        cli(args, prog_name="rolebot")
    except SystemExit as done:
        print("exit", args[0], done.code, file=sys.stderr)
print("AIOGRAM" if "aiogram" in sys.modules else "no aiogram")
print("PTB" if "telegram" in sys.modules else "no PTB")
"""


def test_commands_that_do_not_talk_to_telegram_never_import_aiogram(tmp_path: Path) -> None:
    """aiogram takes seconds to import, python-telegram-bot a fraction of one: only
    `rolebot run` may pay for either."""
    db = str(tmp_path / "d.sqlite3")
    team = tmp_path / "team"
    commands = [
        ["init", str(team)],
        ["--database", db, "simulate", "--users", "3", "--days", "1"],
        ["--database", db, "stats"],
        ["--database", db, "report", "-o", str(tmp_path / "r.html")],
        ["--database", db, "export", "events"],
        ["--database", db, "db", "path"],
        ["validate"],
        ["graph", "atm-withdrawal"],
        ["--database", db, "play", "atm-withdrawal", "--lang", "en"],
    ]
    done = in_subprocess(ROLEBOT_IN_PROCESS.format(commands=commands), tmp_path)
    assert done.stdout.splitlines()[-2:] == ["no aiogram", "no PTB"], done.stderr
    codes = [line.split()[-1] for line in done.stderr.splitlines() if line.startswith("exit ")]
    assert codes == ["0"] * len(commands), done.stderr
    new = in_subprocess(ROLEBOT_IN_PROCESS.format(commands=[["new", "demo-x"]]), team)
    assert new.stdout.splitlines()[-2:] == ["no aiogram", "no PTB"], new.stderr
    assert (team / "scenarios" / "demo-x.yaml").exists()


def test_malformed_token_is_one_clear_line_without_importing_aiogram(tmp_path: Path) -> None:
    done = in_subprocess(
        ROLEBOT_IN_PROCESS.format(commands=[["run"]]), tmp_path, BOT_TOKEN="not a token"
    )
    assert done.stderr.splitlines() == [
        "BOT_TOKEN is not a bot token: it should look like 123456789:AA... (digits, a colon, "
        "then letters, digits, - and _), exactly as @BotFather gives it.",
        "exit run 2",
    ]
    assert done.stdout.splitlines()[-2:] == ["no aiogram", "no PTB"]
    assert "not a token" not in done.stderr
