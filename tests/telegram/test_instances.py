"""Three `rolebot run --webhook` processes on one PostgreSQL database and one fake Bot API:
hundreds of learners' updates posted to random instances, some twice (at once, to two
instances), some users tapping two buttons at once, one instance killed with SIGKILL mid-run
and restarted. Every update has exactly one effect, and each user ends where a sequential
replay of their inputs ends.

Every committed reply arrives, once: replies are written to the outbox with the input's
effects, and what the killed instance committed but did not send goes out from another
instance once its claim's lease ends. Replies to two taps at once may arrive in either order
when the taps went to different instances: one user's effects are serialised across
processes (an advisory lock per user), and the outbox sends a chat's replies in the order
they were committed.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import itertools
import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import pytest

from bot.core import actions
from bot.core.loader import load_library
from bot.i18n import Translator
from bot.service import Command, Conversation, Press, Typed, UserInput, Who
from bot.storage import Storage, open_storage
from bot.telegram.handlers import command_name
from tests.conftest import NO_POSTGRES, POSTGRES_URL, empty_postgres
from tests.telegram.conftest import SHIPPED
from tests.telegram.fakeapi import FakeBotAPI
from tests.telegram.instances import Cluster, Poster
from tests.telegram.launcher import Launcher

USERS = 150
STEPS = 4
"""Inputs per user at most (a pair of taps at once counts as one)."""
ACTIVE = 60
"""Users walking at the same time: what the instances race on. USERS sets only how long
(each race happens dozens of times; 300 users doubled the time and the counts, not the
kinds of race)."""
TWICE_AT_ONCE = 0.07
TWICE_LATER = 0.07
TAPS_AT_ONCE = 0.15
"""The chance, at each step, that a user taps twice at once (once per user at most)."""
KILL_AT = 0.4
"""The share of the expected inputs after which one instance is killed."""
FIRST_USER = 5_000_000
EVENT_COLUMNS = [
    "scenario",
    "version",
    "run",
    "step",
    "locale",
    "kind",
    "option",
    "correct",
    "attempt",
    "level",
    "length",
    "score",
]


Update = dict[str, Any]


@dataclass
class Walk:
    """One user's inputs, in the order they were made: a slot holds one update, or two
    tapped at once (their order is whichever instance took the user's lock first)."""

    user: int
    language: str
    slots: list[list[Update]] = field(default_factory=list)

    def orders(self) -> Iterator[list[Update]]:
        """Every sequential order consistent with the slots."""
        choices = [itertools.permutations(slot) for slot in self.slots]
        for picked in itertools.product(*choices):
            yield [u for slot in picked for u in slot]


@dataclass
class Driver:
    api: FakeBotAPI
    poster: Poster
    rng: random.Random
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    message_ids: Iterator[int] = field(default_factory=lambda: itertools.count(10_000_000))
    inputs: int = 0
    deliveries: int = 0
    twice: int = 0
    at_once: int = 0
    progressed: asyncio.Event = field(default_factory=asyncio.Event)

    def sender(self, walk: Walk) -> dict[str, Any]:
        return {
            "id": walk.user,
            "is_bot": False,
            "first_name": "L",
            "language_code": walk.language,
        }

    def text(self, walk: Walk, text: str) -> Update:
        message: dict[str, Any] = {
            "message_id": next(self.message_ids),
            "date": int(time.time()),
            "chat": {"id": walk.user, "type": "private"},
            "from": self.sender(walk),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
        return {"update_id": next(self.ids), "message": message}

    def press(self, walk: Walk, message: dict[str, Any] | None, data: str) -> Update:
        shown = message or {
            "message_id": 1,
            "date": 0,
            "chat": {"id": walk.user, "type": "private"},
            "text": "",
        }
        uid = next(self.ids)
        query = {
            "id": f"q{uid}",
            "from": self.sender(walk),
            "chat_instance": "1",
            "message": shown,
            "data": data,
        }
        return {"update_id": uid, "callback_query": query}

    def latest(self, user: int) -> dict[str, Any] | None:
        """The newest message the bot sent this user, as Telegram would show it now."""
        for message in reversed(self.api.messages.values()):
            if message["chat"]["id"] == user:
                return copy.deepcopy(message)
        return None

    async def deliver(self, slot: list[Update]) -> None:
        """Post the slot's updates at once to different instances; some of them twice."""
        count = self.poster.cluster.count
        first = self.rng.randrange(count)
        posts = []
        later = []
        for offset, update in enumerate(slot):
            posts.append(self.poster.post(update, (first + offset) % count))
            roll = self.rng.random()
            if roll < TWICE_AT_ONCE:
                posts.append(self.poster.post(update, (first + offset + 1) % count))
            elif roll < TWICE_AT_ONCE + TWICE_LATER:
                later.append(update)
        self.twice += len(posts) - len(slot) + len(later)
        await asyncio.gather(*posts)
        for update in later:  # the 200 was lost on its way: Telegram sends it again
            await self.poster.post(update, self.rng.randrange(count))
        self.inputs += len(slot)
        self.deliveries += len(posts) + len(later)
        if self.inputs >= KILL_AT * USERS * STEPS:
            self.progressed.set()

    async def replied(self, user: int, before: int) -> None:
        """The 200 comes at the commit, the reply right after it (the outbox), or from another
        instance once a killed one's claim has run out: a person reads it before pressing."""
        await self.api.wait_for(lambda: len(self.api.sent(user)) > before, within=30)

    async def walk(self, walk: Walk, scenario: str) -> None:
        rng = random.Random(walk.user)
        tapped_at_once = False
        slot = [self.press(walk, None, actions.encode(actions.Open(scenario)))]
        for _ in range(STEPS):
            walk.slots.append(slot)
            before = len(self.api.sent(walk.user))
            await self.deliver(slot)
            await self.replied(walk.user, before)
            message = self.latest(walk.user)
            markup = (message or {}).get("reply_markup") or {}
            choices = [
                b["callback_data"]
                for row in markup.get("inline_keyboard", [])
                for b in row
                if actions.decode(b.get("callback_data", "")) is not None
            ]
            roll = rng.random()
            if roll < 0.06:
                slot = [self.text(walk, "/help")]
            elif roll < 0.1:
                slot = [self.text(walk, "I am not sure what to press")]
            elif not choices:
                return
            elif not tapped_at_once and roll < 0.1 + TAPS_AT_ONCE:
                tapped_at_once = True
                a, b = rng.choice(choices), rng.choice(choices)  # the same one: a double tap
                slot = [self.press(walk, message, a), self.press(walk, message, b)]
                self.at_once += 1
            else:
                slot = [self.press(walk, message, rng.choice(choices))]


def service_input(update: Update) -> tuple[Who, UserInput]:
    """What the Telegram handlers make of the updates this driver sends."""
    if "callback_query" in update:
        query = update["callback_query"]
        sender = query["from"]
        inp: UserInput = Press(actions.decode(query["data"]), query["message"]["message_id"])
    else:
        message = update["message"]
        sender = message["from"]
        text = message["text"]
        inp = Command(command_name(text)) if text.startswith("/") else Typed(len(text))
    return Who(f"tg:{sender['id']}", sender["language_code"]), inp


@dataclass(frozen=True)
class Outcome:
    progress: dict[str, Any]
    events: list[tuple[Any, ...]]
    replies: Counter[str]


MAX_COPIES = ACTIVE
"""Replies a kill can leave sent but not marked sent: at most one per learner active at that
moment, each waiting for its reply (measured: 0-16 here). A broken outbox that sent every
reply twice would give well over a thousand."""


async def drained(url: str, within: float = 30.0) -> None:
    """Wait until the outbox is empty: the killed instance's replies went out from another
    instance once its claims' lease (5 s here) ran out."""
    conn = await asyncpg.connect(url)
    try:
        deadline = time.monotonic() + within
        while await conn.fetchval("select count(*) from outbox"):
            assert time.monotonic() < deadline, "replies left in the outbox"
            await asyncio.sleep(0.1)
    finally:
        await conn.close()


async def state(storage: Storage, external_id: str) -> tuple[dict[str, Any], list[Any]]:
    """A user's progress (times left out) and events (their facts, without times)."""
    async with storage.unit(external_id) as unit:
        user = await unit.find_user(external_id)
        assert user is not None, external_id
        progress = await unit.all_progress(user.id)
    found = [tuple(e[c] for c in EVENT_COLUMNS) for e in await storage.events(user.id)]
    return {k: dataclasses.replace(p, shown_at_ms=0) for k, p in progress.items()}, found


async def replay(
    service: Conversation, translator: Translator, order: list[Update], name: str
) -> Outcome:
    """The inputs one by one, as one process with one user would apply them."""
    replies: Counter[str] = Counter()
    for update in order:
        who, inp = service_input(update)
        response = await service.handle(Who(name, who.language_code), inp)
        if response.duplicate or response.double_tap:
            continue
        replies.update(translator.reply(r, response.locale).text for r in response.replies)
    progress, events = await state(service.storage, name)
    return Outcome(progress, events, replies)


async def test_three_webhook_instances_one_database_one_effect_per_update(
    api: FakeBotAPI, content: Path, tmp_path: Path, launcher: Launcher
) -> None:
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    started = time.monotonic()
    url = await empty_postgres()
    live = open_storage(url)
    await live.migrate()  # once, before the instances start (they would take turns)
    cluster = Cluster(api, url, content, tmp_path, launcher=launcher)
    rng = random.Random(12)
    walking: asyncio.Future[list[None]] | None = None
    try:
        await cluster.open()
        await cluster.start()
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=ACTIVE),
            timeout=aiohttp.ClientTimeout(total=60),
        ) as session:
            driver = Driver(api, Poster(cluster, session), rng)
            walks = [Walk(FIRST_USER + i, rng.choice(["en", "ru"])) for i in range(USERS)]
            room = asyncio.Semaphore(ACTIVE)

            async def learner(walk: Walk) -> None:
                async with room:
                    await driver.walk(walk, rng.choice(SHIPPED))

            walking = asyncio.gather(*(learner(w) for w in walks))
            # Kill an instance mid-run: its requests in flight get no 200, and go elsewhere.
            halfway: set[asyncio.Future[Any]] = {
                asyncio.ensure_future(driver.progressed.wait()),
                walking,
            }
            await asyncio.wait(halfway, return_when=asyncio.FIRST_COMPLETED)
            assert not walking.done(), "the run ended before the kill"
            victim = rng.randrange(cluster.count)
            died = cluster.kill(victim)
            cut_off = set(driver.poster.in_flight.get(victim, set()))
            assert await asyncio.wait_for(died, timeout=30) < 0
            committed_at_kill = {e["id"] for e in await live.events()}
            await cluster.start([victim])
            answered = driver.poster.answered[victim]
            await asyncio.wait_for(walking, timeout=120)
            assert driver.poster.answered[victim] > answered, "the restarted instance served"
            await drained(url)
        driven = time.monotonic() - started
        log = cluster.log.read_text(encoding="utf-8", errors="replace")
        assert all(i.running for i in cluster.instances), cluster.tail()
    finally:
        if walking is not None and not walking.done():
            walking.cancel()
            await asyncio.gather(walking, return_exceptions=True)
        await cluster.close()

    # No update failed or was retried for an error of ours; nothing crashed.
    assert not any(
        word in log for word in ('"level": "error"', '"level": "critical"', "Traceback")
    ), log[-3000:]
    posted = {u["update_id"]: (w, u) for w in walks for s in w.slots for u in s}
    assert driver.inputs == len(posted) >= USERS * 2
    assert driver.twice >= 0.1 * len(posted), (driver.twice, len(posted))
    assert driver.at_once >= USERS // 10
    conn = await asyncpg.connect(url)
    try:
        processed = [r[0] for r in await conn.fetch("select update_id from processed_updates")]
        failed = await conn.fetch("select update_id, error from failed_updates")
    finally:
        await conn.close()
    # Every update id was applied exactly once: none missing, none given up on.
    assert sorted(processed) == sorted(posted)
    assert failed == []
    # No committed event lost to the kill.
    assert committed_at_kill <= {e["id"] for e in await live.events()}

    library = load_library(content / "scenarios", content / "locales")
    translator = Translator(library, contact="@help_desk")
    fresh = open_storage(str(tmp_path / "replay.sqlite3"))
    service = Conversation(library, fresh)
    cut_users = {posted[uid][0].user for uid in cut_off if uid in posted}
    copies = 0
    states = await asyncio.gather(*(state(live, f"tg:{w.user}") for w in walks))
    try:
        for walk, (progress, events) in zip(walks, states, strict=True):
            sent = Counter(c.text for c in api.sent(walk.user))
            tried = []
            for attempt, order in enumerate(walk.orders()):
                expected = await replay(service, translator, order, f"tg:{walk.user}-{attempt}")
                tried.append(expected)
                if (expected.progress, expected.events) == (progress, events):
                    break
            else:
                raise AssertionError(
                    f"user {walk.user}: no sequential order of their inputs gives "
                    f"{progress} {events}; replays gave {tried}"
                )
            # Every committed reply arrives, even to a user cut off by the kill; a copy too
            # only in the outbox's window: Telegram had a message when the process died,
            # before its row was deleted (no idempotency key closes it).
            assert not expected.replies - sent, (walk.user, expected.replies - sent)
            extra = sent - expected.replies
            assert not set(extra) - set(expected.replies), (walk.user, "not a copy", extra)
            copies += sum(extra.values())
    finally:
        await fresh.close()
        await live.close()
    assert copies <= MAX_COPIES, f"{copies} replies sent twice: more than one kill's window"
    print(
        f"\n{len(posted)} updates of {USERS} users, {driver.deliveries} deliveries "
        f"({driver.twice} twice, {driver.at_once} pairs of taps at once, "
        f"{driver.poster.redelivered} re-posted after no 200); {len(cut_off)} in flight at "
        f"the kill, {len(cut_users)} users cut off, {copies} replies sent twice (the kill's "
        f"window); driven in {driven:.1f} s, checked in "
        f"{time.monotonic() - started - driven:.1f} s"
    )
