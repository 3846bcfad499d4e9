"""The conversation service: every flow a learner can take, over the storage port.

Each input is one unit of work: the update id is claimed, the user found (or created),
progress read, the engine run and everything committed in one transaction. Transports
(Telegram, terminal, studio, simulator) turn what happened into an input and show the
abstract replies; they decide nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from bot.core import actions, engine, events, keys
from bot.core.loader import Library
from bot.core.menu import menu, menu_button
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
    Reveal,
    Start,
    Status,
)
from bot.core.replies import Button, Reply, Text
from bot.i18n.negotiation import negotiate
from bot.service.inputs import (
    BotBlocked,
    BotUnblocked,
    Command,
    Due,
    InGroup,
    Nothing,
    Press,
    Typed,
    Unsupported,
    UserInput,
    Who,
)
from bot.service.loop import Loop, LoopSettings
from bot.service.mail import Mail
from bot.service.response import Response, merged
from bot.storage.port import Change, Storage, Unit, User

LOOP_OFF = LoopSettings(reminders=False, reviews=False, followups=False)


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


def to_input(action: actions.Action, locale: str, now_ms: int) -> tuple[str, Input] | None:
    """The one mapping from a pressed scenario button to the engine's input (and the
    scenario it is for); None for buttons that are not about a scenario step."""
    match action:
        case actions.Answer(scenario, version, step, option, confidence):
            inp: Input = Choose(
                step=step,
                option=option,
                version=version,
                confidence=confidence,
                locale=locale,
                now_ms=now_ms,
            )
        case actions.Next(scenario, version, step):
            inp = Advance(step=step, version=version, locale=locale, now_ms=now_ms)
        case actions.Help(scenario, version, step):
            inp = AskHelp(step=step, version=version, locale=locale, now_ms=now_ms)
        case actions.Reveal(scenario, version, step):
            inp = Reveal(step=step, version=version, locale=locale, now_ms=now_ms)
        case actions.Rate(scenario, version, score):
            inp = Rate(score=score, version=version, locale=locale, now_ms=now_ms)
        case actions.Open(scenario):
            inp = Start(locale=locale, now_ms=now_ms)
        case actions.Restart(scenario):
            inp = Restart(locale=locale, now_ms=now_ms)
        case _:
            return None
    return scenario, inp


class Conversation:
    """Transport-neutral and async; one instance serves every user. `library` may be
    swapped (a reload) between inputs."""

    def __init__(
        self,
        library: Library,
        storage: Storage,
        *,
        clock: Callable[[], int] | None = None,
        loop: LoopSettings = LOOP_OFF,
    ) -> None:
        """`clock`: the service's time in ms (the wall clock by default; tests move it).
        `loop`: what the learning loop schedules (reminders, reviews, follow-ups); off
        by default (the simulator, the studio), on for the bot from its settings."""
        self.library = library
        self.storage = storage
        self.clock = clock or wall_clock_ms
        self.loop = loop

    async def handle(
        self,
        who: Who,
        inp: UserInput,
        *,
        update_id: int | None = None,
        now_ms: int | None = None,
        mail: Mail | None = None,
    ) -> Response:
        """Apply one input exactly once (per `update_id`, when the transport has one). With
        `mail`, the replies are also queued in the outbox in the same transaction."""
        now = self.clock() if now_ms is None else now_ms
        async with self.storage.unit(who.external_id or f"update:{update_id}") as unit:
            if update_id is not None and not await unit.claim(update_id, now):
                return Response(duplicate=True)
            if who.external_id is None:
                return Response()
            if isinstance(inp, BotBlocked | Due):
                found = await unit.find_user(who.external_id)
                if found is None:
                    return Response()
                flow = _Flow(self.library, unit, found, now, self.loop)
                if isinstance(inp, BotBlocked):
                    await flow.blocked()
                    return flow.response()
                flow.replies.extend(await flow.loop.run_job(inp.job_id, found.locale))
            else:
                locale = negotiate(who.language_code, self.library.locales)
                user = await unit.user(who.external_id, locale, now)
                flow = _Flow(self.library, unit, user, now, self.loop)
                if user.blocked:
                    await unit.apply(Change(user_id=user.id, now_ms=now, blocked=False))
                await flow.dispatch(inp)
            response = flow.response()
            if mail is None or not response.replies:
                return response
            bodies = [mail.compose(reply, response.locale) for reply in response.replies]
            claim = mail.claim
            if flow.forgot:  # nothing may keep the chat's id: its pacing row goes too
                await unit.unpace(mail.chat_id)
                claim = replace(claim, pace=None)
            # The outbox's time is the wall clock at the claim (slots, leases), whatever
            # clock the service keeps.
            outgoing = await unit.post(mail.chat_id, bodies, wall_clock_ms(), claim)
            return replace(response, outgoing=outgoing)

    async def give_up(
        self, update_id: int, kind: str, error: str, attempts: int, *, now_ms: int | None = None
    ) -> bool:
        """Record a transport's update as given up on (its id, kind and error class; never
        its content), and as processed in the same unit, so a redelivery is skipped. False,
        recording nothing, when it was processed or given up on before."""
        now = self.clock() if now_ms is None else now_ms
        async with self.storage.unit(f"update:{update_id}") as unit:
            if not await unit.claim(update_id, now):
                return False
            await unit.record_failed(update_id, kind, error, attempts, now)
            return True

    async def locale_of(self, who: Who) -> str:
        """The language to address someone in: the one they use here, else their client's."""
        if who.external_id is not None:
            async with self.storage.unit(who.external_id) as unit:
                user = await unit.find_user(who.external_id)
            if user is not None:
                return user.locale
        return negotiate(who.language_code, self.library.locales)


class _Flow:
    """One input's flow for one user, inside its unit of work."""

    def __init__(
        self, library: Library, unit: Unit, user: User, now_ms: int, loop: LoopSettings
    ) -> None:
        self.library = library
        self.unit = unit
        self.user = user
        self.now = now_ms
        self.loop = Loop(loop, library, unit, user, now_ms)
        self.locale = user.locale
        self.replies: list[Reply] = []
        self.double_tap = False
        self.forgot = False
        self.pressed: int | None = None
        """A pressed message to remember, written with the input's first change."""

    def response(self) -> Response:
        return Response(
            tuple(self.replies), self.locale, user_key=self.user.key, double_tap=self.double_tap
        )

    def say(self, key: str, *buttons: tuple[Button, ...], **args: object) -> None:
        self.replies.append(Reply(parts=(Text(key, args=dict(args)),), buttons=buttons))

    async def dispatch(self, inp: UserInput) -> None:
        match inp:
            case Command(name):
                await self.command(name)
            case Press(action, message):
                if message is not None and message == self.user.pressed_message:
                    self.double_tap = True  # the first press was applied
                    return
                self.pressed = message
                await self.press(action)
                if self.pressed is not None:  # nothing else was written
                    await self.unit.apply(
                        Change(user_id=self.user.id, now_ms=self.now, pressed_message=message)
                    )
            case Typed(length):
                await self.typed(length)
            case Unsupported():
                self.unsupported()
            case InGroup(command):
                if command:
                    self.say("group-only-private")
            case BotUnblocked() | Nothing() | Due():
                pass

    # -- commands -------------------------------------------------------------------------

    async def command(self, name: str) -> None:
        match name:
            case "start":
                self.say("greeting")
                await self.topics()
            case "menu":
                await self.topics()
            case "continue":
                await self.resume()
            case "language":
                self.language_prompt()
            case "help":
                if self.user.active_scenario:
                    await self.run(
                        self.user.active_scenario, AskHelp(locale=self.locale, now_ms=self.now)
                    )
                else:
                    self.say("help-general")
            case "privacy":
                self.say("privacy")
            case "reminders":
                self.replies.extend(await self.loop.set_reminders(self.user.reminders != "on"))
            case "forget":
                self.say(
                    "forget-confirm",
                    (Button(Text("button-forget-yes"), actions.Forget(True)),),
                    (Button(Text("button-forget-no"), actions.Forget(False)),),
                )
            case _:
                self.say("unknown-command")

    async def topics(self) -> None:
        progress = await self.unit.all_progress(self.user.id)
        self.replies.append(menu(self.library.scenarios, progress))

    async def resume(self) -> None:
        active = self.user.active_scenario
        if active is not None:
            progress = await self.unit.progress(self.user.id, active)
            if progress.status is Status.ACTIVE:
                await self.run(active, Start(locale=self.locale, now_ms=self.now))
                return
        self.say("nothing-to-continue")
        await self.topics()

    def language_prompt(self) -> None:
        rows = tuple(
            (Button(Text(f"language-name-{code}"), actions.Language(code)),)
            for code in self.library.locales
        )
        self.say("language-prompt", *rows)

    # -- buttons, text, everything else ---------------------------------------------------

    async def press(self, action: actions.Action | None) -> None:
        if action is None:
            self.say("button-unknown")
            await self.topics()
            return
        mapped = to_input(action, self.locale, self.now)
        if mapped is not None:
            scenario, inp = mapped
            await self.run(scenario, inp)
            if isinstance(action, actions.Rate):
                await self.suggest_next(scenario)
            return
        match action:
            case actions.Menu():
                await self.topics()
            case actions.Language(code):
                await self.change_language(code)
            case actions.Forget(confirm):
                await self.forget(confirm)
            case actions.Reminders(on):
                self.replies.extend(await self.loop.set_reminders(on))
            case actions.ReviewAnswer():
                self.replies.extend(await self.loop.answer_review(action, self.locale))
            case actions.StopReviews():
                self.replies.extend(await self.loop.stop_reviews())
            case actions.FollowupAnswer() | actions.FollowupProblem():
                self.replies.extend(await self.loop.answer_followup(action, self.locale))

    async def typed(self, length: int) -> None:
        """Typed text: an answer on a text step, a confusion signal elsewhere."""
        active = self.user.active_scenario
        if active is None:
            self.say("choose-topic-first")
            await self.topics()
            return
        await self.run(active, FreeText(length=length, locale=self.locale, now_ms=self.now))

    def unsupported(self) -> None:
        active = self.user.active_scenario
        buttons: tuple[tuple[Button, ...], ...] = ()
        if active:
            buttons = ((Button(Text("button-continue"), actions.Open(active)),),)
        self.replies.append(Reply(parts=(Text("unsupported-content"),), buttons=buttons))

    async def suggest_next(self, finished: str) -> None:
        """After a rating: the next topic the user has not completed yet, if any."""
        progress = await self.unit.all_progress(self.user.id)
        pending = [
            sid
            for sid in sorted(self.library.scenarios)
            if sid != finished and progress.get(sid, Progress(sid)).status is not Status.COMPLETED
        ]
        if not pending:
            self.replies.append(Reply(parts=(Text("all-done"),), buttons=((menu_button(),),)))
            return
        title = Text(keys.TITLE, catalogue=pending[0])
        self.replies.append(
            Reply(
                parts=(Text("next-suggestion", args={"title": title}),),
                buttons=((Button(title, actions.Open(pending[0])),), (menu_button(),)),
            )
        )

    async def change_language(self, code: str) -> None:
        if code not in self.library.locales:
            self.say("button-unknown")
            return
        previous, self.locale = self.locale, code
        active = self.user.active_scenario
        self.say("language-set")
        if active:
            inp = ChangeLanguage(previous=previous, locale=code, now_ms=self.now)
            await self.run(active, inp, chosen_locale=code)
            return
        await self.unit.apply(Change(user_id=self.user.id, now_ms=self.now, locale=code))
        await self.topics()

    async def forget(self, confirm: bool) -> None:
        if not confirm:
            self.say("forget-cancelled")
            return
        await self.unit.forget(self.user)
        self.forgot = True
        self.say("forget-done")

    async def blocked(self) -> None:
        """Mark the user and, if a run is active, record where it stopped (once: a user
        already marked as blocked records nothing more)."""
        if self.user.blocked:
            return
        facts: tuple[events.Event, ...] = ()
        if self.user.active_scenario:
            p = await self.unit.progress(self.user.id, self.user.active_scenario)
            if p.run:
                fact = events.BotBlocked(
                    scenario=p.scenario,
                    version=p.version,
                    run=p.run,
                    step=p.step,
                    locale=self.user.locale,
                    at_ms=self.now,
                )
                facts = (fact,)
        change = Change(user_id=self.user.id, now_ms=self.now, events=facts, blocked=True)
        await self.unit.apply(change)
        await self.unit.cancel(self.user.id)  # the bot never writes first to a blocked user

    # -- the engine -----------------------------------------------------------------------

    async def run(self, scenario_id: str, inp: Input, *, chosen_locale: str | None = None) -> None:
        """Run the engine on one scenario and write what it changed. A scenario removed
        since gets an apology and the menu, not a crash."""
        progress = await self.unit.progress(self.user.id, scenario_id)
        scenario = self.library.scenarios.get(scenario_id)
        if scenario is None:
            result = engine.removed(progress, inp)
            active: str | None = None
        else:
            result = engine.step(scenario, progress, inp)
            active = scenario_id
        change = Change(
            user_id=self.user.id,
            now_ms=self.now,
            progress=result.progress,
            events=result.events,
            locale=chosen_locale,
            active_scenario=active,
            pressed_message=self.pressed,
        )
        self.pressed = None
        await self.unit.apply(change)
        if scenario is not None:
            await self.loop.after_run(scenario_id, result)
        self.replies.extend(merged(result.replies))
