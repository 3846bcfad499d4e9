"""The authoring guide cannot rot: its worked example validates, its graph is current."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.core.loader import LOCALES, validate
from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def block_after(heading: str, language: str = r"\w*") -> str:
    start = GUIDE.index(heading)
    found = re.compile(rf"```{language}\n(.*?)```", re.S).search(GUIDE, start)
    assert found, f"no code block after {heading!r}"
    return found.group(1)


def test_graph_example_is_the_current_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", str(ROOT / "scenarios"))
    monkeypatch.setenv("ROLEBOT_LOCALES_DIR", str(ROOT / "locales"))
    result = CliRunner().invoke(cli, ["graph", "contact-support"])
    assert block_after("## Seeing the flow", "mermaid") == result.stdout


def test_worked_example_validates_strictly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "scenarios/parcel-return.yaml",
        *(f"locales/{x}/parcel-return.ftl" for x in LOCALES),
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block_after(f"### {name}"), encoding="utf-8")
    for locale in LOCALES:
        shutil.copy(ROOT / "locales" / locale / "bot.ftl", tmp_path / "locales" / locale)
    monkeypatch.chdir(tmp_path)
    library, problems = validate([Path("scenarios")], Path("locales"))
    assert [str(p) for p in problems] == []
    assert list(library.scenarios) == ["parcel-return"]
