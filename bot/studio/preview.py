"""The chat preview: conversations through the real conversation service, one per browser
tab and scenario, recorded under the source "studio" (left out of statistics by default)."""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any

from bot.core import actions
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep, TextStep
from bot.core.replies import Reply
from bot.core.scenario import Scenario, option_target
from bot.i18n import Translator
from bot.service import Conversation, Press, Response, Typed, UserInput, Who

SOURCE_PREFIX = "studio"
MAX_SESSIONS = 200
TAB_PATTERN = re.compile(r"[a-z0-9]{8,40}")
_numbers = itertools.count(int(time.time() * 1000))
"""Message numbers, unique across restarts, as Telegram's message ids are per chat."""


@dataclass
class Message:
    """One bubble: the bot's reply, the writer's typed text (its length only), or a note from
    the studio itself (a jump). `pressed` is the button data applied on this message."""

    number: int
    reply: Reply | None = None
    typed: int | None = None
    note: tuple[str, dict[str, Any]] | None = None
    pressed: str | None = None


@dataclass
class Session:
    tab: str
    scenario: str
    who: Who
    locale: str
    version: str | None = None
    messages: list[Message] = field(default_factory=list)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def path_to(scenario: Scenario, target: str) -> list[tuple[str, str | None]] | None:
    """The shortest way from the first step to `target` as (step, option) moves, right
    answers preferred; option None means Next (or a typed answer). None if unreachable."""
    came: dict[str, tuple[str, str | None] | None] = {scenario.start: None}
    queue = deque([scenario.start])
    while queue:
        current = queue.popleft()
        if current == target:
            break
        step = scenario.steps[current]
        moves: list[tuple[str | None, str]] = []
        match step:
            case InfoStep() | TextStep():
                moves.append((None, step.next))
            case QuestionStep() | ChoiceStep():
                for option in sorted(step.options, key=lambda o: not o.correct):
                    next_step = option_target(step, option)
                    if next_step is not None:
                        moves.append((option.id, next_step))
            case EndStep():
                pass
        for option_id, next_step in moves:
            if next_step not in came and next_step in scenario.steps:
                came[next_step] = (current, option_id)
                queue.append(next_step)
    if target not in came:
        return None
    path: list[tuple[str, str | None]] = []
    cursor = target
    while (link := came[cursor]) is not None:
        path.append(link)
        cursor = link[0]
    return path[::-1]


class Preview:
    """Every open preview conversation; `service.library` is swapped on each reload."""

    def __init__(self, service: Conversation) -> None:
        self.service = service
        self.sessions: OrderedDict[tuple[str, str], Session] = OrderedDict()

    def scenario(self, session: Session) -> Scenario | None:
        return self.service.library.scenarios.get(session.scenario)

    async def session(self, tab: str, scenario_id: str, locale: str) -> Session:
        """The tab's conversation about a scenario, opened on first sight."""
        found = self.sessions.get((tab, scenario_id))
        if found is not None:
            self.sessions.move_to_end((tab, scenario_id))
            return found
        who = Who(f"{SOURCE_PREFIX}:{tab}-{scenario_id}", locale)
        session = Session(tab, scenario_id, who, locale)
        self.sessions[(tab, scenario_id)] = session
        while len(self.sessions) > MAX_SESSIONS:
            self.sessions.popitem(last=False)
        async with session.lock:
            response = await self._handle(session, Press(actions.Open(scenario_id)))
            if response.locale != locale:  # a tab that chose another language before
                response = await self._handle(session, Press(actions.Language(locale)))
            self._show(session, response)
        return session

    async def press(self, session: Session, number: int, data: str) -> None:
        async with session.lock:
            message = next((m for m in session.messages if m.number == number), None)
            if message is not None and message.pressed is None:
                message.pressed = data
            inp = Press(actions.decode(data), message=number)
            self._show(session, await self._handle(session, inp))

    async def typed(self, session: Session, length: int) -> None:
        async with session.lock:
            session.messages.append(Message(next(_numbers), typed=length))
            self._show(session, await self._handle(session, Typed(length)))

    async def language(self, session: Session, locale: str) -> None:
        async with session.lock:
            inp = Press(actions.Language(locale))
            self._show(session, await self._handle(session, inp))

    async def restart(self, session: Session) -> None:
        async with session.lock:
            session.messages.clear()
            inp = Press(actions.Restart(session.scenario))
            self._show(session, await self._handle(session, inp))

    async def jump(self, session: Session, target: str) -> bool:
        """Start again and answer the shortest way to `target`, through the service like a
        learner; only the target step is shown. False if there is no such step."""
        scenario = self.scenario(session)
        path = path_to(scenario, target) if scenario is not None else None
        if scenario is None or path is None:
            return False
        sid, version = scenario.id, scenario.version
        async with session.lock:
            response = await self._handle(session, Press(actions.Restart(sid)))
            for step_id, option in path:
                step = scenario.steps[step_id]
                inp: UserInput
                if isinstance(step, TextStep):
                    inp = Typed(step.min_length)
                elif option is None:
                    inp = Press(actions.Next(sid, version, step_id))
                else:
                    inp = Press(actions.Answer(sid, version, step_id, option))
                response = await self._handle(session, inp)
            if not isinstance(scenario.steps[target], EndStep):
                # Shown afresh, without the feedback of the answer that led here.
                response = await self._handle(session, Press(actions.Open(sid)))
            k, n = scenario.position(target)
            session.messages.clear()
            note = ("chat-jumped", {"step": target, "current": k, "total": n})
            session.messages.append(Message(next(_numbers), note=note))
            replies = [r for r in response.replies if r.step == target][-1:]
            self._show(session, Response(tuple(replies), response.locale))
        return True

    async def catch_up(self, session: Session) -> None:
        """After a structural edit: show the step again in the new version (the service
        moves the run over, as it does for a learner), unless the run is over."""
        scenario = self.scenario(session)
        if scenario is None or session.version in (None, scenario.version):
            return
        last = next((m.reply for m in reversed(session.messages) if m.reply), None)
        step = scenario.steps.get(last.step) if last and last.step else None
        async with session.lock:
            if step is not None and not isinstance(step, EndStep):
                inp = Press(actions.Open(scenario.id))
                self._show(session, await self._handle(session, inp))
            session.version = scenario.version

    async def _handle(self, session: Session, inp: UserInput) -> Response:
        response = await self.service.handle(session.who, inp)
        session.locale = response.locale
        scenario = self.scenario(session)
        session.version = scenario.version if scenario is not None else None
        return response

    def _show(self, session: Session, response: Response) -> None:
        for reply in response.replies:
            session.messages.append(Message(next(_numbers), reply=reply))


@dataclass(frozen=True)
class Bubble:
    """A message ready for the template."""

    number: int
    kind: str
    text: str
    step: str | None = None
    rows: tuple[tuple[tuple[str, str, bool], ...], ...] = ()
    """Keyboard rows of (label, button data, pressed)."""


def bubbles(session: Session, translator: Translator, note: Any) -> list[Bubble]:
    """The conversation rendered in the session's language with the current texts, so an
    edited .ftl shows at once in every message, old ones included."""
    out: list[Bubble] = []
    for m in session.messages:
        if m.reply is not None:
            rendered = translator.reply(m.reply, session.locale)
            rows = tuple(
                tuple(
                    (b.label, data, data == m.pressed)
                    for b in row
                    for data in (actions.encode(b.action),)
                )
                for row in rendered.buttons
            )
            out.append(Bubble(m.number, "bot", rendered.text, m.reply.step, rows))
        elif m.typed is not None:
            out.append(Bubble(m.number, "typed", note("chat-typed", count=m.typed)))
        elif m.note is not None:
            key, args = m.note
            out.append(Bubble(m.number, "note", note(key, **args)))
    return out
