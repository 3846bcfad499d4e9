"""aiogram routers: commands, button presses, text and everything else a chat can send."""

from __future__ import annotations

import asyncio

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.core import actions, keys
from bot.core.errors import ScenarioError
from bot.core.loader import load_library
from bot.core.menu import menu_button
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
from bot.core.replies import Button, Reply, Text
from bot.i18n import RenderedButton, RenderedReply
from bot.session import topics
from bot.telegram.app import Turn
from bot.telegram.stats import stats

MAX_ERRORS_SHOWN = 30


def build_router() -> Router:
    router = Router(name="rolebot")
    private = F.chat.type == ChatType.PRIVATE
    router.message.register(in_group, ~private)
    router.message.register(start, CommandStart())
    router.message.register(show_menu, Command("menu"))
    router.message.register(resume, Command("continue"))
    router.message.register(language, Command("language"))
    router.message.register(help_command, Command("help"))
    router.message.register(privacy, Command("privacy"))
    router.message.register(forget, Command("forget"))
    router.message.register(reload, Command("reload"))
    router.message.register(stats, Command("stats"))
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(text, F.text)
    router.message.register(unsupported)
    router.callback_query.register(button)
    return router


async def in_group(message: Message, turn: Turn) -> None:
    """Scenarios are personal: in groups only commands get a short pointer to a private chat."""
    if message.text and message.text.startswith("/"):
        await turn.commit()
        await turn.say("group-only-private")


async def start(message: Message, turn: Turn) -> None:
    await turn.commit()
    await turn.say("greeting")
    await show_topics(turn)


async def show_menu(message: Message, turn: Turn) -> None:
    await turn.commit()
    await show_topics(turn)


async def show_topics(turn: Turn) -> None:
    assert turn.user is not None
    app = turn.app
    reply = await app.store.call(topics, app.library, app.store.store, turn.user)
    await turn.send(reply)


async def resume(message: Message, turn: Turn) -> None:
    assert turn.user is not None
    active = turn.user.active_scenario
    store = turn.app.store.store
    if active is not None:
        progress = await turn.app.store.call(store.progress, turn.user.id, active)
        if progress.status is not Status.ACTIVE:
            active = None
    if active is None:
        await turn.commit()
        await turn.say("nothing-to-continue")
        await show_topics(turn)
        return
    await run(turn, active, Start(locale=turn.locale, now_ms=turn.now_ms))


async def language(message: Message, turn: Turn) -> None:
    await turn.commit()
    buttons = tuple(
        (RenderedButton(turn.t(f"language-name-{code}"), actions.Language(code)),)
        for code in turn.app.library.locales
    )
    await turn.send(RenderedReply(turn.t("language-prompt"), buttons, None))


async def help_command(message: Message, turn: Turn) -> None:
    assert turn.user is not None
    if turn.user.active_scenario:
        await run(turn, turn.user.active_scenario, AskHelp(locale=turn.locale, now_ms=turn.now_ms))
        return
    await turn.commit()
    await turn.say("help-general")


async def privacy(message: Message, turn: Turn) -> None:
    await turn.commit()
    await turn.say("privacy")


async def forget(message: Message, turn: Turn) -> None:
    await turn.commit()
    buttons = (
        (RenderedButton(turn.t("button-forget-yes"), actions.Forget(True)),),
        (RenderedButton(turn.t("button-forget-no"), actions.Forget(False)),),
    )
    await turn.send(RenderedReply(turn.t("forget-confirm"), buttons, None))


async def reload(message: Message, turn: Turn) -> None:
    """Admins only: re-read scenarios; a broken edit keeps the old version serving."""
    app = turn.app
    await turn.commit()
    if await turn.refused(message, "reload"):
        return
    try:
        library = await asyncio.to_thread(
            load_library, app.config.scenarios_dir, app.config.locales_dir
        )
    except ScenarioError as exc:
        shown = "\n".join(str(p) for p in exc.problems[:MAX_ERRORS_SHOWN])
        await turn.say("reload-failed", count=len(exc.problems), errors=shown)
        return
    await asyncio.to_thread(app.reload, library)
    await turn.say("reload-done", count=len(library.scenarios))


async def unknown_command(message: Message, turn: Turn) -> None:
    await turn.commit()
    await turn.say("unknown-command")


async def text(message: Message, turn: Turn) -> None:
    """Typed text: an answer on a text step, a confusion signal elsewhere. Only its length
    leaves this function; the words are never stored or logged."""
    assert turn.user is not None and message.text is not None
    active = turn.user.active_scenario
    if active is None:
        await turn.commit()
        await turn.say("choose-topic-first")
        await show_topics(turn)
        return
    await run(
        turn, active, FreeText(length=len(message.text), locale=turn.locale, now_ms=turn.now_ms)
    )


async def unsupported(message: Message, turn: Turn) -> None:
    """Stickers, photos, voice, files: a calm pointer back to the buttons."""
    await turn.commit()
    assert turn.user is not None
    active = turn.user.active_scenario
    buttons: tuple[tuple[Button, ...], ...] = ()
    if active:
        buttons = ((Button(Text("button-continue"), actions.Open(active)),),)
    await turn.send(Reply(parts=(Text("unsupported-content"),), buttons=buttons))


async def button(query: CallbackQuery, turn: Turn) -> None:
    """A button press: answer the query first (the spinner stops), then do the work."""
    await turn.app.outbox.answer_callback(query.id)
    action = actions.decode(query.data or "")
    if action is None:
        await turn.commit()
        await turn.say("button-unknown")
        await show_topics(turn)
        return
    await close_pressed_message(query, action, turn)
    loc, now = turn.locale, turn.now_ms
    match action:
        case actions.Answer(scenario, version, step, option):
            inp = Choose(step=step, option=option, version=version, locale=loc, now_ms=now)
            await run(turn, scenario, inp)
        case actions.Next(scenario, version, step):
            await run(turn, scenario, Advance(step=step, version=version, locale=loc, now_ms=now))
        case actions.Help(scenario, version, step):
            await run(turn, scenario, AskHelp(step=step, version=version, locale=loc, now_ms=now))
        case actions.Rate(scenario, version, score):
            await run(turn, scenario, Rate(score=score, version=version, locale=loc, now_ms=now))
            await suggest_next(turn, scenario)
        case actions.Open(scenario):
            await run(turn, scenario, Start(locale=loc, now_ms=now))
        case actions.Restart(scenario):
            await run(turn, scenario, Restart(locale=loc, now_ms=now))
        case actions.Menu():
            await turn.commit()
            await show_topics(turn)
        case actions.Language(code):
            await change_language(turn, code)
        case actions.Forget(confirm):
            await forget_answer(turn, confirm)


async def close_pressed_message(query: CallbackQuery, action: actions.Action, turn: Turn) -> None:
    """Keep the chat readable: only the newest message has live buttons. An answered step
    keeps its text and shows the choice, so the history reads like a conversation."""
    message = query.message
    if not isinstance(message, Message) or turn.chat_id is None:
        return
    if isinstance(action, actions.Language | actions.Forget | actions.Menu | actions.Open):
        await turn.app.outbox.close_keyboard(turn.chat_id, message.message_id, None)
        return
    label = _pressed_label(message, query.data or "")
    original = message.text
    if isinstance(action, actions.Answer | actions.Rate) and label and original:
        await turn.app.outbox.close_keyboard(
            turn.chat_id, message.message_id, f"{original}\n\n→ {label}"
        )
    else:
        await turn.app.outbox.close_keyboard(turn.chat_id, message.message_id, None)


def _pressed_label(message: Message, data: str) -> str | None:
    markup = message.reply_markup
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for key in row:
            if key.callback_data == data:
                return key.text
    return None


async def run(turn: Turn, scenario: str, inp: Input) -> None:
    result = await turn.apply(scenario, inp)
    if result is None:
        return  # a redelivered update: its replies went out the first time
    for reply in merged(result.replies):
        await turn.send(reply)


def merged(replies: tuple[Reply, ...]) -> list[Reply]:
    """Feedback and the next step in one message: fewer messages to scroll past, and one
    Bot API call less per answer. A reply without buttons joins the next one."""
    out: list[Reply] = []
    lead: tuple[Text, ...] = ()
    for reply in replies:
        if not reply.buttons and reply is not replies[-1]:
            lead += reply.parts
            continue
        out.append(Reply(parts=lead + reply.parts, buttons=reply.buttons, step=reply.step))
        lead = ()
    return out


async def suggest_next(turn: Turn, finished: str) -> None:
    """After a rating: the next topic the user has not completed yet, if any."""
    assert turn.user is not None
    app = turn.app
    progress = await app.store.call(app.store.store.all_progress, turn.user.id)
    pending = [
        sid
        for sid in sorted(app.library.scenarios)
        if sid != finished and progress.get(sid, Progress(sid)).status is not Status.COMPLETED
    ]
    if not pending:
        await turn.send(Reply(parts=(Text("all-done"),), buttons=((menu_button(),),)))
        return
    title = Text(keys.TITLE, catalogue=pending[0])
    await turn.send(
        Reply(
            parts=(Text("next-suggestion", args={"title": title}),),
            buttons=((Button(title, actions.Open(pending[0])),), (menu_button(),)),
        )
    )


async def change_language(turn: Turn, code: str) -> None:
    assert turn.user is not None
    if code not in turn.app.library.locales:
        await turn.commit()
        await turn.say("button-unknown")
        return
    previous = turn.user.locale
    active = turn.user.active_scenario
    turn.user = type(turn.user)(**{**turn.user.__dict__, "locale": code, "locale_chosen": True})
    if active:
        inp = ChangeLanguage(previous=previous, locale=code, now_ms=turn.now_ms)
        result = await turn.apply(active, inp, chosen_locale=code)
        await turn.say("language-set")
        if result is not None:
            for reply in merged(result.replies):
                await turn.send(reply)
        return
    await turn.commit(locale=code)
    await turn.say("language-set")
    await show_topics(turn)


async def forget_answer(turn: Turn, confirm: bool) -> None:
    assert turn.user is not None
    if not confirm:
        await turn.commit()
        await turn.say("forget-cancelled")
        return
    store = turn.app.store.store
    locale = turn.locale
    await turn.app.store.call(store.forget, turn.user.external_id)
    await turn.app.store.call(store.mark_processed, turn.update_id, turn.now_ms)
    turn.committed = True
    await turn.send(RenderedReply(turn.app.translator("forget-done", locale), (), None))
