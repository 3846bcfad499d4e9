"""`rolebot new`: a scenario that validates strictly at once, never over an existing one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.authoring.scaffold import ScaffoldError, scaffold
from bot.cli import cli
from bot.config import PACKAGE_DIR
from bot.core import keys
from bot.core.loader import LOCALES, load_library
from bot.core.plaintext import PlainTexts
from bot.core.translations import expected_keys, parse_ftl
from tests.conftest import ROOT
from tests.core.test_paths import walk_all


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty content folder with the shipped interface texts, named by the environment;
    the working directory is elsewhere, so only the environment can lead there."""
    for locale in LOCALES:
        (tmp_path / "content" / "locales" / locale).mkdir(parents=True)
        shutil.copy(
            ROOT / "locales" / locale / "bot.ftl", tmp_path / "content" / "locales" / locale
        )
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", str(tmp_path / "content" / "scenarios"))
    monkeypatch.setenv("ROLEBOT_LOCALES_DIR", str(tmp_path / "content" / "locales"))
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    return tmp_path / "content"


def new(scenario_id: str) -> Result:
    return CliRunner().invoke(cli, ["new", scenario_id])


def test_new_scenario_validates_strictly(folder: Path) -> None:
    result = new("parcel-return")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"created {folder}/scenarios/parcel-return.yaml",
        f"created {folder}/locales/ru/parcel-return.ftl",
        f"created {folder}/locales/en/parcel-return.ftl",
    ]
    assert "rolebot play parcel-return" in result.stderr
    check = CliRunner().invoke(cli, ["validate", "--strict"])
    assert check.exit_code == 0, check.output
    assert check.stdout == ""
    assert check.stderr == "1 scenario(s) valid, 0 error(s), 0 warning(s)\n"


def test_longest_id_still_fits_telegram_buttons(folder: Path) -> None:
    scenario_id = "a-scenario-id-of-the-longest-length-40ch"
    assert len(scenario_id) == 40
    assert new(scenario_id).exit_code == 0
    check = CliRunner().invoke(cli, ["validate", "--strict"])
    assert check.stderr == "1 scenario(s) valid, 0 error(s), 0 warning(s)\n", check.output


def test_new_scenario_has_every_kind_of_text_marked_todo(folder: Path) -> None:
    """Info, question (a right and a wrong option, each with feedback), end with a
    checklist; a hint and an explanation; an objective. Every text says TODO."""
    new("parcel-return")
    library = load_library(folder / "scenarios", folder / "locales")
    scenario = library.scenarios["parcel-return"]
    assert [s.kind for s in scenario.spec.steps] == ["info", "question", "end"]
    assert scenario.spec.objectives
    question = scenario.spec.steps[1]
    assert [o.correct for o in getattr(question, "options", [])] == [False, True]
    assert scenario.has(question.id, keys.HINT) and scenario.has(question.id, keys.EXPLANATION)
    sources = {locale: library.sources[(locale, "parcel-return")] for locale in LOCALES}
    texts = PlainTexts(sources)
    for locale in LOCALES:
        messages = parse_ftl(sources[locale]).messages
        assert set(messages) == set(expected_keys(scenario.spec))
        for key, message in messages.items():
            for attribute in [None, *message.attributes]:
                text = texts.get(locale, key, attribute)
                assert text is not None and text.startswith("TODO: "), (locale, key, attribute)
    assert texts.get("ru", "situation--right") == "TODO: Верное действие (от первого лица)"


def test_new_scenario_plays_to_the_end_in_both_languages(folder: Path) -> None:
    new("parcel-return")
    library = load_library(folder / "scenarios", folder / "locales")
    for locale in LOCALES:
        walks, _ = walk_all(library, "parcel-return", locale)
        assert walks == 3  # one route: with help, with a retry, with the answer revealed


def test_refuses_to_overwrite(folder: Path) -> None:
    new("parcel-return")
    yaml_file = folder / "scenarios" / "parcel-return.yaml"
    yaml_file.write_text("# my work\n", encoding="utf-8")
    again = new("parcel-return")
    assert again.exit_code == 1
    assert again.stderr == (
        f"{folder}/scenarios/parcel-return.yaml, {folder}/locales/ru/parcel-return.ftl, "
        f"{folder}/locales/en/parcel-return.ftl already exist: pick another id, or edit the "
        "existing scenario\n"
    )
    assert yaml_file.read_text(encoding="utf-8") == "# my work\n"


@pytest.mark.parametrize(
    "existing", ["scenarios/parcel-return.yml", "locales/en/parcel-return.ftl"]
)
def test_one_existing_file_stops_everything(folder: Path, existing: str) -> None:
    """Nothing is written, so a half-made scenario never appears."""
    (folder / existing).parent.mkdir(parents=True, exist_ok=True)
    (folder / existing).write_text("", encoding="utf-8")
    result = new("parcel-return")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}/{existing} already exists: ")
    assert sorted(p.name for p in folder.rglob("parcel-return.*")) == [Path(existing).name]


@pytest.mark.parametrize(
    "bad", ["Parcel", "parcel_return", "2-parcel", "parcel--return", "parcel-", "a" * 41, "../x"]
)
def test_rejects_invalid_ids(folder: Path, bad: str) -> None:
    result = new(bad)
    assert result.exit_code == 1
    assert result.stderr == (
        f'"{bad}" is not a valid scenario id: lowercase letters and digits, words joined by '
        "single hyphens, at most 40 characters (for example atm-deposit)\n"
    )
    assert not (folder / "scenarios").exists()


def test_library_function_returns_the_files(tmp_path: Path) -> None:
    created = scaffold("demo", tmp_path / "s", tmp_path / "l")
    assert created == [
        tmp_path / "s/demo.yaml",
        tmp_path / "l/ru/demo.ftl",
        tmp_path / "l/en/demo.ftl",
        tmp_path / "l/ru/bot.ftl",
        tmp_path / "l/en/bot.ftl",
    ]
    assert "id: demo\n" in created[0].read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError):
        scaffold("demo", tmp_path / "s", tmp_path / "l")


def test_refuses_to_write_into_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", str(PACKAGE_DIR / "content" / "scenarios"))
    monkeypatch.setenv("ROLEBOT_LOCALES_DIR", str(tmp_path))
    result = new("parcel-return")
    assert result.exit_code == 1
    assert result.stderr.startswith("The scenarios folder is inside the installed rolebot")
    assert not (PACKAGE_DIR / "content" / "scenarios" / "parcel-return.yaml").exists()


# --- Outside a content folder, and in a team folder without the interface texts ---


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with no scenarios/ or locales/ and no variables naming any: the
    configuration falls back to rolebot's own content."""
    monkeypatch.delenv("ROLEBOT_SCENARIOS_DIR", raising=False)
    monkeypatch.delenv("ROLEBOT_LOCALES_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_refuses_to_write_into_the_source_checkout(nowhere: Path) -> None:
    """Run outside a content folder, `new` used to write into rolebot's own checkout."""
    written = [
        ROOT / "scenarios" / "zz-probe.yaml",
        *(ROOT / "locales" / locale / "zz-probe.ftl" for locale in LOCALES),
    ]
    try:
        result = new("zz-probe")
        assert [path for path in written if path.exists()] == []
    finally:
        for path in written:
            path.unlink(missing_ok=True)
    assert result.exit_code == 1
    assert "rolebot init DIR" in result.stderr
    assert result.stdout == ""


def test_team_folder_without_interface_texts_is_valid_at_once(nowhere: Path) -> None:
    (nowhere / "scenarios").mkdir()
    (nowhere / "locales").mkdir()
    result = new("parcel-return")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [
        "created locales/ru/bot.ftl",
        "created locales/en/bot.ftl",
    ]
    check = CliRunner().invoke(cli, ["validate", "--strict"])
    assert (check.exit_code, check.stdout) == (0, ""), check.output
