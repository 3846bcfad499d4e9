"""The follow-up: its declaration checked like the rest of a scenario, and its small flow."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import actions, events, followup
from bot.core.learning import Outcome
from bot.core.loader import validate
from bot.core.scenario import Scenario
from tests.core.test_engine import SPEC, keys_of, make
from tests.core.validate_helpers import Project

YAML = "scenarios/demo.yaml"
EN = "locales/en/demo.ftl"
RU = "locales/ru/demo.ftl"
DECLARATION = """followup:
  after_days: 3
  problems: [card-kept, no-cash]
"""
TEXTS = {
    "en": """followup = Did you manage to withdraw cash on your own?
followup--card-kept = The ATM kept my card
    .help = Call the bank at once on the number on its website and block the card.
followup--no-cash = No cash came out
    .help = Keep the receipt and write to the bank the same day.
""",
    "ru": """followup = Получилось ли у вас снять наличные самостоятельно?
followup--card-kept = Банкомат забрал карту
    .help = Сразу позвоните в банк по номеру с его сайта и заблокируйте карту.
followup--no-cash = Деньги не выдал
    .help = Сохраните чек и в тот же день напишите в банк.
""",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The validator's base fixture with a follow-up declared and written in both languages
    (lines 24-26 of the YAML)."""
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path)
    project.append(YAML, DECLARATION)
    project.append(EN, TEXTS["en"])
    project.append(RU, TEXTS["ru"])
    return project


# -- the declaration -------------------------------------------------------------------------


def test_a_declared_follow_up_validates(project: Project) -> None:
    library, problems = validate([Path("scenarios")], Path("locales"))
    assert problems == []
    declared = library.scenarios["demo"].spec.followup
    assert declared is not None
    assert (declared.after_days, declared.problems) == (3, ["card-kept", "no-cash"])


def test_every_mistake_at_once_in_a_writers_words(project: Project) -> None:
    project.edit(YAML, "  after_days: 3\n", "  after_days: 0\n  after: 2\n")
    project.edit(YAML, "[card-kept, no-cash]", "[card-kept, Card_Kept, card-kept]")
    assert project.problems() == [
        'scenarios/demo.yaml:25: "after_days" is 0: it must be from 1 to 90',
        'scenarios/demo.yaml:26: unknown field "after": did you mean "after_days"?',
        "scenarios/demo.yaml:27: \"problems\": 'Card_Kept' is not a valid id (lowercase "
        "letters and digits, words joined by single hyphens)",
    ]


def test_problems_repeated_or_named_other_and_missing_texts(project: Project) -> None:
    project.edit(YAML, "[card-kept, no-cash]", "[card-kept, no-cash, card-kept, other]")
    project.delete(EN, "followup = Did you manage to withdraw cash on your own?")
    project.delete(RU, "    .help = Сохраните чек и в тот же день напишите в банк.")
    assert project.problems() == [
        'locales/ru/demo.ftl:21: message "followup--no-cash" needs a .help attribute',
        'scenarios/demo.yaml:24: no "followup" message in locale en',
        'scenarios/demo.yaml:26: duplicate problem "card-kept"',
        'scenarios/demo.yaml:26: no "followup--other" message in locale en',
        'scenarios/demo.yaml:26: no "followup--other" message in locale ru',
        'scenarios/demo.yaml:26: problem "other" is taken by the "Something else" button, '
        "which every follow-up has: pick another word or leave it out",
    ]


def test_a_follow_up_needs_a_problem_and_at_most_seven(project: Project) -> None:
    project.edit(YAML, "[card-kept, no-cash]", "[]")
    assert project.problems() == ["scenarios/demo.yaml:26: a follow-up needs at least one problem"]
    project.edit(YAML, "[]", "[" + ", ".join(f"p{i}" for i in range(8)) + "]")
    assert project.problems() == [
        "scenarios/demo.yaml:26: a follow-up has at most seven problems, not 8"
    ]


def test_a_follow_up_written_as_a_word(project: Project) -> None:
    project.edit(YAML, DECLARATION, "followup: yes\n")
    assert project.problems() == [
        'scenarios/demo.yaml:24: "followup" should be fields such as "after_days: 3" on lines '
        "of their own, not 'yes'"
    ]


def test_texts_without_a_declaration_are_unexpected(project: Project) -> None:
    project.edit(YAML, DECLARATION, "")
    problems = project.problems()
    unexpected = 'unexpected message "followup": no step, option or item has this id'
    assert f"locales/en/demo.ftl:18: {unexpected}" in problems
    assert len(problems) == 6  # three messages, two languages


def test_followup_is_a_reserved_step_id(project: Project) -> None:
    project.edit(YAML, "  - id: intro\n", "  - id: followup\n")
    project.edit(
        YAML, "id: demo\nobjectives: [learn]\n", "id: demo\nstart: followup\nobjectives: [learn]\n"
    )
    assert 'scenarios/demo.yaml:5: step id "followup" is reserved for scenario texts' in (
        project.problems()
    )


def test_follow_up_buttons_must_fit_in_64_bytes(project: Project) -> None:
    """w:<scenario>:<version>:<run>:<problem>, with room for a four-digit run."""
    project.edit(YAML, "id: demo\n", "id: atm-withdrawal\n")
    for name in (YAML, EN, RU):
        project.path(name).rename(project.path(name.replace("demo", "atm-withdrawal")))
    fits, too_long = "the-atm-kept-my-card-and-the-mone", "the-atm-kept-my-card-and-the-money"
    yaml, en, ru = (n.replace("demo", "atm-withdrawal") for n in (YAML, EN, RU))
    project.edit(yaml, "[card-kept, no-cash]", f"[{fits}, {too_long}]")
    for name in (en, ru):
        project.edit(name, "followup--card-kept", f"followup--{fits}")
        project.edit(name, "followup--no-cash", f"followup--{too_long}")
    assert project.problems() == [
        "scenarios/atm-withdrawal.yaml:26: follow-up button data would be 65 bytes, over "
        "Telegram's 64: shorten the scenario id or the problem id"
    ]


# -- the flow ----------------------------------------------------------------------------------

SCENARIO = make({**SPEC, "followup": {"after_days": 3, "problems": ["card-kept", "no-cash"]}})
V = SCENARIO.version
DAY = 86_400_000


def test_due_some_days_after_completion_and_only_when_declared() -> None:
    assert followup.due_at_ms(SCENARIO, 1_000) == 1_000 + 3 * DAY
    assert followup.due_at_ms(make(), 1_000) is None
    assert followup.ask(make(), 1, "en", 0) == followup.FollowupResult()


def test_ask_names_the_topic_and_offers_three_answers_in_two_rows() -> None:
    result = followup.ask(SCENARIO, 4, "ru", 5)
    (reply,) = result.replies
    assert keys_of(reply) == ["followup-intro", "followup"]
    assert reply.parts[0].args["days"] == 3
    assert reply.parts[1].catalogue == "demo"
    assert [[(b.label.key, b.action) for b in row] for row in reply.buttons] == [
        [
            ("followup-yes", actions.FollowupAnswer("demo", V, 4, Outcome.DONE)),
            ("followup-not-yet", actions.FollowupAnswer("demo", V, 4, Outcome.NOT_YET)),
        ],
        [("followup-problem", actions.FollowupAnswer("demo", V, 4, Outcome.PROBLEM))],
    ]
    assert result.events == (
        events.FollowupAsked(
            scenario="demo", version=V, run=4, step=None, locale="ru", at_ms=5, after_days=3
        ),
    )


def answered(result: followup.FollowupResult) -> tuple[str, ...]:
    return tuple(getattr(e, "outcome", getattr(e, "problem", "")) for e in result.events)


@pytest.mark.parametrize(
    ("outcome", "reply_keys"),
    [
        (Outcome.DONE, ["followup-done"]),
        (Outcome.NOT_YET, ["followup-not-yet-reply"]),
        (Outcome.PROBLEM, ["followup-which-problem"]),
    ],
)
def test_each_answer_is_recorded_for_the_run_it_was_asked_about(
    outcome: Outcome, reply_keys: list[str]
) -> None:
    pressed = actions.FollowupAnswer("demo", "old", 4, outcome)
    result = followup.respond(SCENARIO, pressed, "en", 9)
    assert keys_of(result.replies[0]) == reply_keys
    (fact,) = result.events
    assert isinstance(fact, events.FollowupAnswered)
    assert (fact.version, fact.run, fact.step, fact.outcome) == ("old", 4, None, outcome.value)


def test_not_yet_offers_the_topic_again() -> None:
    result = followup.respond(
        SCENARIO, actions.FollowupAnswer("demo", V, 1, Outcome.NOT_YET), "en", 9
    )
    actions_ = [b.action for row in result.replies[0].buttons for b in row]
    assert actions_ == [actions.Open("demo"), actions.Menu()]


def test_something_went_wrong_lists_the_scenarios_problems_and_something_else() -> None:
    result = followup.respond(
        SCENARIO, actions.FollowupAnswer("demo", V, 2, Outcome.PROBLEM), "en", 9
    )
    rows = result.replies[0].buttons
    assert [row[0].label.key for row in rows] == [
        "followup--card-kept",
        "followup--no-cash",
        "followup-other",
    ]
    assert [row[0].action for row in rows] == [
        actions.FollowupProblem("demo", V, 2, p) for p in ("card-kept", "no-cash", "other")
    ]


def test_a_problem_gets_its_own_help_and_is_recorded() -> None:
    result = followup.respond(
        SCENARIO, actions.FollowupProblem("demo", V, 2, "card-kept"), "ru", 9
    )
    (reply,) = result.replies
    assert [(p.key, p.attribute) for p in reply.parts] == [
        ("followup--card-kept", "help"),
        ("followup-more-help", None),
    ]
    (fact,) = result.events
    assert isinstance(fact, events.FollowupProblem)
    assert (fact.problem, fact.run, fact.locale) == ("card-kept", 2, "ru")


def test_something_else_points_to_a_person() -> None:
    result = followup.respond(SCENARIO, actions.FollowupProblem("demo", V, 2, "other"), "en", 9)
    assert keys_of(result.replies[0]) == ["followup-other-reply"]
    assert answered(result) == ("other",)


def test_a_problem_no_longer_declared_asks_again_and_records_nothing() -> None:
    result = followup.respond(SCENARIO, actions.FollowupProblem("demo", V, 2, "gone"), "en", 9)
    assert keys_of(result.replies[0]) == ["followup-outdated", "followup-which-problem"]
    assert result.events == ()


def test_a_scenario_that_dropped_its_follow_up_still_takes_the_answer() -> None:
    plain: Scenario = make()
    result = followup.respond(plain, actions.FollowupAnswer("demo", V, 2, Outcome.DONE), "en", 9)
    assert answered(result) == ("done",)
    listed = followup.respond(
        plain, actions.FollowupAnswer("demo", V, 2, Outcome.PROBLEM), "en", 9
    )
    assert [row[0].label.key for row in listed.replies[0].buttons] == ["followup-other"]
