"""`rolebot init`: a team's content folder where `new`, `validate` and editors work at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.authoring.repository import RepositoryError, init
from bot.cli import cli
from bot.config import PACKAGE_DIR
from bot.core.loader import LOCALES
from bot.core.model import ScenarioSpec
from tests.conftest import ROOT

FILES = [
    "created team/README.md",
    "created team/scenario.schema.json",
    "created team/.vscode/settings.json",
    "created team/locales/ru/bot.ftl",
    "created team/locales/en/bot.ftl",
]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ROLEBOT_SCENARIOS_DIR", raising=False)
    monkeypatch.delenv("ROLEBOT_LOCALES_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_init_then_new_validates_strictly(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("init", "team")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == FILES
    assert "rolebot new" in result.stderr
    assert (here / "team" / "scenarios").is_dir()
    for locale in LOCALES:
        shipped = (ROOT / "locales" / locale / "bot.ftl").read_text(encoding="utf-8")
        assert (here / "team/locales" / locale / "bot.ftl").read_text(encoding="utf-8") == shipped
    monkeypatch.chdir(here / "team")
    assert run("new", "parcel-return").exit_code == 0
    check = run("validate", "--strict")
    assert (check.exit_code, check.stdout) == (0, ""), check.output


def test_schema_is_written_and_wired_for_editors(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init", "team")
    schema = json.loads((here / "team/scenario.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"] == ScenarioSpec.model_json_schema()["properties"]
    assert run("schema").stdout == (here / "team/scenario.schema.json").read_text("utf-8")
    settings = json.loads((here / "team/.vscode/settings.json").read_text(encoding="utf-8"))
    assert settings == {
        "yaml.schemas": {"./scenario.schema.json": ["scenarios/*.yaml", "scenarios/*.yml"]}
    }
    monkeypatch.chdir(here / "team")
    run("new", "parcel-return")
    first = (here / "team/scenarios/parcel-return.yaml").read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=../scenario.schema.json\n")


def test_init_never_overwrites(here: Path) -> None:
    (here / "team/locales/ru").mkdir(parents=True)
    (here / "team/locales/ru/bot.ftl").write_text("ours = Наш\n", encoding="utf-8")
    (here / "team/README.md").write_text("Our notes\n", encoding="utf-8")
    result = run("init", "team")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "created team/scenario.schema.json",
        "created team/.vscode/settings.json",
        "created team/locales/en/bot.ftl",
        "kept team/README.md",
        "kept team/locales/ru/bot.ftl",
    ]
    assert (here / "team/README.md").read_text(encoding="utf-8") == "Our notes\n"
    assert run("init", "team").stdout.count("kept") == 5


def test_init_refuses_the_package(here: Path) -> None:
    with pytest.raises(RepositoryError):
        init(PACKAGE_DIR / "content")
    result = run("init", str(PACKAGE_DIR))
    assert result.exit_code == 1
    assert "inside the rolebot package" in result.stderr
    assert not (PACKAGE_DIR / "README.md").exists()
