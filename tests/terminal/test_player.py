"""`rolebot play` driven through standard input, as a writer or a pipe would."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from bot.core.loader import Library
from bot.core.model import ChoiceStep, EndStep, InfoStep, QuestionStep, TextStep
from bot.core.scenario import option_target


def correct_path(library: Library, scenario_id: str) -> list[str]:
    """Answers, one per line, that walk the right answers (first branch of every choice)."""
    scenario = library.scenarios[scenario_id]
    lines: list[str] = []
    step = scenario.steps[scenario.start]
    for _ in range(100):
        match step:
            case InfoStep():
                lines.append("")
                target = step.next
            case QuestionStep():
                index = next(i for i, o in enumerate(step.options) if o.correct)
                lines.append(str(index + 1))
                target = option_target(step, step.options[index]) or step.id
            case ChoiceStep():
                lines.append("1")
                target = step.options[0].next or step.id
            case TextStep():
                lines.append("x" * step.min_length)
                target = step.next
            case EndStep():
                lines.append("5")
                return lines
        step = scenario.steps[target]
    raise AssertionError("no end reached")


def play(db: Path, *args: str, stdin: str) -> Result:
    return CliRunner().invoke(cli, ["--database", str(db), "play", *args], input=stdin)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.parametrize("scenario", ["atm-withdrawal", "contact-support"])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_walks_to_the_end_and_records_events(
    library: Library, tmp_path: Path, scenario: str, lang: str
) -> None:
    db = tmp_path / "play.sqlite3"
    result = play(db, scenario, "--lang", lang, stdin="\n".join(correct_path(library, scenario)))
    assert result.exit_code == 0, result.output
    kinds = [k for (k,) in rows(db, "select kind from events order by id")]
    assert kinds[0] == "run_started"
    assert kinds[-2:] == ["run_completed", "rated"]
    assert "answer_given" in kinds
    assert {loc for (loc,) in rows(db, "select distinct locale from events")} == {lang}
    thanks = {"ru": "Спасибо за оценку: 5 из 5.", "en": "Thank you for the rating: 5 of 5."}
    assert thanks[lang] in result.output


def test_end_of_input_saves_progress_and_resumes(library: Library, tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    answers = correct_path(library, "atm-withdrawal")
    first = play(db, "atm-withdrawal", "--lang", "en", stdin="\n".join(answers[:3]) + "\n")
    assert first.exit_code == 0
    assert "Your progress is saved" in first.output
    (step,) = rows(db, "select step from progress")[0]
    second = play(db, "atm-withdrawal", "--lang", "en", stdin="\n".join(answers[3:]))
    assert second.exit_code == 0, second.output
    runs = rows(db, "select distinct run from events")
    assert runs == [(1,)]
    shown = rows(db, "select step from events where kind = 'step_shown' order by id")
    assert (step,) in shown[3:5]  # the resumed run shows the saved step first


def test_help_quit_and_bad_numbers(tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    result = play(db, "atm-withdrawal", "--lang", "ru", stdin="\n9\n?\n?\n?\nq\n")
    assert result.exit_code == 0
    assert "Варианта «9» нет. Введите число от 1 до 4." in result.output
    assert "💡 Подсказка" in result.output
    assert "📖 Объяснение" in result.output
    assert "вам поможет человек: служба поддержки сервиса" in result.output
    levels = rows(db, "select level from events where kind = 'help_asked' order by id")
    assert levels == [(1,), (2,), (3,)]


def test_typed_text_is_never_stored(tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    secret = "4276 1234 5678 9012 pin 4321"
    result = play(db, "atm-withdrawal", "--lang", "en", stdin=f"\n{secret}\n")
    assert result.exit_code == 0
    assert rows(db, "select length from events where kind = 'text_typed'") == [(len(secret),)]
    with sqlite3.connect(db) as conn:
        conn.execute("pragma wal_checkpoint(TRUNCATE)")
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"4276" not in data and b"4321" not in data


def test_menu_without_scenario(tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    listing = play(db, "--lang", "en", stdin="q\n")
    assert "Choose a topic:" in listing.output
    line = next(ln for ln in listing.output.splitlines() if "Withdrawing cash at an ATM" in ln)
    number = line.strip().split(".")[0]
    result = play(db, "--lang", "en", stdin=f"{number}\n")
    assert result.exit_code == 0
    assert rows(db, "select scenario from events limit 1") == [("atm-withdrawal",)]


def test_unknown_scenario(tmp_path: Path) -> None:
    result = play(tmp_path / "p.sqlite3", "no-such", "--lang", "en", stdin="")
    assert result.exit_code == 2
    assert "There is no topic “no-such”" in result.output


def test_terminal_wording_instead_of_telegram_wording(tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    result = play(db, "atm-withdrawal", "--lang", "en", stdin="\nwhich one?\nq\n")
    assert "Please type the number of your answer. If you are stuck, type ? or “help”." in (
        result.output
    )
    assert "buttons below the message" not in result.output
    assert rows(db, "select length from events where kind = 'text_typed'") == [(10,)]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("ru", ["Помогите!", "help", "меню", "выход"]), ("en", ["HELP", "помогите", "menu", "quit"])],
)
def test_words_a_person_would_type(tmp_path: Path, lang: str, words: list[str]) -> None:
    db = tmp_path / "play.sqlite3"
    result = play(db, "atm-withdrawal", "--lang", lang, stdin="\n" + "\n".join(words) + "\n")
    assert result.exit_code == 0, result.output
    levels = rows(db, "select level from events where kind = 'help_asked' order by id")
    assert levels == [(1,), (2,)]
    assert rows(db, "select count(*) from events where kind = 'text_typed'") == [(0,)]
    menu = {"ru": "Выберите тему:", "en": "Choose a topic:"}[lang]
    assert menu in result.output.split("💡")[-1]  # the topic menu, after the help
    bye = {"ru": "Ваш прогресс сохранён", "en": "Your progress is saved"}[lang]
    assert result.output.rstrip().endswith(
        bye + {"ru": ". До встречи!", "en": ". See you next time!"}[lang]
    )


def test_after_the_last_help_the_answer_is_offered(tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    result = play(db, "atm-withdrawal", "--lang", "en", stdin="\n?\n?\n?\n5\nq\n")
    assert result.exit_code == 0, result.output
    assert "  5. 👀 Show the answer" in result.output
    after = result.output.split("👀 Show the answer")[-1]
    assert "The right answer:\n\nOne inside a bank branch or lobby" in after
    assert "Right." not in after.split("Step 3 of")[0]
    assert "Step 3 of" in after
    revealed = rows(db, "select extra from events where kind = 'answer_revealed'")
    assert revealed == [('{"requested": true}',)]


def test_resuming_says_where_the_learner_was(library: Library, tmp_path: Path) -> None:
    db = tmp_path / "play.sqlite3"
    answers = correct_path(library, "atm-withdrawal")
    play(db, "atm-withdrawal", "--lang", "en", stdin="\n".join(answers[:3]) + "\n")
    second = play(db, "atm-withdrawal", "--lang", "en", stdin="q\n")
    assert "Welcome back! You were at step 4 of 13." in second.output


def test_ctrl_c_says_goodbye_calmly(tmp_path: Path) -> None:
    """A real terminal: Ctrl-C at the prompt ends at once with the bye text, no "Aborted!"."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ["HOME"] = str(tmp_path)
        args = ["--database", str(tmp_path / "p.sqlite3"), "play", "atm-withdrawal"]
        os.execv(sys.executable, [sys.executable, "-m", "bot", *args, "--lang", "en"])
    output = b""
    try:
        output += read_until(fd, b"> ", within=60)
        os.kill(pid, signal.SIGINT)
        output += read_until(fd, None, within=30)
    except BaseException:
        os.kill(pid, signal.SIGKILL)  # it ignored Ctrl-C: do not leave it behind
        raise
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    text = output.decode()
    assert "Your progress is saved. See you next time!" in text
    assert "Aborted" not in text and "Traceback" not in text
    assert os.waitstatus_to_exitcode(status) == 130


def read_until(fd: int, marker: bytes | None, within: float) -> bytes:
    """Read a pty until `marker` (None: until it closes), for at most `within` seconds."""
    deadline = time.monotonic() + within
    data = b""
    while marker is None or marker not in data:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"timed out waiting for {marker!r}: {data[-300:]!r}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        data += chunk
    return data


def test_help_in_the_menu_explains_how_to_play_here(tmp_path: Path) -> None:
    result = play(tmp_path / "p.sqlite3", "--lang", "ru", stdin="помощь\nq\n")
    assert "Введите номер ответа. «Помогите» или ? — подсказка" in result.output
    assert "кнопк" not in result.output.split("помощь")[-1]


def test_due_shows_the_review_of_a_wrong_answer_now(library: Library, tmp_path: Path) -> None:
    """`play --due`: a writer tries what the learning loop scheduled without waiting."""
    db = tmp_path / "p.sqlite3"
    scenario = library.scenarios["atm-withdrawal"]
    lines = correct_path(library, "atm-withdrawal")
    first = next(i for i, line in enumerate(lines) if line.isdigit())  # the first question
    step = next(s for s in scenario.steps.values() if isinstance(s, QuestionStep))
    wrong = next(i for i, o in enumerate(step.options) if not o.correct)
    walked = play(
        db, "atm-withdrawal", "--lang", "en", stdin="\n".join([*lines[:first], str(wrong + 1)])
    )
    assert walked.exit_code == 0, walked.output
    nothing = play(tmp_path / "other.sqlite3", "--due", "--lang", "en", stdin="")
    assert "Nothing is scheduled for you yet" in nothing.output
    due = play(db, "--due", "--lang", "en", stdin="3\n1\n")  # "no reminders", an answer
    assert due.exit_code == 0, due.output
    assert "You stopped at step" in due.output
    assert "Quick review" in due.output and "Stop reviews" in due.output
    kinds = [k for (k,) in rows(db, "select kind from events where kind like 're%' order by id")]
    assert kinds == ["reminder_sent", "review_sent", "review_answered"]
    assert rows(db, "select reminders from users") == [("off",)]
