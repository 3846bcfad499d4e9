"""`rolebot stats` in a terminal: rich tables, the worst steps highlighted."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from bot.analytics import loop
from bot.analytics.figures import REVIEW_INTERVALS
from bot.analytics.metrics import ALL, ScenarioStats, Stats, StepFigures
from bot.analytics.report import Texts, Words, duration, number, pct, problem_text, short


def print_stats(stats: Stats, console: Console, texts: Texts, *, detailed: bool) -> None:
    period = stats.filters.describe()
    console.print(
        f"[bold]Runs started {period['since'] or 'since the first day'} → "
        f"{period['until'] or 'today'}[/]  language: {period['lang']}  "
        f"version: {period['version']}  users: {period['source']}  "
        f"dropped after {stats.idle_timeout_hours:g} h idle"
    )
    if not any(s.all.runs.runs for s in stats.scenarios):
        console.print("No runs started in this period (see --since, --until and the filters).")
        return
    words = Words(texts.lang)
    if not detailed:
        console.print(overview(stats, texts))
        console.print(worst(stats, texts))
        if any(loop.has_loop(s) for s in stats.scenarios):
            console.print(loop_overview(stats, texts, words))
    for scenario in stats.scenarios if detailed else ():
        print_scenario(scenario, console, texts)
        print_loop(scenario, console, texts, words)
    users = "user has" if stats.blocked_users == 1 else "users have"
    console.print(
        f"[dim]{stats.blocked_users} {users} blocked the bot, among those who started a run "
        "in this selection (counted apart).[/]"
    )


def _step(texts: Texts, scenario: str, step: str) -> str:
    return short(texts.step(scenario, step), 30)


def _wrong(texts: Texts, scenario: str, step: StepFigures) -> str:
    top = step.top_wrong
    return f"{short(texts.option(scenario, step.step, top[0]), 30)} ×{top[1]}" if top else "—"


def overview(stats: Stats, texts: Texts) -> Table:
    table = Table(title="Scenarios", title_justify="left")
    for name in ("scenario", "runs", "completed", "completion", "dropped", "in progress"):
        table.add_column(name, justify="left" if name == "scenario" else "right")
    table.add_column("median time", justify="right")
    table.add_column("rating", justify="right")
    table.add_column("unsettled", justify="right")
    table.add_column("worst step")
    for s in stats.scenarios:
        r = s.all.runs
        worst = s.worst_steps(1)
        table.add_row(
            texts.title(s.scenario),
            str(r.runs),
            str(r.completed),
            pct(r.completion_rate),
            str(r.dropped),
            str(r.in_progress),
            duration(r.median_complete_s),
            number(r.rating),
            str(r.unsettled),
            f"[red]{_step(texts, s.scenario, worst[0].step)}[/] "
            f"({pct(worst[0].stuck_score)} stuck)"
            if worst
            else "—",
        )
    return table


def worst(stats: Stats, texts: Texts, n: int = 10) -> Table:
    ranked = [(s, step) for s in stats.scenarios for step in s.worst_steps(1000)]
    ranked.sort(key=lambda pair: (-(pair[1].stuck_score or 0.0), -pair[1].reach))
    shown = min(n, len(ranked))
    title = {0: "No step reached by enough runs to rank", 1: "The step where people get stuck"}
    table = Table(title=title.get(shown, f"Top {shown} stuck steps"), title_justify="left")
    for name in ("scenario", "step", "stuck", "reach", "help", "wrong first", "dropped"):
        table.add_column(name, justify="left" if name in ("scenario", "step") else "right")
    table.add_column("most chosen wrong")
    for scenario, step in ranked[:n]:
        table.add_row(
            texts.title(scenario.scenario),
            _step(texts, scenario.scenario, step.step),
            f"[bold red]{pct(step.stuck_score)}[/]",
            str(step.reach),
            pct(step.help_rate),
            pct(step.first_wrong_rate),
            pct(step.drop_rate),
            _wrong(texts, scenario.scenario, step),
        )
    return table


def print_scenario(scenario: ScenarioStats, console: Console, texts: Texts) -> None:
    r = scenario.all.runs
    console.print(
        f"\n[bold]{texts.title(scenario.scenario)}[/] ({scenario.scenario}) version "
        f"{', '.join(scenario.versions)}: {r.runs} runs, {r.completed} completed "
        f"({pct(r.completion_rate)} of {r.settled} settled; {r.unsettled} not settled yet), "
        f"{r.dropped} dropped, "
        f"{r.in_progress} in progress, {r.restarted} restarted, {r.blocked} blocked, "
        f"{r.superseded} moved to a newer version; median time {duration(r.median_complete_s)}, "
        f"rating {number(r.rating)} ({r.rated})"
    )
    if scenario.other_versions:
        others = ", ".join(f"{v}: {n} runs" for v, n in scenario.other_versions.items())
        console.print(f"[dim]Other versions, not counted here: {others} (see --version).[/]")
    worst_ids = {s.step for s in scenario.worst_steps()}
    table = Table(title_justify="left")
    columns = ("#", "step", "reach", "dropped", "drop", "help", "wrong 1st", "tries")
    for name in (*columns, "typed", "median/p90", "top wrong", "stuck"):
        table.add_column(name, justify="left" if name in ("step", "top wrong") else "right")
    for position, step in enumerate(scenario.all.ordered_steps(), start=1):
        table.add_row(
            *row(position, step, texts, scenario.scenario),
            style="bold red" if step.step in worst_ids else None,
        )
    console.print(table)
    languages = [lang for lang in scenario.slices if lang != ALL]
    if len(languages) > 1:
        side = Table(
            title="Languages side by side (drop rate / stuck score)", title_justify="left"
        )
        side.add_column("step")
        for lang in languages:
            side.add_column(f"{lang} ({scenario.slices[lang].runs.runs} runs)", justify="right")
        for step in scenario.all.ordered_steps():
            cells = []
            for lang in languages:
                f = scenario.slices[lang].steps.get(step.step)
                cells.append(f"{pct(f.drop_rate)} / {pct(f.stuck_score)}" if f else "—")
            side.add_row(_step(texts, scenario.scenario, step.step), *cells)
        console.print(side)


def row(position: int, step: StepFigures, texts: Texts, scenario: str) -> list[str]:
    return [
        str(position),
        f"{_step(texts, scenario, step.step)} ({step.kind})",
        str(step.reach),
        str(step.dropped),
        pct(step.drop_rate),
        pct(step.help_rate),
        pct(step.first_wrong_rate),
        number(step.attempts_to_correct),
        pct(step.typed_rate),
        f"{duration(step.median_s)} / {duration(step.p90_s)}",
        _wrong(texts, scenario, step),
        pct(step.stuck_score),
    ]


# -- the learning loop (docs/metrics.md) ------------------------------------------------------


def _share(part: int, rate: float | None) -> str:
    return f"{part} ({pct(rate)})" if rate is not None else str(part)


def _lang(words: Words, lang: str) -> str:
    return words(f"lang-{lang}") if lang in ("all", "ru", "en") else lang


def loop_overview(stats: Stats, texts: Texts, words: Words) -> Table:
    table = Table(title=words("loop-overview"), title_justify="left")
    table.add_column(words("col-scenario"))
    for key in ("col-reminded", "col-resumed", "col-completed-after", "col-reviews"):
        table.add_column(words(key), justify="right")
    for key in ("col-retention", "col-sure-wrong", "col-followup-answered", "col-followup-done"):
        table.add_column(words(key), justify="right")
    for s in stats.scenarios:
        if not loop.has_loop(s):
            continue
        r = s.all.runs
        steps = s.all.steps.values()
        asked = sum(step.confidence_asked for step in steps)
        sure_wrong = sum(step.sure_wrong for step in steps)
        table.add_row(
            texts.title(s.scenario),
            str(r.reminded),
            _share(r.reminder_resumed, r.reminder_resumed_rate),
            _share(r.reminder_completed, r.reminder_completed_rate),
            str(r.reviews.total),
            pct(r.reviews.retention),
            _share(sure_wrong, sure_wrong / asked if asked else None),
            _share(r.followup_answered, r.followup_answer_rate),
            pct(r.followup_share("done")),
        )
    return table


def print_loop(scenario: ScenarioStats, console: Console, texts: Texts, words: Words) -> None:
    """Reminders, reviews, confidently wrong answers and follow-ups, each language apart."""
    if not loop.has_loop(scenario):
        return
    name = scenario.scenario
    reminders = loop.steps_with(scenario, loop.reminded)
    if reminders:
        table = Table(title=words("loop-reminders"), title_justify="left")
        table.add_column(words("col-step"))
        table.add_column(words("col-language"))
        for key in ("col-reminded", "col-resumed", "col-completed-after"):
            table.add_column(words(key), justify="right")
        for step, parts in reminders:
            for lang, f in parts:
                table.add_row(
                    _step(texts, name, step.step) if lang == ALL else "",
                    _lang(words, lang),
                    str(f.reminded),
                    _share(f.reminder_resumed, f.reminder_resumed_rate),
                    _share(f.reminder_completed, f.reminder_completed_rate),
                )
        console.print(table)
    reviews = loop.steps_with(scenario, loop.reviewed)
    if reviews:
        table = Table(title=words("loop-reviews"), title_justify="left")
        table.add_column(words("col-step"))
        table.add_column(words("col-language"))
        table.add_column(words("col-reviews"), justify="right")
        table.add_column(words("col-retention"), justify="right")
        for label, _, _ in REVIEW_INTERVALS:
            table.add_column(words("col-interval", interval=label), justify="right")
        for step, parts in reviews:
            for lang, f in parts:
                spans = {label: (n, share) for label, n, _, share in f.reviews.intervals()}
                cells = [
                    words("retention-of", share=pct(spans[label][1]), answers=spans[label][0])
                    if label in spans
                    else "—"
                    for label, _, _ in REVIEW_INTERVALS
                ]
                table.add_row(
                    _step(texts, name, step.step) if lang == ALL else "",
                    _lang(words, lang),
                    str(f.reviews.total),
                    pct(f.reviews.retention),
                    *cells,
                )
        console.print(table)
    sure = loop.confidently_wrong(scenario)
    if sure:
        table = Table(title=words("loop-confident"), title_justify="left")
        table.add_column(words("col-step"))
        table.add_column(words("col-language"))
        for key in ("col-confidence-asked", "col-sure-wrong"):
            table.add_column(words(key), justify="right")
        table.add_column(words("col-top-sure-wrong"))
        for step, parts in sure:
            for lang, f in parts:
                top = f.top_confidently_wrong
                table.add_row(
                    _step(texts, name, step.step) if lang == ALL else "",
                    _lang(words, lang),
                    str(f.confidence_asked),
                    _share(f.sure_wrong, f.confidently_wrong_rate),
                    f"{short(texts.option(name, step.step, top[0]), 30)} ×{top[1]}"
                    if top
                    else "—",
                )
        console.print(table)
    answered = loop.followups(scenario)
    if answered:
        table = Table(title=words("loop-followup"), title_justify="left")
        table.add_column(words("col-language"))
        for key in ("col-followup-asked", "col-followup-answered", "col-followup-done"):
            table.add_column(words(key), justify="right")
        for key in ("col-followup-not-yet", "col-followup-problem"):
            table.add_column(words(key), justify="right")
        for lang, r in answered:
            table.add_row(
                _lang(words, lang),
                str(r.followup_asked),
                _share(r.followup_answered, r.followup_answer_rate),
                _share(r.followup_done, r.followup_share("done")),
                _share(r.followup_not_yet, r.followup_share("not_yet")),
                _share(r.followup_problem, r.followup_share("problem")),
            )
        console.print(table)
    reported = loop.problems(scenario)
    if reported:
        table = Table(title=words("loop-problems"), title_justify="left")
        table.add_column(words("col-problem"))
        for lang, _ in reported[0][1]:
            table.add_column(_lang(words, lang), justify="right")
        for problem, counts in reported:
            table.add_row(
                short(problem_text(texts, words, name, problem), 40),
                *(str(n) for _, n in counts),
            )
        console.print(table)
