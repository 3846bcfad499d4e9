"""The running studio: the scenarios being watched, the preview conversations, and a hub
that tells open pages when the files changed."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from bot.analytics import metrics
from bot.analytics.figures import StepFigures
from bot.analytics.filters import Filters
from bot.config import Config
from bot.service import Conversation
from bot.service.texts import translator_for
from bot.storage import Storage
from bot.studio.preview import Preview
from bot.studio.workspace import Snapshot, Workspace, relevant

log = logging.getLogger(__name__)
STEP_MS = 50
"""How long the watcher waits for a burst of writes (an editor's save) to settle."""


class Hub:
    """The generation of the checked files; pages wait on it (server-sent events)."""

    def __init__(self) -> None:
        self.generation = 0
        self.closing = False
        self._changed = asyncio.Condition()

    async def publish(self, generation: int) -> None:
        async with self._changed:
            self.generation = generation
            self._changed.notify_all()

    async def wait(self, after: int) -> int | None:
        """The next generation after `after`; None when the studio is stopping."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.closing or self.generation != after)
            return None if self.closing else self.generation

    async def close(self) -> None:
        async with self._changed:
            self.closing = True
            self._changed.notify_all()


class Studio:
    """One per server. `reload` swaps the scenarios under the preview between inputs."""

    def __init__(
        self,
        workspace: Workspace,
        storage: Storage,
        *,
        config: Config | None = None,
        token: str | None = None,
    ) -> None:
        """`config`: the support contact, deployment profile and idle timeout to use."""
        self.workspace = workspace
        self.storage = storage
        self.config = config or Config()
        self.idle_timeout_hours = self.config.idle_timeout_hours
        self.token = token
        self.snapshot = workspace.snapshot
        self.service = Conversation(self.snapshot.library, storage)
        self.preview = Preview(self.service)
        self.translator = translator_for(self.config, self.snapshot.library)
        self.hub = Hub()

    async def reload(self, changed: list[Path] | None = None) -> Snapshot:
        snapshot = await asyncio.to_thread(self.workspace.reload, changed)
        self.snapshot = snapshot
        self.service.library = snapshot.library
        self.translator = translator_for(self.config, snapshot.library)
        await self.hub.publish(snapshot.generation)
        log.info(
            "scenarios checked",
            extra={"generation": snapshot.generation, "seconds": round(snapshot.duration_s, 3)},
        )
        return snapshot

    async def watch(self, stop: asyncio.Event) -> None:
        """Check what changed on every save until `stop` is set."""
        from watchfiles import awatch

        folders = [
            p for p in (self.workspace.scenarios_dir, self.workspace.locales_dir) if p.is_dir()
        ]
        if not folders:
            return
        async for changes in awatch(
            *folders,
            watch_filter=lambda _change, path: relevant(Path(path)),
            step=STEP_MS,
            stop_event=stop,
        ):
            await self.reload([Path(path) for _change, path in changes])

    async def figures(self, scenario_id: str) -> tuple[dict[str, StepFigures], int]:
        """The current version's step figures (studio previews left out) and its runs."""
        filters = Filters(scenarios=(scenario_id,))
        now = metrics.now_ms()
        cutoff = metrics.idle_cutoff(now, self.idle_timeout_hours)
        tallies = await self.storage.tallies(filters, cutoff)
        stats = metrics.compute(
            tallies,
            self.snapshot.library,
            filters,
            now=now,
            idle_timeout_hours=self.idle_timeout_hours,
        )
        for scenario in stats.scenarios:
            if scenario.scenario == scenario_id:
                return scenario.all.steps, scenario.all.runs.runs
        return {}, 0
