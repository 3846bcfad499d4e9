"""`rolebot init`: a content repository for a team's scenarios, outside the rolebot package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bot.config import PACKAGE_DIR
from bot.core.errors import RolebotError
from bot.core.loader import INTERFACE_FILE, LOCALES
from bot.core.model import ScenarioSpec

SCHEMA_FILE = "scenario.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema=../{SCHEMA_FILE}\n"
"""First line of a new scenario file in a repository with the schema: editors check it."""
TEMPLATES = Path(__file__).resolve().parent / "templates"


class RepositoryError(RolebotError):
    """The content repository cannot be created there."""


def shipped_locales() -> Path:
    """The package's own locales: inside an installed wheel, else in the source checkout."""
    installed = PACKAGE_DIR / "content" / "locales"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "locales"


def inside_package(path: Path) -> bool:
    """Whether `path` is rolebot's own content: in the installed package, or in the source
    checkout while the working directory is outside it (reached only as a fallback)."""
    path = path.resolve()
    if path.is_relative_to(PACKAGE_DIR):
        return True
    checkout = PACKAGE_DIR.parent
    shipped = (checkout / "scenarios", checkout / "locales")
    in_checkout = any(path.is_relative_to(folder) for folder in shipped)
    return in_checkout and not Path.cwd().resolve().is_relative_to(checkout)


def scenario_schema() -> str:
    """The JSON Schema of scenario files, for editors."""
    schema = ScenarioSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "rolebot scenario"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def copy_interface(locales_dir: Path) -> list[Path]:
    """Copy the package's interface texts into `locales_dir` where missing; the new files."""
    created: list[Path] = []
    for locale in LOCALES:
        target = locales_dir / locale / INTERFACE_FILE
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shipped_locales() / locale / INTERFACE_FILE, target)
            created.append(target)
    return created


def init(directory: Path) -> tuple[list[Path], list[Path]]:
    """Create a content repository in `directory`: scenarios/, the interface texts, a README
    for writers and the schema wired for editors. Returns (created, kept): files that exist
    already are kept as they are."""
    if inside_package(directory / "scenarios"):
        raise RepositoryError(
            f"{directory} is inside the rolebot package: make your team's folder elsewhere, "
            "for example rolebot init ~/support-scenarios"
        )
    files = {
        directory / "README.md": (TEMPLATES / "README.md").read_text(encoding="utf-8"),
        directory / SCHEMA_FILE: scenario_schema(),
        directory / ".vscode" / "settings.json": json.dumps(
            {"yaml.schemas": {f"./{SCHEMA_FILE}": ["scenarios/*.yaml", "scenarios/*.yml"]}},
            indent=2,
        )
        + "\n",
    }
    created: list[Path] = []
    kept: list[Path] = []
    (directory / "scenarios").mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        if path.exists():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(path)
    interface = copy_interface(directory / "locales")
    kept += [
        directory / "locales" / locale / INTERFACE_FILE
        for locale in LOCALES
        if directory / "locales" / locale / INTERFACE_FILE not in interface
    ]
    return [*created, *interface], kept
