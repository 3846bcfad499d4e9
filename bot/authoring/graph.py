"""`rolebot graph`: a scenario's flow as Mermaid or Graphviz DOT, for review in a pull request.

Steps are nodes (shape by kind, the start marked, end steps highlighted); options are
labelled edges: a right answer is thick and marked ✓, a wrong answer that branches is
dashed and marked ✗, and the wrong answers that keep the learner on a question (retries)
share one dashed self-loop that says when the answer is revealed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.core import keys
from bot.core.errors import ScenarioError, UnknownScenarioError
from bot.core.loader import check_scenario, display
from bot.core.model import ID_PATTERN, ChoiceStep, EndStep, InfoStep, QuestionStep, TextStep
from bot.core.plaintext import PlainTexts
from bot.core.problems import Severity
from bot.core.scenario import Scenario, option_target

TEXT_WIDTH = 60
"""Characters of step text shown in a node with `--text`."""
FORMATS = ("mermaid", "dot")


class Move(StrEnum):
    NEXT = "next"
    CORRECT = "correct"
    WRONG = "wrong"
    RETRY = "retry"
    CHOICE = "choice"


@dataclass(frozen=True)
class Node:
    step: str
    kind: str
    text: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    move: Move


@dataclass(frozen=True)
class Flow:
    """A scenario as a graph, independent of the drawing format."""

    scenario: str
    start: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def flow(scenario: Scenario, text: Callable[[str], str | None] | None = None) -> Flow:
    """The nodes and edges of `scenario`; `text(step_id)` gives a node's text, if wanted."""
    nodes: list[Node] = []
    edges: list[Edge] = []
    reveal = scenario.spec.settings.reveal_after
    for step in scenario.spec.steps:
        shown = _shorten(text(keys.step(step.id)) or "") if text else None
        nodes.append(Node(step.id, step.kind, shown or None))
        match step:
            case InfoStep():
                edges.append(Edge(step.id, step.next, "Next", Move.NEXT))
            case TextStep():
                edges.append(Edge(step.id, step.next, "typed answer", Move.NEXT))
            case ChoiceStep():
                edges.extend(
                    Edge(step.id, o.next, o.id, Move.CHOICE) for o in step.options if o.next
                )
            case QuestionStep():
                retries = []
                for option in step.options:
                    target = option_target(step, option)
                    if target is None:
                        retries.append(option.id)
                    elif option.correct:
                        edges.append(Edge(step.id, target, f"✓ {option.id}", Move.CORRECT))
                    else:
                        edges.append(Edge(step.id, target, f"✗ {option.id}", Move.WRONG))
                if retries:
                    label = f"✗ {', '.join(retries)}: try again, answer shown after {reveal} wrong"
                    edges.append(Edge(step.id, step.id, label, Move.RETRY))
            case EndStep():
                pass
    return Flow(scenario.id, scenario.start, tuple(nodes), tuple(edges))


def _shorten(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(" ,.;:") + "…"


# --- Mermaid ------------------------------------------------------------------------------

_MERMAID_SHAPES = {
    "info": ('["', '"]'),
    "question": ('{"', '"}'),
    "choice": ('{{"', '"}}'),
    "text": ('[/"', '"/]'),
    "end": ('(["', '"])'),
}
_MERMAID_ARROWS = {
    Move.NEXT: "-->",
    Move.CHOICE: "-->",
    Move.CORRECT: "==>",
    Move.WRONG: "-.->",
    Move.RETRY: "-.->",
}


def mermaid(graph: Flow) -> str:
    """A Mermaid flowchart; paste it into a ```mermaid block in a pull request."""

    def node_id(step: str) -> str:
        # Prefixed so that no step id can be a Mermaid keyword such as `end`.
        return "s_" + step.replace("-", "_")

    lines = ["flowchart TD", "    start((start))"]
    for node in graph.nodes:
        left, right = _MERMAID_SHAPES[node.kind]
        label = f"<b>{_mermaid_escape(node.step)}</b><br/>{node.kind}"
        if node.text:
            label += f"<br/><i>{_mermaid_escape(node.text)}</i>"
        lines.append(f"    {node_id(node.step)}{left}{label}{right}")
    lines.append(f"    start --> {node_id(graph.start)}")
    for edge in graph.edges:
        arrow = _MERMAID_ARROWS[edge.move]
        label = _mermaid_escape(edge.label)
        lines.append(f'    {node_id(edge.source)} {arrow}|"{label}"| {node_id(edge.target)}')
    finishes = [node_id(n.step) for n in graph.nodes if n.kind == "end"]
    lines.append("    classDef finish fill:#d4edda,stroke:#2e7d32,stroke-width:2px")
    lines.append(f"    class {','.join(finishes)} finish")
    return "\n".join(lines) + "\n"


_MERMAID_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "|": "#124;"}


def _mermaid_escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label: quotes and markup become entity codes."""
    return re.sub(r'[#"<>|]', lambda m: _MERMAID_ENTITIES[m.group()], text)


# --- Graphviz DOT -------------------------------------------------------------------------

_DOT_SHAPES = {
    "info": "box",
    "question": "diamond",
    "choice": "hexagon",
    "text": "parallelogram",
    "end": "doubleoctagon",
}
_DOT_STYLES = {
    Move.NEXT: "",
    Move.CHOICE: "",
    Move.CORRECT: ", style=bold",
    Move.WRONG: ", style=dashed",
    Move.RETRY: ", style=dashed",
}


def dot(graph: Flow) -> str:
    """A Graphviz digraph: `rolebot graph ID --format dot | dot -Tsvg > flow.svg`."""
    lines = [
        f"digraph {_dot_quote(graph.scenario)} {{",
        '    node [fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
        '    "" [shape=point];',
    ]
    for node in graph.nodes:
        label = f"{node.step}\n{node.kind}" + (f"\n{node.text}" if node.text else "")
        extra = ", style=filled, fillcolor=palegreen" if node.kind == "end" else ""
        shape = _DOT_SHAPES[node.kind]
        lines.append(
            f"    {_dot_quote(node.step)} [shape={shape}, label={_dot_quote(label)}{extra}];"
        )
    lines.append(f'    "" -> {_dot_quote(graph.start)};')
    for edge in graph.edges:
        style = _DOT_STYLES[edge.move]
        lines.append(
            f"    {_dot_quote(edge.source)} -> {_dot_quote(edge.target)} "
            f"[label={_dot_quote(edge.label)}{style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


RENDERERS: dict[str, Callable[[Flow], str]] = {"mermaid": mermaid, "dot": dot}


# --- Loading one scenario -----------------------------------------------------------------


def load(scenario_id: str, scenarios_dir: Path, locales_dir: Path) -> tuple[Scenario, PlainTexts]:
    """One scenario and its texts, validated alone (other scenarios' errors don't matter).

    Raises UnknownScenarioError when there is no such file, ScenarioError with its errors."""
    path = None
    if re.fullmatch(ID_PATTERN, scenario_id):
        candidates = [scenarios_dir / f"{scenario_id}{ext}" for ext in (".yaml", ".yml")]
        path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise UnknownScenarioError(
            f'no scenario "{scenario_id}" in {display(scenarios_dir)} '
            f"(looked for {scenario_id}.yaml and {scenario_id}.yml)"
        )
    scenario, problems, texts = check_scenario(path, locales_dir)
    if scenario is None:
        raise ScenarioError([p for p in problems if p.severity is Severity.ERROR])
    return scenario, PlainTexts(texts)
