"""The flow map: a scenario's steps laid out as the report lays them out, drawn as inline
SVG with right answers, branches and retries marked, coloured by figures when there are any."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.analytics.figures import StepFigures
from bot.analytics.report import NODE_H, NODE_W, heat, layout, pct
from bot.authoring.graph import Edge, Move, flow
from bot.core import keys
from bot.core.model import QuestionStep
from bot.core.scenario import Scenario, option_target

STUCK_MARK = 0.25
"""A stuck score from which a step gets a thick red border."""
LABEL_CHARS = 22


@dataclass(frozen=True)
class MapNode:
    step: str
    kind: str
    x: int
    y: int
    label: str
    fill: str
    stuck: bool
    title: str


@dataclass(frozen=True)
class MapEdge:
    path: str
    move: str
    title: str


@dataclass(frozen=True)
class FlowMap:
    width: int
    height: int
    node_w: int
    node_h: int
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    runs: int


KIND_FILL = {"info": "#eef2ff", "question": "#fff7ed", "choice": "#f0fdfa", "text": "#fdf4ff"}


def short(text: str, width: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,.;:") + "…"


def flow_map(
    scenario: Scenario,
    text: Callable[[str], str | None],
    figures: dict[str, StepFigures],
    runs: int,
    describe: Callable[[StepFigures], str],
) -> FlowMap:
    """`text(key)` renders a scenario text in the viewer's language; `describe` words a
    step's figures for the hover text. `figures` empty means no data: kinds give colours."""
    placed = layout(scenario, figures)
    nodes = []
    for node in placed.nodes:
        step = scenario.steps[node.step]
        shown = text(keys.step(node.step)) or node.step
        f = figures.get(node.step) if runs else None
        title = f"{node.step} · {shown}"
        if f is not None:
            title += "\n" + describe(f)
        fill = node.fill if f is not None else KIND_FILL.get(step.kind, "#dcfce7")
        stuck = f is not None and (f.stuck_score or 0.0) >= STUCK_MARK
        nodes.append(
            MapNode(node.step, step.kind, node.x, node.y, short(shown), fill, stuck, title)
        )
    places = {n.step: (n.x, n.y) for n in nodes}
    edges = []
    for edge in flow(scenario).edges:
        if edge.source not in places or edge.target not in places:
            continue
        x1, y1 = places[edge.source]
        x2, y2 = places[edge.target]
        label = _edge_title(scenario, edge, text)
        if edge.source == edge.target:
            sx, sy = x1 + NODE_W, y1 + NODE_H // 2
            path = f"M{sx},{sy - 8} C{sx + 34},{sy - 30} {sx + 34},{sy + 30} {sx + 6},{sy + 8}"
        elif y2 > y1:
            sx, sy, tx, ty = x1 + NODE_W // 2, y1 + NODE_H, x2 + NODE_W // 2, y2
            mid = (sy + ty) / 2
            path = f"M{sx},{sy} C{sx},{mid} {tx},{mid} {tx},{ty - 6}"
        else:
            sx, sy, tx, ty = x1, y1 + NODE_H // 2, x2, y2 + NODE_H // 2
            bend = min(sx, tx) - 40
            path = f"M{sx},{sy} C{bend},{sy} {bend},{ty} {tx - 6},{ty}"
        edges.append(MapEdge(path, str(edge.move), label))
    width = placed.width + 40
    return FlowMap(width, placed.height, NODE_W, NODE_H, tuple(nodes), tuple(edges), runs)


def _edge_title(scenario: Scenario, edge: Edge, text: Callable[[str], str | None]) -> str:
    """An edge's options in the scenario's own words (the graph labels hold ids)."""

    def option(option_id: str) -> str:
        return text(keys.option(edge.source, option_id)) or option_id

    match edge.move:
        case Move.CORRECT | Move.WRONG:
            mark, _, option_id = edge.label.partition(" ")
            return f"{mark} {option(option_id)}"
        case Move.CHOICE:
            return option(edge.label)
        case Move.RETRY:
            step = scenario.steps[edge.source]
            assert isinstance(step, QuestionStep)
            stay = [o.id for o in step.options if option_target(step, o) is None]
            return "✗ " + " / ".join(option(o) for o in stay)
    return ""


def figures_line(f: StepFigures, template: Callable[..., str]) -> str:
    return template(
        "map-figures",
        reach=f.reach,
        dropped=f.dropped,
        drop=pct(f.drop_rate),
        stuck="—" if f.stuck_score is None else f"{f.stuck_score:.2f}",
        help=pct(f.help_rate),
        wrong=pct(f.first_wrong_rate),
    )


__all__ = ["FlowMap", "MapEdge", "MapNode", "figures_line", "flow_map", "heat"]
