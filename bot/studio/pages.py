"""What each page shows, built from the studio's state; the templates only lay it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jinja2

from bot.core import keys
from bot.core.model import ChoiceStep, EndStep, QuestionStep, Step
from bot.core.plaintext import PlainTexts
from bot.core.replies import Text
from bot.core.scenario import Scenario
from bot.studio.flowmap import figures_line, flow_map
from bot.studio.live import Studio
from bot.studio.words import Words


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("bot.studio", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Row:
    scenario_id: str
    title: str
    path: str
    steps: int | None
    version: str | None
    state: str
    playable: bool


def title(studio: Studio, scenario_id: str, lang: str) -> str:
    if scenario_id not in studio.snapshot.library.scenarios:
        return scenario_id
    return studio.translator.text(Text(keys.TITLE, catalogue=scenario_id), lang)


def state_of(studio: Studio, scenario_id: str, t: Words) -> str:
    state = studio.snapshot.file(scenario_id)
    if state is None:
        return ""
    if state.errors:
        key = "state-kept" if studio.snapshot.kept(scenario_id) else "state-broken"
        return t(key, count=state.errors)
    if state.warnings:
        return t("state-warnings", count=state.warnings)
    return t("state-valid")


def scenario_list(studio: Studio, lang: str, t: Words) -> dict[str, Any]:
    snapshot = studio.snapshot
    rows = []
    for state in snapshot.files:
        sid = state.scenario_id
        playing = snapshot.library.scenarios.get(sid)
        rows.append(
            Row(
                scenario_id=sid,
                title=title(studio, sid, lang),
                path=str(state.path),
                steps=len(playing.steps) if playing else None,
                version=playing.version if playing else None,
                state=state_of(studio, sid, t),
                playable=playing is not None,
            )
        )
    problems = snapshot.problems()
    errors = sum(p.severity == "error" for p in problems)
    return {
        "rows": rows,
        "problems": [str(p) for p in problems],
        "valid": sum(f.scenario is not None for f in snapshot.files),
        "errors": errors,
        "warnings": len(problems) - errors,
    }


def live_line(studio: Studio, t: Words) -> str:
    snapshot = studio.snapshot
    when = datetime.fromtimestamp(snapshot.checked_at).strftime("%H:%M:%S")
    return t("live-checked", time=when, ms=round(snapshot.duration_s * 1000))


def steps_menu(scenario: Scenario, text: Any) -> list[tuple[str, str]]:
    """(step id, label) in file order for the jump menu."""
    out = []
    for step in scenario.spec.steps:
        k, _ = scenario.position(step.id)
        shown = text(keys.step(step.id)) or ""
        shown = shown if len(shown) <= 48 else shown[:47] + "…"
        out.append((step.id, f"{k}. {step.id}: {shown}"))
    return out


async def panel(studio: Studio, scenario_id: str, lang: str, t: Words) -> dict[str, Any]:
    """The problems and the map of one scenario (the part that changes on a save)."""
    snapshot = studio.snapshot
    state = snapshot.file(scenario_id)
    scenario = snapshot.library.scenarios.get(scenario_id)
    result: dict[str, Any] = {
        "problems": [str(p) for p in state.problems] if state else [],
        "kept": snapshot.kept(scenario_id),
        "state": state_of(studio, scenario_id, t),
        "map": None,
        "steps": [],
    }
    if scenario is None:
        return result

    def text(key: str) -> str | None:
        return studio.translator.text(Text(key, catalogue=scenario_id), lang)

    figures, runs = await studio.figures(scenario_id)
    result["map"] = flow_map(scenario, text, figures, runs, lambda f: figures_line(f, t))
    result["steps"] = steps_menu(scenario, text)
    return result


def _text_keys(step: Step) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = [(keys.step(step.id), None)]
    found += [(keys.step(step.id), a) for a in (keys.HINT, keys.EXPLANATION, keys.FEEDBACK)]
    if isinstance(step, QuestionStep | ChoiceStep):
        for option in step.options:
            found.append((keys.option(step.id, option.id), None))
            found.append((keys.option(step.id, option.id), keys.FEEDBACK))
    if isinstance(step, EndStep):
        found += [(keys.checklist_item(step.id, i), None) for i in step.checklist]
    return found


def step_texts(studio: Studio, scenario_id: str, step_id: str) -> list[dict[str, Any]]:
    """Every text of a step in each language side by side, as the bot renders them."""
    library = studio.snapshot.library
    scenario = library.scenarios.get(scenario_id)
    if scenario is None or step_id not in scenario.steps:
        return []
    sources = {
        locale: library.sources[(locale, scenario_id)]
        for locale in library.locales
        if (locale, scenario_id) in library.sources
    }
    plain = PlainTexts(sources)
    rows = []
    for key, attribute in _text_keys(scenario.steps[step_id]):
        shown = {locale: plain.get(locale, key, attribute) for locale in library.locales}
        if any(v is not None for v in shown.values()):
            name = f"{key}.{attribute}" if attribute else key
            rows.append({"key": name, "texts": [shown[loc] or "" for loc in library.locales]})
    return rows
