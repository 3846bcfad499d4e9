"""Deployment profiles: a provider's and a market's facts that scenario texts use as variables.

A profile is a folder with one Fluent file per locale (`ru.ftl`, `en.ftl`); each message is
the value of the variable of the same name. rolebot ships `russia` and `international` in
bot/i18n/profiles; ROLEBOT_PROFILE names one of them or a folder of a provider's own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from fluent.runtime import FluentBundle

from bot.core import fluentcache
from bot.core.errors import RolebotError
from bot.core.loader import LOCALES, display, read_source
from bot.core.problems import Problem, did_you_mean
from bot.core.translations import DEPLOYMENT_VARIABLES, parse_ftl

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
DEFAULT_PROFILE = "russia"
Values = Mapping[str, Mapping[str, str]]
"""locale -> variable name -> the text shown in its place."""


@dataclass
class ProfileError(RolebotError):
    """A profile that cannot be used; `problems` lists every reason as file:line."""

    problems: list[Problem]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def profile_dir(profile: str) -> Path:
    """A shipped profile's name, or the path of a provider's folder."""
    shipped = PROFILES_DIR / profile
    return shipped if "/" not in profile and shipped.is_dir() else Path(profile)


def check_profile(
    profile: str, locales: Iterable[str] = LOCALES
) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Every variable's value in every locale, and every problem: a missing file, a variable
    not defined, one that no text can use, Fluent errors."""
    folder = profile_dir(profile)
    values: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for locale in locales:
        path = folder / f"{locale}.ftl"
        name = display(path)
        try:
            source = read_source(path)
        except (OSError, ValueError) as exc:
            problems.append(Problem(name, 0, f"cannot read the profile: {exc}"))
            continue
        ftl = parse_ftl(source, frozenset())
        problems.extend(Problem(name, line, message) for line, message in ftl.problems)
        for key, message in ftl.messages.items():
            if key not in DEPLOYMENT_VARIABLES:
                problems.append(
                    Problem(
                        name,
                        message.line,
                        f'"{key}" is not a deployment variable'
                        f"{did_you_mean(key, DEPLOYMENT_VARIABLES - ftl.messages.keys())}",
                    )
                )
        for key in sorted(DEPLOYMENT_VARIABLES - ftl.messages.keys()):
            problems.append(Problem(name, 1, f'no value for the variable "{key}"'))
        bundle = FluentBundle([locale], use_isolating=False)
        bundle.add_resource(fluentcache.parse(source))
        values[locale] = {}
        for key in DEPLOYMENT_VARIABLES & ftl.messages.keys():
            pattern = bundle.get_message(key).value
            if pattern is not None:
                values[locale][key] = str(bundle.format_pattern(pattern, {})[0])
    return values, problems


def load_profile(profile: str, locales: Iterable[str] = LOCALES) -> Values:
    """The values of a profile, or ProfileError listing everything wrong with it."""
    values, problems = check_profile(profile, locales)
    if problems:
        raise ProfileError(problems)
    return values


def configured() -> Values:
    """The profile ROLEBOT_PROFILE names (the same setting as `Config.profile`, read here
    from the environment so that i18n does not import the configuration layer)."""
    return load_profile(os.environ.get("ROLEBOT_PROFILE") or DEFAULT_PROFILE)
