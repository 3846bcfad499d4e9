"""The validator: every kind of problem, reported all at once as exact `file:line: message` lines.

Most tests copy the valid base fixture (tests/fixtures/validate/base, scenario `demo`) into
tmp_path and break one thing; the expected lines are the complete output, so any extra or
missing finding fails the test. Open the base files with line numbers to follow along.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.core.errors import ScenarioError
from bot.core.loader import LOCALES, load_library, scenario_files, validate
from bot.core.problems import Severity
from tests.core.validate_helpers import Project

REPO = Path(__file__).resolve().parents[2]
YAML = "scenarios/demo.yaml"
RU = "locales/ru/demo.ftl"
EN = "locales/en/demo.ftl"
ID_RULE = "is not a valid id (lowercase letters and digits, words joined by single hyphens)"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


def test_base_fixture_is_valid_without_warnings(project: Project) -> None:
    library, problems = validate([Path("scenarios")], Path("locales"))
    assert problems == []
    assert list(library.scenarios) == ["demo"]


# --- YAML and schema: these stop the file's checking before structure and translations ---


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    next: ask\n",
            "    next: [ask\n",
            # The flow sequence opened on line 6 fails where the parser gives up, on line 7.
            "scenarios/demo.yaml:7: YAML syntax error: expected ',' or ']', but got ':'",
            id="unclosed-bracket",
        ),
        pytest.param(
            "    kind: choice\n",
            "\tkind: choice\n",
            "scenarios/demo.yaml:15: YAML syntax error: a tab character: indent with spaces only",
            id="tab",
        ),
        pytest.param(
            "    next: ask\n",
            "   next: ask\n",
            "scenarios/demo.yaml:6: YAML syntax error: wrong indentation (3 spaces): line up the "
            "fields of one step, and the items of one list, exactly; the lines it could belong "
            "to start after 0, 2 or 4 spaces",
            id="field-indented-less",
        ),
        pytest.param(
            "      - id: wrong\n",
            "     - id: wrong\n",
            "scenarios/demo.yaml:13: YAML syntax error: wrong indentation (5 spaces): line up the "
            "fields of one step, and the items of one list, exactly; the lines it could belong "
            "to start after 0, 2, 4, 6 or 8 spaces",
            id="option-indented-less",
        ),
        pytest.param(
            "    kind: info\n",
            "      kind: info\n",
            "scenarios/demo.yaml:5: YAML syntax error: wrong indentation (6 spaces): line up the "
            "fields of one step, and the items of one list, exactly; the lines it could belong "
            "to start after 0, 2 or 4 spaces",
            id="field-indented-more",
        ),
        pytest.param(
            "    checklist: [item]\n",
            "  checklist: [item]\n",
            "scenarios/demo.yaml:23: YAML syntax error: wrong indentation (2 spaces): line up the "
            "fields of one step, and the items of one list, exactly",
            id="field-under-the-dash",
        ),
        pytest.param(
            "    next: ask\n",
            "    next: ask: now\n",
            'scenarios/demo.yaml:6: YAML syntax error: a ": " inside a value: put the value in '
            "quotes",
            id="colon-in-a-value",
        ),
    ],
)
def test_yaml_syntax_error(project: Project, old: str, new: str, expected: str) -> None:
    project.edit(YAML, old, new)
    assert project.problems() == [expected]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- id: demo\n", "just text\n"])
def test_document_that_is_not_a_mapping(project: Project, text: str) -> None:
    project.write(YAML, text)
    assert project.problems() == ["scenarios/demo.yaml:1: expected a mapping with id and steps"]


def test_unknown_field_typo(project: Project) -> None:
    """A typo is one mistake where it is, not also the field it should have been as missing."""
    project.edit(YAML, "    next: ask\n", "    nxt: ask\n")
    assert project.problems() == [
        'scenarios/demo.yaml:6: unknown field "nxt": did you mean "next"?'
    ]


def test_unknown_field_unlike_any_missing_one(project: Project) -> None:
    """Help texts belong in the .ftl file: nothing to suggest, nothing missing."""
    project.edit(YAML, "    next: ask\n", "    next: ask\n    hint: Read it\n")
    project.edit(YAML, "    checklist: [item]\n", "    checklist: [item]\n    chekclist: [x]\n")
    assert project.problems() == [
        'scenarios/demo.yaml:7: unknown field "hint"',
        'scenarios/demo.yaml:25: unknown field "chekclist": did you mean "checklist"?',
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    next: ask\n",
            "",
            'scenarios/demo.yaml:4: missing field "next"',
            id="info-without-next",
        ),
        pytest.param(
            "    checklist: [item]\n",
            "",
            'scenarios/demo.yaml:21: missing field "checklist"',
            id="end-without-checklist",
        ),
        pytest.param(
            "id: demo\n",
            "",
            'scenarios/demo.yaml:1: missing field "id"',
            id="scenario-without-id",
        ),
        pytest.param(
            "    kind: info\n",
            "",
            'scenarios/demo.yaml:4: step needs a "kind" (info, question, choice, text or end)',
            id="step-without-kind",
        ),
    ],
)
def test_missing_field(project: Project, old: str, new: str, expected: str) -> None:
    project.edit(YAML, old, new)
    assert project.problems() == [expected]


def test_unknown_step_kind(project: Project) -> None:
    project.edit(YAML, "kind: info", "kind: infoo")
    assert project.problems() == [
        """scenarios/demo.yaml:5: unknown step kind 'infoo': did you mean "info"?"""
    ]


def test_unknown_step_kind_unlike_any(project: Project) -> None:
    project.edit(YAML, "kind: info", "kind: fork")
    assert project.problems() == [
        "scenarios/demo.yaml:5: unknown step kind 'fork' "
        "(expected info, question, choice, text or end)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "- id: intro",
            "- id: Intro",
            f"scenarios/demo.yaml:4: \"id\": 'Intro' {ID_RULE}",
            id="uppercase-step-id",
        ),
        pytest.param(
            "- id: calm",
            "- id: stay--calm",
            f"scenarios/demo.yaml:17: \"id\": 'stay--calm' {ID_RULE}",
            id="double-hyphen-option-id",
        ),
        pytest.param(
            "next: ask",
            "next: ask_me",
            f"scenarios/demo.yaml:6: \"next\": 'ask_me' {ID_RULE}",
            id="underscore-in-next",
        ),
        pytest.param(
            "- id: intro",
            "- id: " + "i" * 41,
            f"scenarios/demo.yaml:4: \"id\": '{'i' * 41}' is 41 characters: an id has at most 40",
            id="too-long",
        ),
    ],
)
def test_invalid_id_pattern(project: Project, old: str, new: str, expected: str) -> None:
    project.edit(YAML, old, new)
    assert project.problems() == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "      - id: wrong\n",
            "",
            "scenarios/demo.yaml:10: a question needs at least two options",
            id="one-option",
        ),
        pytest.param(
            "id: demo\n",
            "id: demo\nsettings:\n  reveal_after: 0\n",
            'scenarios/demo.yaml:3: "reveal_after" is 0: it must be from 1 to 10',
            id="settings-range",
        ),
        pytest.param(
            "id: demo\n",
            "id: demo\nversion: 'spring 2024'\n",
            "scenarios/demo.yaml:2: version must be 1-12 letters, digits, '.', '_' or '-'",
            id="version-pattern",
        ),
    ],
)
def test_other_schema_limits(project: Project, old: str, new: str, expected: str) -> None:
    project.edit(YAML, old, new)
    assert project.problems() == [expected]


def test_duplicate_yaml_key(project: Project) -> None:
    """PyYAML would silently keep the last value; the validator reports the repeated key."""
    project.edit(YAML, "    next: ask\n", "    next: ask\n    next: pick\n")
    assert project.problems() == ['scenarios/demo.yaml:7: duplicate key "next"']


def test_several_schema_errors_in_one_file(project: Project) -> None:
    project.edit(YAML, "    next: ask\n", "    nxt: ask\n")
    project.edit(YAML, "    kind: choice\n", "    kind: fork\n")
    project.edit(YAML, "- id: done", "- id: Done")
    project.edit(YAML, "    checklist: [item]\n", "    checklist: [item]\n    checklist: [x]\n")
    assert project.problems() == [
        'scenarios/demo.yaml:6: unknown field "nxt": did you mean "next"?',
        "scenarios/demo.yaml:15: unknown step kind 'fork' "
        "(expected info, question, choice, text or end)",
        f"scenarios/demo.yaml:21: \"id\": 'Done' {ID_RULE}",
        'scenarios/demo.yaml:24: duplicate key "checklist"',
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "      - id: wrong\n",
            "      - id: wrong\n" + "".join(f"      - id: w{i}\n" for i in range(7)),
            "scenarios/demo.yaml:10: a question has at most eight options, not 9",
            id="nine-options",
        ),
        pytest.param(
            "checklist: [item]",
            "checklist: []",
            "scenarios/demo.yaml:23: an end step needs at least one checklist item",
            id="empty-checklist",
        ),
        pytest.param(
            "checklist: [item]",
            "checklist: [" + ", ".join(f"i{n}" for n in range(13)) + "]",
            "scenarios/demo.yaml:23: an end step has at most 12 checklist items, not 13",
            id="long-checklist",
        ),
        pytest.param(
            "objectives: [learn]",
            "objectives: learn",
            'scenarios/demo.yaml:2: "objectives" should be a list: [a, b] on one line, '
            'or one "- " line per item',
            id="objectives-not-a-list",
        ),
        pytest.param(
            "        correct: true",
            "        correct: maybe",
            "scenarios/demo.yaml:12: \"correct\" must be true or false, not 'maybe'",
            id="correct-not-a-boolean",
        ),
        pytest.param(
            "    next: ask\n",
            "    next:\n",
            'scenarios/demo.yaml:6: "next" is empty: write an id after the colon',
            id="empty-next",
        ),
        pytest.param(
            "- id: intro",
            "- id: 2",
            'scenarios/demo.yaml:4: "id": 2 is a number, not an id: ids start with a letter',
            id="number-id",
        ),
        pytest.param(
            "- id: intro",
            "- id: true",
            'scenarios/demo.yaml:4: "id": true is read as yes/no, not as an id: '
            "quote it or pick another word",
            id="boolean-id",
        ),
        pytest.param(
            "id: demo\n",
            "id: demo\nsettings:\n  reveal_after: two\n",
            "scenarios/demo.yaml:3: \"reveal_after\" should be a whole number, not 'two'",
            id="reveal-after-word",
        ),
        pytest.param(
            "id: demo\n",
            "id: demo\nsettings: 3\n",
            'scenarios/demo.yaml:2: "settings" should be fields such as "reveal_after: 2" on '
            "lines of their own, not 3",
            id="settings-not-fields",
        ),
        pytest.param(
            "      - id: calm\n        next: done\n",
            "      - calm\n",
            'scenarios/demo.yaml:17: an option should be fields such as "id: right" on lines '
            "of their own, not 'calm'",
            id="option-not-fields",
        ),
        pytest.param(
            "id: demo\n",
            "id: demo\nversion: 1.10\n",
            "scenarios/demo.yaml:2: version 1.1 is a decimal number, which YAML does not keep "
            'exactly (1.10 reads as 1.1): quote it, as in version: "1.10"',
            id="decimal-version",
        ),
    ],
)
def test_schema_errors_in_words(
    project: Project, old: str, new: str, expected: str | None
) -> None:
    """Pydantic's own wording ("List should have at least 2 items after validation") never
    reaches a writer: every error type the model can produce has a message of its own."""
    project.edit(YAML, old, new)
    assert project.problems() == ([expected] if expected else [])


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n"])
def test_yaml_11_booleans_are_ids(project: Project, word: str) -> None:
    """The loader reads YAML 1.2 booleans: only true and false are not text, as the guide
    says (`id: true` is in test_schema_errors_in_words)."""
    project.edit(YAML, "- id: wrong", f"- id: {word}")
    for locale in LOCALES:
        project.edit(f"locales/{locale}/demo.ftl", "ask--wrong", f"ask--{word}")
    assert project.problems() == []


# --- Structure: ids, transitions, reachability, exits, button sizes ---


def test_duplicate_step_id(project: Project) -> None:
    project.append(YAML, "  - id: done\n    kind: end\n    checklist: [item]\n")
    assert project.problems() == ['scenarios/demo.yaml:24: duplicate step id "done"']


def test_duplicate_step_id_is_reported_alone(project: Project) -> None:
    """A step renamed to an id already taken: its missing and unexpected texts, the transition
    to its old id and the dead ends all follow from the one cause (16 lines on a shipped
    scenario, the cause 10th). Report the cause alone; fix, rerun."""
    project.edit(YAML, "- id: pick", "- id: ask")
    assert project.problems() == ['scenarios/demo.yaml:14: duplicate step id "ask"']


def test_duplicate_option_id(project: Project) -> None:
    project.edit(YAML, "      - id: wrong\n", "      - id: wrong\n      - id: wrong\n")
    assert project.problems() == [
        'scenarios/demo.yaml:14: duplicate option id "wrong" in step "ask"'
    ]


def test_duplicate_objective_and_checklist_item(project: Project) -> None:
    project.edit(YAML, "objectives: [learn]", "objectives: [learn, learn]")
    project.edit(YAML, "checklist: [item]", "checklist: [item, item]")
    assert project.problems() == [
        'scenarios/demo.yaml:2: duplicate objective "learn"',
        'scenarios/demo.yaml:23: duplicate checklist item "item" in step "done"',
    ]


def test_reserved_step_id(project: Project) -> None:
    """A step called "title" would share its Fluent key with the scenario title. The keys
    it leaves unexpected are its consequence, so they are not reported."""
    project.edit(YAML, "- id: intro", "- id: title")
    assert project.problems() == [
        'scenarios/demo.yaml:4: step id "title" is reserved for scenario texts',
    ]


def test_step_next_to_missing_step(project: Project) -> None:
    """Only the typo is reported, not the dead ends and unreachable steps it causes."""
    project.edit(YAML, "next: pick", "next: pik")
    assert project.problems() == [
        'scenarios/demo.yaml:9: step "ask" goes to missing step "pik": did you mean "pick"?',
    ]


def test_option_next_to_missing_step(project: Project) -> None:
    project.edit(YAML, "calm\n        next: done", "calm\n        next: dne")
    assert project.problems() == [
        'scenarios/demo.yaml:18: option "calm" goes to missing step "dne": did you mean "done"?'
    ]


def test_missing_step_unlike_any(project: Project) -> None:
    project.edit(YAML, "next: pick", "next: summary")
    assert project.problems() == [
        'scenarios/demo.yaml:9: step "ask" goes to missing step "summary"'
    ]


def test_start_to_missing_step(project: Project) -> None:
    project.edit(YAML, "objectives: [learn]\n", "objectives: [learn]\nstart: begin\n")
    assert project.problems() == ['scenarios/demo.yaml:3: start step "begin" does not exist']
    project.edit(YAML, "start: begin", "start: intr")
    assert project.problems() == [
        'scenarios/demo.yaml:3: start step "intr" does not exist: did you mean "intro"?'
    ]


def test_explicit_start_is_respected(project: Project) -> None:
    """Starting at the question leaves the intro unreachable."""
    project.edit(YAML, "objectives: [learn]\n", "objectives: [learn]\nstart: ask\n")
    assert project.problems() == [
        'scenarios/demo.yaml:5: step "intro" is unreachable from the start "ask"'
    ]


def test_unreachable_step(project: Project) -> None:
    project.edit(YAML, "next: pick", "next: done")
    assert project.problems() == [
        'scenarios/demo.yaml:14: step "pick" is unreachable from the start "intro"'
    ]


def test_dead_end_correct_option_leads_nowhere(project: Project) -> None:
    """Without the question's `next` its only correct option has nowhere to go."""
    project.delete(YAML, "    next: pick")
    assert project.problems() == [
        'scenarios/demo.yaml:10: correct option "right" leads nowhere: '
        'give it `next` or give step "ask" a `next`',
    ]


def test_question_without_correct_option_is_the_only_report(project: Project) -> None:
    """One branch of a choice leads to a question with only wrong answers: the cause is
    reported, not the dead end it makes."""
    project.write_scenario(
        """\
        id: demo
        objectives: [learn]
        steps:
          - id: pick
            kind: choice
            options:
              - id: calm
                next: done
              - id: rush
                next: stuck
          - id: stuck
            kind: question
            options:
              - id: wrong
              - id: worse
          - id: done
            kind: end
            checklist: [item]
        """
    )
    assert project.problems() == [
        'scenarios/demo.yaml:13: question "stuck" has no correct option',
    ]


def test_branch_that_never_reaches_an_end(project: Project) -> None:
    """A branch whose steps only lead to each other: a loop with no exit."""
    project.write_scenario(
        """\
        id: demo
        objectives: [learn]
        steps:
          - id: pick
            kind: choice
            options:
              - id: calm
                next: done
              - id: rush
                next: stuck
          - id: stuck
            kind: info
            next: again
          - id: again
            kind: info
            next: stuck
          - id: done
            kind: end
            checklist: [item]
        """
    )
    assert project.problems() == [
        "scenarios/demo.yaml:3: warning: no question at all: people learn by answering",
        "scenarios/demo.yaml:11: loop with no exit to an end step: stuck -> again -> stuck",
        "scenarios/demo.yaml:14: loop with no exit to an end step: again -> stuck -> again",
    ]


def test_loop_with_no_exit(project: Project) -> None:
    project.edit(YAML, "next: pick", "next: intro")
    assert project.problems() == [
        "scenarios/demo.yaml:4: loop with no exit to an end step: intro -> ask -> intro",
        "scenarios/demo.yaml:7: loop with no exit to an end step: ask -> intro -> ask",
        'scenarios/demo.yaml:14: step "pick" is unreachable from the start "intro"',
        'scenarios/demo.yaml:21: step "done" is unreachable from the start "intro"',
    ]


def test_loop_with_an_exit_is_fine(project: Project) -> None:
    """Going back to the start from one branch is a loop, but the other branch ends."""
    project.edit(YAML, "calm\n        next: done", "calm\n        next: intro")
    assert project.problems() == []


def test_question_with_no_correct_option(project: Project) -> None:
    """The wrong option still leads on, so only the missing right answer is reported."""
    project.delete(YAML, "        correct: true")
    project.edit(YAML, "      - id: wrong\n", "      - id: wrong\n        next: pick\n")
    assert project.problems() == ['scenarios/demo.yaml:10: question "ask" has no correct option']


def test_choice_option_without_next(project: Project) -> None:
    """A choice has no "try again": every option must lead somewhere."""
    project.edit(YAML, "      - id: calm\n        next: done\n", "      - id: calm\n")
    assert project.problems() == [
        'scenarios/demo.yaml:17: option "calm" of choice "pick" needs `next`'
    ]


def test_choice_option_marked_correct(project: Project) -> None:
    project.edit(
        YAML, "calm\n        next: done", "calm\n        correct: true\n        next: done"
    )
    assert project.problems() == [
        "scenarios/demo.yaml:18: a choice has no right answer: use kind: question, "
        "or drop `correct`"
    ]


def test_no_end_step(project: Project) -> None:
    project.edit(YAML, "    kind: end\n    checklist: [item]", "    kind: info\n    next: intro")
    assert project.problems() == [
        'locales/en/demo.ftl:17: unexpected message "done--item": '
        "no step, option or item has this id",
        'locales/ru/demo.ftl:17: unexpected message "done--item": '
        "no step, option or item has this id",
        "scenarios/demo.yaml:3: the scenario has no end step",
    ]


def test_id_not_matching_file_name(project: Project) -> None:
    project.path(YAML).rename(project.path("scenarios/other.yaml"))
    assert project.problems() == [
        'scenarios/other.yaml:1: id "demo" must match the file name "other.yaml"'
    ]


def test_callback_data_over_64_bytes(project: Project) -> None:
    """Answer buttons carry `a:<scenario>:<version>:<step>:<option>`; the version is an
    8-character structure hash here, so 34 + 31 characters of ids give 82 bytes."""
    project.write_scenario(
        """\
        id: demo
        objectives: [learn]
        steps:
          - id: a-question-whose-id-is-rather-long
            kind: question
            next: done
            options:
              - id: an-answer-whose-id-is-also-long
                correct: true
              - id: other
          - id: done
            kind: end
            checklist: [item]
        """
    )
    assert project.problems() == [
        "scenarios/demo.yaml:8: button data would be 82 bytes, over Telegram's 64: "
        "shorten the scenario, step or option id"
    ]


def test_same_scenario_id_in_two_files(project: Project) -> None:
    """`demo.yaml` and `demo.yml` are both valid alone; the second one is refused."""
    project.write("scenarios/demo.yml", project.path(YAML).read_text(encoding="utf-8"))
    problems = project.validate()
    assert [str(p) for p in problems] == [
        'scenarios/demo.yml:1: scenario id "demo" also in scenarios/demo.yaml'
    ]


# --- Scenario translations ---


def test_missing_translation_file(project: Project) -> None:
    project.path(EN).unlink()
    assert project.problems() == [
        "scenarios/demo.yaml:1: missing translation file locales/en/demo.ftl"
    ]


def test_missing_key_in_one_locale_is_reported_at_the_yaml_id(project: Project) -> None:
    project.delete(EN, "pick--rush = Rush")
    assert project.problems() == ['scenarios/demo.yaml:19: no "pick--rush" message in locale en']


def test_missing_title_in_both_locales(project: Project) -> None:
    project.delete(EN, "title = Demo")
    project.delete(RU, "title = Демо")
    assert project.problems() == [
        'scenarios/demo.yaml:1: no "title" message in locale en',
        'scenarios/demo.yaml:1: no "title" message in locale ru',
    ]


def test_extra_key_in_a_locale_is_reported_at_the_ftl_line(project: Project) -> None:
    project.append(RU, "pick--wait = Ждать\n")
    assert project.problems() == [
        'locales/ru/demo.ftl:18: unexpected message "pick--wait": '
        "no step, option or item has this id"
    ]


def test_misspelt_key_is_one_mistake(project: Project) -> None:
    """Not an "unexpected message" here and a "no message" in the YAML, but one line."""
    project.edit(EN, "pick--rush = Rush", "pick--rsh = Rush")
    assert project.problems() == [
        'locales/en/demo.ftl:14: "pick--rsh" is not a key of this scenario: '
        'did you mean "pick--rush", which is missing?'
    ]


def test_question_option_needs_feedback(project: Project) -> None:
    project.delete(EN, "    .feedback = No.")
    assert project.problems() == [
        'locales/en/demo.ftl:9: message "ask--wrong" needs a .feedback attribute'
    ]


def test_message_with_only_attributes(project: Project) -> None:
    project.edit(EN, "ask = Which one?", "ask =")
    assert project.problems() == [
        'locales/en/demo.ftl:5: message "ask" has no text, only attributes'
    ]


def test_unknown_attribute(project: Project) -> None:
    """A misspelt .hint is one mistake, not also a .hint that ru has and en lacks."""
    project.edit(EN, "    .hint", "    .hnit")
    assert project.problems() == [
        'locales/en/demo.ftl:6: unknown attribute .hnit on "ask": did you mean .hint?',
    ]


def test_unknown_attribute_unlike_any(project: Project) -> None:
    project.edit(EN, "    .hint", "    .comment")
    assert project.problems() == [
        'locales/en/demo.ftl:5: "ask" has .hint in locale ru but not in en',
        'locales/en/demo.ftl:6: unknown attribute .comment on "ask" '
        "(allowed: .explanation, .hint)",
    ]


def test_misspelt_required_attribute(project: Project) -> None:
    project.edit(EN, "    .feedback = No.", "    .feedbak = No.")
    assert project.problems() == [
        'locales/en/demo.ftl:10: unknown attribute .feedbak on "ask--wrong": '
        "did you mean .feedback?",
    ]


def test_attribute_in_ru_but_not_en(project: Project) -> None:
    project.edit(RU, "    .hint = Первый.\n", "    .hint = Первый.\n    .explanation = Так.\n")
    assert project.problems() == [
        'locales/en/demo.ftl:5: "ask" has .explanation in locale ru but not in en'
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "pick = What now?",
            "pick = What { now?",
            # The broken message is Junk, so it is also missing.
            [
                'locales/en/demo.ftl:11: Fluent syntax error: Expected token: "}"',
                'scenarios/demo.yaml:14: no "pick" message in locale en',
            ],
            id="unclosed-placeable",
        ),
        pytest.param(
            "done--item = Remember the thing\n",
            "done--item = Remember the thing\nnote: this is not Fluent\n",
            ['locales/en/demo.ftl:18: Fluent syntax error: Expected token: "="'],
            id="stray-line",
        ),
        pytest.param(
            "pick--rush = Rush",
            "pick--rush Rush",
            [
                'locales/en/demo.ftl:14: Fluent syntax error: Expected token: "="',
                'scenarios/demo.yaml:19: no "pick--rush" message in locale en',
            ],
            id="missing-equals",
        ),
        pytest.param(
            "pick = What now?",
            "pick = { $contact ->\n        [x] What now?\n    }",
            [
                "locales/en/demo.ftl:13: Fluent syntax error: "
                "Expected one of the variants to be marked as default (*)",
                'scenarios/demo.yaml:14: no "pick" message in locale en',
            ],
            id="select-without-default",
        ),
    ],
)
def test_fluent_syntax_error(project: Project, old: str, new: str, expected: list[str]) -> None:
    project.edit(EN, old, new)
    assert project.problems() == expected


def test_unknown_variable(project: Project) -> None:
    project.edit(EN, "{ $contact }", "{ $name }")
    assert project.problems() == [
        "locales/en/demo.ftl:4: unknown variable $name (available: $consumer-law, "
        "$consumer-watchdog, $contact, $crisis-line, $dispute-deadline, $emergency, "
        "$faulty-goods-deadlines, $ombudsman, $provider, $provider-app, $provider-website, "
        "$regulator, $return-policy, $service-cancellation, $support-channels, "
        "$telemedicine-rule)"
    ]


def test_deployment_variables_are_defined_for_scenario_texts(project: Project) -> None:
    """A provider's facts (its app, the market's emergency number...) come from the
    deployment profile, so a text may use them; a misspelt one is still reported."""
    project.edit(
        EN, "Ask { $contact }", "Call { $emergency } or open { $provider-app }; ask { $contact }"
    )
    assert project.problems() == []
    project.edit(EN, "{ $emergency }", "{ $emergancy }")
    assert project.problems() == [
        "locales/en/demo.ftl:4: unknown variable $emergancy: did you mean $emergency?"
    ]


def test_reference_to_missing_message_and_term(project: Project) -> None:
    project.edit(EN, "Ask { $contact }", "Ask { outro } or { -brand }")
    assert project.problems() == [
        'locales/en/demo.ftl:4: reference to missing message "outro"',
        'locales/en/demo.ftl:4: reference to missing term "-brand"',
    ]


def test_references_that_exist_are_fine(project: Project) -> None:
    project.edit(EN, "Ask { $contact }", "Ask { -brand } at { title }")
    project.append(EN, "-brand = Demo Inc.\n")
    assert project.problems() == []


def test_duplicate_message(project: Project) -> None:
    project.append(EN, "pick = Again?\n")
    assert project.problems() == ['locales/en/demo.ftl:18: duplicate message "pick"']


def test_several_errors_in_one_scenario_all_reported(project: Project) -> None:
    """Structure errors in the YAML and problems in both Fluent files, in one run."""
    project.edit(YAML, "      - id: wrong\n", "      - id: wrong\n      - id: wrong\n")
    project.edit(YAML, "calm\n        next: done", "calm\n        next: dne")
    project.edit(YAML, "      - id: rush\n", "      - id: rush\n        correct: true\n")
    project.edit(EN, "{ $contact }", "{ $name }")
    project.delete(EN, "    .feedback = No.")
    project.delete(RU, "done--item = Запомнить главное")
    project.append(RU, "pick--wait = Ждать\n")
    assert project.problems() == [
        "locales/en/demo.ftl:4: unknown variable $name (available: $consumer-law, "
        "$consumer-watchdog, $contact, $crisis-line, $dispute-deadline, $emergency, "
        "$faulty-goods-deadlines, $ombudsman, $provider, $provider-app, $provider-website, "
        "$regulator, $return-policy, $service-cancellation, $support-channels, "
        "$telemedicine-rule)",
        'locales/en/demo.ftl:9: message "ask--wrong" needs a .feedback attribute',
        'locales/ru/demo.ftl:17: unexpected message "pick--wait": '
        "no step, option or item has this id",
        'scenarios/demo.yaml:14: duplicate option id "wrong" in step "ask"',
        'scenarios/demo.yaml:19: option "calm" goes to missing step "dne": did you mean "done"?',
        "scenarios/demo.yaml:21: a choice has no right answer: use kind: question, "
        "or drop `correct`",
        'scenarios/demo.yaml:25: no "done--item" message in locale ru',
    ]


# --- Encodings: UTF-8 with or without a BOM; anything else is one clear line per file ---

NOT_UTF8_1251 = "not UTF-8 (looks like Windows-1251): save it as UTF-8"


def reencode(project: Project, name: str, encoding: str, prefix: bytes = b"") -> None:
    path = project.path(name)
    path.write_bytes(prefix + path.read_text(encoding="utf-8").encode(encoding))


def test_windows_1251_translation_is_one_line_beside_the_other_problems(
    project: Project,
) -> None:
    reencode(project, RU, "cp1251")
    project.delete(EN, "    .feedback = No.")
    assert project.problems() == [
        'locales/en/demo.ftl:9: message "ask--wrong" needs a .feedback attribute',
        f"locales/ru/demo.ftl: {NOT_UTF8_1251}",
    ]


def test_windows_1251_interface_file(project: Project) -> None:
    reencode(project, "locales/ru/bot.ftl", "cp1251")
    assert project.problems() == [f"locales/ru/bot.ftl: {NOT_UTF8_1251}"]


def test_windows_1251_comment_in_yaml(project: Project) -> None:
    project.edit(YAML, "id: demo\n", "# Демо: пример\nid: demo\n")
    reencode(project, YAML, "cp1251")
    assert project.problems() == [f"scenarios/demo.yaml: {NOT_UTF8_1251}"]


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        pytest.param("utf-16-le", b"\xff\xfe", "not UTF-8 (looks like UTF-16)", id="utf-16"),
        pytest.param("latin-1", b"", "not UTF-8", id="latin-1"),
    ],
)
def test_other_encodings(project: Project, encoding: str, prefix: bytes, expected: str) -> None:
    project.edit(EN, "Which one?", "Which café?")
    reencode(project, EN, encoding, prefix)
    assert project.problems() == [f"locales/en/demo.ftl: {expected}: save it as UTF-8"]


def test_byte_order_mark_is_fine_everywhere(project: Project) -> None:
    """Notepad saves UTF-8 with a BOM: it must not read as a Fluent syntax error."""
    for name in (YAML, EN, RU, "locales/en/bot.ftl", "locales/ru/bot.ftl"):
        reencode(project, name, "utf-8", b"\xef\xbb\xbf")
    library, problems = validate([Path("scenarios")], Path("locales"))
    assert [str(p) for p in problems] == []
    assert library.sources[("ru", "demo")].startswith("title = Демо")
    assert library.sources[("en", "")] == "hello = Hello\n"


@pytest.mark.parametrize("command", [["play", "demo"], ["graph", "demo"], ["validate"]])
def test_windows_1251_in_commands_is_a_message_not_a_traceback(
    project: Project, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("ROLEBOT_SCENARIOS_DIR", "scenarios")
    monkeypatch.setenv("ROLEBOT_LOCALES_DIR", "locales")
    monkeypatch.setenv("ROLEBOT_DATABASE", "rolebot.sqlite3")
    reencode(project, RU, "cp1251")
    result = CliRunner().invoke(cli, command, input="q\n")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert f"locales/ru/demo.ftl: {NOT_UTF8_1251}\n" in result.output


# --- Interface texts (bot.ftl): syntax and parity between locales only ---


def test_interface_key_missing_in_one_locale(project: Project) -> None:
    project.append("locales/ru/bot.ftl", "bye = Пока\n")
    assert project.problems() == ['locales/en/bot.ftl:1: no "bye" message (it is in locale ru)']


def test_interface_attribute_missing_in_one_locale(project: Project) -> None:
    project.append("locales/en/bot.ftl", "    .tooltip = Say hello\n")
    assert project.problems() == [
        'locales/ru/bot.ftl:1: "hello" has .tooltip in locale en but not in ru'
    ]


def test_interface_file_missing(project: Project) -> None:
    project.path("locales/ru/bot.ftl").unlink()
    assert project.problems() == ["locales/ru/bot.ftl:1: missing interface translation file"]


def test_interface_fluent_error_and_any_variable(project: Project) -> None:
    """Interface texts may use any variable; a syntax error is still one."""
    project.append("locales/en/bot.ftl", "step = Step { $current }\noops\n")
    project.append("locales/ru/bot.ftl", "step = Шаг { $current }\n")
    assert project.problems() == ['locales/en/bot.ftl:3: Fluent syntax error: Expected token: "="']


# --- Warnings: reported beside errors but never blocking ---


def remove_objectives_and_hints(project: Project) -> None:
    project.delete(YAML, "objectives: [learn]")
    project.delete(EN, "objective--learn = Learn one thing")
    project.delete(RU, "objective--learn = Научиться одному")
    project.delete(EN, "    .hint = The first one.")
    project.delete(RU, "    .hint = Первый.")


WARNINGS = [
    "scenarios/demo.yaml:1: warning: no objectives: say what the learner will be able to do",
    'scenarios/demo.yaml:6: warning: step "ask" has no .hint',
]


def test_warnings_do_not_make_a_scenario_invalid(project: Project) -> None:
    remove_objectives_and_hints(project)
    library, problems = validate([Path("scenarios")], Path("locales"))
    assert [str(p) for p in problems] == WARNINGS
    assert {p.severity for p in problems} == {Severity.WARNING}
    assert list(library.scenarios) == ["demo"]


def test_no_question_and_text_step_without_hint(project: Project) -> None:
    project.write_scenario(
        """\
        id: demo
        objectives: [learn]
        steps:
          - id: write
            kind: text
            next: done
          - id: done
            kind: end
            checklist: [item]
        """
    )
    for locale in LOCALES:
        project.delete(f"locales/{locale}/demo.ftl", "    .hint = Hint")
    assert project.problems() == [
        "scenarios/demo.yaml:3: warning: no question at all: people learn by answering",
        'scenarios/demo.yaml:4: warning: step "write" has no .hint',
    ]


def test_warnings_beside_errors(project: Project) -> None:
    """The objectives warning is found even when errors stop the scenario from loading (the
    .hint warning needs a loaded scenario, so it only appears once the errors are fixed)."""
    remove_objectives_and_hints(project)
    project.edit(YAML, "next: pick", "next: done")
    problems = project.validate()
    assert [str(p) for p in problems] == [
        "scenarios/demo.yaml:1: warning: no objectives: say what the learner will be able to do",
        'scenarios/demo.yaml:13: step "pick" is unreachable from the start "intro"',
    ]
    assert [p.severity for p in problems] == [Severity.WARNING, Severity.ERROR]


def test_load_library_raises_with_errors_only(project: Project) -> None:
    remove_objectives_and_hints(project)
    project.edit(YAML, "next: pick", "next: done")
    with pytest.raises(ScenarioError) as caught:
        load_library(Path("scenarios"), Path("locales"))
    assert str(caught.value) == (
        'scenarios/demo.yaml:13: step "pick" is unreachable from the start "intro"'
    )


# --- The command line ---


def run_validate(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_cli_valid(project: Project) -> None:
    assert run_validate("scenarios") == (
        0,
        [],
        "1 scenario(s) valid, 0 error(s), 0 warning(s)\n",
    )


@pytest.mark.parametrize(("strict", "code"), [(False, 0), (True, 1)])
def test_cli_warnings(project: Project, strict: bool, code: int) -> None:
    remove_objectives_and_hints(project)
    args = ["--strict"] if strict else []
    assert run_validate(*args, "scenarios") == (
        code,
        WARNINGS,
        "1 scenario(s) valid, 0 error(s), 2 warning(s)\n",
    )


@pytest.mark.parametrize("strict", [False, True])
def test_cli_errors(project: Project, strict: bool) -> None:
    project.edit(YAML, "next: pick", "next: done")
    project.delete(EN, "    .feedback = No.")
    args = ["--strict"] if strict else []
    assert run_validate(*args, "scenarios") == (
        1,
        [
            'locales/en/demo.ftl:9: message "ask--wrong" needs a .feedback attribute',
            'scenarios/demo.yaml:14: step "pick" is unreachable from the start "intro"',
        ],
        "0 scenario(s) valid, 2 error(s), 0 warning(s)\n",
    )


def test_cli_file_argument_and_locales_option(project: Project) -> None:
    """A file path works too; --locales points elsewhere than `../locales`."""
    project.path("locales").rename(project.path("texts"))
    code, lines, summary = run_validate("--locales", "texts", YAML)
    assert (code, lines, summary) == (0, [], "1 scenario(s) valid, 0 error(s), 0 warning(s)\n")


# --- The shipped content ---


def test_shipped_scenarios_have_no_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything under scenarios/ and locales/ at the repository root validates. A scenario
    whose translation file is not written yet only makes the test skip, and only once
    everything else checks out."""
    monkeypatch.chdir(REPO)
    assert Path("scenarios").is_dir()
    yamls = scenario_files([Path("scenarios")])
    assert yamls, "no scenarios shipped"
    missing = [
        f"locales/{locale}/{yaml_path.stem}.ftl"
        for yaml_path in yamls
        for locale in LOCALES
        if not Path(f"locales/{locale}/{yaml_path.stem}.ftl").exists()
    ]
    library, problems = validate(yamls, Path("locales"))
    errors = [
        str(p)
        for p in problems
        if p.severity is Severity.ERROR
        and not any(p.message == f"missing translation file {name}" for name in missing)
    ]
    assert errors == []
    if missing:
        pytest.skip(f"translations still being written: {', '.join(missing)}")
    assert sorted(library.scenarios) == sorted(p.stem for p in yamls)


# --- Regressions: validator bugs found while writing these tests ---


def test_yes_and_no_are_valid_option_ids(project: Project) -> None:
    project.edit(YAML, "- id: right", "- id: yes")
    project.edit(YAML, "- id: wrong", "- id: no")
    for locale in LOCALES:
        project.edit(f"locales/{locale}/demo.ftl", "ask--right", "ask--yes")
        project.edit(f"locales/{locale}/demo.ftl", "ask--wrong", "ask--no")
    assert project.problems() == []


def test_id_not_matching_yml_file_name(project: Project) -> None:
    project.path(YAML).rename(project.path("scenarios/other.yml"))
    assert project.problems() == [
        'scenarios/other.yml:1: id "demo" must match the file name "other.yml"'
    ]


def test_fluent_error_on_the_broken_line(project: Project) -> None:
    project.edit(EN, "pick = What now?", "pick = What {")
    assert project.problems() == [
        'locales/en/demo.ftl:11: Fluent syntax error: Expected token: "}"',
        'scenarios/demo.yaml:14: no "pick" message in locale en',
    ]


def test_invalid_list_item_names_its_field(project: Project) -> None:
    project.edit(YAML, "objectives: [learn]", "objectives: [learn, Learn-More]")
    project.edit(YAML, "checklist: [item]", "checklist: [item, Item]")
    assert project.problems() == [
        f"scenarios/demo.yaml:2: \"objectives\": 'Learn-More' {ID_RULE}",
        f"scenarios/demo.yaml:23: \"checklist\": 'Item' {ID_RULE}",
    ]


def test_write_scenario_helper_writes_complete_translations(project: Project) -> None:
    """`write_scenario` generates the translations, so structural tests see only their own
    findings; it has to cover every step kind."""
    project.write_scenario(
        """\
        id: demo
        objectives: [learn]
        steps:
          - {id: intro, kind: info, next: ask}
          - id: ask
            kind: question
            next: pick
            options: [{id: right, correct: true}, {id: wrong}]
          - {id: pick, kind: choice, options: [{id: a, next: write}, {id: b, next: write}]}
          - {id: write, kind: text, next: done}
          - {id: done, kind: end, checklist: [item]}
        """
    )
    assert project.problems() == []
