"""Every CLI command: help exists and the command does its job."""

from __future__ import annotations

import json
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
