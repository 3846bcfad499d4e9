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
from bot.core.progress import Advance, AskHelp, Choose, FreeText, Input, Rate, Start
from bot.core.replies import Reply
from bot.i18n import Translator
from bot.session import apply, topics
from bot.storage.store import Store, User

QUIT, HELP = "q", "?"


class Ending(Enum):
    COMPLETED = "completed"
    QUIT = "quit"
    END_OF_INPUT = "end of input"


class Player:
    """Plays scenarios in a terminal. Every answer goes through the engine and is committed
    to the same database as the bot's, so writers see their test runs in the statistics."""

    def __init__(
        self,
        library: Library,
        store: Store,
        translator: Translator,
        user: User,
        *,
        console: Console,
        stdin: TextIO,
        chosen_locale: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.library = library
        self.store = store
        self.t = translator
        self.user = user
        self.console = console
        self.stdin = stdin
        self.locale = chosen_locale or user.locale
        self.chosen_locale = chosen_locale
        self.clock = clock
        self.echo = not stdin.isatty()

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    def play(self, scenario_id: str | None) -> int:
        """Returns the exit code: 0 at the end of a scenario, on quit or at end of input."""
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
            ending = self.scenario(scenario_id)
        else:
            ending = self.menu()
        if ending is not Ending.COMPLETED:
            self.say(self.t("play-bye", self.locale))
        return 0

    def menu(self) -> Ending:
        while True:
            reply = topics(self.library, self.store, self.user)
            self.show(reply)
            choices = [b.action for row in reply.buttons for b in row]
            if not choices:
                return Ending.END_OF_INPUT
            self.hint("play-hint-menu")
            line = self.read()
            if line is None:
                return Ending.END_OF_INPUT
            if line.lower() == QUIT:
                return Ending.QUIT
            picked = self.number(line, len(choices))
            if picked is None:
                continue
            action = choices[picked]
            assert isinstance(action, actions.Open)
            ending = self.scenario(action.scenario)
            if ending is not Ending.COMPLETED:
                return ending

    def scenario(self, scenario_id: str) -> Ending:
        current = self.send(scenario_id, Start(locale=self.locale, now_ms=self.now_ms()))
        while True:
            buttons = [b.action for row in current.buttons for b in row] if current else []
            answers = [a for a in buttons if isinstance(a, actions.Answer)]
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
            if line.lower() == QUIT:
                return Ending.QUIT
            now = self.now_ms()
            inp: Input | None
            if rates:
                if line == "":
                    return Ending.COMPLETED
                picked = self.number(line, len(rates))
                if picked is None:
                    continue
                rate = rates[picked]
                self.send(
                    scenario_id,
                    Rate(score=rate.score, version=rate.version, locale=self.locale, now_ms=now),
                )
                return Ending.COMPLETED
            if line == "" and answers:
                continue  # Enter on a question is not an answer: ask again
            if line == HELP and helps:
                inp = AskHelp(
                    step=helps[0].step, version=helps[0].version, locale=self.locale, now_ms=now
                )
            elif nexts:
                inp = Advance(
                    step=nexts[0].step, version=nexts[0].version, locale=self.locale, now_ms=now
                )
            elif answers and line.isdigit():
                picked = self.number(line, len(answers))
                if picked is None:
                    continue
                answer = answers[picked]
                inp = Choose(
                    step=answer.step,
                    option=answer.option,
                    version=answer.version,
                    locale=self.locale,
                    now_ms=now,
                )
            else:
                # Only the length leaves this function: the words are never stored.
                inp = FreeText(length=len(line), locale=self.locale, now_ms=now)
            current = self.send(scenario_id, inp) or current

    def send(self, scenario_id: str, inp: Input) -> Reply | None:
        """Apply and show; returns the last reply with a keyboard (the current step)."""
        outcome = apply(
            self.library, self.store, self.user, scenario_id, inp, chosen_locale=self.chosen_locale
        )
        self.chosen_locale = None
        assert outcome.result is not None
        keyboard = None
        for reply in outcome.result.replies:
            self.show(reply, numbered=True)
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
                if isinstance(button.action, actions.Answer | actions.Open) and numbered:
                    number += 1
                    self.console.print(RichText(f"  {number}. {button.label}", style="cyan"))

    def hint(self, key: str) -> None:
        self.console.print(RichText(self.t(key, self.locale), style="dim"))

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
