"""The teaching lint: warnings about valid scenarios that would teach badly, as exact lines.

Each test edits the valid base fixture (tests/fixtures/validate/base: info `intro` ->
question `ask` -> choice `pick` -> end `done`) so that one warning fires, and compares the
complete output. Texts are measured as the bot renders them, so `{ -term }` counts as its
text and `{ $contact }` as the placeholder "@support".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.core import lint
from bot.core.plaintext import CONTACT_PLACEHOLDER
from tests.core.validate_helpers import Project

YAML = "scenarios/demo.yaml"
RU = "locales/ru/demo.ftl"
EN = "locales/en/demo.ftl"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


def english(length: int) -> str:
    """Readable filler of exactly `length` characters, ending in a full stop."""
    return ("Read this twice. " * 100)[: length - 1] + "."


def russian(length: int) -> str:
    return ("Прочтите дважды. " * 100)[: length - 1] + "."


# --- The YAML: objectives, questions, where the right answer is ---


def test_scenario_without_objectives_and_questions(project: Project) -> None:
    project.write_scenario(
        """\
        id: demo
        steps:
          - id: intro
            kind: info
            next: done
          - id: done
            kind: end
            checklist: [item]
        """
    )
    assert project.problems() == [
        "scenarios/demo.yaml:1: warning: no objectives: say what the learner will be able to do",
        "scenarios/demo.yaml:2: warning: no question at all: people learn by answering",
    ]


def questions(*correct: int, options: tuple[int, ...] = ()) -> str:
    """Questions in a row: question k has `options[k]` options (default 3), the right one
    at index `correct[k]`."""
    steps = []
    for k, right in enumerate(correct):
        following = f"q{k + 1}" if k + 1 < len(correct) else "done"
        steps.append(f"  - id: q{k}\n    kind: question\n    next: {following}\n    options:\n")
        for j in range(options[k] if options else 3):
            steps.append(f"      - id: o{j}\n" + ("        correct: true\n" if j == right else ""))
    return (
        "id: demo\nobjectives: [learn]\nsteps:\n"
        + "".join(steps)
        + "  - id: done\n    kind: end\n    checklist: [item]\n"
    )


@pytest.mark.parametrize(
    ("correct", "expected"),
    [
        pytest.param(
            (0, 0, 0),
            [
                "scenarios/demo.yaml:8: warning: the right answer is option 1 in all 3 "
                "questions: learners learn to press it; vary its position"
            ],
            id="always-first",
        ),
        pytest.param(
            (1, 1, 1, 1),
            [
                "scenarios/demo.yaml:9: warning: the right answer is option 2 in all 4 "
                "questions: learners learn to press it; vary its position"
            ],
            id="always-second",
        ),
        pytest.param(
            (2, 2, 2),
            [
                # The same place is "option 3" here: the first matching rule wins.
                "scenarios/demo.yaml:10: warning: the right answer is option 3 in all 3 "
                "questions: learners learn to press it; vary its position"
            ],
            id="always-third",
        ),
        pytest.param((0, 0), [], id="two-questions-are-no-pattern"),
        pytest.param((0, 2, 0), [], id="varied"),
    ],
)
def test_right_answer_in_the_same_place(
    project: Project, correct: tuple[int, ...], expected: list[str]
) -> None:
    project.write_scenario(questions(*correct))
    assert project.problems() == expected


def test_right_answer_always_last_with_different_option_counts(project: Project) -> None:
    """Options 3, 4 and 3: never the same number, always the last button."""
    project.write_scenario(questions(2, 3, 2, options=(3, 4, 3)))
    assert project.problems() == [
        "scenarios/demo.yaml:10: warning: the right answer is the last option in all 3 "
        "questions: learners learn to press it; vary its position"
    ]


def test_position_warning_beside_errors(project: Project) -> None:
    """Like the objectives warning, it needs the YAML only, so it shows beside errors."""
    project.write_scenario(questions(0, 0, 0).replace("next: done", "next: gone"))
    assert project.problems() == [
        "scenarios/demo.yaml:8: warning: the right answer is option 1 in all 3 "
        "questions: learners learn to press it; vary its position",
        'scenarios/demo.yaml:22: step "q2" goes to missing step "gone": did you mean "done"?',
    ]


# --- Every branch taught: an objective reachable on every path ---


BRANCHES = """\
    id: demo
    objectives: [spot, act]
    steps:
      - id: intro
        kind: info
        next: what
      - id: what
        kind: choice
        options:
          - id: kept
            next: kept
          - id: fine
            next: done
      - id: kept
        kind: question
        next: done
        options:
          - id: call
            correct: true
          - id: wait
      - id: done
        kind: end
        checklist: [item]
    """


def test_choice_option_that_skips_what_another_teaches(project: Project) -> None:
    """The atm-withdrawal defect: "all fine" goes straight to the end, past the only step
    about a kept card, so that objective is reachable on some paths only."""
    project.write_scenario(BRANCHES)
    assert project.problems() == [
        'scenarios/demo.yaml:12: warning: option "fine" of choice "what" never leads to '
        'step "kept", which option "kept" teaches: an objective is reachable on some paths '
        "only; after one case lead on to the other, or teach the cases one after another",
    ]


def test_cases_taught_one_after_another_are_fine(project: Project) -> None:
    project.write_scenario(
        BRANCHES.replace("next: done\n      - id: kept\n", "next: kept\n      - id: kept\n")
    )
    assert project.problems() == []


def test_wrong_answer_branch_that_skips_the_rest(project: Project) -> None:
    """A consequence step ("what happened next") must bring the learner back: a wrong answer
    that jumps to the end skips what the right answer goes on to teach."""
    project.write_scenario(
        """\
        id: demo
        objectives: [learn]
        steps:
          - id: ask
            kind: question
            next: more
            options:
              - id: right
                correct: true
              - id: rash
                next: oops
          - id: oops
            kind: info
            next: done
          - id: more
            kind: question
            next: done
            options:
              - id: right
                correct: true
              - id: wrong
          - id: done
            kind: end
            checklist: [item]
        """
    )
    assert project.problems() == [
        'scenarios/demo.yaml:10: warning: wrong option "rash" of question "ask" never leads to '
        'step "more", which the right answer teaches: an objective is reachable on some paths '
        "only; bring the learner back after the consequence",
    ]
    project.edit(
        YAML,
        "    next: done\n  - id: more",
        "    next: more\n  - id: more",
    )
    assert project.problems() == []


# --- Feedback and help ---


def test_choice_option_without_feedback(project: Project) -> None:
    """Allowed (the bot goes straight on to the branch), but the learner gets no word on it.
    Reported in each language's file, where the .feedback goes."""
    project.delete(EN, "    .feedback = Good.")
    project.delete(RU, "    .feedback = Хорошо.")
    assert project.problems() == [
        'locales/en/demo.ftl:12: warning: choice option "pick--calm" has no .feedback: '
        "say a word about this choice before its branch",
        'locales/ru/demo.ftl:12: warning: choice option "pick--calm" has no .feedback: '
        "say a word about this choice before its branch",
    ]


# --- Lengths ---


LONG_INTRO = (
    '"intro" is {n} characters (over 600): too long for a phone screen, split the step or '
    "move detail into .explanation"
)


@pytest.mark.parametrize(("length", "warned"), [(600, False), (601, True)])
def test_step_text_over_600_characters(project: Project, length: int, warned: bool) -> None:
    """Measured as rendered: `{ $contact }` counts as the placeholder, not as 12 characters."""
    contact = "{ $contact }"
    filler = length - len(CONTACT_PLACEHOLDER) - 1
    project.edit(EN, "intro = Hello! Ask { $contact } if you are stuck.", "intro = ")
    project.edit(RU, "intro = Привет! Если застряли, спросите { $contact }.", "intro = ")
    project.edit(EN, "intro = ", f"intro = {english(filler)} {contact}")
    project.edit(RU, "intro = ", f"intro = {russian(filler)} {contact}")
    warning = f"warning: {LONG_INTRO.format(n=length)}"
    expected = [f"{EN}:4: {warning}", f"{RU}:4: {warning}"] if warned else []
    assert project.problems() == expected


def test_step_text_long_only_once_a_term_is_rendered(project: Project) -> None:
    """The source is short; the text the learner reads is not."""
    project.edit(EN, "intro = Hello! Ask { $contact } if you are stuck.", "intro = { -rules }")
    project.append(EN, f"-rules = {english(700)}\n")
    project.edit(RU, "intro = Привет! Если застряли, спросите { $contact }.", "intro = { -rules }")
    project.append(RU, f"-rules = {russian(650)}\n")
    assert project.problems() == [
        f"{EN}:4: warning: {LONG_INTRO.format(n=700)}",
        f"{RU}:4: warning: {LONG_INTRO.format(n=650)}",
    ]


def test_help_text_over_800_characters(project: Project) -> None:
    project.edit(EN, ".hint = The first one.", f".hint = {english(801)}")
    project.edit(RU, ".hint = Первый.", f".hint = {russian(800)}")
    assert project.problems() == [
        'locales/en/demo.ftl:6: warning: "ask.hint" is 801 characters (over 800): '
        "too long for a phone screen, shorten it"
    ]


def test_button_label_over_40_characters(project: Project) -> None:
    project.edit(
        EN, "ask--right = Right", "ask--right = Right: the one that the rules ask for here"
    )
    project.edit(
        RU, "ask--right = Верный", "ask--right = Верный: тот, которого требуют правила здесь"
    )
    assert project.problems() == [
        'locales/en/demo.ftl:7: warning: button "ask--right" is 42 characters (over 40): '
        "phones cut long labels, shorten it",
        'locales/ru/demo.ftl:7: warning: button "ask--right" is 43 characters (over 40): '
        "phones cut long labels, shorten it",
    ]


def test_choice_label_and_title_are_buttons_too(project: Project) -> None:
    """The title is the topic's button in the menu."""
    project.edit(EN, "title = Demo", "title = A demonstration of everything the bot can do")
    project.edit(RU, "title = Демо", "title = Демонстрация всего, что умеет бот, от начала")
    project.edit(
        EN, "pick--rush = Rush", "pick--rush = Rush, because there is never enough time left"
    )
    project.edit(
        RU, "pick--rush = Спешить", "pick--rush = Спешить: времени всегда и на всё не хватает"
    )
    label = "characters (over 40): phones cut long labels, shorten it"
    assert project.problems() == [
        f'locales/en/demo.ftl:1: warning: button "title" is 44 {label}',
        f'locales/en/demo.ftl:14: warning: button "pick--rush" is 45 {label}',
        f'locales/ru/demo.ftl:1: warning: button "title" is 44 {label}',
        f'locales/ru/demo.ftl:14: warning: button "pick--rush" is 43 {label}',
    ]


def test_objective_and_checklist_item_are_not_buttons(project: Project) -> None:
    long_line = "Remember the thing, and the other thing, and why"
    project.edit(EN, "done--item = Remember the thing", f"done--item = {long_line}")
    project.edit(
        RU, "done--item = Запомнить главное", "done--item = Запомнить главное и почему это важно"
    )
    assert project.problems() == []


# --- The two languages ---


def test_one_language_much_shorter(project: Project) -> None:
    """Reported in the shorter one: that is where a sentence is likely missing."""
    project.edit(
        EN,
        "intro = Hello! Ask { $contact } if you are stuck.",
        "intro = Hello! Read each situation slowly. Ask { $contact } if you are stuck, "
        "or press the help button below.",
    )
    project.edit(EN, ".feedback = No.", ".feedback = No: the second one is the wrong one.")
    project.edit(RU, ".feedback = Нет.", ".feedback = Нет: это не он, попробуйте ещё раз.")
    assert project.problems() == [
        'locales/ru/demo.ftl:4: warning: "intro" is 41 characters in ru but 97 in en: '
        "is a sentence missing?"
    ]


@pytest.mark.parametrize(
    ("ru", "en", "warned"),
    [
        pytest.param("Нет.", "No, not that one at all, sorry about that.", True, id="3-to-42"),
        pytest.param("Нет.", "No, not that one at all, sorry.", False, id="short-texts-vary"),
        pytest.param(
            "Нет, не этот, попробуйте другой.",
            "No, not this one: try another one, please. It's.",
            False,
            id="ratio-1.5",
        ),
        pytest.param(
            "Нет, не этот.", "No, not this one: try another one, please. It is.", True, id="4x"
        ),
    ],
)
def test_length_ratio_limits(project: Project, ru: str, en: str, warned: bool) -> None:
    """Warned when the longer text has 40+ characters and is over twice the shorter."""
    project.edit(EN, ".feedback = No.", f".feedback = {en}")
    project.edit(RU, ".feedback = Нет.", f".feedback = {ru}")
    expected = (
        [
            f'locales/ru/demo.ftl:10: warning: "ask--wrong.feedback" is {len(ru)} characters '
            f"in ru but {len(en)} in en: is a sentence missing?"
        ]
        if warned
        else []
    )
    assert project.problems() == expected


# --- Strictness and the limits' documentation ---


def test_strict_turns_lint_warnings_into_failure(project: Project) -> None:
    project.edit(
        EN, "ask--right = Right", "ask--right = Right: the one that the rules ask for here"
    )
    project.edit(
        RU, "ask--right = Верный", "ask--right = Верный: тот, которого требуют правила здесь"
    )
    lenient = CliRunner().invoke(cli, ["validate", "scenarios"])
    strict = CliRunner().invoke(cli, ["validate", "--strict", "scenarios"])
    assert (lenient.exit_code, strict.exit_code) == (0, 1)
    assert strict.stderr == "1 scenario(s) valid, 0 error(s), 2 warning(s)\n"


def test_limits_are_documented() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text("utf-8")
    for limit in (lint.TEXT_LIMIT, lint.ATTRIBUTE_LIMIT, lint.LABEL_LIMIT, lint.RATIO_MIN_LENGTH):
        assert f"{limit} characters" in guide
