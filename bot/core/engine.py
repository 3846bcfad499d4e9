"""The engine: a pure function of (scenario, progress, input) -> (progress', replies, events)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.core import actions, events, keys
from bot.core.learning import Confidence
from bot.core.menu import menu_button
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep, Step, TextStep
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
from bot.core.replies import Button, Reply, Text, bullet
from bot.core.scenario import Scenario, option_target

HELP_HINT, HELP_EXPLANATION, HELP_HUMAN = 1, 2, 3


@dataclass(frozen=True)
class Result:
    progress: Progress
    replies: tuple[Reply, ...] = ()
    events: tuple[events.Event, ...] = ()


@dataclass
class _Turn:
    """Accumulates one input's effects; only `step` below creates it."""

    scenario: Scenario
    progress: Progress
    inp: Input
    replies: list[Reply] = field(default_factory=list)
    facts: list[events.Event] = field(default_factory=list)

    def ui(self, key: str, **args: object) -> Text:
        return Text(key, args=dict(args))

    def text(self, key: str, attribute: str | None = None) -> Text:
        return Text(key, catalogue=self.scenario.id, attribute=attribute)

    def record(self, cls: type[events.Event], **details: object) -> None:
        p = self.progress
        self.facts.append(
            cls(
                scenario=self.scenario.id,
                version=self.scenario.version,
                run=p.run,
                step=p.step,
                locale=self.inp.locale,
                at_ms=self.inp.now_ms,
                **details,
            )
        )

    def say(
        self,
        *parts: Text,
        buttons: tuple[tuple[Button, ...], ...] = (),
        step: str | None = None,
    ) -> None:
        self.replies.append(Reply(parts=parts, buttons=buttons, step=step))

    def result(self) -> Result:
        return Result(self.progress, tuple(self.replies), tuple(self.facts))

    # -- showing steps -------------------------------------------------------------------

    @property
    def current(self) -> Step:
        assert self.progress.step is not None
        return self.scenario.steps[self.progress.step]

    def new_run(self, from_version: str | None = None, at: str | None = None) -> None:
        self.progress = Progress(
            scenario=self.scenario.id,
            version=self.scenario.version,
            run=self.progress.run + 1,
            status=Status.ACTIVE,
            step=at or self.scenario.start,
            shown=1,
        )
        self.record(events.RunStarted, from_version=from_version)
        if at is None:
            objectives = [
                bullet(self.text(keys.objective(o))) for o in self.scenario.spec.objectives
            ]
            header = [self.ui("objectives-header")] if objectives else []
            self.say(self.text(keys.TITLE), self.text(keys.DESCRIPTION), *header, *objectives)

    def go(self, step_id: str) -> None:
        p = self.progress
        here = self.scenario.position(p.step, p.shown)[0] if p.step else 0
        self.progress = replace(
            p, step=step_id, attempts=0, help_level=0, shown_at_ms=self.inp.now_ms, shown=here + 1
        )
        self.show()

    def counter(self, key: str = "step-counter") -> Text:
        k, n = self.scenario.position(self.current.id, self.progress.shown)
        return self.ui(key, current=k, total=n)

    def show(self, *lead: Text, counter: bool = True) -> None:
        """Show the current step (again), optionally after some lead paragraphs."""
        step = self.current
        self.progress = replace(self.progress, shown_at_ms=self.inp.now_ms)
        self.record(events.StepShown)
        parts = [*lead]
        if counter and not isinstance(step, EndStep):
            parts.append(self.counter())
        parts.append(self.text(keys.step(step.id)))
        if isinstance(step, TextStep):
            parts.append(self.ui("type-your-answer"))
        if isinstance(step, EndStep):
            parts.append(self.ui("checklist-header"))
            parts.extend(
                bullet(self.text(keys.checklist_item(step.id, i))) for i in step.checklist
            )
            parts.append(self.ui("rate-prompt"))
            if self.progress.status is Status.ACTIVE:
                self.record(events.RunCompleted)
                self.progress = replace(self.progress, status=Status.COMPLETED)
        self.replies.append(Reply(parts=tuple(parts), buttons=self.keyboard(), step=step.id))

    def keyboard(self) -> tuple[tuple[Button, ...], ...]:
        step, sid, ver = self.current, self.scenario.id, self.scenario.version
        rows: list[tuple[Button, ...]] = []
        match step:
            case InfoStep():
                rows.append((Button(self.ui("button-next"), actions.Next(sid, ver, step.id)),))
            case QuestionStep() | ChoiceStep():
                rows.extend(
                    (
                        Button(
                            self.text(keys.option(step.id, o.id)),
                            actions.Answer(sid, ver, step.id, o.id),
                        ),
                    )
                    for o in step.options
                )
            case EndStep():
                rows.append(
                    tuple(
                        Button(self.ui("button-rate", score=s), actions.Rate(sid, ver, s))
                        for s in range(1, 6)
                    )
                )
                rows.append(
                    (
                        menu_button(),
                        Button(self.ui("button-again"), actions.Restart(sid)),
                    )
                )
                return tuple(rows)
        rows.append((Button(self.ui("button-help"), actions.Help(sid, ver, step.id)),))
        return tuple(rows)

    def stale(self) -> None:
        """An old or forged button: say so kindly and put the real current step back."""
        if self.progress.status is Status.ACTIVE:
            self.show(self.ui("stale-button"))
        else:
            self.say(self.ui("stale-button"), buttons=_open_buttons(self.scenario.id))

    # -- inputs --------------------------------------------------------------------------

    def start(self) -> None:
        if self.progress.status is Status.ACTIVE:
            if isinstance(self.current, EndStep):
                return self.show()
            self.show(self.counter("welcome-back"), counter=False)
        else:
            self.new_run()
            self.show()

    def restart(self) -> None:
        if self.progress.status is Status.ACTIVE:
            self.record(events.RunRestarted)
        self.new_run()
        self.show()

    def choose(self, inp: Choose) -> None:
        step = self.current_or_none()
        if (
            not isinstance(step, QuestionStep | ChoiceStep)
            or inp.step != step.id
            or inp.version != self.scenario.version
        ):
            return self.stale()
        option = next((o for o in step.options if o.id == inp.option), None)
        if option is None:
            return self.stale()
        asks = self.scenario.asks_confidence(step.id)
        if asks and inp.confidence is None:
            return self.ask_confidence(step.id, option.id)
        p = self.progress
        correct = option.correct if isinstance(step, QuestionStep) else None
        self.record(
            events.AnswerGiven,
            option=option.id,
            correct=correct,
            attempt=p.attempts + 1,
            elapsed_ms=max(0, self.inp.now_ms - p.shown_at_ms),
            confidence=inp.confidence.value if asks and inp.confidence else None,
        )
        feedback = self.text(keys.option(step.id, option.id), keys.FEEDBACK)
        target = option_target(step, option)
        if target is not None:
            # A choice's feedback is optional; a question's is required by the validator.
            if self.scenario.has(keys.option(step.id, option.id), keys.FEEDBACK):
                self.say(feedback)
            return self.go(target)
        # A wrong answer without a branch of its own: try again, or reveal after N.
        assert isinstance(step, QuestionStep)
        attempts = p.attempts + 1
        self.progress = replace(p, attempts=attempts)
        if attempts < self.scenario.spec.settings.reveal_after:
            return self.show(feedback, self.ui("try-again"))
        self.record(events.AnswerRevealed, attempt=attempts)
        self.reveal_and_go_on(step, feedback)

    def ask_confidence(self, step_id: str, option_id: str) -> None:
        """ "How sure are you?" before the feedback, so a confidently wrong answer is known
        as such. Nothing is recorded yet: the second tap carries the answer. Both buttons
        fit one row on any phone; the question's own message keeps its full-width options."""
        sid, ver = self.scenario.id, self.scenario.version
        self.say(
            self.ui("confidence-prompt"),
            buttons=(
                tuple(
                    Button(self.ui(label), actions.Answer(sid, ver, step_id, option_id, sure))
                    for label, sure in (
                        ("button-sure", Confidence.SURE),
                        ("button-guessing", Confidence.GUESSING),
                    )
                ),
            ),
            step=step_id,
        )

    def reveal_and_go_on(self, step: QuestionStep, *lead: Text) -> None:
        """The right answer and why, then the step it leads to. Its own feedback is not
        used: it is written for someone who chose it ("Right. ..."), which they did not."""
        right = next(o for o in step.options if o.correct)
        why = (
            (self.text(keys.step(step.id), keys.EXPLANATION),)
            if self.scenario.has(keys.step(step.id), keys.EXPLANATION)
            else ()
        )
        self.say(
            *lead, self.ui("answer-revealed"), self.text(keys.option(step.id, right.id)), *why
        )
        self.go(option_target(step, right) or step.id)

    def reveal(self, inp: Reveal) -> None:
        step = self.current_or_none()
        if (
            not isinstance(step, QuestionStep)
            or inp.step != step.id
            or inp.version != self.scenario.version
        ):
            return self.stale()
        self.record(events.AnswerRevealed, attempt=self.progress.attempts, requested=True)
        self.reveal_and_go_on(step)

    def advance(self, inp: Advance) -> None:
        step = self.current_or_none()
        if (
            not isinstance(step, InfoStep)
            or inp.step != step.id
            or inp.version != self.scenario.version
        ):
            return self.stale()
        self.go(step.next)

    def free_text(self, inp: FreeText) -> None:
        step = self.current_or_none()
        if step is None:
            return self.say(self.ui("no-active-run"), buttons=_open_buttons(self.scenario.id))
        if not isinstance(step, TextStep):
            self.record(events.TextInsteadOfButton, length=inp.length)
            return self.show(self.ui("use-buttons"))
        accepted = inp.length >= step.min_length
        self.record(
            events.TextAnswered,
            length=inp.length,
            accepted=accepted,
            elapsed_ms=max(0, self.inp.now_ms - self.progress.shown_at_ms),
        )
        if not accepted:
            return self.say(
                self.ui("text-too-short", minimum=step.min_length), buttons=self.keyboard()
            )
        if self.scenario.has(keys.step(step.id), keys.FEEDBACK):
            self.say(self.text(keys.step(step.id), keys.FEEDBACK))
        else:
            self.say(self.ui("text-received"))
        self.go(step.next)

    def help(self, inp: AskHelp) -> None:
        step = self.current_or_none()
        if step is None or isinstance(step, EndStep):
            return self.say(self.ui("help-general"), buttons=_open_buttons(self.scenario.id))
        if inp.step is not None and (inp.step != step.id or inp.version != self.scenario.version):
            return self.stale()
        levels = help_levels(self.scenario, step.id)
        index = min(self.progress.help_level, len(levels) - 1)
        level = levels[index]
        self.progress = replace(self.progress, help_level=index + 1)
        self.record(events.HelpAsked, level=level)
        parts = [self.ui("help-level", level=level)]
        match level:
            case 1:
                parts.append(self.text(keys.step(step.id), keys.HINT))
            case 2:
                parts.append(self.text(keys.step(step.id), keys.EXPLANATION))
            case _:
                parts.append(self.ui("help-human"))
        buttons = self.keyboard()
        if level == HELP_HUMAN and isinstance(step, QuestionStep):
            # Help has nothing more to give: a way on, so "I'm stuck" is not a dead end.
            parts.append(self.ui("offer-answer"))
            reveal = actions.Reveal(self.scenario.id, self.scenario.version, step.id)
            buttons = (
                *buttons[:-1],
                (Button(self.ui("button-show-answer"), reveal),),
                buttons[-1],
            )
        self.replies.append(Reply(parts=tuple(parts), buttons=buttons, step=step.id))

    def change_language(self, inp: ChangeLanguage) -> None:
        self.record(events.LanguageChanged, from_locale=inp.previous)
        if self.current_or_none() is not None:
            self.show()

    def rate(self, inp: Rate) -> None:
        p = self.progress
        if p.status is not Status.COMPLETED or p.rated or inp.version != self.scenario.version:
            return self.say(self.ui("rating-not-expected"), buttons=((menu_button(),),))
        self.record(events.Rated, score=inp.score)
        self.progress = replace(p, rated=True)
        self.say(self.ui("rated-thanks", score=inp.score), buttons=((menu_button(),),))

    def current_or_none(self) -> Step | None:
        if self.progress.status is not Status.ACTIVE or self.progress.step is None:
            return None
        return self.scenario.steps.get(self.progress.step)

    def migrate(self) -> None:
        """The scenario changed under an active run: carry on at the same step if it exists,
        else start again with an apology. A step removed without a new version is treated
        the same way, so a user is never stranded."""
        old = self.progress
        if old.step in self.scenario.steps and old.version != self.scenario.version:
            self.progress = replace(old, version=self.scenario.version)
            self.new_run(from_version=old.version, at=old.step)
            self.progress = replace(self.progress, shown_at_ms=old.shown_at_ms, shown=old.shown)
        else:
            self.progress = replace(old, version=self.scenario.version)
            self.say(self.ui("scenario-changed-restart"))
            changed = old.version if old.version != self.scenario.version else None
            self.new_run(from_version=changed)
            self.show()


def help_levels(scenario: Scenario, step_id: str) -> tuple[int, ...]:
    """The help a step can give, in order; a human contact is always the last resort."""
    key = keys.step(step_id)
    return (
        *((HELP_HINT,) if scenario.has(key, keys.HINT) else ()),
        *((HELP_EXPLANATION,) if scenario.has(key, keys.EXPLANATION) else ()),
        HELP_HUMAN,
    )


def step(scenario: Scenario, progress: Progress, inp: Input) -> Result:
    """Apply one input. Pure: the same arguments always give the same result."""
    turn = _Turn(scenario, progress, inp)
    if progress.status is Status.ACTIVE and (
        progress.version != scenario.version or progress.step not in scenario.steps
    ):
        turn.migrate()
        if turn.replies:
            return turn.result()
    match inp:
        case Start():
            turn.start()
        case Restart():
            turn.restart()
        case Choose():
            turn.choose(inp)
        case Advance():
            turn.advance(inp)
        case FreeText():
            turn.free_text(inp)
        case AskHelp():
            turn.help(inp)
        case Reveal():
            turn.reveal(inp)
        case ChangeLanguage():
            turn.change_language(inp)
        case Rate():
            turn.rate(inp)
        case _:  # pragma: no cover - every Input subclass is handled above
            raise TypeError(f"unknown input {inp!r}")
    return turn.result()


def removed(progress: Progress, inp: Input) -> Result:
    """The user's scenario no longer exists: apologise and offer the menu. Nothing recorded."""
    del inp
    reply = Reply(parts=(Text("scenario-removed"),), buttons=((menu_button(),),))
    return Result(replace(progress, status=Status.NEW, step=None), (reply,), ())


def _open_buttons(scenario_id: str) -> tuple[tuple[Button, ...], ...]:
    return ((Button(Text("button-open"), actions.Open(scenario_id)),), (menu_button(),))
