"""The storage port's guarantees on every backend (SQLite always; PostgreSQL when
ROLEBOT_TEST_POSTGRES is set): one unit of work per input, replays change nothing, a
failure writes nothing, forgotten users' numbers are never reused, and the same events give
the same figures."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bot.analytics import metrics
from bot.analytics.filters import Filters
from bot.core import actions, events
from bot.core.loader import Library
from bot.core.progress import Progress, Status
from bot.service import Conversation, Press, Who
from bot.simulator import simulate
from bot.storage import Change, Storage, User, open_storage
from tests.conftest import NO_POSTGRES, POSTGRES_URL, empty_postgres

END_MS = 1_780_000_000_000


def shown(step: str, at_ms: int = 1) -> events.StepShown:
    return events.StepShown(scenario="s", version="1", run=1, step=step, locale="ru", at_ms=at_ms)


def progress(step: str) -> Progress:
    return Progress("s", "1", run=1, status=Status.ACTIVE, step=step, shown_at_ms=1)


@pytest.fixture
async def storage(database: str) -> AsyncIterator[Storage]:
    opened = open_storage(database)
    yield opened
    await opened.close()


async def user(storage: Storage, external_id: str) -> User:
    async with storage.unit(external_id) as unit:
        return await unit.user(external_id, "ru", 0)


async def commit(storage: Storage, change: Change, update_id: int | None = None) -> bool:
    async with storage.unit(f"user:{change.user_id}") as unit:
        if update_id is not None and not await unit.claim(update_id, change.now_ms):
            return False
        await unit.apply(change)
        return True


async def step_of(storage: Storage, user_id: int) -> str | None:
    async with storage.unit("reader") as unit:
        return (await unit.progress(user_id, "s")).step


async def test_a_unit_writes_everything_together_and_a_replay_nothing(storage: Storage) -> None:
    u = await user(storage, "tg:1")
    change = Change(u.id, 5, progress("a"), (shown("a"),), locale="en", active_scenario="s")
    assert await commit(storage, change, update_id=100)
    assert not await commit(storage, Change(u.id, 6, progress("b"), (shown("b"),)), 100)
    assert await step_of(storage, u.id) == "a"
    assert [e["step"] for e in await storage.events()] == ["a"]
    again = await user(storage, "tg:1")
    assert (again.locale, again.locale_chosen, again.active_scenario) == ("en", True, "s")


@dataclass(frozen=True, kw_only=True)
class Unstorable(events.Event):
    """An event no database can store (a dict where a text goes)."""

    kind: ClassVar[str] = "unstorable"
    option: object


async def test_a_failure_mid_unit_writes_nothing(storage: Storage) -> None:
    u = await user(storage, "tg:1")
    await commit(storage, Change(u.id, 1, progress("a"), (shown("a"),)), update_id=1)
    bad = Unstorable(scenario="s", version="1", run=1, step="b", locale="ru", at_ms=2, option={})
    with pytest.raises(Exception):  # noqa: B017 - each driver has its own error type
        await commit(storage, Change(u.id, 2, progress("b"), (shown("b"), bad)), update_id=2)
    assert await step_of(storage, u.id) == "a"
    assert [e["step"] for e in await storage.events()] == ["a"]
    assert await commit(storage, Change(u.id, 3, progress("c"), (shown("c"),)), update_id=2)


async def test_forget_and_numbers_never_reused(storage: Storage) -> None:
    first = await user(storage, "tg:1")
    await commit(storage, Change(first.id, 1, progress("a"), (shown("a"),)))
    async with storage.unit("tg:1") as unit:
        await unit.forget(first)
    async with storage.unit("tg:1") as unit:
        assert await unit.find_user("tg:1") is None
        assert await unit.all_progress(first.id) == {}
    assert len(await storage.events(first.id)) == 1  # the anonymous fact stays
    second = await user(storage, "tg:2")
    assert second.id > first.id


async def test_a_batch_is_all_or_nothing(storage: Storage) -> None:
    u = await user(storage, "tg:1")
    with pytest.raises(RuntimeError):
        async with storage.batch():
            await commit(storage, Change(u.id, 1, progress("a"), (shown("a"),)))
            raise RuntimeError("stop")
    assert await storage.events() == []
    async with storage.batch():
        await commit(storage, Change(u.id, 1, progress("a"), (shown("a"),)))
        await commit(storage, Change(u.id, 2, progress("b"), (shown("b"),)))
    assert len(await storage.events()) == 2


async def figures(storage: Storage, library: Library) -> dict[str, Any]:
    now = END_MS
    filters = Filters(version="all")
    tallies = await storage.tallies(filters, metrics.idle_cutoff(now, 24))
    return metrics.compute(tallies, library, filters, now=now).as_dict()


async def test_the_same_learners_give_the_same_figures_on_both_backends(
    tmp_path: Path, library: Library
) -> None:
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    found: list[Any] = []
    for database in (str(tmp_path / "a.sqlite3"), await empty_postgres()):
        storage = open_storage(database)
        service = Conversation(library, storage)
        await simulate(library, service, users=60, days=4, seed=7, end_ms=END_MS)
        found.append((await figures(storage, library), await storage.users_by_source()))
        exported = [row async for row in storage.export("runs", Filters())]
        found.append(len(exported))
        await storage.close()
    sqlite_figures, sqlite_runs, postgres_figures, postgres_runs = found
    assert sqlite_figures == postgres_figures
    assert sqlite_runs == postgres_runs
    assert sqlite_figures[0]["scenarios"]  # not trivially empty


async def test_concurrent_instances_apply_each_update_once_and_in_order(
    library: Library,
) -> None:
    """Two "instances" (two pools) receive the same presses of one user concurrently, some
    twice: every update id has one effect, and the user's run equals a sequential replay."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    url = await empty_postgres()
    instances = [open_storage(url), open_storage(url)]
    services = [Conversation(library, s) for s in instances]
    who = Who("tg:77", "en")
    await services[0].handle(who, Press(actions.Open("contact-support")), update_id=1)
    presses = [Press(actions.Open("contact-support")) for _ in range(10)]
    tasks = [
        services[i % 2].handle(who, press, update_id=100 + i // 2)  # each id twice
        for i, press in enumerate(p for p in presses for _ in range(2))
    ]
    responses = await asyncio.gather(*tasks)
    assert sum(not r.duplicate for r in responses) == 10
    shown_steps = [e for e in await instances[0].events() if e["kind"] == "step_shown"]
    assert len(shown_steps) == 11  # the first open and ten resumes, none twice
    for storage in instances:
        await storage.close()


async def test_one_users_inputs_are_serialised_across_instances(library: Library) -> None:
    """Help escalates one level per press: concurrent presses on two instances must see
    each other's writes (the per-user lock), or two would both give the first level."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    from bot.core.engine import help_levels
    from bot.service import Command

    url = await empty_postgres()
    instances = [open_storage(url), open_storage(url)]
    services = [Conversation(library, s) for s in instances]
    scenario = library.scenarios["atm-withdrawal"]
    for round_ in range(3):
        who = Who(f"tg:{500 + round_}", "en")
        response = await services[0].handle(who, Press(actions.Open(scenario.id)))
        step = response.replies[-1].step
        assert step is not None
        levels = help_levels(scenario, step)
        await asyncio.gather(
            *(services[i % 2].handle(who, Command("help")) for i in range(len(levels)))
        )
        async with instances[0].unit(who.external_id or "") as unit:
            found = await unit.find_user(who.external_id or "")
        assert found is not None
        asked = [
            e["level"] for e in await instances[0].events(found.id) if e["kind"] == "help_asked"
        ]
        assert asked == list(levels)
    for storage in instances:
        await storage.close()
