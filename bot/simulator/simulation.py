"""Synthetic learners pressing buttons through the conversation service, into real storage.

Each simulated user has a persona (docs/analytics.md) and acts at realistic moments spread
over the period: they read what the service showed them and press one of its buttons, type,
or leave, exactly as a chat user would. Inputs from all users are applied in time order, as
a bot would receive them, many units of work per transaction (`Storage.batch`). What gets
recorded is what a bot records: a learner who blocks the bot on leaving is recorded at that
moment, as Telegram's my_chat_member update reports it.
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

from bot.core import actions
from bot.core.loader import Library
from bot.core.model import ChoiceStep, EndStep, QuestionStep, TextStep
from bot.core.replies import Reply
from bot.core.scenario import Scenario
from bot.service import BotBlocked, Conversation, Press, Response, Typed, UserInput, Who

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
    """One simulated user: who they are, what they see, what they will do next, and when."""

    who: Who
    persona: Persona
    locale: str
    plan: list[str]
    rng: random.Random
    current: str | None = None
    screen: Reply | None = None
    """The last message with a step's buttons: what the learner can press."""
    rating: bool = False
    """`screen` is the end of a scenario, offering the rating."""
    wrong_here: int = 0
    helped_here: int = 0
    typed_here: bool = False
    switched: bool = False
    returned: bool = False
    resuming: bool = False
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
    clock_ms: int = 0
    """The simulated time reached so far."""
    personas: dict[str, int] = field(default_factory=dict)


class Simulation:
    """Runs the learners in time order up to `end_ms`."""

    def __init__(
        self,
        library: Library,
        service: Conversation,
        *,
        users: int,
        days: float,
        seed: int,
        end_ms: int,
        scenarios: tuple[str, ...] = (),
    ) -> None:
        self.library = library
        self.service = service
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
        for index in range(self.users):
            rng = random.Random(self.rng.getrandbits(64))
            persona = rng.choices(personas, weights)[0]
            locale = "ru" if rng.random() < 0.58 else "en"
            at = self._moment(self.start_ms, self.end_ms - self.start_ms)
            k = min(len(self.scenario_ids), 1 + int(rng.expovariate(0.8)))
            plan = rng.sample(self.scenario_ids, k)
            learner = Learner(Who(f"sim:{index}", locale), persona, locale, plan, rng)
            self.summary.personas[persona] = self.summary.personas.get(persona, 0) + 1
            self._schedule(learner, at)
        self.summary.users = self.users

    def _schedule(self, learner: Learner, at: int) -> None:
        if at >= self.end_ms:
            learner.done = True
            return
        heapq.heappush(self.queue, (at, next(self.order), learner))

    # -- running --------------------------------------------------------------------------

    async def run(self, tick: Callable[[Summary], None] | None = None) -> Summary:
        self.populate()
        while self.queue:
            async with self.service.storage.batch():
                for _ in range(BATCH):
                    if not self.queue:
                        break
                    at, _, learner = heapq.heappop(self.queue)
                    self.summary.clock_ms = at
                    await self._act(learner, at)
            if tick is not None:
                tick(self.summary)
        return self.summary

    async def _send(self, learner: Learner, inp: UserInput, at: int) -> Response:
        response = await self.service.handle(learner.who, inp, now_ms=at)
        self.summary.inputs += 1
        for reply in response.replies:
            if reply.step is not None:
                learner.screen, learner.rating = reply, _rating(reply)
            elif _rating(reply):
                learner.screen, learner.rating = reply, True
        return response

    async def _act(self, learner: Learner, at: int) -> None:
        if learner.current is None:
            if not learner.plan:
                learner.done = True
                return
            learner.current = learner.plan.pop(0)
            learner.wrong_here = learner.helped_here = 0
            learner.typed_here = False
            inp: UserInput = Press(actions.Open(learner.current))
        elif learner.resuming:
            learner.resuming = False
            inp = Press(actions.Open(learner.current))
        else:
            scenario = self._scenario(learner)
            if learner.rating:
                await self._finish(learner, scenario, at)
                return
            decision = self._decide(learner, scenario, at)
            if isinstance(decision, Leave):
                learner.done = True
                if decision.block:
                    await self._send(
                        learner, BotBlocked(), at + learner.rng.randint(5, 600) * 1000
                    )
                return
            if isinstance(decision, Pause):
                learner.resuming = True
                self._schedule(learner, decision.until)
                return
            inp = decision
        before = _step_of(learner.screen)
        await self._send(learner, inp, at)
        if _step_of(learner.screen) != before:
            learner.wrong_here = learner.helped_here = 0
            learner.typed_here = False
        self._schedule(learner, at + self._think(learner, self._scenario(learner)))

    async def _finish(self, learner: Learner, scenario: Scenario, at: int) -> None:
        """Rate (most do), then the next topic of the plan, minutes to days later."""
        if learner.rng.random() < 0.7:
            score = self._score(learner)
            await self._send(
                learner, Press(actions.Rate(scenario.id, scenario.version, score)), at
            )
        learner.current = None
        learner.screen, learner.rating = None, False
        gap = int(learner.rng.expovariate(1 / (2 * DAY_MS)))
        self._schedule(learner, self._moment(at + 60_000, max(gap, 60_000)))

    def _scenario(self, learner: Learner) -> Scenario:
        assert learner.current is not None
        return self.library.scenarios[learner.current]

    def _think(self, learner: Learner, scenario: Scenario) -> int:
        """Lognormal reading and thinking time before the next input, median about 9 s,
        longer at hard steps and for text answers."""
        step_id = _step_of(learner.screen)
        if step_id is None or learner.rating or step_id not in scenario.steps:
            factor = 0.8
        else:
            traits = self.traits[scenario.id]
            confused = learner.persona is Persona.CONFUSED and step_id in traits.hard
            factor = 1.0 + 2.5 * traits.difficulty.get(step_id, 0.1) + 1.5 * confused
            if isinstance(scenario.steps[step_id], TextStep):
                factor *= 3
        return int(1000 * factor * math.exp(learner.rng.gauss(math.log(9), 0.6))) + 800

    def _score(self, learner: Learner) -> int:
        if learner.persona is Persona.CONFUSED:
            return learner.rng.choices((2, 3, 4, 5), (2, 4, 3, 1))[0]
        return learner.rng.choices((3, 4, 5), (1, 3, 6))[0]

    # -- what a persona does at a step ----------------------------------------------------

    def _decide(self, learner: Learner, scenario: Scenario, at: int) -> UserInput | Leave | Pause:
        rng = learner.rng
        traits = self.traits[scenario.id]
        step_id = _step_of(learner.screen)
        if step_id is None or step_id not in scenario.steps:
            return Press(actions.Open(scenario.id))  # lost: open the topic again
        step = scenario.steps[step_id]
        version = scenario.version
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
            learner.locale = "en" if learner.locale == "ru" else "ru"
            return Press(actions.Language(learner.locale))
        if rng.random() < 0.004:
            return Press(actions.Restart(scenario.id))
        confused = persona is Persona.CONFUSED and step.id in traits.hard
        typed_p = 0.25 if confused else difficulty * 0.08
        button_step = not isinstance(step, TextStep | EndStep)
        if button_step and not learner.typed_here and rng.random() < typed_p:
            learner.typed_here = True
            return Typed(rng.randint(2, 60))
        help_p = (0.5 if confused else difficulty * 0.5) / (1 + 2 * learner.helped_here)
        help_button = actions.Help(scenario.id, version, step.id)
        helpable = isinstance(step, QuestionStep | TextStep) and _offers(
            learner.screen, help_button
        )
        if helpable and rng.random() < help_p:
            learner.helped_here += 1
            return Press(help_button)
        match step:
            case QuestionStep():
                wrong_p = (0.7 if confused else 0.7 * difficulty) / (1 + 1.5 * learner.wrong_here)
                wrong = [o.id for o in step.options if not o.correct]
                pick = next(o.id for o in step.options if o.correct)
                if wrong and rng.random() < min(0.9, wrong_p):
                    lure = traits.lure.get(step.id)
                    pick = lure if lure and rng.random() < 0.6 else rng.choice(wrong)
                    learner.wrong_here += 1
                return Press(actions.Answer(scenario.id, version, step.id, pick))
            case ChoiceStep():
                last = len(step.options) - 1
                weights = [0.6 if i == last else 0.4 for i in range(last + 1)]
                option = rng.choices(step.options, weights)[0].id
                return Press(actions.Answer(scenario.id, version, step.id, option))
            case TextStep():
                low = step.min_length
                length = (
                    rng.randint(1, low - 1) if rng.random() < 0.15 else rng.randint(low, 6 * low)
                )
                return Typed(max(1, length))
        return Press(actions.Next(scenario.id, version, step.id))


def _step_of(screen: Reply | None) -> str | None:
    return screen.step if screen is not None else None


def _rating(screen: Reply) -> bool:
    """The end of a scenario: its message offers the rating."""
    return any(isinstance(b.action, actions.Rate) for row in screen.buttons for b in row)


def _offers(screen: Reply | None, action: actions.Action) -> bool:
    return screen is not None and any(b.action == action for row in screen.buttons for b in row)


async def simulate(
    library: Library,
    service: Conversation,
    *,
    users: int,
    days: float = 30,
    seed: int = 1,
    end_ms: int,
    scenarios: tuple[str, ...] = (),
    tick: Callable[[Summary], None] | None = None,
) -> Summary:
    """Simulate `users` learners over the `days` before `end_ms`; returns what was done."""
    simulation = Simulation(
        library, service, users=users, days=days, seed=seed, end_ms=end_ms, scenarios=scenarios
    )
    return await simulation.run(tick)
