"""The learning loop inside one input's unit of work: what to schedule after a scenario
moved, and what a due job sends. Jobs are written in the same transaction as the input
that caused them; a due job is taken (deleted) by exactly one unit, which writes its
message to the outbox in the same commit, so it is sent at most once and never lost.

- Come back: one reminder `remind_after` after the learner's last move in a run still
  active; the first one also asks whether they want such reminders at all.
- Remember: a question answered wrong first, or right but "guessing", gets an FSRS card;
  reviews go out when cards are due (`bot.core.review`).
- Do it for real: a scenario's follow-up, `after_days` after a completed run.
Nothing is sent outside the deployment's window (quiet hours), to a user who blocked the
bot, or after /forget (their jobs go with them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from bot.config import Config
from bot.core import actions, events, followup, keys, review
from bot.core.engine import Result
from bot.core.learning import Confidence
from bot.core.loader import Library
from bot.core.progress import Status
from bot.core.replies import Button, Reply, Text
from bot.core.review import Recall, ReviewCard
from bot.core.window import ALWAYS, Window
from bot.storage.port import Change, Job, Unit, User

HOUR_MS = 3_600_000
REMINDER, REVIEW, FOLLOWUP = "reminder", "review", "followup"


@dataclass(frozen=True)
class LoopSettings:
    remind_after_ms: int = 20 * HOUR_MS
    window: Window = ALWAYS
    reminders: bool = True
    reviews: bool = True
    followups: bool = True


def settings_for(config: Config) -> LoopSettings:
    return LoopSettings(
        remind_after_ms=int(config.reminder_after_hours * HOUR_MS),
        window=Window.parse(config.send_window, config.time_zone),
        reminders=config.reminders,
        reviews=config.reviews,
        followups=config.followups,
    )


def recall(fact: events.AnswerGiven) -> Recall:
    """A first answer, as the review model reads it."""
    assert fact.correct is not None
    confidence = Confidence(fact.confidence) if fact.confidence else None
    return Recall(fact.at_ms, fact.correct, confidence)


class Loop:
    """One input's view of the learning loop for one user, inside its unit."""

    def __init__(
        self, settings: LoopSettings, library: Library, unit: Unit, user: User, now_ms: int
    ) -> None:
        self.settings = settings
        self.library = library
        self.unit = unit
        self.user = user
        self.now = now_ms

    # -- after a scenario moved -----------------------------------------------------------

    async def after_run(self, scenario_id: str, result: Result) -> None:
        progress = result.progress
        if progress.status is Status.ACTIVE and self.wants_reminders():
            job = Job(
                self.user.id, REMINDER, "", progress.run, self.now + self.settings.remind_after_ms
            )
            await self.unit.schedule(job)
        for fact in result.events:
            if isinstance(fact, events.RunCompleted):
                await self.unit.cancel(self.user.id, REMINDER)
                await self.schedule_followup(scenario_id, fact.run)
        if self.settings.reviews and self.user.reviews:
            await self.enter_reviews(result.events)

    def wants_reminders(self) -> bool:
        return self.settings.reminders and self.user.reminders in (None, "on")

    async def schedule_followup(self, scenario_id: str, run: int) -> None:
        scenario = self.library.scenarios.get(scenario_id)
        due = followup.due_at_ms(scenario, self.now) if scenario is not None else None
        if due is not None and self.settings.followups:
            await self.unit.schedule(Job(self.user.id, FOLLOWUP, scenario_id, run, due))

    async def enter_reviews(self, facts: tuple[events.Event, ...]) -> None:
        """Cards for the questions answered wrong first, or guessed. The stored cards are
        read only when there is one: most inputs answer nothing, or answer right."""
        entering = [
            card
            for fact in facts
            if isinstance(fact, events.AnswerGiven)
            and fact.attempt == 1
            and fact.step is not None
            and fact.correct is not None
            and (card := review.enter(fact.scenario, fact.step, fact.run, recall(fact)))
        ]
        if not entering:
            return
        cards = await self.cards()
        known = {(c.scenario, c.step) for c in cards}
        fresh = {(c.scenario, c.step): c for c in entering if (c.scenario, c.step) not in known}
        new = list(fresh.values())
        for card in new:
            await self.save(card)
        if new:
            await self.schedule_review(cards + new)

    async def record(self, facts: tuple[events.Event, ...]) -> None:
        if facts:
            await self.unit.apply(Change(user_id=self.user.id, now_ms=self.now, events=facts))

    # -- cards ----------------------------------------------------------------------------

    async def cards(self) -> list[ReviewCard]:
        return [ReviewCard.from_json(json.loads(c)) for c in await self.unit.cards(self.user.id)]

    async def save(self, card: ReviewCard) -> None:
        body = json.dumps(card.to_json(), separators=(",", ":"))
        await self.unit.save_card(self.user.id, card.scenario, card.step, body)

    async def schedule_review(self, cards: list[ReviewCard]) -> None:
        """The next review, for the next card to fall due. Cards already due are in a review
        message waiting for its answer: they come back with the next review, never alone."""
        due = review.next_due_ms(c for c in cards if c.due_ms > self.now)
        if due is None:
            await self.unit.cancel(self.user.id, REVIEW)
        else:
            await self.unit.schedule(Job(self.user.id, REVIEW, "", 0, due))

    # -- buttons ----------------------------------------------------------------------------

    async def answer_review(self, pressed: actions.ReviewAnswer, locale: str) -> tuple[Reply, ...]:
        cards = await self.cards()
        card = next(
            (c for c in cards if (c.scenario, c.step) == (pressed.scenario, pressed.step)), None
        )
        if card is None:
            return (Reply(parts=(Text("review-already-answered"),)),)
        scenario = self.library.scenarios.get(card.scenario)
        result = review.answer(scenario, card, pressed, locale, self.now)
        if result.card is None:
            await self.unit.drop_cards(self.user.id, card.scenario, card.step)
            cards.remove(card)
        elif result.card != card:
            await self.save(result.card)
            cards[cards.index(card)] = result.card
        await self.record(result.events)
        await self.schedule_review(cards)
        return result.replies

    async def stop_reviews(self) -> tuple[Reply, ...]:
        await self.unit.drop_cards(self.user.id)
        await self.unit.cancel(self.user.id, REVIEW)
        await self.unit.apply(Change(user_id=self.user.id, now_ms=self.now, reviews=False))
        return (Reply(parts=(Text("reviews-stopped"),)),)

    async def answer_followup(
        self, pressed: actions.FollowupAnswer | actions.FollowupProblem, locale: str
    ) -> tuple[Reply, ...]:
        scenario = self.library.scenarios.get(pressed.scenario)
        if scenario is None:
            return (Reply(parts=(Text("scenario-removed"),)),)
        result = followup.respond(scenario, pressed, locale, self.now)
        await self.record(result.events)
        return result.replies

    async def set_reminders(self, on: bool) -> tuple[Reply, ...]:
        await self.unit.apply(
            Change(user_id=self.user.id, now_ms=self.now, reminders="on" if on else "off")
        )
        if not on:
            await self.unit.cancel(self.user.id, REMINDER)
        return (Reply(parts=(Text("reminders-on" if on else "reminders-off"),)),)

    # -- a job falls due --------------------------------------------------------------------

    async def run_job(self, job_id: int, locale: str) -> tuple[Reply, ...]:
        job = await self.unit.take_job(job_id)
        if job is None or self.user.blocked:
            return ()
        opens = self.settings.window.next_open_ms(self.now)
        if opens > self.now:  # quiet hours: the same job, when the window opens
            await self.unit.schedule(replace(job, due_ms=opens))
            return ()
        if job.kind == REMINDER:
            return await self.remind(locale)
        if job.kind == REVIEW:
            return await self.send_review(job, locale)
        if job.kind == FOLLOWUP:
            return await self.ask_followup(job, locale)
        return ()

    async def remind(self, locale: str) -> tuple[Reply, ...]:
        active = self.user.active_scenario
        scenario = self.library.scenarios.get(active) if active else None
        if scenario is None or not self.wants_reminders():
            return ()
        progress = await self.unit.progress(self.user.id, scenario.id)
        step = progress.step
        if progress.status is not Status.ACTIVE or step is None or step not in scenario.steps:
            return ()
        k, n = scenario.position(step, progress.shown)
        title = Text(keys.TITLE, catalogue=scenario.id)
        rows: list[tuple[Button, ...]] = [
            (Button(Text("button-continue"), actions.Open(scenario.id)),)
        ]
        change = Change(user_id=self.user.id, now_ms=self.now)
        if self.user.reminders is None:  # asked once, at the first drop
            rows.append(
                (
                    Button(Text("button-reminders-yes"), actions.Reminders(True)),
                    Button(Text("button-reminders-no"), actions.Reminders(False)),
                )
            )
            change = replace(change, reminders="asked")
        key = "reminder-first" if self.user.reminders is None else "reminder"
        fact = events.ReminderSent(
            scenario=scenario.id,
            version=progress.version,
            run=progress.run,
            step=progress.step,
            locale=locale,
            at_ms=self.now,
            shown=k,
            total=n,
        )
        await self.unit.apply(replace(change, events=(fact,)))
        text = Text(key, args={"title": title, "current": k, "total": n})
        return (Reply(parts=(text,), buttons=tuple(rows)),)

    async def send_review(self, job: Job, locale: str) -> tuple[Reply, ...]:
        if not (self.settings.reviews and self.user.reviews):
            return ()
        cards = await self.cards()
        chosen = review.due(cards, self.now, self.library.scenarios)
        if not chosen:
            await self.schedule_review(cards)
            return ()
        scenario = self.library.scenarios[chosen[0].scenario]
        facts = tuple(
            events.ReviewSent(
                scenario=scenario.id,
                version=scenario.version,
                run=card.run,
                step=card.step,
                locale=locale,
                at_ms=self.now,
                review=card.reviews + 1,
            )
            for card in chosen
        )
        await self.record(facts)
        await self.schedule_review(cards)
        return review.message(scenario, chosen, seed=job.id)

    async def ask_followup(self, job: Job, locale: str) -> tuple[Reply, ...]:
        scenario = self.library.scenarios.get(job.scenario)
        if scenario is None or not self.settings.followups:
            return ()
        result = followup.ask(scenario, job.run, locale, self.now)
        await self.record(result.events)
        return result.replies
