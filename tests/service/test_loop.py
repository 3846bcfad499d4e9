"""The learning loop in the conversation service, on every backend: a job and its message
are one commit (a crash after it loses nothing; the job never runs twice), and a question
that asks for confidence records the learner's answer to it."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path

import pytest

from bot.botapi.courier import Courier, Settings
from bot.botapi.envelope import sealed
from bot.core import actions
from bot.core.loader import Library, load_library
from bot.core.model import QuestionStep
from bot.i18n import RenderedReply, Translator
from bot.service import Conversation, Due, Mail, Press, Who
from bot.service.loop import HOUR_MS, LoopSettings
from bot.storage import Storage, open_storage
from tests.conftest import ROOT

USER = 42
WHO = Who(f"tg:{USER}", "en")
START = 1_790_000_000_000


class Recorder:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, chat_id: int, reply: RenderedReply, *, on_wait: object = None) -> int:
        self.sent.append(reply.text)
        return len(self.sent)


@pytest.fixture
async def storage(database: str) -> AsyncIterator[Storage]:
    opened = open_storage(database)
    yield opened
    await opened.close()


def mail(translator: Translator, courier: Courier) -> Mail:
    return Mail(USER, partial(sealed, translator), courier.claim())


async def test_a_due_job_and_its_message_are_one_commit(
    storage: Storage, library: Library, translator: Translator
) -> None:
    now = [START]
    service = Conversation(library, storage, clock=lambda: now[0], loop=LoopSettings())
    recorder = Recorder()

    async def blocked(chat_id: int) -> None:
        return None

    courier = Courier(storage, recorder, blocked, Settings(lease_s=0.001, pace=None))
    await service.handle(WHO, Press(actions.Open("atm-withdrawal")))
    now[0] += 21 * HOUR_MS
    (job,) = await storage.claim_jobs("t", now[0], 60_000, 10, prefix="tg:")
    crashed = mail(translator, courier)  # the process dies after the commit, before sending
    response = await service.handle(Who(job.external_id), Due(job.id), mail=crashed)
    assert len(response.outgoing) == 1
    again = await service.handle(Who(job.external_id), Due(job.id), mail=mail(translator, courier))
    assert again.outgoing == () and again.replies == (), "a job runs once"
    assert recorder.sent == []
    await asyncio.sleep(0.01)  # the dead sender's 1 ms lease runs out
    await courier.sweep()  # another instance takes its rows over
    assert len(recorder.sent) == 1 and recorder.sent[0].startswith("You stopped at step")
    await courier.sweep()
    assert len(recorder.sent) == 1, "sent once"
    kinds = [e["kind"] for e in await storage.events()]
    assert kinds.count("reminder_sent") == 1


@pytest.fixture
def confident(tmp_path: Path) -> Library:
    """The shipped ATM topic with confidence asked on every question."""
    for folder in ("scenarios", "locales"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / "scenarios" / "atm-withdrawal.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("settings:\n", "settings:\n  confidence: true\n", 1))
    return load_library(tmp_path / "scenarios", tmp_path / "locales")


async def test_a_confidence_tap_is_recorded_with_the_answer(
    storage: Storage, confident: Library
) -> None:
    scenario = confident.scenarios["atm-withdrawal"]
    service = Conversation(confident, storage, loop=LoopSettings())
    response = await service.handle(WHO, Press(actions.Open("atm-withdrawal")))
    for _ in range(10):
        pressed = [b.action for r in response.replies for row in r.buttons for b in row]
        answers = [a for a in pressed if isinstance(a, actions.Answer)]
        if answers and isinstance(scenario.steps[answers[0].step], QuestionStep):
            break
        (step,) = [a for a in pressed if isinstance(a, actions.Next)][:1]
        response = await service.handle(WHO, Press(step))
    question = scenario.steps[answers[0].step]
    assert isinstance(question, QuestionStep)
    wrong = next(
        a for a in answers for o in question.options if o.id == a.option and not o.correct
    )
    asked = await service.handle(WHO, Press(wrong))
    sure = [
        b.action
        for r in asked.replies
        for row in r.buttons
        for b in row
        if isinstance(b.action, actions.Answer) and b.action.confidence is not None
    ]
    assert sure, "asked how sure, before the feedback"
    await service.handle(WHO, Press(sure[0]))
    given = [e for e in await storage.events() if e["kind"] == "answer_given"]
    assert len(given) == 1 and '"confidence"' in (given[0]["extra"] or "")
