"""A scratch project for validator tests: the valid base fixture, edited one thing at a time.

`tests/fixtures/validate/base/` holds a small valid scenario `demo` (info -> question -> choice
-> end) with its ru and en translations and a one-key interface `bot.ftl`. `Project` copies it
into a temporary directory; a test then breaks one thing with `edit`, `delete` or
`write_scenario` and compares `problems()` with the exact `file:line: message` lines.
Paths print relative to the working directory, so tests `monkeypatch.chdir` into the copy.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Any

import yaml

from bot.core.loader import LOCALES, validate
from bot.core.problems import Problem

BASE = Path(__file__).resolve().parent.parent / "fixtures" / "validate" / "base"


class Project:
    """A copy of the base fixture: `scenarios/demo.yaml`, `locales/{ru,en}/{demo,bot}.ftl`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(BASE, root, dirs_exist_ok=True)

    def path(self, name: str) -> Path:
        return self.root / name

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of `old` in file `name` (fails loudly if not exactly one,
        so a changed fixture cannot silently turn a test into a no-op)."""
        path = self.path(name)
        text = path.read_text(encoding="utf-8")
        count = text.count(old)
        assert count == 1, f"{old!r} occurs {count} times in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def delete(self, name: str, line: str) -> None:
        """Remove one whole line (given without its newline) from file `name`."""
        self.edit(name, line + "\n", "")

    def append(self, name: str, text: str) -> None:
        path = self.path(name)
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def write_scenario(self, text: str, name: str = "demo") -> None:
        """Replace the base scenario with `text` (dedented) as `scenarios/<name>.yaml`, and write
        complete translations for it (see `complete_ftl`), so only the YAML is under test."""
        self.path("scenarios/demo.yaml").unlink()
        text = textwrap.dedent(text)
        self.write(f"scenarios/{name}.yaml", text)
        data = yaml.safe_load(text)
        for locale in LOCALES:
            self.path(f"locales/{locale}/demo.ftl").unlink(missing_ok=True)
            self.write(f"locales/{locale}/{data['id']}.ftl", complete_ftl(data))

    def validate(self) -> list[Problem]:
        _, problems = validate([Path("scenarios")], Path("locales"))
        return problems

    def problems(self) -> list[str]:
        """Every finding as the CLI prints it, in the validator's order."""
        return [str(p) for p in self.validate()]


def complete_ftl(data: dict[str, Any]) -> str:
    """Fluent text with every message a scenario needs (the key naming convention written out
    independently of the validator), a `.hint` on questions and text steps and a `.feedback`
    on every option: enough that structural tests see no translation problems or warnings."""
    lines = ["title = Title", "description = Description"]
    lines += [f"objective--{o} = Objective" for o in data.get("objectives", [])]
    for step in data["steps"]:
        lines.append(f"{step['id']} = Text")
        if step["kind"] in ("question", "text"):
            lines.append("    .hint = Hint")
        for option in step.get("options", []):
            lines.append(f"{step['id']}--{option['id']} = Option")
            lines.append("    .feedback = Feedback")
        lines += [f"{step['id']}--{item} = Item" for item in step.get("checklist", [])]
    return "\n".join(lines) + "\n"
