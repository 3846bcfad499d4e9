"""The scenarios as the studio sees them: every file's problems, and a library that keeps
the last good version of a scenario playable while its files are broken."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.loader import (
    INTERFACE_FILE,
    LOCALES,
    Library,
    NotUtf8Error,
    check_interface,
    check_scenario,
    read_source,
    scenario_files,
)
from bot.core.problems import Problem, Severity
from bot.core.scenario import Scenario

WATCHED_SUFFIXES = (".yaml", ".yml", ".ftl")


@dataclass(frozen=True)
class FileState:
    """One scenario file as last checked. `scenario` is None when it has errors."""

    path: Path
    problems: tuple[Problem, ...]
    scenario: Scenario | None

    @property
    def scenario_id(self) -> str:
        return self.path.stem

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(frozen=True)
class Snapshot:
    """What the studio shows and plays after one check; replaced whole, never changed."""

    generation: int
    library: Library
    files: tuple[FileState, ...]
    interface: tuple[Problem, ...]
    checked_at: float = field(default_factory=time.time)
    duration_s: float = 0.0

    def problems(self) -> list[Problem]:
        """Every problem, in the order `rolebot validate` prints them."""
        found = list(self.interface)
        for state in self.files:
            found.extend(state.problems)
        return found

    def file(self, scenario_id: str) -> FileState | None:
        return next((f for f in self.files if f.scenario_id == scenario_id), None)

    def kept(self, scenario_id: str) -> bool:
        """Broken now, but its last good version still plays."""
        state = self.file(scenario_id)
        return (
            state is not None and state.scenario is None and scenario_id in self.library.scenarios
        )


class Workspace:
    """Checks scenario and locale files, all at first and then only the ones that changed."""

    def __init__(
        self, scenarios_dir: Path, locales_dir: Path, locales: Iterable[str] = LOCALES
    ) -> None:
        self.scenarios_dir = scenarios_dir
        self.locales_dir = locales_dir
        self.locales = tuple(locales)
        self._files: dict[Path, FileState] = {}
        self._good: dict[str, tuple[Scenario, dict[str, str]]] = {}
        self._interface_sources: dict[str, str] = {}
        self._interface: tuple[Problem, ...] = ()
        self.snapshot = Snapshot(0, Library(locales=self.locales), (), ())

    def reload(self, changed: Iterable[Path] | None = None) -> Snapshot:
        """Check again (everything, or what `changed` paths touch) and publish a snapshot.

        Runs in a worker thread: it only reads files and builds new objects."""
        began = time.perf_counter()
        paths = scenario_files([self.scenarios_dir]) if self.scenarios_dir.is_dir() else []
        if changed is None:
            stems, interface = {p.stem for p in paths}, True
        else:
            changed = [Path(p) for p in changed]
            stems = {p.stem for p in changed if p.name != INTERFACE_FILE}
            interface = any(p.name == INTERFACE_FILE for p in changed)
        if interface:
            self._check_interface()
        for path in list(self._files):
            if path not in paths:
                del self._files[path]
        for path in paths:
            if path.stem in stems or path not in self._files:
                self._check(path)
        ids = {p.stem for p in paths}
        for gone in set(self._good) - ids:
            del self._good[gone]
        library = Library(locales=self.locales)
        for locale, text in self._interface_sources.items():
            library.sources[(locale, "")] = text
        for scenario_id, (scenario, texts) in sorted(self._good.items()):
            library.scenarios[scenario_id] = scenario
            for locale, text in texts.items():
                library.sources[(locale, scenario_id)] = text
        self.snapshot = Snapshot(
            generation=self.snapshot.generation + 1,
            library=library,
            files=tuple(self._files[p] for p in paths),
            interface=self._interface,
            duration_s=time.perf_counter() - began,
        )
        return self.snapshot

    def _check(self, path: Path) -> None:
        scenario, problems, texts = check_scenario(path, self.locales_dir, self.locales)
        taken = {
            f.scenario.id: f.scenario.source
            for other, f in self._files.items()
            if other != path and f.scenario is not None
        }
        if scenario is not None and scenario.id in taken:
            # As `rolebot validate` says it: two files (x.yaml, x.yml) with one id.
            clash = Problem(
                scenario.source, 1, f'scenario id "{scenario.id}" also in {taken[scenario.id]}'
            )
            problems, scenario = [*problems, clash], None
        self._files[path] = FileState(path, tuple(problems), scenario)
        if scenario is not None:
            self._good[scenario.id] = (scenario, texts)

    def _check_interface(self) -> None:
        problems = check_interface(self.locales_dir, self.locales)
        self._interface = tuple(problems)
        if any(p.severity is Severity.ERROR for p in problems) and self._interface_sources:
            return  # keep the last good interface texts
        for locale in self.locales:
            path = self.locales_dir / locale / INTERFACE_FILE
            with contextlib.suppress(OSError, NotUtf8Error):  # reported by check_interface
                self._interface_sources[locale] = read_source(path)


def relevant(path: Path) -> bool:
    """A file whose change can change a scenario (editors' swap and backup files are not)."""
    return path.suffix in WATCHED_SUFFIXES and not path.name.startswith((".", "#"))
