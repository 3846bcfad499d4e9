"""The studio's web application: pages, fragments the page swaps in on a save, the chat
preview's inputs, and a stream of "the files changed" events."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.core.loader import display
from bot.studio import owners, pages
from bot.studio.guard import guard, ui_language
from bot.studio.live import Studio
from bot.studio.preview import TAB_PATTERN, Session, bubbles
from bot.studio.words import Words, words

STATIC = Path(__file__).resolve().parent / "static"
STUDIO: web.AppKey[Studio] = web.AppKey("studio", Studio)
MAX_TYPED = 4096


def make_app(studio: Studio, *, loopback_only: bool = True) -> web.Application:
    app = web.Application(middlewares=[guard(studio.token, loopback_only)])
    app[STUDIO] = studio
    env = pages.environment()

    def render(request: web.Request, template: str, **context: Any) -> web.Response:
        lang = ui_language(request)
        t = words(lang)
        html = env.get_template(template).render(
            t=t, lang=lang, generation=studio.snapshot.generation, **context
        )
        response = web.Response(text=html, content_type="text/html")
        if request.query.get("ui") == lang:
            response.set_cookie("rolebot_studio_ui", lang, samesite="Strict")
        return response

    def folders() -> str:
        w = studio.workspace
        return f"{display(w.scenarios_dir)}, {display(w.locales_dir)}"

    async def index(request: web.Request) -> web.Response:
        t = words(ui_language(request))
        context = pages.scenario_list(studio, ui_language(request), t)
        if request.query.get("part") == "list":
            return render(request, "_list.html", live=pages.live_line(studio, t), **context)
        return render(
            request, "list.html", folders=folders(), live=pages.live_line(studio, t), **context
        )

    def scenario_id(request: web.Request) -> str:
        sid = request.match_info["scenario"]
        if studio.snapshot.file(sid) is None:
            raise web.HTTPNotFound(text=words(ui_language(request))("not-found"))
        return sid

    async def scenario_page(request: web.Request) -> web.Response:
        sid = scenario_id(request)
        lang = ui_language(request)
        t = words(lang)
        panel = await pages.panel(studio, sid, lang, t)
        return render(
            request,
            "scenario.html",
            scenario_id=sid,
            title=pages.title(studio, sid, lang),
            panel=panel,
            folders=folders(),
            live=pages.live_line(studio, t),
            locales=studio.snapshot.library.locales,
        )

    async def owners_page(request: web.Request) -> web.Response:
        lang = ui_language(request)
        library = studio.snapshot.library
        choice = owners.Choice.of(dict(request.query), library)
        view = await owners.owners_view(
            studio.storage,
            library,
            choice,
            ui=lang,
            idle_timeout_hours=studio.idle_timeout_hours,
        )
        titles = {sid: pages.title(studio, sid, lang) for sid in sorted(library.scenarios)}
        return render(
            request,
            "owners.html",
            view=view,
            periods=owners.PERIODS,
            locales=library.locales,
            titles=titles,
            folders=folders(),
            live=pages.live_line(studio, words(lang)),
        )

    async def owners_report(request: web.Request) -> web.Response:
        """The whole HTML report for the chosen filters, shown in the owners' view."""
        lang = ui_language(request)
        library = studio.snapshot.library
        choice = owners.Choice.of(dict(request.query), library)
        html = await owners.report_html(
            studio.storage, library, choice, ui=lang, idle_timeout_hours=studio.idle_timeout_hours
        )
        return web.Response(text=html, content_type="text/html")

    async def panel_part(request: web.Request) -> web.Response:
        sid = scenario_id(request)
        lang = ui_language(request)
        t = words(lang)
        panel = await pages.panel(studio, sid, lang, t)
        return render(
            request, "_panel.html", scenario_id=sid, panel=panel, live=pages.live_line(studio, t)
        )

    async def texts_part(request: web.Request) -> web.Response:
        sid = scenario_id(request)
        step = request.query.get("step", "")
        rows = pages.step_texts(studio, sid, step)
        return render(
            request, "_texts.html", step=step, rows=rows, locales=studio.snapshot.library.locales
        )

    async def session(request: web.Request, fields: dict[str, str]) -> Session:
        sid = scenario_id(request)
        if sid not in studio.snapshot.library.scenarios:
            raise web.HTTPConflict(text=words(ui_language(request))("chat-not-playable"))
        tab = fields.get("tab", "")
        if not TAB_PATTERN.fullmatch(tab):
            raise web.HTTPBadRequest(text="tab")
        locale = fields.get("locale") or ui_language(request)
        if locale not in studio.snapshot.library.locales:
            locale = studio.snapshot.library.locales[0]
        return await studio.preview.session(tab, sid, locale)

    def chat(request: web.Request, current: Session, t: Words) -> web.Response:
        return render(
            request,
            "_chat.html",
            bubbles=bubbles(current, studio.translator, t),
            locale=current.locale,
            kept=studio.snapshot.kept(current.scenario),
        )

    async def chat_view(request: web.Request) -> web.Response:
        current = await session(request, dict(request.query))
        await studio.preview.catch_up(current)
        return chat(request, current, words(ui_language(request)))

    async def chat_input(request: web.Request) -> web.Response:
        fields = {k: str(v) for k, v in (await request.post()).items()}
        current = await session(request, fields)
        preview = studio.preview
        match request.match_info["action"]:
            case "press":
                number = _int(fields.get("number"))
                await preview.press(current, number, fields.get("data", "")[:64])
            case "typed":
                await preview.typed(current, min(max(_int(fields.get("length")), 0), MAX_TYPED))
            case "language":
                await preview.language(current, fields.get("to", ""))
            case "restart":
                await preview.restart(current)
            case "jump":
                await preview.jump(current, fields.get("step", ""))
            case _:
                raise web.HTTPNotFound()
        return chat(request, current, words(ui_language(request)))

    async def changes(request: web.Request) -> web.StreamResponse:
        """Server-sent events: the generation of the checked files, now and on each save."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
        )
        await response.prepare(request)
        generation: int | None = studio.hub.generation
        with contextlib.suppress(ConnectionResetError):
            await response.write(f"retry: 500\ndata: {generation}\n\n".encode())
            while generation is not None:
                generation = await studio.hub.wait(generation)
                if generation is not None:
                    await response.write(f"data: {generation}\n\n".encode())
        return response

    async def closing(_app: web.Application) -> None:
        await studio.hub.close()

    app.on_shutdown.append(closing)
    app.router.add_get("/", index)
    app.router.add_get("/s/{scenario}", scenario_page)
    app.router.add_get("/s/{scenario}/panel", panel_part)
    app.router.add_get("/s/{scenario}/texts", texts_part)
    app.router.add_get("/s/{scenario}/chat", chat_view)
    app.router.add_post("/s/{scenario}/chat/{action}", chat_input)
    app.router.add_get("/events", changes)
    app.router.add_get("/owners", owners_page)
    app.router.add_get("/owners/report", owners_report)
    app.router.add_static("/static/", STATIC)
    return app


def _int(text: str | None) -> int:
    try:
        return int(text or "0")
    except ValueError:
        return 0
