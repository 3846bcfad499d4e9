"""`rolebot studio`: the local web app for writers and owners."""

from __future__ import annotations

import click

from bot.cli.context import Context, database_option, pass_context, run_async


@click.command("studio")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port (0: any free).")
@database_option
@pass_context
def studio_command(obj: Context, host: str, port: int) -> None:
    """Preview scenarios as a Telegram-like chat, their problems and their flow map, live.

    Saving a scenario or .ftl file updates the open pages within a second; a broken edit
    shows its errors while the last good version keeps playing. Serves 127.0.0.1 by
    default; any other address needs ROLEBOT_STUDIO_TOKEN. Preview conversations go to the
    database under the source "studio", left out of statistics unless asked for.
    """
    from bot.studio.guard import UnsafeBindingError, check_binding
    from bot.studio.live import Studio
    from bot.studio.serve import serve_forever
    from bot.studio.workspace import Workspace

    config = obj.config
    token = config.studio_token.get_secret_value() if config.studio_token else None
    try:
        check_binding(host, token)
    except UnsafeBindingError as exc:
        raise click.ClickException(str(exc)) from None
    studio = Studio(
        Workspace(config.scenarios_dir, config.locales_dir),
        obj.storage(),
        config=config,
        token=token,
    )

    def announce(url: str) -> None:
        click.echo(f"rolebot studio: open {url} (Ctrl+C to stop)")

    try:
        run_async(serve_forever(studio, host, port, announce))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        raise click.ClickException(f"cannot serve on {host}:{port}: {exc}") from None
