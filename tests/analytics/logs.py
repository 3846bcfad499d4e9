"""Hand-built event logs: a small branching scenario and a writer that commits like the bot."""

from __future__ import annotations

from typing import Any

from bot.core import events
from bot.core.loader import Library
from bot.core.model import ScenarioSpec
from bot.core.scenario import Scenario
from bot.storage import Change, Storage
from tests.sync_store import SyncStore

DAY = 86_400_000
T0 = 1_767_225_600_000
"""2026-01-01 00:00 UTC."""

DEMO: dict[str, Any] = {
    "id": "demo",
    "version": 2,
    "steps": [
        {"id": "intro", "kind": "info", "next": "q1"},
        {
            "id": "q1",
            "kind": "question",
            "next": "fork",
            "options": [
                {"id": "right", "correct": True},
                {"id": "wrong"},
                {"id": "worse"},
                {"id": "detour-option", "next": "detour"},
            ],
        },
        {"id": "detour", "kind": "info", "next": "q1"},
        {
            "id": "fork",
            "kind": "choice",
            "options": [{"id": "x", "next": "left"}, {"id": "y", "next": "right"}],
        },
        {"id": "left", "kind": "text", "next": "done"},
        {"id": "right", "kind": "info", "next": "done"},
        {"id": "done", "kind": "end", "checklist": ["one"]},
    ],
}


def demo_library() -> Library:
    return Library(scenarios={"demo": Scenario.build(ScenarioSpec.model_validate(DEMO))})


class Log:
    """Writes events for one user and run at a time, each as its own commit."""

    def __init__(self, store: SyncStore) -> None:
        self.store = store
        self.users: dict[str, int] = {}

    def user(self, name: str, locale: str = "en") -> int:
        external = name if ":" in name else f"tg:{name}"
        if name not in self.users:
            self.users[name] = self.store.user(external, locale, T0).id
        return self.users[name]

    def emit(
        self,
        who: str,
        kind: str,
        step: str | None,
        at_ms: int,
        *,
        run: int = 1,
        version: str = "2",
        locale: str = "en",
        scenario: str = "demo",
        **details: Any,
    ) -> None:
        cls = events.BY_KIND[kind]
        event = cls(
            scenario=scenario,
            version=version,
            run=run,
            step=step,
            locale=locale,
            at_ms=at_ms,
            **details,
        )
        blocked = True if kind == "bot_blocked" else None
        self.store.commit(
            Change(user_id=self.user(who, locale), now_ms=at_ms, events=(event,), blocked=blocked)
        )

    def walk(
        self,
        who: str,
        path: list[str],
        start_ms: int,
        *,
        run: int = 1,
        version: str = "2",
        locale: str = "en",
        every_ms: int = 10_000,
        complete: bool = False,
    ) -> int:
        """run_started and step_shown along `path`, one step every `every_ms`; returns the time
        of the last event."""
        at = start_ms
        self.emit(who, "run_started", path[0], at, run=run, version=version, locale=locale)
        for step in path:
            self.emit(who, "step_shown", step, at, run=run, version=version, locale=locale)
            last = at
            at += every_ms
        if complete:
            self.emit(
                who, "run_completed", path[-1], last, run=run, version=version, locale=locale
            )
        return last


def event(
    kind: str,
    step: str | None,
    at_ms: int,
    *,
    run: int = 1,
    version: str = "2",
    locale: str = "en",
    scenario: str = "demo",
    **details: Any,
) -> events.Event:
    return events.BY_KIND[kind](
        scenario=scenario,
        version=version,
        run=run,
        step=step,
        locale=locale,
        at_ms=at_ms,
        **details,
    )


class PortLog:
    """Like `Log`, through the storage port of any backend: one unit of work per event."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.users: dict[str, int] = {}

    async def user(self, name: str, locale: str = "en") -> int:
        external = name if ":" in name else f"tg:{name}"
        if name not in self.users:
            async with self.storage.unit(external) as unit:
                self.users[name] = (await unit.user(external, locale, T0)).id
        return self.users[name]

    async def emit(self, who: str, kind: str, step: str | None, at_ms: int, **fields: Any) -> None:
        user_id = await self.user(who, fields.get("locale", "en"))
        blocked = True if kind == "bot_blocked" else None
        change = Change(
            user_id=user_id,
            now_ms=at_ms,
            events=(event(kind, step, at_ms, **fields),),
            blocked=blocked,
        )
        async with self.storage.unit(f"user:{user_id}") as unit:
            await unit.apply(change)

    async def walk(
        self,
        who: str,
        path: list[str],
        start_ms: int,
        *,
        run: int = 1,
        locale: str = "en",
        every_ms: int = 10_000,
        complete: bool = False,
    ) -> int:
        """run_started and step_shown along `path`, one step every `every_ms`; returns the time
        of the last event."""
        at = start_ms
        await self.emit(who, "run_started", path[0], at, run=run, locale=locale)
        for step in path:
            await self.emit(who, "step_shown", step, at, run=run, locale=locale)
            last = at
            at += every_ms
        if complete:
            await self.emit(who, "run_completed", path[-1], last, run=run, locale=locale)
        return last
