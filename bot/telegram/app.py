"""The running bot: one Update at a time per user, committed before it counts as processed."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from functools import partial

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import BotCommand, Message, Update

from bot.config import Config
from bot.core import engine
from bot.core.loader import Library, load_library
from bot.core.progress import Input
from bot.core.replies import Reply
from bot.i18n import RenderedReply, Translator, negotiate
from bot.session import Outcome, apply
from bot.storage import AsyncStore, Checkpointer, Commit, Store, User, open_database
from bot.telegram.locks import KeyedLocks
from bot.telegram.outbox import Blocked, Outbox, TelegramSession

log = logging.getLogger(__name__)
COMMANDS = ("start", "menu", "continue", "language", "help", "privacy", "forget")
ALLOWED_UPDATES = ["message", "callback_query", "edited_message", "my_chat_member"]


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class Turn:
    """One Update being handled: who, where, and whether its effects are committed yet."""

    app: BotApp
    update_id: int
    user: User | None
    chat_id: int | None
    now_ms: int
    committed: bool = False
    sent: list[int] = field(default_factory=list)
    unreachable: bool = False
    """A send got 403: recorded once, and nothing more is sent for this update."""

    @property
    def locale(self) -> str:
        return self.user.locale if self.user else "en"

    def t(self, key: str, **args: object) -> str:
        return self.app.translator(key, self.locale, **args)

    async def apply(
        self, scenario_id: str, inp: Input, *, chosen_locale: str | None = None
    ) -> engine.Result | None:
        """Run the engine and commit, with this update's id, in one transaction."""
        assert self.user is not None
        job = partial(
            apply,
            self.app.library,
            self.app.store.store,
            self.user,
            scenario_id,
            inp,
            update_id=self.update_id,
            chosen_locale=chosen_locale,
        )
        outcome: Outcome = await self.app.store.call(job)
        self.committed = True
        return outcome.result

    async def commit(self, **changes: object) -> bool:
        """Commit user changes (or nothing but the update id) for a turn without the engine."""
        store = self.app.store.store
        if self.user is None:
            done = await self.app.store.call(store.mark_processed, self.update_id, self.now_ms)
        else:
            change = Commit(
                user_id=self.user.id,
                now_ms=self.now_ms,
                update_id=self.update_id,
                **changes,  # type: ignore[arg-type]
            )
            done = await self.app.store.call(store.commit, change)
        self.committed = True
        return bool(done)

    async def send(self, reply: Reply | RenderedReply, locale: str | None = None) -> None:
        if self.chat_id is None or self.unreachable:
            return
        rendered = (
            self.app.translator.reply(reply, locale or self.locale)
            if isinstance(reply, Reply)
            else reply
        )
        try:
            message_id = await self.app.outbox.send(self.chat_id, rendered)
        except Blocked:
            self.unreachable = True
            await self.app.blocked(self)
            return
        if message_id is not None:
            self.sent.append(message_id)

    async def refused(self, message: Message, command: str) -> bool:
        """Admin commands: True (and the refusal sent and logged) unless the sender's numeric
        id is in ROLEBOT_ADMINS."""
        sender = message.from_user.id if message.from_user else None
        if sender in self.app.config.admins:
            return False
        log.warning("admin command refused", extra={"command": command})
        await self.say("admin-only")
        return True

    async def say(self, key: str, **args: object) -> None:
        await self.send(RenderedReply(self.t(key, **args), (), None))


class BotApp:
    """Holds what every handler needs; `process` is the only way an Update gets in."""

    def __init__(self, config: Config, library: Library, store: AsyncStore, bot: Bot) -> None:
        from bot.telegram.handlers import build_router

        self.config = config
        self.library = library
        self.translator = Translator(library, contact=config.support_contact)
        self.store = store
        self.bot = bot
        self.outbox = Outbox(bot)
        # No aiogram FSM: conversation state lives in SQLite. Its default MemoryStorage would
        # also keep a record per chat in RAM.
        self.dispatcher = Dispatcher(disable_fsm=True)
        self.dispatcher.include_router(build_router())
        self.locks = KeyedLocks()
        self.checkpointer: Checkpointer | None = None

    def reload(self, library: Library) -> None:
        """Swap in a new library; call from a thread (warming the translator takes time)."""
        translator = Translator(library, contact=self.config.support_contact)
        translator.warm()
        self.library, self.translator = library, translator

    async def process(self, update: Update) -> None:
        """Apply one Update exactly once; returns only after its effects are committed."""
        sender = _sender(update)
        async with self.locks.hold(sender or ("update", update.update_id)):
            turn = await self.store.call(self._begin, update, sender)
            if turn is None:
                log.info("duplicate update ignored", extra={"update_id": update.update_id})
                return
            try:
                await self.dispatcher.feed_update(self.bot, update, turn=turn)
            except Exception:
                log.exception("update failed", extra={"update_id": update.update_id})
                if not turn.committed:
                    await turn.say("error-generic")
            if not turn.committed:
                await turn.commit()

    def _begin(self, update: Update, sender: int | None) -> Turn | None:
        """In the writer thread, in one hop: skip a processed update, else find the user
        (creating them on first sight, unblocking them if they had blocked the bot)."""
        store = self.store.store
        if store.is_processed(update.update_id):
            return None
        user = None
        if sender is not None:
            locale = negotiate(_language_code(update), self.library.locales)
            user = store.user(f"tg:{sender}", locale, now_ms())
            if user.blocked:
                store.commit(Commit(user_id=user.id, now_ms=now_ms(), blocked=False))
        return Turn(self, update.update_id, user, _chat_id(update), now_ms())

    async def blocked(self, turn: Turn) -> None:
        """403 from Telegram: mark the user and, if a run is active, record where it stopped."""
        if turn.user is None:
            return
        from bot.core import events

        store = self.store.store
        user = turn.user
        facts: tuple[events.Event, ...] = ()
        if user.active_scenario:
            p = await self.store.call(store.progress, user.id, user.active_scenario)
            if p.run:
                facts = (
                    events.BotBlocked(
                        scenario=p.scenario,
                        version=p.version,
                        run=p.run,
                        step=p.step,
                        locale=user.locale,
                        at_ms=now_ms(),
                    ),
                )
        change = Commit(user_id=user.id, now_ms=now_ms(), events=facts, blocked=True)
        await self.store.call(store.commit, change)
        log.info("user blocked the bot", extra={"user": user.key})

    async def register_commands(self) -> None:
        """The command menu in each locale, and in English for every other language."""
        for locale in (*self.library.locales, None):
            commands = [
                BotCommand(command=c, description=self.translator(f"command-{c}", locale or "en"))
                for c in COMMANDS
            ]
            await self.outbox.call(
                partial(self.bot.set_my_commands, commands, language_code=locale)
            )


def _sender(update: Update) -> int | None:
    event = update.message or update.edited_message or update.callback_query
    if event is not None and event.from_user is not None:
        return event.from_user.id
    if update.my_chat_member is not None:
        return update.my_chat_member.from_user.id
    if update.message is not None and update.message.chat.type == "private":
        return update.message.chat.id  # a private chat is its user's, even without `from`
    return None


def _language_code(update: Update) -> str | None:
    event = update.message or update.edited_message or update.callback_query
    if event is not None and event.from_user is not None:
        return event.from_user.language_code
    return None


def _chat_id(update: Update) -> int | None:
    if update.message is not None:
        return update.message.chat.id
    if update.callback_query is not None:
        message = update.callback_query.message
        if message is not None:
            return message.chat.id
        return update.callback_query.from_user.id
    return None


def make_bot(config: Config, token: str) -> Bot:
    session = TelegramSession()
    if config.api_base:
        session.api = TelegramAPIServer.from_base(config.api_base.rstrip("/"))
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=None))


async def create_app(config: Config, token: str, library: Library | None = None) -> BotApp:
    """Load and validate scenarios (refusing to start on errors), open storage, build the bot."""
    if library is None:
        library = await asyncio.to_thread(load_library, config.scenarios_dir, config.locales_dir)
    db = await asyncio.to_thread(open_database, config.database, autocheckpoint=False)
    store = AsyncStore(Store(db))
    app = BotApp(config, library, store, make_bot(config, token))
    app.checkpointer = Checkpointer(config.database).start()
    # Bundles now; compiling every message would delay the first poll by ~0.7 s per 100
    # scenarios, and each message compiles in well under a millisecond on first use anyway.
    app.translator.warm(compile_messages=False)
    return app
