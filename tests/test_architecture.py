"""Data flows one way: core <- i18n <- analytics <- storage <- service <- transports <- cli.

Every import counts (top-level, inside functions, under TYPE_CHECKING): an import that only
a type checker follows still ties the modules together for a reader.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"

LAYERS: dict[str, int] = {
    "bot": 0,
    "bot.core": 0,
    "bot.i18n": 1,
    "bot.analytics": 2,
    "bot.authoring": 2,
    "bot.storage": 3,
    "bot.service": 4,
    "bot.config": 1,
    "bot.logs": 4,
    "bot.botapi": 5,
    "bot.telegram": 6,
    "bot.ptb": 6,
    "bot.terminal": 6,
    "bot.simulator": 6,
    "bot.studio": 6,
    "bot.cli": 7,
    "bot.__main__": 8,
}
"""A package may import its own modules and packages of a lower layer, nothing else: two
transports never import each other, storage never reaches into the service."""

ONLY_UNDER = {
    "sqlite3": ("bot.storage",),
    "sqlite_utils": ("bot.storage",),
    "aiogram": ("bot.telegram",),
    "telegram": ("bot.ptb",),
    "aiohttp": ("bot.botapi", "bot.telegram", "bot.studio"),
    "watchfiles": ("bot.studio",),
}
"""Third-party packages that only one part of the code may touch."""


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            yield base
            for alias in node.names:  # `from bot.x import module` imports bot.x.module
                yield f"{base}.{alias.name}"


def modules() -> dict[str, set[str]]:
    """Each bot module and the bot modules it imports."""
    found = {module_name(p): p for p in BOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in found.items():
        graph[name] = {m for m in imports(path) if m in found and m != name}
    return graph


def layer_of(module: str) -> tuple[str, int]:
    for prefix, layer in sorted(LAYERS.items(), key=lambda item: -len(item[0])):
        if module == prefix or (prefix != "bot" and module.startswith(prefix + ".")):
            return prefix, layer
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def test_every_import_goes_down_the_layers() -> None:
    wrong = []
    for module, targets in modules().items():
        home, layer = layer_of(module)
        for target in targets:
            there, target_layer = layer_of(target)
            if there != home and target_layer >= layer:
                wrong.append(f"{module} -> {target}")
    assert not wrong, "imports against the flow:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles_between_modules() -> None:
    graph = modules()
    # A package's __init__ re-exporting its own modules is not a cycle of meaning.
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not module.startswith(t + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_database_and_telegram_libraries_stay_in_their_package() -> None:
    wrong = []
    for path in BOT.rglob("*.py"):
        module = module_name(path)
        for imported in imports(path):
            top = imported.split(".")[0]
            allowed = ONLY_UNDER.get(top)
            if allowed and not module.startswith(allowed):
                wrong.append(f"{module} imports {imported}")
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_no_sql_outside_storage() -> None:
    """SQL keywords in string literals outside bot/storage (docstrings aside)."""
    sql = re.compile(
        r"^\s*(select\s.*\bfrom\b|insert\s+(or\s+\w+\s+)?into\s|update\s+\w+\s+set\s"
        r"|delete\s+from\s|create\s+(unique\s+)?(table|index)\s|pragma\s+\w+)",
        re.IGNORECASE | re.DOTALL,
    )
    wrong = []
    for path in BOT.rglob("*.py"):
        if module_name(path).startswith("bot.storage"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) not in docstrings and sql.match(node.value):
                wrong.append(f"{path.relative_to(BOT.parent)}:{node.lineno}")
    assert not wrong, "SQL outside bot/storage: " + ", ".join(wrong)
