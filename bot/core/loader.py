"""Loading scenarios and their translations, reporting every problem as `file:line: message`."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from bot.core import lint, structure, translations, wording, yamlsource
from bot.core.errors import ScenarioError
from bot.core.locales import LOCALES as LOCALES  # re-exported for the loader's users
from bot.core.model import ScenarioSpec
from bot.core.plaintext import PlainTexts
from bot.core.problems import Problem, Severity
from bot.core.scenario import Scenario

INTERFACE_FILE = "bot.ftl"


@dataclass
class Library:
    """Everything the engine and the renderers need: scenarios and Fluent sources."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    """(locale, catalogue) -> Fluent source; catalogue "" is the interface, else a scenario id."""
    locales: tuple[str, ...] = LOCALES


def display(path: Path) -> str:
    """A path as a writer would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class NotUtf8Error(ValueError):
    """A scenario or locale file in another encoding; the message says which it looks like."""


def read_source(path: Path) -> str:
    """A scenario or locale file as text: UTF-8, with or without a byte order mark (which
    Windows editors add and which Fluent would read as a stray character)."""
    try:
        with path.open(encoding="utf-8-sig") as stream:
            return stream.read()
    except UnicodeDecodeError:
        raise NotUtf8Error(_not_utf8(path.read_bytes())) from None


def _not_utf8(data: bytes) -> str:
    guess = ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        guess = " (looks like UTF-16)"
    else:
        text = data.decode("cp1251", errors="replace")
        non_ascii = sum(ord(c) > 127 for c in text)
        # Russian in Windows-1251 decodes to words of Cyrillic letters; the accented letters
        # of Latin-1 and the like decode to single letters among Latin ones.
        in_words = len(re.findall(r"(?<=[\u0400-\u04ff])[\u0400-\u04ff]", text))
        if non_ascii and in_words >= 0.5 * non_ascii:
            guess = " (looks like Windows-1251)"
    return f"not UTF-8{guess}: save it as UTF-8"


def check_scenario(
    yaml_path: Path,
    locales_dir: Path,
    locales: Iterable[str] = LOCALES,
    *,
    texts_lint: bool = True,
) -> tuple[Scenario | None, list[Problem], dict[str, str]]:
    """Validate one scenario with its translations. Returns the scenario only if error-free.

    `texts_lint=False` skips the teaching warnings that render every text (the slow ones)."""
    name = display(yaml_path)
    problems: list[Problem] = []
    try:
        source = yamlsource.parse(read_source(yaml_path))
    except yamlsource.YamlSyntaxError as exc:
        return None, [Problem(name, exc.line, exc.message)], {}
    except NotUtf8Error as exc:
        return None, [Problem(name, 0, str(exc))], {}
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read file: {exc}")], {}
    for key, line in source.duplicates:
        problems.append(Problem(name, line, f'duplicate key "{key}"'))
    if not isinstance(source.data, dict):
        return None, [*problems, Problem(name, 1, "expected a mapping with id and steps")], {}
    try:
        spec = ScenarioSpec.model_validate(source.data)
    except ValidationError as exc:
        for loc, message in wording.schema_problems(exc.errors()):
            problems.append(Problem(name, source.line(loc), message))
        return None, sorted(set(problems)), {}
    for path, message in structure.check(spec, yaml_path.name):
        problems.append(Problem(name, source.line(path), message))
    problems.extend(lint.structure_warnings(spec, source, name))

    texts: dict[str, str] = {}
    files: dict[str, translations.FtlFile] = {}
    ftl_names: dict[str, str] = {}
    for locale in locales:
        ftl_path = locales_dir / locale / f"{spec.id}.ftl"
        ftl_names[locale] = display(ftl_path)
        try:
            texts[locale] = read_source(ftl_path)
        except NotUtf8Error as exc:
            problems.append(Problem(ftl_names[locale], 0, str(exc)))
            continue
        except OSError:
            problems.append(Problem(name, 1, f"missing translation file {display(ftl_path)}"))
            continue
        files[locale] = translations.parse_ftl(texts[locale])
        problems.extend(Problem(ftl_names[locale], ln, m) for ln, m in files[locale].problems)
    # Repeated or reserved step ids make every key comparison a consequence: report the
    # ids alone (structure.check does), fix, rerun.
    expected = {} if structure.ambiguous_ids(spec) else translations.expected_keys(spec)
    compared = {} if structure.ambiguous_ids(spec) else files
    for locale, where, message in translations.compare(expected, compared):
        if isinstance(where, int):
            problems.append(Problem(ftl_names[locale], where, message))
        else:
            problems.append(Problem(name, source.line(where), message))
    problems = sorted(set(problems))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems, texts
    first = files[next(iter(files))]
    attributes = {k: frozenset(m.attributes) for k, m in first.messages.items()}
    scenario = Scenario.build(spec, name, attributes)
    if texts_lint:
        plain = PlainTexts(texts)
        problems += lint.text_warnings(scenario, source, name, plain, files, ftl_names)
    return scenario, sorted(set(problems)), texts


def check_interface(locales_dir: Path, locales: Iterable[str] = LOCALES) -> list[Problem]:
    """The interface texts: valid Fluent, and the same keys and attributes in every locale."""
    problems: list[Problem] = []
    files: dict[str, translations.FtlFile] = {}
    names: dict[str, str] = {}
    for locale in locales:
        path = locales_dir / locale / INTERFACE_FILE
        names[locale] = display(path)
        try:
            files[locale] = translations.parse_ftl(read_source(path), None)
        except NotUtf8Error as exc:
            problems.append(Problem(names[locale], 0, str(exc)))
            continue
        except OSError:
            problems.append(Problem(names[locale], 1, "missing interface translation file"))
            continue
        problems.extend(Problem(names[locale], ln, m) for ln, m in files[locale].problems)
    for locale, ftl in files.items():
        for other, theirs in files.items():
            if other == locale:
                continue
            for key, message in ftl.messages.items():
                if key not in theirs.messages:
                    problems.append(
                        Problem(names[other], 1, f'no "{key}" message (it is in locale {locale})')
                    )
                    continue
                for attribute in message.attributes:
                    if attribute not in theirs.messages[key].attributes:
                        problems.append(
                            Problem(
                                names[other],
                                theirs.messages[key].line,
                                f'"{key}" has .{attribute} in locale {locale} but not in {other}',
                            )
                        )
    return sorted(set(problems))


def scenario_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files named directly, or found in named directories."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            found.append(path)
    return found


def validate(
    paths: Iterable[Path],
    locales_dir: Path,
    locales: Iterable[str] = LOCALES,
    *,
    texts_lint: bool = True,
) -> tuple[Library, list[Problem]]:
    """Check scenario files and the interface texts; the library holds the error-free ones."""
    locales = tuple(locales)
    library = Library(locales=locales)
    problems = check_interface(locales_dir, locales)
    for locale in locales:
        path = locales_dir / locale / INTERFACE_FILE
        with contextlib.suppress(OSError, NotUtf8Error):  # check_interface reported it
            library.sources[(locale, "")] = read_source(path)
    seen: dict[str, str] = {}
    for yaml_path in scenario_files(paths):
        scenario, found, texts = check_scenario(
            yaml_path, locales_dir, locales, texts_lint=texts_lint
        )
        problems.extend(found)
        if scenario is None:
            continue
        if scenario.id in seen:
            problems.append(
                Problem(
                    scenario.source, 1, f'scenario id "{scenario.id}" also in {seen[scenario.id]}'
                )
            )
            continue
        seen[scenario.id] = scenario.source
        library.scenarios[scenario.id] = scenario
        for locale, text in texts.items():
            library.sources[(locale, scenario.id)] = text
    return library, problems


def load_library(
    scenarios_dir: Path, locales_dir: Path, locales: Iterable[str] = LOCALES
) -> Library:
    """Load everything for serving; raises ScenarioError listing every error (not warnings)."""
    # Serving needs the errors only: skip rendering every text for warnings nobody sees.
    library, problems = validate([scenarios_dir], locales_dir, locales, texts_lint=False)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ScenarioError(errors)
    return library
