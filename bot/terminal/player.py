"""`rolebot play`: the same engine in a terminal, reading answers one per line."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum
from typing import TextIO

from rich.console import Console
from rich.text import Text as RichText

from bot.core import actions
from bot.core.loader import Library
from bot.core.replies import Reply
from bot.i18n import Translator
from bot.service import (
    Command,
    Conversation,
    Due,
    Nothing,
    Press,
    Response,
    Typed,
    UserInput,
    Who,
)

TRANSPORT = "terminal"
"""The name of this transport's text variants in the locale files (`.terminal`)."""


NUMBERED = (
    actions.Answer
    | actions.Open
    | actions.Reveal
    | actions.ReviewAnswer
    | actions.StopReviews
    | actions.FollowupAnswer
    | actions.FollowupProblem
    | actions.Reminders
)
"""Buttons the player lists by number (Next is Enter, Help is ?, a rating is its digit)."""


class Ending(Enum):
    COMPLETED = "completed"
    QUIT = "quit"
    MENU = "menu"
    END_OF_INPUT = "end of input"


class Word(Enum):
    """What a typed word means, whatever the language (the words live in bot.ftl)."""

    HELP = "play-words-help"
    MENU = "play-words-menu"
    QUIT = "play-words-quit"


class Player:
    """Plays scenarios in a terminal through the conversation service, so every answer is
    recorded in the same database as the bot's: writers see their test runs in the
    statistics (under the source "terminal")."""

    def __init__(
        self,
        service: Conversation,
        translator: Translator,
        who: Who,
        *,
        console: Console,
        stdin: TextIO,
        chosen_locale: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.service = service
        self.t = translator
        self.who = who
        self.console = console
        self.stdin = stdin
        self.locale = chosen_locale or "en"
        self.chosen_locale = chosen_locale
        self.clock = clock
        self.ahead_ms = 0
        """How far ahead of the real clock the player acts (`play --due`: at a job's time)."""
        self.echo = not stdin.isatty()
        self.words = {word: translator.words(word.value) for word in Word}

    @property
    def library(self) -> Library:
        return self.service.library

    def now_ms(self) -> int:
        return int(self.clock() * 1000) + self.ahead_ms

    async def handle(self, inp: UserInput) -> Response:
        response = await self.service.handle(self.who, inp, now_ms=self.now_ms())
        self.locale = response.locale
        return response

    async def play(self, scenario_id: str | None) -> int:
        """Returns the exit code: 0 at the end of a scenario, on quit or at end of input."""
        await self.handle(Nothing())  # who they are, and the language they chose last time
        if self.chosen_locale is not None and self.chosen_locale != self.locale:
            await self.handle(Press(actions.Language(self.chosen_locale)))
        if scenario_id is not None:
            if scenario_id not in self.library.scenarios:
                self.say(
                    self.t(
                        "play-unknown-scenario",
                        self.locale,
                        scenario=scenario_id,
                        available=", ".join(sorted(self.library.scenarios)),
                    )
                )
                return 2
            ending = await self.scenario(scenario_id)
            if ending is Ending.MENU:
                ending = await self.menu()
        else:
            ending = await self.menu()
        if ending is not Ending.COMPLETED:
            self.say(self.t("play-bye", self.locale))
        return 0

    async def due(self) -> int:
        """`play --due`: what the learning loop has scheduled for this learner (a reminder,
        a review, a follow-up), now instead of hours or days later; then answer it."""
        await self.handle(Nothing())
        storage = self.service.storage
        assert self.who.external_id is not None
        jobs = await storage.claim_jobs("play", 2**62, 60_000, 50, prefix=self.who.external_id)
        if not jobs:
            self.say(self.t("play-nothing-due", self.locale))
            return 0
        for job in sorted(jobs, key=lambda j: j.due_ms):
            self.ahead_ms = max(0, job.due_ms - int(self.clock() * 1000))
            response = await self.handle(Due(job.id))
            for reply in response.replies:
                self.show(reply)
                ending = await self.answer(reply)
                if ending is not None:
                    return 0
        self.say(self.t("play-bye", self.locale))
        return 0

    async def answer(self, reply: Reply) -> Ending | None:
        """Answer a loop message's buttons until no more come; an Ending to stop."""
        current: Reply | None = reply
        while current is not None:
            choices = [b.action for row in current.buttons for b in row]
            choices = [a for a in choices if isinstance(a, NUMBERED)]
            if not choices:
                return None
            self.hint("play-hint-options")
            line = self.read()
            if line is None:
                return Ending.END_OF_INPUT
            if self.word(line) is Word.QUIT:
                return Ending.QUIT
            picked = self.number(line, len(choices))
            if picked is None:
                continue
            action = choices[picked]
            if isinstance(action, actions.Open):
                return await self.scenario(action.scenario)
            current = await self.send(Press(action))
        return None

    async def menu(self) -> Ending:
        while True:
            response = await self.handle(Command("menu"))
            reply = response.replies[-1]
            self.show(reply)
            choices = [b.action for row in reply.buttons for b in row]
            if not choices:
                return Ending.END_OF_INPUT
            self.hint("play-hint-menu")
            line = self.read()
            if line is None:
                return Ending.END_OF_INPUT
            word = self.word(line)
            if word is Word.QUIT:
                return Ending.QUIT
            if word is Word.HELP:
                self.say(self.t("help-general", self.locale))
            if word is not None:
                continue  # "menu" in the menu: it is shown again
            picked = self.number(line, len(choices))
            if picked is None:
                continue
            action = choices[picked]
            assert isinstance(action, actions.Open)
            ending = await self.scenario(action.scenario)
            if ending not in (Ending.COMPLETED, Ending.MENU):
                return ending

    async def scenario(self, scenario_id: str) -> Ending:
        current = await self.send(Press(actions.Open(scenario_id)))
        while True:
            buttons = [b.action for row in current.buttons for b in row] if current else []
            answers = [a for a in buttons if isinstance(a, actions.Answer | actions.Reveal)]
            nexts = [a for a in buttons if isinstance(a, actions.Next)]
            rates = [a for a in buttons if isinstance(a, actions.Rate)]
            helps = [a for a in buttons if isinstance(a, actions.Help)]
            if rates:
                self.hint("play-hint-rate")
            elif answers:
                self.hint("play-hint-options")
            elif nexts:
                self.hint("play-hint-next")
            else:
                self.hint("play-hint-text")
            line = self.read()
            if line is None:
                return Ending.END_OF_INPUT
            word = self.word(line)
            if word is Word.QUIT:
                return Ending.QUIT
            if word is Word.MENU:
                return Ending.MENU
            if rates:
                if line == "":
                    return Ending.COMPLETED
                picked = self.number(line, len(rates))
                if picked is None:
                    continue
                await self.send(Press(rates[picked]), numbered=False)
                return Ending.COMPLETED
            if line == "" and answers:
                continue  # Enter on a question is not an answer: ask again
            inp: UserInput
            if word is Word.HELP and helps:
                inp = Press(helps[0])
            elif nexts:
                inp = Press(nexts[0])
            elif answers and line.isdigit():
                picked = self.number(line, len(answers))
                if picked is None:
                    continue
                inp = Press(answers[picked])
            else:
                # Only the length leaves this function: the words are never stored.
                inp = Typed(len(line))
            current = await self.send(inp) or current

    async def send(self, inp: UserInput, *, numbered: bool = True) -> Reply | None:
        """Apply and show; returns the last reply with a keyboard (the current step)."""
        response = await self.handle(inp)
        keyboard = None
        for reply in response.replies:
            self.show(reply, numbered=numbered)
            if reply.buttons:
                keyboard = reply
        return keyboard

    def show(self, reply: Reply, numbered: bool = True) -> None:
        rendered = self.t.reply(reply, self.locale)
        self.console.print()
        self.console.print(RichText(rendered.text))
        number = 0
        for row in rendered.buttons:
            for button in row:
                if isinstance(button.action, NUMBERED) and numbered:
                    number += 1
                    self.console.print(RichText(f"  {number}. {button.label}", style="cyan"))

    def hint(self, key: str) -> None:
        self.console.print(RichText(self.t(key, self.locale), style="dim"))

    def word(self, line: str) -> Word | None:
        """A typed word (help, помогите, ?, меню, quit...) in any of the languages."""
        said = " ".join(line.lower().split()).rstrip("!.")
        return next((word for word, words in self.words.items() if said in words), None)

    def number(self, line: str, count: int) -> int | None:
        if line.isdigit() and 1 <= int(line) <= count:
            return int(line) - 1
        self.say(self.t("play-no-such-choice", self.locale, choice=line[:20], count=count))
        return None

    def read(self) -> str | None:
        self.console.print(RichText("> ", style="bold"), end="")
        line = self.stdin.readline()
        if not line:
            self.console.print()
            return None
        line = line.rstrip("\r\n").strip()
        if self.echo:
            self.console.print(RichText(line))
        return line

    def say(self, text: str) -> None:
        self.console.print(RichText(text, style="yellow"))
