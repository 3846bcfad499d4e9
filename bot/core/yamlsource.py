"""YAML parsing that remembers the line of every value, so errors can say `file:line`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


@dataclass
class LinedYaml:
    """Plain data plus a map from each value's path to its 1-based line."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[str, int]] = field(default_factory=list)

    def line(self, path: Sequence[str | int]) -> int:
        """The line of the deepest existing node along `path` (pydantic locs welcome:
        segments that are not in the data, such as a union's tag, are skipped)."""
        found: Path_ = ()
        node = self.data
        for part in path:
            if isinstance(node, list):
                if not isinstance(part, int) or not 0 <= part < len(node):
                    continue
            elif not isinstance(node, dict) or part not in node:
                continue
            node = node[part]
            found = (*found, part)
        while found and found not in self.lines:
            found = found[:-1]
        return self.lines.get(found, 1)


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false, so ids such as `yes`, `no`, `on`
    and `off` stay strings instead of silently becoming True/False."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


_CLoader = getattr(yaml, "CSafeLoader", None)
if _CLoader is not None:

    class _FastLoader(_CLoader):  # type: ignore[misc, valid-type]
        """libyaml's parser (about 10 times faster) with the same YAML 1.2 booleans."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _COMPOSER: type = _FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _COMPOSER = _Loader


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str) -> LinedYaml:
    """Parse one YAML document; raises YamlSyntaxError with a line on bad syntax."""
    try:
        try:
            node = yaml.compose(text, Loader=_COMPOSER)
        except yaml.YAMLError:
            # Report syntax errors in the pure-Python parser's words and lines, which are
            # the same everywhere; libyaml is only the fast path for valid files.
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(
            line, f"YAML syntax error: {_explain(problem, text, line)}"
        ) from None
    result = LinedYaml(data=None)
    if node is not None:
        result.data = _build(node, (), result, _Loader(""))
    return result


def _build(node: yaml.Node, path: Path_, out: LinedYaml, loader: yaml.SafeLoader) -> Any:
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in mapping:
                out.duplicates.append((str(key), key_node.start_mark.line + 1))
                continue
            mapping[key] = _build(value_node, (*path, key), out, loader)
            out.lines[(*path, key)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _explain(problem: str, text: str, line: int) -> str:
    """The parser's words, or the cause in a writer's words when it is a tab or indentation."""
    if "'\\t'" in problem:
        return "a tab character: indent with spaces only"
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return problem
    indent = _indent(lines[line - 1])
    levels = _open_levels(lines[: line - 1])
    if problem.startswith("mapping values are not allowed here") and indent in levels:
        return 'a ": " inside a value: put the value in quotes'  # lined up: not indentation
    if not problem.startswith(("expected <block end>", "mapping values are not allowed here")):
        return problem
    spaces = f"{indent} space{'' if indent == 1 else 's'}"
    message = (
        f"wrong indentation ({spaces}): line up the fields of one step, "
        "and the items of one list, exactly"
    )
    if indent not in levels:
        *others, last = [str(level) for level in sorted(levels)]
        columns = f"{', '.join(others)} or {last}" if others else last
        message += f"; the lines it could belong to start after {columns} spaces"
    return message


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _open_levels(above: list[str]) -> set[int]:
    """Columns the next line may line up with: those of the enclosing lines, walking up (a
    list item "- id: x" gives two: its dash and the field after it)."""
    levels: set[int] = set()
    lowest: int | None = None
    for line in reversed(above):
        content = line.strip()
        if not content or content.startswith("#"):
            continue
        indent = _indent(line)
        if lowest is None or indent < lowest:
            levels.add(indent)
            if content.startswith("- "):
                levels.add(indent + 2 + _indent(content[2:]))
            lowest = indent
        if indent == 0:
            break
    return levels
