"""The outbox, the pacing rows and the learning loop's jobs on every backend (SQLite always;
PostgreSQL when ROLEBOT_TEST_POSTGRES is set): what one sender claims nobody else sends,
a lease that ran out hands the rows over, slots keep both limits, a job is taken once, and a
forgotten user leaves no job, card or pacing row behind."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.storage import Storage, open_storage
from bot.storage.pacing import Pace
from bot.storage.port import Claim, Job

CHAT = 4242
NOW = 1_790_000_000_000


@pytest.fixture
async def storage(database: str) -> AsyncIterator[Storage]:
    opened = open_storage(database)
    yield opened
    await opened.close()


def claim(token: str, pace: Pace | None = None, lease_ms: int = 30_000) -> Claim:
    return Claim(token, lease_ms, pace, NOW)


async def post(storage: Storage, bodies: list[str], held_by: Claim) -> list[int]:
    async with storage.unit(f"tg:{CHAT}") as unit:
        return [o.id for o in await unit.post(CHAT, bodies, held_by.at_ms, held_by)]


async def test_a_claimed_chat_is_nobody_elses_until_its_lease_runs_out(storage: Storage) -> None:
    first, second = claim("first"), claim("second")
    assert len(await post(storage, ["a", "b"], first)) == 2
    assert await post(storage, ["c"], second) == [], "queued behind the first sender"
    assert await storage.claim_chat(CHAT, second, NOW + 1_000) == ()
    assert await storage.waiting_chats(NOW + 1_000, 10) == []
    later = NOW + 31_000  # the first sender died: its lease ran out
    assert await storage.waiting_chats(later, 10) == [CHAT]
    taken = await storage.claim_chat(CHAT, second, later)
    assert [o.body for o in taken] == ["a", "b", "c"], "in commit order"
    assert not await storage.extend("first", later + 30_000), "the first lost its claim"
    await storage.sent([o.id for o in taken])
    assert await storage.claim_chat(CHAT, second, later) == ()


async def test_the_last_delete_claims_what_was_queued_meanwhile(storage: Storage) -> None:
    """A sender deletes its batch's last row and claims the chat's newer rows in one
    transaction: a reply queued while it was sending (by a reminder, another instance) goes
    out after it, by the same sender, with no wait for the sweep."""
    sender = claim("sender")
    (first,) = await post(storage, ["a"], sender)
    assert await post(storage, ["b"], claim("meanwhile")) == [], "held by the sender"
    following = await storage.sent_then_claim([first], CHAT, sender, NOW + 10)
    assert [o.body for o in following] == ["b"]
    assert await storage.claim_chat(CHAT, claim("other"), NOW + 20) == (), "still the sender's"
    assert await storage.sent_then_claim([following[0].id], CHAT, sender, NOW + 30) == ()
    assert await storage.waiting_chats(NOW + 60_000, 10) == [], "nothing left"


async def test_slots_keep_the_chat_and_the_bot_limits(storage: Storage) -> None:
    pace = Pace(chat_interval_ms=1000, chat_burst=2, bot_interval_ms=100, bot_burst=3)
    held = claim("pacer", pace)
    async with storage.unit(f"tg:{CHAT}") as unit:
        slots = [o.send_at_ms - NOW for o in await unit.post(CHAT, list("abcd"), NOW, held)]
    assert slots == [0, 0, 1000, 2000], "a burst of two, then one a second"
    other = Claim("other", 30_000, pace, NOW)
    async with storage.unit("tg:7") as unit:
        shared = [o.send_at_ms - NOW for o in await unit.post(7, list("xy"), NOW, other)]
    assert shared == [0, 100], "the bot's budget is shared, and not held by a chat's queue"
    assert await storage.reserve_bot(NOW + 1000, pace) == NOW + 1000, "the third, when due"
    await storage.pause(CHAT, NOW + 60_000, pace, whole_bot=False)
    await storage.sent([1, 2, 3, 4])
    async with storage.unit(f"tg:{CHAT}") as unit:
        (after,) = await unit.post(CHAT, ["e"], NOW, claim("again", pace))
    assert after.send_at_ms >= NOW + 60_000, "a 429 holds the chat back"


async def test_a_job_is_taken_once_and_goes_with_its_user(storage: Storage) -> None:
    async with storage.unit("tg:1") as unit:
        user = await unit.user("tg:1", "en", NOW)
        await unit.schedule(Job(user.id, "reminder", "", 1, NOW + 10))
        await unit.schedule(Job(user.id, "reminder", "", 1, NOW + 20))  # moved, not added
        await unit.save_card(user.id, "s", "q1", '{"x": 1}')
    async with storage.unit("terminal:me") as unit:
        me = await unit.user("terminal:me", "en", NOW)
        await unit.schedule(Job(me.id, "review", "", 0, NOW))
    assert await storage.claim_jobs("t", NOW + 15, 60_000, 10, prefix="tg:") == []
    (due,) = await storage.claim_jobs("t", NOW + 25, 60_000, 10, prefix="tg:")
    assert (due.external_id, due.due_ms) == ("tg:1", NOW + 20), "one job, moved; tg: only"
    assert await storage.claim_jobs("u", NOW + 25, 60_000, 10, prefix="tg:") == [], "claimed"
    async with storage.unit("tg:1") as unit:
        taken = await unit.take_job(due.id)
        assert taken is not None and taken.kind == "reminder"
        assert await unit.take_job(due.id) is None, "only one unit gets it"
        await unit.schedule(Job(user.id, "followup", "s", 1, NOW))
        await unit.unpace(CHAT)
        found = await unit.find_user("tg:1")
        assert found is not None
        assert await unit.cards(user.id) == ['{"x": 1}']
        await unit.forget(found)
    async with storage.unit("tg:1") as unit:
        assert await unit.cards(user.id) == []
    assert await storage.claim_jobs("v", NOW + 99, 60_000, 10, prefix="tg:") == []
    assert await storage.next_job_ms() == NOW, "the other user's job stays"
