"""`rolebot new`: a minimal valid scenario in YAML and both languages, ready to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from bot.authoring.repository import SCHEMA_COMMENT, SCHEMA_FILE, copy_interface, inside_package
from bot.core.errors import RolebotError
from bot.core.loader import LOCALES, display
from bot.core.model import ID_PATTERN

TEMPLATES = Path(__file__).resolve().parent / "templates"
ID_MARK = "__ID__"
MAX_ID_LENGTH = 40


class ScaffoldError(RolebotError):
    """The scenario cannot be created: a bad id, or its files exist already."""


def scaffold(scenario_id: str, scenarios_dir: Path, locales_dir: Path) -> list[Path]:
    """Write `<id>.yaml` and `<locale>/<id>.ftl` for every locale; returns the new files.

    Writes nothing unless every file can be written: an existing file is never replaced.
    Copies the interface texts (bot.ftl) too where they are missing. Refuses to write into
    rolebot's own content."""
    if not re.fullmatch(ID_PATTERN, scenario_id) or len(scenario_id) > MAX_ID_LENGTH:
        raise ScaffoldError(
            f'"{scenario_id}" is not a valid scenario id: lowercase letters and digits, '
            f"words joined by single hyphens, at most {MAX_ID_LENGTH} characters "
            "(for example atm-deposit)"
        )
    if inside_package(scenarios_dir) or inside_package(locales_dir):
        raise ScaffoldError(
            "The scenarios folder is inside the installed rolebot package, not a folder of "
            "your own. Make one with `rolebot init DIR` and run `rolebot new` in it (or set "
            "ROLEBOT_SCENARIOS_DIR and ROLEBOT_LOCALES_DIR)."
        )
    files = {scenarios_dir / f"{scenario_id}.yaml": TEMPLATES / "scenario.yaml"}
    for locale in LOCALES:
        files[locales_dir / locale / f"{scenario_id}.ftl"] = TEMPLATES / f"{locale}.ftl"
    taken = [*files, scenarios_dir / f"{scenario_id}.yml"]
    existing = [display(path) for path in taken if path.exists()]
    if existing:
        verb = "exists" if len(existing) == 1 else "exist"
        raise ScaffoldError(
            f"{', '.join(existing)} already {verb}: pick another id, or edit the existing scenario"
        )
    editor_schema = (scenarios_dir.parent / SCHEMA_FILE).exists()
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = template.read_text(encoding="utf-8").replace(ID_MARK, scenario_id)
        if path.suffix == ".yaml" and editor_schema:
            text = SCHEMA_COMMENT + text
        path.write_text(text, encoding="utf-8")
    # A team folder without the interface texts would fail validation at once.
    return [*files, *copy_interface(locales_dir)]
