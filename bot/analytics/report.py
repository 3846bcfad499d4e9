"""The HTML report: one self-contained file (inline SVG, no scripts, nothing fetched)."""

from __future__ import annotations

import colorsys
import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fluent.runtime import FluentBundle, FluentResource

from bot.analytics import loop
from bot.analytics.figures import REVIEW_INTERVALS
from bot.analytics.flow import flow
from bot.analytics.metrics import ALL, MIN_REACH, ScenarioStats, Stats, StepFigures
from bot.core import keys
from bot.core.errors import MissingTranslationError
from bot.core.loader import Library
from bot.core.replies import Text
from bot.core.scenario import Scenario
from bot.i18n import Translator

if TYPE_CHECKING:
    import jinja2

REPORT_LANGUAGES = ("en", "ru")
TOP_STUCK = 10
NODE_W, NODE_H, LAYER_GAP, COLUMN_GAP = 150, 42, 40, 44


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


def environment(template_cache: Path | None = None) -> jinja2.Environment:
    """`template_cache`: a folder for compiled templates, so a later run skips compiling
    them (about 0.15 s); jinja2 keys them by the template's source, so an edit recompiles.
    (jinja2 is imported here: `rolebot stats` uses this module's words, not its HTML.)"""
    import jinja2

    cache = None
    if template_cache is not None:
        with contextlib.suppress(OSError):  # no cache is slower, not wrong
            template_cache.mkdir(parents=True, exist_ok=True)
            cache = jinja2.FileSystemBytecodeCache(str(template_cache))
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.analytics", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=cache,
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
    source: str
    target: str
    path: str
    back: bool


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def short(text: str, limit: int) -> str:
    """The first words of a text, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",.:;—-") + "…"


def layout(
    scenario: Scenario, figures: dict[str, StepFigures], labels: dict[str, str] | None = None
) -> Graph:
    """Rows by the longest way from the first step (a step where branches meet sits below all
    of them); each branch in a column of its own. Every arrow runs in the gaps between rows
    and columns, so none crosses a box; dashed arrows lead back to an earlier step."""
    way = flow(scenario)
    row: dict[str, int] = {}
    for sid in way.order:
        row.setdefault(sid, 0)
        for target in way.forward[sid]:
            row[target] = max(row.get(target, 0), row[sid] + 1)
    incoming: dict[str, list[str]] = {sid: [] for sid in scenario.steps}
    for sid, targets in way.forward.items():
        for target in targets:
            incoming[target].append(sid)
    column: dict[str, int] = {}
    taken: set[tuple[int, int]] = set()
    columns = 1
    for sid in way.order:
        if sid not in column:
            column[sid] = min((column[p] for p in incoming[sid] if p in column), default=0)
        if (column[sid], row[sid]) in taken:
            column[sid], columns = columns, columns + 1
        taken.add((column[sid], row[sid]))
        continues = True
        for target in way.forward[sid]:
            if len(incoming[target]) > 1 or target in column:
                continue  # a meeting point takes its place once all branches are in
            if continues:
                column[target], continues = column[sid], False
            else:
                column[target], columns = columns, columns + 1
    columns = max(columns, max(column.values(), default=0) + 1)
    rows = max(row.values(), default=0) + 1
    pitch_x, pitch_y = NODE_W + COLUMN_GAP, NODE_H + LAYER_GAP
    width = COLUMN_GAP + columns * pitch_x + 40
    height = 10 + rows * pitch_y

    def box(sid: str) -> tuple[int, int]:
        return COLUMN_GAP + column[sid] * pitch_x, 10 + row[sid] * pitch_y

    nodes = []
    for sid in way.order:
        x, y = box(sid)
        f = figures.get(sid)
        label = short((labels or {}).get(sid, sid), 24)
        nodes.append(Node(sid, label, x, y, heat(f.drop_rate if f else None), f))
    edges = []
    lanes: dict[tuple[str, int], int] = {}

    def lane(kind: str, index: int) -> int:
        """A few pixels apart for each arrow sharing a gap, so they can be told apart."""
        used = lanes.get((kind, index), 0)
        lanes[(kind, index)] = used + 1
        return (used % 5) * 5

    for sid in way.order:
        x1, y1 = box(sid)
        sx, sy = x1 + NODE_W // 2, y1 + NODE_H
        moves = [(t, False) for t in way.forward[sid]]
        moves += [(t, True) for s, t in way.back if s == sid]
        for target, back in moves:
            x2, y2 = box(target)
            tx, ty = x2 + NODE_W // 2, y2
            below = sy + 8 + lane("row", row[sid])  # the gap under the source's row
            above = ty - 8 - lane("row", row[target] - 1)  # the gap over the target's row
            if not back and row[target] == row[sid] + 1:
                path = f"M{sx},{sy} L{sx},{below} L{tx},{below} L{tx},{ty - 2}"
            else:
                if back:  # round the right-hand side of every column
                    gutter = COLUMN_GAP + columns * pitch_x - COLUMN_GAP // 2 + lane("right", 0)
                else:  # down the gap left of the target's column
                    gutter = x2 - COLUMN_GAP // 2 - 6 + lane("col", column[target])
                path = (
                    f"M{sx},{sy} L{sx},{below} L{gutter},{below} L{gutter},{above} "
                    f"L{tx},{above} L{tx},{ty - 2}"
                )
            edges.append(Edge(sid, target, path, back))
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

    def problem(self, scenario: str, problem: str) -> str:
        return self.get(scenario, keys.followup_problem(problem)) or problem


def problem_text(texts: Texts, words: Words, scenario: str, problem: str) -> str:
    """What went wrong, in the report's language: the scenario's label, or "Something else"
    for `other`."""
    if problem == "other":
        return words("problem-other")
    return texts.problem(scenario, problem)


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


def after_run(scenario: ScenarioStats, texts: Texts, words: Words) -> dict[str, Any] | None:
    """The learning loop's tables of one scenario (`_after.html`); None when it has none."""
    if not loop.has_loop(scenario):
        return None
    name = scenario.scenario
    confident = loop.confidently_wrong(scenario)
    options = {
        (step.step, f.top_confidently_wrong[0]): texts.option(
            name, step.step, f.top_confidently_wrong[0]
        )
        for step, parts in confident
        for _, f in parts
        if f.top_confidently_wrong
    }
    return {
        "reminders": loop.steps_with(scenario, loop.reminded),
        "reviews": loop.steps_with(scenario, loop.reviewed),
        "intervals": [label for label, _, _ in REVIEW_INTERVALS],
        "confident": confident,
        "options": options,
        "followups": loop.followups(scenario),
        "problems": [
            (problem_text(texts, words, name, problem), counts)
            for problem, counts in loop.problems(scenario)
        ],
    }


def render(
    stats: Stats,
    library: Library | None,
    *,
    lang: str = "en",
    generated: datetime | None = None,
    template_cache: Path | None = None,
) -> str:
    """The whole report as one HTML string (`template_cache`: see `environment`)."""
    words = Words(lang)
    texts = Texts(library, lang)
    scenarios = []
    for scenario in stats.scenarios:
        loaded = library.scenarios.get(scenario.scenario) if library is not None else None
        steps = scenario.all.ordered_steps()
        full = {s.step: texts.step(scenario.scenario, s.step) for s in steps}
        labels = {sid: short(text, 22) for sid, text in full.items()}
        graph = layout(loaded, scenario.all.steps, full) if loaded is not None else None
        wrong = {
            s.step: texts.option(scenario.scenario, s.step, s.top_wrong[0])
            for s in steps
            if s.top_wrong
        }
        scenarios.append(
            {
                "stats": scenario,
                "title": texts.title(scenario.scenario),
                "steps": steps,
                "graph": graph,
                "languages": [lang_ for lang_ in scenario.slices if lang_ != ALL],
                "worst": {s.step for s in scenario.worst_steps()},
                "max_reach": max([s.reach for s in steps] + [scenario.all.runs.runs, 1]),
                "texts": full,
                "labels": labels,
                "wrong": wrong,
                "after": after_run(scenario, texts, words),
            }
        )
    totals = {
        "runs": sum(s.all.runs.runs for s in stats.scenarios),
        "completed": sum(s.all.runs.settled_completed for s in stats.scenarios),
        "settled": sum(s.all.runs.settled for s in stats.scenarios),
        "dropped": sum(s.all.runs.dropped for s in stats.scenarios),
        "blocked": sum(s.all.runs.blocked for s in stats.scenarios),
    }
    when = generated or datetime.fromtimestamp(stats.now_ms / 1000, UTC)
    return (
        environment(template_cache)
        .get_template("report.html")
        .render(
            t=words,
            lang=lang,
            stats=stats,
            filters=stats.filters.describe(),
            scenarios=scenarios,
            stuck=top_stuck(stats, texts),
            min_reach=MIN_REACH,
            unsettled=sum(s.all.runs.unsettled for s in stats.scenarios),
            totals=totals,
            generated=when.strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
