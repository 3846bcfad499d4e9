"""What every subcommand shares: settings read once, the scenarios, the storage."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bot.config import Config

if TYPE_CHECKING:
    from bot.core.loader import Library
    from bot.storage import Storage

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """Configuration shared by the subcommands, read once."""

    def __init__(self, database: str | None) -> None:
        self.config = Config()
        if database is not None:
            self.config.database = database
        self._cache_set = False
        self._library: Library | None = None

    def content(self) -> None:
        """Before reading scenario files: where parsed translations are cached."""
        if not self._cache_set:
            from bot.core import fluentcache

            fluentcache.set_cache_dir(self.config.cache_dir)
            self._cache_set = True

    def library(self) -> Library:
        """The scenarios, validated once per command; every problem printed and exit 1 if
        any. (Imported here: commands that need no scenarios start faster.)"""
        if self._library is None:
            self._library = self._load_library()
        return self._library

    def _load_library(self) -> Library:
        from bot.core.errors import ScenarioError
        from bot.core.loader import load_library

        self.content()
        try:
            return load_library(self.config.scenarios_dir, self.config.locales_dir)
        except ScenarioError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(
                f"{len(exc.problems)} error(s): fix the scenarios first "
                "(rolebot validate shows them all).",
                err=True,
            )
            sys.exit(1)

    def storage(self, *, must_exist: bool = False, migrate: bool = True) -> Storage:
        from bot.storage import open_storage

        path = self.config.database
        if must_exist and "://" not in path and not Path(path).exists():
            raise click.ClickException(
                f"no database at {path}. Run the bot or `rolebot play` first, "
                "or try `rolebot simulate --users 500 --database demo.sqlite3`."
            )
        return open_storage(path, migrate=migrate)

    def template_cache(self) -> Path | None:
        """Where compiled report templates are kept between runs (beside the Fluent cache)."""
        return None if self.config.cache_dir is None else self.config.cache_dir / "templates"


pass_context = click.make_pass_decorator(Context)
DATABASE_HELP = (
    "A SQLite file, or postgresql://user@host/db "
    "(default: $ROLEBOT_DATABASE or ./rolebot.sqlite3)."
)


def database_option(fn: F) -> F:
    """`--database` after the subcommand too (`rolebot stats --database x.sqlite3`)."""

    def remember(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
        if value is not None:
            ctx.ensure_object(Context).config.database = value

    return click.option(
        "--database",
        default=None,
        metavar="FILE|URL",
        expose_value=False,
        callback=remember,
        help=DATABASE_HELP,
    )(fn)


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)
