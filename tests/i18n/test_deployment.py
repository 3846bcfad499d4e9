"""Deployment profiles: the market's and the provider's facts that scenario texts show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.loader import Library
from bot.core.replies import Text
from bot.core.translations import DEPLOYMENT_VARIABLES
from bot.i18n import Translator, deployment
from tests.conftest import ROOT


@pytest.mark.parametrize("profile", ["russia", "international"])
def test_shipped_profiles_define_every_variable_in_both_languages(profile: str) -> None:
    values, problems = deployment.check_profile(profile)
    assert problems == []
    assert {locale: set(v) for locale, v in values.items()} == {
        "ru": set(DEPLOYMENT_VARIABLES),
        "en": set(DEPLOYMENT_VARIABLES),
    }


def test_international_profile_states_no_russian_law() -> None:
    values = deployment.load_profile("international")
    for text in values["en"].values():
        assert not re.search(r"161|Russian law|Bank of Russia|finombudsman|cbr\.ru", text)


def test_a_providers_profile_with_mistakes_is_refused_with_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for locale in ("ru", "en"):
        source = (deployment.PROFILES_DIR / "russia" / f"{locale}.ftl").read_text("utf-8")
        (tmp_path / f"{locale}.ftl").write_text(source, encoding="utf-8")
    en = tmp_path / "en.ftl"
    en.write_text(en.read_text("utf-8").replace("emergency =", "emergancy ="), "utf-8")
    line = en.read_text("utf-8").splitlines().index("emergancy = 112") + 1
    with pytest.raises(deployment.ProfileError) as caught:
        deployment.load_profile(str(tmp_path))
    assert [str(p) for p in caught.value.problems] == [
        f'en.ftl:{line}: "emergancy" is not a deployment variable: did you mean "emergency"?',
        'en.ftl:1: no value for the variable "emergency"',
    ]


def test_texts_show_the_profiles_values(library: Library) -> None:
    key = next(
        (scenario, k)
        for (locale, scenario), source in library.sources.items()
        if locale == "en" and scenario
        for k in re.findall(r"^([a-z0-9-]+) = .*\{ \$emergency \}", source, re.M)
    )
    text = Text(key[1], catalogue=key[0])
    russia = Translator(
        library, contact="@x", strict=True, variables=deployment.load_profile("russia")
    )
    world = Translator(
        library, contact="@x", strict=True, variables=deployment.load_profile("international")
    )
    assert "112" in russia.text(text, "en")
    assert "911 in the US" in world.text(text, "en")
    assert "$emergency" not in russia.text(text, "ru")


def test_english_scenario_texts_state_no_market_facts_themselves() -> None:
    """Emergency numbers and Russian deadlines come from the profile, not from the texts."""
    for path in sorted((ROOT / "locales" / "en").glob("*.ftl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            assert not re.search(r"\b112\b|161-FZ", line), f"{path.name}:{number}: {line}"


def test_the_configured_profile_reaches_every_transport(library: Library) -> None:
    """`Config.profile` (ROLEBOT_PROFILE or a .env line) picks the values every transport
    shows: the bot, the player and the studio build their translator with translator_for."""
    from bot.config import Config
    from bot.service.texts import translator_for

    russia = translator_for(Config(profile="russia"), library)
    international = translator_for(Config(profile="international"), library)
    assert russia.variables["en"]["emergency"] != international.variables["en"]["emergency"]
