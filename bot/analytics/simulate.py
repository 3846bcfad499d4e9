"""Synthetic learners driving the real engine into a real database, for reports and benchmarks.

Each simulated user has a persona (docs/analytics.md) and acts at realistic moments spread
over the period. Inputs from all users are applied in time order, as a bot would receive them,
through `engine.step` and `Store.commit`, many commits per transaction (`Store.batch`).
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from bot.core import engine, events
from bot.core.loader import Library
from bot.core.model import ChoiceStep, EndStep, QuestionStep, TextStep
from bot.core.progress import (
    Advance,
    AskHelp,
    ChangeLanguage,
    Choose,
    FreeText,
    Input,
    Progress,
    Rate,
    Restart,
    Start,
    Status,
)
from bot.core.scenario import Scenario
from bot.storage.store import Commit, Store

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
BATCH = 2_000
"""Inputs per transaction: large enough to amortise the commit, small enough to show progress."""


class Persona(StrEnum):
    DILIGENT = "diligent"
    CONFUSED = "confused"
    QUITTER = "quitter"
    SWITCHER = "switcher"
    RETURNER = "returner"


PERSONAS: tuple[tuple[Persona, float], ...] = (
    (Persona.DILIGENT, 0.40),
    (Persona.CONFUSED, 0.25),
    (Persona.QUITTER, 0.15),
    (Persona.SWITCHER, 0.08),
    (Persona.RETURNER, 0.12),
)


@dataclass(frozen=True)
class Traits:
    """Per scenario, fixed by the seed: which steps confuse people and where quitters leave."""

    hard: frozenset[str]
    quit_at: tuple[str, ...]
    lure: dict[str, str]
    """Per question, the wrong option that attracts most wrong answers."""
    difficulty: dict[str, float]


def traits(scenario: Scenario, seed: int) -> Traits:
    rng = random.Random(_stable(f"{seed}:{scenario.id}"))
    questions = [s for s in scenario.spec.steps if isinstance(s, QuestionStep)]
    middle = [s.id for s in scenario.spec.steps if not isinstance(s, EndStep)][1:]
    hard = frozenset(s.id for s in rng.sample(questions, min(2, len(questions))))
    quit_at = tuple(rng.sample(middle, min(2, len(middle))))
    lure = {}
    for q in questions:
        wrong = [o.id for o in q.options if not o.correct]
        if wrong:
            lure[q.id] = rng.choice(wrong)
    difficulty = {s.id: rng.uniform(0.03, 0.2) for s in scenario.spec.steps}
    for sid in hard:
        difficulty[sid] = rng.uniform(0.35, 0.55)
    return Traits(hard, quit_at, lure, difficulty)


def _stable(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


@dataclass
class Learner:
    """One simulated user: who they are, what they will do next, and when."""

    user_id: int
    persona: Persona
    locale: str
    plan: list[str]
    rng: random.Random
    progress: dict[str, Progress] = field(default_factory=dict)
    current: str | None = None
    wrong_here: int = 0
    helped_here: int = 0
    typed_here: bool = False
    switched: bool = False
    returned: bool = False
    resuming: bool = False
    blocking: bool = False
    done: bool = False


@dataclass(frozen=True)
class Leave:
    """Stop for good here; some block the bot on the way out."""

    block: bool


@dataclass(frozen=True)
class Pause:
    """Leave, and come back to the same run at `until`."""

    until: int


@dataclass
class Summary:
    users: int = 0
    inputs: int = 0
    events: int = 0
    clock_ms: int = 0
    """The simulated time reached so far."""
    personas: dict[str, int] = field(default_factory=dict)


class Simulation:
    """Runs the learners in time order up to `end_ms`."""

    def __init__(
        self,
        library: Library,
        store: Store,
        *,
        users: int,
        days: float,
        seed: int,
        end_ms: int,
        scenarios: tuple[str, ...] = (),
    ) -> None:
        self.library = library
        self.store = store
        self.rng = random.Random(seed)
        self.users = users
        self.start_ms = end_ms - int(days * DAY_MS)
        self.end_ms = end_ms
        self.scenario_ids = scenarios or tuple(sorted(library.scenarios))
        self.traits = {sid: traits(library.scenarios[sid], seed) for sid in self.scenario_ids}
        self.queue: list[tuple[int, int, Learner]] = []
        self.order = itertools.count()
        self.summary = Summary()

    # -- setting up -----------------------------------------------------------------------

    def _moment(self, after: int, spread_ms: int) -> int:
        """A realistic moment: uniform over the span, but mostly in waking hours."""
        for _ in range(8):
            at = after + int(self.rng.random() * spread_ms)
            hour = (at // HOUR_MS) % 24
            if 7 <= hour <= 22 or self.rng.random() < 0.15:
                return at
        return at

    def populate(self) -> None:
        personas, weights = zip(*PERSONAS, strict=True)
        with self.store.batch():
            for index in range(self.users):
                rng = random.Random(self.rng.getrandbits(64))
                persona = rng.choices(personas, weights)[0]
                locale = "ru" if rng.random() < 0.58 else "en"
                at = self._moment(self.start_ms, self.end_ms - self.start_ms)
                user = self.store.user(f"sim:{index}", locale, at)
                k = min(len(self.scenario_ids), 1 + int(rng.expovariate(0.8)))
                plan = rng.sample(self.scenario_ids, k)
                learner = Learner(user.id, persona, locale, plan, rng)
                self.summary.personas[persona] = self.summary.personas.get(persona, 0) + 1
                self._schedule(learner, at)
        self.summary.users = self.users

    def _schedule(self, learner: Learner, at: int) -> None:
        if at >= self.end_ms:
            learner.done = True
            return
        heapq.heappush(self.queue, (at, next(self.order), learner))

    # -- running --------------------------------------------------------------------------

    def run(self, tick: Callable[[Summary], None] | None = None) -> Summary:
        self.populate()
        while self.queue:
            with self.store.batch():
                for _ in range(BATCH):
                    if not self.queue:
                        break
                    at, _, learner = heapq.heappop(self.queue)
                    self.summary.clock_ms = at
                    self._act(learner, at)
            if tick is not None:
                tick(self.summary)
        return self.summary

    def _apply(self, learner: Learner, scenario: Scenario, inp: Input) -> engine.Result:
        progress = learner.progress.get(scenario.id, Progress(scenario.id))
        result = engine.step(scenario, progress, inp)
        learner.progress[scenario.id] = result.progress
        locale = inp.locale if isinstance(inp, ChangeLanguage) else None
        self.store.commit(
            Commit(
                user_id=learner.user_id,
                now_ms=inp.now_ms,
                progress=result.progress,
                events=result.events,
                locale=locale,
                active_scenario=scenario.id,
            )
        )
        self.summary.inputs += 1
        self.summary.events += len(result.events)
        return result

    def _act(self, learner: Learner, at: int) -> None:
        if learner.blocking:
            self._block(learner, at)
            return
        if learner.current is None:
            if not learner.plan:
                learner.done = True
                return
            learner.current = learner.plan.pop(0)
            learner.wrong_here = learner.helped_here = 0
            learner.typed_here = False
            inp: Input = Start(locale=learner.locale, now_ms=at)
        elif learner.resuming:
            learner.resuming = False
            inp = Start(locale=learner.locale, now_ms=at)
        else:
            scenario = self._scenario(learner)
            progress = learner.progress[scenario.id]
            if progress.status is Status.COMPLETED:
                self._finish(learner, scenario, at)
                return
            decision = self._decide(learner, scenario, progress, at)
            if isinstance(decision, Leave):
                learner.blocking = decision.block
                if decision.block:
                    self._schedule(learner, at + learner.rng.randint(HOUR_MS, 30 * HOUR_MS))
                else:
                    learner.done = True
                return
            if isinstance(decision, Pause):
                learner.resuming = True
                self._schedule(learner, decision.until)
                return
            inp = decision
        scenario = self._scenario(learner)
        before = learner.progress.get(scenario.id, Progress(scenario.id))
        result = self._apply(learner, scenario, inp)
        if result.progress.step != before.step or result.progress.run != before.run:
            learner.wrong_here = learner.helped_here = 0
            learner.typed_here = False
        self._schedule(learner, at + self._think(learner, scenario, result.progress))

    def _finish(self, learner: Learner, scenario: Scenario, at: int) -> None:
        """Rate (most do), then the next topic of the plan, minutes to days later."""
        if learner.rng.random() < 0.7:
            score = self._score(learner)
            rating = Rate(score=score, version=scenario.version, locale=learner.locale, now_ms=at)
            self._apply(learner, scenario, rating)
        learner.current = None
        gap = int(learner.rng.expovariate(1 / (2 * DAY_MS)))
        self._schedule(learner, self._moment(at + 60_000, max(gap, 60_000)))

    def _scenario(self, learner: Learner) -> Scenario:
        assert learner.current is not None
        return self.library.scenarios[learner.current]

    def _think(self, learner: Learner, scenario: Scenario, progress: Progress) -> int:
        """Lognormal reading and thinking time before the next input, median about 9 s,
        longer at hard steps and for text answers."""
        if progress.status is not Status.ACTIVE or progress.step is None:
            factor = 0.8
        else:
            traits = self.traits[scenario.id]
            confused = learner.persona is Persona.CONFUSED and progress.step in traits.hard
            factor = 1.0 + 2.5 * traits.difficulty.get(progress.step, 0.1) + 1.5 * confused
            if isinstance(scenario.steps[progress.step], TextStep):
                factor *= 3
        return int(1000 * factor * math.exp(learner.rng.gauss(math.log(9), 0.6))) + 800

    def _score(self, learner: Learner) -> int:
        if learner.persona is Persona.CONFUSED:
            return learner.rng.choices((2, 3, 4, 5), (2, 4, 3, 1))[0]
        return learner.rng.choices((3, 4, 5), (1, 3, 6))[0]

    # -- what a persona does at a step ----------------------------------------------------

    def _decide(
        self, learner: Learner, scenario: Scenario, progress: Progress, at: int
    ) -> Input | Leave | Pause:
        rng = learner.rng
        traits = self.traits[scenario.id]
        assert progress.step is not None
        step = scenario.steps[progress.step]
        loc, version = learner.locale, scenario.version
        difficulty = traits.difficulty.get(step.id, 0.1)
        persona = learner.persona
        if persona is Persona.QUITTER and step.id in traits.quit_at and rng.random() < 0.7:
            return Leave(block=rng.random() < 0.2)
        if rng.random() < difficulty * 0.12 + 0.004:
            return Leave(block=False)  # anyone may simply leave, more often where it is hard
        if persona is Persona.RETURNER and not learner.returned and rng.random() < 0.15:
            learner.returned = True
            return Pause(at + int(rng.uniform(1.2, 5) * DAY_MS))
        if persona is Persona.SWITCHER and not learner.switched:
            learner.switched = True
            learner.locale = "en" if loc == "ru" else "ru"
            return ChangeLanguage(previous=loc, locale=learner.locale, now_ms=at)
        if rng.random() < 0.004:
            return Restart(locale=loc, now_ms=at)
        confused = persona is Persona.CONFUSED and step.id in traits.hard
        typed_p = 0.25 if confused else difficulty * 0.08
        button_step = not isinstance(step, TextStep | EndStep)
        if button_step and not learner.typed_here and rng.random() < typed_p:
            learner.typed_here = True
            return FreeText(length=rng.randint(2, 60), locale=loc, now_ms=at)
        help_p = (0.5 if confused else difficulty * 0.5) / (1 + 2 * learner.helped_here)
        if isinstance(step, QuestionStep | TextStep) and rng.random() < help_p:
            learner.helped_here += 1
            return AskHelp(step=step.id, version=version, locale=loc, now_ms=at)
        match step:
            case QuestionStep():
                wrong_p = (0.7 if confused else 0.7 * difficulty) / (1 + 1.5 * learner.wrong_here)
                wrong = [o.id for o in step.options if not o.correct]
                pick = next(o.id for o in step.options if o.correct)
                if wrong and rng.random() < min(0.9, wrong_p):
                    lure = traits.lure.get(step.id)
                    pick = lure if lure and rng.random() < 0.6 else rng.choice(wrong)
                    learner.wrong_here += 1
                return Choose(step=step.id, option=pick, version=version, locale=loc, now_ms=at)
            case ChoiceStep():
                last = len(step.options) - 1
                weights = [0.6 if i == last else 0.4 for i in range(last + 1)]
                option = rng.choices(step.options, weights)[0].id
                return Choose(step=step.id, option=option, version=version, locale=loc, now_ms=at)
            case TextStep():
                low = step.min_length
                length = (
                    rng.randint(1, low - 1) if rng.random() < 0.15 else rng.randint(low, 6 * low)
                )
                return FreeText(length=max(1, length), locale=loc, now_ms=at)
        return Advance(step=step.id, version=version, locale=loc, now_ms=at)

    def _block(self, learner: Learner, at: int) -> None:
        """What the transport records when a message to someone who blocked the bot fails."""
        learner.done = True
        scenario = self._scenario(learner)
        progress = learner.progress[scenario.id]
        blocked = events.BotBlocked(
            scenario=scenario.id,
            version=progress.version,
            run=progress.run,
            step=progress.step,
            locale=learner.locale,
            at_ms=at,
        )
        self.store.commit(
            Commit(user_id=learner.user_id, now_ms=at, events=(blocked,), blocked=True)
        )
        self.summary.events += 1


def simulate(
    library: Library,
    store: Store,
    *,
    users: int,
    days: float = 30,
    seed: int = 1,
    end_ms: int,
    scenarios: tuple[str, ...] = (),
    tick: Callable[[Summary], None] | None = None,
) -> Summary:
    """Simulate `users` learners over the `days` before `end_ms`; returns what was written."""
    simulation = Simulation(
        library, store, users=users, days=days, seed=seed, end_ms=end_ms, scenarios=scenarios
    )
    return simulation.run(tick)
