"""The topic menu: every scenario with the user's state in it (new, in progress k/n, done)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core import actions, keys
from bot.core.progress import Progress, Status
from bot.core.replies import Button, Reply, Text
from bot.core.scenario import Scenario


def menu(scenarios: Mapping[str, Scenario], progress: Mapping[str, Progress]) -> Reply:
    """One button per scenario, in id order so the menu is stable between restarts."""
    if not scenarios:
        return Reply(parts=(Text("menu-empty"),))
    rows = tuple((topic_button(s, progress.get(s.id)),) for _, s in sorted(scenarios.items()))
    return Reply(parts=(Text("menu-title"),), buttons=rows)


def menu_button() -> Button:
    """The button back to the topic menu."""
    return Button(Text("button-menu"), actions.Menu())


def topic_button(scenario: Scenario, progress: Progress | None) -> Button:
    title = Text(keys.TITLE, catalogue=scenario.id)
    action = actions.Open(scenario.id)
    if progress is not None and progress.status is Status.ACTIVE and progress.step:
        current, total = scenario.position(progress.step, progress.shown)
        if progress.version != scenario.version or progress.step not in scenario.steps:
            current, total = scenario.position(scenario.start, 1)
        return Button(
            Text("menu-item-active", args={"title": title, "current": current, "total": total}),
            action,
        )
    if progress is not None and progress.status is Status.COMPLETED:
        return Button(Text("menu-item-done", args={"title": title}), action)
    return Button(Text("menu-item-new", args={"title": title}), action)
