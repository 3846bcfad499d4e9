"""rolebot against its peers on the same 10-question ATM quiz, measured in the same run.

The quiz: the shipped atm-withdrawal scenario's ten questions, their option texts and each
option's feedback (scenarios/atm-withdrawal.yaml, locales/en/atm-withdrawal.ftl).

- rolebot: the real BotApp walking the atm-withdrawal scenario (benchmarks/harness.py): engine,
  one SQLite transaction per update (WAL), events and analytics rows, three Bot API calls.
- aiogram-dialog 2.6, written as its docs show: a StatesGroup, one Window per question with a
  Select of the options, `on_click` storing the answer in `dialog_data` and switching to the
  next window (aiogram-dialog edits the message and answers the query itself). Its FSM
  storage is `SqliteFsmStorage` below (aiogram has none built in): one table, key -> state and
  JSON data, every write committed at once (WAL, synchronous=NORMAL, like rolebot's).
- python-telegram-bot 22: a `ConversationHandler` with one `CallbackQueryHandler` per state,
  `user_data` for the score, `PicklePersistence`. PTB writes the pickle file only every
  `update_interval` (60 s) and at shutdown, so its updates are NOT durable one by one: the
  run ends with the one `update_persistence()` a shutdown would make (timed).

Every bot gets the same users walking concurrently, each update parsed into the library's own
type inside the timed loop, answered by an in-process Bot API (aiogram: the harness's
NullSession; PTB: `NullRequest`, a `BaseRequest` that answers with canned JSON).

Run: python -m benchmarks.peers [--users N] [--rounds R]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import re
import sqlite3
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from aiogram import Bot, Dispatcher, Router
from aiogram.filters import CommandStart
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from aiogram.methods.base import TelegramMethod
from aiogram.types import CallbackQuery, Message
from aiogram.types import Update as AiogramUpdate
from aiogram_dialog import Dialog, DialogManager, StartMode, Window, setup_dialogs
from aiogram_dialog.widgets.kbd import Column, Select
from aiogram_dialog.widgets.text import Const, Format
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram import Update as PtbUpdate
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    PicklePersistence,
)
from telegram.request import BaseRequest, RequestData

from benchmarks.harness import (
    ROOT,
    TOKEN,
    Chat,
    NullSession,
    rolebot,
    shipped_library,
    walk_to_the_end,
)
from benchmarks.timing import now
from bot.config import Config
from bot.ptb.app import PtbApp, RawUpdatesBot
from bot.storage.sqlite import SqliteStorage
from tests.telegram.client import BOT_USER

SCENARIO = "atm-withdrawal"


@dataclass(frozen=True)
class Question:
    text: str
    options: list[tuple[str, str, str]]  # id, text, feedback
    right: str  # the correct option's id


def _messages(ftl: str) -> dict[str, str]:
    """`id` and `id.attribute` -> text, from a Fluent file of plain messages."""
    found: dict[str, str] = {}
    current = ""
    key = ""
    for line in ftl.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        attribute = re.match(r"\s+\.([\w-]+)\s*=\s*(.*)", line)
        message = re.match(r"([\w-]+)\s*=\s*(.*)", line)
        if attribute:
            key = f"{current}.{attribute[1]}"
            found[key] = attribute[2]
        elif message:
            current = key = message[1]
            found[key] = message[2]
        else:  # a continuation line
            found[key] = f"{found[key]} {line.strip()}"
    return found


@cache
def quiz() -> list[Question]:
    """The shipped scenario's questions, in order, in English."""
    spec = yaml.safe_load((ROOT / "scenarios" / f"{SCENARIO}.yaml").read_text(encoding="utf-8"))
    texts = _messages((ROOT / "locales" / "en" / f"{SCENARIO}.ftl").read_text(encoding="utf-8"))
    questions = [
        Question(
            texts[step["id"]],
            [
                (
                    option["id"],
                    texts[f"{step['id']}--{option['id']}"],
                    texts[f"{step['id']}--{option['id']}.feedback"],
                )
                for option in step["options"]
            ],
            next(o["id"] for o in step["options"] if o.get("correct")),
        )
        for step in spec["steps"]
        if step["kind"] == "question"
    ]
    assert len(questions) == 10, len(questions)
    return questions


def pick(user: int, question: int, options: int) -> int:
    """The option a simulated user presses: fixed, spread over right and wrong ones."""
    return (user * 7 + question * 3) % options


# --- aiogram-dialog on a SQLite FSM storage --------------------------------------------------


class SqliteFsmStorage(BaseStorage):
    """aiogram FSM storage on one SQLite table: key -> state, JSON data. Every write is
    committed before it returns (WAL, synchronous=NORMAL), so a crash loses no update."""

    def __init__(self, path: Path) -> None:
        self.key_builder = DefaultKeyBuilder(with_destiny=True)
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS fsm (key TEXT PRIMARY KEY, state TEXT, data TEXT)"
        )
        self.commits = 0

    def _write(self, sql: str, *args: str | None) -> None:
        self.conn.execute(sql, args)  # autocommit: each statement its own transaction
        self.commits += 1

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        self._write(
            "INSERT INTO fsm (key, state) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET state = excluded.state",
            self.key_builder.build(key),
            value,
        )

    async def get_state(self, key: StorageKey) -> str | None:
        row = self.conn.execute(
            "SELECT state FROM fsm WHERE key = ?", (self.key_builder.build(key),)
        ).fetchone()
        return row[0] if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        self._write(
            "INSERT INTO fsm (key, data) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET data = excluded.data",
            self.key_builder.build(key),
            json.dumps(dict(data)),
        )

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT data FROM fsm WHERE key = ?", (self.key_builder.build(key),)
        ).fetchone()
        loaded: dict[str, Any] = json.loads(row[0]) if row and row[0] else {}
        return loaded

    async def close(self) -> None:
        self.conn.close()


@dataclass
class EditingSession(NullSession):
    """The harness's session, also noting the keyboard of an edited message (aiogram-dialog
    edits the quiz's one message) and keeping that message's id, as Telegram does."""

    def _result(self, method: TelegramMethod[Any], params: dict[str, Any]) -> Any:
        result = super()._result(method, params)
        if method.__api_method__ == "editMessageText":
            chat_id = int(params["chat_id"])
            result["message_id"] = int(params["message_id"])
            markup = params.get("reply_markup")
            self.keyboards[chat_id] = [
                b["callback_data"]
                for row in (markup or {}).get("inline_keyboard", [])
                for b in row
            ]
            self.keyboard_messages[chat_id] = result["message_id"]
        return result


QuizStates = type(
    "QuizStates",
    (StatesGroup,),
    {**{f"q{i}": State() for i in range(10)}, "done": State()},
)


def _state(name: str) -> State:
    state: State = getattr(QuizStates, name)
    return state


async def _feedback(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {
        "feedback": dialog_manager.dialog_data.get("feedback", ""),
        "score": dialog_manager.dialog_data.get("score", 0),
    }


def quiz_dialog() -> Dialog:
    questions = quiz()
    windows = []
    for index, question in enumerate(questions):
        following = f"q{index + 1}" if index + 1 < len(questions) else "done"

        async def answered(
            callback: CallbackQuery,
            widget: Any,
            manager: DialogManager,
            item_id: str,
            index: int = index,
            following: str = following,
        ) -> None:
            options = {o[0]: o for o in questions[index].options}
            right = item_id == questions[index].right
            manager.dialog_data["feedback"] = options[item_id][2]
            manager.dialog_data.setdefault("answers", {})[str(index)] = item_id
            manager.dialog_data["score"] = manager.dialog_data.get("score", 0) + int(right)
            await manager.switch_to(_state(following))

        windows.append(
            Window(
                Format("{feedback}"),
                Const(question.text),
                Column(
                    Select(
                        Format("{item[1]}"),
                        id=f"o{index}",
                        item_id_getter=lambda item: item[0],
                        items=question.options,
                        on_click=answered,
                    )
                ),
                state=_state(f"q{index}"),
                getter=_feedback,
            )
        )
    windows.append(
        Window(
            Format("{feedback}\n\nDone: {score} of 10."), state=_state("done"), getter=_feedback
        )
    )
    return Dialog(*windows)


def dialog_dispatcher(path: Path) -> tuple[Dispatcher, SqliteFsmStorage]:
    storage = SqliteFsmStorage(path)
    dispatcher = Dispatcher(storage=storage)
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(_state("q0"), mode=StartMode.RESET_STACK)

    dispatcher.include_router(router)
    dispatcher.include_router(quiz_dialog())
    setup_dialogs(dispatcher)
    return dispatcher, storage


def _sender(user: int) -> dict[str, Any]:
    return {"id": user, "is_bot": False, "first_name": "U", "language_code": "en"}


def _start(update_id: int, user: int) -> dict[str, Any]:
    message = {
        "message_id": update_id,
        "date": 0,
        "chat": {"id": user, "type": "private"},
        "from": _sender(user),
        "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }
    return {"update_id": update_id, "message": message}


def _press(update_id: int, user: int, message_id: int, data: str) -> dict[str, Any]:
    message = {
        "message_id": message_id,
        "date": 0,
        "chat": {"id": user, "type": "private"},
        "from": BOT_USER,
        "text": "step",
    }
    query = {
        "id": str(update_id),
        "from": _sender(user),
        "chat_instance": "1",
        "message": message,
        "data": data,
    }
    return {"update_id": update_id, "callback_query": query}


async def walk_dialog(users: int, folder: Path) -> tuple[float, int, int]:
    """Elapsed, updates, storage commits."""
    dispatcher, storage = dialog_dispatcher(folder / "dialog.sqlite3")
    session = EditingSession()
    bot = Bot(TOKEN, session=session)
    ids = itertools.count(1)
    count = 0

    async def walk(user: int) -> None:
        nonlocal count
        # Bound to the bot as aiogram's polling reads updates (unbound, feed_update rebuilds
        # each one through JSON).
        update = AiogramUpdate.model_validate(_start(next(ids), user), context={"bot": bot})
        await dispatcher.feed_update(bot, update)
        count += 1
        for question in range(10):
            keyboard = session.keyboards[user]
            data = keyboard[pick(user, question, len(keyboard))]
            raw = _press(next(ids), user, session.keyboard_messages[user], data)
            await dispatcher.feed_update(
                bot, AiogramUpdate.model_validate(raw, context={"bot": bot})
            )
            count += 1
        assert not session.keyboards[user], "the quiz did not reach its end"

    try:
        started = now()
        await asyncio.gather(*(walk(20_000 + i) for i in range(users)))
        elapsed = now() - started
    finally:
        await storage.close()
    return elapsed, count, storage.commits


# --- python-telegram-bot ConversationHandler with PicklePersistence -----------------------


class NullRequest(BaseRequest):
    """Answers every Bot API call in-process, with the work PTB's HTTPXRequest does around
    the network: encodes the parameters, returns JSON bytes for PTB to parse."""

    def __init__(self) -> None:
        self.keyboards: dict[int, list[str]] = {}
        self.keyboard_messages: dict[int, int] = {}
        self._message_ids = itertools.count(1)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = json.loads(request_data.json_payload) if request_data else {}
        result: Any = True
        if name == "getMe":
            result = BOT_USER
        elif name in {"sendMessage", "editMessageText"}:
            chat_id = int(params["chat_id"])
            markup = params.get("reply_markup")
            if isinstance(markup, str):
                markup = json.loads(markup)
            self.keyboards[chat_id] = [
                b["callback_data"]
                for row in (markup or {}).get("inline_keyboard", [])
                for b in row
            ]
            message_id = int(params.get("message_id") or next(self._message_ids))
            if markup:
                self.keyboard_messages[chat_id] = message_id
            result = {
                "message_id": message_id,
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
                **({"reply_markup": markup} if markup else {}),
            }
        return 200, json.dumps({"ok": True, "result": result}).encode()


def ptb_application(path: Path) -> tuple[Application[Any, Any, Any, Any, Any, Any], NullRequest]:
    questions = quiz()
    request = NullRequest()

    def keyboard(index: int) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(text, callback_data=f"{index}:{option}")]
                for option, text, _ in questions[index].options
            ]
        )

    async def start(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.message and context.user_data is not None
        context.user_data["score"] = 0
        await update.message.reply_text(questions[0].text, reply_markup=keyboard(0))
        return 0

    async def answer(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> int:
        query = update.callback_query
        assert query and query.data and context.user_data is not None
        await query.answer()
        index_text, option = query.data.split(":")
        index = int(index_text)
        options = {o[0]: o for o in questions[index].options}
        context.user_data[index] = option
        context.user_data["score"] += int(option == questions[index].right)
        feedback = options[option][2]
        if index + 1 == len(questions):
            score = context.user_data["score"]
            await query.edit_message_text(f"{feedback}\n\nDone: {score} of 10.")
            return ConversationHandler.END
        text = f"{feedback}\n\n{questions[index + 1].text}"
        await query.edit_message_text(text, reply_markup=keyboard(index + 1))
        return index + 1

    with warnings.catch_warnings():  # per_message=False with CallbackQueryHandler: intended
        warnings.simplefilter("ignore")
        conversation = ConversationHandler(
            entry_points=[CommandHandler("start", start)],
            states={
                i: [CallbackQueryHandler(answer, pattern=f"^{i}:")] for i in range(len(questions))
            },
            fallbacks=[],
            name="quiz",
            persistent=True,
        )
    application = (
        Application.builder()
        .token(TOKEN)
        .request(request)
        .get_updates_request(NullRequest())
        .persistence(PicklePersistence(filepath=path))
        .updater(None)
        .job_queue(None)
        .build()
    )
    application.add_handler(conversation)
    return application, request


async def walk_ptb(users: int, folder: Path) -> tuple[float, int]:
    application, request = ptb_application(folder / "ptb.pickle")
    await application.initialize()
    ids = itertools.count(1)
    count = 0

    async def walk(user: int) -> None:
        nonlocal count
        await application.process_update(
            PtbUpdate.de_json(_start(next(ids), user), application.bot)
        )
        count += 1
        for question in range(10):
            keyboard = request.keyboards[user]
            data = keyboard[pick(user, question, len(keyboard))]
            raw = _press(next(ids), user, 1, data)
            await application.process_update(PtbUpdate.de_json(raw, application.bot))
            count += 1
        assert not request.keyboards[user], "the quiz did not reach its end"

    try:
        started = now()
        await asyncio.gather(*(walk(30_000 + i) for i in range(users)))
        await application.update_persistence()  # what a shutdown writes
        elapsed = now() - started
    finally:
        await application.shutdown()
    return elapsed, count


# --- rolebot on the same scenario --------------------------------------------------------


async def walk_rolebot(users: int, folder: Path) -> tuple[float, int]:
    """rolebot on aiogram (its default transport)."""
    async with rolebot(folder) as (app, session):
        chats = [Chat(40_000 + i, SCENARIO, session, language="en") for i in range(users)]
        elapsed, sent = await walk_to_the_end(chats, app.process_raw)
    return elapsed, sum(len(u) for u in sent)


async def walk_rolebot_ptb(users: int, folder: Path) -> tuple[float, int]:
    """rolebot on its python-telegram-bot transport (`bot.ptb`), on the same NullRequest."""
    config = Config(
        framework="ptb",
        database=str(folder / "rolebot-ptb.sqlite3"),
        scenarios_dir=ROOT / "scenarios",
        locales_dir=ROOT / "locales",
        send_rate=0,
    )
    storage = SqliteStorage.open(config.database, background_checkpoints=True)
    request = NullRequest()
    app = PtbApp(config, shipped_library(), storage, RawUpdatesBot(TOKEN, request=request))
    app.translator.warm(compile_messages=False)  # as bot.ptb.app.create_app does
    await app.application.initialize()
    chats = [Chat(60_000 + i, SCENARIO, request, language="en") for i in range(users)]
    try:  # PTB's Update.de_json, then the handlers
        elapsed, sent = await walk_to_the_end(chats, app.process_raw)
    finally:
        await app.close()
    return elapsed, sum(len(u) for u in sent)


async def main_async(users: int, rounds: int) -> None:
    rates: dict[str, list[float]] = defaultdict(list)
    counts: dict[str, int] = {}
    commits = 0
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(rounds):  # interleaved rounds; the best of each counts
            here = Path(folder) / str(round_)
            here.mkdir()
            elapsed, counts["rolebot"] = await walk_rolebot(users, here)
            rates["rolebot"].append(counts["rolebot"] / elapsed)
            elapsed, counts["dialog"], commits = await walk_dialog(users, here)
            rates["dialog"].append(counts["dialog"] / elapsed)
            elapsed, counts["ptb"] = await walk_ptb(users, here)
            rates["ptb"].append(counts["ptb"] / elapsed)
            elapsed, counts["rolebot-ptb"] = await walk_rolebot_ptb(users, here)
            rates["rolebot-ptb"].append(counts["rolebot-ptb"] / elapsed)
    best = {name: max(values) for name, values in rates.items()}

    def spread(name: str) -> str:
        return f"{min(rates[name]):.0f}-{max(rates[name]):.0f}"

    print(
        f"peers: {users} users walking the {SCENARIO} quiz (10 questions) concurrently, "
        f"best of {rounds} interleaved rounds"
    )
    print(f"  {'':44} updates/s     rounds  updates  quizzes/s")
    rows = [
        ("rolebot", "rolebot (engine, 1 SQLite commit per update)"),
        ("dialog", "aiogram-dialog 2.6, SQLite FSM storage"),
        ("ptb", "PTB 22 ConversationHandler, PicklePersistence"),
        ("rolebot-ptb", "rolebot on its PTB transport (bot.ptb)"),
    ]
    for name, label in rows:
        quizzes = best[name] * users / counts[name]
        print(
            f"  {label:44} {best[name]:9.0f}  {spread(name):>9}  {counts[name]:7}  {quizzes:9.1f}"
        )
    per_update = commits / counts["dialog"]
    print(
        f"  ratio rolebot / aiogram-dialog             {best['rolebot'] / best['dialog']:9.2f}"
        f"  (target >= 1.0; its storage made {per_update:.1f} commits per update)"
    )
    print(
        f"  ratio rolebot / PTB ConversationHandler    {best['rolebot'] / best['ptb']:9.2f}"
        "  (rolebot on aiogram)"
    )
    print(
        f"  ratio rolebot on PTB / PTB Conversation    {best['rolebot-ptb'] / best['ptb']:9.2f}"
        "  (target >= 0.8; rolebot commits every update, PicklePersistence only every 60 s"
        " and at shutdown: not durable)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (best counts)")
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.users, args.rounds))


if __name__ == "__main__":
    main()
