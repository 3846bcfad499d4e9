"""The transport-neutral way one input is applied: load, run the engine, commit together."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import engine
from bot.core.loader import Library
from bot.core.menu import menu
from bot.core.progress import Input
from bot.core.replies import Reply
from bot.storage.store import Commit, Store, User


@dataclass(frozen=True)
class Outcome:
    """What to send back; `duplicate` means the update was processed before: send nothing."""

    result: engine.Result | None

    @property
    def duplicate(self) -> bool:
        return self.result is None


def apply(
    library: Library,
    store: Store,
    user: User,
    scenario_id: str,
    inp: Input,
    *,
    update_id: int | None = None,
    chosen_locale: str | None = None,
) -> Outcome:
    """Run one input against one scenario and commit progress, events and the update id in
    one transaction. A scenario removed since gets an apology and the menu, not a crash."""
    progress = store.progress(user.id, scenario_id)
    scenario = library.scenarios.get(scenario_id)
    if scenario is None:
        result = engine.removed(progress, inp)
        active: str | None = None
    else:
        result = engine.step(scenario, progress, inp)
        active = scenario_id
    change = Commit(
        user_id=user.id,
        now_ms=inp.now_ms,
        progress=result.progress,
        events=result.events,
        update_id=update_id,
        locale=chosen_locale,
        active_scenario=active,
    )
    return Outcome(result if store.commit(change) else None)


def topics(library: Library, store: Store, user: User) -> Reply:
    return menu(library.scenarios, store.all_progress(user.id))
