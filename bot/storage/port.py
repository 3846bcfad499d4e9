"""The storage port: what the conversation service, analytics and the commands need from a
database, as Protocols. Backends (`bot.storage.sqlite`, later PostgreSQL) implement them and
hold all SQL; nothing above this package knows which one it talks to."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from bot.analytics.filters import Filters
from bot.analytics.metrics import Tallies
from bot.core.events import Event
from bot.core.progress import Progress
from bot.storage.pacing import Pace

ExportKind = Literal["events", "runs", "steps"]
MAX_UPDATE_ID = 2**63 - 1
"""The largest update id a backend stores (a signed 64-bit integer). Telegram's are far
smaller; a forged one may not be."""


def storable(update_id: int) -> bool:
    return -MAX_UPDATE_ID - 1 <= update_id <= MAX_UPDATE_ID


def storage_failure(exc: BaseException) -> bool:
    """The database itself failed (a lost connection, a lock timeout, a full disk, a row it
    refused): the input may well succeed when tried again, so it must not be recorded as
    handled; the transport lets Telegram deliver it again (and gives up after a few tries)."""
    return type(exc).__module__.startswith(("sqlite3", "asyncpg")) or isinstance(
        exc, ConnectionError
    )


class Keep:
    """Marks a user field that a change leaves as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = Keep()


@dataclass(frozen=True)
class User:
    id: int
    external_id: str
    """"tg:<id>", "terminal:<login>", "sim:<n>": deleted on /forget."""
    key: str
    """A random pseudonym for exports, never derived from the external id."""
    locale: str
    locale_chosen: bool
    active_scenario: str | None
    blocked: bool
    pressed_message: int | None = None
    """The transport's id of the message whose button was last applied: a second press on
    the same message (a double tap) is stale."""
    reminders: str | None = None
    """None: never asked; "asked": asked once, no answer (no more reminders); "on"; "off"."""
    reviews: bool = True
    """False once the learner pressed "stop reviews"."""


@dataclass(frozen=True)
class Change:
    """Everything one input changes for one user, written together or not at all."""

    user_id: int
    now_ms: int
    progress: Progress | None = None
    events: tuple[Event, ...] = ()
    locale: str | None = None
    """A locale the user chose; stored and preferred over Telegram's language_code."""
    active_scenario: str | Keep | None = KEEP
    blocked: bool | None = None
    pressed_message: int | None = None
    reminders: str | None = None
    reviews: bool | None = None


@dataclass(frozen=True)
class Job:
    """A message the learning loop owes a learner later (`bot.service.loop`): at most one
    per user, kind and scenario ("" for a user's reviews), done once, in the user's unit."""

    user_id: int
    kind: str
    """"reminder", "review" or "followup"."""
    scenario: str
    run: int
    due_ms: int
    id: int = 0


@dataclass(frozen=True)
class DueJob:
    """A job claimed by a scheduler, with the user it is for."""

    id: int
    external_id: str
    due_ms: int


@dataclass(frozen=True)
class Claim:
    """A sender's hold on one chat's outbox rows: nobody else sends to that chat until the
    rows are done or `lease_ms` passes (the sender died). `pace`: the sending limits slots
    are reserved under; None sends at once."""

    token: str
    lease_ms: int
    pace: Pace | None = None
    at_ms: int = 0
    """The sender's wall clock when it took the claim (its lease runs from about then)."""


@dataclass(frozen=True)
class Outgoing:
    """One outbox row, claimed: a message to send at `send_at_ms`, no earlier."""

    id: int
    chat_id: int
    body: str
    """What the transport's sender sends (`bot.botapi.envelope`), never typed text."""
    send_at_ms: int
    later: bool = False
    """The chat's limit holds it back: its slot in the bot's budget is taken when it is due
    (`Storage.reserve_bot`)."""


class Unit(Protocol):
    """One input's unit of work: every read and write between `Storage.unit()` entering and
    leaving is one transaction, holding the user's lock. Leaving by an exception writes
    nothing."""

    async def claim(self, update_id: int, now_ms: int) -> bool:
        """Record a transport's update id; False if it was processed before (then the
        caller must change nothing: a redelivery)."""

    async def find_user(self, external_id: str) -> User | None: ...

    async def user(self, external_id: str, locale: str, now_ms: int) -> User:
        """The user with this external id, created with `locale` on first sight."""

    async def progress(self, user_id: int, scenario: str) -> Progress: ...

    async def all_progress(self, user_id: int) -> dict[str, Progress]: ...

    async def apply(self, change: Change) -> None:
        """Write progress, events (and the analytics rows derived from them), user fields."""

    async def forget(self, user: User) -> None:
        """Delete the user and their progress. Events stay, under a number nothing links to
        the external id any more, so statistics keep their totals."""

    async def record_failed(
        self, update_id: int, kind: str, error: str, attempts: int, now_ms: int
    ) -> None:
        """An update given up on: its id, kind and error class, never its content (claim
        its id in the same unit, so a redelivery is skipped)."""

    async def post(
        self, chat_id: int, bodies: list[str], now_ms: int, claim: Claim
    ) -> tuple[Outgoing, ...]:
        """Queue messages to a chat in this unit's transaction (the durable outbox) and claim
        the chat's queued rows for `claim`, in order, with their send slots; () when another
        sender holds the chat (it sends these after its own)."""

    async def schedule(self, job: Job) -> None:
        """Create the user's job of this kind and scenario, or move it to `job.due_ms`."""

    async def cancel(
        self, user_id: int, kind: str | None = None, scenario: str | None = None
    ) -> None:
        """Drop the user's jobs (of a kind; of a scenario)."""

    async def take_job(self, job_id: int) -> Job | None:
        """Delete a job and return it: only one unit ever gets it (None: done or cancelled
        meanwhile)."""

    async def cards(self, user_id: int) -> list[str]:
        """The user's review cards, as stored (`ReviewCard.to_json`, serialised)."""

    async def save_card(self, user_id: int, scenario: str, step: str, card: str) -> None: ...

    async def drop_cards(
        self, user_id: int, scenario: str | None = None, step: str | None = None
    ) -> None: ...

    async def unpace(self, chat_id: int) -> None:
        """Forget a chat's pacing state (it holds the chat's id): after /forget."""


class Storage(Protocol):
    def unit(self, lock_key: str) -> AbstractAsyncContextManager[Unit]:
        """A unit of work, serialised with every other unit on the same `lock_key` (the
        user's external id) across processes where the backend allows several."""

    def batch(self) -> AbstractAsyncContextManager[None]:
        """Many units in one transaction, all or nothing (the simulator's bulk writes);
        analytics rows are written once at the end."""

    async def tallies(self, filters: Filters, cutoff_ms: int) -> Tallies:
        """The sums behind every figure (`bot.analytics.metrics.compute`)."""

    def export(self, kind: ExportKind, filters: Filters) -> AsyncIterator[tuple[Any, ...]]:
        """Raw rows for `bot.analytics.export.records`, streamed in a stable order."""

    async def scenarios_seen(self) -> set[str]:
        """Every scenario id with recorded runs, including ones no longer in the library."""

    async def users_by_source(self) -> dict[str, int]:
        """How many users each source has ("telegram", "terminal", "simulated", ...)."""

    async def events(self, user_id: int | None = None) -> list[dict[str, Any]]:
        """Raw events in the order they were written (tests, debugging)."""

    async def rebuild_analytics(self) -> int:
        """Recompute every derived table from the events; returns how many were read."""

    async def migrate(self) -> list[str]:
        """Apply pending schema migrations; returns their names."""

    async def forget_processed_before(self, before_ms: int) -> int:
        """Drop processed update ids older than `before_ms`: Telegram keeps an update for 24
        hours at most, and after a week without updates restarts its ids at a random number
        that may be one processed long ago."""

    def dump(self, table: str) -> AsyncIterator[list[tuple[Any, ...]]]:
        """The rows of one of `bot.storage.sql.COPIED`'s tables, in chunks (`db copy`)."""

    async def restore(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Insert copied rows as they are, ids included (`db copy`, into an empty target)."""

    async def restored(self) -> None:
        """After a copy: new ids continue above the copied ones; derived rows rebuilt."""

    async def claim_chat(self, chat_id: int, claim: Claim, now_ms: int) -> tuple[Outgoing, ...]:
        """Claim a chat's queued rows, oldest first, with their send slots; () when there
        are none or another live claim holds the chat."""

    async def claim_jobs(
        self, token: str, now_ms: int, lease_ms: int, limit: int, *, prefix: str
    ) -> list[DueJob]:
        """Due jobs nobody else is running, of users whose external id starts with `prefix`
        (each transport runs its own users' jobs), claimed for `lease_ms`."""

    async def next_job_ms(self) -> int | None:
        """When the earliest job is due (the scheduler sleeps until then, or its tick)."""

    async def waiting_chats(self, now_ms: int, limit: int) -> list[int]:
        """Chats with queued rows nobody holds (never sent, or their sender's lease ran out:
        it died between commit and send)."""

    async def sent(self, ids: list[int]) -> None:
        """Rows done with (sent, or given up on): deleted."""

    async def sent_then_claim(
        self, ids: list[int], chat_id: int, claim: Claim, now_ms: int
    ) -> tuple[Outgoing, ...]:
        """`sent(ids)`, then `claim_chat` for what the chat queued meanwhile, in one
        transaction: a sender's last row of a batch costs one commit, not two."""

    async def extend(self, token: str, until_ms: int) -> bool:
        """Renew a claim's lease while its sender still works; False when the claim holds
        nothing any more (its lease ran out and another sender took the rows)."""

    async def reserve_bot(self, now_ms: int, pace: Pace) -> int:
        """A slot in the bot's budget for one message due now (`Outgoing.later`)."""

    async def pause(self, chat_id: int, until_ms: int, pace: Pace, *, whole_bot: bool) -> None:
        """Telegram answered 429: no instance sends to this chat (or at all, `whole_bot`)
        before `until_ms`."""

    async def tidy_pace(self, before_ms: int) -> int:
        """Drop chats' pacing rows that no longer hold anything back (their slot is past):
        they carry chat ids."""

    async def close(self) -> None: ...
