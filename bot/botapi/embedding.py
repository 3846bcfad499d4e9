"""rolebot inside another bot, whatever its library: the commands and the callback data
prefix that keep rolebot's updates apart from the host's, and opening rolebot's parts with
the host's storage setting and admin ids."""

from __future__ import annotations

from collections.abc import Iterable

from bot.config import Config
from bot.core import actions
from bot.core.loader import Library, load_library
from bot.storage import Storage, open_storage

PREFIX = "rb:"
"""Before every rolebot button's data, so a host's own buttons never reach rolebot."""
COMMANDS = {
    "lessons": "menu",
    "lessons_continue": "continue",
    "lessons_help": "help",
    "lessons_language": "language",
    "lessons_privacy": "privacy",
    "lessons_forget": "forget",
}
"""What a user types in the host bot -> rolebot's command (the host keeps /start and /help)."""
ADMIN_COMMANDS = {"lessons_stats": "stats", "lessons_reload": "reload"}


class EmbeddingError(Exception):
    """rolebot cannot be mounted as asked; the message says why."""


def longest_callback(library: Library) -> int:
    """The longest button data rolebot can send for these scenarios, in bytes."""
    longest = 0
    for scenario in library.scenarios.values():
        sid, version = scenario.spec.id, scenario.version
        for step in scenario.steps.values():
            datas: list[actions.Action] = [
                actions.Help(sid, version, step.id),
                actions.Next(sid, version, step.id),
                actions.Reveal(sid, version, step.id),
                actions.Rate(sid, version, 5),
            ]
            datas += [
                actions.Answer(sid, version, step.id, o.id) for o in getattr(step, "options", [])
            ]
            longest = max(longest, *(len(actions.encode(d).encode()) for d in datas))
    return longest


def open_parts(
    database: str, admins: Iterable[int], config: Config | None, prefix: str
) -> tuple[Config, Library, Storage]:
    """Settings with the host's storage and admins, validated scenarios, open storage."""
    config = (config or Config()).model_copy(
        update={"database": str(database), "admins": list(admins)}
    )
    library = load_library(config.scenarios_dir, config.locales_dir)
    room = actions.CALLBACK_LIMIT - len(prefix.encode())
    if longest_callback(library) > room:
        raise EmbeddingError(
            f"with the prefix {prefix!r} some button data would exceed Telegram's "
            f"{actions.CALLBACK_LIMIT} bytes: use a shorter prefix or shorter ids"
        )
    return config, library, open_storage(config.database)
