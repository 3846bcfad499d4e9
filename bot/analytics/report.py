"""The HTML report: one self-contained file (inline SVG, no scripts, nothing fetched)."""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import jinja2
from fluent.runtime import FluentBundle, FluentResource

from bot.analytics.metrics import ALL, ScenarioStats, Stats, StepFigures
from bot.core import keys
from bot.core.errors import MissingTranslationError
from bot.core.loader import Library
from bot.core.model import EndStep
from bot.core.replies import Text
from bot.core.scenario import Scenario, successors
from bot.i18n import Translator

REPORT_LANGUAGES = ("en", "ru")
TOP_STUCK = 10
NODE_W, NODE_H, LAYER_GAP, NODE_GAP = 150, 42, 34, 18


class Words:
    """The report's own texts, from templates/report.<lang>.ftl."""

    def __init__(self, lang: str) -> None:
        source = resources.files("bot.analytics").joinpath(f"templates/report.{lang}.ftl")
        self.bundle = FluentBundle([lang], use_isolating=False)
        self.bundle.add_resource(FluentResource(source.read_text(encoding="utf-8")))
        self.lang = lang

    def __call__(self, key: str, **args: Any) -> str:
        if not self.bundle.has_message(key):
            raise MissingTranslationError(f"report text {key} missing in {self.lang}")
        message = self.bundle.get_message(key)
        assert message.value is not None, key
        text, errors = self.bundle.format_pattern(message.value, args)
        if errors:
            raise MissingTranslationError(f"report text {key} in {self.lang}: {errors}")
        return str(text)


def pct(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


UNITS = {"en": ("s", "min", "h", "d"), "ru": ("с", "мин", "ч", "дн.")}


def duration(seconds: int | None, lang: str = "en") -> str:
    if seconds is None:
        return "—"
    s, minutes, hours, days = UNITS.get(lang, UNITS["en"])
    if seconds < 60:
        return f"{seconds} {s}"
    if seconds < 600:
        return f"{seconds // 60} {minutes} {seconds % 60:02d} {s}"
    if seconds < 3600:
        return f"{seconds // 60} {minutes}"
    if seconds < 86_400:
        return f"{seconds / 3600:.1f} {hours}"
    return f"{seconds / 86_400:.1f} {days}"


def number(value: float | None, digits: int = 1, lang: str = "en") -> str:
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "ru" else text


def grouped(value: int, lang: str = "en") -> str:
    """Thousands grouped as each language writes them: 12,345 or 12 345."""
    text = f"{value:,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def heat(value: float | None, top: float = 0.3) -> str:
    """Green at 0, through yellow, to red at `top` and above; grey when unknown."""
    if value is None:
        return "#e5e7eb"
    share = min(value / top, 1.0)
    r, g, b = colorsys.hls_to_rgb((1 - share) * 120 / 360, 0.78 - 0.2 * share, 0.65)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.analytics", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(pct=pct, duration=duration, number=number, heat=heat, grouped=grouped)
    return env


@dataclass(frozen=True)
class Node:
    step: str
    label: str
    x: int
    y: int
    fill: str
    figures: StepFigures | None


@dataclass(frozen=True)
class Edge:
    path: str
    back: bool


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def layout(scenario: Scenario, figures: dict[str, StepFigures]) -> Graph:
    """Layers by distance from the first step, left to right in file order within a layer;
    end steps at the bottom, so every forward arrow points down."""
    layers: dict[int, list[str]] = {}
    deepest = max(scenario.depth.values(), default=0)
    for spec in scenario.spec.steps:
        if isinstance(spec, EndStep):
            layer = deepest + 2
        else:
            layer = scenario.depth.get(spec.id, deepest + 1)
        layers.setdefault(layer, []).append(spec.id)
    widest = max(len(ids) for ids in layers.values())
    width = widest * (NODE_W + NODE_GAP) + NODE_GAP + 60
    places: dict[str, tuple[int, int]] = {}
    for row, depth in enumerate(sorted(layers)):
        ids = layers[depth]
        span = len(ids) * (NODE_W + NODE_GAP) - NODE_GAP
        left = (width - span) // 2
        for i, sid in enumerate(ids):
            places[sid] = (left + i * (NODE_W + NODE_GAP), 10 + row * (NODE_H + LAYER_GAP))
    nodes = []
    for sid, (x, y) in places.items():
        f = figures.get(sid)
        label = sid if len(sid) <= 19 else sid[:18] + "…"
        nodes.append(Node(sid, label, x, y, heat(f.drop_rate if f else None), f))
    edges = []
    for sid, step in scenario.steps.items():
        x1, y1 = places[sid]
        for target in dict.fromkeys(successors(step)):
            if target not in places:
                continue
            x2, y2 = places[target]
            if y2 > y1:
                sx, sy, tx, ty = x1 + NODE_W // 2, y1 + NODE_H, x2 + NODE_W // 2, y2
                mid = (sy + ty) / 2
                path = f"M{sx},{sy} C{sx},{mid} {tx},{mid} {tx},{ty - 6}"
                edges.append(Edge(path, back=False))
            else:
                # A way back (a detour, a retry): a curve around the right-hand side.
                sx, sy, tx, ty = x1 + NODE_W, y1 + NODE_H // 2, x2 + NODE_W, y2 + NODE_H // 2
                bend = max(sx, tx) + 40
                edges.append(Edge(f"M{sx},{sy} C{bend},{sy} {bend},{ty} {tx + 6},{ty}", True))
    height = 10 + len(layers) * (NODE_H + LAYER_GAP)
    return Graph(width, height, nodes, edges)


class Texts:
    """Scenario texts (titles, questions, options) in the report's language, never failing:
    a scenario no longer in the library shows its ids."""

    def __init__(self, library: Library | None, lang: str) -> None:
        self.translator = Translator(library, contact="…") if library is not None else None
        self.lang = lang

    def get(self, scenario: str, key: str) -> str | None:
        if self.translator is None or scenario not in self.translator.library.scenarios:
            return None
        try:
            return self.translator.text(Text(key, catalogue=scenario), self.lang)
        except MissingTranslationError:  # pragma: no cover - the library is validated
            return None

    def title(self, scenario: str) -> str:
        return self.get(scenario, keys.TITLE) or scenario

    def step(self, scenario: str, step: str) -> str:
        return self.get(scenario, keys.step(step)) or step

    def option(self, scenario: str, step: str, option: str) -> str:
        return self.get(scenario, keys.option(step, option)) or option


@dataclass(frozen=True)
class StuckRow:
    scenario: ScenarioStats
    title: str
    step: StepFigures
    position: int
    text: str
    wrong_text: str | None
    wrong_share: float | None


def top_stuck(stats: Stats, texts: Texts, n: int = TOP_STUCK) -> list[StuckRow]:
    rows = []
    for scenario in stats.scenarios:
        ordered = [s.step for s in scenario.all.ordered_steps()]
        for step in scenario.worst_steps(len(ordered)):
            top = step.top_wrong
            wrong_total = sum(step.chosen.values())
            rows.append(
                StuckRow(
                    scenario=scenario,
                    title=texts.title(scenario.scenario),
                    step=step,
                    position=ordered.index(step.step) + 1,
                    text=texts.step(scenario.scenario, step.step),
                    wrong_text=texts.option(scenario.scenario, step.step, top[0]) if top else None,
                    wrong_share=top[1] / wrong_total if top and wrong_total else None,
                )
            )
    rows.sort(key=lambda r: (-(r.step.stuck_score or 0.0), -r.step.reach, r.title))
    return rows[:n]


def render(
    stats: Stats,
    library: Library | None,
    *,
    lang: str = "en",
    generated: datetime | None = None,
) -> str:
    """The whole report as one HTML string."""
    words = Words(lang)
    texts = Texts(library, lang)
    scenarios = []
    for scenario in stats.scenarios:
        loaded = library.scenarios.get(scenario.scenario) if library is not None else None
        graph = layout(loaded, scenario.all.steps) if loaded is not None else None
        steps = scenario.all.ordered_steps()
        scenarios.append(
            {
                "stats": scenario,
                "title": texts.title(scenario.scenario),
                "steps": steps,
                "graph": graph,
                "languages": [lang_ for lang_ in scenario.slices if lang_ != ALL],
                "worst": {s.step for s in scenario.worst_steps()},
                "max_reach": max([s.reach for s in steps] + [scenario.all.runs.runs, 1]),
                "texts": {s.step: texts.step(scenario.scenario, s.step) for s in steps},
            }
        )
    totals = {
        "runs": sum(s.all.runs.runs for s in stats.scenarios),
        "completed": sum(s.all.runs.completed for s in stats.scenarios),
        "settled": sum(s.all.runs.settled for s in stats.scenarios),
        "dropped": sum(s.all.runs.dropped for s in stats.scenarios),
        "blocked": sum(s.all.runs.blocked for s in stats.scenarios),
    }
    when = generated or datetime.fromtimestamp(stats.now_ms / 1000, UTC)
    return (
        environment()
        .get_template("report.html")
        .render(
            t=words,
            lang=lang,
            stats=stats,
            filters=stats.filters.describe(),
            scenarios=scenarios,
            stuck=top_stuck(stats, texts),
            totals=totals,
            generated=when.strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
