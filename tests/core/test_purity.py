"""The core stays pure: no transport, no database."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "bot" / "core"
FORBIDDEN = ("aiogram", "aiohttp", "sqlite3", "sqlite_utils", "bot.storage", "bot.telegram")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_neither_aiogram_nor_sqlite() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        bad = {m for m in imported_modules(path) if m.startswith(FORBIDDEN)}
        assert not bad, f"{path.name} imports {bad}"
